"""Words, punctuation and quotations of one field, on the normalized display text.

The claims extractor reads tokens, not characters: token i keeps its [start, end) in
the display text (mapped to the original only when a span is reported) and its folded
`key` for lexicon lookups.

Tokens are kept as parallel lists (`Tokens.key[i]`, `Tokens.word[i]`, ...), not one
object per word (~1 µs each, and a 4 KB article has ~450 tokens): building the lists
with C-level `re.split`, `accumulate` and `map` over cached dicts costs a fraction of
that. Per-token work that only a few tokens need (quotation nesting, sentence
ends) is done at those tokens only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, compress, count
from typing import Callable, ClassVar

from processors.claims.lexicons import fold

# A word: letters, digits, diacritics, tatweel and joiners; hyphenated designators stay
# one word ("إس-300"), as do numbers with separators ("1,612", "2.5"). Between tokens
# there is only whitespace other than \n, so splitting on the (captured) token pattern
# yields [gap, token, gap, token, ..., gap] and the lengths give every offset.
# (Possessive quantifiers: nothing follows an alternative, so its longest match is never
# given back anyway, and the engine then keeps no backtracking state: ~10% faster.)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(
    rf"(\d++(?:[.,\u066b\u066c]\d+)*+|[\w{_MARKS}]++(?:-[\w{_MARKS}]++)*+|\n|[^\s\w])",
)

OPEN_QUOTES = {"«": "»", "“": "”", "‹": "›"}
CLOSE_QUOTES = {v: k for k, v in OPEN_QUOTES.items()}
STRAIGHT_QUOTE = '"'
COMMAS = {"،", ","}
CLAUSE_PUNCT = {"،", ",", "؛", ";"}
# Marks that may be glued before an opening straight quote.
_BEFORE_OPENING = frozenset("([{:-–—")
_QUOTE_MARKS = "".join(OPEN_QUOTES) + "".join(CLOSE_QUOTES) + STRAIGHT_QUOTE


@dataclass(slots=True)
class Quote:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark (or one past the paragraph's end)
    words: int
    parent: int  # enclosing region or -1
    # Opened by a straight quote shaped as a closing one ('بالقضية". ولفت'), see
    # reading.void_misread_quotes.
    against: bool = False


class TextCache(dict):
    """text → value, computed on first sight; news repeats its words, so after warm-up
    `map(cache.__getitem__, texts)` runs without leaving C. Bounded: a stream of
    never-repeated strings (names, numbers, typos: about one new word per article in a
    live feed) cannot grow it forever. At `MAX_ENTRIES` it starts again empty: 50,000
    words hold a news vocabulary's common core and cost at most ~11 MB per cache
    (measured); at the former 200,000 the two caches could take ~80 MB of a worker
    before their first clear, which the soak benchmark saw as a creeping RSS."""

    MAX_ENTRIES: ClassVar[int] = 50_000  # (ClassVar: mypyc keeps it on the class)

    __slots__ = ("compute",)

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, text: str):
        if len(self) > self.MAX_ENTRIES:
            self.clear()
        value = self[text] = self.compute(text)
        return value


def _is_word(t: str) -> bool:
    return t[0].isalnum() or t[0] == "_"


_WORD = TextCache(_is_word)
# Punctuation is looked up as written; only words are folded.
_KEY = TextCache(lambda t: fold(t) if _is_word(t) else t)


# Word classes that a field is scanned for, each a test of a token's key (a folded word,
# or punctuation as written) registered with `scanned`: cue forms, role triggers,
# hedge and negation openers, clause punctuation, ... Rather than one C-level scan of
# every key per class (~10 µs each for a 4 KB body), each key's classes are one bit
# mask, looked up once per token (`Tokens.having`); each class is then picked from the
# few tokens with any bit set.
_SCANNED: list[Callable[[str], object]] = []


def _kinds(key: str) -> int:
    mask = 0
    for bit, test in enumerate(_SCANNED):
        if test(key):
            mask |= 1 << bit
    return mask


_KINDS = TextCache(_kinds)


def scanned(test: Callable[[str], object]) -> int:
    """Register a word class (a test of a key, called once per distinct key) and return
    its bit for `Tokens.having`. At import time, before any field is read."""
    _SCANNED.append(test)
    _KINDS.clear()
    return 1 << (len(_SCANNED) - 1)


class Tokens:
    """The tokens of one field as parallel lists, index i being token i.

    text/key/word/start/end/sent: the token as written, folded, whether it is a word,
    its display offsets and the index of the last sentence starting at or before it.
    quote/opens/closes: the innermost quotation region strictly containing the token,
    the region it opens, the region it closes (-1 for none); set by `find_quotes`.
    sent_bounds[s], sent_bounds[s + 1]: the token range of sentence s.
    memo: per-field results of scans that other modules make once (claims_flags).
    """

    __slots__ = (
        "n",
        "text",
        "key",
        "word",
        "start",
        "end",
        "sent",
        "sent_bounds",
        "quote",
        "opens",
        "closes",
        "breaks",
        "memo",
    )

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        parts = _TOKEN.split(text)
        offsets = list(accumulate(map(len, parts)))
        self.text: list[str] = parts[1::2]
        n = self.n = len(self.text)
        self.start: list[int] = offsets[0 : 2 * n : 2]
        self.end: list[int] = offsets[1 : 2 * n : 2]
        self.key: list[str] = list(map(_KEY.__getitem__, self.text))
        self.word: list[bool] = list(map(_WORD.__getitem__, self.text))
        # Sentence s covers the tokens from the first starting at or after its start;
        # tokens before the first sentence belong to sentence 0. (max: bounds never go
        # back, whatever order the starts come in.)
        bounds = [0]
        sent: list[int] = []
        for s in range(1, len(sentences)):
            b = max(bisect_left(self.start, sentences[s][0]), bounds[-1])
            sent += [s - 1] * (b - bounds[-1])
            bounds.append(b)
        sent += [max(len(sentences) - 1, 0)] * (n - bounds[-1])
        bounds.append(n)
        self.sent = sent
        self.sent_bounds = bounds
        self.quote = [-1] * n
        self.opens = [-1] * n
        self.closes = [-1] * n
        # Paragraph breaks, in order, for sentence_end.
        self.breaks = self.index_of_marks(text, "\n")
        self.memo: dict = {}

    def index_of_marks(self, text: str, marks: str) -> list[int]:
        """Token indices of the given one-character marks, in order. Each such mark is
        a token of its own, and marks are rare: str.find over the text and a bisect
        per mark beat looking at every token."""
        found = []
        for m in marks:
            pos = text.find(m)
            while pos >= 0:
                found.append(pos)
                pos = text.find(m, pos + 1)
        if len(marks) > 1:
            found.sort()
        start = self.start
        return [bisect_left(start, pos) for pos in found]

    def sentence_start(self, i: int) -> int:
        return self.sent_bounds[self.sent[i]]

    def sentence_end(self, i: int) -> int:
        """End of the sentence of token i, or the paragraph break at or after it."""
        end = self.sent_bounds[self.sent[i] + 1]
        k = bisect_left(self.breaks, i)
        if k < len(self.breaks) and self.breaks[k] < end:
            return self.breaks[k]
        return end

    def having(self, bit: int) -> list[int]:
        """Indices, in order, of the tokens whose key is in the class `scanned` gave
        `bit`; once per field and class (a shared list: callers do not change it)."""
        memo = self.memo
        found = memo.get(bit)  # (an int key: the other memo keys are names)
        if found is None:
            groups = memo.get("groups")
            if groups is None:
                # The marked tokens grouped by their whole mask, once per field: a field
                # has few distinct masks, so each class is then the union of the few
                # groups with its bit, not a pass over every marked token per class.
                kinds = list(map(_KINDS.__getitem__, self.key))
                groups = memo["groups"] = {}
                for i in compress(count(), kinds):
                    mask = kinds[i]
                    group = groups.get(mask)
                    if group is None:
                        groups[mask] = [i]
                    else:
                        group.append(i)
            parts = [group for mask, group in groups.items() if mask & bit]
            if len(parts) == 1:
                found = parts[0]
            else:
                found = sorted(i for group in parts for i in group)
            memo[bit] = found
        return found

    def words_in(self, a: int, b: int) -> list[int]:
        """Indices of the words among tokens [a, b)."""
        return list(compress(range(a, b), self.word[a:b]))


def tokenize(text: str, sentences: list[tuple[int, int]]) -> Tokens:
    return Tokens(text, sentences)


def find_quotes(t: Tokens, text: str) -> list[Quote]:
    """Pair quotation marks within each paragraph: «» and “” by nesting, straight
    quotes as `_straight_closes` says. An unclosed « or “ runs to the end of its
    paragraph (a quotation that goes on in the next paragraph opens again there)."""
    regions: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, region index)
    straights: list[int] = []  # open straight quotations, innermost last
    opens, closes = t.opens, t.closes

    def close_all(end_index: int) -> None:
        while stack:
            _, r = stack.pop()
            regions[r].close = end_index
        while straights:
            # An unpaired straight quote shaped as an opening one opens a quotation
            # whose closing mark was never written, which runs, as an unclosed «
            # does, to the paragraph's end, where `end_unclosed_quotes` ends it
            # sooner ('وأوضح "لا أعتقد أن ...، وذكر أيضا أنه ...'). Any other is a
            # stray mark, not a quotation.
            r = straights.pop()
            if _straight_shape(t, regions[r].open) == "open":
                regions[r].close = end_index
            else:
                opens[regions[r].open] = -1
                regions[r].open = regions[r].close = -1

    # Only quotation marks and paragraph breaks (which close every open quotation)
    # matter here.
    marks = sorted(t.index_of_marks(text, _QUOTE_MARKS) + t.breaks)
    # (Most fields have no straight quote at all: nothing to pair.)
    closing, against = _straight_closes(t, marks) if STRAIGHT_QUOTE in text else (set(), set())
    for i in marks:
        m = t.text[i]
        if m == "\n":
            close_all(i)
            continue
        parent = max(stack[-1][1] if stack else -1, straights[-1] if straights else -1)
        if m in OPEN_QUOTES:
            regions.append(Quote(i, -1, 0, parent))
            opens[i] = len(regions) - 1
            stack.append((OPEN_QUOTES[m], len(regions) - 1))
        elif m in CLOSE_QUOTES and stack and stack[-1][0] == m:
            _, r = stack.pop()
            regions[r].close = i
            closes[i] = r
        elif m == STRAIGHT_QUOTE:
            if i in closing and straights:
                r = straights.pop()
                regions[r].close = i
                closes[i] = r
            else:
                regions.append(Quote(i, -1, 0, parent, i in against))
                opens[i] = len(regions) - 1
                straights.append(len(regions) - 1)
    close_all(t.n)
    if regions:
        mark_inside(t, regions)
        for x in regions:
            if x.open >= 0 and x.parent >= 0 and regions[x.parent].open < 0:
                # A quotation opened inside a stray mark's is inside the region
                # around its own opening mark. (Not the stray's parent: a straight
                # mark may have crossed it and seen it closed, '«... "... » «...'.)
                x.parent = t.quote[x.open]
    return regions


def _straight_closes(t: Tokens, marks: list[int]) -> tuple[set[int], set[int]]:
    """The straight quotes that close a quotation, and those that open one against
    their shape, paragraph by paragraph.

    Each mark's shape tells its direction (`_straight_shape`). Read so, a quotation
    that quotes a name nests: '"سيكون لدينا أول مونديال مع استخدام "في اي آر"، نحن
    سعداء"' (by alternation the first mark paired with «في»'s, and the speech was cut
    at «استخدام»). A mark whose shape does not tell ('" عبدالسلام "') closes the
    innermost open one, if any, and opens otherwise. A closing mark with nothing open
    opens all the same, for the opening mark is often typed glued to the word before
    ('وقال" إن ...".'); `void_misread_quotes` drops such a quotation where the
    narration resumes inside it (its mark did close). When the shapes leave a
    quotation of the paragraph unclosed: with an even number of marks, one was typed
    glued to the wrong side ('"جئنا بروح إيجابية "بينما قال ... "ان ..."', the
    closing mark glued to the next word) and the marks alternate instead, open,
    close, open, ...; with an odd number, a closing mark was never written ('أن
    "الطائرات ساعدت ... الرئيسة. وأوضح: "نريد ..."'), the other pairs stand and the
    unclosed one is read by `find_quotes` (alternation shifted every later pair by
    one and quoted the narration between them)."""
    closing: set[int] = set()
    against: set[int] = set()
    run: list[int] = []  # the straight quotes of the current paragraph
    text = t.text
    for i in [*marks, t.n]:
        if i < t.n and text[i] == STRAIGHT_QUOTE:
            run.append(i)
            continue
        if i < t.n and text[i] != "\n" or not run:
            continue  # (a paragraph without straight quotes has nothing to pair)
        depth = 0
        shapes = [_straight_shape(t, j) for j in run]
        closed = []
        for j, shape in zip(run, shapes):
            if depth and shape != "open":
                depth -= 1
                closed.append(j)
            else:
                depth += 1
        if depth and len(run) % 2 == 0:
            closed = run[1::2]
        closing.update(closed)
        shut = set(closed)
        against.update(j for j, shape in zip(run, shapes) if shape == "close" and j not in shut)
        run = []
    return closing, against


# Proclitics written glued to a quotation's opening mark: 'وصفه بـ"الجبان"', 'قال
# لـ"سبق"', 'و"الأهلي ينطلق"', 'فالـ"غالاكسي"' (tatweel is gone from the display).
_GLUED_PROCLITICS = frozenset(
    {"ب", "ل", "و", "ف", "ك", "وب", "ول", "فب", "فل", "وك", "لل", "ولل", "ال", "وال", "بال", "فال", "كال", "وبال"}
)
# Marks after which a straight quote glued to them closes: '(أف بي آي)".', 'الآن؟".'
_BEFORE_CLOSING = frozenset(".،,؛;؟?!)]}…")


def _straight_shape(t: Tokens, i: int) -> str | None:
    """ "open" for a straight quote with a word glued after it and nothing glued
    before (' "في'), or only a proclitic ('بـ"الخيال') or an opening mark ('("في',
    ':"نعم', ':" لم'); "close" for one glued to what precedes it and not to a word
    after ('آر"،', 'القرار".', 'الآن؟".') or with only punctuation after (' ".');
    None when its shape does not tell (' " ', 'العرض"إنها')."""
    text = t.text
    glued_before = i > 0 and t.end[i - 1] == t.start[i] and text[i - 1] != "\n"
    glued_after = i + 1 < t.n and t.start[i + 1] == t.end[i] and text[i + 1] != "\n"
    word_before = glued_before and t.word[i - 1]
    word_after = glued_after and t.word[i + 1]
    if not glued_before:
        if word_after:
            return "open"
        # (' ".', ' "،': a space typed before the closing mark; ' " ' tells nothing)
        return "close" if glued_after and text[i + 1] in _BEFORE_CLOSING else None
    if word_before:
        if not word_after:
            return "close"
        return "open" if text[i - 1] in _GLUED_PROCLITICS else None
    if text[i - 1] in _BEFORE_OPENING:
        return "open" if word_after or not glued_after else None  # ('("في اي آر")', ':"نعم"', ':" لم')
    if not word_after and (not glued_after or text[i - 1] in _BEFORE_CLOSING):
        return "close"
    return None


def mark_inside(t: Tokens, regions: list[Quote]) -> None:
    """Give each token its innermost enclosing region and each region its word count
    (linear, even for thousands of unclosed «). The innermost region only changes at
    an opening or closing mark, so runs between those are filled by slice."""
    closes_at: dict[int, list[int]] = {}
    for r, q in enumerate(regions):
        if q.open >= 0:
            closes_at.setdefault(q.close, []).append(r)
    words_before = [0, *accumulate(t.word)]
    for q in regions:
        if q.open >= 0:
            q.words = words_before[q.close] - words_before[q.open + 1]
    n = t.n
    quote, opens = t.quote, t.opens
    events = sorted({j for j in closes_at if j < n} | {q.open for q in regions if q.open >= 0})
    stack: list[int] = []
    on_stack: set[int] = set()
    gone: set[int] = set()  # closed while not on top: left on the stack, skipped at the top
    done = 0  # tokens before this index have their region
    for j in events:
        if stack:
            quote[done:j] = [stack[-1]] * (j - done)
        for r in closes_at.get(j, ()):
            if r not in on_stack:
                continue
            on_stack.discard(r)
            if stack[-1] == r:
                stack.pop()
            else:
                gone.add(r)  # a straight quote crossing a «» (list.remove: quadratic)
            while stack and stack[-1] in gone:
                gone.discard(stack.pop())
        quote[j] = stack[-1] if stack else -1
        if opens[j] >= 0:
            stack.append(opens[j])
            on_stack.add(opens[j])
        done = j + 1
    if stack:
        quote[done:n] = [stack[-1]] * (n - done)
