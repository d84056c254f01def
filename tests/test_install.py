"""The small install: camel-tools without its declared dependencies (torch, transformers, scipy,
pandas, scikit-learn) plus what its morphology imports (requirements/camel-morphology.txt).

These tests catch a camel-tools upgrade or a new ``camel_tools`` import in quotes that needs a
package the list lacks, even in a full install where that package happens to be present.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PROJECT = Path(__file__).resolve().parents[1]
REQUIREMENTS = PROJECT / "requirements"
# Always needed, whatever the sources say: the cue analyser's two imports.
USED_ALWAYS = {"camel_tools.morphology.analyzer", "camel_tools.morphology.database"}
HEAVY = ("torch", "transformers", "pandas", "scipy", "sklearn")


def requirements(name: str) -> list[Requirement]:
    lines = (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines()
    return [Requirement(line.split("#", 1)[0].strip()) for line in lines if line.split("#", 1)[0].strip()]


def camel_modules_used() -> set[str]:
    """Every camel_tools module named in an import in quotes/ or gui/."""
    found = set(USED_ALWAYS)
    pattern = re.compile(r"^\s*(?:from\s+(camel_tools[\w.]*)\s+import|import\s+(camel_tools[\w.]*))", re.M)
    for folder in ("quotes", "gui"):
        for path in (PROJECT / folder).rglob("*.py"):
            for match in pattern.finditer(path.read_text(encoding="utf-8")):
                found.add(match.group(1) or match.group(2))
    return found


def run_python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    # A HOME without ~/.camel_tools and no CAMELTOOLS_DATA: camel-tools would download its
    # catalogue at import unless quotes points it at the shipped one.
    env = {k: v for k, v in os.environ.items() if k != "CAMELTOOLS_DATA"}
    env.update(HOME=str(home), PYTHONPATH=str(PROJECT))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=PROJECT, timeout=120, check=False)


def test_every_camel_module_quotes_uses_imports_offline_with_listed_packages_only(tmp_path: Path) -> None:
    modules = sorted(camel_modules_used())
    code = f"""
import json, sys
import quotes.morphology  # sets up the shipped catalogue first, as the project does
before = set(sys.modules)
for name in {modules!r}:
    __import__(name)
from importlib.metadata import packages_distributions
owners = packages_distributions()
loaded = {{m.split('.')[0] for m in set(sys.modules) - before}}
print(json.dumps(sorted({{d for m in loaded for d in owners.get(m, [])}})))
"""
    done = run_python(code, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = {d.lower().replace("_", "-") for d in json.loads(done.stdout.splitlines()[-1])}
    # camel-tools makes its default folder at import; nothing may be downloaded into it.
    assert not any((tmp_path / ".camel_tools").rglob("*"))

    # What the lists allow: camel-tools, the morphology list and quotes' own, with their dependencies.
    allowed: set[str] = set()
    todo = [*requirements("camel-tools.txt"), *requirements("camel-morphology.txt"), *requirements("base.txt")]
    while todo:
        req = todo.pop()
        name = req.name.lower().replace("_", "-")
        if name in allowed:
            continue
        allowed.add(name)
        if name == "camel-tools":
            continue  # its declared dependencies are exactly what the small install leaves out
        for line in metadata.requires(req.name) or []:
            dep = Requirement(line)
            if dep.marker is None or dep.marker.evaluate({"extra": ""}):
                todo.append(dep)
    assert loaded - allowed == set(), "add these to requirements/camel-morphology.txt"
    assert "camel-tools" in loaded


def test_every_listed_package_imports(tmp_path: Path) -> None:
    """Installed is not importable: with pip 23.2, justext's lxml[html_clean] installed no
    lxml_html_clean and trafilatura (the HTML reader) failed at import."""
    listed = {r.name.lower().replace("_", "-") for f in ("base.txt", "camel-morphology.txt")
              for r in requirements(f)}
    modules = sorted(m for m, dists in metadata.packages_distributions().items()
                     if any(d.lower().replace("_", "-") in listed for d in dists)
                     and m.isidentifier() and not m.startswith("_"))
    # Stub-only names (Shiboken.pyi) have no module: what must not happen is an import that fails.
    code = f"""
import importlib.util, json, quotes.morphology
tried = [m for m in {modules!r} if importlib.util.find_spec(m) is not None]
for m in tried:
    __import__(m)
print(json.dumps(tried))
"""
    done = run_python(code, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert {"trafilatura", "PySide6", "regex", "emoji"} <= set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("listing", ["camel-tools.txt", "camel-morphology.txt"])
def test_the_pins_are_what_is_installed(listing: str) -> None:
    for req in requirements(listing):
        pins = [s.version for s in req.specifier if s.operator == "=="]
        assert len(pins) == 1, f"{req} in {listing} is not pinned"
        assert metadata.version(req.name) == pins[0], f"{req.name}: installed {metadata.version(req.name)}"


def test_pyproject_reads_the_lists_and_leaves_camel_tools_to_the_no_deps_step() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    dynamic = project["tool"]["setuptools"]["dynamic"]
    files = dynamic["dependencies"]["file"]
    assert all((PROJECT / f).is_file() for f in files)
    # Were camel-tools a dependency, `pip install .` would bring torch and the rest back.
    assert "camel-tools" not in {r.name for f in files for r in requirements(Path(f).name)}
    assert dynamic["optional-dependencies"]["camel"]["file"] == ["requirements/camel-tools.txt"]
    dev = {r.name for r in requirements("dev.txt")}
    assert {"mypy", "radon", "pytest", "ruff"} <= dev


def test_extraction_loads_no_neural_package(tmp_path: Path) -> None:
    code = f"""
import json, sys
from quotes.extract import Extractor
from quotes.sources import iter_articles
quotes = [q for a in iter_articles([{str(PROJECT / "seeds")!r}]) for q in Extractor().extract(a)]
print(json.dumps([len(quotes), sorted(m for m in {HEAVY!r} if m in sys.modules),
                  "camel_tools.morphology.analyzer" in sys.modules]))
"""
    done = run_python(code, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    count, heavy, camel = json.loads(done.stdout.splitlines()[-1])
    assert count > 0 and camel  # the run did use camel-tools' analyser
    assert heavy == []


def test_the_cluster_extra_is_optional_and_installed_for_the_tests() -> None:
    """`pip install 'quotes[cluster]'` brings Dask and pyarrow; the base install does not; `make
    test` installs them so that tests/test_cluster.py runs in CI."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    dynamic = project["tool"]["setuptools"]["dynamic"]
    assert dynamic["optional-dependencies"]["cluster"]["file"] == ["requirements/cluster.txt"]
    assert "requirements/cluster.txt" in dynamic["optional-dependencies"]["dev"]["file"]
    cluster = {r.name for r in requirements("cluster.txt")}
    assert {"dask", "distributed", "pyarrow"} <= cluster
    base = {r.name for f in dynamic["dependencies"]["file"] for r in requirements(Path(f).name)}
    assert not cluster & base
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "-r requirements/cluster.txt" in makefile.split("$(DEV_STAMP):", 1)[1].split("\n\n", 1)[0]
