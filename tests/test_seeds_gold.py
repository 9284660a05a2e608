"""Acceptance: on the two seed documents, every gold claim of ../shared/gold/seeds.jsonl is
found with its value, category, population, parent, place, event date and source, and no
other claim is made (no regiment numbers, anniversaries, durations or "15 states")."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import pytest

from tollbook.evaluation.scoring import compare, expected_from_dict, misses_report
from tollbook.geo.names import name_key
from tollbook.ingest.sources import read_path
from tollbook.pipeline import Pipeline

from .conftest import require_shared


def _gold() -> dict[str, list[dict[str, Any]]]:
    path = require_shared("gold", "seeds.jsonl")
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_doc[row["doc"]].append(row)
    return by_doc


@pytest.mark.shared
@pytest.mark.parametrize("name", ["000_3af6d30ae5fafc79.txt", "003_d82d8375e48fe3bd.txt"])
def test_seed_matches_gold_exactly(name: str, pipeline: Pipeline) -> None:
    gold = _gold()[name]
    seed = require_shared("seeds", name)
    [doc] = [d for d in read_path(seed) if not isinstance(d, Exception)]  # type: ignore[misc]
    claims = pipeline.run(doc).claims  # type: ignore[union-attr]
    expected = [expected_from_dict(doc.text, g, g["id"]) for g in gold]  # type: ignore[union-attr]
    outcome = compare(name, doc.text, expected, claims, place_key=name_key)  # type: ignore[union-attr]
    report = json.dumps(misses_report([outcome]), ensure_ascii=False, indent=1)[:4000]
    assert not outcome.missed, f"gold claims not found: {report}"
    assert not outcome.spurious, f"claims the gold does not have: {report}"
    assert not outcome.field_errors, f"fields that differ from the gold: {report}"
    assert len(outcome.matched) == len(gold)


@pytest.mark.shared
def test_seed_distractors_are_not_claims(pipeline: Pipeline) -> None:
    """The numbers the gold README names as non-casualties never appear as claims."""
    texts = []
    for name in ("000_3af6d30ae5fafc79.txt", "003_d82d8375e48fe3bd.txt"):
        [doc] = list(read_path(require_shared("seeds", name)))
        texts.extend(c.text for c in pipeline.run(doc).claims)  # type: ignore[arg-type]
    for distractor in ("366", "32", "44", "15", "25th", "1949", "2010", "2017"):
        assert not any(re.match(rf"(?:\w+\s+)?{distractor}(?!\d)", t.strip()) for t in texts), distractor


