"""Work around a reference-count bug in the Qt bindings so long sessions do not crash.

PySide6 6.12.0 returns ``None`` from every binding call with a ``void`` result (and from an
invalid QVariant) without taking a reference to it. On CPython 3.12+ ``None`` is immortal
and nothing happens; on CPython 3.11 each call drops ``None``'s reference count by one, and
when it reaches zero the interpreter aborts with "Fatal Python error: none_dealloc". Measured
here: about 220 references per review decision and 37 per repaint of the queue, so the app
died after roughly a hundred decisions (6.11.3 does not leak: 0 per 1,000 calls).

The fix belongs in PySide (pin ``PySide6-Essentials!=6.12.0`` or use Python 3.12+); until
then, when a quick probe shows the leak, give ``None`` so many references that it can never
run out - the same thing CPython 3.12 does by making it immortal. Nothing else changes: None
is a static object that is never freed either way.
"""

from __future__ import annotations

import sys

_IMMORTAL_BOOST = 1 << 48  # ~2.8e14 references: decades of leaking at thousands per second
_guarded = False


def none_leak_per_call(calls: int = 64) -> float:
    """References to ``None`` lost per ``void`` binding call (0 when the bindings are sound)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return (before - sys.getrefcount(None)) / calls


def guard_none_refcount() -> bool:
    """Apply the workaround when needed; returns True if it was applied (once per process)."""
    global _guarded
    if _guarded:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if none_leak_per_call() < 0.5:
        return False
    import ctypes

    # ob_refcnt is the first field of every CPython object, at the object's address.
    ctypes.c_ssize_t.from_address(id(None)).value += _IMMORTAL_BOOST
    _guarded = True
    return True
