"""Headline claims: in a title, a short phrase before a colon is the speaker of what
follows ("أوكرانيا: الجولة الثالثة من المفاوضات ...").

The only claim without a cue or a source marker, and only in a title, so it is read
apart, before the cues (its words are then consumed).
"""

from __future__ import annotations

import re

from processors.claims.attribution import set_speaker
from processors.claims.lexicons import CUES, HEADLINE_LABELS, HEADLINE_PLACES, NEGATIONS
from processors.claims.reading import Content, Draft, FieldReading
from processors.claims.words import BARE, DEFINITE, STOP, complementizer, digit, nominal_head

# The verbal noun of a hollow verb (إفالة, استفالة: إحالة، إعادة، إقامة، استقالة), which
# the shapes of words.py do not cover: "مصر: إحالة مسؤول سابق للمحاكمة".
_HOLLOW_MASDAR = re.compile(r"ا.ا.ه|است.ا.ه")


def headline_claim(rd: FieldReading) -> None:
    """ "أوكرانيا: الجولة الثالثة ..." — in a title, a short phrase before a colon is
    the speaker of what follows."""
    t = rd.t
    colon = t.text.index(":") if ":" in t.text else None
    if colon is None or colon == 0 or colon + 1 >= t.n:
        return
    words = t.words_in(0, colon)
    if not 1 <= len(words) <= 6 or any(rd.cues[i] for i in range(colon)):
        return
    first = BARE[t.key[words[0]]]
    if (
        t.key[words[0]] in HEADLINE_LABELS
        or first in HEADLINE_LABELS
        or (first[:2] == "ال" and first[2:] in HEADLINE_LABELS)
    ):
        return  # "عاجل: ...", "الحرب في سوريا: ..." (claims_headline_labels.tsv)
    if any(not t.word[i] and t.opens[i] < 0 and t.closes[i] < 0 for i in range(colon)):
        return
    if any(digit(t, i) for i in words):
        return  # "كأس العالم 2018: ...": an event, not a speaker
    n = colon + 1
    if _reports_another(rd, n) or _dateline(rd, words, n):
        return
    if t.opens[n] >= 0 and rd.q[t.opens[n]].close >= t.n - 2:
        content = Content("headline", quote=t.opens[n])
    else:
        content = Content("headline", start=n)
    d = Draft(None, None, content, 0, t.sent[0])
    speaker, role = rd.sp.split_role(0, colon)
    set_speaker(rd, d, speaker, role)
    rd.consumed.update(range(0, colon + 1))
    rd.keep(d)


def _reports_another(rd: FieldReading, n: int) -> bool:
    """The first sentence after the colon has a reporting verb of its own with its
    subject before it: "المغرب: وزارة الداخلية تحذر من ..."، "فرنسا: تعبئة حاشدة ضد
    ماكرون والحكومة تصفها بـ...". The phrase before the colon is then the place or the
    topic of the news (a dateline), and the verb reports the claim, with its subject.
    A first-person or negated verb has no subject before it ("واشنطن: لا نعلن ...",
    "روسيا: نؤكد ..."): the phrase before the colon is still the speaker; so is it when
    the verb is inside a quotation ("ترامب: "الديمقراطيون يزعمون ..."") or after ".."
    (another sentence: "خلفان: ... تسقط.. وقطر تنفي ..."). A verb that reports only
    with أن reports nothing without it ("البيت الأبيض توصل لقرار")."""
    t = rd.t
    for k in rd.cue_tokens:
        if k <= n or t.sent[k] != t.sent[n]:
            continue
        cue = rd.cues[k]
        if cue is None or cue.kind != "verb" or t.quote[k] >= 0:
            continue
        if t.key[k][:1] in ("و", "ف") and t.key[k][1:] in CUES:
            continue  # "... ويؤكد أن": the same speaker goes on
        if cue.nominal == "no" and not any(complementizer(t, m) for m in range(k + 1, min(k + 4, t.n))):
            continue  # "سرعة نقل الجثامين" (a verbal noun), "توصل لقرار": no report
        p = k - 1
        if t.word[p] and STOP[t.key[p]] is None and (BARE[t.key[p]],) not in NEGATIONS:
            return True
    return False


def _dateline(rd: FieldReading, words: list[int], n: int) -> bool:
    """ "سوريا: مقتل 16 مدنيا في غارات ..."، "الإمارات: إحالة 41 متهما للمحكمة": a
    place before the colon (claims_headline_places.tsv) and an event after it, opened by
    an indefinite verbal noun or a number, is a dateline. A statement stays the place's: negated
    ("إسرائيل: لا وقف لإطلاق النار"), ending on a quoted verdict, or a sentence of its
    own ("روسيا: داعش تهديد أكبر", "تركيا: الانتخابات المبكرة غير مطروحة": a definite
    subject and its predicate)."""
    t = rd.t
    if " ".join(t.key[w] for w in words) not in HEADLINE_PLACES:
        return False
    if n >= t.n or not t.word[n]:
        return False
    if DEFINITE[t.key[n]]:
        if not _subject_and_verb(t, n):
            return False
    elif not (digit(t, n) or nominal_head(t.key[n]) or _HOLLOW_MASDAR.fullmatch(t.key[n]) or _event_noun(t, n)):
        return False
    if any(t.closes[k] >= 0 for k in range(max(n, t.n - 2), t.n)):
        return False  # "إيران: اتهام دمشق ... "مكيدة"": a quoted verdict ends it
    for k in range(n, t.n):
        if not t.word[k]:
            continue
        if NEGATIONS.get((BARE[t.key[k]],)) == "neg":
            return False
        if len(t.key[k]) > 4 and t.key[k].endswith(("تنا", "ينا")):
            # "الإمارات: قراءة القيادة ... هي قراءتنا"، "روسيا: لدينا أدلة": the place
            # speaks of itself. (Not any نا: "مخزنا" is an accusative.)
            return False
    return True


# Words a definite subject may run to before its verb: "الرئيس أشرف غني يدعو".
_SUBJECT_WORDS = 3


def _subject_and_verb(t, n: int) -> bool:
    """A definite subject and its verb in the imperfect open the news after a place:
    "مصر: السيسي يعين حكومة ..."، "زيمبابوي: المعارضة تطعن أمام المحكمة ..."،
    "سوريا: الفصائل المعارضة تبدأ تسليم ...". The verb comes within a few words of
    the subject, before any preposition ("روسيا: الغارات الأمريكية على الجيش السوري
    تساعد داعش" is Russia's verdict); a subject with a predicate and no verb is the
    place's statement ("تركيا: الانتخابات المبكرة غير مطروحة"), and so is a future
    ("الصين: الحرب التجارية ستجلب كارثة")."""
    for k in range(n + 1, min(t.n, n + 1 + _SUBJECT_WORDS)):
        if not t.word[k] or STOP[t.key[k]] is not None:
            return False
        key = t.key[k]
        if (
            key[:1] in ("ي", "ت")
            and len(key) >= 4
            and not DEFINITE[key]
            and not nominal_head(key)
            and not key.endswith(("ه", "ات"))
        ):
            return True  # (a noun in ت is a verbal noun or has a noun's ending: تهديد، تحذيرات)
    return False


def _event_noun(t, n: int) -> bool:
    """An indefinite noun phrase that opens the news after a place: "بغداد: حريق كبير
    يلتهم ..."، "سوريا: غارات جوية على ..."، "فرنسا: تعبئة حاشدة ضد ..."، "الهند:
    مخاوف من ...". The noun shows it is a common noun: a sound plural (محتجون،
    اتهامات), or an indefinite adjective (جوية، كبير) or a preposition after it; a name
    is not ("روسيا: داعش تهديد أكبر" is Russia's statement). Not a verb, whose subject
    the place is: "موسكو: ستقيّم ..."، "واشنطن: نريد ..." (a word in ت or أ counts as a
    noun only with a noun's ending: تعبئة، تساؤلات), nor a particle or a cue."""
    key = t.key[n]
    if STOP[key] is not None or key in CUES or (BARE[key],) in NEGATIONS:
        return False
    if key[:1] in ("ي", "ن", "س"):
        return False
    if key[:1] in ("ت", "ا") and not key.endswith(("ه", "ات", "ون", "ين")):
        return False
    if key.endswith(("ات", "ون", "ين")):
        return True
    m = n + 1
    if m >= t.n or not t.word[m]:
        return False
    nxt = t.key[m]
    if STOP[nxt] == "prep":
        return True
    return not DEFINITE[nxt] and (nxt.endswith("ه") or (len(nxt) == 4 and nxt[2] == "ي"))
