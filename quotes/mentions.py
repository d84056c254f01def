"""Speaker mentions: the noun phrase that names who is speaking, next to the cue.

Arabic news reports speech verb-first (وقال وزير الخارجية فؤاد حسين إن …), with the
subject between the cue and the content, often interrupted by appositions (مستشار الأمن
القومي العراقي، قاسم الأعرجي،) and adjuncts (في مؤتمر صحفي مع …, اليوم, لـ«عكاظ»). The
subject ends where an adjunct begins; a name inside an adjunct is never the speaker.

Splitting a phrase into title and name uses what titles look like, not who people are:
a title starts with a role noun (وزير، المتحدث، مستشار …) and goes on through definite
words and construct links (باسم، لشؤون); the name is the run of words after it, or before
it when the name comes first (ديفيد شينكر مساعد وزيرة الخارجية).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

# Role nouns that head a title (folded; the article ال is stripped before lookup).
TITLE_HEADS = frozenset(
    """وزير وزيره رئيس رئيسه نائب نائبه مستشار مستشاره مساعد مبعوث مبعوثه سفير سفيره مدير مديره
    امين امينه نظير نظيره نظيرها نظيرته متحدث متحدثه ناطق ناطقه قائد قائده زعيم عضو عضوه محافظ حاكم ملك امير اميره شيخ ولي سيد سيده
    دكتور د لواء عميد عقيد فريق مشير جنرال قيادي مسؤول مسؤوله منسق منسقه مفوض مفوضه مندوب مندوبه
    ممثل ممثله مرشد مفتي وكيل وكيله نقيب عمده رئيسا مدرب لاعب محلل خبير كاتب صحفي باحث استاذ
    مراسل مراسله مبعوث سكرتير سكرتيره قاضي مدعي محامي ضابط جندي رائد ناشط ناشطه مؤسس مؤسسه
    الرئيس""".split()
)
# Honorifics dropped from a person's name.
HONORIFICS = frozenset("معالي سمو فخامه سعاده حضره دوله السيد السيده الدكتور الدكتوره د الشيخ المهندس الاستاذ".split())

# Heads of anonymous or collective sources.
ANONYMOUS_HEADS = frozenset(
    """مصدر مصادر مسؤول مسؤولون مسؤولين مسؤوله شاهد شهود سكان ساكن ناشطون ناشطين مراقبون محللون
    خبراء دبلوماسيون دبلوماسي متحدث ناطق احد احدي بعض مصادرنا مقربون مقربين اوساط جهات عدد مجموعه
    عشرات مئات الاف معظم اغلب كثير كثيرون""".split()
)
DOCUMENT_HEADS = frozenset("بيان البيان تقرير التقرير رساله الرساله وثيقه الوثيقه بلاغ البلاغ مذكره المذكره".split())
ORGANISATION_HEADS = frozenset(
    """وزاره الوزاره حكومه الحكومه مكتب المكتب هيئه الهيئه قياده القياده مديريه المديريه وكاله الوكاله
    صحيفه الصحيفه قناه القناه الجيش جيش الشرطه شرطه بعثه البعثه حزب الحزب جبهه الجبهه منظمه المنظمه
    مجلس المجلس الرئاسه رئاسه البرلمان برلمان السفاره سفاره القنصليه قنصليه الامم جامعه الجامعه لجنه اللجنه
    الخارجيه الداخليه الدفاع الاتحاد اتحاد حركه الحركه شركه الشركه البنك بنك محكمه المحكمه النيابه
    الوفد الوفدان وفد الجانب جانب حمله الحمله شبكه الشبكه السلطات سلطات الاجهزه اجهزه ولايه الولايه مركز المركز اداره الاداره""".split()
)

# Words that open an adjunct after the subject: the subject phrase stops before them.
_EVENT_NOUNS = (
    "مؤتمر|بيان|تصريح|تصريحات|حديث|حوار|مقابله|كلمه|رساله|تغريده|وقت|اتصال|لقاء|اجتماع|جلسه|ختام|"
    "مستهل|سياق|معرض|رده|رد|تعليق|ندوه|منشور|خطاب|ايجاز|لقائه|اتصالات|مداخله|برنامج|تدوينه|صفحته|"
    "حسابه|حسابها|تقرير|مقال|محاضره|افتتاح|اطار|نهايه|بدايه|اعقاب|ظل|حين|الوقت|موقعه|موقعها|تصريحه|تصريحها|"
    "بيانه|بيانها|كلمته|كلمتها|حديثه|حديثها|ردا|اليوم|المؤتمر|الموتمر|مقر|مدينه|العاصمه|مسيره|تظاهره|وقفه|اعتصام|جنازه|احتفال|حفل|زياره"
)
_TIME_WORDS = (
    "اليوم|امس|غدا|الليله|مساء|صباح|ظهر|صباحا|مساءا|مساء|ليل|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|"
    "السبت|يوم|ايضا|كذلك|مجددا|رسميا|بدوره|بدورها|حاليا|سابقا|لاحقا|قبل|بعد|خلال|عقب|اثناء|امام|لدي|عبر|"
    "منذ|عند|حيث|قد|لقد|فقط|ذلك|وقتها|صراحه|بوضوح|مؤخرا|الماضي|الاسبوع|الشهر|اول من امس|اول امس|الان|حينها|بدورها|اواخر|اوائل|منتصف|مطلع|غضون"
)
_ADJUNCT_START = regex.compile(
    rf"(?:(?:في|من) (?:{_EVENT_NOUNS})\b|(?:{_TIME_WORDS})\b|ل(?:ـ)?\s*[«\"“{{]|لل?(?:صحف|صحاف|تلفزيون|اذاع|وكال|موقع|مراسل|قنا|اعلام|شبك|جريد|مجل|وسائل|وسائط)\w*|"
    r"الي (?:ان|انه|انها)\b|علي (?:ان|انه|انها)\b|(?:الذي|التي|الذين|اللذان|اللتان)\b|من (?:جهته|جانبه|جهتها|جانبها)\b|"
    r"عن (?:ان|امله|قلقه|تقديره)\b)"
)

# The words _ADJUNCT_START can begin with, besides any word in ل: the pattern is tried only there.
_ADJUNCT_FIRST_WORDS = frozenset(
    {"في", "من", "الي", "علي", "عن", "الذي", "التي", "الذين", "اللذان", "اللتان"}
    | {t.split()[0] for t in _TIME_WORDS.split("|")}
)

_AL = regex.compile(r"^(?:و|ف)?(?:ب|ل|ك)?ال")
_WORD = re.compile(r"[^\W_]+")  # letters and digits; `re` finds them faster than `regex`
_SPACES = re.compile(r"\s*")
_QUOTED_NAME = regex.compile(r"[«\"“„]([^\"«»“”\n]{1,40})[»\"”]")
_COMMA_WORD = regex.compile(r"[،,]\s*([\p{L}]+)")
_PREP_PRONOUN = regex.compile(r"(?:ب|ل|ك)\p{L}{2,4}(?:ها|هم|هما)")  # not ه: لجنه is a noun


class Mention(NamedTuple):  # a tuple: built many times per article, far cheaper than a frozen dataclass
    """A speaker phrase; offsets index the folded text."""

    start: int
    end: int
    text: str  # folded
    title: str  # folded title part ("" if none)
    name: str  # folded personal-name part ("" if none)
    type: str  # person | organisation | document | anonymous | unknown | pronoun (سموه)
    gender: str | None  # m | f | None
    number: str | None  # s | d | p | None
    name_start: int = 0  # folded offsets of the personal-name part (== start when none)
    name_end: int = 0


def _bare(word: str) -> str:
    """A word without its article or conjunction, for lexicon lookups."""
    w = word[1:] if word[:1] in ("و", "ف") and word[1:3] == "ال" else word
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def is_definite(word: str) -> bool:
    m = _AL.match(word)
    return bool(m) and len(word) - m.end() >= 2  # وكاله is و+كاله, not و+ك+ال+ه


# Titles that only people carry, so that «الشيخ الشريم» is a title and a family name.
_PERSONAL_TITLES = frozenset("شيخ دكتور د امير اميره ملك سيد سيده لواء عميد عقيد فريق مشير جنرال مهندس استاذ".split())
_GLUE = ("عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ام")
_ADJECTIVES = frozenset("كبير رفيع بارز اخر رسمي سابق عام".split())


def _definite_like(w: str) -> bool:
    """A definite word, or a preposition fused with the article (للأمم، بالوزارة)."""
    return is_definite(w) or (w.startswith(("لل", "بال")) and len(w) > 4)


def _name_run_end(words: list[str], i: int) -> int | None:
    """End of the name that starts at ``i``: indefinite words and compounds (عبد الرؤوف، أبو
    ردينة), closed by at most one family name (الكاظمي); None if no name starts there."""
    first = words[i]
    if _definite_like(first) or first in _GLUE[2:]:
        return None
    if first[:1] == "ل" and (first[1:] in ORGANISATION_HEADS or first[1:] in _ADDRESSEE_NOUNS):
        return None  # المتحدث الرسمي لمركز …: the title goes on
    n = len(words)
    k = i
    while k < n:
        w = words[k]
        if _bare(w) in TITLE_HEADS or w in _ADJECTIVES or w in HONORIFICS or w in _STOPWORDS:
            break
        if _definite_like(w):
            if _bare(w) in ORGANISATION_HEADS or w in ORGANISATION_HEADS or w[:1] in ("و", "ف", "ل", "ب"):
                break  # an institution, «و + ال» (a coordinated noun) or «لل/بال» (a complement): no family name
            k += 1
            if words[k - 2] in _GLUE and k - 1 > i:
                continue
            break  # the family name closes the name
        k += 1
    return k if i < k <= i + 6 else None


def split_title_name(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(title words, name words, trailing title words) of a subject phrase.

    Title first (وزير الخارجية الأميركي أنتوني بلينكن): the name is the run of indefinite
    words that closes the phrase after the title's last definite word. Name first (ديفيد
    شينكر مساعد وزيرة الخارجية): the name is the leading run, up to a role noun.
    """
    n = len(words)
    if n == 0:
        return [], [], []
    if _bare(words[0]) in TITLE_HEADS or words[0] in HONORIFICS:
        for i in range(1, n):
            if not _definite_like(words[i - 1]):
                continue
            # the name may be followed by a modifier (… بايدن في البيت الأبيض) or another title
            j = _name_run_end(words, i)
            if j is not None and (j == n or words[j] in _STOPWORDS or _bare(words[j]) in TITLE_HEADS):
                return words[:i], words[i:j], words[j:]
        last = words[-1]
        if (n >= 2 and is_definite(last) and not _bare(last).endswith(("ي", "يه", "يين", "يون", "ين", "ون", "ات"))
                and _bare(last) not in TITLE_HEADS and _bare(last) not in ORGANISATION_HEADS
                and last not in _ADJECTIVES and (_bare(words[0]) in _PERSONAL_TITLES or words[0] in HONORIFICS)):
            return words[:-1], [last], []  # الشيخ الشريم، الدكتور الربيعة: a title and a family name
        return words, [], []
    j = 0
    while j < n:
        w = words[j]
        if _bare(w) in TITLE_HEADS and j > 0:
            break
        if _definite_like(w):
            if j == 0:
                break
            if words[j - 1] in _GLUE:
                j += 1
                continue
            if _bare(w) not in TITLE_HEADS and _bare(w) not in ORGANISATION_HEADS and w not in ORGANISATION_HEADS:
                j += 1  # the family name closes the name: الكاظمي، الأعرجي
            break
        if w in _STOPWORDS:
            break
        j += 1
    name, rest = words[:j], words[j:]
    if not name:
        return words, [], []
    return [], name, rest


_STOPWORDS = frozenset(
    """و في من عن علي الي مع ان قد لم لن ما لا هو هي هم هذا هذه ذلك تلك الذي التي الذين كان كانت وكان وكانت
    يكون تكون ثم او ام كل بعد قبل عند حتي منذ لكن بل اذا لو كما فيما بين عليه عليها عليهم اليه اليها منه منها
    عنه عنها له لها لهم به بها فيه فيها معه معها ايضا وهو وهي""".split()
)


def classify(words: list[str], title: list[str], name: list[str]) -> str:
    if not words:
        return "unknown"
    head = _bare(words[0])
    head_word = words[0]
    if head in DOCUMENT_HEADS or head_word in DOCUMENT_HEADS:
        return "document"
    if head in ANONYMOUS_HEADS and not name:
        return "anonymous"
    if name and title:
        return "person"
    if head_word in ORGANISATION_HEADS or head in ORGANISATION_HEADS:
        return "organisation"
    if name and not title:
        # an indefinite word run alone may be a person (شينكر) or a place standing for its
        # government (واشنطن); both are fine as written
        return "person"
    if title:
        return "person" if head in TITLE_HEADS and head not in ANONYMOUS_HEADS else "organisation"
    return "organisation"


def gender_number(words: list[str]) -> tuple[str | None, str | None]:
    """Agreement features of a phrase from its head word's shape."""
    if not words:
        return None, None
    head = _bare(words[0])
    if head.endswith(("ان", "ين")) and len(head) > 4 and words[0].startswith(("ال", "وال")):
        return "m", "d" if head.endswith("ان") else "p"
    if head.endswith("ون"):
        return "m", "p"
    if head.endswith("ات"):
        return "f", "p"
    if head.endswith("ه") and head not in ("الله",):
        return "f", "s"
    return "m", "s"


# Gulf press refers to dignitaries by honorific pronouns: وأكد سموه، وأوضح معاليه.
HONORIFIC_PRONOUNS = frozenset("سموه سموها معاليه معاليها سعادته سعادتها فخامته دولته جلالته سماحته نيافته".split())


def make_mention(text: str, start: int, end: int) -> Mention | None:
    """Build a mention from a folded span already cut to the subject phrase."""
    matches = list(_WORD.finditer(text[start:end]))
    words = [m.group() for m in matches]
    if not words:
        return None
    if words[0] in HONORIFIC_PRONOUNS:
        return Mention(start, start + matches[0].end(), words[0], "", "", "pronoun",
                       "f" if words[0].endswith("ها") else "m", "s", start, start)
    title, name, rest = split_title_name(words)
    head = _bare(words[0])
    if (head in ANONYMOUS_HEADS or head in DOCUMENT_HEADS or words[0] in ORGANISATION_HEADS or head in ORGANISATION_HEADS) and (
        not name or not title
    ):
        title, name = words, []  # مصادر فلسطينية، البيان المشترك، مكتب حاكم إسطنبول: a description
    elif not title and name and rest and _bare(rest[0]) in TITLE_HEADS:
        title = rest  # name first: ستيفان دوغاريك المتحدث باسم الأمم المتحدة
    elif not title and name and rest and is_definite(rest[0]) and name[-1].endswith(("ين", "ون", "ات")):
        title, name = words, []  # مئات المتظاهرين الأردنيين: a collective description
    first = len(title) if words[: len(title)] == title else 0
    while name and name[0] in HONORIFICS:
        name = name[1:]
        first += 1
    if name:
        name_start = start + matches[first].start()
        name_end = start + matches[first + len(name) - 1].end()
    else:
        name_start = name_end = start
    kind = classify(words, title, name)
    gender, number = gender_number(words)
    if kind == "person" and number == "p" and not title:
        kind = "anonymous"  # مئات المتظاهرين: a collective source
    if number == "s" and len(words) >= 3 and words[1].startswith("و") and not is_definite(words[0]) and kind != "person":
        number = "d"
    return Mention(start, end, text[start:end], " ".join(title), " ".join(name), kind, gender, number,
                   name_start, name_end)


_OBJECT_STARTERS = frozenset(
    "كل كافه جميع بعض هذا هذه ذلك تلك هؤلاء اولئك الصحفيين الصحافيين الحضور الانتباه النظر".split()
)
_ADDRESSEE_NOUNS = frozenset("مركز سوق موقع صحيفه وكاله قناه جريده مجله اذاعه تلفزيون شبكه".split())
_QUANTIFIERS = frozenset("احد احدي بعض عدد مجموعه عشرات مئات الاف معظم اغلب".split())
# The complementisers that open a reported clause (إن، أن، بأن، with a pronoun: أنه، إنها …).
COMPLEMENTISERS = frozenset(
    "ان انه انها انهم انهما انهن اننا انني اني انك بان بانه بانها بانهم بانهما باننا بانني".split()
)
_POST_MODIFIERS = frozenset("صادر صادره المكون المكونه المؤلف المؤلفه الصادر الصادره المشكل المشكله المرافق المرافقه".split())
_PREPOSITIONS = frozenset("الي علي عن من مع في في ب ل حول بشان نحو ازاء تجاه لدي عبر".split())
_INNER_PREPOSITIONS = frozenset("الي علي عن مع حول بشان نحو ازاء تجاه لدي عبر".split())


def subject_extent(text: str, start: int, limit: int, stops: frozenset[int] | set[int] = frozenset()) -> int:
    """End of the subject phrase that starts at ``start`` (folded offsets), before ``limit``.

    It stops at the first adjunct, at a comma that does not open an apposition, at an
    opening quotation mark or parenthesis, and after twelve words.
    """
    pos = start
    words = 0
    first_anonymous = False
    in_phrase = False
    head_word = ""
    prev_definite = head_definite = False
    while pos < limit:
        m = _SPACES.match(text, pos)
        pos = m.end() if m else pos
        if pos >= limit:
            break
        ch = text[pos]
        if ch in "،,":
            # apposition: "title، name،" keeps going when a name-like word follows
            nxt = _COMMA_WORD.match(text, pos)
            if nxt and words and not _ADJUNCT_START.match(text, nxt.start(1), limit) and not is_definite(nxt.group(1)) and nxt.group(1) not in ("و", "الذي", "التي"):
                close = text.find("،", nxt.end(1), limit)
                comma_run = text[nxt.start(1):close if close != -1 else limit]
                if close != -1 and 1 <= len(comma_run.split()) <= 4 and not _ADJUNCT_START.match(comma_run):
                    pos = close + 1
                    words += len(comma_run.split())
                    continue
            break
        if ch in "«\"“„" and words:
            named = _QUOTED_NAME.match(text, pos)
            if named and len(named.group(1).split()) <= 4:
                pos = named.end()  # شبكة «روسيا اليوم»: a quoted name inside the subject
                words += 1
                continue
        if ch in "«»\"“”„(:{[.؟!?؛;\n":
            break
        w = _WORD.match(text, pos)
        if not w or pos in stops:
            break  # a verb (another cue) ends the phrase
        word = w.group()
        if ((word[:1] == "ل" or word in _ADJUNCT_FIRST_WORDS or w.end() > limit)
                and _ADJUNCT_START.match(text, pos, limit)):
            break
        definite = is_definite(word)
        if word in (_PREPOSITIONS if words == 0 else _INNER_PREPOSITIONS):
            break
        if word in COMPLEMENTISERS and not text.startswith(" كي ", w.end()):
            break  # (أن never takes كي: «بان كي مون» is a name)
        if words == 0 and (word in _STOPWORDS or _PREP_PRONOUN.fullmatch(word)):
            break  # بسببها، لديه: a prepositional phrase, not a subject
        if words and word in _OBJECT_STARTERS:
            break  # دعا الحزب | كل الأطراف، أدان الحزب | هذه العملية: the object begins
        if (words and head_definite and _bare(head_word) not in TITLE_HEADS and head_word not in HONORIFICS
                and prev_definite and not definite and word[:1] not in ("و", "ل", "ب", "ف")
                and word not in ("في", "من") and not in_phrase):
            break  # ودعت اللجنة | وسائل الإعلام: a definite noun takes no indefinite word after it but a name
        if words and len(word) >= 5 and ((word[0] == "م" and word[-1] == "ا") or word.endswith("نا")):
            break  # قال كيري | مازحاً (a circumstantial participle); جون كيري | أطلعنا (a verb)
        if words == 0 and word[:1] == "ل" and (word[1:] in ORGANISATION_HEADS or word[1:] in _ADDRESSEE_NOUNS):
            break  # قال لمركز …، لسوق …: the addressee, not the subject
        if word in _POST_MODIFIERS:
            break  # المكون من، الصادر عن: a modifier clause, not the name
        if word.startswith("لل") and (words == 0 or not prev_definite):
            break  # للصحفيين after a name is the addressee; الأمين العام للأمم المتحدة is a title
        if words == 1 and first_anonymous and definite:
            break  # an indefinite head takes no definite adjective: مصدر عسكري | الحصيلة
        if words == 0:
            head_word, head_definite = word, definite
            # أحد المصادر، بعض المسؤولين: quantifiers take a definite noun
            first_anonymous = _bare(word) in ANONYMOUS_HEADS and not definite and word not in _QUANTIFIERS
        elif first_anonymous and definite and not in_phrase:
            break
        if word in ("في", "من", "باسم", "ب"):
            in_phrase = True  # inside «مسؤول كبير في وزارة الدفاع» definite words are fine
        prev_definite = definite
        words += 1
        if words > 12:
            break
        pos = w.end()
    # do not end on a conjunction or preposition
    span = text[start:pos].rstrip(" ،,")
    while True:
        parts = span.rsplit(" ", 1)
        if len(parts) == 2 and parts[1] in ("و", "في", "في", "من", "عن", "علي", "الي", "مع", "ب", "ل", "قد", "ان"):
            span = parts[0].rstrip(" ،,")
            continue
        break
    return start + len(span)
