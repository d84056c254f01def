"""Work grows in proportion to article length (issue 14, defect 4), counted, not timed.

A long text with recurring names and titles used to cost a scan of every earlier phrase or
entity for each mention. The count of the resolver's and name index's inner steps on 2n
paragraphs must stay within about twice the count on n paragraphs.
"""

from __future__ import annotations

import pytest

from quotes import names, resolve
from quotes.extract import Extractor
from quotes.records import Article

GIVEN = "أحمد محمد علي حسن خالد سعيد عمر يوسف إبراهيم سالم ماجد فيصل ناصر طارق وليد هشام كريم رامي سامي زياد".split()
FAMILY = "الشمري العتيبي الدوسري القحطاني الحربي المطيري الزهراني الغامدي العنزي الشهري".split()
FAMILY += "الرشيد الخالدي الحسيني النعيمي الجبوري العبيدي الدليمي الكبيسي السامرائي التميمي".split()


def paragraph(i: int) -> str:
    """A paragraph naming a new minister under a recurring title, as a news feed does."""
    name = f"{GIVEN[i % 20]} {GIVEN[(i // 20) % 20]} {FAMILY[(i // 400) % 20]}"  # 8,000 different people
    return (f"وقال وزير الخارجية {name} إن المباحثات مع الجانب الأميركي كانت مثمرة. "
            f"وأضاف الوزير أن الحوار سيستمر. وقال مصدر أمني إن الوضع مستقر، وأكد المصدر أن القوات منتشرة. "
            f"وأشار {name.split()[2]} إلى أن الحكومة ماضية في الإصلاحات.\n\n")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _work(extractor: Extractor, paragraphs: int, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0

    def counted(fn):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(names, "title_matches", counted(names.title_matches))
    monkeypatch.setattr(resolve, "title_matches", counted(resolve.title_matches))
    monkeypatch.setattr(resolve, "strip_proclitics", counted(resolve.strip_proclitics))
    monkeypatch.setattr(resolve, "_bare", counted(resolve._bare))
    extractor.extract(Article(doc="long", text="".join(paragraph(i) for i in range(paragraphs))))
    monkeypatch.undo()
    return calls


def test_resolution_work_is_linear_in_length(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    # sizes past the point where an article names more than a few dozen people who share a
    # given name or a title: each look-up then reads a bounded number of entities
    small = _work(extractor, 1300, monkeypatch)
    large = _work(extractor, 2600, monkeypatch)
    assert small > 0
    assert large <= 2.25 * small, (small, large)
