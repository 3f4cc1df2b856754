"""No article makes the findings grow faster than the article (issue #12).

Arbitrary mixes of the adversarial structures (benchmarks/adversarial.py: quotation
marks balanced or not, cues with أن, speaker phrases, according-to markers, number
words, digit groups, ranges, brackets, ligatures, diacritics, line breaks...) are
enriched, and the output is held to bounds linear in the text:

- the claim contents of a field add up to at most MAX_CONTENT_DEPTH (3) x its length
  (processors/claims/ranges.py, _bound_depth);
- a field has at most as many figures as characters;
- display is at most 2 x the original + 64 characters (processors/text/normalize.py,
  _GROWTH_SLACK);
- the findings as JSON (what the worker publishes, less the envelope) are at most
  BYTES_PER_CHAR x (title + body characters) + BYTES_SLACK bytes;
- and every span indexes the original: original[start:end] == text.
"""

from __future__ import annotations

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.adversarial import FAMILIES
from processors.claims.extract import MAX_CONTENT_DEPTH
from processors.enrich import enrich

# A figure is ~300 bytes of JSON and can be two characters of text ("5 5 5"); a claim is
# ~1 KB with its speaker (at most 200 characters, carried over to every "وأضاف أن x.").
BYTES_PER_CHAR = 256
BYTES_SLACK = 4096
ARTICLE_ID = "adversarial-0123456789abcdef"

# One to three repeats of each family's structure, and the glue between them.
FRAGMENTS = sorted({FAMILIES[name](k)["body"] for name in FAMILIES for k in (1, 2, 3)})
GLUE = [" ", "", "\n", "، ", ". ", ": ", "«", "»", '"', "(", ")", "قال ", "إن ", "و", "5 ", "\ufdfa", "\u0654"]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(GLUE))
text = st.lists(st.tuples(fragment, st.integers(1, 12)), min_size=1, max_size=12).map(
    lambda parts: "".join(f * k for f, k in parts)
)
article = st.fixed_dictionaries(
    {
        "url": st.just("https://adversarial.example/x"),
        "source": st.just("adversarial"),
        "title": st.one_of(st.just("خبر"), text),
        "body": text,
    }
)


def _check_span(original: dict, span: dict) -> None:
    field = original[span["field"]]
    assert 0 <= span["start"] <= span["end"] <= len(field)
    assert field[span["start"] : span["end"]] == span["text"]


def check_bounds(a: dict) -> dict:
    out = enrich(a, ARTICLE_ID).to_dict()
    fields = {k: a[k] for k in ("title", "body") if a.get(k)}
    for name, norm in out["normalized"].items():
        assert len(norm["display"]) <= 2 * len(fields[name]) + 64
    for f in out["figures"]:
        _check_span(a, f)
        if f["counted"] is not None:
            assert a[f["field"]][f["counted_start"] : f["counted_end"]] == f["counted"]
    for name, value in fields.items():
        assert sum(f["field"] == name for f in out["figures"]) <= len(value)
    content: dict[str, int] = {}
    for c in out["claims"]:
        _check_span(a, c["content"])
        for key in ("speaker", "speaker_role", "according_to", "cue"):
            if c[key] is not None:
                _check_span(a, c[key])
        content[c["field"]] = content.get(c["field"], 0) + c["content"]["end"] - c["content"]["start"]
    for name, total in content.items():
        assert total <= MAX_CONTENT_DEPTH * len(fields[name]), (name, total, len(fields[name]))
    size = len(orjson.dumps(out))
    assert size <= BYTES_PER_CHAR * sum(map(len, fields.values())) + BYTES_SLACK
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(article)
def test_output_is_linear_in_the_article(a):
    check_bounds(a)


def test_each_family_within_bounds():
    for make in FAMILIES.values():
        for n in (1, 7, 40):
            check_bounds(make(n))


def test_unbalanced_quotes_keep_every_claim_with_a_bounded_content():
    # The reproduction: «قال الوزير: «» 2,000 times gave 47 MB.
    a = FAMILIES["quotes_unbalanced"](2000)
    out = check_bounds(a)
    body = [c for c in out["claims"] if c["field"] == "body"]
    assert len(body) == 1999  # the last « opens nothing
    assert all(c["speaker"]["text"] == "الوزير" for c in body)
    assert len(orjson.dumps(out)) < 3_000_000
    # Each content runs to the third quotation after its own (MAX_CONTENT_DEPTH); the
    # last ones run to the end, as before.
    assert body[0]["content"]["text"].count("«") == MAX_CONTENT_DEPTH - 1
    assert body[-1]["content"]["end"] > len(a["body"]) - len("قال الوزير: «")


def test_legitimate_nesting_is_untouched():
    body = "وقال الوزير إن الرئيس أكد أن المتحدث قال إن الوضع مستقر تماما."
    out = enrich({"url": "https://x.example/a", "source": "s", "title": "خبر", "body": body}, "a").to_dict()
    contents = [c["content"]["text"] for c in out["claims"]]
    assert contents == [
        "الرئيس أكد أن المتحدث قال إن الوضع مستقر تماما",
        "المتحدث قال إن الوضع مستقر تماما",
        "الوضع مستقر تماما",
    ]
