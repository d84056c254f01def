"""quotes.sources on real Arabic articles and on damaged copies of them built in tmp_path."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import itertools
import json
import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.records import Article
from quotes.sources import SourceError, decode_bytes, iter_articles
from quotes.store import text_hash

SHARED = Path("/work/shared")
SEEDS = SHARED / "seeds"
ARTICLES = SHARED / "corpus" / "articles"
BIG_JSONL = SHARED / "corpus" / "saudinewsnet-10k.jsonl.gz"
GOLD = SHARED / "eval" / "gold" / "seeds.jsonl"
SEED = SEEDS / "000_d6f77bd85ba13e0e.txt"

pytestmark = pytest.mark.skipif(not (SEEDS.is_dir() and ARTICLES.is_dir()), reason="needs the shared corpus")


@pytest.fixture(scope="module")
def arabic() -> str:
    return SEED.read_bytes().decode("utf-8")


def read(*paths: str | Path) -> tuple[list[Article], list[SourceError]]:
    errors: list[SourceError] = []
    articles = list(iter_articles([str(p) for p in paths], errors=errors))
    return articles, errors


def one_error(*paths: str | Path) -> SourceError:
    articles, errors = read(*paths)
    assert not articles and len(errors) == 1, errors
    assert "\n" not in str(errors[0])
    return errors[0]


# ---------------------------------------------------------------------------------------- real files


def test_folder_of_seeds_sorted_with_docs_as_given(arabic: str) -> None:
    articles, errors = read(SEEDS)
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert not errors
    assert [a.doc for a in articles] == [f"{SEEDS}/{n}" for n in names]
    assert articles[0].text == arabic and articles[0].path == articles[0].doc
    assert articles[0].title == ""  # no sidecar: no guessing from the first line


def test_gold_offsets_index_the_decoded_text() -> None:
    if not GOLD.exists():
        pytest.skip("needs the shared gold")
    texts = {Path(a.doc).name: a.text for a in iter_articles([str(SEEDS)])}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(texts[g["doc"]][g["start"] : g["end"]] == g["quote"] for g in gold)


def test_sidecar_metadata_and_meta_json_never_an_article() -> None:
    articles, errors = read(ARTICLES)
    assert not errors
    assert len(articles) == len(list(ARTICLES.glob("*.txt")))
    assert not any(a.doc.endswith(".json") for a in articles)
    snn = next(a for a in articles if a.doc.endswith("saudinewsnet_001.txt"))
    meta = json.loads((ARTICLES / "saudinewsnet_001.meta.json").read_text(encoding="utf-8"))
    assert (snn.title, snn.source, snn.url, snn.date) == (
        meta["title"], meta["outlet"], meta["original_url"], meta["date_extracted"])
    ant = next(a for a in articles if a.doc.endswith("antcorpus_001.txt"))
    assert ant.date and ant.title and ant.text.startswith(ant.title)  # antcorpus dates are "published"


def test_explicit_meta_json_and_unsupported_files_are_errors(tmp_path: Path) -> None:
    error = one_error(ARTICLES / "antcorpus_001.meta.json")
    assert "antcorpus_001.txt" in str(error)
    pdf = tmp_path / "article.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert "unsupported file type '.pdf'" in str(one_error(pdf))


def test_big_jsonl_gz_streams_its_first_records() -> None:
    if not BIG_JSONL.exists():
        pytest.skip("needs the shared 10k corpus")
    first = list(itertools.islice(iter_articles([str(BIG_JSONL)]), 3))
    with gzip.open(BIG_JSONL, "rt", encoding="utf-8") as f:
        records = [json.loads(next(f)) for _ in range(3)]
    assert [a.doc for a in first] == [r["id"] for r in records]
    assert [a.text for a in first] == [r["text"] for r in records]
    assert (first[0].title, first[0].date, first[0].source, first[0].url, first[0].path) == (
        records[0]["title"], records[0]["date"], records[0]["source"], records[0]["url"], str(BIG_JSONL))


# ---------------------------------------------------------------------------------------- errors


def test_missing_and_empty_files_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\r\n\t")
    articles, errors = read(tmp_path / "nope.txt", tmp_path / "empty.txt", tmp_path / "blank.txt", SEED)
    assert [a.doc for a in articles] == [str(SEED)]
    assert [e.path for e in errors] == [str(tmp_path / n) for n in ("nope.txt", "empty.txt", "blank.txt")]
    assert "no such file" in str(errors[0]) and "empty" in str(errors[1]) and "white space" in str(errors[2])


def test_without_an_error_list_errors_are_raised(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        list(iter_articles([str(tmp_path / "nope.txt")]))


def test_binary_files_are_rejected(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in str(one_error(png))
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes(range(1, 9)) * 200)
    assert "binary" in str(one_error(controls))


def test_broken_utf8_names_the_byte_and_says_resave(tmp_path: Path, arabic: str) -> None:
    data = bytearray(arabic.encode("utf-8"))
    bad = len(arabic[: arabic.index("\n\n") + 7].encode("utf-8"))  # a letter of the second paragraph
    data[bad] = 0xFF
    path = tmp_path / "broken.txt"
    path.write_bytes(bytes(data))
    error = one_error(path)
    assert f"byte {bad}" in str(error) and "re-save it as UTF-8" in str(error)
    assert error.line == 3 and str(error).startswith(f"{path}:3: ")


def test_a_few_legit_letters_do_not_make_cp1256_broken_utf8(arabic: str) -> None:
    # cp1256 letter + "،" (0xA1) forms a valid UTF-8 pair by chance: still read as cp1256.
    text = "قال،" * 3 + arabic
    assert decode_bytes(text.encode("cp1256")) == text


# ---------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-16-be", "utf-16-le", "utf-8-sig", "utf-32"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, arabic: str, encoding: str) -> None:
    # utf-16-be/-le write no BOM: the byte order is told by which side of each unit holds NULs.
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(arabic.encode(encoding))
    articles, errors = read(path)
    assert not errors and articles[0].text == arabic


def test_utf16_with_bom_of_either_order(arabic: str) -> None:
    assert decode_bytes(codecs.BOM_UTF16_BE + arabic.encode("utf-16-be")) == arabic
    assert decode_bytes(codecs.BOM_UTF16_LE + arabic.encode("utf-16-le")) == arabic


def test_iso_8859_6(arabic: str) -> None:
    # ISO-8859-6 has no Persian letters, tatweel or curly quotes: keep what it can encode.
    text = "".join(c for c in arabic if c.isascii() or "\u0621" <= c <= "\u0652" or c in "،؛؟")
    assert decode_bytes(text.encode("iso8859_6")) == text


def test_bom_dropped_crlf_kept(tmp_path: Path, arabic: str) -> None:
    crlf = arabic.replace("\n", "\r\n")
    path = tmp_path / "windows.txt"
    path.write_bytes(codecs.BOM_UTF8 + crlf.encode("utf-8"))
    text = next(iter_articles([str(path)])).text
    assert text == crlf  # exactly what open(path, encoding="utf-8-sig", newline="") gives
    assert text == path.open(encoding="utf-8-sig", newline="").read()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة،؛؟«»“” \n\r\t.:0123456789aZ")),
               min_size=1))
def test_utf8_and_utf16_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(text.encode("utf-16")) == text


def test_fifty_megabyte_article(tmp_path: Path, arabic: str) -> None:
    block = arabic.encode("utf-8")
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        for _ in range(50 * 2**20 // len(block) + 1):
            f.write(block)
    article = next(iter_articles([str(path)]))
    assert len(article.text.encode("utf-8")) == path.stat().st_size >= 50 * 2**20
    assert article.text.startswith(arabic[:200])


# ---------------------------------------------------------------------------------------- JSON Lines


def test_jsonl_good_and_bad_lines(tmp_path: Path, arabic: str) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "عنوان", "date": "2021-07-26", "source": "x", "url": "u", "text": arabic},
                   ensure_ascii=False),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "a2"}),
        json.dumps({"id": "a3", "text": "  "}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps({"text": "قال الوزير إن الاتفاق مهم"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert [a.doc for a in articles] == ["a1", f"{path}:8"]
    assert articles[0] == Article("a1", arabic, "عنوان", "2021-07-26", "x", "u", str(path))
    assert [e.line for e in errors] == [3, 4, 5, 6, 7]
    assert all(str(e).startswith(f"{path}:{e.line}: ") for e in errors)
    assert "not JSON" in str(errors[0]) and "not an object" in str(errors[1])
    assert 'no "text"' in str(errors[2]) and 'empty "text"' in str(errors[3]) and "int" in str(errors[4])


def test_jsonl_bad_bytes_and_utf16(tmp_path: Path, arabic: str) -> None:
    record = json.dumps({"id": "r", "text": arabic}, ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(record.encode("utf-8") + b"\n" + record.encode("cp1256") + b"\n")
    articles, errors = read(bad)
    assert len(articles) == 1 and errors[0].line == 2 and "UTF-8" in str(errors[0])
    powershell = tmp_path / "ps.jsonl"
    powershell.write_bytes((record + "\r\n" + record + "\r\n").encode("utf-16"))
    articles, errors = read(powershell)
    assert not errors and [a.text for a in articles] == [arabic, arabic]


def test_jsonl_gz_and_damaged_gz(tmp_path: Path, arabic: str) -> None:
    records = [{"id": f"n{i}", "text": p} for i, p in enumerate(arabic.split("\n\n")) if p.strip()]
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(payload))
    articles, errors = read(good)
    assert not errors and [a.text for a in articles] == [r["text"] for r in records]

    plain = tmp_path / "plain.jsonl.gz"
    plain.write_bytes(payload)
    assert "gzip" in str(one_error(plain))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(payload)[: len(payload) // 4])
    articles, errors = read(cut)
    assert len(errors) == 1 and "gzip" in str(errors[0]) and len(articles) < len(records)

    empty = tmp_path / "empty.jsonl.gz"
    empty.write_bytes(gzip.compress(b"\n\n"))
    assert "empty" in str(one_error(empty))


# ---------------------------------------------------------------------------------------- folders, stdin


def test_folder_recursion_order_and_skips(tmp_path: Path, arabic: str) -> None:
    root = tmp_path / "in"
    for rel in ("b.txt", "a/z.txt", "a/b/y.txt", "c.htm.bak", ".hidden/x.txt", ".x.txt", "notes.md",
                "x.meta.json"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(arabic[:300], encoding="utf-8")
    articles, errors = read(str(root) + "/")
    assert not errors
    assert [a.doc for a in articles] == [f"{root}/a/b/y.txt", f"{root}/a/z.txt", f"{root}/b.txt"]
    (tmp_path / "none").mkdir()
    assert "no .txt" in str(one_error(tmp_path / "none"))


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch, arabic: str) -> None:
    _stdin(monkeypatch, arabic.encode("utf-8"))
    (article,) = iter_articles(["-"])
    assert (article.doc, article.text, article.path) == ("stdin", arabic, "")

    lines = "\n".join(json.dumps({"id": f"s{i}", "text": arabic[i * 10 :]}, ensure_ascii=False) for i in range(3))
    _stdin(monkeypatch, b"\n  \n" + lines.encode("utf-8"))
    assert [a.doc for a in iter_articles(["-"])] == ["s0", "s1", "s2"]

    _stdin(monkeypatch, ("{bad\n" + lines).encode("utf-16"))
    errors: list[SourceError] = []
    assert [a.doc for a in iter_articles(["-"], errors=errors)] == ["s0", "s1", "s2"]
    assert errors[0].path == "<stdin>" and errors[0].line == 1

    _stdin(monkeypatch, b"")
    assert "empty" in str(one_error("-"))


class _Trickle:
    """A pipe that gives a few bytes per read, so every line is split across reads."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step = data, step

    def read1(self, n: int = -1) -> bytes:
        piece, self.data = self.data[:self.step], self.data[self.step:]
        return piece


@pytest.mark.parametrize("step", [1, 3, 7, 1 << 20])
def test_jsonl_lines_split_across_reads_keep_their_numbers(step: int) -> None:
    from quotes.sources import _numbered_lines

    data = '\n  \n{"id": "2", "text": "قال الوزير"}\r\n\n\t\n{"id": "6"}\n   {"id": "7"}'.encode()
    head, rest = data[:4], data[4:]
    lines = _numbered_lines(_Trickle(rest, step), 1000, head)  # type: ignore[arg-type]
    # Blanks before a record may be dropped when a read ends inside them: JSON ignores them.
    assert [(n, line.lstrip()) for n, line in lines] == [
        (3, '{"id": "2", "text": "قال الوزير"}\r\n'.encode()), (6, b'{"id": "6"}\n'), (7, b'{"id": "7"}')]


# ---------------------------------------------------------------------------------------- HTML


def _page(arabic: str, charset: str = "utf-8") -> str:
    title, *paragraphs = arabic.split("\n\n")
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>{title} | موقع الأخبار</title><meta property="og:title" content="{title}">
<meta property="og:site_name" content="موقع الأخبار"><link rel="canonical" href="https://example.com/a/1">
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">نستخدم ملفات تعريف الارتباط لتحسين تجربتك <button>موافق</button></div>
<main><article><h1>{title}</h1>{body}<p><a href="/more">اقرأ المزيد</a></p></article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/x">خبر آخر عن الاقتصاد</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © 2021</footer></body></html>"""


def test_html_main_text_without_boilerplate(tmp_path: Path, arabic: str) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "page.html"
    path.write_text(_page(arabic), encoding="utf-8")
    (article,) = iter_articles([str(path)])
    title, *paragraphs = arabic.split("\n\n")
    assert article.title == title and article.source == "موقع الأخبار"
    assert article.url == "https://example.com/a/1"
    # HTML white space is not text: the extractor turns no-break spaces into spaces.
    assert all(" ".join(p.split()) in article.text for p in paragraphs)
    for boilerplate in ("الرئيسية", "ملفات تعريف الارتباط", "اقرأ المزيد", "الأكثر قراءة", "محفوظة"):
        assert boilerplate not in article.text
    assert "\n\n" in article.text and "\n\n\n" not in article.text


def test_html_in_cp1256_and_without_text(tmp_path: Path, arabic: str) -> None:
    pytest.importorskip("trafilatura")
    page = _page(arabic, charset="windows-1256")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1256", errors="replace"))
    (article,) = iter_articles([str(path)])
    assert arabic.split("\n\n")[1] in article.text
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title><script>var a = 1;</script></head>"
                     "<body><p><a href='/more'>اقرأ المزيد</a></p></body></html>", encoding="utf-8")
    assert "no article text" in str(one_error(empty))


# ---------------------------------------------------------------------------------------- identity


def test_text_hash_is_sha256_of_utf8(arabic: str) -> None:
    assert text_hash(arabic) == hashlib.sha256(arabic.encode("utf-8")).hexdigest()
    assert text_hash(arabic) != text_hash(arabic + " ")
    assert len(text_hash("\ud800")) == 64  # a lone surrogate from JSON does not crash


def test_source_error_is_one_line_and_pickles() -> None:
    error = SourceError("a\nb.jsonl", "not JSON\n(bad)", "fix it", line=4)
    assert str(error) == "a b.jsonl:4: not JSON (bad); fix it"
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.line, str(again)) == (error.path, 4, str(error))


def test_unpaired_surrogates_are_refused_from_escapes_and_from_file_names(tmp_path: Path) -> None:
    """A record's fields can only hold a lone surrogate through a \\u escape (lines are decoded
    strictly), and only such lines are searched; a doc named after a file whose name is not
    UTF-8 (a surrogate escape) is checked on every line."""
    escaped = tmp_path / "escaped.jsonl"
    escaped.write_text('{"id": "a", "text": "قال الوزير", "title": "x\\ud800"}\n'
                       '{"id": "b", "text": "قال \\u0627\\u0644\\u0648\\u0632\\u064a\\u0631"}\n', encoding="utf-8")
    errors: list[SourceError] = []
    assert [a.text for a in iter_articles([str(escaped)], errors=errors)] == ["قال الوزير"]
    assert len(errors) == 1 and '"title" holds an unpaired surrogate \\ud800' in str(errors[0])
    if sys.platform != "linux":
        return
    odd = tmp_path / b"odd\xff.jsonl".decode("utf-8", "surrogateescape")
    odd.write_text('{"text": "قال الوزير"}\n', encoding="utf-8")
    errors = []
    assert list(iter_articles([str(odd)], errors=errors)) == []
    assert len(errors) == 1 and '"id" holds an unpaired surrogate' in str(errors[0])
