"""Recall of khabar's figures on the test corpus of a peer parser, each expression inside
news sentences.

    python -m benchmarks.peers [--tsv ../shared/corpus/duckling-ar.tsv] [--show-misses]

Corpus: Duckling's Arabic numeral and ordinal corpora (facebook/duckling,
`Duckling/Numeral/AR/Corpus.hs` and `Duckling/Ordinal/AR/Corpus.hs`), exported to a TSV
with a header line `text<TAB>value<TAB>kind` and one expression a line (kind `cardinal`
or `ordinal`, value a decimal number such as `-1.2e+06`). The default path,
`../shared/corpus/duckling-ar.tsv`, is relative to the repository root; the texts stay
outside the product.

Frames: a news pipeline never meets "ثلاثون" alone, so every expression is put in the
neutral news sentences (FRAMES) of its frame group: integer cardinals in count frames
("... إن العدد بلغ {x} حسب البيان."), negatives, fractions and decimals in value frames,
definite ordinals after a masculine noun ("في المركز {x}"), indefinite ordinals heading
an idafa ("{x} زيارة", "{x} مرة"). Two frames a group; each frame alone yields no figure
(`frame_noise` checks it). The frames are fixed before measuring, not tuned to the
results.

Verdict, per expression and frame (`judge`): found when khabar (normalize, then
extract_figures: the path processors.enrich.enrich takes for each field) reports exactly
one figure overlapping the expression, whose
- kind fits: `ordinal` for an ordinal; `cardinal` or `fraction` for a cardinal,
- value equals the expected value (math.isclose, so float rounding is tolerated),
- span is the expression's (start and end offsets in the sentence). A clitic a frame
  glues to the slot ("ب{x}") is outside the expression's span by construction, so a
  figure that leaves it out, as khabar's contract asks, is right; the corpus expressions
  carry no clitic of their own.
Anything else is a miss, with its reasons (nothing, split, kind, value, span) and what
khabar found. An expression counts as found overall when it is found in every frame of its
group ("all frames"); "any frame" is reported beside it.

Form classes (`classify`, simple rules on the expression's text): negative, fraction,
decimal, mixed digits+words, scale words (ألف/مليون/مليار and their duals and plurals),
spaced conjunction ("و ثلاثون"), compound with conjunction ("وخمسين"), spelled cardinal,
digits, ordinal simple / ordinal compound, other. The first rule that matches wins, in
that order.

Peer: issue #15 quotes puckling (the Python port of Duckling) at 192/193 on this corpus.
puckling needs Python >= 3.13, which this environment does not have, so that figure is
quoted from the issue, not run here; it is also a parser tested on its own test set, on
bare expressions, not inside sentences.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TSV = REPO.parent / "shared" / "corpus" / "duckling-ar.tsv"
PEER = ("puckling", 192, 193)  # quoted from issue #15, not run (needs Python >= 3.13)

HEADER = ("text", "value", "kind")
KINDS = ("cardinal", "ordinal")
CARDINAL_KINDS = frozenset({"cardinal", "fraction"})

CLASSES = (
    "digits",
    "spelled cardinal",
    "compound with conjunction",
    "spaced conjunction",
    "scale words",
    "mixed digits+words",
    "ordinal simple",
    "ordinal compound",
    "negative",
    "fraction",
    "decimal",
    "other",
)


@dataclass(frozen=True)
class Expression:
    text: str
    value: float
    kind: str
    line: int = 0


@dataclass(frozen=True)
class Frame:
    id: str
    group: str
    template: str  # exactly one "{x}"


# Frame groups: "count" (integer cardinals), "value" (negatives, fractions, decimals),
# "ordinal_definite" ("الثالث عشر"), "ordinal_indefinite" ("ثالث").
FRAMES: tuple[Frame, ...] = (
    Frame("C1", "count", "وقال المتحدث إن العدد بلغ {x} حسب البيان."),
    Frame("C2", "count", "وأوضح التقرير أن الإجمالي وصل إلى {x} في نهاية الشهر الماضي."),
    Frame("V1", "value", "وقال المتحدث إن المؤشر سجل {x} حسب البيان."),
    Frame("V2", "value", "وأظهرت البيانات أن المعدل بلغ {x} خلال الفترة الماضية."),
    Frame("D1", "ordinal_definite", "وجاء الفريق في المركز {x} في الترتيب."),
    Frame("D2", "ordinal_definite", "وانطلقت أمس أعمال المؤتمر {x} للجمعية."),
    Frame("I1", "ordinal_indefinite", "وقال المتحدث إن هذه {x} زيارة له إلى المنطقة."),
    Frame("I2", "ordinal_indefinite", "وكانت تلك {x} مرة يحدث فيها ذلك منذ سنوات."),
)
GROUPS = tuple(dict.fromkeys(f.group for f in FRAMES))


# --- reading the corpus ---------------------------------------------------------------


def parse_tsv(lines: Iterable[str]) -> list[Expression]:
    """Expressions of a `text<TAB>value<TAB>kind` file (header line first; blank lines
    skipped). Raises ValueError naming the line on anything else."""
    out: list[Expression] = []
    header_seen = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip().lower() for c in cells) != HEADER:
                raise ValueError(f"line {number}: expected the header {'<TAB>'.join(HEADER)!r}, got {line!r}")
            header_seen = True
            continue
        if len(cells) != 3:
            raise ValueError(f"line {number}: expected 3 tab-separated cells, got {len(cells)}: {line!r}")
        text, value, kind = (c.strip() for c in cells)
        if not text:
            raise ValueError(f"line {number}: empty expression")
        try:
            number_value = float(value)
        except ValueError:
            raise ValueError(f"line {number}: value {value!r} is not a number") from None
        if kind not in KINDS:
            raise ValueError(f"line {number}: kind {kind!r} is not one of {', '.join(KINDS)}")
        out.append(Expression(text, number_value, kind, number))
    if not header_seen:
        raise ValueError("empty file: no header line")
    return out


def read_tsv(path: Path) -> list[Expression]:
    with open(path, encoding="utf-8") as handle:
        return parse_tsv(handle)


# --- form classes ---------------------------------------------------------------------

_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_DECIMAL_MARK = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]?[.\u066B][0-9\u0660-\u0669\u06F0-\u06F9]")
_DECIMAL_WORDS = frozenset({"فاصلة", "فاصله", "فاصل"})
_NEGATIVE_WORDS = frozenset({"سالب", "ناقص"})
_FRACTION_WORDS = frozenset({"نصف", "ربع", "ثلث", "ثلثا", "ثلثي", "أرباع", "ارباع", "أثلاث", "اثلاث"})
# A scale word, with an optional conjunction or article: ألف آلاف ألفان ألفين مليون ملايين
# مليونان مليار مليارات بليون تريليون ("الفان" is ألفان without its hamza).
_SCALE = re.compile(r"^(?:و|ال|وال)?(?:الف|الاف|الوف|مليون|ملايين|مليار|بليون|بلايين|تريليون)")
_CONJUNCTION_WORD_EXCEPTIONS = frozenset({"واحد", "واحدة", "واحده"})


def _fold(word: str) -> str:
    return re.sub("[أإآٱ]", "ا", word)


def classify(text: str, kind: str) -> str:
    """The form class of one expression (see CLASSES), by the first rule that matches."""
    words = [_fold(w) for w in text.split()]
    if kind == "ordinal":
        return "ordinal compound" if len(words) > 1 else "ordinal simple"
    stripped = text.strip()
    has_digit = bool(_DIGIT.search(stripped))
    has_letter = bool(_LETTER.search(stripped))
    if stripped[:1] in ("-", "\u2212") or (words and words[0] in _NEGATIVE_WORDS):
        return "negative"
    if "/" in stripped or "\u2044" in stripped or any(w in _FRACTION_WORDS for w in words):
        return "fraction"
    if _DECIMAL_MARK.search(stripped) or any(w in _DECIMAL_WORDS for w in words):
        return "decimal"
    if has_digit and has_letter:
        return "mixed digits+words"
    if any(_SCALE.match(w) for w in words):
        return "scale words"
    if "و" in words[1:]:
        return "spaced conjunction"
    if any(w.startswith("و") and len(w) > 2 and w not in _CONJUNCTION_WORD_EXCEPTIONS for w in words[1:]):
        return "compound with conjunction"
    if has_letter and not has_digit:
        return "spelled cardinal"
    if has_digit and re.fullmatch(r"[0-9\u0660-\u0669\u06F0-\u06F9,\u066C\u2019' ]+", stripped):
        return "digits"
    return "other"


def frame_group(expr: Expression, cls: str | None = None) -> str:
    cls = cls or classify(expr.text, expr.kind)
    if expr.kind == "ordinal":
        return "ordinal_definite" if _fold(expr.text).startswith("ال") else "ordinal_indefinite"
    if cls in ("negative", "fraction", "decimal") or expr.value < 0 or expr.value != int(expr.value):
        return "value"
    return "count"


# --- frames and verdicts --------------------------------------------------------------


def insert(template: str, text: str) -> tuple[str, int, int]:
    """The sentence with `text` in the frame's slot, and the slot's offsets in it."""
    if template.count("{x}") != 1:
        raise ValueError(f"a frame needs exactly one {{x}}: {template!r}")
    start = template.index("{x}")
    sentence = template[:start] + text + template[start + 3 :]
    return sentence, start, start + len(text)


@dataclass(frozen=True)
class Found:
    """One figure khabar reported, as the report shows it."""

    start: int
    end: int
    text: str
    value: float | int | None
    kind: str

    def show(self) -> str:
        return f"«{self.text}» {self.kind} {self.value!r}"


@dataclass
class Verdict:
    found: bool
    reasons: list[str]
    overlapping: list[Found]
    others: list[Found] = field(default_factory=list)  # figures elsewhere in the sentence

    def show(self) -> str:
        if not self.overlapping:
            return "nothing"
        return ", ".join(f.show() for f in self.overlapping)


def khabar_figures(sentence: str) -> list[Found]:
    """Figures khabar reports in a one-field text (normalize + extract_figures, as enrich)."""
    from processors.figures.extract import extract_figures
    from processors.text.normalize import normalize

    return [Found(f.start, f.end, f.text, f.value, f.kind) for f in extract_figures(normalize(sentence), "body")]


def same_value(got: float | int | None, expected: float) -> bool:
    return got is not None and math.isclose(float(got), expected, rel_tol=1e-9, abs_tol=1e-9)


def judge(sentence: str, start: int, end: int, expected: float, kind: str, figures: Sequence[Found]) -> Verdict:
    """Found or miss: exactly one figure over [start, end), of that kind, value and span."""
    overlapping = [f for f in figures if f.start < end and f.end > start]
    others = [f for f in figures if f not in overlapping]
    if not overlapping:
        return Verdict(False, ["nothing"], [], others)
    if len(overlapping) > 1:
        return Verdict(False, [f"split into {len(overlapping)}"], overlapping, others)
    f = overlapping[0]
    reasons = []
    if (kind == "ordinal" and f.kind != "ordinal") or (kind == "cardinal" and f.kind not in CARDINAL_KINDS):
        reasons.append("kind")
    if not same_value(f.value, expected):
        reasons.append("value")
    if (f.start, f.end) != (start, end):
        reasons.append("span")
    return Verdict(not reasons, reasons, overlapping, others)


def frame_noise(extract: Callable[[str], list[Found]] = khabar_figures) -> dict[str, list[Found]]:
    """Figures each frame yields with an empty slot (a neutral frame yields none)."""
    noisy = {}
    for frame in FRAMES:
        sentence, _, _ = insert(frame.template, "")
        figures = extract(sentence)
        if figures:
            noisy[frame.id] = figures
    return noisy


@dataclass
class Result:
    expr: Expression
    cls: str
    group: str
    verdicts: dict[str, Verdict]  # frame id -> verdict

    @property
    def found_all(self) -> bool:
        return all(v.found for v in self.verdicts.values())

    @property
    def found_any(self) -> bool:
        return any(v.found for v in self.verdicts.values())


def run(expressions: Sequence[Expression], extract: Callable[[str], list[Found]] = khabar_figures) -> list[Result]:
    results = []
    for expr in expressions:
        cls = classify(expr.text, expr.kind)
        group = frame_group(expr, cls)
        verdicts = {}
        for frame in FRAMES:
            if frame.group != group:
                continue
            sentence, start, end = insert(frame.template, expr.text)
            verdicts[frame.id] = judge(sentence, start, end, expr.value, expr.kind, extract(sentence))
        results.append(Result(expr, cls, group, verdicts))
    return results


# --- report ---------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _value(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def report(results: Sequence[Result], show_misses: bool = False, source: str = "") -> str:
    total = len(results)
    found_all = sum(r.found_all for r in results)
    found_any = sum(r.found_any for r in results)
    out = ["# khabar on Duckling's Arabic corpus, in news sentences", ""]
    if source:
        out += [f"corpus: {source} ({total} expressions)", ""]
    peer, peer_found, peer_total = PEER
    out += _table(
        ("system", "found (every frame)", "found (some frame)"),
        [
            ("khabar", f"{found_all}/{total}", f"{found_any}/{total}"),
            (
                f"{peer} (quoted from issue #15, not run: needs Python >= 3.13; bare expressions)",
                f"{peer_found}/{peer_total}",
                "-",
            ),
        ],
    )
    out += ["", "## Per frame", ""]
    rows = []
    for frame in FRAMES:
        judged = [r.verdicts[frame.id] for r in results if frame.id in r.verdicts]
        rows.append((frame.id, frame.group, frame.template, f"{sum(v.found for v in judged)}/{len(judged)}"))
    out += _table(("frame", "group", "sentence", "found"), rows)

    def grouped(key: Callable[[Result], str], order: Sequence[str]) -> list[tuple[str, str, str, str]]:
        buckets: dict[str, list[Result]] = defaultdict(list)
        for r in results:
            buckets[key(r)].append(r)
        names = [n for n in order if n in buckets] + sorted(n for n in buckets if n not in order)
        return [
            (
                n,
                str(len(buckets[n])),
                f"{sum(r.found_all for r in buckets[n])}/{len(buckets[n])}",
                f"{sum(r.found_any for r in buckets[n])}/{len(buckets[n])}",
            )
            for n in names
        ]

    out += ["", "## Per form class", ""]
    out += _table(
        ("form class", "expressions", "found (every frame)", "found (some frame)"), grouped(lambda r: r.cls, CLASSES)
    )
    out += ["", "## Per kind", ""]
    out += _table(
        ("kind", "expressions", "found (every frame)", "found (some frame)"), grouped(lambda r: r.expr.kind, KINDS)
    )
    out += [
        "",
        f"**overall: {found_all}/{total}** found in every frame of their group ({found_any}/{total} in at least one).",
    ]
    if show_misses:
        out += ["", "## Misses", ""]
        by_class: dict[str, list[Result]] = defaultdict(list)
        for r in results:
            if not r.found_all:
                by_class[r.cls].append(r)
        for cls in [c for c in CLASSES if c in by_class] + sorted(c for c in by_class if c not in CLASSES):
            out += [f"### {cls} ({len(by_class[cls])})", ""]
            for r in by_class[cls]:
                misses = [(fid, v) for fid, v in r.verdicts.items() if not v.found]
                detail = "; ".join(f"{fid}: {', '.join(v.reasons)} → {v.show()}" for fid, v in misses)
                out.append(f"- «{r.expr.text}» ({r.expr.kind} {_value(r.expr.value)}) — {detail}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tsv",
        type=Path,
        default=DEFAULT_TSV,
        help="Duckling's Arabic corpus as text<TAB>value<TAB>kind (default: %(default)s)",
    )
    parser.add_argument("--show-misses", action="store_true", help="list each miss with what khabar found instead")
    args = parser.parse_args(argv)
    path: Path = args.tsv
    if not path.is_file():
        parser.error(
            f"--tsv: no corpus file at {path}; pass --tsv PATH to duckling-ar.tsv "
            "(text<TAB>value<TAB>kind, from ../shared/corpus/)"
        )
    try:
        expressions = read_tsv(path)
    except ValueError as exc:
        parser.error(f"--tsv {path}: {exc}")
    noisy = frame_noise()
    if noisy:
        for fid, figures in noisy.items():
            print(f"warning: frame {fid} alone yields {', '.join(f.show() for f in figures)}", file=sys.stderr)
    results = run(expressions)
    sys.stdout.write(report(results, args.show_misses, str(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
