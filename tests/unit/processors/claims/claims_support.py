"""Matching of expected claims (written by hand, claims_cases.jsonl and the seed's
expected.json) against extracted ones. Texts are compared with support.folded."""

from __future__ import annotations

import json

from ..support import folded


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
    content = folded(claim.content.text)
    if not content.startswith(folded(exp["content_starts"])):
        return False
    speaker = folded(claim.speaker.text) if claim.speaker else None
    if speaker != folded(exp.get("speaker")):
        return False
    lemma = claim.cue["lemma"] if claim.cue else None
    return folded(lemma) == folded(exp.get("cue_lemma"))


def check_claim(claim, exp: dict) -> list[str]:
    problems = []
    content = folded(claim.content.text)
    if not content.endswith(folded(exp["content_ends"])):
        problems.append(f"content ends {content[-40:]!r}, expected …{exp['content_ends']!r}")
    if "type" in exp and claim.type != exp["type"]:
        problems.append(f"type {claim.type}, expected {exp['type']}")
    for flag in ("hedged", "negated"):
        if getattr(claim, flag) != exp.get(flag, False):
            problems.append(f"{flag} {getattr(claim, flag)}, expected {exp.get(flag, False)}")
    acc = folded(claim.according_to.text) if claim.according_to else None
    if acc != folded(exp.get("according_to")):
        problems.append(f"according_to {acc!r}, expected {exp.get('according_to')!r}")
    if "speaker_role" in exp:
        role = folded(claim.speaker_role.text) if claim.speaker_role else None
        if role != folded(exp["speaker_role"]):
            problems.append(f"speaker_role {role!r}, expected {exp['speaker_role']!r}")
    if "speaker_full" in exp and folded(claim.speaker_full) != folded(exp["speaker_full"]):
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
