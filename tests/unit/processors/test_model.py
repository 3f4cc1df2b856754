"""to_dict is written out by hand for speed; it must stay what dataclasses.asdict gives
(but a claim's figures, which it names by their ids)."""

from __future__ import annotations

from dataclasses import asdict

from processors.model import Claim, Figure, Span


def test_figure_to_dict_has_every_field():
    figure = Figure("body", 3, 7, "1612", 1612, "cardinal", "منشأة", 8, 13, None, None, "about", 1700, "a:1:figure:0")
    assert figure.to_dict() == asdict(figure)


def test_claim_to_dict_has_every_field_nested():
    figure = Figure("body", 22, 24, "30", 30, "cardinal", id="a:1:figure:0")
    content = Span("body", 20, 40, "الجولة الثالثة ستنعقد")
    speaker = Span("body", 5, 12, "الوزارة")
    cue = {"text": "أعلنت", "lemma": "أعلن", "field": "body", "start": 0, "end": 5}
    for claim in (
        Claim(
            "body",
            "indirect",
            content,
            cue,
            speaker,
            Span("body", 0, 2, "xx"),
            "full",
            Span("body", 1, 2, "y"),
            True,
            True,
            [figure],
            3,
            "a:1:claim:0",
        ),
        Claim("title", "headline", content, None, None),
    ):
        assert claim.to_dict() == asdict(claim) | {"figures": [f.id for f in claim.figures]}


def test_the_models_value_types_are_the_schemas_enums():
    from typing import get_args

    import schemas
    from processors.model import Approx, ClaimType, Field, FigureKind, SpeakerReason, SpeakerResolution

    defs = schemas.load("definitions")["$defs"]
    assert list(get_args(Field)) == defs["field"]["enum"]
    assert list(get_args(FigureKind)) == defs["figure"]["properties"]["kind"]["enum"]
    assert [None, *get_args(Approx)] == defs["figure"]["properties"]["approx"]["enum"]
    assert list(get_args(ClaimType)) == defs["claim"]["properties"]["type"]["enum"]
    claim = defs["claim"]["properties"]
    assert [*get_args(SpeakerResolution), None] == claim["speaker_resolution"]["enum"]
    assert [*get_args(SpeakerReason), None] == claim["speaker_reason"]["enum"]
