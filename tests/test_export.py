"""CSV / JSONL citation exports, on quotes from the real seed articles."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.export import COLUMNS, MAX_CELL, citation_row, write_csv, write_jsonl
from quotes.records import Article, Quote
from quotes.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TEXT = (SEEDS / "001_3aac6772f4977325.txt").read_text(encoding="utf-8")
# A real quote holding a comma, an Arabic comma and a quote mark: the CSV must keep them.
TRICKY = "متانتها\"، وقيامها على المصالح المشتركة"


def row(**over: object) -> dict:
    base = {
        "speaker": "فؤاد حسين", "speaker_latin": "Fuad Hussein", "role": "وزير الخارجية العراقي",
        "speaker_type": "person", "quote": "داعش لا يزال موجوداً في العراق", "kind": "direct", "cue": "شدد",
        "outlet": "الأخبار", "date": "2021-07-24", "title": TEXT.splitlines()[0], "url": "https://example.org/a",
        "doc": "seeds/001.txt", "start": 10, "end": 40, "confidence": 0.82, "status": "accepted",
        "reviewer": "amal", "reviewed_at": "2026-11-25T10:00:00+00:00",
    }
    base.update(over)
    return base


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_bom_header_and_arabic(tmp_path: Path):
    out = tmp_path / "quotes.csv"
    assert write_csv([row()], out) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    rows = read_csv(out)
    assert rows[0] == list(COLUMNS)
    got = dict(zip(rows[0], rows[1], strict=True))
    assert got["speaker"] == "فؤاد حسين" and got["quote"] == "داعش لا يزال موجوداً في العراق"
    assert got["title"] == TEXT.splitlines()[0]
    assert (got["start"], got["end"], got["confidence"]) == ("10", "40", "0.82")


def test_csv_round_trips_commas_quotes_newlines(tmp_path: Path):
    start = TEXT.find(TRICKY)
    assert start >= 0
    two_paragraphs = TEXT[TEXT.find("وأكد الوزير العراقي"):TEXT.find("وأضاف أن مواجهة كورونا")]
    assert "\n" in two_paragraphs  # two paragraphs: a newline inside the cell
    quotes = [TRICKY, two_paragraphs, 'he said "yes, no", then\r\nleft', "a;b\tc"]
    out = tmp_path / "q.csv"
    write_csv([row(quote=q) for q in quotes], out)
    back = [dict(zip(COLUMNS, r, strict=True))["quote"] for r in read_csv(out)[1:]]
    assert back == quotes


def test_formula_cells_are_neutralised_but_numbers_are_not(tmp_path: Path):
    out = tmp_path / "q.csv"
    evil = {
        "quote": "=HYPERLINK(\"http://x\",\"اضغط هنا\")",
        "speaker": "+مصدر",
        "cue": "-قال",
        "title": "@SUM(A1)",
        "role": "\tوزير",
        "outlet": "\rقناة",
        "speaker_latin": "Fuad Hussein",
    }
    write_csv([row(**evil, start=-1, end=5, confidence=-0.5)], out)
    got = dict(zip(COLUMNS, read_csv(out)[1], strict=True))
    for key, value in evil.items():
        expected = value if key == "speaker_latin" else "'" + value
        assert got[key] == expected, key
    assert (got["start"], got["end"], got["confidence"]) == ("-1", "5", "-0.5")


def test_formula_in_numeric_column_text_is_still_neutralised(tmp_path: Path):
    out = tmp_path / "q.csv"
    write_csv([row(start="=1+1")], out)
    assert dict(zip(COLUMNS, read_csv(out)[1], strict=True))["start"] == "'=1+1"


def test_jsonl(tmp_path: Path):
    out = tmp_path / "q.jsonl"
    assert write_jsonl([row(quote=TRICKY), row(quote="=1+1", confidence=None)], out) == 2
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").splitlines()
    first, second = (json.loads(line) for line in lines)
    assert list(first) == list(COLUMNS)
    assert first["quote"] == TRICKY and first["start"] == 10 and first["confidence"] == 0.82
    assert second["quote"] == "=1+1"  # not a spreadsheet: kept verbatim
    assert second["confidence"] is None
    assert "فؤاد حسين" in lines[0]  # Arabic written as is, not \\u escapes


def test_write_is_atomic(tmp_path: Path):
    out = tmp_path / "q.csv"
    write_csv([row()], out)
    before = out.read_bytes()

    def broken():
        yield row(quote="first")
        raise RuntimeError("extraction crashed mid-export")

    with pytest.raises(RuntimeError):
        write_csv(broken(), out)
    assert out.read_bytes() == before  # old export intact
    assert [p.name for p in tmp_path.iterdir()] == ["q.csv"]  # no temp file left behind


def test_file_objects(tmp_path: Path):
    text = io.StringIO()
    write_csv([row()], text)
    assert text.getvalue().startswith("\ufeffspeaker,")
    binary = io.BytesIO()
    write_jsonl([row()], binary)
    assert json.loads(binary.getvalue().decode("utf-8"))["speaker"] == "فؤاد حسين"
    assert not binary.closed


def test_citation_row_from_store_rows(tmp_path: Path):
    """End to end: a real article through the store into a CSV."""
    art = Article(doc="seeds/001.txt", text=TEXT, title=TEXT.splitlines()[0], source="الأخبار",
                  path="seeds/001.txt")
    quote = "الولايات المتحدة فخورة بقيادة الجهد من أجل إنجاح الانتخابات العراقية المرتقبة في تشرين الأول"
    ministry = "مذكرات التفاهم الموقعة مع واشنطن تؤكد مضي العراق في تعزيز استقلاله الاقتصادي"
    s1, s2 = TEXT.find(quote), TEXT.find(ministry)
    qs = [
        Quote(doc=art.doc, start=s1, end=s1 + len(quote), text=quote, kind="direct", cue="وأشار", cue_start=None,
              cue_end=None, speaker="أنتوني بلينكن", speaker_mention="أنتوني بلينكن", mention_start=None,
              mention_end=None, speaker_type="person", confidence=0.9),
        Quote(doc=art.doc, start=s2, end=s2 + len(ministry), text=ministry, kind="indirect", cue="وقال",
              cue_start=None, cue_end=None, speaker="وزارة الخارجية العراقية", speaker_mention="",
              mention_start=None, mention_end=None, speaker_type="organisation", confidence=0.4),
    ]
    with Store.open(tmp_path / "q.db") as store:
        store.save_extraction(art, qs, None)
        for qid in store.queue_ids():
            store.record_decision(qid, "accepted", reviewer="amal")
        out = tmp_path / "accepted.csv"
        assert write_csv(store.export_rows("accepted"), out) == 2
        # The GUI's "export selection" passes joined rows: same result.
        assert [citation_row(r) for r in store.quote_rows(store.queue_ids(order="document"))] == list(
            store.export_rows("accepted"))
    rows = [dict(zip(COLUMNS, r, strict=True)) for r in read_csv(out)[1:]]
    assert rows[0]["speaker"] == "أنتوني بلينكن" and rows[0]["speaker_latin"] == "Anthony Blinken"
    assert rows[0]["url"] == ""  # no URL: a path is not one (the doc column names the file)
    assert rows[1]["speaker_type"] == "organisation" and rows[1]["speaker_latin"] == ""
    assert rows[1]["quote"] == ministry and rows[1]["outlet"] == "الأخبار"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("قال إن \"،,\n\r=+-@\t'«»ـًa")), max_size=40))
def test_csv_round_trip_property(tmp_path_factory: pytest.TempPathFactory, quote: str):
    out = tmp_path_factory.mktemp("csv") / "q.csv"
    write_csv([row(quote=quote)], out)
    got = dict(zip(COLUMNS, read_csv(out)[1], strict=True))["quote"]
    # Spreadsheets skip white space before deciding a cell is a formula.
    formula = quote.startswith(("\t", "\r")) or quote.lstrip().startswith(("=", "+", "-", "@"))
    assert got == ("'" + quote if formula else quote)


# ---------------------------------------------------------------- cells a spreadsheet cannot hold


def read_csv_defaults(path: Path) -> list[dict[str, str]]:
    """Read back as a user's script would: csv module defaults (field size limit 131,072)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [dict(zip(COLUMNS, r, strict=True)) for r in list(csv.reader(f))[1:]]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check_cut(cell: str, original: str) -> None:
    assert utf16_len(cell) <= MAX_CELL
    kept, marker = cell.rsplit("…[cut: ", 1)
    assert marker.endswith(" characters]")
    assert original.startswith(kept) and len(kept) > MAX_CELL * 0.45
    assert int(marker.removesuffix(" characters]")) == len(original) - len(kept)


def test_an_oversized_quote_is_cut_visibly_and_named(tmp_path: Path):
    # An unclosed « swallowing the rest of a long article: the seed text many times over.
    runaway = "«" + TEXT * (200_000 // len(TEXT) + 1)
    assert len(runaway) > 200_000
    article = Article(doc="seeds/long.txt", text=runaway, title="عنوان", path="seeds/long.txt")
    quote = Quote(doc=article.doc, start=1, end=len(runaway), text=runaway[1:], kind="direct", cue="وقال",
                  cue_start=None, cue_end=None, speaker="فؤاد حسين", speaker_mention="فؤاد حسين",
                  mention_start=None, mention_end=None, speaker_type="person", confidence=0.5)
    warnings: list[str] = []
    with Store.open(tmp_path / "q.db") as store:
        store.save_extraction(article, [quote], None)
        [quote_id] = store.queue_ids()
        out = tmp_path / "q.csv"
        assert write_csv(store.export_rows("all"), out, warn=warnings.append) == 1
        jsonl = tmp_path / "q.jsonl"
        write_jsonl(store.export_rows("all"), jsonl)
    [got] = read_csv_defaults(out)
    check_cut(got["quote"], runaway[1:])
    assert got["speaker"] == "فؤاد حسين" and got["end"] == str(len(runaway))  # the rest of the row intact
    assert len(warnings) == 1 and f"quote {quote_id} " in warnings[0] and "\n" not in warnings[0]
    assert json.loads(jsonl.read_text(encoding="utf-8"))["quote"] == runaway[1:]  # whole in JSONL


def test_cut_counts_what_excel_counts_and_warns_by_default(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    # Characters outside the BMP are two units to Excel; a long title is cut too.
    emoji = "🇮🇶 قال " * 6_000
    huge_title = TEXT.splitlines()[0] * 2_000
    out = tmp_path / "q.csv"
    with caplog.at_level(logging.WARNING, logger="quotes.export"):
        write_csv([row(quote=emoji, title=huge_title, doc="seeds/x.txt", start=7)], out)
    [got] = read_csv_defaults(out)
    check_cut(got["quote"], emoji)
    check_cut(got["title"], huge_title)
    assert [r.getMessage()[:27] for r in caplog.records] == ["quote at seeds/x.txt:7: its"] * 2


def test_a_cell_that_fits_is_not_touched(tmp_path: Path):
    exact = ("قال " * MAX_CELL)[:MAX_CELL]
    out = tmp_path / "q.csv"
    warnings: list[str] = []
    write_csv([row(quote=exact)], out, warn=warnings.append)
    assert read_csv_defaults(out)[0]["quote"] == exact and warnings == []


@pytest.mark.parametrize("cell", [
    "＝HYPERLINK(\"http://x\")",  # full-width signs
    "＋مصدر",
    "－قال",
    "＠SUM(A1)",
    "﹦1+1",  # small form
    "  =1+1",  # spaces first
    "\u00a0+مصدر",  # no-break space first
    "\u200b\u200f-قال",  # invisible marks first
    "\n@SUM(A1)",
])
def test_disguised_formula_starts_are_neutralised(tmp_path: Path, cell: str):
    out = tmp_path / "q.csv"
    write_csv([row(quote=cell, speaker=cell)], out)
    got = read_csv_defaults(out)[0]
    assert got["quote"] == "'" + cell
    assert got["speaker"].startswith("'")


def test_text_that_merely_contains_signs_is_left_alone(tmp_path: Path):
    cells = ["قال إن 1+1=2", " قال", "٪50 من الأصوات", "«=» علامة"]
    out = tmp_path / "q.csv"
    write_csv([row(quote=c) for c in cells], out)
    assert [r["quote"] for r in read_csv_defaults(out)] == cells


def test_an_invisible_mark_inside_a_name_is_not_a_second_speaker(tmp_path: Path):
    names = ["فؤاد حسين", "فؤاد\u200b حسين", "فؤاد حسين\u200f", "\u2066فؤاد حسين\u2069"]
    raw = [{"id": i, "text": "داعش لا يزال موجوداً", "speaker": n, "speaker_type": "person", "doc": "a.txt"}
           for i, n in enumerate(names)]
    out, jsonl = tmp_path / "q.csv", tmp_path / "q.jsonl"
    write_csv(raw, out)
    write_jsonl(raw, jsonl)
    rows = read_csv_defaults(out)
    assert {r["speaker"] for r in rows} == {"فؤاد حسين"}
    assert len({r["speaker_latin"] for r in rows}) == 1
    assert {json.loads(line)["speaker"] for line in jsonl.read_text(encoding="utf-8").splitlines()} == {"فؤاد حسين"}
