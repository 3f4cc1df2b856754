"""Helpers for the claims tests: a normalizer double that really changes offsets, and
matching of expected claims (written by hand) against extracted ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

from processors.claims.lexicons import fold

HERE = Path(__file__).parent
CASES_FILE = HERE / "claims_cases.jsonl"

_STRIP = re.compile("[\u064b-\u0652\u0670\u0640\u200c\u200d]")


def load_cases() -> list[dict]:
    cases = []
    for n, line in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("//"):
            case = json.loads(line)
            case.setdefault("id", f"line{n}")
            cases.append(case)
    return cases


class StrippedText:
    """Duck-typed like processors.text.normalize.Normalized (original, display, key,
    to_original), independent of the real normalizer's internals."""

    def __init__(self, original: str, display: str, offsets: list[int]):
        self.original = original
        self.display = display
        self.key = display.translate({ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ى"): "ي", ord("ة"): "ه"})
        self._offsets = offsets  # offsets[i] = original index of display[i]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self._offsets[start]
            return o, o
        return self._offsets[start], self._offsets[end - 1] + 1


def stripping_normalize(original: str) -> StrippedText:
    """What a normalizer does to offsets: drops diacritics and tatweel, and collapses
    runs of spaces, so display is shorter than original."""
    display: list[str] = []
    offsets: list[int] = []
    prev_space = False
    for i, ch in enumerate(original):
        if _STRIP.match(ch):
            continue
        if ch in " \t":
            if prev_space:
                continue
            prev_space = True
            ch = " "
        else:
            prev_space = False
        display.append(ch)
        offsets.append(i)
    offsets.append(len(original))
    return StrippedText(original, "".join(display), offsets)


def norm_words(text: str | None) -> str | None:
    """Compare after dediacritization and hamza/yeh/teh-marbuta folding, spaces collapsed,
    quotation marks dropped."""
    if text is None:
        return None
    text = re.sub(r"[«»“”\"]", "", fold(text))
    return " ".join(text.split())


def describe(claims) -> str:
    out = []
    for c in claims:
        out.append(
            f"  [{c.field}] {c.type} speaker={c.speaker and c.speaker.text!r} "
            f"cue={c.cue and c.cue['lemma']!r} acc={c.according_to and c.according_to.text!r} "
            f"h={c.hedged} n={c.negated} content={c.content.text!r}"
        )
    return "\n".join(out)


def matches(claim, exp: dict, default_field: str) -> bool:
    if claim.field != exp.get("field", default_field):
        return False
    content = norm_words(claim.content.text)
    if not content.startswith(norm_words(exp["content_starts"])):
        return False
    speaker = norm_words(claim.speaker.text) if claim.speaker else None
    if speaker != norm_words(exp.get("speaker")):
        return False
    lemma = claim.cue["lemma"] if claim.cue else None
    return norm_words(lemma) == norm_words(exp.get("cue_lemma"))


def check_claim(claim, exp: dict) -> list[str]:
    problems = []
    content = norm_words(claim.content.text)
    if not content.endswith(norm_words(exp["content_ends"])):
        problems.append(f"content ends {content[-40:]!r}, expected …{exp['content_ends']!r}")
    if "type" in exp and claim.type != exp["type"]:
        problems.append(f"type {claim.type}, expected {exp['type']}")
    for flag in ("hedged", "negated"):
        if getattr(claim, flag) != exp.get(flag, False):
            problems.append(f"{flag} {getattr(claim, flag)}, expected {exp.get(flag, False)}")
    acc = norm_words(claim.according_to.text) if claim.according_to else None
    if acc != norm_words(exp.get("according_to")):
        problems.append(f"according_to {acc!r}, expected {exp.get('according_to')!r}")
    if "speaker_role" in exp:
        role = norm_words(claim.speaker_role.text) if claim.speaker_role else None
        if role != norm_words(exp["speaker_role"]):
            problems.append(f"speaker_role {role!r}, expected {exp['speaker_role']!r}")
    if "speaker_full" in exp and norm_words(claim.speaker_full) != norm_words(exp["speaker_full"]):
        problems.append(f"speaker_full {claim.speaker_full!r}, expected {exp['speaker_full']!r}")
    return problems


def assert_offsets(claims, originals: dict[str, str]) -> None:
    for c in claims:
        original = originals[c.field]
        spans = [c.content, c.speaker, c.speaker_role, c.according_to]
        for span in spans:
            if span is not None:
                assert span.field == c.field
                assert original[span.start : span.end] == span.text, span
                assert span.text == span.text.strip(), span
        if c.cue is not None:
            assert original[c.cue["start"] : c.cue["end"]] == c.cue["text"], c.cue


def check_case(case: dict, claims) -> list[str]:
    default_field = "title" if "title" in case and "body" not in case else "body"
    problems = []
    left = list(claims)
    for exp in case["expect"]:
        found = next((c for c in left if matches(c, exp, default_field)), None)
        if found is None:
            problems.append(f"missing {json.dumps(exp, ensure_ascii=False)}")
            continue
        left.remove(found)
        problems += [f"{exp['content_starts']!r}: {p}" for p in check_claim(found, exp)]
    if case.get("exact_count", True) and left:
        problems.append("unexpected claims:\n" + describe(left))
    return problems
