"""The command line: every command, the output contract, failures and the store."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tollbook.cli.main import cli

from .conftest import ROOT

REPORT = (
    "date 2023-05-02 (Demo Wire- Valdoria Daily)\n"
    "At least 14 people were killed, including five children, when shells hit a clinic in "
    "Mirenna on Monday, the Valdorian Health Ministry said. Another 30 people were wounded.\n"
)
CONTRACT_KEYS = {"doc_id", "claim_id", "kind", "category", "population", "population_class", "value",
                 "low", "high", "qualifier", "unit", "parent", "place", "event_date", "source", "span",
                 "sentence", "rule"}  # fmt: skip


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _jsonl(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_extract_jsonl_follows_the_contract(runner: CliRunner, report: Path) -> None:
    result = runner.invoke(cli, ["extract", str(report)])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert {(r["category"], r["value"]) for r in rows} == {("killed", 14), ("killed", 5), ("wounded", 30)}
    for row in rows:
        assert set(row) >= CONTRACT_KEYS
        start, end = row["span"]  # type: ignore[misc]
        assert REPORT[start:end] == row["text"]
    killed = next(r for r in rows if r["value"] == 14)
    child = next(r for r in rows if r["value"] == 5)
    assert child["parent"] == killed["claim_id"]
    assert killed["qualifier"] == "at_least"
    assert killed["source"] == "Valdorian Health Ministry"
    assert killed["event_date"] == "2023-05-01"  # the Monday before publication
    assert killed["place"] == "Mirenna"
    assert {"role": "published_by", "name": "Valdoria Daily"} in killed["source_chain"]  # type: ignore[operator]


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_every_format(runner: CliRunner, report: Path, fmt: str) -> None:
    result = runner.invoke(cli, ["extract", str(report), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert len(json.loads(result.stdout)) == 3
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [r["value"] for r in rows] == ["14", "5", "30"]
    else:
        assert result.stdout.splitlines()[0].split()[:3] == ["doc_id", "claim_id", "category"]
        assert "Valdorian Health Ministry" in result.stdout


def test_shorthand_flags(runner: CliRunner, report: Path) -> None:
    assert runner.invoke(cli, ["extract", str(report), "--csv"]).stdout.startswith("doc_id,")
    assert runner.invoke(cli, ["tally", str(report), "--table"]).stdout.startswith("doc_id")


def test_tally_is_one_object_per_document(runner: CliRunner, report: Path) -> None:
    result = runner.invoke(cli, ["tally", str(report)])
    assert result.exit_code == 0, result.output
    [row] = _jsonl(result.stdout)
    assert row["killed"]["best"] == 14  # type: ignore[index]  # the 5 children are inside the 14
    assert row["wounded"]["best"] == 30  # type: ignore[index]
    assert set(row["killed"]) >= {"best", "low", "high", "civilians", "combatants", "unknown"}  # type: ignore[arg-type]


def test_table_inputs_use_id_field(runner: CliRunner, tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("event,day,notes\nE-1,2021-03-03,Twelve people were killed in Norvane.\n"
                     "E-2,2021-03-04,No one was injured.\n", encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["tally", str(table), "--text-field", "notes", "--id-field", "event",
                                 "--date-field", "day"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {r["doc_id"]: r for r in _jsonl(result.stdout)}
    assert rows["E-1"]["killed"]["best"] == 12  # type: ignore[index]
    assert rows["E-2"]["wounded"]["best"] == 0  # type: ignore[index]


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-"], input="Gunmen killed four villagers in Marren.\n")
    assert result.exit_code == 0, result.output
    assert [r["value"] for r in _jsonl(result.stdout)] == [4]


def test_bad_input_goes_on_and_exits_nonzero(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    result = runner.invoke(cli, ["extract", str(bad), str(report)])
    assert result.exit_code == 1
    assert len(_jsonl(result.stdout)) == 3  # the good file still came through
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    assert "1 input(s) failed" in result.stderr


def test_ingest_store_show_export(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    first = runner.invoke(cli, ["ingest", str(report), "--db", str(db)])
    assert first.exit_code == 0, first.output
    [row] = _jsonl(first.stdout)
    assert row["claims"] == 3
    again = runner.invoke(cli, ["ingest", str(report), "--db", str(db)])
    assert again.exit_code == 0 and "(0 new)" in again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone() == (1,)
        assert conn.execute("select count(*) from claims").fetchone() == (3,)
    listed = _jsonl(runner.invoke(cli, ["show", "--db", str(db)]).stdout)
    assert listed[0]["claims"] == 3 and listed[0]["publisher"] == "Valdoria Daily"
    doc_id = str(listed[0]["doc_id"])
    claims = _jsonl(runner.invoke(cli, ["show", doc_id[:6], "--db", str(db)]).stdout)
    assert sorted(c["value"] for c in claims) == [5, 14, 30]
    tally = _jsonl(runner.invoke(cli, ["show", doc_id, "--tally", "--db", str(db)]).stdout)
    assert tally[0]["killed"]["best"] == 14  # type: ignore[index]
    exported = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "--category", "wounded"])
    assert next(iter(csv.DictReader(io.StringIO(exported.stdout))))["value"] == "30"
    docs = _jsonl(runner.invoke(cli, ["export", "--what", "documents", "--db", str(db)]).stdout)
    assert docs[0]["text"] == REPORT


def test_db_from_environment(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(cli, ["ingest", str(report)], env={"TOLLBOOK_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_failed_batch_leaves_nothing_half_written(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    result = runner.invoke(cli, ["ingest", str(bad), str(report), "--db", str(db)])
    assert result.exit_code == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone() == (1,)
        ids = {r[0] for r in conn.execute("select distinct doc_id from claims")}
        assert ids == {r[0] for r in conn.execute("select doc_id from documents")}


def test_unknown_document_says_what_to_do(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    assert runner.invoke(cli, ["ingest", str(report), "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["show", "ffffffff", "--db", db])
    assert result.exit_code == 1
    assert "tollbook show" in result.output


@pytest.mark.parametrize("args", [["show"], ["show", "ffffffff"], ["export"], ["export", "--format", "acled"],
                                  ["events"], ["event", "abcd1234"], ["compare", "aaaa", "bbbb"]])  # fmt: skip
def test_reading_commands_refuse_a_missing_database(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "typo.db"
    result = runner.invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 1
    assert f"no database at {db}; create one with `tollbook ingest PATH... --db {db}`" in result.stderr
    assert not db.exists() and list(tmp_path.iterdir()) == []  # nothing created on the way
    via_url = runner.invoke(cli, [*args, "--db", f"sqlite:///{db}"])
    assert via_url.exit_code == 1 and "no database at" in via_url.stderr and not db.exists()


def test_demo_runs_on_the_bundled_corpus(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "== Tallies" in result.stdout and "== Claims ==" in result.stdout
    assert re.search(r"killed\s+613\b", result.stdout)
    assert "Azerbaijan's Foreign Ministry" in result.stdout


def _commands_and_options() -> list[tuple[str, str]]:
    out = []
    # a group's subcommands count as commands of their own ("review list", "review add")
    commands = [(name, command) for name, command in cli.commands.items()]
    for name, command in list(commands):
        if isinstance(command, click.Group):
            commands += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
    for name, command in commands:
        out.append((name, ""))
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    out.append((name, opt))
    return out


@pytest.mark.parametrize(("command", "option"), _commands_and_options())
def test_every_command_and_option_is_documented(command: str, option: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"tollbook {command}" in readme, f"README does not document `tollbook {command}`"
    if option:
        assert option in readme, f"README does not document {option} (used by `tollbook {command}`)"


def test_skipped_rows_are_named_and_counted(runner: CliRunner, tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    table = tmp_path / "t.csv"
    table.write_text('id,text\na1,Five were killed.\n,Six were killed.\na2\n', encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(table), "--id-field", "id", "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert f"error: {table}:row 2: row skipped: empty id" in result.stderr
    assert f"error: {table}:row 3: row skipped: truncated" in result.stderr
    assert "ingested 1 document(s) (1 new), 1 claim(s) into" in result.stderr
    assert "; 2 table row(s) skipped" in result.stderr
    # the library's log names the row too (it said only the reason before)
    assert f"{table}:row 2: row skipped" in caplog.text
    tallied = runner.invoke(cli, ["tally", str(table), "--id-field", "id"])
    assert "2 input(s) failed, 2 of them table rows (skipped); see the errors above." in tallied.stderr


# -- reviewers' corrections from the shell (issue 18) ------------------------------------------


def test_review_add_list_and_show_apply_corrections_like_export(runner: CliRunner, report: Path,
                                                                 tmp_path: Path) -> None:  # fmt: skip
    db = str(tmp_path / "r.db")
    assert runner.invoke(cli, ["ingest", str(report), "--db", db]).exit_code == 0
    claims = _jsonl(runner.invoke(cli, ["show", "--db", db]).stdout)
    doc_id = str(claims[0]["doc_id"])
    killed = next(c for c in _jsonl(runner.invoke(cli, ["show", doc_id, "--db", db]).stdout) if c["value"] == 14)
    added = runner.invoke(cli, ["review", "add", doc_id[:6], str(killed["claim_id"]), "--verdict", "corrected",
                                "--value", "16", "--qualifier", "at_least", "--population", "villagers",
                                "--place", "Aleppo", "--event-date", "2023-04-30", "--detail", "two districts",
                                "--reviewer", "ana", "--reason", "ministry update", "--db", db])  # fmt: skip
    assert added.exit_code == 0, added.output
    [row] = _jsonl(added.stdout)
    assert (row["doc_id"], row["verdict"], row["value"], row["place"]) == (doc_id, "corrected", 16, "Aleppo")
    listed = _jsonl(runner.invoke(cli, ["review", "list", doc_id, "--db", db]).stdout)
    assert [(r["claim_id"], r["reviewer"], r["event_date"]) for r in listed] == [(killed["claim_id"], "ana", "2023-04-30")]
    shown = {c["claim_id"]: c for c in _jsonl(runner.invoke(cli, ["show", doc_id, "--db", db]).stdout)}
    exported = {c["claim_id"]: c for c in _jsonl(runner.invoke(cli, ["export", "--db", db]).stdout)}
    assert shown == exported  # show and export mean the same thing
    fixed = shown[killed["claim_id"]]
    assert (fixed["value"], fixed["qualifier"], fixed["population_class"], fixed["place"], fixed["event_date"],
            fixed["detail"]) == (16, "at_least", "civilian", "Aleppo", "2023-04-30", "two districts")  # fmt: skip
    raw = {c["claim_id"]: c for c in _jsonl(runner.invoke(cli, ["show", doc_id, "--raw", "--db", db]).stdout)}
    assert (raw[killed["claim_id"]]["value"], raw[killed["claim_id"]]["place"]) == (14, "Mirenna")
    tally = _jsonl(runner.invoke(cli, ["show", doc_id, "--tally", "--db", db]).stdout)[0]
    raw_tally = _jsonl(runner.invoke(cli, ["show", doc_id, "--tally", "--raw", "--db", db]).stdout)[0]
    assert (tally["killed"]["best"], raw_tally["killed"]["best"]) == (16, 14)  # type: ignore[index]
    before = _jsonl(runner.invoke(cli, ["events", "--db", db]).stdout)
    assert {e["place"] for e in before} == {"Mirenna"}  # the other claims still say Mirenna
    for other in set(raw) - {killed["claim_id"]}:
        runner.invoke(cli, ["review", "add", doc_id, str(other), "--verdict", "corrected", "--place", "Aleppo",
                            "--event-date", "2023-04-30", "--reviewer", "ana", "--db", db])  # fmt: skip
    events = _jsonl(runner.invoke(cli, ["events", "--db", db]).stdout)
    assert {(e["place"], e["event_date"]) for e in events} == {("Aleppo", "2023-04-30")}
    table = runner.invoke(cli, ["review", "list", "--db", db, "--table"])
    assert table.stdout.splitlines()[0].split()[:4] == ["correction_id", "doc_id", "claim_id", "verdict"]


def test_review_add_refuses_bad_input_with_advice(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    runner.invoke(cli, ["ingest", str(report), "--db", db])
    doc_id = str(_jsonl(runner.invoke(cli, ["show", "--db", db]).stdout)[0]["doc_id"])
    cid = str(_jsonl(runner.invoke(cli, ["show", doc_id, "--db", db]).stdout)[0]["claim_id"])
    bad_date = runner.invoke(cli, ["review", "add", doc_id, cid, "--verdict", "corrected", "--event-date", "soon",
                                   "--reviewer", "a", "--db", db])  # fmt: skip
    assert bad_date.exit_code == 1 and "event date 'soon' is not a date; write 2023-05-01" in bad_date.stderr
    nothing = runner.invoke(cli, ["review", "add", doc_id, cid, "--verdict", "corrected", "--reviewer", "a", "--db", db])
    assert nothing.exit_code == 1 and "needs a new value for at least one of" in nothing.stderr
    unknown = runner.invoke(cli, ["review", "add", doc_id, "cfffffffffffffff", "--verdict", "wrong",
                                  "--reviewer", "a", "--db", db])  # fmt: skip
    assert unknown.exit_code == 1 and "tollbook show" in unknown.stderr
    assert _jsonl(runner.invoke(cli, ["review", "list", "--db", db]).stdout) == []
    missing = tmp_path / "none.db"
    for args in (["review", "list"], ["review", "add", doc_id, cid, "--verdict", "wrong", "--reviewer", "a"]):
        result = runner.invoke(cli, [*args, "--db", str(missing)])
        assert result.exit_code == 1 and "no database at" in result.stderr and not missing.exists()


def test_extract_and_tally_take_the_same_options_and_differ_in_what_they_print(runner: CliRunner) -> None:
    # One definition serves both (cli.main._over_documents): the options cannot drift apart.
    from tollbook.cli.main import COMMANDS

    def spec(name: str) -> list[tuple[str | None, tuple[str, ...], object]]:
        return [(p.name, tuple(p.opts), p.default) for p in COMMANDS[name].params]

    assert spec("extract") == spec("tally") and len(spec("extract")) >= 9
    text = "At least 14 people were killed, including five children.\n"
    claims = runner.invoke(cli, ["extract", "-", "--no-gazetteer", "--csv"], input=text)
    tallied = runner.invoke(cli, ["tally", "-", "--no-gazetteer", "--csv"], input=text)
    assert claims.exit_code == tallied.exit_code == 0
    assert claims.stdout.startswith("doc_id,claim_id,") and "killed,14" in tallied.stdout
