"""Every message an article becomes, serialized and checked to fit its topic before
anything is sent.

A message the broker would refuse (over the topic's max.message.bytes) or that cannot
be serialized is a fact about the article, not about the broker: found here, before
the first send, it becomes a dead letter with its reason. Found by the producer, half
the article's outputs would be out and the agent would crash on it again after every
restart.

What a very long article gets (README, "Very long articles"):
- the enriched event in full when it fits; else without the normalized texts
  (`truncated.normalized = "omitted"`: every span indexes the original text anyway);
  else listing only the first claims and figures that fit
  (`truncated.claims_listed` / `figures_listed`; each kept finding is still published
  on its own topic);
- a claim event without the figures inside its content when it would not fit
  (`truncated.figures = "omitted"`; their ids stay in `claim.figures`);
- when even that is too large (a topic configured smaller than an article):
  the article is dead-lettered `output_too_large`, with the sizes.
A dead letter too large for its topic carries the first bytes of the original
(`original_truncated`, `original_size`); the whole stays in the raw topic.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Callable

import orjson

from streams import codecs, events, topics
from streams.pipeline import Enriched, Rejected

# What a record costs beyond its value: the key, the schema header, Kafka's record and
# batch framing (~70 bytes). Generous, so that a value that passes here always passes
# the producer's and the broker's own checks.
FRAMING = 1024


@dataclass(frozen=True, slots=True)
class Output:
    topic: str  # logical name: topics.ENRICHED, CLAIMS, FIGURES, DEADLETTER
    value: bytes
    schema: str


class _TooLarge(Exception):
    pass


def _budget(limits: dict[str, int], topic: str, key: bytes | None) -> int:
    return limits[topic] - FRAMING - len(key or b"")


def _fit(value: dict[str, Any], budget: int, shrink: list[Callable[[dict[str, Any], int], None]], what: str) -> bytes:
    """Serialize `value`, applying each shrinking step in turn until it fits."""
    data = codecs.dumps(value)
    for step in shrink:
        if len(data) <= budget:
            break
        step(value, budget)
        data = codecs.dumps(value)
    if len(data) > budget:
        raise _TooLarge(f"the {what} is {len(data)} bytes, over the {budget} its topic takes")
    return data


def _omit_normalized(event: dict[str, Any], budget: int) -> None:
    event["normalized"] = {}
    event["truncated"] = {**(event.get("truncated") or {}), "normalized": "omitted"}


def _list_what_fits(event: dict[str, Any], budget: int) -> None:
    """Keep the leading claims, then the leading figures, that fit in the budget: the
    sizes are measured one finding at a time (linear), only on this rare path."""
    claims, figures = event["claims"], event["figures"]
    event["claims"], event["figures"] = [], []
    event["truncated"] = {**(event.get("truncated") or {}), "claims_listed": 0, "figures_listed": 0}
    room = budget - len(codecs.dumps(event)) - 64  # the digits of the two counts
    for name, items in (("claims", claims), ("figures", figures)):
        kept = 0
        for item in items:
            size = len(codecs.dumps(item)) + 1  # the comma
            if size > room:
                break
            room -= size
            kept += 1
        event[name] = items[:kept]
        event["truncated"][f"{name}_listed"] = kept


def _omit_claim_figures(event: dict[str, Any], budget: int) -> None:
    event["figures"] = []
    event["truncated"] = {"figures": "omitted"}


def article_outputs(
    result: Enriched, duplicate_of: str | None, where: dict[str, Any] | None, limits: dict[str, int], key: bytes
) -> list[Output] | Rejected:
    """The enriched article, its claims and its figures, serialized, each within its
    topic's limit (`limits`: logical topic name -> max message bytes); or the reason
    the article must be dead-lettered instead."""
    try:
        enriched, claims, figures = events.article_events(result, duplicate_of, where)
        out = [
            Output(
                topics.ENRICHED,
                _fit(
                    enriched,
                    _budget(limits, topics.ENRICHED, key),
                    [_omit_normalized, _list_what_fits],
                    "enriched article",
                ),
                "article.enriched",
            )
        ]
        claim_budget = _budget(limits, topics.CLAIMS, key)
        for claim in claims:
            out.append(Output(topics.CLAIMS, _fit(claim, claim_budget, [_omit_claim_figures], "claim event"), "claim"))
        figure_budget = _budget(limits, topics.FIGURES, key)
        for figure in figures:
            out.append(Output(topics.FIGURES, _fit(figure, figure_budget, [], "figure event"), "figure"))
    except _TooLarge as exc:
        return Rejected("output_too_large", str(exc), result.article_id)
    except (orjson.JSONEncodeError, TypeError, ValueError) as exc:
        # e.g. an integer past 64 bits in the article's free-form `meta`.
        return Rejected("output_error", f"{type(exc).__name__}: {exc}"[:1000], result.article_id)
    return out


def dead_letter_output(
    letter: dict[str, Any], original: bytes | None, limits: dict[str, int], key: bytes | None
) -> Output:
    """The dead letter, serialized; when the original bytes would not fit the
    dead-letter topic (a raw topic configured larger than khabar's limits), only their
    first bytes go in, flagged `original_truncated`."""
    budget = _budget(limits, topics.DEADLETTER, key)
    data = codecs.dumps(letter)
    if len(data) > budget:
        value = original or b""
        room = max(0, budget - (len(data) - len(letter["original"])) - 64)
        letter["original"] = base64.b64encode(value[: room * 3 // 4]).decode("ascii")
        letter["original_truncated"] = True
        data = codecs.dumps(letter)
    return Output(topics.DEADLETTER, data, "deadletter")
