"""The cached camel-tools character sets are the ones camel computes, and a bad cache only costs time."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter: the point is what camel's analyzer sees when it imports the module.
_PROBE = """
import hashlib, json
from quotes import morphology
how = morphology.prepare_camel_import()
from camel_tools.morphology.analyzer import Analyzer  # noqa: F401  the real consumer imports fine
from camel_tools.utils import charsets
digest = {name: hashlib.sha256("".join(sorted(getattr(charsets, name))).encode()).hexdigest()
          for name in charsets.__all__}
print(json.dumps({"how": how, "digest": digest, "arabic_comma_is_punct": "\\u060c" in charsets.UNICODE_PUNCT_CHARSET}))
"""


def _probe(cache: Path, **env: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(PROJECT), "QUOTES_CACHE_DIR": str(cache), **env}, cwd=PROJECT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_the_cached_sets_equal_the_computed_ones(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    assert first["how"] == "computed"
    assert len(list(tmp_path.glob("camel-charsets-*.marshal"))) == 1
    second = _probe(tmp_path)
    assert second["how"] == "cached"
    assert second["digest"] == first["digest"] and second["arabic_comma_is_punct"]
    off = _probe(tmp_path, QUOTES_CAMEL_CHARSETS="off")
    assert off["how"] == "off" and off["digest"] == first["digest"]


def test_a_corrupt_cache_is_computed_again(tmp_path: Path) -> None:
    good = _probe(tmp_path)
    (cache,) = tmp_path.glob("camel-charsets-*.marshal")
    cache.write_bytes(b"\x00not marshal")
    again = _probe(tmp_path)
    assert again["how"] == "computed" and again["digest"] == good["digest"]
    assert _probe(tmp_path)["how"] == "cached"


def test_an_unwritable_cache_folder_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    result = _probe(blocker / "cache")
    assert result["how"] == "computed" and result["arabic_comma_is_punct"]
    assert blocker.read_text(encoding="utf-8").startswith("a file")
