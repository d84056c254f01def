"""The review queue as text, for a terminal with no display (``quotes review`` headless).

Same quotes in the same order as the app opens on (pending, lowest confidence first), each
with its document's name as the app's queue shows it.
"""

from __future__ import annotations

import shlex

from .queries import Queries

DEFAULT_LIMIT = 20
_QUOTE_CHARS = 70


def queue_lines(store: Queries, *, limit: int = DEFAULT_LIMIT) -> list[str]:
    """The first ``limit`` quotes of the app's queue, "… N more", and how to open the app.

    One line each; the CLI echoes them. The queue is the app's default view: the pending
    quotes, lowest confidence first (the reviewer-added ones, which have none, last).
    """
    ids = store.queue_ids(status="pending", order="confidence")
    prog = store.progress()
    lines: list[str] = []
    if not ids:
        lines.append(f"Nothing to review: all {prog['total']} quotes are reviewed." if prog["total"]
                     else "No quotes yet: add articles with `quotes extract ARTICLES --db FILE` first.")
    else:
        lines.append(f"{len(ids)} quotes to review ({prog['reviewed']} of {prog['total']} reviewed), "
                     "in the app's order (lowest confidence first):")
        for r in store.quote_rows(ids[:limit]):
            conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "  — "
            text = " ".join(r["text"].split())
            if len(text) > _QUOTE_CHARS:
                text = text[:_QUOTE_CHARS] + "…"
            speaker = r.get("speaker") or r.get("speaker_mention") or "(no speaker)"
            cue = f" ({r['cue']})" if r["cue"] else ""
            doc = (r.get("doc") or "").rsplit("/", 1)[-1]
            lines.append(f"  {conf}  {speaker}{cue}: «{text}»  [{doc}]")
        if len(ids) > limit:
            lines.append(f"  … {len(ids) - limit} more")
    db = shlex.quote(store.path)
    lines.append(f"To review them, open the app on a machine with a display: quotes review --db {db} "
                 f"(over ssh: ssh -X), or see the window as a picture: quotes review --db {db} --screenshot queue.png")
    return lines
