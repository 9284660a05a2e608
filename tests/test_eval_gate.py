"""Evaluation gate over the project's own annotated corpus (tests/corpus/*.jsonl).

Like trafilatura's eval gate: precision, recall and field accuracies have pinned floors in
tests/eval_floors.json. A change that lowers extraction quality below a floor fails CI; the
floors themselves may only rise (checked against the file's git history). Misses are written
to artifacts/eval-misses.jsonl for reading.
"""

from __future__ import annotations

import itertools
import json
import subprocess
from typing import Any

import pytest

from tollbook.evaluation.scoring import (
    Outcome,
    compare,
    expected_from_dict,
    misses_report,
    score,
    write_jsonl,
)
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline

from .conftest import ARTIFACTS, CORPUS, ROOT

FLOORS = ROOT / "tests" / "eval_floors.json"


def load_corpus() -> list[dict[str, Any]]:
    items = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def run_corpus(pipeline: Pipeline) -> tuple[list[Outcome], dict[str, list[Outcome]]]:
    outcomes: list[Outcome] = []
    by_file: dict[str, list[Outcome]] = {}
    for item in load_corpus():
        doc = document_from_text(item["text"], published=item.get("published"))
        claims = pipeline.run(doc).claims
        expected = [expected_from_dict(doc.text, d, item["id"]) for d in item["claims"]]
        o = compare(item["id"], doc.text, expected, claims)
        outcomes.append(o)
        by_file.setdefault(item["id"].split("-")[0], []).append(o)
    return outcomes, by_file


@pytest.fixture(scope="module")
def results(pipeline: Pipeline) -> dict[str, Any]:
    outcomes, by_file = run_corpus(pipeline)
    write_jsonl(misses_report(outcomes), ARTIFACTS / "eval-misses.jsonl")
    overall = score(outcomes).as_dict()
    per_file = {k: score(v).as_dict() for k, v in sorted(by_file.items())}
    (ARTIFACTS / "eval-scores.json").write_text(json.dumps({"overall": overall, "per_file": per_file}, indent=2))
    return {"overall": overall, "per_file": per_file}


def test_corpus_meets_floors(results: dict[str, Any]) -> None:
    floors = json.loads(FLOORS.read_text())
    got = results["overall"]
    failures = []
    for metric in ("precision", "recall", "f1"):
        if got[metric] + 1e-9 < floors["overall"][metric]:
            failures.append(f"{metric} {got[metric]:.4f} < floor {floors['overall'][metric]}")
    for name, floor in floors.get("field_accuracy", {}).items():
        value = got["field_accuracy"].get(name, 0.0)
        if value + 1e-9 < floor:
            failures.append(f"field {name} accuracy {value:.4f} < floor {floor}")
    for group, f in floors.get("per_file", {}).items():
        value = results["per_file"].get(group, {}).get("f1", 0.0)
        if value + 1e-9 < f:
            failures.append(f"{group} f1 {value:.4f} < floor {f}")
    assert not failures, "; ".join(failures) + f" (misses in {ARTIFACTS / 'eval-misses.jsonl'})"


def _floors_at(commit: str) -> dict[str, Any] | None:
    rel = FLOORS.relative_to(ROOT).as_posix()
    proc = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT, capture_output=True, text=True)
    return json.loads(proc.stdout) if proc.returncode == 0 else None


def _flatten(floors: dict[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for k, v in floors.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        elif isinstance(v, (int, float)):
            out[prefix + k] = float(v)
    return out


def test_floors_only_rise() -> None:
    """Every committed version of the floors is >= the one before, and the working copy >= HEAD."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the floors' history cannot be read")
    proc = subprocess.run(["git", "log", "--first-parent", "--format=%H", "--reverse", "--", "tests/eval_floors.json"],
                          cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    versions = [f for c in proc.stdout.split() if (f := _floors_at(c)) is not None]
    versions.append(json.loads(FLOORS.read_text()))
    for older, newer in itertools.pairwise(versions):
        old, new = _flatten(older), _flatten(newer)
        lowered = {k: (old[k], new.get(k)) for k in old if new.get(k, -1.0) < old[k]}
        assert not lowered, f"eval floors were lowered or removed: {lowered}"


def test_gate_detects_a_regression(pipeline: Pipeline) -> None:
    """The gate can fail: dropping every prediction scores recall 0."""
    item = load_corpus()[0]
    doc = document_from_text(item["text"])
    expected = [expected_from_dict(doc.text, d) for d in item["claims"]]
    assert expected, "the first corpus item should hold a claim"
    assert score([compare("x", doc.text, expected, [])]).recall == 0.0


def test_print_scores(results: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        o = results["overall"]
        print(f"\n[eval gate] corpus P={o['precision']:.3f} R={o['recall']:.3f} F1={o['f1']:.3f} "
              f"({o['matched']}/{o['expected']} expected, {o['predicted']} predicted)")  # fmt: skip
    assert 0.0 <= results["overall"]["f1"] <= 1.0


