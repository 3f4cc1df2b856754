"""Accuracy of the claims on real news, against gold annotations made by reading.

    python -m benchmarks.accuracy [--gold benchmarks/claims_gold] [--corpus ../shared/corpus]
                                  [--errors N] [--json out.json]

Gold: every `batch*.jsonl` under --gold (format in benchmarks/claims_gold/README.md): one
article per line, referenced by corpus file and id, with the first 16 hex digits of the
sha256 of its title and body, and its claims as offsets into the ORIGINAL title or body.
The texts are read from --corpus (`<corpus>.jsonl.gz` or `<corpus>.jsonl`; default
`../shared/corpus` beside the repository) and never written anywhere by this script.

Each article is run through khabar exactly as the worker runs it:
`streams.pipeline.process(orjson.dumps(article), Limits())`. A rejected article counts
with no predicted claims (and is listed).

Scoring, after BBC Citron's evaluation on PARC (precision, recall, F1):

- Alignment of predicted to gold claims: one-to-one within an (article, field), GREEDY
  by content IoU: every (gold, predicted) pair whose content spans share at least one
  character, taken by decreasing IoU (ties: speaker right first, then cue overlapping,
  then the closer content start), each claim at most once.
- Whole claim: an aligned pair whose content IoU >= 0.5 and whose speaker is right. The
  speaker is right when the predicted speaker span overlaps any of the gold speaker
  spans; a gold null speaker is matched only by a predicted null speaker.
  P = right pairs / predicted claims, R = right pairs / gold claims.
- Per span kind (speaker, cue, content), each EXACT (offsets equal; a speaker equal to
  any of the gold spans) and OVERLAP (any shared character for speaker and cue, IoU >=
  0.5 for content): span-level, independently of the claim alignment, as PARC's
  per-role scores. The units are the claims that have a span of that kind (null
  speakers and null cues are not spans); predicted and gold units of an (article, field)
  are matched one-to-one by a maximum bipartite matching over the pairs that satisfy
  the criterion. P = matched / predicted units, R = matched / gold units.
- Cue lemma accuracy: over the found claims (aligned pairs with content IoU >= 0.5), the
  share whose predicted cue lemma equals the gold `cue_lemma` after folding (alef forms
  أ إ آ ٱ to ا, ى to ي, diacritics and tatweel removed); null equals null (a headline
  with only a colon).
- Exact content boundaries: over the same found claims, the share whose content offsets
  equal the gold ones (beside the content OVERLAP figure).

Errors by class. Every gold claim is exactly one of: right (whole claim), missed (no
prediction overlaps its content), merged (predictions overlap it but each was aligned
to another gold claim: one prediction spanning several claims), content boundary
(aligned, IoU < 0.5), wrong speaker / predicted null, wrong speaker / wrong mention
(a predicted speaker that overlaps none of the gold spans, or any predicted speaker
where the gold speaker is null). Every predicted claim is right, spurious (overlaps no
gold content), duplicate (overlaps gold claims that were all aligned to other
predictions), or the predicted side of a content-boundary or wrong-speaker pair. Wrong
type and wrong cue lemma are counted on the found claims, beside these.

The Markdown goes to stdout (for the README); `--errors N` prints N examples of each
class, with their texts, to stderr (the terminal), never into a file; `--json` writes
the figures and the examples' ids and offsets, without texts.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence, get_args

import orjson

from processors.model import ClaimType, Field

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "benchmarks" / "claims_gold"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

CONTENT_IOU = 0.5
# The model's own values (tests/unit/processors/test_model.py holds them to
# schemas/definitions), not copies: a gold claim can have only what khabar can report.
TYPES: tuple[str, ...] = get_args(ClaimType)
SPEAKER_KINDS = ("name", "pronoun", "carried", "none")
FIELDS: tuple[str, ...] = get_args(Field)

GOLD_ERRORS = (
    "missed",
    "merged",
    "content_boundary",
    "wrong_speaker_null",
    "wrong_speaker_mention",
)
PRED_ERRORS = ("spurious", "duplicate")
SIDE_ERRORS = ("wrong_type", "wrong_cue_lemma")
ERROR_CLASSES = GOLD_ERRORS + PRED_ERRORS + SIDE_ERRORS
ERROR_LABELS = {
    "missed": "missed claim (no prediction overlaps the gold content)",
    "merged": "merged (overlapping predictions all aligned to other gold claims)",
    "content_boundary": "content boundary (content overlaps, IoU < 0.5)",
    "wrong_speaker_null": "wrong speaker: predicted null",
    "wrong_speaker_mention": "wrong speaker: wrong mention",
    "spurious": "spurious claim (overlaps no gold claim)",
    "duplicate": "duplicate (overlaps only gold claims aligned to other predictions)",
    "wrong_type": "wrong type (on found claims)",
    "wrong_cue_lemma": "wrong cue lemma (on found claims)",
}
MEASURES = (
    ("claim", None),
    ("speaker", "exact"),
    ("speaker", "overlap"),
    ("cue", "exact"),
    ("cue", "overlap"),
    ("content", "exact"),
    ("content", "overlap"),
)


class GoldError(Exception):
    """The gold or the corpus cannot be used as given; the message says where and why."""


# ---------------------------------------------------------------------------- claims

Span = tuple[str, int, int]  # (field, start, end), end exclusive


@dataclass(frozen=True, slots=True)
class GoldClaim:
    field: str
    type: str
    content: Span
    speaker: tuple[Span, ...] | None  # alternatives, nearest the cue first; None: no speaker
    cue: Span | None
    cue_lemma: str | None
    speaker_kind: str = "name"
    where: str = ""  # file:line, for messages


@dataclass(frozen=True, slots=True)
class PredClaim:
    field: str
    type: str
    content: Span
    speaker: Span | None
    cue: Span | None
    cue_lemma: str | None


def pred_from_dict(claim: dict[str, Any]) -> PredClaim:
    """A claim as khabar publishes it (processors.model.Claim.to_dict)."""

    def span(d: dict[str, Any] | None) -> Span | None:
        return None if not d else (d["field"], int(d["start"]), int(d["end"]))

    cue = claim.get("cue")
    return PredClaim(
        field=claim["field"],
        type=claim["type"],
        content=span(claim["content"]),  # type: ignore[arg-type]
        speaker=span(claim.get("speaker")),
        cue=span(cue),
        cue_lemma=(cue or {}).get("lemma"),
    )


def length(span: Span) -> int:
    return max(0, span[2] - span[1])


def intersection(a: Span, b: Span) -> int:
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and intersection(a, b) > 0


def iou(a: Span, b: Span) -> float:
    inter = intersection(a, b)
    if inter == 0:
        return 0.0
    return inter / (length(a) + length(b) - inter)


def speaker_right(gold: GoldClaim, pred: PredClaim) -> bool:
    """The whole-claim criterion: overlap with any gold speaker span; null only by null."""
    if gold.speaker is None:
        return pred.speaker is None
    return pred.speaker is not None and any(overlaps(pred.speaker, s) for s in gold.speaker)


_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


def fold_lemma(lemma: str | None) -> str | None:
    if lemma is None:
        return None
    folded = _DIACRITICS.sub("", lemma).translate(_ALEFS).strip()
    return folded or None


# ------------------------------------------------------------------------- matching


def align(golds: Sequence[GoldClaim], preds: Sequence[PredClaim]) -> list[tuple[int, int, float]]:
    """One-to-one alignment, greedy by content IoU; (gold index, predicted index, IoU)."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            value = iou(g.content, p.content)
            if value > 0:
                key = (
                    -value,
                    not speaker_right(g, p),
                    not overlaps(g.cue, p.cue),
                    abs(g.content[1] - p.content[1]),
                    gi,
                    pi,
                )
                candidates.append((key, gi, pi, value))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi, value in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, value))
    pairs.sort()
    return pairs


def max_matching(n_gold: int, n_pred: int, edge) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths); edge(gi, pi) -> bool."""
    adjacency = [[pi for pi in range(n_pred) if edge(gi, pi)] for gi in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in adjacency[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    return sum(1 for gi in range(n_gold) if augment(gi, set()))


def _speaker_exact(g: GoldClaim, p: PredClaim) -> bool:
    return g.speaker is not None and p.speaker is not None and p.speaker in g.speaker


def _speaker_overlap(g: GoldClaim, p: PredClaim) -> bool:
    return g.speaker is not None and p.speaker is not None and any(overlaps(p.speaker, s) for s in g.speaker)


SPAN_CRITERIA = {
    ("speaker", "exact"): (lambda g: g.speaker is not None, lambda p: p.speaker is not None, _speaker_exact),
    ("speaker", "overlap"): (lambda g: g.speaker is not None, lambda p: p.speaker is not None, _speaker_overlap),
    ("cue", "exact"): (lambda g: g.cue is not None, lambda p: p.cue is not None, lambda g, p: g.cue == p.cue),
    ("cue", "overlap"): (lambda g: g.cue is not None, lambda p: p.cue is not None, lambda g, p: overlaps(g.cue, p.cue)),
    ("content", "exact"): (lambda g: True, lambda p: True, lambda g, p: g.content == p.content),
    ("content", "overlap"): (lambda g: True, lambda p: True, lambda g, p: iou(g.content, p.content) >= CONTENT_IOU),
}


# -------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Example:
    cls: str
    article_id: str
    gold: GoldClaim | None
    pred: PredClaim | None
    iou: float = 0.0


@dataclass(slots=True)
class Score:
    articles: int = 0
    gold: int = 0
    pred: int = 0
    # (kind, criterion) -> [true positives, predicted units, gold units]; ("claim", None) too.
    spans: dict[tuple[str, str | None], list[int]] = field(default_factory=lambda: {m: [0, 0, 0] for m in MEASURES})
    found: int = 0  # aligned pairs with content IoU >= 0.5
    exact_content_found: int = 0
    lemma_right: int = 0
    errors: Counter = field(default_factory=Counter)
    # gold class ("speaker_kind", k) / ("type", t) -> [gold, found, right]
    by_class: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    examples: list[Example] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.articles += other.articles
        self.gold += other.gold
        self.pred += other.pred
        for m, v in other.spans.items():
            for i in range(3):
                self.spans[m][i] += v[i]
        self.found += other.found
        self.exact_content_found += other.exact_content_found
        self.lemma_right += other.lemma_right
        self.errors.update(other.errors)
        for k, v in other.by_class.items():
            for i in range(3):
                self.by_class[k][i] += v[i]
        self.examples.extend(other.examples)
        self.rejected.extend(other.rejected)

    def prf(self, measure: tuple[str, str | None]) -> tuple[float | None, float | None, float | None]:
        tp, n_pred, n_gold = self.spans[measure]
        return prf(tp, n_pred, n_gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float | None, float | None, float | None]:
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    if p is None or r is None:
        return p, r, None
    return p, r, (2 * p * r / (p + r) if p + r > 0 else 0.0)


def score_article(article_id: str, golds: Sequence[GoldClaim], preds: Sequence[PredClaim]) -> Score:
    """Everything counted on one article (any number of fields)."""
    score = Score(articles=1, gold=len(golds), pred=len(preds))
    for name in sorted({c.field for c in golds} | {c.field for c in preds}):
        g_list = [c for c in golds if c.field == name]
        p_list = [c for c in preds if c.field == name]
        _score_field(score, article_id, g_list, p_list)
    return score


def _score_field(score: Score, article_id: str, golds: list[GoldClaim], preds: list[PredClaim]) -> None:
    for measure, (has_g, has_p, edge) in SPAN_CRITERIA.items():
        gi_idx = [i for i, g in enumerate(golds) if has_g(g)]
        pi_idx = [i for i, p in enumerate(preds) if has_p(p)]
        matched = max_matching(
            len(gi_idx), len(pi_idx), lambda a, b, edge=edge, gi=gi_idx, pi=pi_idx: edge(golds[gi[a]], preds[pi[b]])
        )
        counts = score.spans[measure]
        counts[0] += matched
        counts[1] += len(pi_idx)
        counts[2] += len(gi_idx)

    pairs = align(golds, preds)
    aligned_g = {gi: (pi, v) for gi, pi, v in pairs}
    aligned_p = {pi for _, pi, _ in pairs}
    whole = score.spans[("claim", None)]
    whole[1] += len(preds)
    whole[2] += len(golds)

    def error(cls: str, g: GoldClaim | None, p: PredClaim | None, value: float = 0.0) -> None:
        score.errors[cls] += 1
        score.examples.append(Example(cls, article_id, g, p, value))

    for gi, g in enumerate(golds):
        row_kind = score.by_class[("speaker_kind", g.speaker_kind)]
        row_type = score.by_class[("type", g.type)]
        row_kind[0] += 1
        row_type[0] += 1
        if gi not in aligned_g:
            if any(overlaps(g.content, p.content) for p in preds):
                error("merged", g, None)
            else:
                error("missed", g, None)
            continue
        pi, value = aligned_g[gi]
        p = preds[pi]
        if value < CONTENT_IOU:
            error("content_boundary", g, p, value)
            continue
        score.found += 1
        row_kind[1] += 1
        row_type[1] += 1
        if g.content == p.content:
            score.exact_content_found += 1
        if fold_lemma(g.cue_lemma) == fold_lemma(p.cue_lemma):
            score.lemma_right += 1
        else:
            error("wrong_cue_lemma", g, p, value)
        if g.type != p.type:
            error("wrong_type", g, p, value)
        if speaker_right(g, p):
            whole[0] += 1
            row_kind[2] += 1
            row_type[2] += 1
        elif p.speaker is None:
            error("wrong_speaker_null", g, p, value)
        else:
            error("wrong_speaker_mention", g, p, value)

    for pi, p in enumerate(preds):
        if pi in aligned_p:
            continue
        if any(overlaps(g.content, p.content) for g in golds):
            error("duplicate", None, p)
        else:
            error("spurious", None, p)


# ------------------------------------------------------------------------ gold files


@dataclass(slots=True)
class GoldArticle:
    corpus: str
    id: str
    sha256: dict[str, str]
    claims: list[GoldClaim]
    where: str


def _span(value: Any, field_name: str, where: str, what: str) -> Span:
    if (
        isinstance(value, list)
        and len(value) == 3
        and value[0] in FIELDS
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[1:])
    ):
        field_name, value = value[0], value[1:]
    if not (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] < value[1]
    ):
        raise GoldError(f"{where}: {what} must be [start, end] with 0 <= start < end, got {value!r}")
    return (field_name, value[0], value[1])


def parse_gold_claim(raw: Any, where: str) -> GoldClaim:
    if not isinstance(raw, dict):
        raise GoldError(f"{where}: a claim is a JSON object, got {type(raw).__name__}")
    name = raw.get("field")
    if name not in FIELDS:
        raise GoldError(f"{where}: claim field must be one of {FIELDS}, got {name!r}")
    ctype = raw.get("type")
    if ctype not in TYPES:
        raise GoldError(f"{where}: claim type must be one of {TYPES}, got {ctype!r}")
    if "content" not in raw:
        raise GoldError(f"{where}: claim without content")
    content = _span(raw["content"], name, where, "content")
    speaker_raw = raw.get("speaker")
    speaker: tuple[Span, ...] | None
    if speaker_raw is None or speaker_raw == []:
        speaker = None
    elif isinstance(speaker_raw, list) and speaker_raw and all(isinstance(v, int) for v in speaker_raw):
        speaker = (_span(speaker_raw, name, where, "speaker"),)  # a single [start, end]
    elif isinstance(speaker_raw, list):
        speaker = tuple(_span(s, name, where, "speaker span") for s in speaker_raw)
    else:
        raise GoldError(f"{where}: speaker must be a list of [start, end] spans or null, got {speaker_raw!r}")
    kind = raw.get("speaker_kind") or ("none" if speaker is None else "name")
    if kind not in SPEAKER_KINDS:
        raise GoldError(f"{where}: speaker_kind must be one of {SPEAKER_KINDS}, got {kind!r}")
    cue = None if raw.get("cue") is None else _span(raw["cue"], name, where, "cue")
    lemma = raw.get("cue_lemma")
    if lemma is not None and not isinstance(lemma, str):
        raise GoldError(f"{where}: cue_lemma must be a string or null, got {lemma!r}")
    return GoldClaim(name, ctype, content, speaker, cue, lemma, kind, where)


def read_gold(gold_dir: Path) -> list[GoldArticle]:
    if not gold_dir.is_dir():
        raise GoldError(f"gold directory {gold_dir} not found (option --gold)")
    files = sorted(gold_dir.glob("batch*.jsonl"))
    if not files:
        raise GoldError(f"no batch*.jsonl in {gold_dir} (option --gold)")
    articles: list[GoldArticle] = []
    seen: dict[tuple[str, str], str] = {}
    for path in files:
        for number, line in enumerate(path.read_bytes().splitlines(), 1):
            if not line.strip():
                continue
            where = f"{_show(path)}:{number}"
            try:
                raw = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise GoldError(f"{where}: not JSON ({exc})") from None
            if (
                not isinstance(raw, dict)
                or not isinstance(raw.get("corpus"), str)
                or not isinstance(raw.get("id"), str)
            ):
                raise GoldError(f"{where}: a gold line is an object with string 'corpus' and 'id'")
            key = (raw["corpus"], raw["id"])
            if key in seen:
                raise GoldError(f"{where}: article {raw['id']} of {raw['corpus']} already annotated at {seen[key]}")
            seen[key] = where
            sha = raw.get("sha256")
            if not isinstance(sha, dict) or not all(isinstance(sha.get(f), str) and sha.get(f) for f in FIELDS):
                raise GoldError(f'{where}: sha256 must be {{"title": <16 hex>, "body": <16 hex>}}, got {sha!r}')
            claims_raw = raw.get("claims")
            if not isinstance(claims_raw, list):
                raise GoldError(f"{where}: 'claims' must be a list (empty when the article has none)")
            claims = [parse_gold_claim(c, f"{where} claim {i}") for i, c in enumerate(claims_raw)]
            articles.append(GoldArticle(raw["corpus"], raw["id"], sha, claims, where))
    return articles


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def sha_prefix(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def load_corpus(corpus_dir: Path, wanted: dict[str, set[str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The articles named in `wanted` (corpus name -> ids), read from corpus_dir."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name, ids in sorted(wanted.items()):
        candidates = [corpus_dir / f"{name}.jsonl.gz", corpus_dir / f"{name}.jsonl"]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            raise GoldError(f"corpus file {name}.jsonl.gz not found in {corpus_dir} (option --corpus)")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as handle:
            for line in handle:
                if not line.strip():
                    continue
                article = orjson.loads(line)
                if article.get("id") in ids:
                    found[(name, article["id"])] = article
        missing = sorted(ids - {i for (n, i) in found if n == name})
        if missing:
            raise GoldError(
                f"{len(missing)} annotated article(s) not in {path}: {', '.join(missing[:5])} (option --corpus)"
            )
    return found


def check_article(gold: GoldArticle, article: dict[str, Any]) -> None:
    for name in FIELDS:
        expected = gold.sha256[name].lower()
        actual = sha_prefix(article.get(name))
        if actual[: len(expected)] != expected:
            raise GoldError(
                f"{gold.where}: the {name} of {gold.id} in the corpus has sha256 {actual[:16]}, the gold says"
                f" {expected}: the corpus text changed since it was annotated (option --corpus), or the"
                " annotation names the wrong article"
            )
    for claim in gold.claims:
        spans = [("content", claim.content), ("cue", claim.cue)] + [("speaker", s) for s in claim.speaker or ()]
        for what, span in spans:
            if span is None:
                continue
            text = article.get(span[0]) or ""
            if span[2] > len(text):
                raise GoldError(
                    f"{claim.where}: {what} [{span[1]}, {span[2]}] is beyond the {span[0]} ({len(text)} characters)"
                )


def predict(article: dict[str, Any]) -> tuple[list[PredClaim], str | None]:
    """khabar's claims on the article, as the worker computes them; (claims, rejection)."""
    from streams.pipeline import Limits, Rejected, process

    result = process(orjson.dumps(article), Limits())
    if isinstance(result, Rejected):
        return [], f"{result.reason}: {result.message}"
    return [pred_from_dict(c.to_dict()) for c in result.findings.claims], None


def evaluate(gold_articles: Iterable[GoldArticle], corpus: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Score]:
    """Scores per corpus name, and "all"."""
    groups: dict[str, Score] = {}
    total = Score()
    for gold in gold_articles:
        article = corpus[(gold.corpus, gold.id)]
        check_article(gold, article)
        preds, rejected = predict(article)
        score = score_article(gold.id, gold.claims, preds)
        if rejected:
            score.rejected.append(f"{gold.id}: {rejected}")
        groups.setdefault(gold.corpus, Score()).add(score)
        total.add(score)
    out = dict(sorted(groups.items()))
    out["all"] = total
    return out


# ------------------------------------------------------------------------- reporting


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}"


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _short(name: str) -> str:
    return name.split("-")[0] if name != "all" else "all"


def _row(label: str, cells: Iterable[str]) -> str:
    return f"| {label} | " + " | ".join(cells) + " |"


def markdown(scores: dict[str, Score]) -> str:
    names = list(scores)
    head = "| | " + " | ".join(f"{_short(n)} P / R / F1" for n in names) + " |"
    sep = "|---|" + "---:|" * len(names)
    total = scores["all"]
    lines = [
        f"Claims on real news: {total.articles} annotated articles, {total.gold} gold claims, {total.pred} predicted ("
        + ", ".join(f"{_short(n)}: {s.articles} articles, {s.gold} gold" for n, s in scores.items() if n != "all")
        + ").",
        "",
        head,
        sep,
    ]
    labels = {("claim", None): "whole claim (speaker overlap + content IoU ≥ 0.5)"}
    for measure in MEASURES:
        kind, crit = measure
        label = labels.get(measure) or f"{kind} {crit}" + (" (IoU ≥ 0.5)" if measure == ("content", "overlap") else "")
        cells = [" / ".join(_pct(v) for v in s.prf(measure)) for s in scores.values()]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| on found claims (content IoU ≥ 0.5) | " + " | ".join(_short(n) for n in names) + " |",
        "|---|" + "---:|" * len(names),
        _row("found claims", (str(s.found) for s in scores.values())),
        _row("cue lemma right %", (_pct(_ratio(s.lemma_right, s.found)) for s in scores.values())),
        _row("exact content boundaries %", (_pct(_ratio(s.exact_content_found, s.found)) for s in scores.values())),
        "",
        "| errors | " + " | ".join(_short(n) for n in names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for cls in ERROR_CLASSES:
        lines.append(_row(ERROR_LABELS[cls], (str(s.errors.get(cls, 0)) for s in scores.values())))
    lines += [
        "",
        "| gold class | n | content found % | whole claim recall % |",
        "|---|---:|---:|---:|",
    ]
    keys = [("speaker_kind", k) for k in SPEAKER_KINDS] + [("type", t) for t in TYPES]
    for key in keys:
        n, found, right = total.by_class.get(key, [0, 0, 0])
        if n:
            lines.append(f"| {key[0]} {key[1]} | {n} | {_pct(_ratio(found, n))} | {_pct(_ratio(right, n))} |")
    if total.rejected:
        lines += ["", f"Rejected by khabar (counted with no claims): {len(total.rejected)}."]
    lines += [
        "",
        "Alignment: one-to-one per article field, greedy by content IoU. Span scores: PARC-style,"
        " per span kind, maximum one-to-one matching. Figures in %.",
    ]
    return "\n".join(lines) + "\n"


def to_json(scores: dict[str, Score]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, s in scores.items():
        out[name] = {
            "articles": s.articles,
            "gold_claims": s.gold,
            "predicted_claims": s.pred,
            "measures": {
                (k if c is None else f"{k}_{c}"): dict(zip(("tp", "predicted", "gold"), s.spans[(k, c)]))
                | dict(zip(("precision", "recall", "f1"), s.prf((k, c))))
                for k, c in MEASURES
            },
            "found": s.found,
            "cue_lemma_accuracy": _ratio(s.lemma_right, s.found),
            "exact_content_on_found": _ratio(s.exact_content_found, s.found),
            "errors": {cls: s.errors.get(cls, 0) for cls in ERROR_CLASSES},
            "by_class": {
                f"{k}:{v}": dict(zip(("gold", "found", "right"), c)) for (k, v), c in sorted(s.by_class.items())
            },
            "rejected": s.rejected,
        }
    out["error_examples"] = [
        {
            "class": e.cls,
            "article_id": e.article_id,
            "gold": _offsets_gold(e.gold),
            "predicted": _offsets_pred(e.pred),
            "iou": round(e.iou, 3),
        }
        for e in scores["all"].examples
    ]
    return out


def _offsets_gold(g: GoldClaim | None) -> dict[str, Any] | None:
    if g is None:
        return None
    return {
        "field": g.field,
        "type": g.type,
        "content": list(g.content[1:]),
        "speaker": [list(s[1:]) for s in g.speaker] if g.speaker else None,
        "cue": list(g.cue[1:]) if g.cue else None,
        "cue_lemma": g.cue_lemma,
        "where": g.where,
    }


def _offsets_pred(p: PredClaim | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "field": p.field,
        "type": p.type,
        "content": list(p.content[1:]),
        "speaker": list(p.speaker[1:]) if p.speaker else None,
        "cue": list(p.cue[1:]) if p.cue else None,
        "cue_lemma": p.cue_lemma,
    }


def _excerpt(article: dict[str, Any], span: Span | None, width: int = 90) -> str:
    if span is None:
        return "∅"
    text = (article.get(span[0]) or "")[span[1] : span[2]].replace("\n", " ")
    if len(text) > width:
        text = text[: width // 2 - 1] + " … " + text[-(width // 2 - 1) :]
    return f"[{span[1]}:{span[2]}] «{text}»"


def print_examples(scores: dict[str, Score], articles: dict[str, dict[str, Any]], n: int, out=sys.stderr) -> None:
    by_class: dict[str, list[Example]] = defaultdict(list)
    for e in scores["all"].examples:
        by_class[e.cls].append(e)
    for cls in ERROR_CLASSES:
        examples = by_class.get(cls, [])
        print(f"\n== {ERROR_LABELS[cls]}: {len(examples)}", file=out)
        for e in examples[:n]:
            article = articles[e.article_id]
            claim = e.gold or e.pred
            print(f"-- {e.article_id} {claim.field}" + (f" (IoU {e.iou:.2f})" if e.gold and e.pred else ""), file=out)
            if e.gold:
                speakers = " | ".join(_excerpt(article, s, 40) for s in e.gold.speaker) if e.gold.speaker else "∅"
                print(
                    f"   gold {e.gold.type}: speaker {speakers}; cue {_excerpt(article, e.gold.cue, 30)}"
                    f" ({e.gold.cue_lemma}); {e.gold.where}",
                    file=out,
                )
                print(f"        content {_excerpt(article, e.gold.content)}", file=out)
            if e.pred:
                print(
                    f"   pred {e.pred.type}: speaker {_excerpt(article, e.pred.speaker, 40)}; cue"
                    f" {_excerpt(article, e.pred.cue, 30)} ({e.pred.cue_lemma})",
                    file=out,
                )
                print(f"        content {_excerpt(article, e.pred.content)}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="directory of batch*.jsonl (default: %(default)s)"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="directory of the corpus files (default: ../shared/corpus beside the repository)",
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print N examples of each error class to stderr"
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="also write the figures as JSON (no texts)"
    )
    args = parser.parse_args(argv)

    corpus_dir = args.corpus or DEFAULT_CORPUS
    try:
        if not corpus_dir.is_dir():
            raise GoldError(
                f"corpus directory {corpus_dir} not found: pass --corpus DIR (the directory of"
                " snn-2015-08-01..04.jsonl.gz and antcorpus-2018-dev.jsonl.gz)"
            )
        gold = read_gold(args.gold)
        wanted: dict[str, set[str]] = defaultdict(set)
        for g in gold:
            wanted[g.corpus].add(g.id)
        corpus = load_corpus(corpus_dir, wanted)
        scores = evaluate(gold, corpus)
    except GoldError as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(markdown(scores))
    for line in scores["all"].rejected:
        print(f"rejected: {line}", file=sys.stderr)
    if args.errors > 0:
        print_examples(scores, {i: a for (_, i), a in corpus.items()}, args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_bytes(orjson.dumps(to_json(scores), option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
