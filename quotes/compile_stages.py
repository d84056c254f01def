"""``python -m quotes.compile_stages [--status]``: build the compiled stage modules into the
virtual environment (see quotes/compiled.py), or say whether they are in use."""

from __future__ import annotations

import sys

from . import COMPILED
from .compiled import build


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--status"]:
        print(COMPILED)
        return 0
    if args:
        print("usage: python -m quotes.compile_stages [--status]", file=sys.stderr)
        return 2
    built, message = build()
    print(f"quotes: {message}", file=sys.stdout if built else sys.stderr)
    return 0  # a machine without a C compiler still runs quotes, as pure Python


if __name__ == "__main__":
    raise SystemExit(main())
