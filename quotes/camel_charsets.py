"""camel-tools' character sets, loaded from a cache instead of computed at every start.

Importing ``camel_tools.utils.charsets`` walks all 1.1 million Unicode code points through
``unicodedata.category`` to build its sets: 0.4 s on a quiet machine, over 1 s on a busy one, in
every process that analyses a word (``camel_tools.morphology.analyzer`` imports it). The sets
depend only on camel-tools' code, Python's Unicode tables and the emoji package's data, so the
first process stores them in the user's cache folder (``marshal``, 2 MB, 35 ms to read) and later
ones put a module holding the same frozensets in ``sys.modules`` before camel imports it.

The cache is keyed by everything the sets are computed from; a missing, stale, unreadable or
unwritable cache only means the slow import, never different sets. ``QUOTES_CAMEL_CHARSETS=off``
turns the cache off.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import marshal
import os
import sys
import types
import unicodedata
from pathlib import Path

MODULE = "camel_tools.utils.charsets"
# Bump when what is stored changes meaning.
FORMAT_VERSION = 1


def _default_cache_dir() -> Path:
    from .buckwalter_db import default_cache_dir  # one rule for the user's cache folder

    return default_cache_dir()


def _stat_key(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def cache_key() -> str | None:
    """A digest of what the sets are computed from; None when camel-tools is not installed."""
    camel = importlib.util.find_spec("camel_tools")
    if camel is None or not camel.submodule_search_locations:
        return None
    camel_dir = Path(next(iter(camel.submodule_search_locations)))
    parts = [str(FORMAT_VERSION), sys.version, unicodedata.unidata_version,
             _stat_key(camel_dir / "utils" / "charsets.py"), _stat_key(camel_dir / "VERSION")]
    emoji = importlib.util.find_spec("emoji")  # top-level: found without being imported
    if emoji is not None and emoji.submodule_search_locations:
        emoji_dir = Path(next(iter(emoji.submodule_search_locations)))
        parts += [_stat_key(emoji_dir / "__init__.py"), _stat_key(emoji_dir / "unicode_codes" / "data_dict.py")]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def cache_path(cache_dir: Path | None = None) -> Path | None:
    key = cache_key()
    if key is None:
        return None
    return (cache_dir if cache_dir is not None else _default_cache_dir()) / f"camel-charsets-{key}.marshal"


def _read(path: Path) -> dict[str, frozenset[str]] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not data or not all(
            isinstance(k, str) and isinstance(v, frozenset) for k, v in data.items()):
        return None
    return data


def _write(path: Path, data: dict[str, frozenset[str]]) -> None:
    from .buckwalter_db import atomic_write

    with contextlib.suppress(OSError):  # an unwritable cache only means the slow import next time
        atomic_write(path, marshal.dumps(data))


def install(cache_dir: Path | None = None) -> str:
    """Make ``camel_tools.utils.charsets`` importable without its start-up cost.

    Returns how: "loaded" (already imported), "off", "unavailable" (no camel-tools), "cached"
    (read from the cache) or "computed" (imported for real and cached for the next process).
    """
    if MODULE in sys.modules:
        return "loaded"
    if os.environ.get("QUOTES_CAMEL_CHARSETS", "").lower() in ("off", "0", "no"):
        return "off"
    path = cache_path(cache_dir)
    if path is None:
        return "unavailable"
    data = _read(path)
    if data is None:
        real = importlib.import_module(MODULE)
        _write(path, {name: getattr(real, name) for name in real.__all__})
        return "computed"
    module = types.ModuleType(MODULE, f"camel-tools' character sets, read from {path}")
    module.__dict__.update(data)
    module.__all__ = list(data)  # type: ignore[attr-defined]
    module.__file__ = str(path)
    parent = importlib.import_module(MODULE.rpartition(".")[0])
    sys.modules[MODULE] = module
    parent.charsets = module  # type: ignore[attr-defined]  # as a real import binds it on the package
    return "cached"
