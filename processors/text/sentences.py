"""Sentence and paragraph boundaries.

INTERFACE (other processors rely on it; keep it stable):

    split_paragraphs(text) -> list[tuple[int, int]]   [start, end) spans of text
    split_sentences(text)  -> list[tuple[int, int]]   [start, end) spans of text,
                              stripped of surrounding whitespace, never crossing a paragraph

Spans index whatever text is passed in (callers pass `Normalized.display`, where a
paragraph is a line and "…" is already "...").

Rules, in the order they are applied to a run of . ! ? ؟ (with any closing quotes or
brackets right after it):
- Inside an open quote (« “ or a straight ") nothing ends a sentence: the sentence runs
  to the closing quote, and ends there when the quote closes on a final mark:
  قال: «انتهت الجولة. وسنعود.» ثم غادر  → one sentence up to », then «ثم غادر».
  An unclosed quote runs to the end of the paragraph.
- A dot between digits is a decimal or thousands separator (3.5, 1.612); a dot with
  neither a space nor an Arabic letter after it never ends a sentence (news.example).
- A dot after an abbreviation (lexicons/sentences_abbreviations.tsv, e.g. "د." for
  دكتور, "ق.م.") or after any single letter (initials: "م." "ص." "J.") does not end a
  sentence: "قال د. محمد" is one sentence.
- Otherwise the run ends a sentence when a space or the end of the paragraph follows,
  or, for a run with ؟ or !, or a dot after an Arabic word of three letters or more, when
  an Arabic letter follows directly (a missing space, common in scraped text:
  "الخميس.وقال"; "ج.م.ع." stays one initialism).
  An ellipsis (".." or "...") follows the same rule: it ends a sentence only before a
  space and a new word ("وأوكرانيا.. ومصافحة" splits), never inside "1..5".
- The Arabic comma ، never ends a sentence, nor does ":" (a headline "X: ..." stays one
  sentence). The Arabic semicolon ؛ does not either: it joins clauses of one sentence,
  often a cause to its effect ("أغلقت الشرطة الطريق؛ لأن المتظاهرين ...") and a claim's
  content must not be cut there.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from processors.text.lexicon import read_rows
from processors.text.matching import match_end as _end


def _rows(name: str) -> list[list[str]]:
    return read_rows(name, header=True)


ABBREVIATIONS = frozenset(row[0] for row in _rows("sentences_abbreviations.tsv"))

# Quotes and runs of final marks ("…" for callers that pass text other than display);
# everything else is skipped at C speed.
_EVENT = re.compile(r"[«»“”\".!?؟…]")  # one class: far faster to scan than an alternation
_FINAL_RUN = re.compile(r"[.!?؟…]+")
_CLOSERS = re.compile(r"[)\]»”\"']*")
_OPENING = "«“"
_CLOSING = "»”"
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")
# Abbreviations are short: looking back further than this would make a megabyte-long
# "word" full of dots quadratic.
_LOOKBACK = 32


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    # str.splitlines knows every line break (\n, \r\n, U+2029, ...) and runs in C;
    # keepends gives the offsets back.
    spans = []
    start = 0
    for line in text.splitlines(keepends=True):
        span = _strip(text, start, start + len(line))
        if span:
            spans.append(span)
        start += len(line)
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    # One scan for quotes and final marks over the whole text (most paragraphs have few).
    events = [m.start() for m in _EVENT.finditer(text)]
    for p_start, p_end in split_paragraphs(text):
        start = p_start
        lo, hi = bisect_left(events, p_start), bisect_left(events, p_end)
        for cut in _cuts(text, p_start, p_end, events[lo:hi]):
            span = _strip(text, start, cut)
            if span:
                spans.append(span)
            start = cut
        span = _strip(text, start, p_end)
        if span:
            spans.append(span)
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _cuts(text: str, start: int, end: int, events: list[int]) -> list[int]:
    """Sentence ends inside the paragraph text[start:end], given where its quotes and
    final marks are."""
    cuts = []
    guillemets = 0  # depth of « » and “ ”
    straight = False  # inside "..."
    final_at = -1  # where the last run of final marks ended
    taken = start
    if not events:
        return []
    for a in events:
        if a < taken:
            continue  # inside a run of final marks already seen
        c = text[a]
        b = a + 1
        if c in _OPENING:
            guillemets += 1
        elif c in _CLOSING or (c == '"' and straight):
            if c == '"':
                straight = False
            elif guillemets:
                guillemets -= 1
            # «... انتهى.» ثم: the quote closes on a final mark, the sentence ends after it.
            if final_at == a and not guillemets and not straight:
                after = _end(_CLOSERS.match(text, b, end))
                if after == end or text[after].isspace():
                    cuts.append(after)
        elif c == '"':
            # After a final mark, an unmatched " closes an unbalanced quote: 'انتهى." وقال'.
            if final_at != a:
                straight = True
        else:
            b = taken = _end(_FINAL_RUN.match(text, a, end))
            final_at = b
            if guillemets or straight:
                continue
            if _ends_sentence(text, start, end, a, b):
                cuts.append(_end(_CLOSERS.match(text, b, end)))
    return sorted(set(cuts))


def _ends_sentence(text: str, p_start: int, p_end: int, a: int, b: int) -> bool:
    run = text[a:b]
    after = _end(_CLOSERS.match(text, b, p_end))
    if after == p_end:
        return True
    if run == "." and _is_abbreviation(_word_before(text, p_start, a)):
        return False
    nxt = text[after]
    if nxt.isspace():
        return True
    if _ARABIC_LETTER.match(nxt):
        # "ماذا؟قال" or "الخميس.وقال": a missing space. But not inside an initialism
        # ("ج.م.ع", "ص.ب"), where the letters between dots are one or two.
        if "؟" in run or "!" in run:
            return True
        last = _word_before(text, p_start, a).rsplit(".", 1)[-1]
        return len(last) > 2 and _ARABIC_LETTER.match(last[-1]) is not None
    return False


def _word_before(text: str, p_start: int, a: int) -> str:
    """The word before position a, back to a space (it may hold dots: "ق.م"), or "" if
    longer than any abbreviation."""
    lo = max(p_start, a - _LOOKBACK)
    window = text[lo:a]
    if not window or window[-1].isspace():
        return ""
    # (str.rsplit splits at the same whitespace as str.isspace, in C: the part after
    # the last space is shorter than the window exactly when there is a space.)
    last = window.rsplit(None, 1)[-1]
    if len(last) < len(window):
        return last
    return window if lo == p_start else ""


def _is_abbreviation(word: str) -> bool:
    # Opening quotes or brackets glued to the word do not change it: "(د." is "د.".
    word = word.lstrip("«“\"'([")
    if len(word) == 1 and word.isalpha():
        return True
    if word in ABBREVIATIONS:
        return True
    # With a conjunction attached: "ود." (and Dr.) is still an abbreviation.
    return len(word) > 1 and word[0] in "وف" and word[1:] in ABBREVIATIONS
