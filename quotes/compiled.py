"""The pipeline's stage modules compiled to C with mypyc, used when built and current.

The stages are plain, fully typed Python; mypyc (part of mypy) turns the hottest of them into
C extension modules that run the same code about a quarter faster. They are built into the
virtual environment (``python -m quotes.compile_stages``, which the Makefile runs), never into
the source tree, so that an edited ``.py`` file is never shadowed by an older build:

- at import, ``quotes/__init__.py`` calls ``activate``, which puts the build's folder first on
  the package's search path only if the build was made for this Python from sources whose
  hashes match the files here; one edited module is enough for none to be used (the modules
  are compiled together and call each other directly);
- ``QUOTES_COMPILED=off`` runs the pure-Python modules;
- without a C compiler or mypyc, ``build`` says so in one line and nothing changes: the
  pure-Python modules give the same results, more slowly.

Only modules that are stages of one article's extraction are compiled: what travels between
processes (``records``) and what reads files next to its own source stay Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The stages of one article's extraction, in pipeline order (see quotes/__init__.py).
MODULES = ("normalize", "marks", "cues", "morphology", "clauses", "phrases", "names", "spans",
           "mentions", "agreement", "resolve", "document", "extract")
# The shared library mypyc makes for the group, found on the package's path like the modules.
_GROUP = "quotes.stages"
MANIFEST = "manifest.json"
_OFF = ("0", "off", "no", "false")


def default_dir() -> Path:
    """Where the build lives: inside the virtual environment that runs quotes."""
    return Path(sys.prefix) / "quotes-compiled"


def _source_hashes() -> dict[str, str]:
    return {name: hashlib.sha256((PACKAGE_DIR / f"{name}.py").read_bytes()).hexdigest() for name in MODULES}


def _expected_manifest() -> dict[str, object]:
    return {"python": sys.implementation.cache_tag, "modules": list(MODULES), "sources": _source_hashes()}


def activate(package_path: list[str], folder: Path | None = None) -> str:
    """Put a current build first on ``package_path`` (the package's ``__path__``); say why not
    otherwise: "in use", "off", "not built", "stale" (sources or Python changed since the build)."""
    if os.environ.get("QUOTES_COMPILED", "").lower() in _OFF:
        return "off"
    folder = folder or default_dir()
    manifest = _read_manifest(folder)
    if manifest is None:
        return "not built"
    try:
        if manifest != _expected_manifest():
            return "stale"
    except OSError:
        return "stale"  # a listed source is gone
    package_path.insert(0, str(folder))
    return "in use"


_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths = sys.argv[1:]
setup(name="quotes-stages", script_args=["build_ext", "--build-lib", "lib", "--build-temp", "temp"],
      ext_modules=mypycify(["--ignore-missing-imports", "--python-version", "3.11", *paths], group_name="{group}"))
"""


def build(folder: Path | None = None) -> tuple[bool, str]:
    """Compile ``MODULES`` into ``folder`` (replacing an older build only once the new one is
    complete). Returns (built, a one-line message)."""
    folder = folder or default_dir()
    try:
        import mypyc  # noqa: F401  (mypy brings it)
    except ImportError:
        return False, "compiled modules not built: mypyc is missing (pip install mypy); quotes runs as pure Python"
    expected = _expected_manifest()
    if expected == _read_manifest(folder):
        return True, f"compiled modules up to date in {folder}"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="quotes-compile-") as tmp:
        work = Path(tmp)
        # mypy reads the package from a copy: it type-checks the imports of the compiled modules,
        # and setuptools must not read this project's own pyproject.toml
        shutil.copytree(PACKAGE_DIR, work / "quotes", ignore=shutil.ignore_patterns("__pycache__", "data", "*.so"))
        log = work / "build.log"
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                [sys.executable, "-c", _SETUP.format(group=_GROUP), *(f"quotes/{m}.py" for m in MODULES)],
                cwd=work, stdout=out, stderr=subprocess.STDOUT, check=False)
        built = sorted((work / "lib" / "quotes").glob("*.so")) + sorted((work / "lib" / "quotes").glob("*.pyd"))
        if done.returncode != 0 or len(built) != len(MODULES) + 1:
            kept = folder.parent / "quotes-compile.log"
            shutil.copyfile(log, kept)
            return False, (f"compiled modules not built (no C compiler?), see {kept}; "
                           "quotes runs as pure Python, with the same results")
        staging = folder.with_name(folder.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        for so in built:
            shutil.copy2(so, staging / so.name)
        (staging / MANIFEST).write_text(json.dumps(expected, indent=1), encoding="utf-8")
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    return True, f"compiled {len(MODULES)} modules into {folder}"


def _read_manifest(folder: Path) -> object:
    """The build's manifest, None if there is none or it cannot be read."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
