"""Quote.to_json (the JSONL contract) is dataclasses.asdict, without its deep copy of plain values."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from quotes.extract import Extractor
from quotes.records import Article, Quote


def test_to_json_equals_asdict_on_extracted_quotes(seeds_dir: Path) -> None:
    extractor = Extractor()
    quotes = [q for path in sorted(seeds_dir.glob("*.txt"))
              for q in extractor.extract(Article(doc=path.name, text=path.read_text(encoding="utf-8")))]
    assert len(quotes) > 30
    for q in quotes:
        record = q.to_json()
        assert record == asdict(q)
        assert list(record) == list(asdict(q))  # the same key order: the JSONL is compared byte for byte
        assert record["evidence"] is not q.evidence


def test_to_json_of_other_values_is_asdicts() -> None:
    quote = Quote("d", 0, 3, "abc", "direct", "قال", 4, 7, "", "", None, None,
                  evidence={"rule": ["a", {"b": 1}], "n": 2})
    record = quote.to_json()
    assert record == asdict(quote)
    record["evidence"]["rule"][1]["b"] = 5  # a deep copy, as asdict makes
    assert quote.evidence["rule"][1]["b"] == 1


def test_to_json_copies_the_candidates_list_as_asdict_does() -> None:
    quote = Quote("d", 0, 3, "abc", "direct", "قال", 4, 7, "", "", None, None,
                  evidence={"speaker_rule": "previous_speaker_agrees",
                            "candidates": [{"speaker": "فؤاد حسين", "chosen": True, "sentences_back": 1}]})
    record = quote.to_json()
    assert record == asdict(quote) and list(record) == list(asdict(quote))
    record["evidence"]["candidates"][0]["chosen"] = False
    assert quote.evidence["candidates"][0]["chosen"] is True


def test_json_line_is_the_encoded_record(seeds_dir: Path) -> None:
    """The JSONL writer's line is the text json.dumps gives for to_json(), without the copy."""
    import json

    extractor = Extractor()
    quotes = [q for path in sorted(seeds_dir.glob("*.txt"))
              for q in extractor.extract(Article(doc=path.name, text=path.read_text(encoding="utf-8")))]
    quotes.append(Quote("d", 0, 3, "abc", "direct", "قال", 4, 7, "", "", None, None,
                        evidence={"rule": ("a", {"b": 1}), "n": 2}))
    for q in quotes:
        assert q.json_line() == json.dumps(q.to_json(), ensure_ascii=False) + "\n"
