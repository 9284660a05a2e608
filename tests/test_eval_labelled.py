"""`tollbook eval labelled`: any labelled JSONL/CSV, --label/--where, read and check halves.

The files are written here (the real data lives in ../shared/data and is scored by
bench/accuracy.py, not by tests)."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook._exceptions import ConfigError
from tollbook.cli.main import cli
from tollbook.evaluation.labelled import LabelSpec, Where, half_of, predict
from tollbook.ingest.documents import document_from_text
from tollbook.pipeline import Pipeline, Settings

ROWS = [
    {"id": "a1", "text": "Gunmen killed 4 villagers and wounded 2 others in Marren.", "nkill": 4, "nwound": 2, "dup": 1},
    {"id": "a2", "text": "Twelve soldiers died in an ambush near Orlen Pass.", "nkill": 12, "nwound": None, "dup": 1},
    {"id": "a3", "text": "A bomb exploded at a bank in Sorel. Nobody was hurt.", "nkill": 0, "nwound": 0, "dup": 1},
    {"id": "a4", "text": "Rebels attacked a convoy in Varno; 7 people were killed.", "nkill": 3, "nwound": 0, "dup": 2},
    {"id": "a5", "text": "Clashes broke out in Lorsk; casualties were reported.", "nkill": 5, "nwound": 0, "dup": 1},
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "mini.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    return path


def _run(args: list[str]) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["eval", "labelled", *args, "--no-gazetteer"])
    assert result.exit_code == 0, result.output
    return [json.loads(x) for x in result.stdout.splitlines() if x.strip()]


def test_half_is_a_stable_hash_of_the_id() -> None:
    for item_id in ("a1", "gtd-202101010004", "rand-17", ""):
        want = "read" if hashlib.sha256(item_id.encode()).digest()[0] % 2 == 0 else "check"
        assert half_of(item_id) == want
    halves = {half_of(f"row-{i}") for i in range(50)}
    assert halves == {"read", "check"}


def test_labels_where_and_halves(tmp_path: Path) -> None:
    path = _write(tmp_path)
    misses = tmp_path / "m.jsonl"
    rows = _run([str(path), "--label", "killed=nkill", "--label", "wounded=nwound", "--where", "dup==1",
                 "--misses", str(misses), "--misses-half", "both"])  # fmt: skip
    both = {(r["label"], r["subset"]): r for r in rows if r["half"] == "both"}
    # a4 is filtered out (dup 2); a5's 5 deaths are written nowhere: the one miss.
    assert both[("killed", "all")]["n"] == 4 and both[("killed", "all")]["exact"] == 0.75
    assert both[("killed", "gold>0")]["n"] == 3 and both[("killed", "written")]["n"] == 2
    # a2's wounded is null: unknown, not scored.
    assert both[("wounded", "all")]["n"] == 3 and both[("wounded", "all")]["exact"] == 1.0
    per_half = {r["half"]: r["n"] for r in rows if r["label"] == "killed" and r["subset"] == "all"}
    assert per_half["read"] + per_half["check"] == per_half["both"] == 4
    [miss] = [json.loads(x) for x in misses.read_text().splitlines()]
    assert miss["id"] == "a5" and miss["gold"] == 5 and miss["predicted"] == 0
    assert miss["text"].startswith("Clashes") and isinstance(miss["claims"], list) and miss["rule"]


def test_misses_come_from_the_read_half_by_default(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": "Clashes broke out; casualties were reported.", "n": 2} for i in range(20)]
    path = tmp_path / "all-wrong.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    misses = tmp_path / "m.jsonl"
    _run([str(path), "--label", "killed=n", "--misses", str(misses)])
    got = [json.loads(x)["id"] for x in misses.read_text().splitlines()]
    assert got and got == [r["id"] for r in rows if half_of(r["id"]) == "read"]


def test_csv_with_other_field_names(tmp_path: Path) -> None:
    path = tmp_path / "mini.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["event", "notes", "fatalities"])
        w.writerow(["E1", "Troops killed 9 militants in Harrow Fields. 9 fatalities.", "9"])
        w.writerow(["E2", "Protesters marched peacefully in Amsel.", "0"])
    rows = _run([str(path), "--label", "killed=fatalities", "--text-field", "notes", "--id-field", "event",
                 "--strip-bookkeeping", "--where", "fatalities>=0"])  # fmt: skip
    both = {r["subset"]: r for r in rows if r["half"] == "both"}
    assert both["all"]["n"] == 2 and both["all"]["exact"] == 1.0 and both["written"]["n"] == 1


def test_bad_options_say_what_to_write() -> None:
    with pytest.raises(ConfigError, match="CATEGORY=FIELD"):
        LabelSpec.parse("killed")
    with pytest.raises(ConfigError, match="FIELD OP VALUE"):
        Where.parse("dup_text")
    assert Where.parse("stripped==false")({"stripped": False})
    assert not Where.parse("dup_text==1")({"dup_text": 2}) and Where.parse("dup_text==1")({"dup_text": "1.0"})
    result = CliRunner().invoke(cli, ["eval", "labelled", __file__])
    assert result.exit_code != 0 and "--label" in result.output


def test_a_vague_amount_beside_stated_figures_counts_none() -> None:
    """'three guards and an unknown number of raiders were injured': the stated three; a vague
    amount alone keeps ACLED's reading of its word (several: 3)."""
    pipeline = Pipeline(Settings(gazetteer=False))
    mixed = pipeline.run(document_from_text(
        "Two assailants were killed and three guards and an unknown number of assailants were injured in Kell."))
    value, rule, figure = predict("wounded", mixed)
    assert value == 3 and "+stated" in rule and figure == "three guards"
    alone = pipeline.run(document_from_text("Several guards were injured in Kell."))
    assert predict("wounded", alone)[0] == 3


def test_displaced_without_people_takes_the_unit_the_text_gives() -> None:
    """'About 400 families fled': no people figure, so the families' (as IDMC records it); a
    figure in people, when there is one, is the tally's and wins."""
    pipeline = Pipeline(Settings(gazetteer=False))
    families = pipeline.run(document_from_text("About 400 families fled the shelling in Kell."))
    value, rule, figure = predict("displaced", families)
    assert value == 400 and rule.endswith("+unit:families") and figure == "About 400 families"
    people = pipeline.run(document_from_text("About 2,000 people fled the shelling in Kell."))
    assert predict("displaced", people)[0] == 2000
    none = pipeline.run(document_from_text("The shelling in Kell continued overnight."))
    assert predict("displaced", none) == (0.0, "none", "")
