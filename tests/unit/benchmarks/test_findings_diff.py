"""benchmarks/findings_diff.py: the samples' findings compare equal to themselves, and a
changed finding is reported."""

from __future__ import annotations

import orjson

from benchmarks import findings_diff


def test_the_samples_compare_equal_run_to_run(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    count = findings_diff.dump(one, None)
    assert count >= 9
    findings_diff.dump(two, None)
    assert findings_diff.differences(one, two) == []
    assert findings_diff.main(["compare", str(one), str(two)]) == 0


def test_a_changed_added_or_removed_finding_is_reported(tmp_path):
    before = tmp_path / "before.jsonl"
    findings_diff.dump(before, None)
    rows = [orjson.loads(line) for line in before.read_bytes().splitlines()]
    row = next(r for r in rows if r["figures"] and r["claims"])
    row["figures"][0]["value"] = -1
    removed = row["claims"].pop()
    after = tmp_path / "after.jsonl"
    after.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    lines = findings_diff.differences(before, after)
    assert len(lines) == 2
    assert any("figures" in line and "changed value" in line for line in lines)
    assert any("claims" in line and "removed" in line and str(removed["content"]["start"]) in line for line in lines)
    assert findings_diff.main(["compare", str(before), str(after)]) == 1
