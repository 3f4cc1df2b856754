"""Who is speaking: the speaker phrase around a cue, its role, and the names an article
gives in full so that a later surname can be linked to them."""

from __future__ import annotations

from dataclasses import dataclass

from processors.claims_lexicons import CUE_BLOCKERS, Cue
from processors.claims_tokens import COMMAS, Quote, Token
from processors.claims_words import (
    bare,
    circumstance,
    complementizer,
    definite,
    digit,
    nisba,
    nominal_head,
    role,
    stop_kind,
)

MAX_SPEAKER_WORDS = 10
MAX_NAME_WORDS = 4
# Words that make one name with the word after them, even a definite one.
_NAME_JOINERS = frozenset({"عبد", "ابو", "بن", "ابن"})


@dataclass(slots=True)
class SpeakerParse:
    speaker: tuple[int, int] | None  # token range [a, b)
    role: tuple[int, int] | None
    next: int  # first token after the speaker phrase (and its apposition)
    phrase: tuple[int, int] | None = None  # the whole phrase, role included


class SpeakerReader:
    """Reads speaker phrases in one field. `cues[i]`/`according[i]` are the cue and the
    according-to marker at token i, computed once by the caller."""

    def __init__(self, tokens: list[Token], quotes: list[Quote], cues: list, according: list):
        self.t = tokens
        self.q = quotes
        self.cues = cues
        self.according = according
        self._phrase_start = 0

    # ----------------------------------------------------------------- forward (VSO)
    def forward(self, i: int, limit: int, cue: Cue | None) -> SpeakerParse:
        """The subject after a verb cue: "وقال المتحدث باسم وزارة الدفاع الروسية،
        إيغور كوناشينكوف إن ..."."""
        t = self.t
        j = i
        # "قال لي الرئيس": a dative pronoun may come between the verb and its subject.
        while j < limit and stop_kind(t[j]) == "pronoun":
            j += 1
        start = j
        self._phrase_start = start
        last = -1
        n = 0
        while j < limit and n < MAX_SPEAKER_WORDS:
            tok = t[j]
            if not tok.word:
                if tok.opens >= 0 and last >= 0 and self._name_quote(tok.opens, limit):
                    # وكالة "بيلتا" البيلاروسية: a quoted name inside the phrase.
                    last = self.q[tok.opens].close
                    j = last + 1
                    continue
                if tok.text in COMMAS and last >= 0:
                    app = self._apposition(start, last + 1, j, limit)
                    if app is not None:
                        return app
                break
            if complementizer(tok) or self.cues[j] is not None or self.according[j] is not None:
                break
            if digit(tok) and last >= 0:
                break
            if bare(tok.key) in CUE_BLOCKERS:
                break  # "واستغرب المراقبون مما أعلن": a relative clause follows
            if last >= 0 and self._linker(j, start, limit):
                # "المتحدث باسم الجيش", "المندوب الروسي لدى الأمم المتحدة"
                last = j + 1
                j += 2
                n += 2
                continue
            kind = stop_kind(tok)
            if kind == "addressee" and last == start and nominal_head(t[start].key):
                kind = None  # "تقرير لوكالة تصنيف دولية": "of", not "told to"
            if kind == "prep":
                if self._continues_with_prep(j, last, limit):
                    last = j
                    j += 1
                    n += 1
                    continue
                break
            if kind is not None:
                break
            if last >= 0 and cue is not None and self._opens_nominal(tok, cue, start, last):
                break
            last = j
            j += 1
            n += 1
        if last < 0:
            return SpeakerParse(None, None, start)
        speaker, role_range = self.split_role(start, last + 1)
        return SpeakerParse(speaker, role_range, last + 1, (start, last + 1))

    def _linker(self, j: int, start: int, limit: int) -> bool:
        """A linker inside a role phrase takes the next word with it. لدى is a linker
        only before a definite organisation ("لدى الأمم المتحدة"); before anything else
        it is "upon" ("الوزير لدى وصوله") and ends the speaker."""
        t = self.t
        if role(t[j]) != "linker" or j + 1 >= limit or not t[j + 1].word:
            return False
        if bare(t[j].key) == "لدي":
            return role(t[start]) == "trigger" and definite(t[j + 1])
        return True

    def _continues_with_prep(self, j: int, last: int, limit: int) -> bool:
        """في/من continue an indefinite phrase ("وسائل إعلام في أوكرانيا", "مسؤول في
        الوزارة") but end a definite one ("المفاوض الروسي في كلمته")."""
        t = self.t
        if last < 0 or bare(t[j].key) not in ("في", "من"):
            return False
        # ... and a role phrase: "مديرة البحوث في أحد بنوك الاستثمار، منى الشريف".
        if definite(t[last]) and role(t[self._phrase_start]) != "trigger":
            return False
        if not t[last].word:
            return False
        nxt = j + 1
        if nxt >= limit or not t[nxt].word:
            return False
        return not (
            circumstance(t[nxt])
            or stop_kind(t[nxt]) is not None
            or complementizer(t[nxt])
            or self.cues[nxt] is not None
        )

    def _opens_nominal(self, tok: Token, cue: Cue, start: int, last: int) -> bool:
        """Where a cue takes a noun-phrase content, the content may follow the speaker
        directly: "أعلنت الوزارة تدمير 1612 منشأة". A verbal noun after a definite word
        starts the content; after an indefinite one it is a genitive ("تقرير لوكالة
        تصنيف دولية", "وسائل إعلام")."""
        if cue.nominal == "no":
            return False
        # "أفادت مصادر بوقوع انفجار": the preposition is written on the noun.
        if "ب" in cue.preps and tok.key.startswith("ب") and nominal_head(tok.key[1:]):
            return True
        if cue.nominal != "bare" or definite(tok) or not nominal_head(tok.key):
            return False
        return definite(self.t[last])

    def _name_quote(self, r: int, limit: int) -> bool:
        q = self.q[r]
        if q.words == 0 or q.words > 3 or q.close >= limit:
            return False
        after = q.close + 1
        if after >= limit:
            return False
        nxt = self.t[after]
        return nxt.word and (complementizer(nxt) or stop_kind(nxt) is None)

    def _apposition(self, start: int, end: int, comma: int, limit: int) -> SpeakerParse | None:
        t = self.t
        k = comma + 1
        if k >= limit:
            return None
        # ROLE، NAME: "المتحدث باسم وزارة الدفاع الروسية، إيغور كوناشينكوف إن".
        if role(t[start]) == "trigger":
            e = self.full_name_end(k, limit, apposition=True)
            if e > k and (e >= limit or self._boundary(e)):
                return SpeakerParse((k, e), (start, end), e, (start, e))
        # NAME، ROLE،: "قال إيغور كوناشينكوف، المتحدث باسم وزارة الدفاع، إن".
        if role(t[k]) == "trigger" and role(t[start]) != "trigger":
            r_end = self.role_end(k, limit)
            nxt = r_end
            if nxt < limit and t[nxt].text in COMMAS:
                nxt += 1
            return SpeakerParse((start, end), (k, r_end), nxt, (start, r_end))
        return None

    def _boundary(self, e: int) -> bool:
        tok = self.t[e]
        return (
            not tok.word
            or complementizer(tok)
            or stop_kind(tok) is not None
            or self.cues[e] is not None
            or self.according[e] is not None
        )

    # ------------------------------------------------------------------ roles, names
    def role_end(self, a: int, limit: int) -> int:
        """End of a role phrase opened by a trigger at a: definite modifiers and
        genitives ("الرئيس الروسي", "الأمين العام للأمم المتحدة"), a linker with its
        object ("المتحدث باسم وزارة الدفاع"), and at most two indefinite words of a
        construct chain ("وزير خارجية روسيا"). What follows is a name, if anything."""
        t = self.t
        k = a + 1
        chain = 0
        prev_def = definite(t[a])
        while k < limit:
            tok = t[k]
            if not tok.word or complementizer(tok) or self.cues[k] is not None:
                break
            if role(tok) == "linker" and self._linker(k, a, limit):
                k += 1
                if k < limit and t[k].word:
                    prev_def = definite(t[k])
                    chain = 0 if prev_def else 1
                    k += 1
                continue
            if definite(tok) and stop_kind(tok) is None:
                prev_def = True
                k += 1
                continue
            if not prev_def and chain < 2 and stop_kind(tok) is None and not digit(tok):
                chain += 1
                k += 1
                continue
            break
        return k

    def name_end(self, k: int, limit: int) -> int:
        """End of a personal name starting at k: up to four words, none definite and
        none a function word ("إيغور كوناشينكوف", "فلادمير بوتين")."""
        t = self.t
        e = k
        while e < limit and e - k < MAX_NAME_WORDS:
            tok = t[e]
            if tok.word and tok.key in _NAME_JOINERS and e + 1 < limit and t[e + 1].word and e > k - 1:
                # "عبد الفتاح", "أبو الغيط": the joiner and the next word are one name.
                e += 2
                continue
            if (
                not tok.word
                or definite(tok)
                or digit(tok)
                or complementizer(tok)
                or stop_kind(tok) is not None
                or self.cues[e] is not None
                or self.according[e] is not None
                or role(tok) is not None
                or bare(tok.key) in CUE_BLOCKERS
            ):
                break
            e += 1
        return e

    def split_role(self, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """"الرئيس الروسي فلادمير بوتين" → speaker "فلادمير بوتين", role "الرئيس
        الروسي". A role with no name after it is the speaker itself ("وزير الخارجية")."""
        if role(self.t[a]) == "trigger":
            r = self.role_end(a, b)
            if a < r < b and self.full_name_end(r, b) == b:
                return (r, b), (a, r)
        return (a, b), None

    def full_name_end(self, k: int, limit: int, apposition: bool = False) -> int:
        """name_end, letting the last word carry ال when a boundary follows it: family
        names often do ("عبد الفتاح البرهان", "بشار الأسد")."""
        t = self.t
        e = self.name_end(k, limit)
        if k < e < limit and e - k < MAX_NAME_WORDS and definite(t[e]) and stop_kind(t[e]) is None:
            after = e + 1
            if k + 1 < e and (after >= limit or self._boundary(after)):
                return after
            # After one name word only right before the content ("بشار الأسد إن"):
            # "انتقد زعيم المعارضة قرار الحكومة،" is an object, not a name.
            if after < len(t) and (complementizer(t[after]) or t[after].text == ":"):
                return after
            if apposition and after < len(t) and t[after].text in COMMAS:
                return after  # "...، منى الشريف، إن"
        return e

    def names(self) -> list[tuple[int, int]]:
        """Every role + full name in the field ("ودعا الرئيس الروسي فلادمير بوتين"), even
        outside claims, for linking a later surname."""
        out = []
        t = self.t
        n = len(t)
        for i, tok in enumerate(t):
            if tok.word and role(tok) == "trigger":
                limit = i + 1
                while limit < n and t[limit].word and t[limit].sentence == tok.sentence and limit - i < 12:
                    limit += 1
                r = self.role_end(i, limit)
                e = self.full_name_end(r, limit)
                if e - r >= 2:
                    out.append((r, e))
        return out

    def subject_only(self, a: int, b: int) -> tuple[int, int]:
        """The subject of a non-reporting verb, without its object: "وانتقد زعيم
        المعارضة قرار الحكومة" → "زعيم المعارضة"; "وخاطب الرئيس الحشود" → "الرئيس".
        After a definite word only a relational adjective continues ("الرئيس الروسي"),
        or, after a role, a name ("الرئيس الروسي فلاديمير بوتين")."""
        t = self.t
        is_role = role(t[a]) == "trigger"
        e = a + 1
        while e < b:
            prev, tok = t[e - 1], t[e]
            if not tok.word:
                break
            if definite(prev) and prev.word:
                if definite(tok):
                    if not nisba(tok):
                        break
                elif not (is_role and self.full_name_end(e, b) == b):
                    break
            e += 1
        return a, e

    # ---------------------------------------------------------------- backward (SVO)
    def backward(self, i: int, sent_start: int, after_an: bool = False) -> tuple[int, int] | None:
        """The subject before a cue: "الوزارة قد أعلنت أن", "جددت فيه موسكو تأكيدها".
        None when what precedes is not a subject, e.g. the object of a preposition:
        "وفي تصريحات صحفية أكد أن" (then the speaker is carried over)."""
        t = self.t
        j = i - 1
        if j >= sent_start and t[j].word and bare(t[j].key) in ("قد", "لقد"):
            j -= 1
        end = j + 1
        first = -1
        while j >= sent_start:
            tok = t[j]
            if not tok.word:
                if tok.closes >= 0 and first >= 0 and 0 < self.q[tok.closes].words <= 3:
                    first = self.q[tok.closes].open
                    j = first - 1
                    continue
                break
            if complementizer(tok) or self.cues[j] is not None or self.according[j] is not None:
                break
            if digit(tok) or bare(tok.key) in CUE_BLOCKERS:
                break
            kind = stop_kind(tok)
            if kind == "prep":
                if (
                    first >= 0
                    and bare(tok.key) in ("في", "من")
                    and j - 1 >= sent_start
                    and t[j - 1].word
                    and not definite(t[j - 1])
                    and stop_kind(t[j - 1]) is None
                ):
                    first = j  # "وسائل إعلام في أوكرانيا أعلنت"
                    j -= 1
                    continue
                if after_an and first >= 0 and bare(tok.key) == "عن":
                    break  # "ونقل التلفزيون عن الرئيس قوله إن": the owner of قوله
                return None
            if kind is not None:
                break
            first = j
            if tok.key.startswith("وال") or tok.key.startswith("فال"):
                break  # "والرئيس أكد": the conjunction opens the clause
            if end - j > 6:
                return None
            j -= 1
        if first < 0:
            return None
        return first, end
