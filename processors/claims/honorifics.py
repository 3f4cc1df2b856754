"""An honorific with a pronoun as a cue's subject ("وقال سموه إن", "وأوضح معاليه أن",
"وأكدت سموها"): Gulf news names a person once with his titles ("صاحب السمو الشيخ
محمد بن زايد آل نهيان ولي عهد أبوظبي") and then refers to him by the honorific and a
pronoun. The word alone tells a consumer nothing of who spoke, so it is resolved like a
pronoun to the person it refers to (Claim.speaker_resolution "pronoun", the speaker
being that earlier mention), or the claim has no speaker ("unresolved_pronoun").

The person referred to is, in this order: the speaker of one of the last claims whose
mention carries a title of the honorific ("وأوضح سمو الأمير بندر أن ... وبين سموه");
the subject of the verb that opens the sentence, or the sentence before, when it
carries such a title ("عبر صاحب السمو الشيخ محمد عن ... . وقال سموه"); the speaker
of the claim right before, in this sentence or the one before, when its gender agrees
("رفع نائب خادم الحرمين الشريفين الشكر ...، وقال سموه" names no title the lexicon
knows, but the claim just before is his). Nothing else: a man named later, a guest of
the one received ("استقبل سموه الوزير ...") is never taken.
"""

from __future__ import annotations

from bisect import bisect_right

from processors.claims.agreement import agrees
from processors.claims.lexicons import read_rows
from processors.claims.reading import Draft, FieldReading
from processors.claims.words import BARE, DEFINITE, STOP
from processors.text.fold import fold


def _with_prepositions(titles: frozenset[str]) -> frozenset[str]:
    """Titles as written alone and after ل ("لسمو"، "للأمير": ل + ال contracted),
    once at import, so that a word is one lookup (`_title`)."""
    return titles | {"ل" + w for w in titles} | {"لل" + w[2:] for w in titles if w.startswith("ال")}


# The honorifics (claims_honorifics.tsv): folded word -> (gender, folded titles, with
# their ل forms).
HONORIFICS: dict[str, tuple[str, frozenset[str]]] = {
    fold(row[0]): (row[1], _with_prepositions(frozenset(fold(w) for w in row[2].split())))
    for row in read_rows("claims_honorifics.tsv")
}
# Every title of some honorific, and the words that go with them ("صاحب السمو الملكي").
_ALL_TITLES = frozenset(w for _, titles in HONORIFICS.values() for w in titles) | _with_prepositions(
    frozenset(fold(w) for w in ("صاحب", "صاحبة", "الملكي"))
)
# How many earlier claims with a speaker are looked at for a titled mention.
MAX_CLAIMS_BACK = 6
# How many sentences back such a claim may be.
MAX_SENTENCES_BACK = 4
# How many tokens before the honorific are looked at for the titled name.
MAX_TOKENS_BACK = 120
# Words before a speaker's mention that may hold its title ("صاحب السمو الملكي الأمير").
TITLE_WORDS_BEFORE = 4


def _honorific(key: str) -> str | None:
    """The honorific row of a word, written alone or with و/ف ("فضيلته" is its own
    word, "وسموه" is و + سموه)."""
    if key in HONORIFICS:
        return key
    return BARE[key] if BARE[key] in HONORIFICS else None


def honorific_at(rd: FieldReading, a: int) -> bool:
    return rd.t.word[a] and _honorific(rd.t.key[a]) is not None


def _titled(rd: FieldReading, s: int, e: int, titles: frozenset[str]) -> bool:
    """A title of the honorific among the words of the mention [s, e) (display
    offsets) or the few words right before it ("سمو الأمير بندر بن سعود")."""
    t = rd.t
    a = bisect_right(t.start, s) - 1
    b = bisect_right(t.start, e - 1)
    for k in range(max(0, a - TITLE_WORDS_BEFORE), b):
        if not t.word[k]:
            continue
        if _title(t.key[k], titles):
            return True
    return False


def _title(key: str, titles: frozenset[str]) -> bool:
    """The word is one of the titles, written alone or with و/ل ("وزير", "ولسمو",
    "للأمير")."""
    return key in titles or BARE[key] in titles  # (titles hold their ل forms: _with_prepositions)


def _mention_titled(rd: FieldReading, d: Draft, titles: frozenset[str]) -> bool:
    if d.speaker is None:
        return False
    e = d.role[1] if d.role is not None and d.role[1] > d.speaker[1] else d.speaker[1]
    return _titled(rd, d.speaker[0], e, titles)


def resolve(rd: FieldReading, d: Draft, a: int) -> None:
    """d's cue has the honorific at token a as its subject: d takes the speaker it
    refers to, or none."""
    t = rd.t
    gender, titles = HONORIFICS[_honorific(t.key[a]) or ""]
    d.speaker = d.role = d.speaker_full = None
    seen = 0
    for src in reversed(rd.with_speaker):
        if seen >= MAX_CLAIMS_BACK or src.sentence < d.sentence - MAX_SENTENCES_BACK:
            break
        seen += 1
        if agrees(gender, src.gender) and _mention_titled(rd, src, titles) and not _titles_only(rd, src):
            _take(d, src, gender)
            return
    first = t.sentence_start(a)
    low = max(t.sentence_start(first - 1) if first > 0 else 0, a - MAX_TOKENS_BACK)
    named = _first_titled_name(rd, max(first, low), a, titles)
    if named is None and first > low:
        named = _first_titled_name(rd, low, first, titles)
    if named is not None:
        d.speaker = named
        d.gender = gender
        d.resolution = "pronoun"
        d.reason = None
        return
    last = rd.with_speaker[-1] if rd.with_speaker else None
    if (
        last is not None
        and last.sentence >= d.sentence - 1
        and agrees(gender, last.gender)
        and not _mention_titled(rd, last, _ALL_TITLES)
        and not _titles_only(rd, last)
    ):
        # (The claim right before, by someone the article gives no title of any
        # honorific: "وقال وزير الخارجية ...، وقال سموه" is not the minister's.)
        _take(d, last, gender)
        return
    d.resolution = None
    d.reason = "unresolved_pronoun"


def _first_titled_name(rd: FieldReading, a: int, b: int, titles: frozenset[str]) -> tuple[int, int] | None:
    """The first person in tokens [a, b) introduced by a title of the honorific and
    named after his titles: "عبر صاحب السمو الشيخ محمد بن زايد آل نهيان ولي عهد
    أبوظبي عن ..." → "الشيخ محمد بن زايد آل نهيان" (from the last title word, in
    display offsets). A title with no name after it ("معالي وزير الخارجية") is passed.
    The name is read as far as its undefined words and joiners go ("محمد بن زايد آل
    نهيان"), and one word with ال after a given name alone ("عبدالله الراشد")."""
    t = rd.t
    k = a
    while k < b:
        if not (t.word[k] and _title(t.key[k], titles)):
            k += 1
            continue
        last = k
        k += 1
        while k < b and t.word[k] and _title(t.key[k], _ALL_TITLES):
            last = k
            k += 1
        if k >= b or not t.word[k]:
            continue
        n = rd.sp.name_end(k, b)
        if n == k + 1 and n < b and t.word[n] and DEFINITE[t.key[n]] and STOP[t.key[n]] is None:
            n += 1  # a family name with ال after a given name: "خالد الناصر" (not the
            # verb's object after a whole name: "نورة بنت سعد المعرض")
        if n > k and not any(_pronoun_suffixed(t.text[m]) for m in range(k, n)):
            return t.start[last], t.end[n - 1]
    return None


def _pronoun_suffixed(word: str) -> bool:
    """A noun with a pronoun written on it ("وسمو ولي عهده": his crown prince), no
    name after a title (as written: the teh marbuta of "أسامة" is no ه; "عبدالله" is a
    name)."""
    return word.endswith("ه") and len(word) > 3 and not word.endswith("لله")


def _titles_only(rd: FieldReading, d: Draft) -> bool:
    """A speaker that is titles without a name ("سمو الأمير", "معالي"): no mention a
    consumer can tell, the titled name is looked for in the text instead."""
    if d.speaker is None:
        return True
    t = rd.t
    a = bisect_right(t.start, d.speaker[0]) - 1
    b = bisect_right(t.start, d.speaker[1] - 1)
    return all(not t.word[k] or _title(t.key[k], _ALL_TITLES) for k in range(max(a, 0), b))


def _take(d: Draft, src: Draft, gender: str) -> None:
    d.speaker, d.role, d.speaker_full = src.speaker, src.role, src.speaker_full
    d.gender = src.gender or gender
    d.resolution = "pronoun"
    d.reason = None
