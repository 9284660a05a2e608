"""Held-out generalisation gate: sentences written for issue 20 before the rules were run on them.

Input: tests/corpus/heldout/*.jsonl (one sentence per row with a coder's per-sentence totals for
killed, wounded, hostage, missing, displaced; null = not scored) -> exact-match rates per label,
on rows with gold > 0 and on all rows, compared with the floors under "heldout" in
tests/eval_floors.json (floors only rise: test_eval_gate.test_floors_only_rise).

The rows are scored exactly as `tollbook eval labelled FILE --label killed=killed ...` scores
them (evaluation.labelled), so a miss here reads the same in the CLI's --misses file. Regions,
outlets and styles are the ones the development data lacks (Sahel, Great Lakes, Myanmar,
Colombia, Mexico, Sudan, Ukraine, Kashmir, the Philippines; 1985-2025); see the folder's README.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tollbook.evaluation.labelled import LabelSpec, read_rows, run_rows, scores
from tollbook.pipeline import Pipeline

from .conftest import ROOT

HELDOUT = ROOT / "tests" / "corpus" / "heldout"
FLOORS = ROOT / "tests" / "eval_floors.json"
LABELS = tuple(LabelSpec(c, c) for c in ("killed", "wounded", "hostage", "missing", "displaced"))


def _score(path: Path, pipeline: Pipeline) -> dict[str, float]:
    """`label/subset` -> exact rate over both halves, e.g. {'killed/gold>0': 0.87}."""
    scored = run_rows(read_rows(path, LABELS), LABELS, pipeline)
    return {f"{r['label']}/{r['subset']}": float(r["exact"]) for r in scores(scored, path.stem)
            if r["half"] == "both" and r["subset"] in ("all", "gold>0")}  # fmt: skip


@pytest.fixture(scope="module")
def measured(pipeline: Pipeline) -> dict[str, dict[str, float]]:
    return {p.stem: _score(p, pipeline) for p in sorted(HELDOUT.glob("*.jsonl"))}


def test_heldout_rows_are_well_formed() -> None:
    ids: list[str] = []
    for path in sorted(HELDOUT.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            row: dict[str, Any] = json.loads(line)
            assert row["text"].strip(), f"{path.name}:{n}: empty text"
            for spec in LABELS:
                v = row[spec.field]
                assert v is None or (isinstance(v, int) and v >= 0), f"{path.name}:{n}: bad {spec.field} {v!r}"
            ids.append(row["id"])
    assert len(ids) >= 200, f"only {len(ids)} held-out rows"
    assert len(set(ids)) == len(ids), "duplicate held-out ids"


def test_heldout_meets_floors(measured: dict[str, dict[str, float]]) -> None:
    floors: dict[str, dict[str, float]] = json.loads(FLOORS.read_text())["heldout"]
    assert set(floors) <= set(measured), f"a floored held-out file is gone: {set(floors) - set(measured)}"
    failures = [f"{name} {key} {measured[name].get(key, 0.0):.4f} < floor {floor}"
                for name, per in floors.items() for key, floor in per.items()
                if measured[name].get(key, 0.0) + 1e-9 < floor]  # fmt: skip
    assert not failures, "; ".join(failures) + " (run `tollbook eval labelled` on the file with --misses)"


def test_heldout_gate_can_fail(pipeline: Pipeline, tmp_path: Path) -> None:
    """A row whose gold the text does not support scores 0: the gate is not vacuous."""
    path = tmp_path / "wrong.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Four soldiers were killed near Gao.", "killed": 7,
                                "wounded": None, "hostage": None, "missing": None, "displaced": None}) + "\n")
    assert _score(path, pipeline)["killed/gold>0"] == 0.0
