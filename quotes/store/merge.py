"""Merge several reviewers' copies of a database into a new one (``quotes merge``).

Identity, so that the same thing in two files becomes one row:

- a document is its text (``documents.hash``); a run, its version, options and start time;
- a quote is its document and the span it was created with (the extractor's ``orig_start``/
  ``orig_end``, or the span a reviewer added it with): a reviewer moving the span in one copy
  does not make it another quote;
- a speaker is its canonical name; an alias, its speaker and normalised text;
- a log row is everything it says (quote, reviewer, time, decision, reason, changes, the
  state before, its batch, and the rows it undoes or settles, by their own identity), and
  which of the rows saying exactly that in its file it is (the first, the second, …).

Every distinct log row is kept, so each reviewer's decisions survive with their reviewer and
time, and two reviewers who decided differently stay two decisions (the adjudication queue
shows them); nothing is resolved in silence. Rows seen in several inputs are written once,
so merging a merged file with one of its inputs adds nothing.

Order-independence: every id in the output is assigned by sorting on content (documents by
time added then hash, quotes by document and span, speakers by name, log rows by time,
reviewer and identity, a row always after the rows it refers to), and where the inputs
differ on a value the choice is made on content too: a quote's current state comes from the
input holding its newest log row; blank metadata is filled from whichever input has it,
the smallest value first. Two Latin names or roles for one speaker are not chosen between
silently: the merge keeps the smallest and reports the others.

The output is written to a temporary file beside it and renamed into place: it appears
whole or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .connection import StoreError

_TABLES = ("runs", "documents", "speakers", "speaker_aliases", "quotes", "reviews")


class MergeError(StoreError):
    """A user error: ``str()`` is one line naming the file and what to do."""


@dataclass
class MergeSummary:
    inputs: int = 0
    documents: int = 0
    quotes: int = 0
    speakers: int = 0
    decisions: int = 0
    duplicates: int = 0  # log rows found in more than one input, written once
    reviewers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # differences the merge had to choose between


def _canon(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(value: Any) -> str:
    return hashlib.sha256(_canon(value).encode("utf-8", "surrogatepass")).hexdigest()


def _without_ids(value: Any) -> Any:
    """A log payload without local speaker ids, which differ from file to file."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "speaker_id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


@dataclass
class _Input:
    path: str
    tables: dict[str, list[dict[str, Any]]]

    def by_id(self, table: str) -> dict[int, dict[str, Any]]:
        return {r["id"]: r for r in self.tables[table]}


def _read(path: str) -> _Input:
    from . import Store  # the package's facade; imported late to avoid a cycle

    if not Path(path).exists():
        raise MergeError(f"{path}: no such database (check the path)")
    if not stat.S_ISREG(Path(path).stat().st_mode):
        raise MergeError(f"{path}: not a regular file (a device or folder); name a database file to merge")
    # Opening migrates an older copy to this version's schema, as the app would.
    with Store.open(path, create=False) as store:
        tables = {t: store._rows(f"SELECT * FROM {t} ORDER BY id") for t in _TABLES}
    return _Input(path, tables)


def check_output(output: str | Path, *, force: bool) -> Path:
    """Refuse an output that exists (unless ``force``), is no regular file, or has no folder."""
    out = Path(output)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise MergeError(f"{output}: directory {parent} does not exist (create it or choose another -o file)")
    if out.exists() or out.is_symlink():
        mode = out.stat().st_mode if out.exists() else 0
        if not stat.S_ISREG(mode):
            raise MergeError(f"{output}: not a regular file (a device, folder or dangling link); "
                             "choose another -o file")
        if not force:
            raise MergeError(f"{output}: already exists (choose another -o file, or --force to replace it)")
    if not os.access(parent, os.W_OK):
        raise MergeError(f"{output}: directory {parent} is read-only (choose another -o file)")
    return out


def merge_stores(inputs: list[str | Path], output: str | Path, *, force: bool = False) -> MergeSummary:
    """Merge ``inputs`` into a new database at ``output``; see the module docstring."""
    if not inputs:
        raise MergeError("no input database given (name two or more files to merge)")
    out = check_output(output, force=force)
    loaded = [_read(str(p)) for p in inputs]
    plan = _Plan(loaded)
    summary = plan.summary
    tmp_fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".merging", dir=out.parent or ".")
    os.close(tmp_fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # Store.open creates it, with its schema
        plan.write(tmp)
        for suffix in ("-wal", "-shm"):
            # A stale WAL beside the replaced file would be replayed into the new one.
            with contextlib.suppress(FileNotFoundError):
                Path(f"{out}{suffix}").unlink()
        os.replace(tmp, out)
    except BaseException as exc:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{tmp}{suffix}").unlink()
        if isinstance(exc, sqlite3.Error):
            raise MergeError(f"{output}: cannot write the merged database ({exc}); free some space or choose "
                             "another -o file").with_traceback(None) from exc
        raise
    return summary


class _Plan:
    """The merged rows, with their new ids, computed from the inputs in memory."""

    def __init__(self, inputs: list[_Input]) -> None:
        self.summary = MergeSummary(inputs=len(inputs))
        self.inputs = inputs
        self._runs()
        self._documents()
        self._speakers()
        self._quotes_identity()
        self._reviews()
        self._quotes()

    # ---------------------------------------------------------------- runs, documents

    def _runs(self) -> None:
        groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        self.run_key: dict[tuple[int, int], tuple[Any, ...]] = {}
        for i, inp in enumerate(self.inputs):
            for r in inp.tables["runs"]:
                key = (r["extractor_version"], r["options"] or "", r["started_at"])
                groups.setdefault(key, []).append(r)
                self.run_key[(i, r["id"])] = key
        self.runs = []
        self.run_id: dict[tuple[Any, ...], int] = {}
        for new_id, key in enumerate(sorted(groups, key=lambda k: (k[2], k[0], k[1])), 1):
            rows = groups[key]
            best = min(rows, key=lambda r: _canon({k: v for k, v in r.items() if k != "id"}))
            self.runs.append({**best, "id": new_id,
                              "finished_at": max((r["finished_at"] or "" for r in rows), default="") or None})
            self.run_id[key] = new_id

    def _new_run(self, i: int, run_id: int | None) -> int | None:
        if run_id is None or (i, run_id) not in self.run_key:
            return None
        return self.run_id[self.run_key[(i, run_id)]]

    def _documents(self) -> None:
        groups: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for i, inp in enumerate(self.inputs):
            for d in inp.tables["documents"]:
                groups.setdefault(d["hash"], []).append((i, d))
        order = sorted(groups, key=lambda h: (min(d["added_at"] for _, d in groups[h]), h))
        self.documents = []
        self.doc_id: dict[str, int] = {}
        self.doc_hash: dict[tuple[int, int], str] = {}
        for new_id, h in enumerate(order, 1):
            rows = groups[h]
            merged: dict[str, Any] = {"id": new_id, "hash": h, "text": rows[0][1]["text"],
                                      "added_at": min(d["added_at"] for _, d in rows)}
            for col in ("doc", "path", "url", "source", "title", "date"):
                merged[col] = min((d[col] for _, d in rows if d[col]), default=rows[0][1][col])
            # The newest extraction wins: a resumed bulk run skips what that version finished.
            newest = max(rows, key=lambda r: (r[1]["extracted_version"] or "", r[1]["extracted_run"] is not None,
                                              _canon(self.run_key.get((r[0], r[1]["extracted_run"])))))
            merged["extracted_version"] = newest[1]["extracted_version"]
            merged["extracted_run"] = self._new_run(newest[0], newest[1]["extracted_run"])
            self.documents.append(merged)
            self.doc_id[h] = new_id
            for i, d in rows:
                self.doc_hash[(i, d["id"])] = h
        self.summary.documents = len(self.documents)

    # ---------------------------------------------------------------- speakers, aliases

    def _speakers(self) -> None:
        groups: dict[str, list[dict[str, Any]]] = {}
        self.speaker_name: dict[tuple[int, int], str] = {}
        for i, inp in enumerate(self.inputs):
            for s in inp.tables["speakers"]:
                groups.setdefault(s["name"], []).append(s)
                self.speaker_name[(i, s["id"])] = s["name"]
        self.speakers = []
        self.speaker_id: dict[str, int] = {}
        for new_id, name in enumerate(sorted(groups), 1):
            rows = groups[name]
            merged = {"id": new_id, "name": name, "name_norm": rows[0]["name_norm"]}
            for col in ("latin", "role"):
                values = sorted({r[col] for r in rows if r[col]})
                merged[col] = values[0] if values else None
                if len(values) > 1:
                    self.summary.notes.append(
                        f"speaker {name}: {col} differs between the inputs ({' / '.join(values)}); kept "
                        f"{values[0]} (correct it in Speakers… if another is right)")
            types = sorted({r["type"] for r in rows if r["type"] != "unknown"})
            merged["type"] = types[0] if types else "unknown"
            if len(types) > 1:
                self.summary.notes.append(f"speaker {name}: type differs between the inputs ({' / '.join(types)}); "
                                          f"kept {types[0]}")
            self.speakers.append(merged)
            self.speaker_id[name] = new_id
        aliases: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for i, inp in enumerate(self.inputs):
            for a in inp.tables["speaker_aliases"]:
                owner = self.speaker_name.get((i, a["speaker_id"]))
                if owner is not None:
                    aliases.setdefault((owner, a["alias_norm"]), []).append(a)
        self.aliases = []
        for new_id, (owner, norm) in enumerate(sorted(aliases), 1):
            rows = aliases[(owner, norm)]
            self.aliases.append({
                "id": new_id, "speaker_id": self.speaker_id[owner], "alias": min(r["alias"] for r in rows),
                "alias_norm": norm,
                "source": "reviewer" if any(r["source"] == "reviewer" for r in rows) else "extractor"})
        self.summary.speakers = len(self.speakers)

    def _new_speaker(self, i: int, speaker_id: int | None) -> int | None:
        name = self.speaker_name.get((i, speaker_id)) if speaker_id is not None else None
        return self.speaker_id.get(name) if name is not None else None

    # ---------------------------------------------------------------- quotes, log

    def _quotes_identity(self) -> None:
        """Each input quote's identity: (document hash, span it was created with)."""
        self.quote_key: dict[tuple[int, int], tuple[str, int, int]] = {}
        for i, inp in enumerate(self.inputs):
            added = {}
            for r in inp.tables["reviews"]:
                if r["decision"] == "added" and r["changes"] and r["quote_id"] not in added:
                    ch = json.loads(r["changes"])
                    added[r["quote_id"]] = (ch.get("start"), ch.get("end"))
            for q in inp.tables["quotes"]:
                h = self.doc_hash.get((i, q["document_id"]))
                if h is None:
                    continue  # a damaged file's quote without its document: nothing to merge it by
                if q["orig_start"] is not None and q["orig_end"] is not None:
                    span = (q["orig_start"], q["orig_end"])
                elif q["id"] in added and None not in added[q["id"]]:
                    span = added[q["id"]]
                else:
                    span = (q["start"], q["end"])
                self.quote_key[(i, q["id"])] = (h, int(span[0]), int(span[1]))
        keys = sorted(set(self.quote_key.values()), key=lambda k: (self.doc_id[k[0]], k[1], k[2]))
        self.quote_id = {k: n for n, k in enumerate(keys, 1)}

    def _reviews(self) -> None:
        rows: dict[str, dict[str, Any]] = {}  # identity -> the row, as read
        self.review_sources: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        deps: dict[str, list[str]] = {}
        for i, inp in enumerate(self.inputs):
            ident: dict[int, str] = {}
            occurrence: dict[str, int] = {}
            for r in inp.tables["reviews"]:  # by id: a row's references come before it
                qkey = self.quote_key.get((i, r["quote_id"]))
                if qkey is None:
                    continue
                refs = []
                if r["undoes"] is not None and r["undoes"] in ident:
                    refs.append(ident[r["undoes"]])
                settles = [ident[s] for s in json.loads(r["settles"] or "[]") if s in ident]
                body = {
                    "quote": qkey, "reviewer": r["reviewer"], "at": r["at"], "decision": r["decision"],
                    "reason": r["reason"], "batch": r["batch"],
                    "changes": _without_ids(json.loads(r["changes"])) if r["changes"] else None,
                    "before": _without_ids(json.loads(r["before"])) if r["before"] else None,
                    "undoes": refs[0] if refs else None, "settles": sorted(settles),
                }
                # Two rows of one file may say exactly the same (a correction, its undo and the
                # same correction again within one millisecond): the n-th such row of a file
                # is the n-th of any other file holding it, so none is dropped as a copy.
                digest = _digest(body)
                occurrence[digest] = occurrence.get(digest, -1) + 1
                key = f"{digest}:{occurrence[digest]}"
                ident[r["id"]] = key
                if key in rows:
                    self.summary.duplicates += 1
                else:
                    rows[key] = body
                    deps[key] = [*refs, *settles]
                self.review_sources.setdefault(key, []).append((i, r))
        # Time order, then a row's references before it (clocks of two machines may disagree).
        ordered: list[str] = []
        placed: set[str] = set()

        def place(key: str) -> None:
            if key in placed:
                return
            placed.add(key)
            for dep in deps[key]:
                place(dep)
            ordered.append(key)

        for key in sorted(rows, key=lambda k: (rows[k]["at"], rows[k]["reviewer"], k)):
            place(key)
        self.review_id = {k: n for n, k in enumerate(ordered, 1)}
        self.review_order = ordered
        self.review_rows = rows
        self.summary.decisions = len(ordered)
        self.summary.reviewers = sorted({r["reviewer"] for r in rows.values()})

    def _quotes(self) -> None:
        groups: dict[tuple[str, int, int], list[tuple[int, dict[str, Any]]]] = {}
        for i, inp in enumerate(self.inputs):
            for q in inp.tables["quotes"]:
                key = self.quote_key.get((i, q["id"]))
                if key is not None:
                    groups.setdefault(key, []).append((i, q))
        newest: dict[tuple[str, int, int], str] = {}
        for review_key in self.review_order:  # ascending: the last one seen is the newest
            newest[self.review_rows[review_key]["quote"]] = review_key
        self.quotes = []
        for key, candidates in groups.items():
            if key in newest:
                # The state after the quote's newest log row is in the inputs that hold it.
                holders = {i for i, _ in self.review_sources[newest[key]]}
                candidates = [(i, q) for i, q in candidates if i in holders] or candidates
            rows = [self._remap_quote(i, q, key) for i, q in candidates]
            # Usually the copies agree; serialising to choose is only needed when they do not.
            same = all(r == rows[0] for r in rows[1:])
            self.quotes.append(rows[0] if same else min(rows, key=_canon))
        self.quotes.sort(key=lambda q: q["id"])
        self.summary.quotes = len(self.quotes)

    def _remap_quote(self, i: int, q: dict[str, Any], key: tuple[str, int, int]) -> dict[str, Any]:
        return {**q, "id": self.quote_id[key], "document_id": self.doc_id[key[0]],
                "speaker_id": self._new_speaker(i, q["speaker_id"]), "run_id": self._new_run(i, q["run_id"])}

    def _review_row(self, key: str) -> dict[str, Any]:
        i, r = min(self.review_sources[key], key=lambda s: s[0])
        body = self.review_rows[key]
        # Ids inside the payload (speaker ids in ``before`` and in alias lists) are this
        # input's: give them the merged speakers' ids, found by name.
        before = json.loads(r["before"]) if r["before"] else None
        if isinstance(before, dict) and "speaker_id" in before:
            before["speaker_id"] = self.speaker_id.get(before.get("speaker") or "")
        changes = json.loads(r["changes"]) if r["changes"] else None
        if isinstance(changes, dict) and isinstance(changes.get("aliases"), list):
            changes["aliases"] = [{**a, "speaker_id": self._new_speaker(i, a.get("speaker_id"))}
                                  for a in changes["aliases"] if isinstance(a, dict)]
        return {
            "id": self.review_id[key], "quote_id": self.quote_id[body["quote"]], "decision": r["decision"],
            "changes": json.dumps(changes, ensure_ascii=False) if changes else None,
            "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
            "reason": r["reason"], "reviewer": r["reviewer"], "at": r["at"],
            "undoes": self.review_id[body["undoes"]] if body["undoes"] else None,
            "batch": r["batch"],
            "settles": json.dumps(sorted(self.review_id[s] for s in body["settles"])) if body["settles"] else None,
        }

    # ---------------------------------------------------------------- writing

    def write(self, path: Path) -> None:
        from . import Store

        with Store.open(path) as store, store._write() as conn:
            for table, rows in (("runs", self.runs), ("documents", self.documents), ("speakers", self.speakers),
                                ("speaker_aliases", self.aliases), ("quotes", self.quotes),
                                ("reviews", [self._review_row(k) for k in self.review_order])):
                if not rows:
                    continue
                cols = list(rows[0])
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join("?" for _ in cols)
                conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                                 [[r.get(c) for c in cols] for r in rows])
        # One self-contained file (no -wal beside it) before it is renamed into place.
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
