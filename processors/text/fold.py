"""The one Arabic fold: the form in which khabar compares words.

Every package compares words through these functions, so a word in a lexicon and the
same word in an article meet however either was typed:

- `LETTER_FOLDS` (lexicons/charmap_key.tsv, each row with its reason): hamza forms of
  alef to bare alef (أعلن/اعلن), alef maksura to yeh (فى/في), teh marbuta to heh
  (مدرسة/مدرسه), Persian yeh and keheh to Arabic (ی/ي، ک/ك). One character for one.
- `MARKS`: diacritics, Quranic marks, tatweel, zero-width and direction marks: they
  carry no meaning for matching («ثلاثةُ»، «ثلاثـة» are ثلاثة).
- Arabic-Indic and Persian digits to ASCII (٢٠٢٤ is 2024), and Latin lowercased.

`fold_letters` is the same-length part (letters only), for text whose marks are already
gone (the normalizer's display): `Normalized.key` is display through it, so a slice of
the key is the fold of the same slice of display.
"""

from __future__ import annotations

from processors.text.lexicon import codepoint, read_rows

LETTER_FOLDS: tuple[tuple[str, str], ...] = tuple(
    (chr(codepoint(a)), chr(codepoint(b))) for a, b, _why in read_rows("charmap_key.tsv", header=True)
)

MARKS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]  # Quranic marks above letters
    + [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, hamza marks
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation signs
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069"]
)

_TABLE: dict[int, str | None] = {ord(c): None for c in MARKS}
_TABLE.update({ord(a): b for a, b in LETTER_FOLDS})
_TABLE.update({0x0660 + d: str(d) for d in range(10)})
_TABLE.update({0x06F0 + d: str(d) for d in range(10)})


def fold(text: str) -> str:
    """The matching form of any text: marks dropped, letters and digits folded, lowercase."""
    return text.translate(_TABLE).lower()


def fold_letters(text: str) -> str:
    """The letter folds alone, one character for one (chained str.replace runs in C and
    beats str.translate on Arabic text by far)."""
    for a, b in LETTER_FOLDS:
        if a in text:
            text = text.replace(a, b)
    return text
