"""`tollbook events`, `tollbook event`, and `tollbook export` (ACLED/UCDP layouts, corrections)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook.cli.main import cli
from tollbook.model import Correction
from tollbook.output.exports import ACLED_COLUMNS, UCDP_COLUMNS
from tollbook.store.database import Store

from .test_events import FIXTURES, ingest_into


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ex") / "ex.db"
    ingest_into(path, FIXTURES).close()
    return path


def _run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def test_events_json_has_the_contract_fields(db: Path) -> None:
    rows = json.loads(_run("events", "--db", str(db), "--format", "json"))
    assert len({r["event_id"] for r in rows}) == 4
    for r in rows:
        assert {
            "event_id",
            "category",
            "status",
            "low",
            "best",
            "high",
            "independent_origins",
            "claim_ids",
        } <= set(r)
    table = _run("events", "--db", str(db), "--table", "--category", "killed")
    assert "conflict" in table and "hostage" not in table


def test_event_shows_series_checks_and_grouping(db: Path) -> None:
    rows = json.loads(_run("events", "--db", str(db), "--json", "--category", "killed"))
    conflict = next(r for r in rows if r["status"] == "conflict")
    detail = json.loads(_run("event", conflict["event_id"][:8], "--db", str(db)))
    killed = next(f for f in detail["findings"] if f["category"] == "killed")
    assert [s["best"] for s in killed["series"]] == [42, 57, 48]
    assert detail["grouping"] and detail["grouping"][0]["decision"] == "merge"
    table = _run("event", conflict["event_id"], "--db", str(db), "--table")
    assert "Valdorian Interior Ministry" in table and "update" in table
    res = CliRunner().invoke(cli, ["event", "evzzzz", "--db", str(db)])
    assert res.exit_code == 1 and "tollbook events" in res.output


def test_export_acled_and_ucdp(db: Path) -> None:
    acled = list(csv.DictReader(io.StringIO(_run("export", "--db", str(db), "--format", "acled"))))
    assert tuple(acled[0]) == ACLED_COLUMNS and len(acled) == 4
    market = next(r for r in acled if r["event_date"] == "2021-03-03")
    assert (market["location"], market["fatalities"], market["time_precision"]) == (
        "Port Castellan",
        "48",
        "1",
    )
    mirren = next(r for r in acled if r["event_date"] == "2022-05-02")
    assert mirren["fatalities"] == "0"
    ucdp = list(csv.DictReader(io.StringIO(_run("export", "--db", str(db), "--format", "ucdp"))))
    assert tuple(ucdp[0]) == UCDP_COLUMNS
    assert len(ucdp) == 3  # the abduction killed no one: UCDP GED records deaths only
    row = next(r for r in ucdp if r["date_start"] == "2021-03-03")
    assert (row["best"], row["low"], row["high"], row["number_of_sources"]) == (
        "48",
        "48",
        "57",
        "2",
    )
    assert row["date_prec"] == "1"


def test_export_applies_corrections(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with ingest_into(path, FIXTURES / "ostrava-ambush.txt") as store:
        whole = next(c for c in store.claims() if c.parent is None)
        store.add_correction(
            Correction(
                doc_id=whole.doc_id,
                claim_id=whole.claim_id,
                verdict="corrected",
                reviewer="t",
                value=14,
            )
        )
    claims = [json.loads(x) for x in _run("export", "--db", str(path)).splitlines()]
    fixed = next(c for c in claims if c["claim_id"] == whole.claim_id)
    assert fixed["value"] == 14 and "corrected" in fixed["flags"]
    tallies = [
        json.loads(x) for x in _run("export", "--db", str(path), "--what", "tallies").splitlines()
    ]
    assert tallies[0]["killed"]["best"] == 14
    with Store.open(str(path)) as store:  # the stored tally is untouched
        assert store.tally(whole.doc_id).get("killed").best == 12  # type: ignore[union-attr]
    acled = list(
        csv.DictReader(io.StringIO(_run("export", "--db", str(path), "--format", "acled")))
    )
    assert acled[0]["fatalities"] == "14"
