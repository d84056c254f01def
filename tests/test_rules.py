"""Every named rule fires on its own example, and docs/rules.md lists the registry as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import rules
from quotes.extract import Extractor
from quotes.records import Article

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("rule", list(rules.RULES.values()), ids=list(rules.RULES))
def test_rule_fires_on_its_example(extractor: Extractor, rule: rules.Rule) -> None:
    quotes = extractor.extract(Article(doc="example", text=rule.example))
    key = "construction" if rule.stage == "construction" else "speaker_rule"
    fired = [q.evidence[key] for q in quotes]
    assert rule.id in fired, f"{rule.id} did not fire; the example gave {fired}"


def test_every_id_in_the_code_is_registered() -> None:
    """A rule id written in a stage but missing from the registry would raise at run time on
    the first article that reaches it; this finds it before."""
    import re

    src = "".join((Path(rules.__file__).parent / f).read_text(encoding="utf-8")
                  for f in ("spans.py", "resolve.py"))
    used = set(re.findall(r'(?:span|_by|Resolution\(res\.entity,)\(?\s*"([a-z_]+)"', src))
    used |= set(re.findall(r'rule = "([a-z_]+)"', src))
    assert used, "the pattern finds the ids"
    assert used <= set(rules.RULES), used - set(rules.RULES)


def test_confidences_are_probabilities() -> None:
    for r in rules.RULES.values():
        assert 0.0 <= r.confidence <= 1.0, r.id


def test_docs_list_every_rule() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules.markdown(), "run: python -m quotes.rules > docs/rules.md"
