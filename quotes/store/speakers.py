"""Speaker look-ups and aliases shared by extraction writes and review writes.

Functions on an open transaction's connection, so the extraction side and the review side
resolve a name the same way and neither has to reach into the other.
"""

from __future__ import annotations

import sqlite3

from ..normalize import fold
from ..records import SPEAKER_TYPES

# Exact name, then normalised name, then a reviewer alias (which also covers merged-away names).
_LOOKUP_SPEAKER = (
    "SELECT coalesce((SELECT id FROM speakers WHERE name = ?), "
    "(SELECT id FROM speakers WHERE name_norm = ? ORDER BY id LIMIT 1), "
    "(SELECT speaker_id FROM speaker_aliases WHERE alias_norm = ? AND source = 'reviewer' ORDER BY id DESC LIMIT 1))"
)


def speaker_id(conn: sqlite3.Connection, name: str, *, create: bool, type: str = "unknown") -> int | None:
    """Resolve a canonical name: exact, then normalised, then a reviewer alias (which also
    covers names merged away); create it when asked."""
    norm = fold(name)
    found = conn.execute(_LOOKUP_SPEAKER, [name, norm, norm]).fetchone()[0]
    if found is not None:
        if type in SPEAKER_TYPES and type != "unknown":
            conn.execute("UPDATE speakers SET type = ? WHERE id = ? AND type = 'unknown'", [type, found])
        return int(found)
    if not create:
        return None
    cur = conn.execute("INSERT INTO speakers (name, name_norm, type) VALUES (?, ?, ?)",
                       [name, norm, type if type in SPEAKER_TYPES else "unknown"])
    return int(cur.lastrowid or 0)


def add_alias(conn: sqlite3.Connection, speaker_id: int, alias: str, source: str) -> None:
    """Record ``alias`` for the speaker; a reviewer's word upgrades an extractor alias, an
    extractor never downgrades one."""
    conn.execute(
        "INSERT INTO speaker_aliases (speaker_id, alias, alias_norm, source) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (speaker_id, alias_norm) DO UPDATE SET source = 'reviewer' "
        "WHERE excluded.source = 'reviewer'",
        [speaker_id, alias, fold(alias), source])
