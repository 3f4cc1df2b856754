"""Sentence and paragraph boundaries.

INTERFACE (other processors rely on it; keep it stable):

    split_paragraphs(text) -> list[tuple[int, int]]   [start, end) spans of text
    split_sentences(text)  -> list[tuple[int, int]]   [start, end) spans of text,
                              stripped of surrounding whitespace, never crossing a paragraph

Spans index whatever text is passed in (callers pass `Normalized.display`).
This first version is a placeholder; the real segmenter replaces the body.
"""

from __future__ import annotations

import re

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans
