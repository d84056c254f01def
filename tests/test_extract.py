"""Each construction of Arabic reported speech, as a case on a real sentence.

The sentences come from the seed articles and the dev corpus (shortened where the rest
of the article does not matter). Every assertion checks what a reviewer would check:
the span, the speaker's full name, the kind.
"""

from __future__ import annotations

import pytest

from quotes.extract import Extractor
from quotes.normalize import fold
from quotes.records import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str):
    quotes = extractor.extract(Article(doc="t.txt", text=text))
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert 0 <= q.confidence <= 1
    return quotes


def one(quotes, containing: str):
    hits = [q for q in quotes if containing in q.text]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


def same(a: str, b: str) -> bool:
    return fold(a) == fold(b)


INTRO = (
    "وقال مستشار الأمن القومي العراقي، قاسم الأعرجي، إن بغداد وواشنطن اتفقتا على رحيل القواعد العسكرية الأمريكية.\n\n"
)


def test_vso_with_apposition_and_adjunct_name_is_not_speaker(extractor: Extractor) -> None:
    text = INTRO + (
        "وقال مستشار الأمن القومي العراقي، في مؤتمر صحفي مع وزير الخارجية فؤاد حسين، عقب جلسة الحوار "
        "الاستراتيجي الثالثة بين البلدين، إن “بغداد وواشنطن اتفقتا على إدارة العراق للحرب ضد داعش، وعلى ألا "
        "تكون هناك قواعد عسكرية أميركية أو أجنبية في العراق”."
    )
    qs = run(extractor, text)
    first = one(qs, "رحيل القواعد")
    assert same(first.speaker, "قاسم الأعرجي") and first.kind == "indirect"
    q = one(qs, "إدارة العراق للحرب")
    assert same(q.speaker, "قاسم الأعرجي"), q.evidence
    assert q.kind == "direct" and q.text.startswith("بغداد") and q.text.endswith("في العراق")
    assert q.evidence["speaker_rule"] in ("title_introduced_earlier", "title_holder_named")


def test_svo_subject_before_the_verb(extractor: Extractor) -> None:
    text = (
        "نقلت وكالة الأنباء العراقية الرسمية (واع) عن رئيس الوزراء مصطفى الكاظمي، أن بغداد وواشنطن تؤكدان "
        "التزامهما بانسحاب القوات الأمريكية من العراق.\n\n"
        "وكان الكاظمي أكد الخميس أن الحوار بين العراق والولايات المتحدة يعتمد على رأي المرجعية والبرلمان."
    )
    qs = run(extractor, text)
    relay = one(qs, "تؤكدان التزامهما")
    assert same(relay.speaker, "مصطفى الكاظمي"), "relay: the person quoted, not the agency"
    q = one(qs, "يعتمد على رأي المرجعية")
    assert same(q.speaker, "مصطفى الكاظمي")
    assert q.text.startswith("الحوار") and not q.text.endswith(".")


def test_continuation_verb_resolves_to_previous_speaker(extractor: Extractor) -> None:
    text = (
        "وقال وزير الخارجية العراقي فؤاد حسين إن المجالات العسكرية والاقتصادية تدخل ضمن بنود الحوار.\n\n"
        "وأضاف أن مواجهة كورونا تتطلب استكمال التعاون بين وزارتي الصحة في العراق والولايات المتحدة."
    )
    q = one(run(extractor, text), "مواجهة كورونا")
    assert same(q.speaker, "فؤاد حسين") and q.speaker_mention == ""
    assert q.evidence["speaker_rule"] == "previous_speaker_agrees"


def test_feminine_verb_agrees_with_a_ministry(extractor: Extractor) -> None:
    text = (
        "وقال وزير الخارجية الأميركي أنتوني بلينكن إن العراق بات يشهد انفتاحاً كبيراً في علاقاته.\n\n"
        "أعلنت وزارة الخارجية الأميركية أن الجولة القادمة من الحوار الاستراتيجي بين البلدين ستجري في 7 أبريل.\n\n"
        "وأضافت أن المحادثات ستتناول قضايا الأمن ومكافحة الإرهاب، والاقتصاد والطاقة."
    )
    qs = run(extractor, text)
    q = one(qs, "المحادثات ستتناول")
    assert same(q.speaker, "وزارة الخارجية الأميركية"), "وأضافت is feminine: not Blinken"
    assert q.speaker_type == "organisation"


def test_participle_and_mixed_quote_with_coordinated_clauses(extractor: Extractor) -> None:
    text = (
        "بدوره، شدد وزير الخارجية العراقي، فؤاد حسين، على أن \"داعش لا يزال موجوداً في العراق\"، وأن بلاده "
        "تجدد التزامها بتعزيز شراكتها الاستراتيجية مع الولايات المتحدة، مضيفاً أن القوات الأمنية العراقية "
        "\"لا تزال بحاجة إلى البرامج التي تقدمها الولايات المتحدة\"."
    )
    qs = run(extractor, text)
    first = one(qs, "داعش لا يزال")
    assert first.kind == "mixed" and "وأن بلاده تجدد" in first.text, "coordinated أن-clauses are one quote"
    assert "مضيفا" not in fold(first.text), "the next cue ends the clause"
    second = one(qs, "لا تزال بحاجة")
    assert second.kind == "mixed" and same(second.speaker, "فؤاد حسين")
    assert second.cue.startswith("مضيف")


def test_colon_and_direct_quote_after_cue(extractor: Extractor) -> None:
    text = (
        "أشار مسؤول كبير في وزارة الدفاع الأميركية في حوار مقفل مع الصحافيين، إنه يجب إبقاء القوات "
        "الأميركية في العراق.\n\nوأضاف: \"الواقع هو أن قادة القوات العراقية يوصون بقوة بأنهم بحاجة إلى دعم "
        "القوات المتحالفة\"."
    )
    qs = run(extractor, text)
    anon = one(qs, "يجب إبقاء")
    assert same(anon.speaker, "مسؤول كبير في وزارة الدفاع الأميركية") and anon.speaker_type == "anonymous"
    q = one(qs, "الواقع هو")
    assert q.kind == "direct" and q.text.endswith("المتحالفة") and same(q.speaker, anon.speaker)


def test_cue_after_the_content(extractor: Extractor) -> None:
    text = (
        "واستقبلت مسؤولة الشؤون الدولية وفداً عراقياً، للبحث في \"التعاون العسكري على المدى الطويل\" بين "
        "البلدين، بحسب ما قال المتحدث باسم البنتاغون جون كيربي في بيان."
    )
    q = one(run(extractor, text), "التعاون العسكري")
    assert q.text == "التعاون العسكري على المدى الطويل"
    assert same(q.speaker, "جون كيربي")


def test_according_to_before_the_content(extractor: Extractor) -> None:
    text = (
        "وقال ديفيد شينكر مساعد وزيرة الخارجية الأمريكية إن الجدول الزمني لانسحاب القوات لم يناقش.\n\n"
        "ووفقاً لما قاله شينكر فإن الهجوم الصاروخي يوم الأربعاء سلط الضوء على ضرورة الحوار الاستراتيجي."
    )
    q = one(run(extractor, text), "الهجوم الصاروخي")
    assert q.text.startswith("الهجوم") and same(q.speaker, "ديفيد شينكر")


def test_title_resolves_to_named_holder(extractor: Extractor) -> None:
    text = (
        "بدوره، قال وزير الخارجية العراقي، فؤاد حسين، إن داعش لا يزال موجوداً في العراق.\n\n"
        "وأكد الوزير العراقي \"أهمية ديمومة الجهود الدولية التي تقودها الولايات المتحدة\"."
    )
    q = one(run(extractor, text), "أهمية ديمومة")
    assert q.speaker_mention == "الوزير العراقي" and same(q.speaker, "فؤاد حسين")


def test_family_name_resolves_to_full_name_given_earlier(extractor: Extractor) -> None:
    text = (
        "وقال الجبير في مؤتمر صحفي بعد محادثات مع نظيره الروسي سيرجي لافروف إن من بين الأسباب وراء ظهور "
        "داعش تصرفات الأسد.\n\nوقال لافروف إن موسكو ستجري محادثات منفصلة مع ممثلي المعارضة السورية."
    )
    q = one(run(extractor, text), "موسكو ستجري")
    assert same(q.speaker, "سيرجي لافروف") and q.speaker_mention == "لافروف"


def test_document_as_source(extractor: Extractor) -> None:
    text = (
        "وجاء في البيان المشترك الصادر في ختام جلسة الحوار “أكد البلدان أن القوات الأمريكية موجودة في العراق "
        "بدعوة من الحكومة العراقية”.\n\nوتابع البيان “يعكس انتقال القوات الأمريكية نجاح شراكتهم الاستراتيجية”."
    )
    qs = run(extractor, text)
    q = one(qs, "أكد البلدان")
    assert fold("البيان المشترك") in fold(q.speaker) and q.speaker_type == "document"
    assert same(one(qs, "يعكس انتقال").speaker, q.speaker)


def test_scare_quotes_and_journalistic_formulae_are_not_quotes(extractor: Extractor) -> None:
    text = (
        "وتناولت الولايات المتحدة والعراق مسألة إعادة انتشار القوات في قتالها ضد تنظيم “داعش” الإرهابي.\n\n"
        "ويذكر أنه في وقت متأخر من يوم الأربعاء الماضي سقط صاروخ كاتيوشا قرب السفارة الأمريكية."
    )
    assert run(extractor, text) == []


def test_multi_paragraph_quotation_is_one_quote(extractor: Extractor) -> None:
    text = (
        "وقال المتحدث باسم الرئاسة الفلسطينية نبيل أبو ردينة: «إن هذه الجريمة ما كانت لتحدث لولا إصرار "
        "إسرائيل على الاستمرار بالاستيطان.\n\n«ولن نقبل باستمرار هذا الوضع تحت أي ظرف من الظروف»."
    )
    q = one(run(extractor, text), "هذه الجريمة")
    assert "ولن نقبل" in q.text and q.kind == "direct"
    assert same(q.speaker, "نبيل أبو ردينة")


def test_presentation_forms_diacritics_and_offsets(extractor: Extractor) -> None:
    # pasted from a PDF: presentation-form glyphs; diacritics and tatweel elsewhere
    text = (
        "وقالَ وزيرُ الخارجيةِ اليمني رياض ياسين إنّ الحوثيين يرفضون الانسحاب من المدن.\n\n"
        "ﻭﺃﺿﺎﻑ ﺃﻥ ﺍﻟﺤﻜﻮﻣﺔ ﺳﺘﻌﻮﺩ ﺇﻟﻰ ﻋﺪﻥ ﻗﺮﻳﺒﺎ."
    )
    qs = run(extractor, text)
    assert len(qs) == 2
    first, second = qs
    assert same(first.speaker, "رياض ياسين") and first.text.startswith("الحوثيين")
    assert second.text.startswith("ﺍﻟﺤﻜﻮﻣﺔ") and same(second.speaker, "رياض ياسين")
    assert text[second.cue_start:second.cue_end] == "ﻭﺃﺿﺎﻑ"


def test_hamza_less_spelling(extractor: Extractor) -> None:
    text = "واكد الوفدان ان القواعد التي تستضيف افراد الولايات المتحدة هي قواعد عراقية."
    q = one(run(extractor, text), "القواعد التي")
    assert same(q.speaker, "الوفدان")


def test_every_seed_quote_keeps_the_offset_contract(extractor: Extractor, seeds_dir) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        qs = extractor.extract(Article(doc=str(path), text=text))
        assert qs, path
        for q in qs:
            assert text[q.start:q.end] == q.text and q.end > q.start
            assert q.kind in ("direct", "indirect", "mixed")
            assert q.evidence["cue"] == text[q.cue_start:q.cue_end]
        assert qs == sorted(qs, key=lambda q: q.start)


def test_reviewer_aliases_override_resolution() -> None:
    extractor = Extractor(aliases={fold("الأعرجي"): "قاسم محمد الأعرجي"})
    q = one(run(extractor, "وقال الأعرجي إن العراق والولايات المتحدة اتفقتا على ألا تكون هناك قواعد."), "اتفقتا")
    assert q.speaker == "قاسم محمد الأعرجي" and "alias" in q.evidence


def test_honorific_pronouns_resolve_to_the_dignitary(extractor: Extractor) -> None:
    text = (
        "واستقبل صاحب السمو الملكي الأمير فيصل بن سلمان أمير منطقة المدينة المنورة وفد الغرفة التجارية.\n\n"
        "وأكد سموه أن المنطقة تشهد نهضة تنموية شاملة في جميع المجالات.\n\n"
        "وقال معالي وزير الصحة الدكتور توفيق الربيعة إن الوزارة ستفتتح مستشفيات جديدة.\n\n"
        "وأوضح معاليه أن العمل جار على قدم وساق."
    )
    qs = run(extractor, text)
    assert same(one(qs, "نهضة تنموية").speaker, "فيصل بن سلمان")
    assert same(one(qs, "ستفتتح").speaker, "توفيق الربيعة")
    assert same(one(qs, "قدم وساق").speaker, "توفيق الربيعة")


def test_topic_shift_bidawrihi_with_named_subject(extractor: Extractor) -> None:
    text = (
        "وقال وزير الخارجية الأميركي أنتوني بلينكن إن الولايات المتحدة فخورة بقيادة الجهد.\n\n"
        "من جانبه، أكد وزير الخارجية العراقي فؤاد حسين أن العراق ماض في تعزيز استقلاله الاقتصادي.\n\n"
        "وأضاف أن مواجهة كورونا تتطلب استكمال التعاون."
    )
    qs = run(extractor, text)
    assert same(one(qs, "استقلاله الاقتصادي").speaker, "فؤاد حسين")
    assert same(one(qs, "مواجهة كورونا").speaker, "فؤاد حسين")


def test_headline_speaker_colon_statement(extractor: Extractor) -> None:
    text = (
        "الجبير: إيران تتدخل في شؤون المنطقة وتدعم الإرهاب\n\n"
        "قال وزير الخارجية السعودي عادل الجبير إن إيران تتدخل في شؤون دول المنطقة.\n\n"
        "أوكرانيا : أعنف قصف على العاصمة منذ أسابيع\n"
    )
    qs = run(extractor, text)
    head = one(qs, "وتدعم الإرهاب")
    assert head.cue == ":" and same(head.speaker, "عادل الجبير")
    assert not any("أعنف قصف" in q.text for q in qs)
    topic = run(extractor, "أوكرانيا : أعنف قصف على العاصمة منذ أسابيع\n\nوقال مسؤول إن القصف استهدف محطات الكهرباء.")
    assert not any("أعنف قصف" in q.text for q in topic), "a topic label is no speaker"


@pytest.mark.parametrize("marks", [("”", "”"), ("„", "“"), ("«", "»"), ('"', '"'), ("“", "”")])
def test_every_quotation_mark_style(extractor: Extractor, marks: tuple[str, str]) -> None:
    o, c = marks
    text = f"وقال المتحدث باسم الوزارة أحمد الصحاف {o}إن الجولة الثالثة من الحوار انطلقت اليوم{c}."
    q = one(run(extractor, text), "الجولة الثالثة")
    assert q.kind == "direct" and q.text.endswith("اليوم") and same(q.speaker, "أحمد الصحاف")


def test_nominal_according_to_cues(extractor: Extractor) -> None:
    q = one(run(extractor, "وجاء على لسان المتحدث باسم الجيش العميد يحيى رسول أن القوات الأمنية سيطرت على "
                           "الموقف بالكامل."), "سيطرت")
    assert same(q.speaker, "يحيى رسول")
    q = one(run(extractor, "ونقلا عن مصادر مطلعة فإن الاجتماع المقبل سيعقد في بغداد الشهر المقبل."), "سيعقد")
    assert same(q.speaker, "مصادر مطلعة") and q.speaker_type == "anonymous"


def test_present_tense_cue_after_the_quotation(extractor: Extractor) -> None:
    q = one(run(extractor, "«لن نقبل بأي تدخل في شؤوننا الداخلية»، يقول وزير الخارجية فؤاد حسين."), "لن نقبل")
    assert q.kind == "direct" and same(q.speaker, "فؤاد حسين")


def test_persian_letters_and_nbsp_keep_offsets(extractor: Extractor) -> None:
    text = "وقال وزير الصحه الایرانی حسن\u00a0هاشمی إن الوضع الصحي مستقر في جميع المحافظات."
    q = one(run(extractor, text), "الوضع الصحي")
    assert q.speaker == "حسن\u00a0هاشمی", "the name as written, NBSP and Persian letters included"
    assert q.speaker_mention.startswith("وزير")


# -- speaker phrases: classes of errors seen on unseen articles --------------------------------


def test_alef_maqsura_article_keeps_the_preposition(extractor: Extractor) -> None:
    """Where the article writes «على» for the preposition, «على» after a verb is still no name."""
    q = one(run(extractor, "وشدد الوزير على أن الحكومة ماضية في خطتها."), "ماضية")
    assert same(q.speaker, "الوزير")


def test_participle_without_accusative_alif_is_no_cue(extractor: Extractor) -> None:
    """مطمين is a family name, not the participle مطمئن: it reports nothing."""
    q = one(run(extractor, "من ناحيته، قال نظير محمد مطمين، وهو كاتب سياسي، إن الانقسامات أمر طبيعي."), "الانقسامات")
    assert q.cue == "قال"


@pytest.mark.parametrize(("text", "containing", "speaker"), [
    ("وكان تقرير لشبكة «راصدين»، المكونة من عدة منظمات حقوقية محلية، كشف أول أمس أن 93 مدنيا قتلوا في تعز.",
     "مدنيا قتلوا", "تقرير لشبكة «راصدين»"),
    ("وقال رئيس الحزب إن الحكومة فشلت. والنائبة صابرين القوبنطيني التي تم تجميد عضويتها في الحركة، "
     "قد أكدت اليوم أن ما اتخذه الحزب يعد تصفية.", "ما اتخذه الحزب", "صابرين القوبنطيني"),
    ("قال الوزير إن المشروع مهم. أما طارق فهمي أستاذ العلاقات الدولية بجامعة القاهرة فقال “المشروع له خلفية "
     "سياسية واضحة”.", "خلفية سياسية", "طارق فهمي"),
])
def test_the_subject_a_sentence_opens_with(extractor: Extractor, text: str, containing: str, speaker: str) -> None:
    q = one(run(extractor, text), containing)
    assert same(q.speaker, speaker) or fold(speaker) in fold(q.speaker), (q.speaker, q.evidence)


# Speaker cases, a row each: (text, words of the quote, the speaker); a comment says what a row or
# a group of rows pins.
SPEAKER_ROWS = [
    # «علي» written with yeh where the article writes the preposition «على»: the name, not a preposition
    ("وسيطرت القوات على المدينة. يقول الناطق باسم مجلس قيادة المقاومة الشعبية علي الأحمدي إن "
     "المقاتلين نجحوا في السيطرة على معظم الحي.", "نجحوا في السيطرة", "علي الأحمدي"),
    # باسم links the title to its object: the name is after the apposition comma
    ("وفي موسكو، أعلن المتحدث الرسمي باسم الرئيس الروسي، دميتري بيسكوف، أن روسيا ستتبع نهج المعاملة بالمثل.",
     "نهج المعاملة", "دميتري بيسكوف"),
    # the anonymous-source formula is no part of the source
    ("وقال مسؤول كبير في الإدارة الأمريكية طلب عدم كشف هويته إن تفاصيل المنطقة لم تحدد بعد.",
     "تفاصيل المنطقة", "مسؤول كبير في الإدارة الأمريكية"),
    # an adverbial accusative after the verb (تزامناً) is no subject: the subject precedes the verb
    ("وكانت الحكومة التركية أكدت تزامنًا مع الغارات أنها لن تتهاون مع المتمردين.",
     "لن تتهاون", "الحكومة التركية"),
    # anonymous descriptions go on through their modifiers
    ("وقالت مصادر وسط المقاومة الشعبية في اليمن، إن التحالف كان يعمل على استعادة المدينة.",
     "استعادة المدينة", "مصادر وسط المقاومة الشعبية في اليمن"),
    ("ويقول دبلوماسيون مطلعون على هذه الخطط: إن قطع خطوط الإمداد يمكن أن يغير دفة الحرب.",
     "خطوط الإمداد", "دبلوماسيون مطلعون على هذه الخطط"),
    # where a subject phrase ends
    ("وقال دبلوماسي مطلع على الخطط: «داعش أفضل تجهيزا بكثير من المسلحين المعارضين».", "أفضل تجهيزا",
     "دبلوماسي مطلع على الخطط"),
    ("وصرح مدير مكتب الاتصال الحكومي، سيف بن أحمد آل ثاني، بأن موقع الوكالة تم اختراقه من جهة غير معروفة.",
     "موقع الوكالة", "سيف بن أحمد آل ثاني"),
    ("وتابع الرئيس الإيراني في خطابه أمام مجلس الوزراء: «لم تسع الأمة الإيرانية يوما إلى امتلاك أسلحة الدمار».",
     "لم تسع", "الرئيس الإيراني"),
    ("وقال أحد سكان الإسماعيلية إحدى مدن القناة الثلاث إن قوات الجيش تفرض إجراءات أمن صارمة.",
     "إجراءات أمن", "أحد سكان الإسماعيلية"),
    # a name followed by a common noun with a definite genitive is no part of it
    pytest.param("وقال المتحدث باسم الخارجية أحمد حافظ إن الزيارة ناجحة. من جانبه، أكد وزير الخارجية الأمريكي جون "
                 "كيري أهمية الدور التاريخي لمصر، مشددا على أنها ستواصل لعب هذا الدور.", "ستواصل لعب",
                 "جون كيري", id="name-then-object"),
    # a phrase that opens with a preposition is no subject
    pytest.param("وقال وزير الخارجية سامح شكري إن المحادثات جيدة. وأعلن وزير الخارجية القطري خالد العطية الذي رحب بقدوم "
                 "الوفد أن المجلس يريد الاستقرار.", "المجلس يريد", "خالد العطية", id="prepositional-phrase-is-no-subject"),
    # الذي أفاد فيه مصدر …: فيه points back to the relative's head; the subject follows it
    pytest.param("يأتي هذا في الوقت الذي أفاد فيه مصدر مسؤول في وزارة الصحة بأن عدد القتلى ارتفع إلى خمسة.",
                 "عدد القتلى", "مصدر مسؤول في وزارة الصحة", id="subject-after-a-resumptive-pronoun"),
    pytest.param("وشدد الطرفان على أهمية الحوار، وأكدا أن «الحل يجب أن يكون سياسيا».", "يكون سياسيا", "الطرفان",
                 id="a-pair-that-quoted-nothing-stays-salient"),
    pytest.param("وقال مسؤولون أمريكيون إن الضربة نجحت، مضيفين أن «الهدف دمر بالكامل».", "دمر بالكامل",
                 "مسؤولون أمريكيون", id="a-participle-in-ين-agrees-with-a-plural"),
    # وأكد الحرص على أن …: what he affirmed, not who; the subject is the previous speaker
    pytest.param("وقال وزير الخارجية فؤاد حسين إن الوضع مستقر. وأكد الحرص على أن تبقى العلاقات قوية.",
                 "العلاقات قوية", "فؤاد حسين", id="a-lone-definite-verbal-noun-is-the-object"),
    # a cue in a relative clause inside the subject leaves the content to the outer verb
    pytest.param("وقال وزير الخارجية القطري خالد العطية الذي رحب بقدوم الوفد إلى بلاده، إن المجلس يريد الاستقرار.",
                 "المجلس يريد", "خالد العطية", id="relative-inside-the-subject"),
    pytest.param("من جهته، يقول حكمة الله صافي، خبير الشؤون الأفغانية الذي يتابع شؤون الحركة عن قرب، إن الاستقالة "
                 "مؤشر على خلافات.", "الاستقالة مؤشر", "حكمة الله صافي", id="relative-after-an-apposition"),
    # وأكد ضرورة البحث عن حل …: the necessity is what he stressed
    pytest.param("وقال وزير الخارجية الأمريكي جون كيري إن الوضع خطير. وأكد ضرورة البحث عن حل سياسي للأزمة «بما "
                 "يحفظ وحدة البلاد».", "وحدة البلاد", "جون كيري", id="a-noun-governing-a-verbal-noun-is-the-object"),
    # a short description refers back to the subject of a verb that quoted nothing
    pytest.param("وأعلنت وزارة الصحة في غزة، في بيان، ارتفاع عدد القتلى إلى 100. وأضافت الوزارة أن بين القتلى أطفالا "
                 "ونساء.", "أطفالا", "وزارة الصحة في غزة", id="a-short-description-refers-back"),
    # a zero subject goes to the subject of its own sentence, past an opening adjunct, not to
    # the previous speaker; the clause-opening verb is no given name of that subject
    pytest.param("وقال المرشد علي خامنئي إن الاتفاق لا يغير سياسة إيران على الإطلاق. من جهة أخرى، رفض الرئيس حسن روحاني مزاعم "
                 "تدخل إيران في شؤون الدول الأخرى ووصفها بالخاطئة، موضحا أن إيران لا تتدخل في شؤون جيرانها.",
                 "لا تتدخل", "حسن روحاني", id="own-sentence-subject-past-an-adjunct"),
    pytest.param("وقال المفتي شوقي علام إن الإرهاب لا دين له. وكان \"الأزهر\" استنكر بشدة في بيان صادر عنه أمس "
                 "الهجوم، وأكد أن الشريعة الإسلامية تنبذ أشكال العنف كافة.", "تنبذ أشكال", "الأزهر",
                 id="own-sentence-subject-a-body"),
    # وباللون الأحمر حملت …: a prepositional phrase opens the sentence, not a subject
    pytest.param("وقال مهاب مميش إن القناة جاهزة. وباللون الأحمر حملت صحيفة الأهرام عنوانا، وأضاف مميش أن "
                 "الافتتاح سيكون تاريخيا.", "الافتتاح سيكون", "مهاب مميش", id="a-prepositional-opening-is-no-subject"),
    # «: إن …» after a long subject and its adjuncts is the statement; it ends where the reporter
    # takes over again with a participle after a comma
    pytest.param("وقال كيري في كلمة خلال جلسة استماع أمام لجنة الشؤون الخارجية التابعة لمجلس النواب: إن خطة العمل "
                 "هي صفقة جيدة سعينا إليها، معتبرا أن التعويل على شيء أكبر مجرد خيال.", "صفقة جيدة", "كيري",
                 id="colon-then-inna-after-a-long-subject"),
    # a number is never part of a name: «على 12 قتيلا» names no one
    pytest.param("وأكد مصدر عسكري آخر الحصيلة من دون إضافة تفاصيل، في حين اكتفى متحدث باسم الجيش بـ«التأكيد على 12 "
                 "قتيلا» بينهم خمسة عسكريين.", "12 قتيلا", "متحدث باسم الجيش", id="a-number-ends-a-name"),
    # a given name, then one definite word that may be a title (السيد، الشيخ), is a full name: it
    # is not the first name of another person the article names
    pytest.param("وقال علي السيد (65 عاما) وهو موظف متقاعد “المشروع عشرة على عشرة”. ونقلت صحيفة الوطن عن اللواء "
                 "علي العزازي قوله “لن نسمح بأي فوضى”.", "عشرة على", "علي السيد", id="a-given-name-then-one-definite-word"),
    # a body's quoted name right after the cue is the whole subject
    pytest.param("وقال مكتب حاكم إسطنبول إنه جرى اعتقال إحدى المرأتين. وذكرت «وكالة دوجان» للأنباء أن المرأة التي "
                 "اعتقلت تبلغ من العمر 51 عاما.", "51 عاما", "وكالة دوجان", id="a-quoted-body-name-as-the-subject"),
    # لفت نظر X: X is whose attention was drawn, not the subject; the speaker goes on
    pytest.param("وقال وزير الخارجية خميس الجهيناوي إن العلاقات لم تنقطع. ولفت نظر الحكومة لتحريك بعض الملفات. "
                 "وأضاف أن التنسيق ضروري.", "التنسيق ضروري", "خميس الجهيناوي", id="laft-nazar-takes-an-object"),
    # «، على تويتر،» is an adjunct between commas, not an apposition: the name before it is kept
    pytest.param("وأدان المبعوث الأمريكي بريت مكجيرك ،على تويتر، الهجمات التي نفذها مقاتلو الحزب على الحدود، "
                 "وأضاف أنه لا صلة بين الضربات والاتفاق الأخير.", "لا صلة", "بريت مكجيرك",
                 id="a-prepositional-adjunct-between-commas-is-no-apposition"),
    # the family name alone goes to the full name the article gave after an unlisted description,
    # hyphen included; an Arabic common noun before a foreign family name is no given name
    pytest.param("رفع الملياردير الكوري الجنوبي تشونغ مون-جون وتيرة التحدي في السباق على رئاسة الاتحاد. كما أن "
                 "تاريخ تشونغ يشفع له. وقال تشونغ إن الرئيس المستقيل يتحمل المسؤولية.", "يتحمل المسؤولية",
                 "تشونغ مون-جون", id="a-family-name-to-the-full-name-after-an-unlisted-description"),
    # a description no lexicon lists, then a name the analyser does not know: the person described
    pytest.param("وقال الملياردير الكوري الجنوبي تشونغ مون إن الاتحاد يحتاج إلى إصلاح شامل على كل المستويات.",
                 "إصلاح شامل", "تشونغ مون", id="an-unlisted-description-then-a-name"),
    # a military rank's qualifier belongs to the title, and the name starts after it
    pytest.param("وقال الفريق أول عبدالرحمن البنيان إن القوات المشتركة جاهزة لأي طارئ.", "القوات المشتركة",
                 "عبدالرحمن البنيان", id="a-rank-qualifier-is-no-given-name"),
    pytest.param("وقال العقيد متقاعد طلال بكري في حديثه لـ«الشرق الأوسط» إن الشؤون العامة للقوات المسلحة تعمل.",
                 "الشؤون العامة", "طلال بكري", id="retired-after-a-rank"),
    pytest.param("وقال العقيد دكتور عاطي القرشي إن الجهات الأمنية باشرت الحادث.", "الجهات الأمنية", "عاطي القرشي",
                 id="a-personal-title-after-a-rank"),
    # but «لواء أول مشاة» is a brigade: no rank, and no name begins at the word after it
    pytest.param("وقال آمر كتيبة لواء أول مشاة التابعة للجيش الليبي العقيد حامد إن القوات جاهزة.", "القوات جاهزة",
                 "حامد", id="a-brigade-is-no-rank"),
    # a phrase that opens with a name: the role after it is no part of the name
    pytest.param("وقال ماركوس كروج كبير المختصين في شركة النفط إن الإنتاج يزيد.", "الإنتاج يزيد", "ماركوس كروج",
                 id="a-role-after-a-name-first-phrase"),
    pytest.param("وقال جابر جبار أسعد العبدلي صاحب المنزل إن المقاول أخطأ.", "المقاول أخطأ",
                 "جابر جبار أسعد العبدلي", id="a-long-name-keeps-its-common-words"),
    # after بن، أبو، عبد the word is a name's, whatever else it reads as
    pytest.param("وقال منصور بن حسان السفياني إن الإنتاج يزيد.", "الإنتاج يزيد", "منصور بن حسان السفياني",
                 id="the-word-after-bin-is-a-name"),
    pytest.param("وقال زعيم الجماعة عبد الملك الحوثي إن القوات جاهزة.", "القوات جاهزة", "عبد الملك الحوثي",
                 id="a-title-word-after-abd-is-a-name"),
    # a title in apposition after a name does not cut the name short
    pytest.param("وقال راجح بادي الناطق الرسمي باسم الحكومة اليمنية إن الحكومة عادت.", "الحكومة عادت",
                 "راجح بادي", id="a-title-after-a-name-is-no-genitive"),
    # a definite participle after a common noun without the article is its genitive
    pytest.param("وقالت مصلحة المرافق العامة في سياتل إن جامعي القمامة مسؤولون عن فحص الصناديق.", "جامعي القمامة",
                 "مصلحة المرافق العامة في سياتل", id="a-participle-as-genitive"),
    pytest.param("وقال الوفد المرافق للرئيس إن الزيارة ناجحة.", "الزيارة ناجحة", "الوفد",
                 id="a-participle-after-a-definite-noun-is-a-modifier"),
    # في تعميم: a document's adjunct after the speaker
    pytest.param("وقال المزروع في تعميم للجامعات إنه إشارة لتوصيات محضر الاجتماع.", "إشارة لتوصيات", "المزروع",
                 id="a-circular-is-an-adjunct"),
    # a title and a family name the article gives in full elsewhere
    pytest.param("من جهته رحب الرئيس المصري، عبد الفتاح السيسي، بزيارة الرئيس عبد ربه منصور هادي. "
                 "وقال الرئيس السيسي إن مصر قوية.", "مصر قوية", "عبد الفتاح السيسي",
                 id="a-title-and-family-name-given-in-full-elsewhere"),
    pytest.param("وأكد الدكتور حامد بن صالح الربيعي أهمية العمل. وقال الدكتور الربيعي إن العمل مهم.", "العمل مهم",
                 "حامد بن صالح الربيعي", id="a-doctor-and-family-name"),
    pytest.param("وتحدث التقرير عن دعم النهضة للحكومة. وقال زعيم النهضة إن الحكومة باقية.", "الحكومة باقية",
                 "زعيم النهضة", id="a-construct-chain-is-no-full-name"),
    # after a full name, a noun with a possessive is the verb's object, not a third name
    pytest.param("وبدأ الرئيس الأمريكي باراك أوباما زيارته إلى كينيا أمس. وقال أوباما إن أفريقيا تتقدم بسرعة.",
                 "أفريقيا تتقدم", "باراك أوباما", id="a-possessed-noun-after-a-full-name"),
    # a family name the article gives in full, then a definite common noun: that person and the object
    pytest.param("وقال الرئيس الأمريكي باراك أوباما إن الزيارة مهمة. ودعا أوباما العالم إلى تغيير نظرته إلى "
                 "أفريقيا، وقال إن القارة تتقدم.", "القارة تتقدم", "باراك أوباما",
                 id="a-family-name-then-the-verbs-object"),
    # but not a father's name after بن: نايف الدخيل is another man than محمد بن نايف
    pytest.param("وأكد ولي العهد الأمير محمد بن نايف أهمية الأمن. وقال نايف الدخيل إن الأمن مستتب.", "الأمن مستتب",
                 "نايف الدخيل", id="a-fathers-name-is-no-family-name"),
    # a preposition on a common noun opens no name when a name follows the complement
    pytest.param("وقال المتحدث الرسمي للدفاع المدني بمنطقة مكة المكرمة المقدم محمد بن عثمان القرني إن الحريق "
                 "انطفأ.", "الحريق انطفأ", "محمد بن عثمان القرني", id="a-complement-then-a-rank-and-name"),
    # but a foreign name may open with a letter that reads as a preposition
    pytest.param("وقال وزير النقل الماليزي ليو تيونج لاي إن البحث مستمر.", "البحث مستمر", "ليو تيونج لاي",
                 id="a-foreign-name-in-l"),
    # المشرف على: the title's complement goes on to the name
    pytest.param("وأوضح المشرف العام على العلاقات العامة والإعلام بوزارة الحج علي بن محمد الغامدي أن الوزارة تهدف "
                 "إلى إيجاد حلول مناسبة.", "إيجاد حلول", "علي بن محمد الغامدي", id="supervisor-of-then-a-name"),
    pytest.param("وقال المشرف العام علي الغامدي إن العمل مستمر.", "العمل مستمر", "علي الغامدي",
                 id="supervisor-then-the-name-ali"),
    # a long title: the name after it is still read
    pytest.param("وقال المتحدث الرسمي للإدارة العامة لهيئة الهلال الأحمر بمنطقة الحدود الشمالية خالد غالي العنزي إن "
                 "الفرق باشرت الحادث.", "الفرق باشرت", "خالد غالي العنزي", id="a-title-of-fourteen-words"),
    # once a family name closes the name, what follows is the verb's object
    pytest.param("وألقى المدير العام للعلاقات الخارجية في الوزارة الشيخ عبدالمجيد العمري كلمة في الحفل أكد فيها أن "
                 "المشاركة مهمة.", "المشاركة مهمة", "عبدالمجيد العمري", id="a-family-name-closes-the-name"),
    # a title coordinated after the first one is no name
    pytest.param("وقال رئيس النادي وعضو جمعية الأطفال بندر بن عثمان الصالح إن الجمعية تعمل.", "الجمعية تعمل",
                 "بندر بن عثمان الصالح", id="a-coordinated-title-is-no-name"),
    # آل links a family name
    pytest.param("بدوره، بين المشرف على برامج القرية إبراهيم آل مسفر الألمعي أن القرية ستفتح أبوابها.",
                 "القرية ستفتح", "إبراهيم آل مسفر الألمعي", id="al-links-a-family-name"),
    pytest.param("وأوضح الدكتور آل إبراهيم أن المؤسسة تقوم بنقل المياه.", "المؤسسة تقوم", "آل إبراهيم",
                 id="al-opens-a-family-name"),
    # صرح بذلك X: the demonstrative is the object, X the subject
    pytest.param("وأكد الوكيل أن البرنامج يبدأ غدا. صرح بذلك وكيل الوزارة لشؤون المساجد والدعوة والإرشاد الدكتور "
                 "توفيق بن عبدالعزيز السديري، وأضاف أن البرنامج يستمر شهرا.", "يستمر شهرا",
                 "توفيق بن عبدالعزيز السديري", id="declared-that-then-the-subject"),
    # a name and its title between commas open the sentence: the subject of the verb after them
    pytest.param('مهاب مميش، رئيس هيئة القناة، قال في مقابلة تلفزيونية أخيرا "إن التجارة العالمية تتزايد".',
                 "التجارة العالمية", "مهاب مميش", id="name-comma-title-comma-verb"),
    pytest.param('يذكر أن سليمان العائد، مسؤول تسجيل الغذاء في الهيئة، قال في وقت سابق "إن هناك نحو 50 دولة '
                 'موبوءة".', "دولة موبوءة", "سليمان العائد", id="it-is-reported-that-name-comma-title-comma-verb"),
    # but not a clause that merely opens with a comma (نعم، شعرت …)
    pytest.param("نعم، شعرت بالخوف، وقال المدرب إن الفريق سيعود أقوى.", "سيعود أقوى", "المدرب",
                 id="a-comma-clause-is-no-apposition"),
    # a given name and a family name, then a title: read name first
    pytest.param("وأعلن فضل الجعدي محافظ الضالع محافظة الضالع محررة من الميليشيات، مؤكدا أنها أصبحت تحت سيطرة "
                 "الشرعية.", "تحت سيطرة", "فضل الجعدي", id="a-name-then-an-indefinite-title"),
    # but a description and an honorific before the name stay a title (رجل الأعمال الدكتور …)
    pytest.param("من جهته، أشار رجل الأعمال الدكتور حازم زقزوق إلى أن المستثمرين استعدوا مبكرا.",
                 "المستثمرين استعدوا", "حازم زقزوق", id="a-description-then-an-honorific-and-name"),
    # وصف X بأنه: X is the object; the subject is the one who spoke before
    pytest.param('وقال وزير الدفاع الأوكراني أندريه ليسينكو إن "هجوم المحتلين جاء على خلفية تصعيد الوضع." ووصف قصف '
                 "الانفصاليين في الساعات الأخيرة بأنه الأعنف منذ معركة ديبالتسيف.", "الأعنف منذ",
                 "أندريه ليسينكو", id="described-x-as"),
    # but a subject with a name before its object stays the subject
    pytest.param("ووصف الدكتور آل عمرو حادث التفجير بأنه عمل إجرامي لا يقوم به إلا من تجرد من مبادئ الدين.",
                 "عمل إجرامي", "آل عمرو", id="described-x-as-with-a-subject"),
    # جاء فيه: the document named before in the sentence
    pytest.param("وجاء الطلب في خطابات عدة، منها خطاب مشترك وقع عليه السيناتور بوب كروكر (جمهوري) جاء فيه: «يتطلب "
                 "الأمر إرجاء نظر الأمم المتحدة في هذا الاتفاق».", "إرجاء نظر", "خطاب مشترك وقع عليه السيناتور بوب كروكر",
                 id="it-said-in-it-is-the-document"),
    # أما X، فـ…: the topic is who speaks in the clause after فـ
    pytest.param("وقال المزارع الحسن إن الحرق مفيد. أما محمد البحراني أحد المزارعين، فيذكر أسباب حرق المخلفات "
                 "بقوله: إن الطبينة ليست مجرد حرق لنفايات المزارع.", "ليست مجرد", "محمد البحراني",
                 id="amma-topic-then-fa"),
    # but a topic that is no one is not a speaker (أما وقت الانتظار …)
    pytest.param("وقال مدير الهيئة إن القناة جاهزة. أما وقت الانتظار حاليا فيتراوح بين 8 و11 ساعة، وأضاف أن "
                 "السفن تنتظر.", "السفن تنتظر", "مدير الهيئة", id="amma-topic-that-is-no-one"),
    # a word in ب/ل the analyser does not know, then a definite title: the name after the title
    pytest.param("وأوضح لـ«عكاظ» الناطق الإعلامي بجوازت المنطقة الرائد حماد المطيري أنه تم تصحيح أوضاع 3406 من "
                 "الأشقاء.", "تصحيح أوضاع", "حماد المطيري", id="an-unknown-complement-then-a-rank-and-name"),
    # a verb, a short prepositional phrase, then the named subject with its apposition
    pytest.param("وقال كيري إن الاتفاق جيد. وظهر على قناة «سي إن إن» أيضا بنيامين نتنياهو، رئيس وزراء إسرائيل، "
                 "وكرر قوله بأن الاتفاق «خطأ تاريخي».", "خطأ تاريخي", "بنيامين نتنياهو",
                 id="verb-adjunct-then-named-subject"),
    # but not the names of a share widget (شارك من خلال تويتر فيسبوك جوجل بلس)
    pytest.param("وقال الوزير إن المشروع جاهز. شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك، وأضاف أن العمل "
                 "مستمر.", "العمل مستمر", "الوزير", id="a-share-widget-is-no-subject"),
    # a doubled alif before the article is a typing slip: the name is the one the article gives
    pytest.param('وقال وزير الخارجية خميس الجهيناوي إن تونس تدعم الحوار. وقال االجهيناوي في هذا الخصوص "أنا ضد '
                 'سياسة الكرسي الفارغ".', "الكرسي الفارغ", "خميس الجهيناوي", id="a-doubled-alif-is-a-slip"),
    # صاحب السمو is a style, and a lineage makes a long name
    pytest.param("وقال نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز آل سعود وزير "
                 "الداخلية إن الأمن مستتب.", "الأمن مستتب", "محمد بن نايف بن عبدالعزيز آل سعود",
                 id="a-style-and-a-lineage"),
    # آل and its name close the name; a tribal nisba after them does not
    pytest.param("وأكد الأمير محمد بن نايف آل سعود المسجد الحرام مكانه. وقال الأمير محمد بن نايف آل سعود إن الأمن "
                 "مستتب.", "الأمن مستتب", "محمد بن نايف آل سعود", id="al-saud-closes-the-name"),
    pytest.param("وقال سعيد بن عمير آل حرمان الشهراني إن الطريق خطر.", "الطريق خطر",
                 "سعيد بن عمير آل حرمان الشهراني", id="a-tribal-nisba-after-al"),
    # كما أدان كيري: the verb after a connective is no given name
    pytest.param("وقال كيري إن الاتفاق جيد. كما أدان كيري اغتيال النائب العام، وأضاف أن الإرهاب لن ينتصر.",
                 "لن ينتصر", "كيري", id="a-verb-after-a-connective-is-no-given-name"),
    # but a body's name after a plural or dual head is no person (وكالتا الأنباء دوغان والأناضول)
    pytest.param("من جهة اخرى، ذكرت وكالتا الانباء دوغان والاناضول ان الشرطة التركية اعتقلت عشرات المشتبه بهم.",
                 "اعتقلت عشرات", "وكالتا الانباء دوغان والاناضول", id="a-dual-head-names-bodies"),
    # «بدوره،» opens the clause: the participle's subject is the subject of the verb after it
    pytest.param("وقال طلال الجلال إن التنسيق ضروري. بدوره، دان أمين سر مجلس الأمة عادل الخرافي العمل "
                 "الإرهابي، مؤكدا أن دول الخليج باتت مستهدفة.", "باتت مستهدفة", "عادل الخرافي",
                 id="bidawrihi-opens-the-clause"),
    # … but a verb that does not agree with the participle is not its subject's (مبينة, not قتل القيادي)
    pytest.param("أفادت مصادر إعلامية بأن الغارات دمرت تعزيزات للحوثيين. وفي محافظة مأرب، قتل أبو عبدالله "
                 "الحوثي وقياديان آخران في المواجهات، مبينة أنه قتل في اليوم التالي.", "في اليوم التالي",
                 "مصادر إعلامية", id="an-adjunct-then-a-verb-that-disagrees"),
    # a word that reads only with the conjunction و coordinates the title's complement: no name
    pytest.param("واعتبرت عضو مؤتمر الرياض الخاص بإنقاذ اليمن وبناء الدولة الاتحادية بأن عدن لها وضع حساس.",
                 "لها وضع حساس", "عضو مؤتمر الرياض الخاص بإنقاذ اليمن وبناء الدولة الاتحادية",
                 id="a-conjoined-word-opens-no-name"),
    pytest.param("وقال مدير عام مكتب العمل والتنمية الاجتماعية وتطوير الموارد عبدالله أبو ثنين إن الحملة مستمرة.",
                 "الحملة مستمرة", "عبدالله أبو ثنين", id="a-conjoined-complement-then-the-name"),
    # a family name the article gives in full, then a definite common noun: the person, whatever
    # the analyser makes of the name (يعالون as a verb)
    pytest.param("والتقى كارتر نظيره الإسرائيلي موشيه يعالون. بدوره، تجنب يعالون الإشارة إلى الخلاف، وقال: "
                 "«بيننا مصالح مشتركة».", "مصالح مشتركة", "موشيه يعالون", id="a-misread-family-name-then-its-object"),
    # an announcement or tweets the words came in are an adjunct, not part of the speaker
    pytest.param("وقال المتحدث باسم الوزارة عبدالرحمن الحقباني إن الحملة مستمرة. وقال الحقباني في تغريدات له: "
                 "«الوزارة ستواصل الحملة».", "ستواصل الحملة", "عبدالرحمن الحقباني",
                 id="in-tweets-of-his-is-an-adjunct"),
    # after قال a pronoun in ل is the addressee: the subject follows it, or there is none
    pytest.param("وانتقد الجمهوريون الاتفاق بشدة. وقال له رئيس اللجنة بوب كوركر: «أعتقد أنك تعرضت للسلب».",
                 "تعرضت للسلب", "بوب كوركر", id="qala-lahu-then-the-subject"),
    pytest.param("وقال الوزير خالد سعيد إن الوضع صعب. ثم قال لي: «لا تقلق، كل شيء سيكون بخير».",
                 "كل شيء سيكون", "خالد سعيد", id="qala-li-is-no-speaker"),
    # a title with a possessive pronoun is definite by it: the name follows
    pytest.param("وقال رئيسها أبراهام فوكسمان إن المنظمة لم تحسم موقفها.", "لم تحسم", "أبراهام فوكسمان",
                 id="a-possessed-title-then-the-name"),
    # a definite word in و after a title is coordinated with it, not a family name
    pytest.param("وقال معالي وزير الشؤون الاجتماعية وزير الثقافة والإعلام إن المشروع مهم.", "المشروع مهم",
                 "معالي وزير الشؤون الاجتماعية وزير الثقافة والإعلام", id="a-coordinated-definite-is-no-family-name"),
    # «النائب عن» (the member of parliament for) goes on with the title; a name after «title،»
    # may close at the clause the verb introduces, not only at a second comma
    pytest.param("من جهته قال النائب في البرلمان العراقي عن ائتلاف دولة القانون، موفق الربيعي إن الحرب "
                 "ستكون طويلة.", "ستكون طويلة", "موفق الربيعي", id="an-mp-for-then-the-name-before-inna"),
    pytest.param("وقبيل اجتماعه مع نظيره الإسرائيلي موشيه يعالون، أكد كارتر أن البلدين سيعملان معا.",
                 "سيعملان معا", "كارتر", id="no-apposition-over-a-verb"),
    # «لصحيفة …» after the speaker is the addressee, like «للصحيفة»
    pytest.param("وقال زعيم المعارضة التركية كمال كليتشدار أوغلو لصحيفة «حرييت» إن الحكومة أخطأت.",
                 "الحكومة أخطأت", "كمال كليتشدار أوغلو", id="li-sahifa-is-an-addressee"),
    # after a name, ل on a body is the addressee; after a document it names the author
    pytest.param("وقال رئيس نادي برشلونة خوسيب ماريا بارتوميو إن الفريق جاهز. وقال بارتوميو لهيئة الإذاعة "
                 "البريطانية إن الصفقة لم تكتمل.", "الصفقة لم تكتمل", "خوسيب ماريا بارتوميو",
                 id="a-name-then-li-body-is-an-addressee"),
    # an adjective agrees with its noun: a feminine singular after a masculine plural is the object
    pytest.param("وقال الرئيس إن الحرب انتهت. واتهم المتمردون الحكومة بارتكاب جرائم «ابادة» وبالعمل على "
                 "«تجويع السكان حتى الموت».", "تجويع السكان", "المتمردون", id="no-agreement-no-adjective"),
    # ب on the statement itself (بتغريدة، بتصريح، بموقعه) opens an adjunct; ب on a place stays with
    # the title (مدير الإدارة بمدينة الطائف المهندس محمد الربيعي)
    pytest.param("وقالت إدارة النصر بتغريدة على حسابها إن اللاعب سيغيب عن المباراة.", "سيغيب عن",
                 "إدارة النصر", id="bi-tweet-is-an-adjunct"),
    pytest.param("وأوضح مدير إدارة المشاريع الرأسمالية بمدينة الطائف المهندس محمد الربيعي أن الأحياء موصولة.",
                 "الأحياء موصولة", "محمد الربيعي", id="bi-city-stays-with-the-title"),
    # a cue word right after a name link is the name's (أبو طالب، بن طالب), not a verb
    pytest.param("وقال مدير الشؤون الصحية موفق أبو طالب إن الاستعدادات اكتملت.", "الاستعدادات اكتملت",
                 "موفق أبو طالب", id="abu-talib-is-no-verb"),
    # «في» and a month is a time adjunct; a final علي written with ي is the name, not على
    pytest.param("وقالت وكالة الطاقة الدولية في شباط إنها تتوقع أن يتعافى السعر.", "يتعافى السعر",
                 "وكالة الطاقة الدولية", id="fi-month-is-a-time-adjunct"),
    pytest.param("ونقل إلى سجن ايفين على عجل. وقال شقيقه علي في مارس بأن أخاه فقد من وزنه.", "أخاه فقد",
                 "شقيقه علي", id="a-final-ali-with-ya-is-a-name"),
    # a fund or an observatory is a body: «من جهته، توقع صندوق النقد الدولي أن» is its statement
    pytest.param("وقال المفوض الأوروبي بيار موسكوفيسي إن بروكسل تأمل التوصل إلى اتفاق. من جهته، توقع صندوق "
                 "النقد الدولي أن تكون المفاوضات صعبة.", "المفاوضات صعبة", "صندوق النقد الدولي",
                 id="a-fund-is-a-body"),
    # «title، name»: the name in apposition, where the title ends on no definite word
    pytest.param("وقال حاكم ولاية كولورادو، جون هيكنلوبر، إن الولاية ستتعافى.", "الولاية ستتعافى",
                 "جون هيكنلوبر", id="a-name-apposed-to-a-title"),
    pytest.param("وقال مسؤول يمني بمحافظة عدن، جنوب البلاد، إن المعارك مستمرة.", "المعارك مستمرة",
                 "مسؤول يمني بمحافظة عدن، جنوب البلاد", id="a-place-apposed-is-no-name"),
    # قبيل، بعيد، عشية (shortly before, shortly after, on the eve of) open a time adjunct
    pytest.param("وقال الرئيس الكيني اوهورو كينياتا عشية الزيارة إن الأمن أولوية. وقال كينياتا قبيل انطلاق "
                 "الاجتماع \"ندرك التحديات المختلفة التي تواجهنا\".", "ندرك التحديات", "اوهورو كينياتا",
                 id="diminutive-time-prepositions"),
    # no name runs over a comma: after a body's quoted name, the name apposed to the title
    pytest.param("وأوضح رئيس الشركة الوطنية السياحية \"سياحية\"، صالح قدح، أن العربات جاهزة.", "العربات جاهزة",
                 "صالح قدح", id="a-name-apposed-after-a-quoted-body-name"),
    # a plural after a singular head and its adjective agrees with neither: the verb's object; an
    # editorial is the occasion of a newspaper's words
    pytest.param("وقالت صحيفة «فايننشال تايمز» في افتتاحيتها إن الأزمة تتعمق. وانتقدت الصحيفة البريطانية "
                 "السلطات في ميانمار، مؤكدة أن الحل سياسي.", "الحل سياسي", "الصحيفة البريطانية",
                 id="a-plural-after-a-singular-is-the-object"),
    # a word in ل the analyser does not know, then عبد: the complement of the title, then the name
    pytest.param("وقال الأمين العام لأوبك عبد الله البدري إن السوق متوازنة.", "السوق متوازنة", "عبد الله البدري",
                 id="li-opec-then-abd"),
    # كان after a definite word is a verb: the subject ends before it
    pytest.param("وقال عدد من المصادر كان المركب يقل اكثر من 600 شخص إن الغرق وقع فجرا.", "الغرق وقع",
                 "عدد من المصادر", id="kana-ends-the-subject"),
    # a body in construct with its holder's title and name is the body, as the article writes it
    pytest.param("وقال مكتب الرئيس عبد الله يمين إن المشروع جزء من برنامج استثماري. وأضاف أن الإدارة ترفض المزاعم.",
                 "الإدارة ترفض", "مكتب الرئيس عبد الله يمين", id="the-office-of-a-named-president"),
    pytest.param("وذكرت وكالة الأنباء الإيرانية «إرنا» أن الوفد وصل إلى مسقط.", "الوفد وصل",
                 "وكالة الأنباء الإيرانية «إرنا»", id="an-agency-and-its-quoted-name"),
    # عبر quoting nothing is still the verb when عن follows: its subject is the participle's
    pytest.param("وحث مدير عام حرس الحدود منسوبيه على بذل المزيد من الجهد. من جهته، عبر اللواء الصقير عن شكره "
                 "لمدير حرس الحدود، مبينا أن هذه الزيارة لها مردود إيجابي.",
                 "هذه الزيارة", "الصقير", id="abbara-an-quotes-nothing"),
    # بدوره opens the clause with or without its comma
    pytest.param("وقالت حركة الشعب إن العدوان مرفوض. وبدورها عبرت الجبهة الشعبية عن إدانتها للعدوان الذي اعتبرته "
                 "\"حلقة أخرى من حلقات الإرهاب\".", "حلقة أخرى", "الجبهة الشعبية", id="biddawriha-without-comma"),
    # بين after a closing quotation mark is the preposition: the continuation is still the speaker's
    pytest.param("وقال إياد علاوي إن قطر تدخلت في الشأن الفلسطيني. ودعا علاوي إلى \"حديث مباشر\" بين قطر والدول يتطرق "
                 "إلى \"تعريف الوقائع وماذا عملت قطر وماذا لم تعمل وبعدها المصارحة\". وأضاف \"المصارحة هي مفتاح الحل\".",
                 "المصارحة هي", "إياد علاوي", id="bayna-after-a-quotation"),
    # a ل-word after a name of two words is its addressee, and no part of the name: the article's
    # full name is the one without it
    pytest.param("وقال الرئيس اليمني عبد ربه منصور هادي لمصر إن الانتصار قريب.", "الانتصار قريب",
                 "عبد ربه منصور هادي", id="li-addressee-after-a-name"),
    # after one given name, a word in ل may be the family name itself
    pytest.param("وقال رودريجو لاسمار إن النتيجة مهمة.", "النتيجة مهمة", "رودريجو لاسمار", id="foreign-family-name-in-la"),
    # a common word before a definite common noun is no given name: «ما تردده المعارضة» is no full name
    pytest.param("وقالت الحكومة إن المشروع سياحي ونفت ما تردده المعارضة من أن الجزر ستباع. وتقول المعارضة إن "
                 "السماح بالنفوذ الأجنبي سيرسخ هذا التيار.", "السماح بالنفوذ", "المعارضة", id="construct-is-no-full-name"),
    # a title word right before a name link is a name's word (أمير عبد …), not the start of a role
    pytest.param("قال حسين أمير عبد اللهيان، نائب وزير الخارجية الإيراني، أمس، إن «إيران ستقدم إلى الأمم المتحدة "
                 "قريبًا خطة للسلام».", "خطة للسلام", "حسين أمير عبد اللهيان", id="title-word-before-a-name-link"),
    # a post-modifier (المؤلف من) as the subject's first word is the subject itself: the author
    pytest.param("وقال الرئيس إن الوضع صعب. وأشار المؤلف إلى أن الرأسمالية لم تستهدف الربح فقط.", "الربح فقط",
                 "المؤلف", id="the-author"),
    # a bare noun for a body is the body the article named in full with it, though that body had
    # not spoken; not the genitive of another head (قيادة شرطة …)
    pytest.param("فقد عبر الحزب الدستوري الحر عن استغرابه من الصمت الرسمي. ودعا الحزب كل الأطراف إلى «الاقتصار "
                 "على التحرك في إطار ما تسمح به القوانين الدولية».", "الاقتصار", "الحزب الدستوري الحر",
                 id="bare-body-noun-named-in-full"),
    pytest.param("وأكدت قيادة شرطة إسطنبول في بيان أن ثلاثة رجال أصيبوا. وقالت الشرطة إن مركبة محملة بالمتفجرات "
                 "استخدمت في الهجوم.", "مركبة محملة", "الشرطة", id="bare-body-noun-not-a-genitive"),
    # the anonymity formula between commas is no apposition of the source
    pytest.param("ونقلت وكالة \"رويترز\" عن مسؤول أمريكي، طلب عدم ذكر اسمه، قوله إن المحادثات مستمرة.",
                 "المحادثات مستمرة", "مسؤول أمريكي", id="anonymity-formula-between-commas"),
    # a title's complement in ب on a place, then the name: the place is no part of it, whether the
    # analyser knows the place (بمنطقة تبوك) or not (بخيبر)
    pytest.param("وأوضح مدير فرع مكتب العمل بخيبر فهد الرشيدي أن الجولات مستمرة.", "الجولات مستمرة",
                 "فهد الرشيدي", id="bi-unknown-place-then-name"),
    pytest.param("وأكد مدير الشؤون الصحية بمنطقة عسير أحمد إبراهيم عسيري أن المصابين بخير.", "المصابين بخير",
                 "أحمد إبراهيم عسيري", id="bi-noun-and-place-then-name"),
    pytest.param("وقال الحاكم السابق لولاية نيويورك جورج باتاكي إن الاتفاق سيئ.", "الاتفاق سيئ", "جورج باتاكي",
                 id="li-noun-and-place-then-name"),
    # a royal style in the genitive of an institution's noun, and the name after it, name the
    # institution, not a person: the body speaks (جسر الملك فهد), or the title holder named after it
    pytest.param("وقالت المؤسسة العامة لجسر الملك فهد في بيانها إن التيار انقطع مساء الاثنين.", "التيار انقطع",
                 "المؤسسة العامة لجسر الملك فهد", id="eponym-of-a-body"),
    pytest.param("وأوضح مدير عام جمارك مطار الملك فهد بالدمام يوسف الزاكان أن الإجراءات ميسرة.", "الإجراءات ميسرة",
                 "يوسف الزاكان", id="eponym-then-place-then-name"),
    pytest.param("وقال مدير الشراكة الطبية في جامعة الملك سعود عبد الله الصقعبي إن البرنامج بدأ.", "البرنامج بدأ",
                 "عبد الله الصقعبي", id="name-right-after-an-eponym"),
    # after a place (the analyser reads حائل as a common noun) الشيخ opens the person's name
    pytest.param("وأشار رئيس المحكمة العامة بحائل الشيخ محمد الجزاع إلى أن الجائزة ستنطلق قريبا.", "الجائزة ستنطلق",
                 "محمد الجزاع", id="style-after-a-place-opens-the-name"),
    # a short quoted phrase right after the verb, then its clause (after an adjective at most): the
    # verb's quoted subject, not its words; the quotation after أن is
    pytest.param("وأعلن «مكتب أخبار سوريا» المعارض أن «فصائل المعارضة مهدت لهذا الهجوم بتفجير عربة مفخخة».",
                 "فصائل المعارضة", "«مكتب أخبار سوريا» المعارض", id="quoted-body-name-then-that"),
    pytest.param("وقال الاتحاد إن الإصلاح بدأ. وفي الإطار التجاري، أعلن «كونميبول» أنه بصدد مراجعة كافة علاقاته.",
                 "بصدد مراجعة", "كونميبول", id="quoted-one-word-name-then-anna"),
    # a definite description no lexicon lists, which the analyser also reads as a name (الطالب) or
    # does not know (البائع), then a full name: the description and the person's name
    pytest.param("وأوضح البائع سعيد بن سالم أنه أحضر تسع سيارات من جوز الهند.", "أحضر تسع", "سعيد بن سالم",
                 id="unlisted-description-then-lineage"),
    pytest.param("وقال الطالب أحمد الزهراني إن الاختبارات كانت صعبة.", "الاختبارات كانت", "أحمد الزهراني",
                 id="unlisted-description-then-family-name"),
    # a noun with its possessor right after a definite word is the verb's object, not the subject's
    pytest.param("وأبدى عدد من المشاهدين الروس إعجابهم بالفيلم، مؤكدين أن القصة مؤثرة.", "القصة مؤثرة",
                 "عدد من المشاهدين الروس", id="possessed-noun-after-definite-is-the-object"),
    # a masculine singular continuation after a plural description: not theirs (they would take
    # وأضافوا), so the speaker before them
    pytest.param("وقال مصدر مسؤول إن المقاومة استعادت السيطرة على الحي. وأعلن عشرات من الأفراد الموالين للرئيس "
                 "المخلوع استسلامهم. وأضاف أن المقر شهد تحقيقات مع عدد من المقاومين.", "المقر شهد", "مصدر مسؤول",
                 id="singular-continuation-skips-a-plural"),
    # و and a pronoun open a circumstantial clause; إثر («following») a time adjunct
    pytest.param("وقالت فاليري بيرال وهي أستاذة بجامعة أكسفورد شاركت في الإشراف على الدراسة إن النتائج مهمة.",
                 "النتائج مهمة", "فاليري بيرال", id="wa-huwa-opens-a-circumstantial-clause"),
    pytest.param("من جانبه أعلن وزير الخارجية القطري إثر اللقاء أن بلاده تدعم الاتفاق.", "بلاده تدعم",
                 "وزير الخارجية القطري", id="ithra-opens-a-time-adjunct"),
    # a title with another nationality is another person
    pytest.param("وقال وزير الخارجية الأميركي جون كيري إن الاتفاق جيد. وقال وزير الخارجية القطري إن بلاده "
                 "ترحب بالاتفاق.", "بلاده ترحب", "وزير الخارجية القطري", id="another-nationality-another-person"),
    # صاحب («holder of») heads a title: صاحب السمو الملكي الأمير … is the style before the name
    pytest.param("وأكد صاحب السمو الملكي الأمير فيصل بن سلمان أمير منطقة المدينة المنورة أن المشروع سيكتمل.",
                 "المشروع سيكتمل", "فيصل بن سلمان", id="sahib-al-sumuw"),
    # a title's ل-complement is no name when an honorific and a name follow further on
    pytest.param("وأوضح المدير الإقليمي للحملة الوطنية السعودية لنصرة الأشقاء في سورية الدكتور بدر السمحان أن "
                 "العيادات استقبلت المراجعين.", "العيادات استقبلت", "بدر السمحان",
                 id="li-complement-then-honorific-and-name"),
    pytest.param("وأوضح مدير عام الشركة الوطنية السياحية \"سياحية\" المهندس صالح قدح أن العربات جاهزة.",
                 "العربات جاهزة", "صالح قدح", id="quoted-body-name-then-honorific-and-name"),
    # «واختتم حديثه»: his own talk is the verb's object; the speaker is the one before
    pytest.param("وقال الطبيب محمد العلي إن التقنية مفيدة. واختتم حديثه بأن الاستفادة من الصحة المتنقلة كبيرة.",
                 "الاستفادة من", "محمد العلي", id="closing-his-talk"),
    # «رفض ذكر اسمه»: ذكر mentions a name, it reports nothing, and takes no content from the relay
    pytest.param("وقال زوج المعلمة إن الحادث مؤلم. وأضاف الزوج الذي رفض ذكر اسمه أن الشرطة تحقق في الأمر.",
                 "الشرطة تحقق", "زوج المعلمة", id="refused-to-give-his-name"),
    # no subject ends on و + a preposition; فإن is no given name of the family name after it
    pytest.param("وقالت مصادر محلية وفي مقدمتها مصادر طبية إن عدد القتلى ارتفع.", "عدد القتلى", "مصادر محلية",
                 id="no-trailing-wa-fi"),
    pytest.param("وبحسب المعارض السوري فإن سيدا يرى أن المرحلة صعبة. ويشير سيدا إلى أنه طرح المبادرة.",
                 "طرح المبادرة", "سيدا", id="fa-inna-is-no-given-name"),
    # a title's complement ends on a place after في, or after a noun in ب when the analyser reads the
    # place as a verb (تبوك); not on a noun that takes its own genitive (بشرطة منطقة | مكة المكرمة)
    pytest.param("وقال رئيس مجلس تنسيق المقاومة الشعبية في تعز حمود سعيد المخلافي إن المواقع سقطت.",
                 "المواقع سقطت", "حمود سعيد المخلافي", id="fi-and-a-place-then-name"),
    pytest.param("وأوضح مدير فرع الهيئة العامة للسياحة والتراث الوطني بمنطقة تبوك ناصر بن أحمد الخريصي أن "
                 "الجولات مستمرة.", "الجولات مستمرة", "ناصر بن أحمد الخريصي", id="bi-noun-and-a-place-read-as-a-verb"),
    pytest.param("وقال المتحدث الإعلامي لشرطة منطقة مكة المكرمة العقيد عاطي بن عطية القرشي إن التحقيق جار.",
                 "التحقيق جار", "عاطي بن عطية القرشي", id="li-noun-whose-genitive-goes-on"),
    # two people share a family name: a title with it refers to the one named last before
    pytest.param("وقال مدير الجامعة الدكتور عبدالله بن عويقل السلمي إن الموسم ناجح. وكان التدشين على يد الدكتور "
                 "عبدالرحمن السلمي عضو مجلس إدارة النادي. وأوضح الدكتور السلمي أن الحقائب وزعت.", "الحقائب وزعت",
                 "عبدالرحمن السلمي", id="shared-family-name-the-nearer-person"),
    # after a full name, a noun with a possessive is the object, though the analyser also knows it
    # as a name (سعادة)
    pytest.param("وأبدى المدرب التونسي جميل بلقاسم سعادته بما يقدمه اللاعبون، مضيفا أن الفريق جاهز.",
                 "الفريق جاهز", "جميل بلقاسم", id="possessed-name-like-noun-after-a-name"),
    # فضيلته («his eminence», of a scholar) is an honorific pronoun like سموه
    pytest.param("وقال الشيخ سعود بن إبراهيم الشريم إن الأمن نعمة. وأكد فضيلته أن الوحدة واجبة.", "الوحدة واجبة",
                 "سعود بن إبراهيم الشريم", id="fadilatuhu"),
    # سماحة and فضيلة are styles like معالي, not the speaker's name; آل then a word that is also an
    # honorific (آل الشيخ) is a family name
    pytest.param("وأوضح سماحة مفتي عام المملكة رئيس هيئة كبار العلماء الشيخ عبدالعزيز بن عبدالله آل الشيخ أن "
                 "الفئة ضالة.", "الفئة ضالة", "عبدالعزيز بن عبدالله آل الشيخ", id="samahat-style-and-al-alshaikh"),
    pytest.param("واستنكر فضيلة الشيخ محمد بن محمد الشنقيطي الجريمة، مؤكدا أن الإرهاب لا دين له.", "لا دين له",
                 "محمد بن محمد الشنقيطي", id="fadilat-style"),
    # الشيخ in the family name آل الشيخ is no title of the next words
    pytest.param("ووصف سماحة المفتي الشيخ عبدالعزيز بن عبدالله آل الشيخ حادثة التفجير بالعمل الإجرامي. وقال سماحته "
                 "في مداخلة: المصاب مصاب الجميع.", "المصاب مصاب", "عبدالعزيز بن عبدالله آل الشيخ",
                 id="al-alshaikh-is-no-title"),
    # a eulogy after a name is no part of it
    pytest.param("وقال حذيفة رضي الله عنه إن الفتنة قريبة.", "الفتنة قريبة", "حذيفة", id="eulogy-after-a-name"),
    # ابن opens a name as أبو does (ابن باز), and «ابن معيقل» is «… بن معيقل» the article named
    pytest.param("وقال الشيخ ابن باز رحمه الله: (الواجب محبتهم في الله).", "الواجب محبتهم", "ابن باز",
                 id="ibn-opens-a-name-and-a-eulogy"),
    pytest.param("وكشف وكيل الوزارة الدكتور عبدالله بن سعود بن معيقل أن الجمعيات ستنشأ. وأبان الدكتور ابن معيقل أن "
                 "الورشة ناجحة.", "الورشة ناجحة", "عبدالله بن سعود بن معيقل", id="ibn-family-name-after-doctor"),
    # an institution's noun is no given name of its eponym
    pytest.param("وزار الوفد مسجد عبدالله بن العباس في الطائف. وقال ابن العباس إن العلم نور.", "العلم نور",
                 "عبدالله بن العباس", id="eponym-noun-no-given-name"),
    # after a complement's definite word, a city in ب that the analyser also reads as a common word
    pytest.param("وطالب نائب رئيس لجنة الفواكه والخضار بالغرفة التجارية بجدة عيضة الحارثي بإعادة تهيئة السوق، مشيرا "
                 "إلى أن اللجنة ستتابع الأمر.", "اللجنة ستتابع", "عيضة الحارثي", id="city-in-bi-then-name"),
    # a noun with «his» after the title's last definite word is the object, no name
    pytest.param("وأعلن المدرب الأرجنتيني دخوله في مفاوضات مع النادي، مؤكدا أن العرض مغر.", "العرض مغر",
                 "المدرب الأرجنتيني", id="possessed-noun-with-hu-after-definite-title"),
    # a topic in عن/حول/في that opens the sentence is no subject: the verb's is the person before
    pytest.param("وتطرق الوزير إلى العلاقات بين البلدين. وعن الاتفاق النووي مع إيران الذي تمت مناقشته أمس، أكد أن "
                 "الاتفاق سيسهم في استقرار المنطقة.", "سيسهم في", "الوزير", id="prepositional-topic-is-no-subject"),
    # فإن after a definite word opens the clause (but فان is «van» in a name)
    pytest.param("وحسبما تقول الإحصاءات فإن ثلثي حالات الطلاق تقع في السنة الأولى من الزواج.", "ثلثي حالات",
                 "الإحصاءات", id="fa-inna-ends-the-subject"),
    pytest.param("وقال المدرب لويس فان جال إن الفريق جاهز.", "الفريق جاهز", "لويس فان جال", id="van-in-a-name"),
    # د. glued to the name (د.هشام) is the abbreviation, no full stop; after an honorific and a family
    # name, a common noun is the object; د. inside a phrase precedes the name
    pytest.param("وقالت رنا زينة إن الأمر صعب. وتحدث د.هشام الضلعان -استشاري مخ وأعصاب الأطفال- قائلاً: يوجد نقص "
                 "شديد في المراكز.", "نقص شديد", "هشام الضلعان", id="glued-doctor-abbreviation"),
    pytest.param("وقالت رنا زينة إن الأمر صعب. وتمنى د.الضلعان وجود دراسة وطنية للتوحد، مضيفاً أن التوحد منتشر.",
                 "التوحد منتشر", "الضلعان", id="honorific-family-name-then-object"),
    pytest.param("وأكد المختص في علم الإجرام ومكافحة الجريمة أ.د. يوسف الرميح أن الأمن مسؤولية الجميع.",
                 "الأمن مسؤولية", "يوسف الرميح", id="doctor-abbreviation-inside-a-phrase"),
    # «نقلت الوكالة عن X»: the verb agrees with the agency, so X's وأضاف/وأشار (masculine) is X's
    pytest.param("وقال المرصد السوري إن الاشتباكات عنيفة. ونقلت وكالة رويترز عن الناطق باسم الجبهة الجنوبية عصام "
                 "الريس أن الهجوم استهدف المنطقة الأمنية. وأشار إلى أن المعارضة تنفذ خطة عسكرية جديدة.",
                 "تنفذ خطة", "عصام الريس", id="relay-verb-agrees-with-the-relay"),
    # a title noun between a given name and a family name is a given name (مساعد); before a
    # definite common noun it is the title (خالد مساعد الوزير)
    pytest.param("وقال المتحدث الرسمي باسم الهلال الأحمر بالمدينة المنورة خالد مساعد السهلي: \"الهيئة تقدم خدماتها "
                 "من خلال 30 مركزاً\".", "تقدم خدماتها", "خالد مساعد السهلي", id="title-noun-as-middle-name"),
    pytest.param("وقال خالد مساعد الوزير إن الخطة جاهزة.", "الخطة جاهزة", "خالد", id="title-noun-before-its-genitive"),
    pytest.param("وقال المتحدث الرسمي للهلال الأحمر بمنطقة الحدود الشمالية مساعد العنزي إن الفرق باشرت الحادث.",
                 "الفرق باشرت", "مساعد العنزي", id="title-noun-as-given-name-after-a-title"),
    # an institution's noun (مطار، جامعة) ends a name run: the person's name comes after the title
    pytest.param("وقال العقيد خالد إن الأمن مستتب. وكشف المدير العام لأمن مطار الكويت الدولي اللواء فيصل السنين عن "
                 "زيادة في الإجراءات الأمنية، مؤكداً أن كل من يدخل البلاد يسجل.", "كل من يدخل", "فيصل السنين",
                 id="institution-noun-ends-a-name-run"),
    # «ومضى X بالقول إن …»: X goes on saying; بالقول ends X's phrase
    pytest.param("وقال الوزير إن المعارك عنيفة. ومضى المتحدث بالقول إن المتمردين تكبدوا خسائر فادحة.", "تكبدوا خسائر",
                 "المتحدث", id="madha-bil-qawl"),
    # a definite plural right after a singular title is the object (دعا الرئيس | المواطنين)
    pytest.param("وقال مكتب الرئيس بول بيا إن 11 شخصا قتلوا. ودعا الرئيس المواطنين إلى الهدوء، مؤكدا أن الدولة "
                 "قوية.", "الدولة قوية", "بول بيا", id="plural-object-after-a-title"),
    # an honorific after a name link is a name's word (خالد بن السيد صالح الصواف)
    pytest.param("ويؤيد خبير الإدارة الصحية الدكتور خالد بن السيد صالح الصواف هذه الآراء، مؤكدا أن النظام ضروري.",
                 "النظام ضروري", "خالد بن السيد صالح الصواف", id="honorific-after-a-name-link"),
    # سموه is the prince named before, not the last person named (a sergeant)
    pytest.param("قدم صاحب السمو الملكي الأمير متعب بن عبدالله وزير الحرس الوطني تعازيه لوالد الشهيد الرقيب ماجد بن "
                 "فهد السبيعي. ودعا سموه المولى أن يتغمد الشهيد برحمته، مؤكدا أن الوطن فخور به.", "الوطن فخور",
                 "متعب بن عبدالله", id="honorific-pronoun-finds-its-style"),
    # «لمجلس» is no magazine (مجلة): the title goes on to its apposed name
    pytest.param("أكد معالي الأمين العام لمجلس التعاون لدول الخليج العربية، الدكتور عبد اللطيف الزياني، أن دول "
                 "المجلس ستظل إلى جانب اليمن.", "ستظل إلى", "عبد اللطيف الزياني", id="majlis-is-no-magazine"),
    # a foreign name that merely starts like ف + ال is no definite word (فالتر، فالاسكويز)
    pytest.param("وقال وزير الخارجية الألماني فرانك فالتر شتاينماير إن الاتفاق جيد.", "الاتفاق جيد",
                 "فرانك فالتر شتاينماير", id="foreign-name-in-fal"),
    # a source's complement in ب runs on over its definite words (مسؤول كبير بوزارة الخارجية الأميركية),
    # and ends at دون or at the verb's object (تأجيل زيارة)
    pytest.param("وقال مسؤول كبير بوزارة الخارجية الأميركية دون الخوض في التفاصيل إن كيري بحث الملف السوري.",
                 "كيري بحث", "مسؤول كبير بوزارة الخارجية الأميركية", id="source-complement-in-bi"),
    pytest.param("وأعلن مسؤول بوزارة الخارجية الإيرانية تأجيل زيارة الوزير، مؤكدا أن الموعد سيحدد لاحقا.",
                 "سيحدد لاحقا", "مسؤول بوزارة الخارجية الإيرانية", id="source-complement-then-object"),
    # after a full name, a word that reads only with a pronoun (دعوته: «his call» or «called him»)
    pytest.param("وجدد الرئيس الأمريكي باراك أوباما دعوته للكونغرس إلى دعم الاتفاق، مؤكدا أن البديل هو الحرب.",
                 "البديل هو", "باراك أوباما", id="word-with-a-pronoun-after-a-name"),
    # a name after بن in a lineage is the parent's, another person; a lone last one is a family name
    pytest.param("وأكد رئيس الاتحاد الشيخ حسن بن ناصر بشيري أن الفريق جاهز. وعبر والد اللاعب الشيخ ناصر بشيري عن "
                 "شكره، مؤكدا أن ابنه مصدر فخر.", "مصدر فخر", "ناصر بشيري", id="a-parent-in-a-lineage"),
    pytest.param("وقال رئيس الاتحاد أحمد بن عيد إن المباراة مهمة. وتمنى عيد أن تخرج المباراة بصورة جميلة.",
                 "تخرج المباراة", "أحمد بن عيد", id="a-lone-last-name-after-bin"),
    # a title in construct with a place (محافظ مدينة عدن): the name after the place; the surname
    # later links to it
    pytest.param("أكد محافظ مدينة عدن نايف البكري أن الأوضاع سيئة. وأوضح البكري أن عمليات الإصلاح بدأت في المطار.",
                 "عمليات الإصلاح", "نايف البكري", id="title-in-construct-with-a-place"),
    # an adverb in the accusative after the verb is never the subject (مرارا، دائما، وفقا لـ)
    pytest.param("وأكد مجددا وزير الخارجية أن الحل سياسي.", "الحل سياسي", "وزير الخارجية",
                 id="an-adverb-before-the-subject"),
    pytest.param("وقالت الوزيرة إن الحل سياسي. وأكدت مرارا وتكرارا أن الحرب لن تحل شيئا.",
                 "الحرب لن", "الوزيرة", id="an-adverb-is-no-subject"),
    pytest.param("دان رئيس المجلس أحمد الملا التفجير. وقال وفقا لما نقلته الوكالة إن البحرين تقف صفا واحدا.",
                 "البحرين تقف", "أحمد الملا", id="an-adverb-heading-its-complement"),
    # إمام, an imam, folds as أمام «before» does: the hamza below tells the noun
    pytest.param("وقال إمام وخطيب المسجد الحرام الشيخ صالح بن حميد إن المؤمن القوي حصن.", "المؤمن القوي",
                 "صالح بن حميد", id="an-imam-is-a-title"),
    pytest.param("وقال الوزير إن الحل سياسي. وأضاف أمام الصحفيين أن الحرب لن تحل شيئا.", "الحرب لن",
                 "الوزير", id="before-is-no-imam"),
    # a sermon is the occasion of a statement, no part of the speaker
    pytest.param("وقال مفتي عام المملكة في خطبته إن المؤمن القوي حصن.", "المؤمن القوي", "مفتي عام المملكة",
                 id="in-his-sermon"),
    # a complementiser after a comma opens the verb's clause, no apposition; عبد opens a name
    # after a place in في
    pytest.param("ويرى سفير لبنان السابق في واشنطن عبد الله بوحبيب، أنه «في الوقت الحاضر، لا أحد يفكر بالتقسيم». "
                 "ويضيف: «التقسيم يعني الفرز على الأرض».", "التقسيم يعني", "عبد الله بوحبيب",
                 id="complementiser-after-a-comma"),
    # a sentence opening with كما and a verb has a narrative subject, whom a zero subject after it
    # in the sentence continues; an indefinite source with a word the other lacks is another one
    pytest.param("وقال مصدر عسكري آخر إن الهجوم بدأ فجرا. كما تحدث مصدر عسكري مالي عن فرار أوكراني من الفندق، "
                 "وأشار إلى وجود «ثلاثة مواطنين من جنوب أفريقيا»، معه في الفندق.", "ثلاثة مواطنين",
                 "مصدر عسكري مالي", id="another-indefinite-source"),
    pytest.param("وقال الوزير أحمد سالم إن الهجوم بدأ فجرا. كما زار المحافظ خالد الحربي الفندق الجمعة، وأشار إلى "
                 "وجود «ثلاثة مواطنين من جنوب أفريقيا»، معه في الفندق.", "ثلاثة مواطنين", "خالد الحربي",
                 id="kama-then-a-narrative-verb"),
    # a plural or a verbal noun before a name is its construct, no given name (تصريحات | محمد عبده)
    pytest.param("وعلى الرغم من أن تصريحات محمد عبده في البرنامج لم تعجب الجمهور. ورفض محمد عبده ترتيب الفنانين، "
                 "وتحدث عن محبته لرابح قائلا إنه يعجبه أسلوبه الغنائي.", "يعجبه أسلوبه", "محمد عبده",
                 id="a-plural-before-a-name"),
    # a coordinated cue continues the subject of the clause after أن it follows in its sentence
    pytest.param("وقال المواطن فهد إن الرحلة تأخرت. لكن الغريب أن هيئة الطيران المدني تجرأت وأعلنت عبر تويتر أن "
                 "السبب يعود إلى عطل في الشبكة.", "السبب يعود", "هيئة الطيران المدني", id="a-clause-after-anna"),
    # a verb after its subject inside reported words names no speaker for what follows
    pytest.param("وأوضح وزير الخارجية المصري سامح شكري أن الحوار تناول عددا من الموضوعات، مفيدا بأن الجانبين أكدا "
                 "أهمية الحل السياسي في اليمن بما يضمن سلامته. وأضاف انه بحث الاتفاق مع إيران.", "بحث الاتفاق",
                 "سامح شكري", id="a-verb-inside-reported-words"),
    # SVO from the sentence's first word, when the phrase is a title, a body or a source
    pytest.param("وقال الوزير إن الانتخابات نزيهة.\n\nرئيس مجلس تشخيص مصلحة النظام قال لموقع «المونيتور»: «إذا كان "
                 "هناك تزوير فسنكشفه».", "إذا كان", "رئيس مجلس تشخيص مصلحة النظام", id="svo-from-the-sentence-start"),
    pytest.param("وقال الوزير إن الانتخابات نزيهة. وفي سياق متصل قال إن التزوير مستحيل.", "التزوير مستحيل", "الوزير",
                 id="a-prepositional-opening-is-no-subject"),
    # a full name is not made fuller by a word before it the analyser reads as no name
    pytest.param("كيري: الاتفاق يمنع إيران من السلاح النووي\n\nأكد وزير خارجية الولايات المتحدة جون كيري أن الاتفاق "
                 "جيد. وقال الوزير القطري: \"لقد ذكر زميلي جون كيري قواعد الحل السياسي\".", "الاتفاق يمنع",
                 "جون كيري", id="no-name-word-before-a-full-name"),
    # a styled title (معالي وزير الخارجية) is the holder the article styles so, with the closest
    # title; معاليه goes on with the last speaker so styled, not a prince his words name
    pytest.param("التقى معالي وزير الخارجية الأستاذ عادل بن أحمد الجبير اليوم في موسكو معالي وزير خارجية روسيا "
                 "الاتحادية سيرجي لافروف. ووصف معالي وزير الخارجية في تصريح له عقب اللقاء، لقاءه بالإيجابي، مبيناً "
                 "أن هناك تقارباً في المواقف. وقال معاليه إن زيارة صاحب السمو الملكي الأمير محمد بن سلمان بن "
                 "عبدالعزيز ولي ولي العهد وزير الدفاع مؤخراً لموسكو وضعت الأسس. وفيما يتعلق بالاقتصاد، أكد معاليه "
                 "أنها لا تتماشى مع حجم البلدين.", "لا تتماشى",
                 "عادل بن أحمد الجبير", id="a-styled-title-and-its-pronoun"),
    # فقد or وقد before a verb that quotes nothing opens its clause: its subject is salient
    pytest.param("وقال مسؤول في الحكومة إن الحادث مؤسف. فقد عبر الحزب الدستوري الحر عن استغرابه إزاء غياب موقف رسمي، "
                 "مجددا التأكيد على أن \"الحل لا يكون إلا سياسيا\".", "الحل لا يكون", "الحزب الدستوري الحر",
                 id="faqad-opens-a-clause"),
    # سعادته refers to the person the article styles سعادة
    pytest.param("أوضح ذلك مدير مكتبة المسجد الحرام سعادة الأستاذ منصور بن محمد الحربي، مشيراً إلى وجود مكتبة رقمية "
                 "يستطيع الباحث تصفحها ونسخ أي منها مجاناً. وأضاف سعادته بأن المكتبة تحتوي على الكثير من الكتب.",
                 "المكتبة تحتوي", "منصور بن محمد الحربي", id="saadatuhu"),
    # after a source's complement, a common noun governing a definite word is the verb's object
    pytest.param("وقال مسؤول إن الوضع هادئ. ونفى متحدث باسم المتمردين مزاعم الحكومة السبت بسيطرتها على عدن وقال إنها "
                 "حرب نفسية.", "حرب نفسية", "متحدث باسم المتمردين", id="a-common-noun-in-construct-after-a-source"),
    # after a rank or an honorific, علي is a name, not the preposition (in an article that never
    # writes على with alif maqsura)
    pytest.param("أوضح المتحدث الإعلامي للدفاع المدني بمنطقة نجران المقدم علي الشهراني أن الفرق باشرت الحادث.",
                 "الفرق باشرت", "علي الشهراني", id="ali-after-a-rank"),
    pytest.param("وأوضح المتحدث الرسمي لهيئة الهلال الأحمر السعودي بمنطقة مكة المكرمة علي بن عبدالله الغامدي أن الفرق "
                 "باشرت الحادث.", "الفرق باشرت", "علي بن عبدالله الغامدي", id="ali-before-bin"),
    # و and a word read only as a verb after the cue is a second verb, not the subject (but ويندي
    # شيرمان, a name, is one)
    pytest.param("وقال الكاتب أحمد الحربي إن الرواية جيدة. ويشرح ويقدم الحلول أن الاحترام هو الأساس.",
                 "الاحترام هو", "أحمد الحربي", id="a-coordinated-verb-is-no-subject"),
    # a news lead may open with an imperfective verb; its subject goes on speaking in the
    # participle after it
    pytest.param("يرفض المحامي سليمان الجميعي القول بأن التحرش صار ظاهرة، مبيناً أنها مجرد تصرفات فردية يقوم بها "
                 "بعض المراهقين.", "مجرد تصرفات", "سليمان الجميعي", id="imperfective-lead-verb"),
    pytest.param("وقال الوزير إن العمل مستمر. يعتقد المدرب خالد العمري أن اللاعبين الجدد استطاعوا التأقلم مع الفريق، "
                 "مشيرا إلى أنهم سيقومون بدورهم.", "سيقومون بدورهم", "خالد العمري", id="imperfective-lead-verb-after-a-quote"),
    # in a narrative clause the verb's object after a body's name is no part of it
    pytest.param("وقال المسؤول إن العمل مستمر. تعتزم الشركة السعودية للكهرباء طرح مناقصة جديدة الشهر المقبل، مشيرة "
                 "إلى أن المناقصة تشمل ثلاث محطات.", "المناقصة تشمل", "الشركة السعودية للكهرباء",
                 id="body-name-before-the-verbs-object"),
    pytest.param("وقال المسؤول إن العمل مستمر. وأصدرت وزارة الخزانة الأميركية تقريرا جديدا، مشيرة إلى أن العقوبات "
                 "مستمرة.", "العقوبات مستمرة", "وزارة الخزانة الأميركية", id="body-name-before-an-indefinite-object"),
    # a quoted word between the cue and the reported words, with at most an adjunct after it,
    # is the speaker's name (Sabq quotes surnames and bodies so); not the answer «لا» at a full stop
    pytest.param('وحضر الحفل مدير التعليم الدكتور أحمد النعمي. وقال الوزير خالد العلي إن الحفل ناجح. وقال "النعمي": '
                 '"نحن مستعدون للعام الجديد".', "نحن مستعدون", "أحمد النعمي", id="quoted-surname-before-a-colon"),
    pytest.param("وقالت «سابك» في بيان إن الأرباح ارتفعت بنسبة كبيرة.", "الأرباح ارتفعت", "سابك",
                 id="quoted-body-before-an-adjunct"),
    # «المسؤول» and a nationality refers back to the official the article gave that nationality
    pytest.param("كشف وزير الداخلية اليمني اللواء عبده الحذيفي أن الأجهزة إيرانية الصنع. وقال المحلل خالد العلي إن "
                 "الوضع معقد. وعن حجم الخسائر قال «المسؤول اليمني»: «لا أستطيع أن أتحدث عنها».", "لا أستطيع",
                 "عبده الحذيفي", id="the-official-and-his-nationality"),
    pytest.param("وانتقد عضو المكتب السياسي لحركة النهضة التونسية سامي الطريقي الحكومة. وقال الناطق باسم الحكومة إن "
                 "الانتقاد مرفوض. وأضاف القيادي التونسي أن الحكومة فشلت في إدارة الملف.", "الحكومة فشلت",
                 "سامي الطريقي", id="the-leader-and-his-nationality"),
    pytest.param("كشف وزير الداخلية اليمني اللواء عبده الحذيفي أن الأجهزة إيرانية الصنع. وقال المسؤول التركي إن الوضع "
                 "معقد.", "الوضع معقد", "المسؤول التركي", id="the-official-of-another-nationality"),
    # a body named by the genitive of its full name, once the article made the body an actor
    pytest.param('نبهت الرئاسة العامة للأرصاد وحماية البيئة من موجة حارة. وقال مدير الدفاع المدني إن الفرق جاهزة. '
                 'وقالت "الأرصاد" عبر الإنذار المبكر: "تتأثر المنطقة بارتفاع شديد".', "تتأثر المنطقة",
                 "الرئاسة العامة للأرصاد وحماية البيئة", id="a-body-by-its-genitive"),
    pytest.param("ذكرت وكالة أنباء البحرين أن الوفد وصل. وقال المتحدث إن الزيارة مهمة. وأكدت البحرين أن العلاقات "
                 "متينة.", "العلاقات متينة", "البحرين", id="a-country-is-not-its-news-agency"),
    # a role noun before a name is its title (الفنان، المواطن، الزائرة …), as a rank is
    pytest.param("قال الفنان راغب علامة إن الإنسان يتعلم دائما من تجاربه.", "الإنسان يتعلم", "راغب علامة",
                 id="a-role-noun-before-a-name"),
    pytest.param('وقال المواطن مانع ملفي لـ"سبق" إنه اشترى وجبة فاسدة.', "اشترى وجبة", "مانع ملفي",
                 id="a-citizen-before-his-name"),
    # after a title, a word read only as a verb or a function word opens the next clause: no name
    pytest.param('وفي الرواية المدرب ينتحر، والفتاة ترحل. ثم قال: "انظروا إلى أنفسكم".', "انظروا إلى", "",
                 id="a-verb-after-a-title-is-no-name"),
    # «م.» (engineer) is a title like «د.», and «سابقاً» dates the title before the name
    pytest.param('وقال المهندس شاكر آل نوح إن الإرهاب مدان. وشدد نائب رئيس المجلس البلدي في محافظة القطيف سابقاً '
                 'م. نبيه البراهيم على أهمية التصدي للإرهاب، مضيفاً "إن العملية الإرهابية الجبانة تسببت في استشهاد '
                 'رجال الأمن".', "إن العملية", "نبيه البراهيم", id="engineer-and-formerly-in-a-title"),
    # after وقد a verb opens the clause: what follows it is no subject before the cue (the verb's own
    # subject made the statement that «قالت فيه» describes)
    pytest.param("تنفيذ حكم القتل. وقد أصدرت وزارة الداخلية اليوم بياناً قالت فيه: إن الجاني قتل رجلا.",
                 "إن الجاني", "وزارة الداخلية", id="qad-then-a-verb-is-no-subject-before-the-cue"),
    # a comma run holding a verb or a colon is the next clause, not an apposition of the subject
    pytest.param("ونادى عمر بأعلى صوته: أفيكم أويس؟. فقام شيخ طويل اللحية من قرن، فقال: يا أمير المؤمنين، إنك قد "
                 "أشفيت على واد.", "يا أمير", "شيخ طويل اللحية من قرن", id="no-apposition-over-a-verb-and-colon"),
    # حسبما with ما written onto it: its verb follows, then the source
    pytest.param("وسيطرت المقاومة على دبابة ومدفع 23، حسبما أفادت مصادر محلية.", "المقاومة على دبابة",
                 "مصادر محلية", id="hasabma-then-its-verb-then-the-source"),
    # SVO with an imperfective verb after a person's name, also after لكن: the participle is theirs
    pytest.param("وقال الجيش إن الوضع مستقر. لكن سلامة يتحدث أيضا عن فوائد المشروع قائلا “له مزايا اقتصادية لكن ليس "
                 "في الأمد الحالي”.", "له مزايا", "سلامة", id="but-a-name-and-an-imperfective"),
    pytest.param("وقال المدير إن الموسم طويل. مدير المنتخب ابراهيم العيد يؤكد جاهزية المنتخب، مشيرا إلى أن المعسكرات "
                 "بدأت مبكرا.", "المعسكرات بدأت", "ابراهيم العيد", id="a-name-then-an-imperfective"),
    # in an article that writes على, «أكد علي …» is the name after the verb, not its preposition;
    # a name followed by a title keeps all its words; «حسب ما نقلته X» after quoted words relays
    pytest.param("وشدد الوزير على أهمية الأمر. ومن جهته، أكّد علي أكبر ولايتي، مستشار الشؤون الدولية لخامنئي، أن "
                 "«طهران لن تبيع سيادتها في الأسواق العالمية»، حسب ما نقلته وكالة أنباء مهر.", "طهران لن تبيع",
                 "علي أكبر ولايتي", id="ali-spelled-as-a-name-after-a-governing-verb"),
    pytest.param("وقال ولايتي إن الاتفاق جيد. وشدد على أن «طهران لن تبيع سيادتها في الأسواق العالمية»، حسب ما نقلته "
                 "وكالة أنباء مهر.", "طهران لن تبيع", "ولايتي", id="a-news-agency-that-relays"),
    # «القنصل» and «الملحق» are titles; «بجدة» after a title is the place, not a name (but a
    # foreign name in ب stays one: بوب كوركر)
    pytest.param("وقال القنصل العام السعودي في اليونان حمود المطيري إن الجالية بخير.", "الجالية بخير", "حمود المطيري",
                 id="the-consul-is-a-title"),
    pytest.param("وأكد رئيس النادي الأدبي بجدة عبدالله بن أحمد الثقفي أن الموسم حافل.", "الموسم حافل",
                 "عبدالله بن أحمد الثقفي", id="a-place-in-b-after-a-title"),
    pytest.param("وقال رئيس اللجنة بوب كوركر إن الاتفاق سيئ.", "الاتفاق سيئ", "بوب كوركر", id="a-foreign-name-in-b"),
    # a relative antecedent stops at the verb after ما (هذا ما أضافه | تشونغ الذي تابع)
    pytest.param('وقال تشونغ مونغ-جون إن الرجل فشل. "يحاول إلقاء اللوم على الجميع"، هذا ما اضافه تشونغ الذي تابع: '
                 '"اذا تم انتخابي سأحاول تحقيق المزيد من الشفافية".', "اذا تم انتخابي", "تشونغ مونغ-جون",
                 id="a-relative-antecedent-stops-at-the-verb-after-ma"),
    # a definite plural participle keeps its complement (الموقعون على الالتماس، القائمون على المبادرة)
    pytest.param('ووصف الموقعون على الالتماس اختيار المنظمة بأنه "مخيب للآمال"، مؤكدين أن المنظمة أخطأت.',
                 "المنظمة أخطأت", "الموقعون على الالتماس", id="a-plural-participle-and-its-complement"),
    # after a body and its adjective, a word read only as dual or plural is the verb's object
    pytest.param("اتهمت الحكومة الأوكرانية الانفصاليين الموالين للروس باستهداف مواقعها وقالت إن مؤشرات تدل على "
                 "تصعيد الصراع.", "مؤشرات تدل", "الحكومة الأوكرانية", id="a-dual-or-plural-after-a-body-and-its-adjective"),
    # a masdar with a possessive right after the cue is its object: the subject is the one named before
    pytest.param("وقال الشيخ محمد الحسيني إن إيران تستخدم الشيعة. وكرر مطالبته للشعب العراقي بأن يتوحدوا في "
                 "مقاومة الاحتلال.", "يتوحدوا في", "محمد الحسيني", id="a-possessed-masdar-after-the-cue-is-its-object"),
    pytest.param("وأوضح مدير العلاقات العامة سلطان الدوسري أن الاجتماع سيعقد الأسبوع المقبل. وأكد حرص سموه على أن "
                 "تكون الصناعات إلزامية في العقود.", "الصناعات إلزامية", "سلطان الدوسري",
                 id="a-masdar-whose-genitive-carries-a-possessive"),
    # but a masdar that also names an agent may be the subject, in apposition to a body's name
    pytest.param("وقالت منافستها شركة الإمارات للاتصالات المتكاملة إن أرباحها ارتفعت.", "أرباحها ارتفعت",
                 "منافستها شركة الإمارات للاتصالات المتكاملة", id="a-possessed-agent-noun-before-a-body"),
    # a title after the name of a phrase that opens with another title refers back to him too
    pytest.param("أكد الأمير فيصل بن سعد آل ناصر رئيس مجلس أمناء الجامعة على أهمية البحث. وقال مدير الجامعة إن "
                 "البحث مهم. وأوضح رئيس مجلس الأمناء أن الجامعة ستتوسع.", "الجامعة ستتوسع", "فيصل بن سعد آل ناصر",
                 id="a-title-after-a-name-in-a-narrative-sentence"),
    pytest.param("قال الأمير فيصل بن سعد آل ناصر رئيس مجلس أمناء الجامعة إن البحث مهم. وقال مدير الجامعة إن "
                 "الطلاب كثر. وأوضح رئيس مجلس الأمناء أن الجامعة ستتوسع.", "الجامعة ستتوسع", "فيصل بن سعد آل ناصر",
                 id="a-title-after-a-name-in-a-quote-subject"),
    # but a definite title after the subject of a verb that reports nothing may be its object
    pytest.param("استقبل الشيخ عبدالله بن زايد آل نهيان المبعوث الأممي إلى اليمن أمس. وقال المبعوث الأممي إن "
                 "الحل سياسي على الأرض.", "الحل سياسي", "المبعوث الأممي", id="a-definite-title-after-a-name-may-be-the-object"),
    # and «معاليه» is not a prince whose titles after his name include a minister's
    pytest.param("أكد صاحب السمو الملكي الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع على عمق العلاقات. وقال "
                 "وزير الخارجية عادل الجبير إن الزيارة ناجحة. وأكد معاليه أن العلاقات الاقتصادية ستنمو.",
                 "العلاقات الاقتصادية", "عادل الجبير", id="an-honorific-and-a-title-after-a-styled-name"),
    # a definite nisba after a lineage is the family name, even before a title in construct
    pytest.param("قال الدكتور سامي بن محمد الحربي مدير مستشفى الملك فهد إن الحالة مستقرة.", "الحالة مستقرة",
                 "سامي بن محمد الحربي", id="a-nisba-family-name-before-a-title"),
    # after بن, علي is the father's name, though the article never writes the preposition على
    pytest.param("قال الدكتور سامي بن علي الحربي إن الحالة مستقرة.", "الحالة مستقرة", "سامي بن علي الحربي",
                 id="ali-after-bin-is-a-name"),
    # a verb after a relative pronoun it does not agree with has another subject: not the antecedent
    pytest.param("قالت شركة سوفتبنك إن الطلب على منتجاتها كبير. وتحدثت الشركة أمس عن الروبوت «بيبر» الذي أشارت "
                 "إلى أنه يملك مشاعر.", "يملك مشاعر", "شركة سوفتبنك", id="a-verb-that-disagrees-with-the-relative-pronoun"),
    # «بدوره» between a verb and its subject: the subject follows it
    pytest.param("وأكد بدوره وزير الصحة توفيق الربيعة أن الوضع مطمئن.", "الوضع مطمئن", "توفيق الربيعة",
                 id="a-turn-adverb-between-the-verb-and-its-subject"),
    pytest.param('وقال مدرب بنما إن الحكم أخطأ. واعترف بدوره، مدرب المكسيك ميجيل هيريرا بالخطأ الذي ارتكبه الحكم '
                 'وقال: "كان الحكم سيئا للغاية".', "كان الحكم سيئا", "ميجيل هيريرا",
                 id="a-turn-adverb-before-a-narrative-subject"),
    # a given name the analyser reads as a common noun opens the name when a lineage follows
    pytest.param("قالت مديرة شعبة الإشراف النسوي بسجون حائل مرزوقة بنت مسعر الشمري إن البرامج أثمرت.",
                 "البرامج أثمرت", "مرزوقة بنت مسعر الشمري", id="a-common-noun-given-name-before-a-lineage"),
    # a named person a verb introduced without a quote takes the verb's gender, as a quote's subject does
    pytest.param("وقالت نوف بنت محمد العتيبي إن البرامج مهمة على الدوام. وأبدت بدورها مديرة شعبة الإشراف النسوي "
                 "بسجون حائل مرزوقة بنت مسعر الشمري، استعدادها لتقديم العون للنزيلات، مؤكدة أن هذه البرامج أثمرت.",
                 "هذه البرامج أثمرت", "مرزوقة بنت مسعر الشمري", id="a-narrative-subject-takes-its-verbs-gender"),
    # a quoted name right after the verb, then a short adjunct or a quoted addressee, is its subject
    pytest.param('وقالت "جبهة التحرر الشعبي الثوري" في بيان لها على الإنترنت إن الكفاح مستمر.', "الكفاح مستمر",
                 "جبهة التحرر الشعبي الثوري", id="a-quoted-body-name-then-an-adjunct"),
    pytest.param('وقال "نعمان بن حافظ" لـ"سبق": إن وسائل الإعلام أخطأت.', "وسائل الإعلام أخطأت", "نعمان بن حافظ",
                 id="a-quoted-name-then-a-quoted-addressee"),
    pytest.param("وقالت المواطنة وتدعى “أم فؤاد”، إنها حاولت رد الجميل لوالدها.", "حاولت رد الجميل", "أم فؤاد",
                 id="a-quoted-kunya-after-tudaa"),
    # a title in the genitive of another (نائب الرئيس، مستشار الرئيس) is not the name's title
    pytest.param("قال نائب الرئيس محمد ناصر إن الزيارة مهمة للغاية. وقال وزير الخارجية إن الأمر صعب. وأكد الرئيس "
                 "أن الاتفاق قريب.", "الاتفاق قريب", "الرئيس", id="a-title-in-the-genitive-of-another-title"),
    # a word shaped like a participle in م…ا (مازحا) that the analyser reads as a name is one
    pytest.param("قال رئيس وزراء مالطا جوزيف موسكات إن حكومته قبلت كل شيء.", "حكومته قبلت", "جوزيف موسكات",
                 id="a-place-name-shaped-like-a-participle"),
    pytest.param("وقال رئيس النادي ميكو ميرسكيلا إن الفريق لعب بشكل سيئ.", "الفريق لعب", "ميكو ميرسكيلا",
                 id="an-unknown-family-name-shaped-like-a-participle"),
    pytest.param("وقال مدرب برشلونة لويس انريكي متذمرا إن الفريق لعب بشكل سيئ.", "الفريق لعب",
                 "مدرب برشلونة لويس انريكي", id="an-unknown-participle-after-a-two-word-name"),
    # في and a demonstrative open an adjunct, never a title's complement
    pytest.param("وقال الرئيس الأمريكي في هذه المناسبة «هذا الاتفاق ليس قائما على الثقة».", "هذا الاتفاق",
                 "الرئيس الأمريكي", id="a-demonstrative-adjunct-after-a-title"),
    # «ورفض نشر اسمه»: naming someone reports nothing, and the formula ends the source's description
    pytest.param('وقال أحد المسؤولين ورفض نشر اسمه لرويترز "الدلائل الأولية تشير إلى أنه هجوم انتحاري".',
                 "الدلائل الأولية", "أحد المسؤولين", id="refused-to-publish-his-name"),
    # an adjective of praise after a personal title is no family name
    pytest.param("تحدث الشيخ الجليل في برنامجه عن الإرهاب. وقال الشيخ إن الإرهاب ليس في الإسلام.",
                 "الإرهاب ليس", "الشيخ", id="an-adjective-of-praise-is-no-family-name"),
    # a club takes its city's name as its genitive: a name unknown to the analyser may follow
    pytest.param("وقال رئيس نادي برشلونة جوسيب ماريا بارتوميو إن الفريق جاهز.", "الفريق جاهز",
                 "جوسيب ماريا بارتوميو", id="a-club-of-a-city-then-a-foreign-name"),
    pytest.param("وقال رئيس نادي نجران هذيل آل شرمة إن الفريق جاهز.", "الفريق جاهز", "هذيل آل شرمة",
                 id="a-club-of-a-city-then-a-name"),
    # a short adjunct between the verb and a role word and a name: the participle's subject is that person
    pytest.param("وقال الخبير عبدالعزيز الداغستاني إن سوق السندات محدود. واتفق مع الرأيين السابقين الاقتصادي عبدالله "
                 "العمري مشيرا الى ان السندات تعزز من قنوات الاستثمار.", "السندات تعزز", "عبدالله العمري",
                 id="a-role-word-and-a-name-after-an-adjunct"),
    # «نقلت X عن Y أنه قال»: the verb after أنه has the relay's source for subject
    pytest.param("ونقلت وكالة الأنباء عن وزير الخارجية أنه قال إن المحادثات جيدة.", "المحادثات جيدة", "وزير الخارجية",
                 id="relayed-source-before-anna-qala"),
    pytest.param("ونقلت الوكالة عن جون كيري أنه قال إن المحادثات جيدة.", "المحادثات جيدة", "جون كيري",
                 id="relayed-named-source-before-anna-qala"),
    # a name in -ون (جون، سايمون) is no plural description
    pytest.param("وقال سايمون برادشو إن الطاقة المتجددة أرخص.", "الطاقة المتجددة", "سايمون برادشو",
                 id="a-name-in-uun-is-no-plural"),
    # an according-to phrase after a name is an adjunct
    pytest.param("وقال كاميرون بحسب صحيفة التلغراف إن الاتفاق جيد.", "الاتفاق جيد", "كاميرون",
                 id="an-according-to-phrase-after-a-name"),
    # after a source and its complement, a body's head is the addressee (أبلغ مسؤول … وكالة رويترز)
    pytest.param("وأبلغ مسؤول في الأمم المتحدة وكالة رويترز أن المساعدات ستصل قريبا.", "المساعدات ستصل",
                 "مسؤول في الأمم المتحدة", id="a-body-after-a-source-is-the-addressee"),
    # رأى with an object pronoun is «saw», no report: the name it is spelled like stays in the subject
    pytest.param("وقال السفير الأمريكي لدى الرياض مايكل راتني في تصريح لقناة العربية إن العلاقات قوية.",
                 "العلاقات قوية", "مايكل راتني", id="raa-with-an-object-pronoun-is-no-cue"),
    # «رفيع المستوى»: an adjective's own definite genitive stays in the source's description
    pytest.param("وصرح مسؤول رفيع المستوى في الخارجية الروسية بأن موسكو ترفض العقوبات.", "موسكو ترفض",
                 "مسؤول رفيع المستوى في الخارجية الروسية", id="a-high-level-source"),
    # «حسب مصدر … أوضح أن»: the according-to phrase names the source, whose verb follows it
    pytest.param("قتل أربعة أشخاص في هجوم على فندق، حسب مصدر عسكري مالي أوضح أن الهجوم عملية احتجاز رهائن.",
                 "الهجوم عملية", "مصدر عسكري مالي", id="according-to-a-source-who-explained"),
    # a title noun closing a name after a lineage is its family name, and refers back alone
    pytest.param("وأوضح وكيل الوزارة حاتم بن حسن قاضي أن عدد المعتمرين بلغ ستة ملايين. وبين قاضي أن آخر موعد "
                 "لمغادرة المجموعات قريب.", "آخر موعد", "حاتم بن حسن قاضي", id="a-title-noun-as-a-family-name"),
    # «ل + a noun + its place» closes a title; the name follows (… لأمانة جدة | محمد البقمي)
    pytest.param("وقال المتحدث الرسمي لأمانة جدة محمد البقمي إن الكاميرات ستركب قريبا.", "الكاميرات ستركب",
                 "محمد البقمي", id="a-complement-in-li-on-a-place-then-a-name"),
    # «بلا/بدون» after the verb opens a manner adjunct, never the speaker
    pytest.param("قال عز الطيب إن الفيلم جيد. ثم قال بلا حماس: «مش بطالة».", "مش بطالة", "عز الطيب",
                 id="without-opens-no-subject"),
    # «الدكتور السديري» goes to the full name given after an honorific, though the analyser reads
    # the given name (توفيق) as a common noun
    pytest.param("وأوضح وكيل الوزارة لشؤون المساجد الدكتور توفيق السديري أن البرنامج سينطلق قريبا. وأكد "
                 "الدكتور السديري أن المملكة سباقة في الدعوة.", "المملكة سباقة", "توفيق السديري",
                 id="title-and-family-name-after-an-honorific-name"),
    # «المهندس القرشي»: a style and a family name go to the full name, as «الدكتور …» does
    pytest.param("وأوضح مدير إدارة المشاريع المهندس سلطان القرشي أن العمل يسير. وأشار المهندس القرشي إلى أن "
                 "الربط جاهز.", "الربط جاهز", "سلطان القرشي", id="a-style-and-a-family-name"),
    # «title، definite title + name إن …»: the apposition closes at the clause
    pytest.param("وقال المتحدث باسم رئاسة الجمهورية، السفير علاء يوسف إن الرئيس رحب بالضيف.", "الرئيس رحب",
                 "علاء يوسف", id="an-apposition-with-a-title-closed-by-the-clause"),
    # a title or honorific word closing a name is its family name (السيد، الشيخ، النقيب)
    pytest.param("أكد مدير مركز القاهرة للدراسات الاقتصادية، الدكتور عبدالمنعم السيد أن المشروع سيفيد مصر.",
                 "المشروع سيفيد", "عبدالمنعم السيد", id="an-honorific-closing-a-name-is-the-family-name"),
    pytest.param("وقال حسان الشيخ إن المشروع سيفيد المدينة.", "المشروع سيفيد", "حسان الشيخ",
                 id="a-title-word-closing-a-name-is-the-family-name"),
    # «في عددها الصادر اليوم»: a newspaper's issue is an adjunct, no part of its name
    pytest.param('وذكرت صحيفة "ديلي ميل" البريطانية في عددها الصادر اليوم أن الدراسة شملت ثلاثين مريضا.',
                 "الدراسة شملت", 'صحيفة "ديلي ميل" البريطانية', id="a-newspapers-issue-is-an-adjunct"),
    # a verb with an object pronoun, then a source or a titled person: the subject follows the pronoun
    pytest.param("وقال الرئيس إن الوضع صعب. ووصفه كثيرون بأنه أصل البلاء.", "أصل البلاء", "كثيرون",
                 id="a-source-after-the-object-pronoun"),
    # a possessed noun spelled with ه after a name is the verb's object, not a family name; a
    # family name the analyser reads so is told by the title or comma after it
    pytest.param("واصل الرئيس الإيراني حسن روحاني دفاعه عن الاتفاق النووي. وقال روحاني إن الاتفاق تاريخي.",
                 "الاتفاق تاريخي", "حسن روحاني", id="a-possessed-object-after-a-name"),
    pytest.param("واختتم المدرب البرتغالي جوزيه مورينيو حديثه قائلا إن الفريق جاهز للموسم.",
                 "الفريق جاهز", "جوزيه مورينيو", id="a-possessed-object-before-a-participle"),
    pytest.param("وقال الخبير الاقتصادي دومينيك سوانيه، إن الاقتصاد السويسري يهتز.", "الاقتصاد السويسري",
                 "دومينيك سوانيه", id="a-family-name-read-as-possessed-before-a-comma"),
    pytest.param("من جهته أوضح يوسف رفه نائب الرئيس للعمليات أن الفروع ستفتح قريبا.", "الفروع ستفتح",
                 "يوسف رفه", id="a-family-name-read-as-possessed-before-a-title"),
    pytest.param("وقال محمد جمعة في تصريح إن الحدود مفتوحة.", "الحدود مفتوحة", "محمد جمعة",
                 id="a-family-name-spelled-with-ta-marbuta"),
    # فإن after a name opens the clause that answers «كما»: no «van» of a name before a quotation
    pytest.param("وقال الصحافي بنجامين هول إن الحدود مفتوحة. وكما يشرح هول فإن «القصف أكثر خطرًا من الرصاص».",
                 "القصف أكثر", "هول", id="fa-inna-before-a-quotation-is-no-name"),
    # «أحد …» «one of …», then a person's name: the name is his; a title inside the description
    # holds the name instead (the president's adviser is not the president)
    pytest.param("وأوضح أحد منظمي المهرجان أحمد رضوان أنه تم استقطاب السيرك العالمي إلى السعودية.",
                 "استقطاب السيرك", "أحمد رضوان", id="one-of-then-his-name"),
    pytest.param("وقال أحد أبناء الحي إسماعيل غالب إن روح الحماس عالية.", "روح الحماس", "إسماعيل غالب",
                 id="one-of-then-a-family-name-read-as-a-word"),
    pytest.param("وقال أحد مستشاري الرئيس الروسي فلاديمير بوتين إن العلاقات جيدة.", "العلاقات جيدة",
                 "أحد مستشاري الرئيس الروسي فلاديمير بوتين", id="one-of-with-a-title-holding-the-name"),
    # a statement noun without the article after a name or a title is the verb's object
    pytest.param("وأرسل العميد فضل عبيد رسالة إلى العائدين. وقال إن الألغام منتشرة.", "الألغام منتشرة",
                 "فضل عبيد", id="a-statement-noun-after-a-name-is-the-object"),
    # ألقى written with its hamza is a verb, not ال + a noun: the subject of «ألقى … كلمة أشار فيها»
    pytest.param("وأكد وزير الخارجية عادل الجبير أن المملكة ماضية في دعم الشرعية. كما ألقى الأمين العام "
                 "لمنظمة التعاون الإسلامي إياد مدني كلمة خلال الجلسة الافتتاحية أشار فيها إلى أن تكريم "
                 "أمير الكويت جاء اعترافا بجهوده.", "تكريم أمير", "إياد مدني", id="alqa-with-its-hamza-is-a-verb"),
    pytest.param("ثم ألقى وزير الخارجية الكويتي كلمةً استذكر فيها مآثر الفقيد. وقال إن الكويت تقف مع المملكة.",
                 "الكويت تقف", "وزير الخارجية الكويتي", id="a-statement-noun-after-a-title-is-the-object"),
    # «من جانبه» and the like turn the narrative to the next actor, with or without a comma
    pytest.param("وقال الدكتور بندر العبدالكريم إن الهجرة ستكون محدودة. من جانبه يتفق المستشار الاقتصادي "
                 "الدكتور يوسف الزامل مع ما ذهب إليه العبدالكريم، مضيفاً أن ضعف النمو يعزز الدولار.",
                 "ضعف النمو", "يوسف الزامل", id="a-turn-phrase-without-its-comma"),
    pytest.param("وقال المواطن إن الأمتعة فقدت. من جهته قدم مدير العلاقات العامة حامد الأزوري اعتذاره للمواطن، "
                 "وقال إن الشكوى قيد الدراسة.", "الشكوى قيد", "حامد الأزوري", id="min-jihatihi-then-the-verb"),
    # «لـ(عكاظ)»: a newspaper in parentheses is the addressee, as «لـ"الرياض"» is
    pytest.param("وقال الأمير سلطان بن سلمان إن السياحة آمنة. إلى ذلك كشف لـ(عكاظ) رئيس المنظمة العربية "
                 "للسياحة الدكتور بندر آل فهيد عن وجود رؤية عربية. وقال في حديثه لـ(عكاظ): «شاهدنا للأسف "
                 "العمليات الإرهابية».", "شاهدنا للأسف", "بندر آل فهيد", id="an-addressee-in-parentheses"),
    # استشاري، أخصائي: a consultant's or a specialist's post is a title, not a name
    pytest.param("وأوضحت الدكتورة ازدهار عبدالسلام المدني استشاري طب الأسرة أن المراكز جاهزة.", "المراكز جاهزة",
                 "ازدهار عبدالسلام المدني", id="a-consultant-after-the-name-is-a-title"),
    pytest.param("وقال الأخصائي الاجتماعي أحمد السعد إن المجتمع يقف صفا واحدا.", "المجتمع يقف", "أحمد السعد",
                 id="a-specialist-before-the-name-is-a-title"),
    # a form I participle in the accusative (ضاحكاً) is a circumstantial after the subject, and a
    # word read only as a particle (حيال، لن) is no part of a name the lexicon does not know
    pytest.param("وقال المدرب جوزيه مورينيو للصحفيين إن الفريق جاهز. ورد مورينيو ضاحكًا: «لا، إنها المرة الأولى».",
                 "إنها المرة", "جوزيه مورينيو", id="a-faailan-participle-after-the-name"),
    pytest.param("وقال الرئيس باراك أوباما إن الزيارة مهمة. وقال المستشار إن «سجل الرئيس أوباما حيال أفريقيا "
                 "لن يتسق فقط مع أسلافه». وصرح أوباما في مؤتمر صحافي بأن الزيارة تاريخية.", "الزيارة تاريخية",
                 "باراك أوباما", id="a-preposition-ends-a-foreign-name"),
    # a fuller name for a name of two words takes no run with a common word in it before them
    pytest.param("وتعقد حالات الالتحاق بتنظيم داعش مهمة الملا عمر الذي يواجه إنهاك القادة بعد عقد من الحرب. "
                 "والدليل الإضافي على صعوبة وضع خط واضح هو أن الملا عمر أكد في رسالته أن «المكتب السياسي» هو "
                 "السلطة الوحيدة المخولة.", "المكتب السياسي", "الملا عمر", id="no-fuller-name-through-a-common-word"),
    # the ranks foreign news gives in their own words (كولونيل، لفتنانت، ميجور، كابتن) are titles
    pytest.param("وقال المتحدث باسم وزارة الدفاع الهندية اللفتنانت كولونيل مانيش ميهتا: «بدأ الجيش القصف».",
                 "بدأ الجيش", "مانيش ميهتا", id="a-foreign-rank-before-a-name"),
    pytest.param("وقال الكابتن محمد جزار عضو لجنة النقل البحري إن القناة الجديدة ستخفض التكاليف.", "القناة الجديدة",
                 "محمد جزار", id="captain-before-a-name"),
    pytest.param("ويخبرنا الكولونيل ديكسون أواسط ثلاثينات القرن الماضي في كتابه أنه شاهد الصيادين يصنعون أشجارا.",
                 "شاهد الصيادين", "ديكسون", id="awasit-is-a-time-word"),
    # a body that is the subject of a cue verb quoting nothing keeps no object: the participle after is its
    pytest.param("استغربت إدارة نادي الأهلي موقف نظيرتها في الشباب وتناقضها بشأن انتقال لاعبها، مشيرة إلى أن "
                 "الأمور سارت بعكس ما جاء في بيانها الأخير.", "الأمور سارت", "إدارة نادي الأهلي",
                 id="a-body-without-the-object-of-its-verb"),
    pytest.param("دعت الحكومة المعترف بها دوليا في ليبيا القبائل إلى وقف الاقتتال. وقالت الحكومة في بيانها "
                 "\"نوجه نداءنا لأبنائنا بالتوقف فورا\".", "نوجه نداءنا", "الحكومة المعترف بها دوليا",
                 id="a-participle-and-its-bi-pronoun-stay-with-the-body"),
    pytest.param("وأشاروا إلى أن صدوره لا يتصادم مع الأنظمة الحالية. في البداية اعتبرت الدكتورة لبنى بنت عبدالرحمن "
                 "الأنصاري عضو مجلس الشورى ظاهرة التحرش أحد مظاهر العنف. وأضافت: «كنت أحد الأعضاء الثمانية».",
                 "كنت أحد", "لبنى بنت عبدالرحمن الأنصاري", id="fi-albidaya-then-a-cue-verb"),
    pytest.param("في البداية أشاد مطلق البقمي بما تم تقديمه من فعاليات في الصالة الخضراء، مشيرا إلى أن المسرحية "
                 "من المسرحيات الهادفة.", "المسرحية من", "مطلق البقمي", id="a-given-name-read-as-an-adjective"),
    # ولد «son of» links the parts of a Mauritanian name, as بن does
    pytest.param("وقال المبعوث الأممي لليمن إسماعيل ولد الشيخ أحمد إن المشاورات ستستأنف قريبا.",
                 "المشاورات ستستأنف", "إسماعيل ولد الشيخ أحمد", id="walad-links-a-name"),
    # a noun in the accusative's alif after a subject is the verb's object; before a name, a given name
    pytest.param("ونشر جيش الفتح صورا لتفجير كبير بعربة مدرعة ملغمة على ما قال، إنه مقر لمليشيات طائفية في "
                 "منطقة الصواغية.", "مقر لمليشيات", "جيش الفتح", id="an-accusative-noun-is-the-object"),
    pytest.param("وبعد الاطلاع على المعاملة الخاصة بتأجير أراضي الشواطئ، أقر مجلس الوزراء عدداً من الإجراءات من "
                 "بينها أن يكون لكل شاطئ مدخل عام.", "يكون لكل", "مجلس الوزراء",
                 id="an-accusative-noun-before-min-is-the-object"),
    pytest.param("وكتبت مقدمة البرامج والمنتجة التلفزيونية الشهيرة أوبرا وينفري على حسابها أن العائلة في قلبها.",
                 "العائلة في", "أوبرا وينفري", id="an-accusative-shape-before-a-name-is-a-given-name"),
    # مسؤول، متحدث in construct with a definite noun is a post, and the name after it the speaker's
    pytest.param("وقد أبان مسؤول التسوية القانونية بدر الحربي أن المحكمة ستطلق سراح القاتل إذا وافقت ابنة الضحية.",
                 "المحكمة ستطلق", "بدر الحربي", id="masul-in-construct-is-a-post"),
    pytest.param("ووفقاً لما أكده متحدث الإمارة علي بن موسى، فإن أمير المنطقة بعث خطاباً للوزير.", "أمير المنطقة",
                 "علي بن موسى", id="mutahaddith-in-construct-is-a-post"),
    pytest.param("وقال مسؤول اليوم الاثنين إن ناقلة رست في الميناء لتحميل النفط.", "ناقلة رست", "مسؤول",
                 id="masul-before-a-time-word-stays-anonymous"),
    # في، عبر، على before a noun with its possessor is the speaker's occasion, not the subject's modifier
    pytest.param("وتقول الوزيرة نادية السقاف إن الوضع صعب. وذكرت السقاف في صفحتها على شبكة التواصل الاجتماعي "
                 "تويتر، أن الحوثيين يستولون على ستين مليون دولار شهريا.", "الحوثيين يستولون", "نادية السقاف",
                 id="fi-and-a-possessed-noun-is-the-occasion"),
    pytest.param("وقالت المحكمة العليا في قرارها إن الطعن مرفوض شكلا.", "الطعن مرفوض", "المحكمة العليا",
                 id="fi-qarariha-is-the-occasion"),
    pytest.param("وقال مسؤول في منطقة الحدود إن الهدوء عاد.", "الهدوء عاد", "مسؤول في منطقة الحدود",
                 id="fi-and-a-folded-ta-marbuta-is-no-possessive"),
    # لدى goes on with a title (السفير لدى …), not into an occasion after the name
    pytest.param("وأكد الرئيس الجزائري عبد العزيز بوتفليقة لدى استقباله الوفد أن البلدين شريكان.",
                 "البلدين شريكان", "عبد العزيز بوتفليقة", id="lada-and-a-possessed-noun-is-the-occasion"),
    pytest.param("وقالت مندوبة واشنطن لدى الأمم المتحدة سامانثا باور إن المجلس سيصوت غدا.", "المجلس سيصوت",
                 "سامانثا باور", id="lada-goes-on-with-the-title"),
    # an institution named after a person (مركز الملك سلمان) keeps its own ل-complement, then the name
    pytest.param("وأكد المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ أن السفينة تحمل "
                 "3540 طناً من المواد الغذائية.", "السفينة تحمل", "رأفت الصباغ",
                 id="an-eponym-keeps-its-complement"),
    pytest.param("وقال مشرف كرسي الملك عبدالله للأمن الغذائي الأستاذ الدكتور خالد الرويس إن الدراسة اكتملت.",
                 "الدراسة اكتملت", "خالد الرويس", id="an-eponym-chair-keeps-its-complement"),
    pytest.param("وقال الملك سلمان للصحفيين إن المملكة مستعدة للمساعدة.", "المملكة مستعدة", "سلمان",
                 id="a-king-is-no-eponym-without-its-institution"),
    # a dual in construct (زعيمي روسيا «the two leaders of Russia») is no given name for a name alone
    pytest.param("وكانت المستشارة الألمانية أنجيلا ميركل والرئيس الفرنسي فرنسوا هولاند أجريا اتصالا هاتفيا مع زعيمي "
                 "روسيا وأوكرانيا مساء أول من أمس. وقالت روسيا إن المحادثات كانت مثمرة.", "المحادثات كانت",
                 "روسيا", id="a-dual-in-construct-is-no-given-name"),
    # «بيانا أعلنت فيه»، «كلمة قال فيها»: the statement's maker says what the relative clause reports
    pytest.param("كما ألقى وزير الزراعة الدكتور عبدالرحمن الفضلي كلمة قال فيها إن الموسم الزراعي ناجح.",
                 "الموسم الزراعي", "عبدالرحمن الفضلي", id="the-maker-of-a-speech"),
    pytest.param("وأصدرت قوات حماية الشعب، أمس، بيانا كشفت فيه أن المعارك مستمرة في المدينة.", "المعارك مستمرة",
                 "قوات حماية الشعب", id="the-maker-of-a-statement-past-adjuncts"),
    pytest.param("أعلن متمردو حركة الشباب مسؤوليتهم عن الهجوم، بعد ساعات على تصريحات للرئيس الأمريكي باراك أوباما أكد "
                 "فيها أن الحركة قد ضعفت.", "الحركة قد", "باراك أوباما", id="a-statement-that-names-its-maker"),
    # a word the article writes with the accusative's tanween (ـاً) is no part of a subject
    pytest.param("سجل صافي أرباح شركة سبكيم تراجعاً بنسبة 39% في النصف الأول من العام الحالي. وأوضحت الشركة في "
                 "بيان لها اليوم أنها حققت أرباحا أقل.", "حققت أرباحا", "شركة سبكيم", id="a-tanween-fath-ends-the-subject"),
    # after a title's definite end, a title noun, a second name and a family name closing the phrase
    # are a name (a given name مساعد, not «assistant»)
    pytest.param("وأوضح المتحدث الرسمي للإدارة العامة لهيئة الهلال الأحمر بمنطقة الحدود الشمالية مساعد غالي العنزي "
                 "أن الحادث وقع مساء اليوم.", "الحادث وقع", "مساعد غالي العنزي", id="a-title-noun-opens-a-three-word-name"),
    # a reflexive after the verb (يصف نفسه بأنه) is its object, never the speaker
    pytest.param("وقال موقع دار الخلافة الناطق بالتركية والذي يصف نفسه بأنه مكتب محلي لمؤسسة الحياة، إن القرار أظهر "
                 "الضغوط المتزايدة على المسلمين.", "مكتب محلي", "موقع دار الخلافة", id="a-reflexive-is-no-speaker"),
    # after a relative pronoun a word that reads as a verb opens the relative clause: no given name
    pytest.param("وفي كل المرات التي دخل هول فيها إلى سوريا، كان يستقبله عناصر من الجيش الحر. وقال هول إن الرحلة "
                 "كانت خطرة.", "الرحلة كانت", "هول", id="a-verb-after-a-relative-pronoun-is-no-given-name"),
    # لـ”…” with a right quotation mark on both sides, as some papers print it, is the addressee too
    pytest.param("وأوضح لـ”عين اليوم” المتحدث الرسمي لأمانة محافظة الطائف إسماعيل إبراهيم أن الأعمال مستمرة.",
                 "الأعمال مستمرة", "إسماعيل إبراهيم", id="an-addressee-between-right-quotation-marks"),
    # a definite word after the comma that closes an apposition is the verb's object or the body's
    # description, not more of the subject
    pytest.param("جدد فخامة الرئيس اليمني، عبدربه منصور هادي، التأكيد على ضرورة تطبيق قرارات مجلس الأمن الخاصة "
                 "باليمن. وشدد خلال لقائه اليوم بالرياض مبعوث أمين عام الأمم المتحدة في اليمن على أن لا مناص من "
                 "دحر القوى الانقلابية.", "لا مناص", "عبدربه منصور هادي", id="an-object-after-a-closed-apposition"),
    pytest.param("وقالت الشركة الاستشارية، كابيتال إيكونوميكس، القائمة في لندن هذا الأسبوع إن النمو سيتباطأ.",
                 "النمو سيتباطأ", "الشركة الاستشارية، كابيتال إيكونوميكس", id="a-description-after-a-closed-apposition"),
    # after an institution's eponym, a city in ب ends the title and a name opens
    pytest.param("وقال أستاذ علم البيئة بجامعة الملك عبدالعزيز بجدة علي عشقي إن درجات الحرارة سترتفع على "
                 "المنطقة.", "درجات الحرارة", "علي عشقي", id="a-city-after-an-eponym-then-a-name"),
    # the last of coordinated nouns governs the place (غرفة تجارة وصناعة جدة), then the name
    pytest.param("قال رئيس لجنة التثمين العقاري التابعة لغرفة تجارة وصناعة جدة عبدالله الأحمري إن الأسعار "
                 "ستنخفض.", "الأسعار ستنخفض", "عبدالله الأحمري", id="a-coordinated-place-construct-then-a-name"),
    # a definite plural opening the sentence, and a plural verb after it: its subject
    pytest.param("وأوضح الوزير أن الخطة جاهزة. التربويون يرون أن هذا النظام يهدف إلى إكساب الطالب مزيدا من "
                 "المعرفة.", "إكساب الطالب", "التربويون", id="a-plural-subject-before-a-plural-verb"),
    # فان without hamza after a given name is the Dutch particle of the name, not فإن
    pytest.param("صدم الهولندي لويس فان غال أنصار مانشستر يونايتد بتصريح صحفي. ونقلت صحيفة دايلي ميل عن غال "
                 "قوله إن الفريق ليس جاهزا.", "الفريق ليس", "لويس فان غال", id="van-in-a-dutch-name"),
    # في and a place the analyser reads as a common word (ينبع), then a name its nisba closes; but a
    # nisba the analyser knows as an adjective (الدولي) or a plural before the name (مخابرات) is no sign
    pytest.param("وقال أمين عام لجنة التنمية السياحية في ينبع يوسف الوهيبي إن الموسم ناجح.", "الموسم ناجح",
                 "يوسف الوهيبي", id="a-place-read-as-a-common-word-then-a-nisba-name"),
    pytest.param("وقال مسؤول في مطار عدن الدولي إن الرحلات استؤنفت.", "الرحلات استؤنفت",
                 "مسؤول في مطار عدن الدولي", id="an-adjective-nisba-closes-no-name"),
    pytest.param("وقال ضابط ليبي كان يعمل في مخابرات معمر القذافي إن الوثائق صحيحة.", "الوثائق صحيحة",
                 "ضابط ليبي كان يعمل في مخابرات معمر القذافي", id="a-name-in-the-genitive-of-a-plural-is-not-the-speaker"),
    # «ذكر ذلك + a title and a name»: ذلك is the verb's object, the titled person its subject, who
    # goes on speaking (not the doctor a hospital is named after)
    pytest.param("وقد تماثل المريض للشفاء التام بعد العناية الحثيثة. ذكر ذلك الدكتور أيمن الخضراء المدير الطبي "
                 "بمستشفى د. سليمان الحبيب بالتخصصي. وقال إن طوارئ المستشفى استقبلت المريض في حالة صحية سيئة.",
                 "طوارئ المستشفى", "أيمن الخضراء", id="dhalika-as-object-then-the-titled-subject"),
    # a definite common noun is no family name, whatever phrase before held it: a broken plural in
    # ي is no nisba (الأهالي), and the genitive of a common noun is no person's name
    pytest.param("وتتزايد معاناة الأهالي مع الانقطاع. وقال الأهالي إنهم ملوا الوعود المتكررة.", "ملوا الوعود",
                 "الأهالي", id="a-broken-plural-in-ya-is-no-nisba"),
    pytest.param("وأثار مسلسل انقطاع التيار الكهربائي ببعض المراكز بمحافظة الرس، تذمُّر الأهالي واستياءهم، "
                 "مطالبين بضرورة إيجاد الحلول العاجلة لهذه الأزمة. ويؤكد الأهالي أنهم ملوا الوعود المتكررة.",
                 "ملوا الوعود", "الأهالي", id="a-common-nouns-genitive-is-no-family-name"),
    # a source in construct with a definite noun, the clause right after: the body's sources; but a
    # time word after the source is no construct
    pytest.param("وقالت مصادر الشرطة العراقية إن المهاجمين فروا.", "المهاجمين فروا", "مصادر الشرطة العراقية",
                 id="sources-in-construct-then-the-clause"),
    pytest.param("وقال مسؤولون الأحد إن الهجوم فشل.", "الهجوم فشل", "مسؤولون", id="sources-then-a-time-word"),
    # «في البيان» after the subject is the statement the article named, an adjunct as «في بيان» is
    pytest.param("قال متحدث إن الهجوم وقع. وقال التنظيم في البيان إن سيارة الانتحاري كانت تحمل ثلاثة أطنان.",
                 "سيارة الانتحاري", "التنظيم", id="in-the-statement-is-an-adjunct"),
    # دعا الله أن …: God is whom the speaker prays to, the verb's object, never the speaker
    pytest.param("وأكد الوزير أن الحكومة ماضية في خطتها. ودعا الله أن يحفظ البلاد من كل سوء.", "يحفظ البلاد",
                 "الوزير", id="god-after-da'a-is-the-object"),
    # a place the analyser knows as a proper noun takes no common noun before it for given name
    pytest.param("وأثارت زيارة الوفد الفرنسي إلى القرم استياء كييف. وتصر كييف أنه لا يحق لأحد زيارة القرم.",
                 "لا يحق لأحد", "كييف", id="a-known-place-takes-no-common-noun-for-given-name"),
    # a verb of two senses inside its sentence still reports with a name and أن right after it; and
    # the speaker of the next quote is that name
    pytest.param("ففي دكان تكتسي بعض أغراضه بالأتربة يستبعد مصطفى قرطاش أن تحدث الخطة الأمريكية فرقًا كبيرًا "
                 "بالنسبة لتجارته.", "تحدث الخطة", "مصطفى قرطاش", id="a-homograph-verb-then-a-name-then-that"),
    # أبلغ takes whom it informs without ل: a quoted name right after it is that addressee
    pytest.param("أبلغ «الجزيرة» صاحب السمو الملكي الأمير فيصل بن خالد بن عبد العزيز أمير منطقة عسير أن المشروع "
                 "سيكتمل قريبا.", "المشروع سيكتمل", "فيصل بن خالد بن عبد العزيز", id="inform-a-quoted-addressee"),
    # a news lead opens with its verb, no و: a participle later in the sentence is its subject's
    pytest.param("أجمع عدد من خطباء الجوامع في الرياض وأبها والمدينة المنورة على استنكارهم حادثة تفجير مسجد "
                 "الطوارئ بعسير، مؤكدين أن هذا العمل منكر عظيم.", "منكر عظيم",
                 "عدد من خطباء الجوامع في الرياض وأبها والمدينة المنورة", id="a-lead-verb-then-a-participle"),
    # an apposition may open with a description when a name closes it (not a place's position)
    pytest.param("من جهته، قال عضو الائتلاف، المعارض البارز سمير نشار إن هناك العديد من المؤشرات.",
                 "العديد من المؤشرات", "سمير نشار", id="a-description-and-a-name-in-apposition"),
    pytest.param("وقالت مصادر محلية في محافظة لحج، الواقعة شمال عدن، إن 15 من مسلحي الحوثي قتلوا.",
                 "مسلحي الحوثي", "مصادر محلية في محافظة لحج", id="a-place-and-its-position-in-apposition"),
    # an according-to phrase that opens the sentence is no topic for the verb after it
    pytest.param('بدورها، حددت عضو مؤتمر الرياض الدكتورة ياسمين الفاطمي الخطورة القائمة حاليا على عدن، محذرة مما '
                 'أسمته بـ"بقايا الوجود الحوثي". وطبقا للفاطمي التي تتحدر من المعلا التي توصف بـ"عروس عدن"، فإن '
                 'المعلومات الواردة من هناك تفيد بأن عدن تم تحريرها بنسبة 100%.', "تم تحريرها", "ياسمين الفاطمي",
                 id="according-to-is-no-topic"),
    # a relative clause's antecedent in ل or ب is the name, without its preposition
    pytest.param("وبحسب باريس، فإن ملف الإرهاب ومحاربته يشكل «الأولوية المطلقة» لموسكو التي ترى أن الإبقاء على "
                 "الرئيس بشار الأسد «ركن أساسي من أركان محاربة الإرهاب».", "الإبقاء على", "موسكو",
                 id="an-antecedent-in-li-without-its-preposition"),
    # an institute, a foundation, a society, a college, a hospital …: a body's head, not a given name
    pytest.param("وقال معهد كاليفورنيا للسياسات العامة إن الجفاف سيستمر.", "الجفاف سيستمر",
                 "معهد كاليفورنيا للسياسات العامة", id="an-institute-is-a-body"),
    # «قال تعالى»: the eulogy stands for God, named الله in the article; الله alone is no one's family name
    pytest.param("وأكد الشيخ عبدالله المطلق أن الصبر من أعظم العبادات عند الله، قال تعالى: «إنما يوفى الصابرون "
                 "أجرهم بغير حساب».", "يوفى الصابرون", "الله", id="a-eulogy-of-god-stands-for-his-name"),
    # «قال صلى الله عليه وسلم»: the blessing stands for the Prophet, as the article named him before it
    pytest.param("وذكر الخطيب أن رسول الله صلى الله عليه وسلم حث على الرحمة، وقال صلى الله عليه وسلم: «الراحمون "
                 "يرحمهم الرحمن».", "الراحمون يرحمهم", "رسول الله", id="the-prophets-blessing-stands-for-him"),
    # عن and a pronoun after the cue is what the verb speaks of; the subject follows it (not after نقل)
    pytest.param("بعد اختياره، كتب عنه ستيفن بيرت، محرر الشؤون الأدبية في صحيفة «نيويورك تايمز»: «استطاع "
                 "هيريرا الجمع بين ثقافتين».", "الجمع بين", "ستيفن بيرت", id="about-him-before-the-subject"),
    pytest.param("وهي الأزمة التي قالت عنها المستشارة الألمانية أنجيلا ميركل إنها «ليست حياة طبيعية».",
                 "ليست حياة", "أنجيلا ميركل", id="about-it-in-a-relative-clause"),
    # a noun and its adjective in the accusative's alif after a title are its complement, not a name
    pytest.param("ولد خوان هيريرا في كاليفورنيا. وفي عام 2012 عينه حاكم ولاية كاليفورنيا شاعرا فخريا للولاية. "
                 "وكتب: «الشعر حياتي كلها».", "حياتي كلها", "", id="an-accusative-complement-is-no-name"),
    # a word the lexicon reads only as a feminine plural past verb is a foreign name (اندرسن، جرين)
    pytest.param("وعين القومندان الاسود اندريه اندرسن رئيسا بالانابة لشرطة المدينة. وقال القومندان اندرسن "
                 "انه سيعمل على \"بناء الثقة\".", "بناء الثقة", "اندريه اندرسن",
                 id="a-name-read-as-a-feminine-plural-verb"),
    # مختص and متخصص head a role, before a name or after it, as خبير and محلل do
    pytest.param("وقال المتخصص في التسويق الرياضي في لندن طلال المغربي إن الأندية تحتاج إلى رعاة جدد.",
                 "الأندية تحتاج", "طلال المغربي", id="a-specialist-is-a-title-before-a-name"),
    pytest.param("ومن جهته، أكد كارستن فريتش المختص في أسواق النفط أن الأسعار ستتراجع هذا العام.",
                 "الأسعار ستتراجع", "كارستن فريتش", id="a-specialist-is-a-role-after-a-name"),
    # a quoted name closes a title as a definite word does: the person's name follows it
    pytest.param("وقال المشرف العام على برنامج «اصنع مهارة» نايف الهاجري إن البرنامج يستهدف الشباب.",
                 "البرنامج يستهدف", "نايف الهاجري", id="a-name-after-a-quoted-name-in-a-title"),
    # عبّر … عن after a long subject is still the verb: its subject goes on into the participle
    pytest.param("وقال ماجد محمد القحطاني إن العمل جبان. من جهته عبر عضو المجلس رئيس نادي المع الرياضي فايع "
                 "الحياني عن استنكاره لهذا العمل قائلاً: إن هذا العمل لهو عمل يندى له الجبين.", "يندى له",
                 "فايع الحياني", id="a-governed-preposition-after-a-long-subject"),
    # no apposition opens with ب or ل: after the comma comes the verb's complement
    pytest.param("وقال أحد المحامين، بنوع من المزاح فقط، إن القضية لن تنتهي قريبا.",
                 "القضية لن", "أحد المحامين", id="no-apposition-opens-with-a-preposition"),
    # after «لل + noun» the place in ب closes the title, and the name follows it
    pytest.param("أكد المدير العام للتعليم بجدة عبدالله بن أحمد الثقفي على تعزيز دور المدرسة في مكافحة العنف، "
                 "وقال في تصريحات صحفية: إن المدرسة شريك أساسي.", "شريك أساسي", "عبدالله بن أحمد الثقفي",
                 id="a-place-in-bi-after-li-closes-the-title"),
    # a family name in the nisba's ي may go without the article after a given name
    pytest.param("وقال المخرج ياسر مدخلي إن العرض سيبدأ الأسبوع المقبل.", "العرض سيبدأ", "ياسر مدخلي",
                 id="a-nisba-family-name-without-the-article"),
    # «في الاجتماع» after the subject is the meeting, an adjunct as «في البيان» is
    pytest.param("وقال وزير التعليم عزام الدخيل إن الدراسة ستبدأ في موعدها. وأكد الدخيل في الاجتماع الأول للجنة "
                 "العليا أن المدارس جاهزة.", "المدارس جاهزة", "عزام الدخيل", id="in-the-meeting-is-an-adjunct"),
    # a title noun without the article closing a name of two words is the family name (سيد، أمين)
    pytest.param("أكد رئيس الجمعية المصرية للدراسات التاريخية الدكتور أيمن فؤاد سيد، في ندوة عن المخطوطات، أن "
                 "المخطوطات مهمة.", "المخطوطات مهمة", "أيمن فؤاد سيد", id="a-title-noun-closing-a-name"),
    # «قد» and a verb open the sentence: the participle goes on from that verb's subject
    pytest.param("فقد استشاط رئيس مجلس العموم البريطاني جون بيركو غضبا من وزير المالية جورج أوزبورن خلال جلسة "
                 "المجلس أخيرا، فصرخ فيه قائلا \"اقعد يا رجل\".", "اقعد يا رجل", "جون بيركو",
                 id="a-participle-after-qad-and-a-verb"),
    # الجميع after the subject opens the verb's object, as جميع does
    pytest.param("وطالب الخطباء الجميع أن يتحملوا مسؤوليتهم الدينية والوطنية تجاه الوطن.",
                 "يتحملوا مسؤوليتهم", "الخطباء", id="everyone-opens-the-object"),
    # «نقل X عن Y» quoting nothing: Y is who speaks on, in the participle after it
    pytest.param("وقال المحلل جون سميث إن الأسعار سترتفع. ونقل عن وزير النفط الكويتي علي صالح العمير أمس الأول "
                 "ثقته في آفاق الطلب على النفط قائلا: «إن الدول المنتجة تتوقع أن تعزز قوة النمو الاقتصادي الطلب».",
                 "الدول المنتجة", "علي صالح العمير", id="a-relay-quoting-nothing-names-who-speaks-on"),
    # a body's head noun is the body the article named, not the person whose title names it
    pytest.param("أعلن ذلك وزير الزراعة رئيس مجلس إدارة المؤسسة المهندس عبدالرحمن بن عبدالمحسن الفضلي. إلى ذلك، "
                 "طرحت المؤسسة العامة للصوامع أمس مناقصة عالمية لشراء القمح. وقالت المؤسسة: إن الموعد النهائي "
                 "لتقديم العروض اليوم.", "الموعد النهائي", "المؤسسة العامة للصوامع",
                 id="a-body-noun-is-no-title-holder"),
    # a given name with the article (North African names keep it) opens a name, so the surname
    # resolves to it
    pytest.param("اعتبر الطيب البكوش، وزير الخارجية التونسي، أن مستقبل الأمن رهين المستجدات في ليبيا. "
                 "وبشأن إعلان حالة الطوارئ في تونس، قال البكوش إن ذلك جاء «بهدف تحصين البلاد».",
                 "تحصين البلاد", "الطيب البكوش", id="a-given-name-with-the-article"),
    # a ب-phrase on a pronoun (بصفته) is an adjunct after the title: the title then resolves to
    # the holder the article named
    pytest.param("وأشارت صحيفة الوطن إلى أن محافظ اللاذقية إبراهيم خضر السالم قام بتعزية عائلة الفقيد. وقال "
                 "المحافظ بصفته متحدثا باسم العائلة لوالدة الفقيد إن «حق فقيدهم لن يضيع».", "حق فقيدهم",
                 "إبراهيم خضر السالم", id="a-bi-phrase-on-a-pronoun-is-no-part-of-the-subject"),
    # a word read only as an imperfective verb after a name and its title is the predicate
    pytest.param("أصبح اللاعب الأوروغواياني لويس سواريز نجم برشلونة يشعر بمسؤوليته الكاملة عن هجوم الفريق. "
                 "وقال: «سيكون قرارا شخصيا وعليه أن يدرسه جيدا».", "قرارا شخصيا", "لويس سواريز نجم برشلونة",
                 id="an-imperfective-verb-after-a-title-is-the-predicate"),
    pytest.param("هناك الكثير من المواطنين والمواطنات يفتقدون في كل عام الأجواء الرمضانية بسبب تواجدهم خارج "
                 "المملكة. ويقولون إن الغربة صعبة في رمضان.", "الغربة صعبة", "الكثير من المواطنين والمواطنات",
                 id="an-imperfective-verb-ends-a-plural-subject"),
    # a relative pronoun's antecedent opens after «according to»: the source is the one who said
    pytest.param("واعتقل الثلاثة في شانلي أورفة القريبة من سوروتش، وفق صحيفة حرييت التي قالت انه تم العثور على "
                 "مستندات في منزلهم.", "مستندات في منزلهم", "صحيفة حرييت", id="a-relative-after-according-to"),
    # a quoted name after the verb is its subject when only a headline's or a time adjunct stands
    # before the content
    pytest.param("انتقدت الصحيفة موقف شيرمان. وعن هذا الموقف، كتبت «جيروزاليم بوست» تحت عنوان: «الحياة تحت "
                 "مظلة الحماية الأميركية».", "مظلة الحماية", "جيروزاليم بوست", id="a-quoted-name-before-a-headline"),
    pytest.param("وقال جون فالون إن الصفقة جيدة. وذكرت «فاينانشيال تايمز» أول من أمس إن حصة «بيرسون» قيمت بنحو "
                 "400 مليون جنيه.", "قيمت بنحو", "فاينانشيال تايمز", id="a-quoted-name-before-a-time-adverb"),
    # a body speaking «على لسان» a person: the words are the person's, as relayed speech is
    pytest.param("وقالت الوزارة على لسان المتحدث باسمها خالد العلي إن القرار نهائي.", "القرار نهائي", "خالد العلي",
                 id="a-body-speaks-through-its-spokesman"),
    pytest.param("في حين قال المواطن محمد الشمري: \"لا نعلم ماذا يريد المقاول\". بلدية الجبيل، قالت على لسان رئيسها "
                 "المهندس نايف الدويش إن المشروع تطوير للشارع بالكامل.", "تطوير للشارع", "نايف الدويش",
                 id="a-body-topic-speaks-through-its-head"),
    # a preposition on a common noun, then a known name, is the title's or the verb's complement
    # (بقرار تركيا، بحكومة طبرق): no name opens there
    pytest.param("وتابع المسؤول الكردي «نعتقد ان ليس هناك حل عسكري». من جهة اخرى رحب المسؤول الكردي بقرار تركيا "
                 "الانضمام الى الحملة الجوية.", "حل عسكري", "المسؤول الكردي",
                 id="a-preposition-on-a-noun-before-a-known-name-opens-no-name"),
    pytest.param("وقال وزير الداخلية في الحكومة الليبية المؤقتة مصطفى الدباشي إن العملية أحبطت. وتحدثت أخبار عن "
                 "محاولة اغتيال وزير الداخلية الليبي بحكومة طبرق الدباشي، لكن الوزارة نفت ذلك. وروى الدباشي أن "
                 "شخصا تونسي الجنسية تم اعتقاله.", "تونسي الجنسية", "مصطفى الدباشي",
                 id="a-government-named-by-its-seat-opens-no-name"),
    # a pronoun in ل right before the words is the addressee: the subject is the one before
    pytest.param("كشف الدكتور عبدالرحمن الحقباني عن زيارة أخيه لوالدته. وقال الحقباني: جاء أخي سعود من فرنسا "
                 "لزيارة الوالدة، وأكد لي أنه ساع في العلاج.", "ساع في العلاج", "عبدالرحمن الحقباني",
                 id="a-pronoun-addressee-before-the-words-is-no-subject"),
    # a derived masdar after a definite title is the verb's object, not a name
    pytest.param("وأكد الوزير الكندي روب نيكولسون ان داعش فاقم الاوضاع. وجدد الوزير التأكيد على ارادة كندا في "
                 "المشاركة. وقال: «لن نبقى مكتوفي الايدي».", "مكتوفي الايدي", "روب نيكولسون",
                 id="a-derived-masdar-after-a-title-is-the-object"),
    # a nationality, then a name whose family name has the article, is an apposition after «title،»
    pytest.param("أكد رئيس نادي باريس سان جرمان الفرنسي في المواسم الثلاثة الأخيرة، القطري ناصر الخليفي ان "
                 "لاعب الوسط الإيطالي سيبقى هذا الموسم.", "سيبقى هذا الموسم", "ناصر الخليفي",
                 id="a-nationality-then-a-name-with-the-article-after-a-comma"),
    # «واحد/واحدة من …» is an anonymous source, as «أحد/إحدى …» is: no short form of a name
    pytest.param("وقال إنه سيحاول مرة واحدة أخرى. وقالت واحدة من أعضاء هيئة المحلفين إنها صدمت بالرفض.",
                 "صدمت بالرفض", "واحدة من أعضاء هيئة المحلفين", id="one-of-is-an-anonymous-source"),
    # آلان (Alain) folds to الآن «now»: the madda the article writes tells the name
    pytest.param("وقال آلان جوبيه إن الحكومة فشلت.", "الحكومة فشلت", "آلان جوبيه", id="alain-is-no-time-word"),
    # أم and a name is a woman's kunya, as أبو and a name is a man's; not «or»
    pytest.param("وقال مدير المهرجان زياد المقهوي إن الفعاليات متنوعة. حيث أكدت أم عبدالله أنها تقدم أكلات شعبية، "
                 "مؤكدة أنها سعيدة بهذه المشاركة.", "سعيدة بهذه", "أم عبدالله", id="umm-kunya"),
    # a complement in ب opens no sentence subject for a participle: the speaker before it goes on
    pytest.param("وقالت الصحيفة إن الوضع متوتر. واهتمت بمستجدات العمليات العسكرية في اليمن، مشيرة إلى أن القوات "
                 "سيطرت على زنجبار.", "القوات سيطرت", "الصحيفة", id="participle-after-a-complement"),
    # after الدكتور a title noun then a family name is a given name (مساعد); after معالي it is the title
    pytest.param("وأكد المشرف العام على البرنامج الدكتور مساعد الأحمد أن الطلاب قبلوا. وأضاف الأحمد أن البرنامج "
                 "مستمر.", "البرنامج مستمر", "مساعد الأحمد", id="title-noun-as-given-name-after-doctor"),
    pytest.param("وقال معالي وزير الخارجية عادل الجبير إن الزيارة ناجحة.", "الزيارة ناجحة", "عادل الجبير",
                 id="title-after-a-style-honorific"),
    pytest.param("وأوضح مدير التنسيق والمتابعة في سوق عكاظ فهد الحارثي أن الحفل مختلف.", "الحفل مختلف",
                 "فهد الحارثي", id="fi-a-noun-and-its-proper-noun-then-name"),
    # جندي أول is a rank (private first class): أول qualifies it, the name begins after it
    pytest.param("وقال الجندي أول حسن بن ناصر بشيري إن الوحدة مستعدة. وأضاف بشيري أن الحدود آمنة.",
                 "الحدود آمنة", "حسن بن ناصر بشيري", id="jundi-awwal"),
    # a word with a possessive is no given name before a family name (أكد من جهته | سهيل المزروعي)
    pytest.param("وفي انتظار نتائج اللجنة، أكد من جهته سهيل المزروعي وزير الطاقة الإماراتي أن القرار مدروس. "
                 "وأضاف المزروعي أن الدعم مستمر.", "الدعم مستمر", "سهيل المزروعي", id="possessed-word-no-given-name"),
    # a family name found alone later takes the given names written before it, not the place
    pytest.param("وأوضح المتحدث الإعلامي لصحة عسير سعيد النقير أن خمسة مصابين يتلقون العلاج. وأضاف النقير أن "
                 "الحالات مستقرة.", "الحالات مستقرة", "سعيد النقير", id="family-name-not-the-place-before"),
]


@pytest.mark.parametrize(("text", "containing", "speaker"), SPEAKER_ROWS)
def test_speaker(extractor: Extractor, text: str, containing: str, speaker: str) -> None:
    q = one(run(extractor, text), containing)
    assert same(q.speaker, speaker), (q.speaker, q.evidence)


def test_colon_statement_ends_where_the_reporter_resumes(extractor: Extractor) -> None:
    text = ("وقال كيري في كلمة خلال جلسة استماع أمام لجنة الشؤون الخارجية التابعة لمجلس النواب: إن خطة العمل "
            "هي صفقة جيدة سعينا إليها، معتبرا أن التعويل على شيء أكبر مجرد خيال، كما أكد أن إسرائيل سترتكب خطأ.")
    found = run(extractor, text)
    assert [q.text for q in found] == ["إن خطة العمل هي صفقة جيدة سعينا إليها", "التعويل على شيء أكبر مجرد خيال",
                                       "إسرائيل سترتكب خطأ"]


def test_content_ends_where_but_opens_a_reporting_clause(extractor: Extractor) -> None:
    """«…، لكن المصادر أكدت أن …»: لكن, a definite subject and a reporting verb are the reporter's
    narration again; the first content ends before لكن and the second quote is its own."""
    text = ("وبحسب مصادر محلية لـ«الشرق الأوسط»، فإن الميليشيات تستخدم الأنفاق للبقاء لأطول فترة ممكنة، لكن "
            "المصادر أكدت أن تلك القوات باتت محاصرة.")
    found = run(extractor, text)
    assert [q.text for q in found] == ["الميليشيات تستخدم الأنفاق للبقاء لأطول فترة ممكنة",
                                       "تلك القوات باتت محاصرة"]
    assert [q.speaker for q in found] == ["مصادر محلية", "مصادر محلية"]


def test_the_lam_of_purpose_opens_no_report(extractor: Extractor) -> None:
    """«… ستفعل «أي شيء» لتؤكد لحلفائها …»: ل + an imperfective is «in order to», no cue, so the
    content goes on; «ومضى ليندمان ليقول إن …» is still speech."""
    found = run(extractor, "وقال عراقجي في مؤتمر صحافي إن إيران ستفعل «أي شيء» لتؤكد لحلفائها في الشرق الأوسط رسالة "
                           "طهران، وهي أنها لن تغير سياستها.")
    assert len(found) == 1 and found[0].text.endswith("لن تغير سياستها") and found[0].speaker == "عراقجي"
    said = run(extractor, "ومضى ليندمان ليقول إن أوباما لا يفعل ما يقول.")
    assert [q.text for q in said] == ["أوباما لا يفعل ما يقول"]


def test_content_ends_at_a_circumstantial_participle(extractor: Extractor) -> None:
    """«…، منوها من جهة أخرى بما …»: a participle after a comma is the reporter's narration again,
    even when it reports no clause of its own."""
    found = run(extractor, "كما أكد الوزير أن العلاقات مع سوريا لم تنقطع أبدا، منوها من جهة أخرى بما حظيت به مبادرة "
                           "تونس من تقدير.")
    assert [q.text for q in found] == ["العلاقات مع سوريا لم تنقطع أبدا"]


def test_a_long_quotation_ends_before_the_reporters_frame(extractor: Extractor) -> None:
    """A quotation of a sentence right after the cue, then a time adjunct or a relative clause: the
    words after the mark are the reporter's (direct); after a short fragment they go on with it."""
    framed = run(extractor, "وأضاف حسن سلامة “هو مشروع لتوحيد المجتمع المصري وراء هدف واحد هو بناء نظام سياسي جديد بكل "
                            "مكوناته وأبعاده” بعد انهيار نظام الرئيس الأسبق حسني مبارك.")
    assert [(q.kind, q.text) for q in framed] == [
        ("direct", "هو مشروع لتوحيد المجتمع المصري وراء هدف واحد هو بناء نظام سياسي جديد بكل مكوناته وأبعاده")]
    fragment = run(extractor, "وقال المصدر «خمسة قتلى وجريحين» من القوات الحكومية سقطوا في الهجوم.")
    assert [q.kind for q in fragment] == ["mixed"]


def test_a_name_the_analyser_reads_as_no_name_costs_confidence(extractor: Extractor) -> None:
    """«طالب جامعي “…”»: the name guessed from a common adjective is doubted, in the evidence and
    the confidence; a real name after the same construction is not."""
    doubted = run(extractor, "قال شاب رفض ذكر اسمه مكتفيا بالإشارة إلى أنه طالب جامعي “لست معها لأنها لم تقم على "
                             "الأسس الصحيحة”.")
    named = run(extractor, "وقال فؤاد حسين “لست معها لأنها لم تقم على الأسس الصحيحة”.")
    assert len(doubted) == 1 and len(named) == 1
    assert "جامعي" in doubted[0].evidence["name_doubt"]
    assert "name_doubt" not in named[0].evidence
    assert doubted[0].confidence < named[0].confidence


def test_a_quotation_right_after_another_goes_on_with_its_speaker(extractor: Extractor) -> None:
    """وقال: «…».. «…»: only full stops between two quotations, the second has no cue of its
    own and is the same speaker's."""
    text = ("وقال نائب وزير الدفاع الروسي أناتولي أنطونوف: «وزارة الدفاع سوف تتخذ التدابير المناسبة إذا حصلت تهديدات».. "
            "«الجميع اقتنع بسلمية البرنامج النووي الإيراني، وسجل هذا في وثائق رسمية».")
    found = run(extractor, text)
    assert [(q.text[:14], q.speaker) for q in found] == [("وزارة الدفاع س", "أناتولي أنطونوف"),
                                                        ("الجميع اقتنع ب", "أناتولي أنطونوف")]
    assert found[1].evidence["speaker_rule"] == "previous_quotation_speaker"


def test_a_participle_cue_ends_the_subject_phrase_before_it(extractor: Extractor) -> None:
    """وقلل دبلوماسي غربي من أهمية الاتصالات قائلا: …: the participle opens its own clause, so
    it is never the end of the speaker's name (it was read as the name «قائلا»)."""
    (q,) = run(extractor, "وقلل دبلوماسي غربي من أهمية الاتصالات قائلا: إنها تأتي في إطار مناقشات معتادة مع المسؤولين.")
    assert q.speaker.startswith("دبلوماسي غربي") and "قائلا" not in q.speaker


def test_spelled_names_are_the_words_ali_and_wa_ali() -> None:
    """The offsets of the words علي and وعلي (after و), as the tokens have them, and nothing inside
    a longer word: the one search for «علي» at a word's end finds the same as the tokens do."""
    from quotes.document import _spelled_names
    from quotes.normalize import NormalizedText, tokenize

    original = ("قال علي الأحمدي وعلي حسن على هامش، وعلى الرغم فعلي عليه ووعلي _علي علي_2 عليُّ "
                "عَلى عليa 3علي علي3 (علي) «وعلي»")
    norm = NormalizedText.of(original)
    tokens = tokenize(norm)
    names: list[int] = []
    prepositions: list[int] = []
    for k, word in enumerate(tokens.words):
        if word in ("علي", "وعلي"):
            a, b = norm.span(tokens.starts[k], tokens.ends[k])
            written = original[a:b].rstrip("".join(map(chr, range(0x064B, 0x0660))))
            (names if written.endswith("ي") else prepositions).append(tokens.starts[k] + (word == "وعلي"))
    assert _spelled_names(original, norm) == (frozenset(names), frozenset(prepositions))
    assert len(names) >= 6 and len(prepositions) >= 3
    assert _spelled_names(original.replace("ى", "ي"), NormalizedText.of(original.replace("ى", "ي"))) == (
        frozenset(), frozenset())


def test_a_repeated_bayna_is_the_preposition(extractor: Extractor) -> None:
    """«بين X وبين Y»: the second بين repeats the preposition, it is no «and he explained»; after
    a closed quotation it is the verb again."""
    found = run(extractor, "ستكون منطلقا لعلاقة جديدة بين لجانه وبين بقية الرياضيين، خصوصا أن بعض الأسماء ما زالت "
                           "تشكك في قدرتهم على النجاح.")
    assert found == []
    # the first بين of the pair is the preposition too, though a clause of أن follows it
    assert run(extractor, "ليس سهلا على إيران الحسم، بين أن تخضع لشروط الاستفادة من الثروة وإغراءاتها، وبين أن "
                          "تنحاز لخيار الجغرافيا ومكاسبها.") == []
    (q,) = run(extractor, "وقال المسؤول: «أثمرت المفاوضات عن اتفاق بين الطرفين»، وبين أن الإقليم سيعمل كل ما في "
                          "وسعه من أجل التهدئة.")[1:]
    assert q.text.startswith("الإقليم سيعمل")


def test_participles_that_report_nothing(extractor: Extractor) -> None:
    """«غير متوقعة» is an adjective under negation, and «مجددا» with no complementiser, colon or
    quotation mark after it is the adverb «again»: neither reports. The same words still report
    where the report follows them."""
    assert run(extractor, "يجب التفكير في تأسيس هذا الصندوق لمواجهة أي ظروف غير متوقعة قد تحدث مستقبلاً والرسالة "
                          "أن مؤسسة النقد لن تستمر.") == []
    assert run(extractor, "نجح في قيادته إلى المباراة النهائية التي خسرها أمام اليابان مجددا صفر- 1، علما بأن "
                          "السعودية أهدرت ركلة جزاء.") == []
    (q,) = run(extractor, "وقال الوزير إن الموقف ثابت لن يتغير، مجدداً على أن لا دور لبشار الأسد في مستقبل سوريا.")[1:]
    assert q.cue == "مجدداً" and q.text.startswith("لا دور")
    (q,) = run(extractor, "ودافع كيري عن الاتفاق الذي تم التفاوض عليه بجهود شاقة معتبرا أنه «اتفاق جيد للعالم».")
    assert q.cue == "معتبرا"


def test_a_relative_clause_between_commas_is_skipped(extractor: Extractor) -> None:
    """«وقال X في الحلقة، التي يرجح أن …، بأن …»: the complementiser inside the relative clause is
    the relative clause's; the verb's own one follows the comma that closes it. Without a
    complementiser after that comma, the relative clause's own report stands (…، الذي بيّن أنه …)."""
    found = run(extractor, "وقال القيادي الحوثي في الحلقة، التي يرجح أن تسجيلها تم قبل تحرير عدن، بأن الانتصارات "
                           "مجرد إشاعات.")
    assert [q.text for q in found] == ["الانتصارات مجرد إشاعات"]
    (q,) = run(extractor, "صرح بذلك وكيل الوزارة الدكتور توفيق بن عبدالعزيز السديري، الذي بين أنه تم توزيع الموسوعة.")
    assert q.text == "تم توزيع الموسوعة" and same(q.speaker, "توفيق بن عبدالعزيز السديري")


def test_the_reporter_resumes_after_illa_annahu(extractor: Extractor) -> None:
    """«…، إلا أنه أفصح عن …»، «…، لكنه اعترف …»: the reporter narrates again; the content ends
    before the connector, whether or not the verb after it reports a clause of its own."""
    (q,) = run(extractor, "وقال الوزير إن الوضع صعب جدا، لكنه اعترف بوجود أخطاء كثيرة في الإدارة.")
    assert q.text == "الوضع صعب جدا"
    first, second = run(extractor, "وقال الوزير إن الانتصارات مجرد إشاعات، إلا أنه أكد أن الجماعة تعرضت لهزائم كبيرة.")
    assert first.text == "الانتصارات مجرد إشاعات" and second.text == "الجماعة تعرضت لهزائم كبيرة"


def test_an_unclosed_quotation_ends_where_a_sentence_reports_again(extractor: Extractor) -> None:
    """«أن «مواجهات اندلعت … آخرين. وأشارت المصادر إلى أن …»: the closing mark is missing; a
    sentence that opens with a reporting verb is the reporter again, and quotes on its own."""
    first, second = run(extractor, "أكدت مصادر محلية لـ«الشرق الأوسط» أن «مواجهات اندلعت بين مسلحي المقاومة "
                                   "والمسلحين الحوثيين في مأرب. وشهدت المنطقة اشتباكات عنيفة. وأشارت المصادر المحلية "
                                   "إلى أن المقاومة تصدت لعدة هجمات عنيفة.")
    assert first.text.startswith("مواجهات اندلعت") and first.text.endswith("اشتباكات عنيفة")
    assert second.text == "المقاومة تصدت لعدة هجمات عنيفة"


def test_an_according_to_phrase_after_a_comma_opens_its_own_clause(extractor: Extractor) -> None:
    """«…، وبحسب المصادر فإن …»: the according-to phrase, its و written apart, opens a report of its
    own; the clause before it ends at the comma."""
    first, second = run(extractor, "وقالت مصادر فلسطينية إن الحادثة وقعت في بلدة دوما، وبحسب المصادر فإن المستوطنين "
                                   "أحرقوا منزلاً آخر في البلدة.")
    assert first.text == "الحادثة وقعت في بلدة دوما"
    assert second.text.startswith("المستوطنين أحرقوا") and same(second.speaker, "مصادر فلسطينية")


def test_no_verb_right_after_a_preposition(extractor: Extractor) -> None:
    """«على أمل أن»، «إلى شرح»، «عن حث»: a preposition governs a noun, so the cue homograph after it
    («hoped», «explained», «urged») is the noun. علي, which folds like على, is also the name Ali."""
    assert run(extractor, "وستخصص الأشهر المقبلة لهذه المهمة على أمل أن ينجز العمل التقني قبل الاجتماع الوزاري.") == []
    assert run(extractor, "وسارع رئيس الوزراء التركي أحمد داود أوغلو إلى تطمين إقليم كردستان العراق بأن الحرب غير "
                          "موجهة ضده.") == []
    (q,) = run(extractor, "وأصدر الرئيس السابق زين العابدين بن علي يقول إن القانون ضروري لحماية البلاد.")
    assert q.cue == "يقول" and q.text.startswith("القانون ضروري")


def test_threaten_reports_only_a_clause(extractor: Extractor) -> None:
    """هدد («threatened») takes an object far more often than a reported clause: it reports only
    with a clause-opening complement (هدد بأن …)."""
    assert run(extractor, "لقد أصبحت حملة المقاطعة تهدد سمعة إسرائيل ورفاهية اقتصادها، ما أدى في الآونة الأخيرة إلى "
                          "أن يعقد اثنان من المليارديرات اجتماعا سريا.") == []
    assert run(extractor, "وأصبحت المخدرات خطراً يهدد حياة أكبر شرائح مجتمعنا ألا وهي الشباب ولاشك أن فئة الحاقدين "
                          "تسعى لذلك.") == []
    (q,) = run(extractor, "وهدد رئيس الوزراء التركي بأن الحزب سيكون في عداد المتهمين بنظر الحكومة.")
    assert q.speaker == "رئيس الوزراء التركي" and q.text.startswith("الحزب سيكون")


def test_a_homograph_gives_way_to_a_relative_verb(extractor: Extractor) -> None:
    """«زاد الإنفاق … وهو ما يشير إلى أن …»: the clause is what «ما يشير» says; زاد («increased»)
    quotes nothing. A verb that reads only as a cue keeps it (وقال … وهو ما يعني أن …)."""
    text = ("زاد إنفاق المستهلكين الأمريكيين في يونيو بأبطأ وتيرة له في أربعة أشهر مع انحسار الطلب على السيارات "
            "وهو ما يشير إلى أن الاقتصاد فقد بعضا من قوة دفعه.")
    assert [q.cue for q in run(extractor, text)] == []
    kept = run(extractor, "وأكد الوزير ارتفاع الإنفاق وهو ما يشير إلى أن الاقتصاد يتحسن.")
    assert [q.cue for q in kept] == ["وأكد"] and kept[0].text.startswith("الاقتصاد يتحسن")


def test_a_long_title_after_a_work_is_no_quote(extractor: Extractor) -> None:
    """بعنوان «…»، في كتابه «…»: the marks hold a title however long it is; a colon after it
    opens the words themselves."""
    assert run(extractor, "وكتب وزير الدولة للشؤون الخارجية مقالا بعنوان «هذه فرصة إيران لإخماد نار الفتنة التي "
                          "أذكتها في المنطقة العربية».") == []
    found = run(extractor, "ويقول عالم الاجتماع آلان تورين في كتابه «براديغما جديدة لفهم عالم اليوم»: «إنني أحدد "
                           "الذات الفاعلة بمقاومتها عالم الاستهلاك اللاشخصي أو عالم العنف والحرب».")
    assert [q.text for q in found] == ["إنني أحدد الذات الفاعلة بمقاومتها عالم الاستهلاك اللاشخصي أو عالم العنف والحرب"]


def test_wa_and_a_prepositional_phrase_is_no_subject(extractor: Extractor) -> None:
    """«مما يؤكد وبشكل كبير أن …»: و and a word the analyser reads only behind ب is an adverbial
    after the verb, never its subject."""
    q = one(run(extractor, "وتواصل الإدارة فتح خطوط التفاوض مع عدد من المحترفين، مما يؤكد وبشكل كبير أن الإدارة "
                           "جادة في التعاقد."), "الإدارة جادة")
    assert q.speaker_mention == "" and "بشكل" not in q.speaker


def test_between_two_nouns_is_no_cue(extractor: Extractor) -> None:
    """«بين الولاء والمعارضة ضاعت …»: بين, two definite nouns joined by و, then a verb or a mark, is
    «between»; a name after the pair, or بيّن written with its shadda, keeps the verb."""
    assert run(extractor, "بين الولاء والمعارضة ضاعت ملامح الوطنية، وأصبحت كلمة ممجوجة تشعرك بأنها أصبحت كلمة "
                          "تبريرية.") == []
    (q,) = run(extractor, "من جهته بين الكاتب والباحث تركي العسيري أن ارتباط العرب بالتمر قديم جدا.")
    assert q.text.startswith("ارتباط العرب")
    (q,) = run(extractor, "وبيّنت الصور والمعلومات التي أرسلها المسبار أن سطح بلوتو تغطيه الجبال.")
    assert q.text.startswith("سطح بلوتو")


def test_according_to_a_norm_is_no_source(extractor: Extractor) -> None:
    """«وفق أفضل المعايير عالمية»، «وفقاً لقواعد غرفة التجارة الدولية»: after an according-to cue
    a phrase of common words read as a title and a name is a norm, not a source; a known title
    still is one (وفقاً للرائد بدر السحيباني)."""
    assert run(extractor, "وتدار مراكز خدمات العملاء من قبل كوادر سعودية شابة مدربة على خدمات العملاء وفق أفضل "
                          "المعايير عالمية.") == []
    (q,) = run(extractor, "وتوفيت الطفلة على إثر اختناقها بحبل أرجوحة علقت به عندما كانت تلهو بمنزل ذويها مساء أمس، "
                          "وفقاً للرائد بدر السحيباني.")
    assert q.speaker == "بدر السحيباني"


def test_a_verb_is_no_sentence_topic(extractor: Extractor) -> None:
    """«جاء ذلك في البيان الذي أصدره … والذي قال فيه إن …»: a sentence opening with a verb has no
    topic before its relative clause; the verb is not the speaker."""
    found = run(extractor, "جاء ذلك في البيان الذي أصدره الأمين العام للرابطة والذي قال فيه إن الرابطة تابعت "
                           "بأسى بالغ التصريحات الأخيرة.")
    assert found and all(q.speaker != "جاء" for q in found)


def test_concluding_a_thing_of_ones_own_reports_nothing(extractor: Extractor) -> None:
    """«يختتم فريق الهلال صباح اليوم معسكره التدريبي … على أن …»: ختم and اختتم end the
    subject's own thing here; with a word for speech they report («واختتم الراجحي تصريحه بحمد
    الله وشكره أن …»)."""
    assert run(extractor, "يختتم فريق الهلال صباح اليوم معسكره التدريبي في النمسا على أن يطير مساء إلى العاصمة "
                          "البريطانية لندن.") == []
    (q,) = run(extractor, "واختتم الشيخ عبدالسلام الراجحي تصريحه بحمد الله وشكره أن يسر للإدارة ما يعينها على "
                          "تقديم خدماتها.")
    assert q.speaker == "عبدالسلام الراجحي"


def test_a_title_serving_a_named_person_is_not_that_person(extractor: Extractor) -> None:
    """«السكرتير الخاص لهادي»: the genitive in ل names the one the post serves; the secretary is
    not the president, though the article names both with «السكرتير الخاص»."""
    found = run(extractor, "وقال الدكتور محمد علي مارم السكرتير الخاص لرئيس الجمهورية اليمني عبدربه منصور هادي إن "
                           "القوات وصلت. وأوضح السكرتير الخاص لهادي أن الادارات العامة تعقد ورشات عمل.")
    q = one(found, "ورشات عمل")
    assert q.speaker and "هادي" != q.speaker.split()[-1], q.speaker


def test_a_derived_masdar_after_a_name_is_the_object(extractor: Extractor) -> None:
    """«وجدد عباس التأكيد على أن …»: a derived verb's masdar after a name is the verb's object,
    not a family name (a plain masdar may be one: العرج، الربح, and stays in the name)."""
    found = run(extractor, "قال وزير الشباب العراقي جواد هادي عباس إن الفريق جاهز. وجدد عباس التأكيد على أن المنتخب "
                           "سيشارك في البطولة.")
    q = one(found, "سيشارك في البطولة")
    assert same(q.speaker_mention, "عباس"), q.speaker_mention


def test_a_two_word_place_then_a_name(extractor: Extractor) -> None:
    """«عضو المجلس وممثل محافظة أحد رفيدة حسام الحكمي»: أحد after a place's noun is the first word
    of the place's name (not «one of»), and the full name closing the phrase is the speaker's."""
    (q,) = run(extractor, "من جهة أخرى أكد عضو المجلس وممثل محافظة أحد رفيدة حسام الحكمي أن هذه الأعمال الإجرامية "
                          "لن تزيد أبناء المملكة إلا تكاتفاً.")
    assert fold("حسام الحكمي") in fold(q.speaker), q.speaker
