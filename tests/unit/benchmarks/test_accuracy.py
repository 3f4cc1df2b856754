"""The claims benchmark's scoring, on tiny hand-made texts (no corpus needed).

Each test builds gold and predicted claims from substrings of a short text, so the
offsets are those a reader would give, and asserts the counts the scoring computes.
"""

from __future__ import annotations

import gzip
import hashlib

import orjson
import pytest

from benchmarks import accuracy as acc
from benchmarks.accuracy import GoldClaim, PredClaim

TEXT = "قال الوزير أحمد سالم إن الاقتصاد ينمو بسرعة. وأضاف أن البطالة تراجعت كثيرا."
#       speaker "الوزير أحمد سالم", cue "قال", content "الاقتصاد ينمو بسرعة"


def at(sub: str, text: str = TEXT, nth: int = 0, field: str = "body") -> acc.Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return (field, start, start + len(sub))


def gold(content, speaker=("الوزير أحمد سالم",), cue="قال", lemma="قال", type="indirect", kind="name", field="body"):
    return GoldClaim(
        field=field,
        type=type,
        content=at(content, field=field) if isinstance(content, str) else content,
        speaker=None if speaker is None else tuple(at(s, field=field) if isinstance(s, str) else s for s in speaker),
        cue=None if cue is None else (at(cue, field=field) if isinstance(cue, str) else cue),
        cue_lemma=lemma,
        speaker_kind=kind,
    )


def pred(content, speaker="الوزير أحمد سالم", cue="قال", lemma="قال", type="indirect", field="body"):
    return PredClaim(
        field=field,
        type=type,
        content=at(content, field=field) if isinstance(content, str) else content,
        speaker=None if speaker is None else (at(speaker, field=field) if isinstance(speaker, str) else speaker),
        cue=None if cue is None else (at(cue, field=field) if isinstance(cue, str) else cue),
        cue_lemma=lemma,
    )


def counts(score, measure):
    return tuple(score.spans[measure])  # (tp, predicted, gold)


# ------------------------------------------------------------------ span arithmetic


def test_iou_and_overlap_arithmetic():
    assert acc.iou(("body", 0, 10), ("body", 5, 15)) == pytest.approx(5 / 15)
    assert acc.iou(("body", 0, 10), ("body", 0, 10)) == 1.0
    assert acc.iou(("body", 0, 10), ("body", 10, 20)) == 0.0  # end is exclusive: touching is not overlapping
    assert not acc.overlaps(("body", 0, 10), ("body", 10, 20))
    assert acc.overlaps(("body", 0, 10), ("body", 9, 20))
    assert acc.iou(("title", 0, 10), ("body", 0, 10)) == 0.0  # another field never overlaps
    assert not acc.overlaps(("body", 0, 10), None)


def test_fold_lemma_folds_alef_forms_and_diacritics_only():
    assert acc.fold_lemma("أكّد") == acc.fold_lemma("اكد") == "اكد"
    assert acc.fold_lemma("إن") == acc.fold_lemma("آن") == "ان"
    assert acc.fold_lemma("نفى") == "نفي"
    assert acc.fold_lemma("قال") != acc.fold_lemma("أعلن")
    assert acc.fold_lemma(None) is None


def test_prf():
    assert acc.prf(2, 4, 8) == pytest.approx((0.5, 0.25, 1 / 3))
    assert acc.prf(0, 3, 2) == (0.0, 0.0, 0.0)
    assert acc.prf(0, 0, 2) == (None, 0.0, None)


# ------------------------------------------------------------------ whole claim


def test_a_perfect_prediction_is_right_everywhere():
    score = acc.score_article("a", [gold("الاقتصاد ينمو بسرعة")], [pred("الاقتصاد ينمو بسرعة")])
    for measure in acc.MEASURES:
        assert counts(score, measure) == (1, 1, 1), measure
    assert score.found == 1 and score.exact_content_found == 1 and score.lemma_right == 1
    assert sum(score.errors.values()) == 0


def test_exact_versus_overlap_for_each_span_kind():
    # speaker "أحمد سالم" inside gold "الوزير أحمد سالم"; cue "قا" inside "قال";
    # content "الاقتصاد ينمو" (13 of the 19 characters of the gold content).
    g = gold("الاقتصاد ينمو بسرعة")
    p = pred("الاقتصاد ينمو", speaker="أحمد سالم", cue=at("قا"))
    assert acc.iou(g.content, p.content) == pytest.approx(13 / 19)
    score = acc.score_article("a", [g], [p])
    assert counts(score, ("speaker", "exact")) == (0, 1, 1)
    assert counts(score, ("speaker", "overlap")) == (1, 1, 1)
    assert counts(score, ("cue", "exact")) == (0, 1, 1)
    assert counts(score, ("cue", "overlap")) == (1, 1, 1)
    assert counts(score, ("content", "exact")) == (0, 1, 1)
    assert counts(score, ("content", "overlap")) == (1, 1, 1)
    assert counts(score, ("claim", None)) == (1, 1, 1)
    assert score.found == 1 and score.exact_content_found == 0


def test_speaker_exact_accepts_any_of_the_gold_spans():
    g = gold("الاقتصاد ينمو بسرعة", speaker=("أحمد سالم", "الوزير"))
    score = acc.score_article("a", [g], [pred("الاقتصاد ينمو بسرعة", speaker="الوزير")])
    assert counts(score, ("speaker", "exact")) == (1, 1, 1)
    score = acc.score_article("a", [g], [pred("الاقتصاد ينمو بسرعة", speaker="الوزير أحمد سالم")])
    assert counts(score, ("speaker", "exact")) == (0, 1, 1)
    assert counts(score, ("speaker", "overlap")) == (1, 1, 1)


def test_iou_threshold_edges():
    # Spans on a plain string of 20 characters: IoU exactly 0.5 is enough, just under is not.
    g = gold(("body", 0, 10), speaker=None, cue=None, lemma=None)
    at_half = pred(("body", 0, 5), speaker=None, cue=None, lemma=None)  # 5/10
    under = pred(("body", 0, 20), speaker=None, cue=None, lemma=None)  # 10/20 = 0.5 too
    below = pred(("body", 5, 16), speaker=None, cue=None, lemma=None)  # 5/16
    assert acc.iou(g.content, at_half.content) == 0.5
    assert acc.iou(g.content, under.content) == 0.5
    for p in (at_half, under):
        score = acc.score_article("a", [g], [p])
        assert counts(score, ("content", "overlap")) == (1, 1, 1)
        assert counts(score, ("claim", None)) == (1, 1, 1)
    score = acc.score_article("a", [g], [below])
    assert counts(score, ("content", "overlap")) == (0, 1, 1)
    assert counts(score, ("claim", None)) == (0, 1, 1)
    assert score.errors == {"content_boundary": 1}
    # One character further and the same prediction is right again: 6/15 < 0.5, 6/12 = 0.5.
    score = acc.score_article("a", [g], [pred(("body", 4, 16), speaker=None, cue=None, lemma=None)])
    assert counts(score, ("claim", None)) == (0, 1, 1)
    score = acc.score_article("a", [g], [pred(("body", 4, 10), speaker=None, cue=None, lemma=None)])
    assert acc.iou(g.content, ("body", 4, 10)) == pytest.approx(0.6)
    assert counts(score, ("claim", None)) == (1, 1, 1)


def test_null_speaker_is_matched_only_by_a_null_speaker():
    g = gold("الاقتصاد ينمو بسرعة", speaker=None, kind="none")
    right = acc.score_article("a", [g], [pred("الاقتصاد ينمو بسرعة", speaker=None)])
    assert counts(right, ("claim", None)) == (1, 1, 1)
    # null speakers are not spans: no speaker unit on either side
    assert counts(right, ("speaker", "overlap")) == (0, 0, 0)
    wrong = acc.score_article("a", [g], [pred("الاقتصاد ينمو بسرعة", speaker="الوزير")])
    assert counts(wrong, ("claim", None)) == (0, 1, 1)
    assert counts(wrong, ("speaker", "overlap")) == (0, 1, 0)
    assert wrong.errors == {"wrong_speaker_mention": 1}
    missing = acc.score_article("a", [gold("الاقتصاد ينمو بسرعة")], [pred("الاقتصاد ينمو بسرعة", speaker=None)])
    assert counts(missing, ("claim", None)) == (0, 1, 1)
    assert counts(missing, ("speaker", "overlap")) == (0, 0, 1)
    assert missing.errors == {"wrong_speaker_null": 1}


# ------------------------------------------------------------------ one-to-one


def test_one_prediction_matches_one_gold_claim_only():
    # Two gold claims with the same speaker; one prediction covering the first.
    golds = [gold("الاقتصاد ينمو بسرعة"), gold("البطالة تراجعت كثيرا", cue="وأضاف", lemma="أضاف")]
    preds = [pred("الاقتصاد ينمو بسرعة"), pred("الاقتصاد ينمو بسرعة")]  # the same claim twice
    score = acc.score_article("a", golds, preds)
    assert counts(score, ("claim", None)) == (1, 2, 2)
    assert counts(score, ("content", "exact")) == (1, 2, 2)
    assert counts(score, ("speaker", "exact")) == (2, 2, 2)  # both predicted speakers name a gold speaker
    assert counts(score, ("cue", "exact")) == (1, 2, 2)  # the same cue twice, one gold cue "قال"
    assert score.errors == {"missed": 1, "duplicate": 1}


def test_greedy_alignment_takes_the_best_iou_first():
    # Gold A = [0, 10), gold B = [10, 20); prediction P1 = [0, 12) overlaps both; P2 = [9, 20).
    golds = [
        gold(("body", 0, 10), speaker=None, cue=None, lemma=None),
        gold(("body", 10, 20), speaker=None, cue=None, lemma=None),
    ]
    preds = [
        pred(("body", 0, 12), speaker=None, cue=None, lemma=None),
        pred(("body", 9, 20), speaker=None, cue=None, lemma=None),
    ]
    assert acc.align(golds, preds) == [(0, 0, pytest.approx(10 / 12)), (1, 1, pytest.approx(10 / 11))]
    score = acc.score_article("a", golds, preds)
    assert counts(score, ("claim", None)) == (2, 2, 2)


def test_one_prediction_over_two_gold_claims_is_a_merge():
    golds = [
        gold(("body", 0, 10), speaker=None, cue=None, lemma=None),
        gold(("body", 10, 20), speaker=None, cue=None, lemma=None),
    ]
    preds = [pred(("body", 0, 20), speaker=None, cue=None, lemma=None)]
    score = acc.score_article("a", golds, preds)
    assert counts(score, ("claim", None)) == (1, 1, 2)
    assert score.errors == {"merged": 1}


def test_matching_stays_within_a_field():
    g = gold(("title", 0, 10), speaker=None, cue=None, lemma=None, field="title")
    p = pred(("body", 0, 10), speaker=None, cue=None, lemma=None, field="body")
    score = acc.score_article("a", [g], [p])
    assert counts(score, ("content", "exact")) == (0, 1, 1)
    assert score.errors == {"missed": 1, "spurious": 1}


def test_max_matching_finds_the_augmenting_path():
    # gold 0 can take pred 0 or 1, gold 1 only pred 0: a greedy first choice would give 1.
    edges = {(0, 0), (0, 1), (1, 0)}
    assert acc.max_matching(2, 2, lambda g, p: (g, p) in edges) == 2
    assert acc.max_matching(2, 1, lambda g, p: True) == 1


# ------------------------------------------------------------------ error classes


def test_error_classes_partition_gold_and_predicted_claims():
    golds = [
        gold("الاقتصاد ينمو بسرعة", type="indirect"),
        gold("البطالة تراجعت كثيرا", speaker=None, cue="وأضاف", lemma="أضاف", kind="carried"),
        gold(("body", 0, 3), speaker=None, cue=None, lemma=None, type="headline", kind="none"),  # missed
    ]
    preds = [
        pred("الاقتصاد ينمو بسرعة", type="direct", lemma="أكد"),  # right, wrong type, wrong lemma
        pred("البطالة", speaker="الوزير", cue="وأضاف", lemma="أضاف"),  # boundary (7/20)
        pred("بسرعة", speaker="أحمد سالم"),  # inside the first gold content, which is taken: duplicate
        pred("أحمد سالم", speaker=None),  # between the gold contents: spurious
    ]
    score = acc.score_article("a", golds, preds)
    assert score.errors == {
        "wrong_type": 1,
        "wrong_cue_lemma": 1,
        "content_boundary": 1,
        "missed": 1,
        "duplicate": 1,
        "spurious": 1,
    }
    right = score.spans[("claim", None)][0]
    assert right == 1
    assert right + sum(score.errors[c] for c in acc.GOLD_ERRORS) == len(golds)
    pair_errors = sum(score.errors[c] for c in ("content_boundary", "wrong_speaker_null", "wrong_speaker_mention"))
    assert right + pair_errors + score.errors["spurious"] + score.errors["duplicate"] == len(preds)
    assert score.found == 1 and score.lemma_right == 0
    assert dict(score.by_class) == {
        ("speaker_kind", "name"): [1, 1, 1],
        ("type", "indirect"): [2, 1, 1],
        ("speaker_kind", "carried"): [1, 0, 0],
        ("speaker_kind", "none"): [1, 0, 0],
        ("type", "headline"): [1, 0, 0],
    }


def test_cue_lemma_compares_after_folding_and_null_equals_null():
    g = gold("الاقتصاد ينمو بسرعة", cue=None, lemma=None, type="headline")
    score = acc.score_article("a", [g], [pred("الاقتصاد ينمو بسرعة", cue=None, lemma=None, type="headline")])
    assert score.lemma_right == 1 and counts(score, ("cue", "exact")) == (0, 0, 0)
    g = gold("الاقتصاد ينمو بسرعة", lemma="أكد")
    score = acc.score_article("a", [g], [pred("الاقتصاد ينمو بسرعة", lemma="اكد")])
    assert score.lemma_right == 1 and "wrong_cue_lemma" not in score.errors


def test_scores_add_up_across_articles():
    total = acc.Score()
    total.add(acc.score_article("a", [gold("الاقتصاد ينمو بسرعة")], [pred("الاقتصاد ينمو بسرعة")]))
    total.add(acc.score_article("b", [gold("الاقتصاد ينمو بسرعة")], []))
    assert total.articles == 2 and total.gold == 2 and total.pred == 1
    assert total.prf(("claim", None)) == pytest.approx((1.0, 0.5, 2 / 3))
    assert total.errors == {"missed": 1}


def test_khabar_claims_are_read_from_their_published_shape():
    claim = {
        "field": "body",
        "type": "indirect",
        "speaker": {"field": "body", "start": 4, "end": 20, "text": "x"},
        "cue": {"text": "قال", "lemma": "قال", "field": "body", "start": 0, "end": 3},
        "content": {"field": "body", "start": 24, "end": 43, "text": "y"},
    }
    p = acc.pred_from_dict(claim)
    assert p == PredClaim("body", "indirect", ("body", 24, 43), ("body", 4, 20), ("body", 0, 3), "قال")
    assert acc.pred_from_dict(claim | {"speaker": None, "cue": None}).speaker is None


# ------------------------------------------------------------------ files, end to end


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _write(tmp_path, article, claims, sha=None):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    with gzip.open(corpus / "tiny-corpus.jsonl.gz", "wb") as f:
        f.write(orjson.dumps(article) + b"\n")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir(exist_ok=True)
    line = {
        "corpus": "tiny-corpus",
        "id": article["id"],
        "source": "t",
        "sha256": sha or {"title": _sha(article["title"]), "body": _sha(article["body"])},
        "claims": claims,
    }
    (gold_dir / "batch1.jsonl").write_bytes(orjson.dumps(line) + b"\n")
    return gold_dir, corpus


ARTICLE = {"id": "t-1", "url": "https://example.com/t-1", "source": "t", "title": "الاقتصاد", "body": TEXT}


def test_end_to_end_on_a_tiny_corpus(tmp_path, capsys):
    span = lambda s: list(at(s)[1:])  # noqa: E731
    claims = [
        {
            "field": "body",
            "type": "indirect",
            "speaker": [span("الوزير أحمد سالم")],
            "speaker_kind": "name",
            "cue": span("قال"),
            "cue_lemma": "قال",
            "content": span("الاقتصاد ينمو بسرعة"),
            "according_to": None,
        }
    ]
    gold_dir, corpus = _write(tmp_path, ARTICLE, claims)
    out_json = tmp_path / "out.json"
    assert acc.main(["--gold", str(gold_dir), "--corpus", str(corpus), "--json", str(out_json), "--errors", "2"]) == 0
    captured = capsys.readouterr()
    assert "| whole claim" in captured.out and "| tiny P / R / F1 | all P / R / F1 |" in captured.out
    report = orjson.loads(out_json.read_bytes())
    assert report["all"]["articles"] == 1 and report["all"]["gold_claims"] == 1
    assert set(report) == {"tiny-corpus", "all", "error_examples"}
    assert TEXT[:10] not in out_json.read_text(encoding="utf-8")  # no text in the JSON


def test_a_changed_corpus_text_is_a_clear_error(tmp_path, capsys):
    gold_dir, corpus = _write(tmp_path, ARTICLE, [], sha={"title": _sha(ARTICLE["title"]), "body": "0123456789abcdef"})
    assert acc.main(["--gold", str(gold_dir), "--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "sha256" in err and "body" in err and "t-1" in err and "batch1.jsonl:1" in err


def test_a_missing_corpus_directory_names_the_option(tmp_path, capsys):
    gold_dir, _ = _write(tmp_path, ARTICLE, [])
    assert acc.main(["--gold", str(gold_dir), "--corpus", str(tmp_path / "nowhere")]) == 2
    assert "--corpus" in capsys.readouterr().err


def test_gold_offsets_beyond_the_text_are_an_error(tmp_path, capsys):
    claims = [
        {
            "field": "title",
            "type": "headline",
            "speaker": None,
            "speaker_kind": "none",
            "cue": None,
            "cue_lemma": None,
            "content": [0, 500],
        }
    ]
    gold_dir, corpus = _write(tmp_path, ARTICLE, claims)
    assert acc.main(["--gold", str(gold_dir), "--corpus", str(corpus)]) == 2
    assert "beyond the title" in capsys.readouterr().err
