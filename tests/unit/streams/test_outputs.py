"""streams/outputs.py: every output fits its topic, shortened as documented, or the
article becomes a dead letter; and streams/pipeline.py's cap on findings."""

from __future__ import annotations

import base64
import random

import orjson

import schemas
from processors.model import Claim, Figure, Span
from processors.model import Enriched as Findings
from streams import events, topics
from streams.outputs import FRAMING, article_outputs, dead_letter_output
from streams.pipeline import Enriched, Limits, Rejected, cap_findings, process
from tests.integration.articles import good_article

KEY = b"article-1"


def _enriched(body: str | None = None, limits: Limits = Limits()) -> Enriched:
    article = good_article(1, random.Random(3), "out")
    if body is not None:
        article["body"] = body
    result = process(orjson.dumps(article), limits)
    assert isinstance(result, Enriched), result
    return result


def _limits(**by_topic: int) -> dict[str, int]:
    limits = {name: 8_388_608 for name in topics.OUTPUTS}
    limits.update({getattr(topics, k.upper()): v for k, v in by_topic.items()})
    return limits


def _valid(output) -> dict:
    payload = orjson.loads(output.value)
    assert list(schemas.validator(output.schema).iter_errors(payload)) == []
    return payload


DENSE = "وقال الوزير إن الحكومة أنفقت 120 مليون دولار على 45 مدرسة و30 مستشفى في 12 محافظة. " * 40


def test_everything_fits_as_is_when_the_topics_take_it():
    result = _enriched(DENSE)
    outputs = article_outputs(result, None, None, _limits(), KEY)
    assert not isinstance(outputs, Rejected)
    enriched = _valid(outputs[0])
    assert enriched["truncated"] is None
    assert enriched["normalized"]["body"]["display"]
    assert len(enriched["figures"]) == len(result.findings.figures) > 100
    assert [o.topic for o in outputs[1:]] == [topics.CLAIMS] * len(result.findings.claims) + [topics.FIGURES] * len(
        result.findings.figures
    )


def test_the_enriched_event_drops_the_normalized_texts_first_then_lists_what_fits():
    result = _enriched(DENSE)
    full = len(article_outputs(result, None, None, _limits(), KEY)[0].value)
    normalized = sum(len(orjson.dumps(v)) for v in result.findings.to_dict()["normalized"].values())
    # Room for everything but the normalized texts: only those go.
    limit = full - normalized // 2 + FRAMING + len(KEY)
    enriched = _valid(article_outputs(result, None, None, _limits(enriched=limit), KEY)[0])
    assert enriched["truncated"] == {"normalized": "omitted"}
    assert enriched["normalized"] == {}
    assert len(enriched["figures"]) == len(result.findings.figures)
    # Room for a third of the findings: the leading claims, then the leading figures.
    limit = full - normalized - (full - normalized) // 3
    outputs = article_outputs(result, None, None, _limits(enriched=limit), KEY)
    enriched = _valid(outputs[0])
    assert len(outputs[0].value) <= limit - FRAMING - len(KEY)
    listed = enriched["truncated"]
    assert listed["normalized"] == "omitted"
    assert enriched["claims"] == [c.to_dict() for c in result.findings.claims[: listed["claims_listed"]]]
    assert enriched["figures"] == [f.to_dict() for f in result.findings.figures[: listed["figures_listed"]]]
    assert listed["claims_listed"] + listed["figures_listed"] < len(result.findings.claims) + len(
        result.findings.figures
    )
    # Every claim and figure still goes out on its own topic.
    assert sum(o.topic == topics.FIGURES for o in outputs) == len(result.findings.figures)


def test_a_claim_event_too_large_leaves_its_figures_out_and_says_so():
    result = _enriched(DENSE)
    claim_sizes = [len(orjson.dumps(e)) for e in events.claim_events(result)]
    limit = max(claim_sizes) - 10 + FRAMING + len(KEY)
    outputs = article_outputs(result, None, None, _limits(claims=limit), KEY)
    shortened = [_valid(o) for o in outputs if o.topic == topics.CLAIMS]
    assert any(
        c.get("truncated") == {"figures": "omitted"} and c["figures"] == [] and c["claim"]["figures"] for c in shortened
    )
    assert all(len(o.value) <= limit for o in outputs if o.topic == topics.CLAIMS)


def test_an_article_whose_outputs_cannot_fit_is_rejected_with_the_sizes():
    result = _enriched(DENSE)
    rejected = article_outputs(result, None, None, _limits(figures=FRAMING + len(KEY) + 50), KEY)
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "output_too_large" and "figure event" in rejected.message
    assert rejected.article_id == result.article_id


def test_an_unserializable_output_is_rejected_not_raised():
    result = _enriched()
    result.article["meta"] = {"n": 2**70}  # orjson refuses integers past 64 bits
    rejected = article_outputs(result, None, None, _limits(), KEY)
    assert isinstance(rejected, Rejected) and rejected.reason == "output_error"


def test_a_dead_letter_too_large_keeps_the_first_bytes_and_says_so():
    original = bytes(range(256)) * 400  # 100 KB
    letter = events.dead_letter(Rejected("too_large", "big"), original, b"k", "raw", 0, 5)
    whole = dead_letter_output(dict(letter), original, _limits(), b"k")
    assert base64.b64decode(orjson.loads(whole.value)["original"]) == original
    limit = 50_000
    cut = dead_letter_output(dict(letter), original, _limits(deadletter=limit), b"k")
    payload = _valid(cut)
    assert len(cut.value) <= limit - FRAMING - 1
    kept = base64.b64decode(payload["original"])
    assert payload["original_truncated"] is True and payload["original_size"] == len(original)
    assert original.startswith(kept) and 30_000 < len(kept) < len(original)


def test_findings_over_the_cap_keep_the_first_and_name_only_kept_figures():
    figures = [Figure("body", i, i + 1, "1", 1, "cardinal", id=f"f{i}") for i in range(10)]
    content = Span("body", 0, 10, "x" * 10)
    claims = [Claim("body", "indirect", content, None, None, figures=[figures[1], figures[8]]) for _ in range(4)]
    findings = Findings({}, "k", figures, claims)
    assert cap_findings(findings, 5) == {"figures_found": 10, "claims_found": 4, "kept_per_kind": 5}
    assert [f.id for f in findings.figures] == ["f0", "f1", "f2", "f3", "f4"]
    assert [[f.id for f in c.figures] for c in findings.claims] == [["f1"]] * 4
    under = Findings({}, "k", figures[:1], [])
    assert cap_findings(under, 5) is None and len(under.figures) == 1


def test_the_cap_reaches_the_enriched_event():
    result = _enriched(DENSE, Limits(max_findings=7))
    assert len(result.findings.figures) == 7
    outputs = article_outputs(result, None, None, _limits(), KEY)
    enriched = _valid(outputs[0])
    assert enriched["truncated"]["kept_per_kind"] == 7 and enriched["truncated"]["figures_found"] > 100
    assert sum(o.topic == topics.FIGURES for o in outputs) == 7
