"""Exports that drop into users' tools (issue 18): ACLED's and UCDP GED's full layouts with their
codes and types, a flat claims CSV, and Parquet."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook import api
from tollbook.cli.main import cli
from tollbook.geo.countries import countries, country, ucdp_region
from tollbook.output.exports import ACLED_COLUMNS, UCDP_COLUMNS, ged_id, priogrid_gid
from tollbook.output.flat import FLAT_CLAIM_SCHEMA
from tollbook.store.database import Store

from .conftest import require_shared

# ACLED's current public export (API and data export tool), in order.
ACLED_CURRENT = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
# Every column of UCDP GED (codebook 23.1 onwards), in order.
GED_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip
GED_INTEGERS = ("id", "year", "number_of_sources", "priogrid_gid", "country_id",
                "event_clarity", "date_prec", "deaths_a", "deaths_b", "deaths_civilians",
                "deaths_unknown", "best", "high", "low")  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with Store.open(path) as store:
        assert api.ingest(store, api.read(api.demo_paths())).ok
    return path


def _run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_acled_layout_and_codes(demo_db: str) -> None:
    out = _run("export", "--db", demo_db, "--format", "acled")
    assert tuple(next(csv.reader(io.StringIO(out)))) == ACLED_CURRENT == ACLED_COLUMNS
    khojaly = next(r for r in _csv(out) if r["location"] == "Khojaly")
    assert (khojaly["iso"], khojaly["region"], khojaly["country"]) == (
        "31", "Caucasus and Central Asia", "Azerbaijan",
    )  # fmt: skip
    assert khojaly["year"] == "1992" and khojaly["fatalities"] == "613"
    unresolved = next(r for r in _csv(out) if r["location"] == "Kessel Ridge")  # fictional
    assert unresolved["iso"] == unresolved["region"] == unresolved["country"] == ""


def test_ucdp_every_ged_column_with_ged_types(demo_db: str) -> None:
    out = _run("export", "--db", demo_db, "--format", "ucdp")
    assert tuple(next(csv.reader(io.StringIO(out)))) == GED_COLUMNS == UCDP_COLUMNS
    rows = _csv(out)
    assert rows
    for r in rows:
        for col in GED_INTEGERS:
            assert r[col] == "" or r[col].isdigit(), (col, r[col])
        assert int(r["id"]) == ged_id(r["relid"])
        parts = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
        assert sum(int(r[c]) for c in parts) == int(r["best"])
        assert int(r["low"]) <= int(r["best"]) <= int(r["high"])
    khojaly = next(r for r in rows if r["where_description"] == "Khojaly")
    assert (khojaly["country"], khojaly["country_id"], khojaly["region"]) == (
        "Azerbaijan", "373", "Europe",
    )  # fmt: skip
    assert khojaly["priogrid_gid"] == str(priogrid_gid(39.91361, 46.79213))


def test_ged_helpers() -> None:
    assert priogrid_gid(-90, -180) == 1 and priogrid_gid(-89.9, -179.4) == 2
    assert priogrid_gid(-89.4, -180) == 721 and priogrid_gid(90, 180) == 360 * 720
    assert ged_id("ev00000000000010") == 16 and ged_id("not-an-event-id") > 0
    assert [ucdp_region(n) for n in (2, 200, 651, 625, 710, None)] == [
        "Americas", "Europe", "Middle East", "Africa", "Asia", "",
    ]  # fmt: skip


def test_country_table_covers_the_gazetteer() -> None:
    path = resources.files("tollbook") / "data" / "gazetteer.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        codes = {line.split("\t")[4] for line in fh if "\tPCL" in line or "\tTERR\t" in line}
    table = countries()
    assert codes <= set(table), sorted(codes - set(table))
    states = [c for c in table.values() if c.gw_state == c.iso2]
    assert len({c.gwno for c in states}) == len(states)  # one GW number per state
    assert len({c.iso3 for c in table.values()}) == len(table)
    # dependencies take their state's number; territories without one the administering state's
    assert [country(c).gwno for c in ("PR", "PS", "EH", "HK", "RS", "DE", "YE")] == [  # type: ignore[union-attr]
        2, 666, 600, 710, 345, 260, 678,
    ]  # fmt: skip
    assert country("VA").gwno is None  # type: ignore[union-attr]


@pytest.mark.shared
def test_country_codes_agree_with_a_real_acled_export() -> None:
    """ISO numeric codes and ACLED regions of every country in ACLED's 2020 sample."""
    sample = require_shared("data", "acled", "acled-2020-global-sample.csv")
    renamed = {"Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia"}
    by_iso3 = {c.iso3: c for c in countries().values()}
    by_number = {c.iso_numeric: c for c in countries().values()}
    seen = 0
    with sample.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            # a few rows lack iso3; the 2020 export wrote Romania's as ROM
            iso3 = {"ROM": "ROU"}.get(r["iso3"], r["iso3"])
            c = by_iso3.get(iso3) if iso3 else by_number.get(int(r["iso"]))
            assert c is not None, r["iso3"]
            assert c.iso_numeric == int(r["iso"]), r["country"]
            if r["region"]:  # a few rows lack it
                assert c.acled_region == renamed.get(r["region"], r["region"]), r["country"]
            seen += 1
    assert seen > 5000


def test_claims_csv_is_flat(demo_db: str) -> None:
    out = _run("export", "--db", demo_db, "--csv")
    rows = _csv(out)
    assert list(rows[0]) == [name for name, _ in FLAT_CLAIM_SCHEMA]
    assert len(out.splitlines()) == len(rows) + 1  # no line break inside a row
    for r in rows:
        for value in r.values():
            assert not value.startswith(("[", "{")), value  # no JSON inside cells
            assert value not in ("True", "False")
    assert {r["event_date_relative"] for r in rows} >= {"false"}
    claims = [json.loads(x) for x in _run("export", "--db", demo_db).splitlines()]
    one = next(c for c in claims if c["place_geo"])
    flat = next(r for r in rows if r["claim_id"] == one["claim_id"] and r["doc_id"] == one["doc_id"])
    assert (int(flat["start"]), int(flat["end"])) == tuple(one["span"])
    assert flat["place_country"] == one["place_geo"]["country"]
    assert float(flat["place_lat"]) == one["place_geo"]["lat"]
    # extract and show write the same flat layout
    assert _run("show", "--db", demo_db, one["doc_id"], "--csv").splitlines()[0] == out.splitlines()[0]


def test_claims_csv_rows_stay_on_one_line(tmp_path: Path) -> None:
    src = tmp_path / "multi.txt"
    src.write_text("Officials said 12 people\nwere killed in the attack on Monday.\n", encoding="utf-8")
    out = _run("extract", str(src), "--csv")
    rows = _csv(out)
    assert rows and len(out.splitlines()) == len(rows) + 1
    assert "\n" not in rows[0]["sentence"]


def test_parquet_export(demo_db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "claims.parquet"
    _run("export", "--db", demo_db, "--format", "parquet", "--output", str(target))
    table = pq.read_table(target)
    assert table.column_names == [name for name, _ in FLAT_CLAIM_SCHEMA]
    types = {f.name: str(f.type) for f in table.schema}
    assert (types["value"], types["start"], types["event_date_relative"]) == ("double", "int64", "bool")
    n_claims = len(_run("export", "--db", demo_db).splitlines())
    assert table.num_rows == n_claims
    _run("export", "--db", demo_db, "--what", "tallies", "--format", "parquet", "-o", str(target))
    assert "best" in pq.read_table(target).column_names


def test_parquet_without_pyarrow_says_what_to_install(
    demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    res = CliRunner().invoke(
        cli, ["export", "--db", demo_db, "--format", "parquet", "-o", str(tmp_path / "x.parquet")]
    )
    assert res.exit_code == 1
    assert "pip install 'tollbook[parquet]'" in res.output
