"""Arabic normalization with an exact map back to the original text.

INTERFACE (other processors rely on it; keep it stable):

    n = normalize(original)
    n.original   the text as received
    n.display    cleaned text: NFKC (presentation forms folded), HTML tags/entities left by
                 scrapers removed, zero-width/control characters, tatweel and every Arabic
                 diacritic removed, Arabic-Indic and Persian digits as ASCII (٫ → ".",
                 ٬ → ","), Arabic punctuation (، ؛ ؟ « ») kept, whitespace runs collapsed to
                 one space, or to one "\\n" when the run holds a line break (paragraphs)
    n.key        display with letters folded for matching (أإآٱ → ا, ى → ي, ة → ه, ی → ي,
                 ک → ك; see lexicons/charmap_key.tsv for why each way); SAME LENGTH as
                 display, so a span of key is the same span of display
    n.to_original(start, end) -> (ostart, oend): the [start, end) span of display/key
                 mapped to the original, so original[ostart:oend] is what was written

    arabic_share(text) -> float in [0, 1]: share of Arabic letters among letters

What is kept as written: emoji, €, Latin, Cyrillic (anything not listed in the tables),
typos ("بيلاوسيا"), words run together ("الروسيوالأوكراني") and "وقفآ" (alef madda typed
for alef + tanween): display never rewrites words; the key's alef fold turns "وقفآ" into
"وقفا", the key of the correct "وقفاً", so search still meets it.

How camel-tools is used, and why not more: its functions return plain strings and keep
no offsets, while every span khabar reports must point into the original. So the
normalizer applies camel-tools' `normalize_unicode` (NFKC plus its rial/basmala fixes)
per *normalization cluster* (a starter and the combining marks after it), where a
cluster's output maps back to the cluster as a whole, and everything else is done with
character tables (lexicons/charmap_*.tsv) that tests check against camel-tools'
`dediac_ar` charset and `normalize_alef_ar`/`normalize_alef_maksura_ar`/
`normalize_teh_marbuta_ar`. camel-tools' `arclean` map is deliberately not used: it turns
"١٬٦١٢" into "1'612" and "٣٫٥" into "3,5", and deletes every character it does not know.

Steps, each keeping a piecewise map to its input (composed into one map to the
original): HTML tags and entities → the display table (delete, whitespace, expand) → NFKC
cluster by cluster, only where the text is not NFKC already → the display table again →
digits (1:1). Deleted diacritics and tatweel belong to the letter before them in the map
("ستُنفذ": ت maps back to "تُ"). The steps repeat until display is a fixed point
(normalize(display).display == display), at most _MAX_PASSES times: only markup escaped
more deeply than that ("&#38;#38;#38;#38;lt;") is left partly decoded.

Cost: a text that is already NFKC and clean costs a few C-speed scans; work in Python is
per *change* (a diacritic, a double space), not per character. Every regex is linear.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import Protocol, Sequence

from camel_tools.utils.normalize import normalize_unicode

from processors.interrupt import checkpoint
from processors.text.fold import LETTER_FOLDS, fold_letters
from processors.text.lexicon import codepoint as _cp
from processors.text.lexicon import read_rows
from processors.text.matching import match_end as _end


def _rows(name: str) -> list[list[str]]:
    return read_rows(name, header=True)


def _class(ranges: list[tuple[int, int]]) -> str:
    """A regex character class body for code point ranges (escaped, surrogates included)."""

    def esc(cp: int) -> str:
        return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)


# --- the display table (lexicons/charmap_display.tsv) --------------------------------

DISPLAY_ROWS = _rows("charmap_display.tsv")
_DELETE: list[tuple[int, int]] = []
_SPACE: list[tuple[int, int]] = []
_NEWLINE: list[tuple[int, int]] = []
_MAP: dict[int, str] = {}
_EXPAND: dict[str, str] = {}
for _first, _last, _action, _to, _why in DISPLAY_ROWS:
    _span = (_cp(_first), _cp(_last))
    if _action == "delete":
        _DELETE.append(_span)
    elif _action == "space":
        _SPACE.append(_span)
    elif _action == "newline":
        _NEWLINE.append(_span)
    elif _action == "map":
        _MAP.update({cp: _to for cp in range(_span[0], _span[1] + 1)})
    elif _action == "expand":
        _EXPAND.update({chr(cp): _to for cp in range(_span[0], _span[1] + 1)})
    else:
        raise ValueError(f"charmap_display.tsv: unknown action {_action!r}")

_DEL = _class(_DELETE)
_WS = _class(_SPACE + _NEWLINE)
# Whitespace other than the two characters display keeps (" " and "\n").
_WSX = _class([r for r in _SPACE + _NEWLINE if r not in ((0x20, 0x20), (0x0A, 0x0A))])
_EXP = _class([(ord(c), ord(c)) for c in _EXPAND])

# The marks NFKC composes with a preceding letter (ا + ٔ → أ, و + ٔ → ؤ): while a text
# still needs NFKC they must not be deleted, only those left over after it.
# (tests/unit/processors/text/test_normalize.py checks these are all the deleted characters
# that are the second of a canonical composition.)
_COMPOSING = frozenset({0x0653, 0x0654, 0x0655})
_COMPOSING_MARK = re.compile(f"[{_class([(cp, cp) for cp in sorted(_COMPOSING)])}]")


def _without(ranges: list[tuple[int, int]], cps: frozenset[int]) -> list[tuple[int, int]]:
    out = []
    for a, b in ranges:
        start = a
        for cp in range(a, b + 1):
            if cp in cps:
                if cp > start:
                    out.append((start, cp - 1))
                start = cp + 1
        if start <= b:
            out.append((start, b))
    return out


class _CleanPatterns:
    """The regexes of the clean step for one set of deleted characters."""

    def __init__(self, deleted: str) -> None:
        # A character that always changes. Scanning for it alone is a fast C loop.
        self.change = re.compile(f"[{deleted}{_WSX}{_EXP}]")
        # Used instead when the text has whitespace pairs ("  ", "\n\n"): slower, as it
        # stops at every space, so only taken when needed.
        self.change_or_pair = re.compile(f"[{_WS}{deleted}]{{2,}}|[{deleted}{_WSX}{_EXP}]")
        # A run of whitespace and deleted characters.
        self.run = re.compile(f"[{_WS}{deleted}]*")


_CLEAN_ALL = _CleanPatterns(_DEL)
_CLEAN_BEFORE_NFKC = _CleanPatterns(_class(_without(_DELETE, _COMPOSING)))
_ANY_WS = re.compile(f"[{_WS}]")
_ANY_NEWLINE = re.compile(f"[{_class(_NEWLINE)}]")
_DIGIT_RUN = re.compile(f"[{_class([(cp, cp) for cp in sorted(_MAP)])}]+")
_DIGIT_TABLE = str.maketrans(_MAP)

# --- the key table (lexicons/charmap_key.tsv) ----------------------------------------

KEY_FOLDS = LETTER_FOLDS


def fold_key(display: str) -> str:
    """display → key: one character for one, so offsets are shared (the letter part of
    the one fold, processors/text/fold.py)."""
    return fold_letters(display)


# --- HTML left by scrapers (lexicons/normalize_html_tags.tsv) -------------------------

HTML_TAGS = {name.lower(): becomes for name, becomes, _why in _rows("normalize_html_tags.tsv")}
_TAG_OUTPUT = {"newline": "\n", "space": " ", "delete": ""}
# Every repetition is bounded and stops at the next "<" or ">", so a megabyte of "<p"
# or "&amp;" stays linear. "&amp;lt;" (HTML escaped twice, common in feeds) is one match.
_MARKUP = re.compile(
    r"<!--[^<>]{0,2000}?-->"
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9]{0,15})(?P<attrs>\s[^<>]{0,2000})?\s*/?>"
    r"|&(?:amp;)*(?P<entity>#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
)


@lru_cache(maxsize=4096)
def _decode_entity(entity: str) -> str:
    text = html.unescape("&" + entity)
    # &nbsp; is by far the most common entity: as a plain space it leaves the text
    # NFKC-stable, which spares the NFKC step (display has no no-break spaces anyway).
    return " " if text == "\u00a0" else text


def _markup_output(m: re.Match[str]) -> str | None:
    """What a markup match becomes, or None when it is text after all."""
    entity = m.group("entity")
    if entity is not None:
        return _decode_entity(entity)
    tag = m.group("tag")
    if tag is None:
        return ""  # a comment
    attrs = m.group("attrs")
    becomes = HTML_TAGS.get(tag.lower())
    # "a<b and c>d" is not a tag: known name, and attributes only when they look like ones.
    if becomes is None or (attrs and "=" not in attrs):
        return None
    return _TAG_OUTPUT[becomes]


# --- the offset map -------------------------------------------------------------------


class _Map:
    """Piecewise map from a derived text to its source text.

    Segment k covers derived characters [ds[k], ds[k+1]). A verbatim segment of length L
    maps its i-th character to source [os[k] + i, os[k] + i + 1), except its last, which
    maps to [os[k] + L - 1, oe[k]): oe[k] > os[k] + L when characters deleted right after
    it belong to it (the damma of "تُ"). Any other segment maps each of its characters to
    the whole of source [os[k], oe[k]) (an entity "&amp;" → "&", a whitespace run, an
    expansion, an NFKC cluster). Source characters covered by no segment were deleted on
    their own (an HTML tag); a span of derived text covers those between its ends.
    """

    __slots__ = ("ds", "os", "oe", "vb", "length")

    def __init__(self) -> None:
        self.ds: list[int] = []
        self.os: list[int] = []
        self.oe: list[int] = []
        self.vb: list[bool] = []
        self.length = 0

    @classmethod
    def identity(cls, n: int) -> _Map:
        m = cls()
        if n:
            m.ds, m.os, m.oe, m.vb = [0], [0], [n], [True]
        m.length = n
        return m

    @classmethod
    def from_offsets(cls, offsets: Sequence[int]) -> _Map:
        """The first version's form: offsets[i] = index in the original of display[i]
        (one character each), offsets[-1] = len(original). Kept for test doubles."""
        b = _Builder("")
        for d in range(len(offsets) - 1):
            b.segment(1, offsets[d], offsets[d] + 1, True)
        return b.map

    def is_identity(self) -> bool:
        return len(self.ds) == 1 and self.vb[0] and self.os[0] == 0 and self.oe[0] == self.length

    def _last(self, k: int) -> int:
        return (self.ds[k + 1] if k + 1 < len(self.ds) else self.length) - 1

    def start(self, d: int) -> int:
        k = bisect_right(self.ds, d) - 1
        return self.os[k] + d - self.ds[k] if self.vb[k] else self.os[k]

    def end(self, d: int) -> int:
        k = bisect_right(self.ds, d) - 1
        if self.vb[k] and d < self._last(k):
            return self.os[k] + d - self.ds[k] + 1
        return self.oe[k]

    def then(self, inner: _Map) -> _Map:
        """self maps C → B and inner maps B → A: the map C → A."""
        if inner.is_identity():
            return self
        out = _Builder("")
        ds, os_, oe, vb = self.ds, self.os, self.oe, self.vb
        ids, ios, ioe, ivb = inner.ds, inner.os, inner.oe, inner.vb
        for k in range(len(ds)):
            size = (ds[k + 1] if k + 1 < len(ds) else self.length) - ds[k]
            if not vb[k]:
                out.segment(size, inner.start(os_[k]), inner.end(oe[k] - 1), False)
                continue
            b0, b1 = os_[k], os_[k] + size
            j = bisect_right(ids, b0) - 1
            while b0 < b1:
                j_end = ids[j + 1] if j + 1 < len(ids) else inner.length
                stop = min(b1, j_end)
                if ivb[j]:
                    o = ios[j] + b0 - ids[j]
                    out.segment(stop - b0, o, ioe[j] if stop == j_end else o + stop - b0, True)
                else:
                    out.segment(stop - b0, ios[j], ioe[j], False)
                b0 = stop
                j += 1
            if oe[k] > b1:  # characters deleted after the last one belong to it
                out.extend_last(inner.end(oe[k] - 1))
        return out.map


class _Builder:
    """Builds a derived text left to right from pieces of a source text, with its _Map."""

    __slots__ = ("source", "parts", "map", "t_end")

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.map = _Map()
        self.t_end = -1  # source end of the last piece, to know what a deletion follows

    def segment(self, n: int, o0: int, o1: int, verbatim: bool) -> None:
        m = self.map
        d = m.length
        if (
            verbatim
            and m.vb
            and m.vb[-1]
            and m.oe[-1] == o0
            and m.os[-1] + d - m.ds[-1] == o0  # the previous piece has no tail
        ):
            m.oe[-1] = o1
        else:
            m.ds.append(d)
            m.os.append(o0)
            m.oe.append(o1)
            m.vb.append(verbatim)
        m.length = d + n

    def extend_last(self, end: int) -> None:
        """The last character's source now runs to `end`."""
        m = self.map
        if m.vb[-1] or m.length - m.ds[-1] == 1:
            m.oe[-1] = max(m.oe[-1], end)
        else:  # the others of a replaced piece keep their source: split the last off
            m.ds.append(m.length - 1)
            m.os.append(m.os[-1])
            m.oe.append(max(m.oe[-1], end))
            m.vb.append(False)

    def verbatim(self, a: int, b: int) -> None:
        if b > a:
            self.segment(b - a, a, b, True)
            self.parts.append(self.source[a:b])
            self.t_end = b

    def replace(self, out: str, a: int, b: int) -> None:
        if out:
            self.segment(len(out), a, b, False)
            self.parts.append(out)
            self.t_end = b

    def attach(self, a: int, b: int) -> None:
        """Deleted source [a, b) directly after the last piece: it belongs to the last
        character written ("ستُنفذ": the damma is part of what was written for ت)."""
        if self.map.ds and self.t_end == a:
            self.extend_last(b)
            self.t_end = b

    def text(self) -> str:
        return "".join(self.parts)


# --- the steps: each returns (derived text, map to its input), or None if unchanged ---


def _strip_markup(text: str) -> tuple[str, _Map] | None:
    b = _Builder(text)
    pos = 0
    for m in _MARKUP.finditer(text):
        out = _markup_output(m)
        if out is None or out == m.group():
            continue
        b.verbatim(pos, m.start())
        b.replace(out, m.start(), m.end())
        pos = m.end()
    if pos == 0:
        return None
    b.verbatim(pos, len(text))
    return b.text(), b.map


# Characters that are NFKC-stable starters no mark composes *into*: a cluster boundary
# can be placed before each. Runs of anything else are checked with is_normalized and,
# if needed, re-normalized cluster by cluster.
_SAFE = "\x00-\x7f\u060c\u061b\u061f\u0621-\u063a\u0641-\u064a\u0660-\u066d\u06f0-\u06f9\u00ab\u00bb"
_UNSAFE_RUN = re.compile(f"[^{_SAFE}]+")
# Starters that still combine with what precedes them under NFKC: Hangul vowel and final
# jamo (also as compatibility and halfwidth letters) and the halfwidth kana voicing marks.
_NOT_BOUNDARY = re.compile("[\u1100-\u11ff\u3130-\u318f\uffa0-\uffdc\uff9e\uff9f]")


def _is_boundary(c: str) -> bool:
    return unicodedata.combining(c) == 0 and not unicodedata.category(c).startswith("M") and not _NOT_BOUNDARY.match(c)


# A cluster's combining marks are put in canonical order by an insertion sort inside
# unicodedata: "ا" followed by a hundred thousand alternating hamza above and below
# (U+0654/U+0655, which display keeps for NFKC to compose) took minutes. Unicode's
# stream-safe format (UAX #15) bounds a cluster at 30 marks; those after the 30th are
# deleted (in the map they belong to the letter, like any deleted diacritic). No
# writing needs more. (Text that is NFKC already is never sorted, so never cut.)
_MAX_MARKS = 30


def _nfkc(text: str) -> tuple[str, _Map]:
    b = _Builder(text)
    pos = 0
    for m in _UNSAFE_RUN.finditer(text):
        # The safe starter before the run may compose with it: ا + ٔ (U+0654) → أ.
        start, end = max(m.start() - 1, pos), m.end()
        if unicodedata.is_normalized("NFKC", text[start:end]):
            continue
        b.verbatim(pos, start)
        cluster = start
        for i in range(start + 1, end + 1):
            if i == end or _is_boundary(text[i]):
                cut = min(i, cluster + 1 + _MAX_MARKS)
                segment = text[cluster:cut]
                out = normalize_unicode(segment)
                if out == segment:
                    b.verbatim(cluster, cut)
                else:
                    b.replace(out, cluster, cut)
                if cut < i:
                    b.attach(cut, i)
                cluster = i
        pos = end
    b.verbatim(pos, len(text))
    return b.text(), b.map


# --- bounds on pathological text -----------------------------------------------------


def _ranges_of(cps: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


# Characters that NFKC (or the display table) writes as several: "ﻻ" → "لا", "…" →
# "...", and the formula ligatures, up to 22 characters for one ("ﷺ" → "صلى الله عليه
# وسلم", "﷽" → "بسم الله الرحمن الرحيم"). A text of nothing else would make display,
# and key, 22 times as long as what was sent (and the enriched event twice that), so
# display may grow by at most the original's length plus _GROWTH_SLACK: display <=
# 2 x original + _GROWTH_SLACK characters. Past that budget, each further expanding
# character becomes a space (a word gap, as the formula was). Real text never comes
# near it. Growth per character is an upper bound: composing marks only shortens.
_GROWTH_SLACK = 64
_GROWTH: dict[str, int] = {c: len(v) - 1 for c, v in _EXPAND.items() if len(v) > 1}
for _cp_ in range(0x30000):
    _c = chr(_cp_)
    if unicodedata.decomposition(_c) and _c not in _GROWTH:
        _n = len(unicodedata.normalize("NFKC", _c))
        if _n > 1:
            _GROWTH[_c] = _n - 1
_EXPANDING = re.compile(f"[{_class(_ranges_of(sorted(map(ord, _GROWTH))))}]")


def _cap_expansions(text: str, allowed: int) -> tuple[str, _Map] | None:
    """Expanding characters in text order while their growth fits `allowed`; a space
    for each one that does not."""
    grown = 0
    b: _Builder | None = None
    pos = 0
    growth = _GROWTH
    for m in _EXPANDING.finditer(text):
        g = growth[m.group()]
        if grown + g <= allowed:
            grown += g
            continue
        if b is None:
            b = _Builder(text)
        a = m.start()
        b.verbatim(pos, a)
        b.replace(" ", a, a + 1)
        pos = a + 1
    if b is None:
        return None
    b.verbatim(pos, len(text))
    return b.text(), b.map


def _has_pair(text: str) -> bool:
    return "  " in text or "\n\n" in text or " \n" in text or "\n " in text


def _clean(text: str, patterns: _CleanPatterns = _CLEAN_ALL) -> tuple[str, _Map] | None:
    """Deletions, whitespace collapsing, expansions (digits are mapped later, 1:1)."""
    n = len(text)
    run = patterns.run
    lead = _end(run.match(text))  # leading whitespace and deleted characters go
    trail = n - 1 if n > lead and text[-1] in " \n" else n
    pattern = patterns.change_or_pair if _has_pair(text) else patterns.change
    b = _Builder(text)
    pos = lead
    for m in pattern.finditer(text, lead):
        a = m.start()
        if a < pos:
            continue  # inside a run already taken
        c = text[a]
        if c in _EXPAND:
            b.verbatim(pos, a)
            b.replace(_EXPAND[c], a, a + 1)
            pos = a + 1
            continue
        if a > pos and text[a - 1] in " \n":
            a -= 1  # "word \u200b word": the space before belongs to the run
        e = _end(run.match(text, m.end()))
        b.verbatim(pos, a)
        w = _ANY_WS.search(text, a, e)
        ws_start = w.start() if w else e
        if ws_start > a:
            b.attach(a, ws_start)
        if w and e < n:
            b.replace("\n" if _ANY_NEWLINE.search(text, ws_start, e) else " ", ws_start, e)
        pos = e
    if pos == 0 and trail == n:
        return None
    b.verbatim(pos, max(pos, trail))
    return b.text(), b.map


def _map_digits(text: str) -> str:
    return _DIGIT_RUN.sub(lambda m: m.group().translate(_DIGIT_TABLE), text)


# Passes until display is a fixed point. A second pass is needed only when deleting a
# character let NFKC compose two others, or decoding made new markup ("&#60;br>");
# capping the passes keeps adversarial nesting bounded.
_MAX_PASSES = 4


class NormalizedText(Protocol):
    """What the extractors read of a normalized field: `Normalized`, or any object
    with the same four members (the tests' second normalizer is one). A Protocol rather
    than the class so that compiled extractors (processors/compiled.py) accept both."""

    original: str
    display: str
    key: str

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...


class Normalized:
    __slots__ = ("original", "display", "key", "_map", "_identity")

    def __init__(self, original: str, display: str, key: str, mapping: _Map | Sequence[int]) -> None:
        self.original = original
        self.display = display
        self.key = key
        # A list of per-character offsets (the first version's form) is still accepted,
        # so hand-made test doubles keep working.
        self._map = mapping if isinstance(mapping, _Map) else _Map.from_offsets(mapping)
        # Nearly half of news fields need no change at all; their spans map to
        # themselves, and the claims stage maps a dozen spans per field.
        self._identity = self._map.is_identity() and self._map.length == len(display)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of display (or key) → [ostart, oend) of original.

        Deleted characters between the first and last character of the span are
        included; diacritics and tatweel deleted after a letter belong to that letter.
        A zero-length span maps to a zero-length position.
        """
        n = len(self.display)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside display of length {n}")
        if self._identity:
            return start, end  # (what the two lookups below give for such a map)
        if start == end:
            if start < n:
                o = self._map.start(start)
            else:
                o = self._map.end(n - 1) if n else 0
            return o, o
        return self._map.start(start), self._map.end(end - 1)

    def __repr__(self) -> str:
        return f"Normalized(display={self.display!r})"


def _has_markup(text: str) -> bool:
    return ("<" in text or "&" in text) and _MARKUP.search(text) is not None


def normalize(original: str) -> Normalized:
    text = original
    mapping = _Map.identity(len(original))

    def apply(result: tuple[str, _Map] | None) -> None:
        nonlocal text, mapping
        if result is not None:
            text, step_map = result
            mapping = step_map.then(mapping)

    most = 2 * len(original) + _GROWTH_SLACK  # see _GROWTH_SLACK
    for _ in range(_MAX_PASSES):
        checkpoint()  # (the time budget can stop a compiled loop here: processors/interrupt.py)
        if _has_markup(text):
            apply(_strip_markup(text))
        # (An expanding character is never NFKC-stable, so text that is, as nearly all
        # is, has none unless the display table's two.)
        if (not unicodedata.is_normalized("NFKC", text) or "\ufdfc" in text or "\ufdfd" in text) and _EXPANDING.search(
            text
        ) is not None:
            apply(_cap_expansions(text, most - len(text)))
        if unicodedata.is_normalized("NFKC", text) and not _COMPOSING_MARK.search(text):
            apply(_clean(text))
        else:
            # Cleaning first takes away what most often makes scraped text non-NFKC
            # (no-break spaces, isolated haraka forms), so NFKC is rarely needed at all,
            # and deletes what would block a composition (ا + ZWJ + ٔ).
            apply(_clean(text, _CLEAN_BEFORE_NFKC))
            if not unicodedata.is_normalized("NFKC", text):
                apply(_nfkc(text))
            apply(_clean(text))  # NFKC may make spaces or marks: "ﷺ", "´" → " ́"
        # 1:1, so the map is unchanged; before the check, as "&#١٢;" becomes markup.
        text = _map_digits(text)
        if unicodedata.is_normalized("NFKC", text) and not _has_markup(text):
            break
    return Normalized(original, text, fold_key(text), mapping)


# --- language check ---------------------------------------------------------------------

# Letters: word characters that are neither digits nor underscore (nor tatweel, which is
# a "letter" to Unicode but only stretches a word).
_NOT_LETTER = re.compile(r"[\W\d_\u0640]+")
_NOT_ARABIC = re.compile("[^\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff\U0001ee00-\U0001eeff]+")


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters (0.0 when there are none).

    A script check, not language identification: Persian or Urdu also count as Arabic
    script. The stream compares it to its configured threshold (reason `not_arabic`).
    """
    letters = _NOT_LETTER.sub("", text)
    if not letters:
        return 0.0
    return len(_NOT_ARABIC.sub("", letters)) / len(letters)
