"""scripts/halves.py: a labelled file -> per-half aggregate tables and a dump with no text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("halves", ROOT / "scripts" / "halves.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["halves"] = module
    spec.loader.exec_module(module)
    return module


halves = _script()


def test_near_duplicates_finds_a_neighbour_with_the_same_words_only() -> None:
    texts = ["Gunmen killed two farmers in Kalale on Monday.",
             "Gunmen killed two farmers in Kalale on Tuesday.",
             "Rioters burned a police station in Dhaka.",
             "Rioters burned a police station in Dhaka."]  # fmt: skip
    near = halves.near_duplicates(texts, reach=1)
    assert near[0] > 0.7 and near[1] > 0.7
    assert near[2] < 0.2  # its other neighbour shares few words
    assert near[3] == 0.0  # an identical text is `dup_text`'s, not a near-duplicate


@pytest.mark.parametrize(("gold", "value", "has_claim", "among", "want"), [
    (2, 2, True, True, "right"), (2, 0, False, False, "no_claim"), (2, 0, True, False, "claim_no_answer"),
    (2, 5, True, True, "over(gold_among)"), (2, 5, True, False, "over"), (5, 2, True, False, "under"),
])
def test_outcome(gold: float, value: float, has_claim: bool, among: bool, want: str) -> None:
    assert halves.outcome(gold, value, has_claim, among) == want


def test_a_run_prints_both_halves_and_dumps_no_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": f"r{i}", "text": text, "deaths": gold, "country": "X"} for i, (text, gold) in enumerate([
        ("Gunmen killed two farmers in Kalale.", 2), ("Three soldiers were killed in an ambush.", 3),
        ("A trader was shot dead in Kano.", 1), ("Rioters burned a police station.", 1),
        ("Four villagers died in the attack.", 4), ("Police arrested five protesters.", 0),
    ])]  # fmt: skip
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dump = tmp_path / "dump.jsonl"
    assert halves.main([str(data), "--label", "killed=deaths", "--field", "country", "--min-n", "1",
                        "--dump", str(dump)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("# read: ") and "check: " in out.splitlines()[0]
    assert "## field country" in out and "## outcome" in out
    dumped = [json.loads(line) for line in dump.read_text().splitlines()]
    assert len(dumped) == len(rows)  # --dump keeps gold 0 too; the tables skip it
    assert all("text" not in d for d in dumped)
    assert {d["outcome"] for d in dumped if d["id"] == "r3"} == {"no_claim"}
    assert {d["half"] for d in dumped} <= {"read", "check"}
    # --load tabulates the dump again, to the same first line
    assert halves.main(["--load", str(dump), "--min-n", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == out.splitlines()[0]
