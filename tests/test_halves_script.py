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


@pytest.mark.parametrize(("gold", "want"), [(1, "gold=1"), (2, "gold=2-5"), (5, "gold=2-5"), (6, "gold=6-20"),
                                            (20, "gold=6-20"), (21, "gold>20")])  # fmt: skip
def test_gold_bucket(gold: float, want: str) -> None:
    assert halves.gold_bucket(gold) == want


def test_hostage_tables_rules_flags_and_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # h0-h3 fall in the check half, h5 in the read half (evaluation.labelled.half_of)
    rows = [{"id": f"h{i}", "text": text, "nhostkid": gold} for i, text, gold in [
        (0, "Gunmen kidnapped and later killed a priest in Tame.", 1),
        (1, "Gunmen abducted 11 people. Eleven hostages were released on Friday.", 11),
        (2, "Assailants shot dead two farmers.", 2),  # no word of a taking
        (3, "Police arrested five protesters.", 0),
        (5, "Militants abducted two engineers in Kebbi.", 2),
    ]]  # fmt: skip
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dump = tmp_path / "dump.jsonl"
    assert halves.main([str(data), "--label", "hostage=nhostkid", "--positive-only", "--min-n", "1",
                        "--dump", str(dump)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    for title in ("## gold bucket", "## claim rules present", "## claims' flags and relations",
                  "## words of the course"):  # fmt: skip
        assert title in out
    dumped = {d["id"]: d for d in map(json.loads, dump.read_text().splitlines())}
    assert set(dumped) == {"h0", "h1", "h2", "h5"}  # --positive-only runs no gold-0 row
    assert all("text" not in d for d in dumped.values())
    assert "count.kidnap_then_kill" in dumped["h0"]["rules"] and "later_killed" in dumped["h0"]["words"]
    assert "relation=subset" in dumped["h1"]["claim_flags"] and "released" in dumped["h1"]["words"]
    assert "taking_word" not in dumped["h2"]["words"] and dumped["h2"]["outcome"] == "no_claim"


def test_a_half_with_no_row_prints_no_tables(capsys: pytest.CaptureFixture[str]) -> None:
    halves.report([{"half": "read", "gold": 1, "outcome": "right"}], [], 1)
    assert "a half has no row" in capsys.readouterr().out
