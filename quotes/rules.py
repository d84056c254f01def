"""The registry of named rules: every construction the span stage recognises and every rule
the resolver attributes a speaker by, each with an id, a one-line description, its
confidence and a real Arabic example it fires on.

The ids are what the JSONL ``evidence`` carries (``construction``, ``speaker_rule``) and what
the review app shows; ``docs/rules.md`` lists them (``python -m quotes.rules`` writes it), and
``tests/test_rules.py`` runs every example. Adding a construction is one entry here, one
function in the stage that recognises it, one example.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str  # "construction" (spans) or "speaker" (resolve)
    description: str
    confidence: float  # a construction's base confidence; a speaker rule's attribution confidence
    example: str  # an Arabic text the rule fires on (the whole text is extracted)
    note: str = ""  # how the confidence is adjusted, where it is


_CONSTRUCTIONS = (
    Rule("cue_colon_quotation", "construction", "a cue, a colon, then a quotation in marks", 1.0,
         "وقال وزير الخارجية فؤاد حسين: «نرفض أي اعتداء على أراضينا ونطالب بوقفه فوراً».",
         "× 0.85 when the closing mark is missing"),
    Rule("cue_colon", "construction", "a cue and a colon, the statement without marks", 0.8,
         "وقال المتحدث باسم الحكومة: الاجتماع المقبل سيعقد في بغداد الأسبوع المقبل.\n"),
    Rule("cue_quotation", "construction", "a cue followed by a quotation in marks", 1.0,
         "وأضاف الوزير «لن نقبل بأي حل لا يحفظ حقوق شعبنا كاملة».",
         "× 0.85 when the closing mark is missing"),
    Rule("cue_clause_with_quotation", "construction",
         "a cue followed by quoted words that a longer clause goes on from (mixed)", 0.9,
         "وأعلن الجيش «مقتل خمسة مسلحين وإصابة آخرين» في اشتباكات شمال البلاد."),
    Rule("cue_noun_object_quotation", "construction",
         "a cue whose noun object quotes the speaker's words (mixed; dropped without marks)", 0.8,
         "وأشارت الوزارة إلى مقتل «أحد أفراد الطاقم وإصابة اثنين آخرين بجروح طفيفة» في الهجوم."),
    Rule("cue_complementiser", "construction", "a cue and a complementiser (إن، أن، بأن) opening a reported clause", 0.95,
         "وقال رئيس الوزراء العراقي مصطفى الكاظمي إن الحكومة ماضية في الإصلاحات."),
    Rule("quotation_then_cue", "construction", "a quotation in marks, then the cue (…»، يقول X)", 0.85,
         "«لن نتراجع عن مطالبنا مهما كانت الضغوط»، يقول رئيس النقابة أحمد سعيد."),
    Rule("according_then_content", "construction", "an according-to phrase, then the content (بحسب X فإن …)", 0.85,
         "وبحسب مصادر أمنية فإن الهجوم استهدف نقطة تفتيش قرب الحدود."),
    Rule("quotation_then_according", "construction", "a quotation in marks, then an according-to phrase", 0.85,
         "وتشهد المنطقة «أسوأ موجة جفاف منذ عقود»، بحسب ما قال وزير الزراعة خالد عبد الله."),
    Rule("content_then_according", "construction", "a statement, then an according-to phrase (…، وفق X)", 0.7,
         "وقتل ثلاثة جنود في الهجوم على القاعدة العسكرية، وفق مصادر عسكرية."),
    Rule("paragraph_continues_speaker", "construction",
         "a paragraph that is one quotation with no cue: the previous speaker goes on", 0.5,
         "وقال الوزير أحمد علي إن الوضع صعب.\n«نحن نعمل ليل نهار من أجل إعادة الخدمات إلى المدينة»."),
    Rule("headline_speaker_colon", "construction", "a headline «speaker: statement» naming a speaker of the article", 0.7,
         "الكاظمي: لن نسمح بأي اعتداء\nوقال رئيس الوزراء مصطفى الكاظمي إن الحكومة لن تسمح بأي اعتداء."),
)

_SPEAKER_RULES = (
    Rule("name_next_to_cue", "speaker", "the name next to the cue", 0.9,
         "وقال رئيس الوزراء العراقي مصطفى الكاظمي إن الحكومة ماضية في الإصلاحات."),
    Rule("name_seen_before", "speaker", "a name the article used before for the same person", 0.9,
         "وقال مصطفى الكاظمي إن الحكومة ماضية في الإصلاحات. وأكد مصطفى الكاظمي أن الانتخابات ستجرى في موعدها."),
    Rule("short_name_full_name_in_article", "speaker",
         "a surname or short name next to the cue, the full name found in the article", 0.85,
         "والتقى وزير الخارجية فؤاد حسين نظيره الإيراني. وقال حسين إن المباحثات كانت مثمرة."),
    Rule("surname_full_name_in_article", "speaker", "a lone surname, the full name found in the article", 0.85,
         "ووصل رئيس الوزراء مصطفى الكاظمي إلى واشنطن أمس. وقال الكاظمي إن الزيارة ناجحة."),
    Rule("title_named_when_continued", "speaker",
         "a name after «وأضاف» that names the previous speaker, introduced by a title alone", 0.8,
         "وقال وزير الخارجية التركي إن المناطق ستكون آمنة. وأضاف مولود تشاووش أوغلو في مؤتمر صحفي أن اللاجئين سيعودون."),
    Rule("generic_noun_continues_speaker", "speaker",
         "a bare noun for a body (الجماعة، الحركة) after «وأضاف»: the body that spoke last", 0.75,
         "وقال حزب العمال الكردستاني إن الغارات لن تمر دون رد. وأضافت الجماعة في بيان أن الهدنة انتهت."),
    Rule("body_named_in_full_before", "speaker",
         "a bare noun for a body (الحزب، الوزارة): the body the article last named in full with it", 0.75,
         "وشارك الحزب الدستوري الحر في المسيرة أمس. ودعا الحزب كل الأطراف إلى «الاقتصار على التحرك في إطار ما "
         "تسمح به القوانين الدولية»."),
    Rule("description_met_earlier", "speaker", "a description (not a title) that the article used before", 0.8,
         "وقال ناطق بلسان جهاز الإسعاف إن المصاب نقل إلى المستشفى. وبحسب الناطق بلسان الجهاز، فإن حالته مستقرة."),
    Rule("statement_issuer", "speaker", "«البيان»: the one who issued the statement (في بيان) before", 0.75,
         "وقالت وزارة الخارجية في بيان إن الوفد سيصل غداً. وأوضح البيان أن الزيارة تستمر يومين."),
    Rule("title_introduced_earlier", "speaker", "a title that refers to a speaker introduced with it earlier", 0.8,
         "وقال وزير الخارجية العراقي فؤاد حسين إن المباحثات مثمرة. وأضاف الوزير العراقي أن التعاون سيستمر."),
    Rule("title_holder_named", "speaker", "a title whose holder the article names elsewhere", 0.8,
         "ووصل وزير الخارجية الأميركي أنتوني بلينكن إلى بغداد. وقال الوزير الأميركي إن بلاده تدعم العراق."),
    Rule("description_next_to_cue", "speaker", "a description next to the cue (a source, an institution, a document)", 0.8,
         "وقال مصدر أمني إن الهجوم أسفر عن مقتل ثلاثة أشخاص."),
    Rule("honorific_named_before", "speaker", "an honorific pronoun (سموه، معاليه): the dignitary named just before", 0.75,
         "والتقى أمير المنطقة الشرقية سعود بن نايف أمس رجال الأعمال. وأكد سموه أن التنمية مستمرة."),
    Rule("honorific_previous_speaker", "speaker", "an honorific pronoun: the previous speaker", 0.7,
         "وقال فيصل بن بندر إن المنطقة تشهد تنمية كبيرة. وأكد سموه أن الأمن أولوية."),
    Rule("honorific_no_one", "speaker", "an honorific pronoun with no one named before it", 0.2,
         "وأكد سموه أن المملكة تدعم الحوار بين الأطراف."),
    Rule("first_quote_person_named_before", "speaker",
         "no subject and no earlier speaker: the person named just before (a guess)", 0.35,
         "خلال استقبال الأمير فيصل بن فرحان للوفد الزائر في الرياض، قال إن العلاقات بين البلدين متينة."),
    Rule("no_subject_no_speaker", "speaker", "no subject and no earlier speaker: unresolved", 0.2,
         "وأضاف أن الاجتماع المقبل سيعقد في بغداد."),
    Rule("narrative_subject_agrees", "speaker",
         "no subject, not a continuation: the subject of the sentence before, who agrees with the verb", 0.6,
         "وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. ودانت مملكة البحرين التفجير الإرهابي. "
         "وشددت على أن الجريمة لا تمت بصلة لأي دين."),
    Rule("own_sentence_subject", "speaker",
         "no subject: the subject of the verb that opens the same sentence, with no quote between", 0.8,
         "وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. ورفض روحاني المزاعم ووصفها بالخاطئة، "
         "موضحا أن إيران لا تتدخل في شؤون جيرانها."),
    Rule("previous_speaker_agrees", "speaker", "no subject: the previous speaker, who agrees with the verb", 0.75,
         "وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. وأضاف أن التعاون سيستمر."),
    Rule("previous_speaker_past_another_name", "speaker",
         "no subject: the previous speaker, though the article names another person since", 0.5,
         "وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. والتقى الرئيس العراقي برهم صالح الوفد. "
         "وأضاف أن التعاون سيستمر."),
    Rule("earlier_speaker_agrees", "speaker",
         "no subject: an earlier speaker that agrees with the verb in gender and number", 0.35,
         "وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. وقالت المتحدثة باسم الوزارة إن الوفد وصل. "
         "وأضاف أن التعاون سيستمر."),
    Rule("named_before_agrees", "speaker",
         "no subject and no speaker so far agrees with the verb: the last person named with a title, who does", 0.5,
         "وقال رئيس الحكومة محمد الغنوشي إن الحكومة ستعمل بجد. وفتح القضاء تحقيقا في تصريحات النائبة صابرين "
         "القوبنطيني. وأضافت أن المعطيات خطيرة."),
    Rule("latest_speaker_disagrees", "speaker", "no subject and no speaker agrees with the verb: the latest speaker", 0.3,
         "وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. وأضافا أن التعاون سيستمر."),
    Rule("previous_quotation_speaker", "speaker", "no cue: the speaker of the previous quotation", 0.5,
         "وقال الوزير أحمد علي إن الوضع صعب.\n«نحن نعمل ليل نهار من أجل إعادة الخدمات إلى المدينة»."),
    Rule("headline_names_speaker", "speaker", "headline: the phrase before the colon names a speaker of the article",
         0.0, "الكاظمي: لن نسمح بأي اعتداء\nوقال رئيس الوزراء مصطفى الكاظمي إن الحكومة لن تسمح بأي اعتداء.",
         "the confidence of the rule that resolved the phrase"),
)

RULES: dict[str, Rule] = {r.id: r for r in (*_CONSTRUCTIONS, *_SPEAKER_RULES)}
CONSTRUCTIONS: dict[str, Rule] = {r.id: r for r in _CONSTRUCTIONS}
SPEAKER_RULES: dict[str, Rule] = {r.id: r for r in _SPEAKER_RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id (a KeyError names an id that is not registered)."""
    return RULES[rule_id]


def markdown() -> str:
    """docs/rules.md: every rule with its description, confidence and example."""
    out = ["# Rules", "",
           "Generated by `python -m quotes.rules > docs/rules.md` from `quotes/rules.py`; "
           "`tests/test_rules.py` checks that every example fires its rule and that this file is current.", ""]
    for title, table in (("Constructions (span stage)", CONSTRUCTIONS), ("Speaker rules (resolution stage)", SPEAKER_RULES)):
        out += [f"## {title}", "", "| id | what it recognises | confidence | example |", "|---|---|---|---|"]
        for r in table.values():
            conf = f"{r.confidence:g}" if r.confidence else "inherited"
            if r.note:
                conf += f" ({r.note})"
            example = r.example.replace("\n", " ⏎ ")
            out.append(f"| `{r.id}` | {r.description} | {conf} | {example} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(markdown())
