"""Each claim lists the ids of the figures inside its content, field by field."""

from __future__ import annotations

from processors.enrich import enrich


def test_claims_list_the_figures_inside_their_content_in_each_field():
    article = {
        "title": "الوزير: بناء 40 مدرسة هذا العام",
        "body": "وقال الوزير إن الحكومة ستبني 40 مدرسة و12 مستشفى هذا العام. وفي الشمال تضرر 7 منازل.",
    }
    findings = enrich(article, "a1").to_dict()
    figures = {f["id"]: f for f in findings["figures"]}
    by_field = {}
    for claim in findings["claims"]:
        by_field.setdefault(claim["field"], []).append(claim)
    assert set(by_field) == {"title", "body"}
    for claim in findings["claims"]:
        content = claim["content"]
        inside = [
            f["id"]
            for f in findings["figures"]
            if f["field"] == claim["field"] and content["start"] <= f["start"] and f["end"] <= content["end"]
        ]
        assert claim["figures"] == inside
        assert all(figures[i]["field"] == claim["field"] for i in claim["figures"])
    (body_claim,) = by_field["body"]
    assert [figures[i]["text"] for i in body_claim["figures"]] == ["40", "12"]
    (title_claim,) = by_field["title"]
    assert [figures[i]["text"] for i in title_claim["figures"]] == ["40"]
