"""`tollbook eval` on small labelled files written for these tests (the real data lives in
../shared/data and is scored by the benchmark, not by tests)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tollbook.cli.main import cli
from tollbook.evaluation.datasets import is_written, strip_acled_bookkeeping

FIX = Path(__file__).parent / "fixtures" / "eval"


def _rows(out: str) -> dict[str, dict[str, object]]:
    return {r["subset"]: r for r in (json.loads(x) for x in out.splitlines() if x.strip())}


def test_bookkeeping_is_stripped_before_scoring() -> None:
    notes = "On 3 May 2020, 12 soldiers were killed near Norvane. 12 fatalities. [size=dozens]"
    assert strip_acled_bookkeeping(notes) == "On 3 May 2020, 12 soldiers were killed near Norvane."
    assert strip_acled_bookkeeping("Clashes in Marren. Unclear fatalities coded as 10.") == "Clashes in Marren."
    assert is_written("three villagers were killed", 3) and not is_written("villagers were killed", 3)


def test_eval_acled_scores_and_misses(tmp_path: Path) -> None:
    misses = tmp_path / "misses.jsonl"
    result = CliRunner().invoke(cli, ["eval", "acled", str(FIX / "acled-mini.csv"), "--misses", str(misses),
                                      "--no-gazetteer"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    # 12 soldiers, 0 (protest), 3 villagers right; the coded-as-10 event has no figure in its text.
    assert rows["all"]["n"] == 4 and rows["all"]["exact"] == 0.75
    assert rows["written"]["n"] == 2 and rows["written"]["exact"] == 1.0
    [miss] = [json.loads(x) for x in misses.read_text().splitlines()]
    assert miss["id"] == "VAL4" and miss["gold"] == 10 and miss["predicted"] == 0


def test_eval_idetect() -> None:
    result = CliRunner().invoke(cli, ["eval", "idetect", str(FIX / "idetect-mini.csv"), "--no-gazetteer"])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert rows["all"]["n"] == 3 and rows["all"]["exact"] == round(2 / 3, 4)
    assert rows["not_written"]["exact"] == 0.0


def test_eval_numbers_takes_plain_cardinals_only(tmp_path: Path) -> None:
    misses = tmp_path / "m.jsonl"
    result = CliRunner().invoke(cli, ["eval", "numbers", str(FIX / "numbers-mini.json"), "--misses", str(misses)])
    assert result.exit_code == 0, result.output
    row = _rows(result.stdout)["all"]
    assert row["n"] == 4  # the fraction is not a plain cardinal
    wrong = [json.loads(x)["input"] for x in misses.read_text().splitlines()]
    assert row["exact"] == round((4 - len(wrong)) / 4, 4)


def test_eval_gold_on_a_document_written_here(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The Valdorian Health Ministry said 40 people were killed in Norvane, "
                                "including 12 children.\n", encoding="utf-8")  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in [
        {"doc": "a.txt", "id": "k", "type": "count", "category": "killed", "population": "people", "value": 40,
         "source": "Valdorian Health Ministry", "place": "Norvane", "evidence": "40 people"},
        {"doc": "a.txt", "id": "c", "parent": "k", "type": "count", "category": "killed", "population": "children",
         "value": 12, "evidence": "12 children"},
    ]) + "\n", encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(cli, ["eval", "gold", str(gold), "--docs", str(docs), "--no-gazetteer"])
    assert result.exit_code == 0, result.output
    row = _rows(result.stdout)["all"]
    assert row["precision"] == 1.0 and row["recall"] == 1.0
    assert row["field_accuracy"] == {"parent": 1.0, "place": 1.0, "population": 1.0, "source": 1.0}  # type: ignore[comparison-overlap]
