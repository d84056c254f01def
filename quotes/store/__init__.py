"""The SQLite store shared by the bulk extractor, the CLI and the review app.

``Store`` is one connection to one database file, split by client behind one facade:

- ``connection.StoreConnection``: opening, checks on open, migrations (``quotes.migrations``),
  the ``BEGIN IMMEDIATE`` write transaction and the read helpers. The concurrency model is
  described there.
- ``extraction.ExtractionWrites``: runs, documents and suggested quotes (the bulk extractor).
- ``review.ReviewWrites``: decisions, reviewer-added quotes, undo/redo, speaker edits (the app).
- ``team.TeamReview``: several reviewers: verdicts, agreement, disagreements, adjudication.
- ``merge.merge_stores``: several reviewers' copies of a file merged into one.
- ``queries.Queries``: the queue and its filters, rows, speakers, progress, alias maps, export.
- ``speakers``: name look-up and aliases shared by the two write sides.
- ``preview.queue_lines``: the queue as text, for a terminal without a display.

Callers import everything from here (``from quotes.store import Store``); the sub-modules
are how the code is organised, not an API.
"""

from __future__ import annotations

from .connection import StoreConnection, StoreError, text_hash
from .extraction import ExtractionWrites
from .preview import queue_lines
from .queries import EXPORT_STATUSES, ORDERS, STATUSES, Queries
from .review import CHANGE_KEYS, DECISIONS
from .team import Disagreement, TeamReview, TeamStatus

__all__ = [
    "CHANGE_KEYS", "DECISIONS", "EXPORT_STATUSES", "ORDERS", "STATUSES", "Disagreement", "Store", "StoreError",
    "TeamStatus", "queue_lines", "text_hash",
]


class Store(ExtractionWrites, TeamReview, Queries, StoreConnection):
    """See the package docstring. Open with ``Store.open(path)``."""
