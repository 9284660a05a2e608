"""Multi-outlet scenarios (tests/scenarios/*): grouping, reconciliation and origins floors.

Each scenario holds several outlets' reports of fictional incidents and a gold.json (see
tollbook.evaluation.scenarios). The scores have floors (and ceilings for spurious events) in
tests/scenarios_floors.json; a change that falls below them fails, and the floors themselves
may only rise, the ceilings only fall (checked against the file's git history).
"""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tollbook.evaluation.scenarios import ScenarioScores, score_scenarios

from .conftest import ROOT

SCENARIOS = ROOT / "tests" / "scenarios"
FLOORS = ROOT / "tests" / "scenarios_floors.json"
REL = "tests/scenarios_floors.json"


def _dirs() -> list[Path]:
    return sorted(p for p in SCENARIOS.iterdir() if (p / "gold.json").exists())


@pytest.fixture(scope="module")
def scores() -> ScenarioScores:
    return score_scenarios(_dirs())


def test_scenarios_meet_floors(scores: ScenarioScores, capsys: pytest.CaptureFixture[str]) -> None:
    limits = json.loads(FLOORS.read_text())
    got = scores.as_dict()
    with capsys.disabled():
        print("\nscenarios:", json.dumps(got))
    assert len(_dirs()) >= limits["min_scenarios"]
    low = {k: (got[k], f) for k, f in limits["floors"].items() if got[k] + 1e-9 < f}
    high = {k: (got[k], c) for k, c in limits["ceilings"].items() if got[k] > c}
    problems = [r for r in scores.rows if "problem" in r or not all(r.get("ok", {}).values())]
    assert not low and not high, f"below floors {low}, above ceilings {high}: {problems}"


def test_every_gold_is_well_formed() -> None:
    for d in _dirs():
        gold = json.loads((d / "gold.json").read_text())
        files = {p.name for p in d.iterdir()}
        for inc in gold["incidents"]:
            assert set(inc["docs"]) <= files, (d.name, inc["id"])
            k = inc["killed"]
            assert k["low"] <= k["best"] <= k["high"], (d.name, inc["id"])
            assert inc["status"] in ("single", "agree", "refine", "update", "conflict")
            assert inc["origins"] >= 1
        for f, _sub, kind in gold.get("not_incidents", ()):
            assert f in files and kind in ("aggregate", "background", "sidebar"), (d.name, f)


def test_scoring_catches_a_split_incident(tmp_path: Path) -> None:
    """The metric can fail: an incident whose reports share nothing is split and scored so."""
    d = tmp_path / "split"
    d.mkdir()
    (d / "a.txt").write_text("date 2025-01-10 (A)\n\nGunmen killed 9 people in Orvane on "
                             "Thursday, police said.\n")  # fmt: skip
    (d / "b.txt").write_text("date 2025-02-20 (B)\n\nThe toll from the Velk attack is 9, the "
                             "army said.\n")  # fmt: skip
    (d / "gold.json").write_text(json.dumps({"incidents": [
        {"id": "x", "docs": ["a.txt", "b.txt"], "killed": {"best": 9, "low": 9, "high": 9},
         "status": "agree", "origins": 2}], "not_incidents": []}))  # fmt: skip
    s = score_scenarios([d])
    assert s.recall < 1.0 and s.f1 < 1.0


def _limits_at(commit: str) -> dict[str, Any] | None:
    proc = subprocess.run(["git", "show", f"{commit}:{REL}"], cwd=ROOT, capture_output=True,
                          text=True)  # fmt: skip
    return json.loads(proc.stdout) if proc.returncode == 0 else None


def test_floors_only_rise() -> None:
    """Every committed version of the limits is as strict as the one before, and so is the
    working copy against HEAD."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the floors' history cannot be read")
    proc = subprocess.run(["git", "log", "--format=%H", "--reverse", "--", REL], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    versions = [v for c in proc.stdout.split() if (v := _limits_at(c)) is not None]
    versions.append(json.loads(FLOORS.read_text()))
    for old, new in itertools.pairwise(versions):
        lowered = {k: (v, new["floors"].get(k)) for k, v in old["floors"].items()
                   if new["floors"].get(k, -1.0) < v}  # fmt: skip
        raised = {k: (v, new["ceilings"].get(k)) for k, v in old["ceilings"].items()
                  if new["ceilings"].get(k, 10**9) > v}  # fmt: skip
        assert not lowered and not raised, f"scenario limits loosened: {lowered} {raised}"
        assert new["min_scenarios"] >= old["min_scenarios"]
