"""tollbook.store.bulkload: Parquet as the Spark job writes it -> the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tollbook._exceptions import InputError, StoreError
from tollbook.cli.main import cli
from tollbook.model import Extraction, Tally
from tollbook.output.rows import (
    CLAIM_SCHEMA,
    DOCUMENT_SCHEMA,
    NESTED,
    TALLY_SCHEMA,
    arrow_schema,
    claim_rows,
    document_row,
    tally_rows,
)
from tollbook.output.serialize import claim_to_dict
from tollbook.store.bulkload import CONTRACT_KEYS, load_parquet, spark_output
from tollbook.store.database import Store
from tollbook.tally.rules import tally

from .dbs import db_url  # noqa: F401  (fixture: SQLite and PostgreSQL)
from .test_store import make_extraction


@pytest.fixture
def db(db_url: str) -> Iterator[Store]:  # noqa: F811
    with Store.open(db_url) as s:
        yield s


def write_output(
    root: Path,
    extractions: Sequence[Extraction],
    *,
    tallies: bool = True,
    documents: bool = True,
    native: bool = False,
    parts: int = 2,
    tally_idx: bool = True,
) -> Path:
    """Write claims/, tallies/, documents/ folders of part files in the Spark job's schema
    (`tollbook.output.rows`). native: nested claim fields as Parquet lists/structs instead of JSON."""
    tables: dict[str, tuple[list[dict[str, Any]], Any]] = {}
    claims = [r for ex in extractions for r in claim_rows(ex)]
    if native:
        claims = [{k: json.loads(v) if k in NESTED and v is not None else v
                   for k, v in r.items()} for r in claims]  # fmt: skip
    tables["claims"] = (claims, None if native else arrow_schema(CLAIM_SCHEMA))
    if tallies:
        rows = [r for ex in extractions for r in tally_rows(ex)]
        schema = arrow_schema(TALLY_SCHEMA)
        if not tally_idx:  # the loader then keeps the file order
            rows = [{k: v for k, v in r.items() if k != "idx"} for r in rows]
            schema = schema.remove(schema.get_field_index("idx"))
        tables["tallies"] = (rows, schema)
    if documents:
        rows = [document_row(ex.document, ex.extractor_version) for ex in extractions]
        tables["documents"] = (rows, arrow_schema(DOCUMENT_SCHEMA))
    for name, (rows, schema) in tables.items():
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "_SUCCESS").write_text("")
        (folder / ".part-00000.parquet.crc").write_bytes(b"\x00crc")
        step = max(1, -(-len(rows) // parts))
        for i in range(0, len(rows), step):
            table = pa.Table.from_pylist(rows[i : i + step], schema=schema)
            pq.write_table(table, folder / f"part-{i:05d}.parquet")
    return root


def _two_docs() -> list[Extraction]:
    return [make_extraction(doc_id="abcd1234"), make_extraction(doc_id="ffff0000", value=40.0)]


def test_contract_keys_match_serialize() -> None:
    claim = make_extraction().claims[0]
    d = claim_to_dict(claim)
    assert tuple(d) == CONTRACT_KEYS
    # `place_within` (0.1.2) is an object only for a place inside a division: give it one.
    assert claim.place is not None and claim.place.entry is not None
    inside = replace(claim.place, within=claim.place.entry)
    d = claim_to_dict(replace(claim, place=inside))
    assert {k for k, v in d.items() if isinstance(v, (list, dict))} == NESTED


def test_load_round_trip_equals_saved(db: Store, tmp_path: Path) -> None:
    exs = _two_docs()
    claims, tallies, documents = spark_output(write_output(tmp_path / "out", exs))
    result = load_parquet(db, claims, tallies, documents)
    assert (result.claims, result.documents, result.new_documents) == (4, 2, 2)
    assert (result.tallies, result.extractions) == (4, 2)
    for ex in exs:
        assert db.document(ex.document.doc_id) == ex.document
        assert db.claims(ex.document.doc_id) == ex.claims
        assert db.tally(ex.document.doc_id) == ex.tally
        assert db.segments(ex.document.doc_id) == ()  # not part of the Spark output
    assert db.stats() == {"documents": 2, "claims": 4, "extractions": 2}
    # The key columns are filled as Store.save fills them.
    (row,) = db.backend.query(
        "SELECT span_start, span_end, parent, source FROM claims"
        " WHERE doc_id = 'ffff0000' AND claim_id = 'c2'"
    )
    assert row == {"span_start": exs[1].claims[1].span[0], "span_end": exs[1].claims[1].span[1],
                   "parent": "c1", "source": "the health ministry of Valdoria"}  # fmt: skip


def test_second_load_changes_nothing(db: Store, tmp_path: Path) -> None:
    claims, tallies, documents = spark_output(write_output(tmp_path / "out", _two_docs()))
    load_parquet(db, claims, tallies, documents)
    before = (db.stats(), db.claims(), db.tallies(), db.documents())
    again = load_parquet(db, claims, tallies, documents)
    assert again.new_documents == 0 and again.claims == 4
    assert (db.stats(), db.claims(), db.tallies(), db.documents()) == before


def test_load_replaces_the_same_version_and_keeps_others(db: Store, tmp_path: Path) -> None:
    db.save(make_extraction(doc_id="abcd1234", version="0.1.0", value=613.0))
    db.save(make_extraction(doc_id="abcd1234", version="0.0.9", value=500.0))
    newer = make_extraction(doc_id="abcd1234", version="0.1.0", value=650.0)
    claims, _, _ = spark_output(write_output(tmp_path / "out", [newer], documents=False))
    load_parquet(db, claims, tmp_path / "out" / "tallies")
    assert [c.value for c in db.claims("abcd1234")] == [650.0, 63.0]
    assert [c.value for c in db.claims(version="0.0.9")] == [500.0, 63.0]
    assert db.segments("abcd1234") == ()  # the replaced version's segments went with it
    assert db.stats() == {"documents": 1, "claims": 4, "extractions": 2}


def test_tally_category_order_without_idx_is_the_file_order(db: Store, tmp_path: Path) -> None:
    exs = _two_docs()
    load_parquet(db, *spark_output(write_output(tmp_path / "out", exs, tally_idx=False)))
    assert db.tallies() == tuple(ex.tally for ex in exs)
    assert [c.category for c in db.tally("abcd1234").categories] == ["wounded", "killed"]


def test_without_tallies_they_are_computed(db: Store, tmp_path: Path) -> None:
    exs = _two_docs()
    root = write_output(tmp_path / "out", exs, tallies=False)
    claims, tallies, documents = spark_output(root)
    assert tallies is None and documents is not None
    result = load_parquet(db, claims, None, documents)
    for ex in exs:
        assert db.tally(ex.document.doc_id) == tally(ex.document.doc_id, ex.claims)
    assert result.tallies == sum(len(tally(e.document.doc_id, e.claims).categories) for e in exs)


def test_native_nested_columns_are_accepted(db: Store, tmp_path: Path) -> None:
    exs = _two_docs()
    claims, tallies, documents = spark_output(write_output(tmp_path / "out", exs, native=True))
    assert pa.types.is_list(pq.read_schema(next(claims.glob("part-*.parquet"))).field("span").type)
    load_parquet(db, claims, tallies, documents)
    assert db.claims() == exs[0].claims + exs[1].claims


def test_claims_without_their_documents_are_refused(db: Store, tmp_path: Path) -> None:
    claims, _, _ = spark_output(write_output(tmp_path / "out", _two_docs(), documents=False))
    with pytest.raises(StoreError, match=r"abcd1234, ffff0000.*--documents"):
        load_parquet(db, claims)
    assert db.stats() == {"documents": 0, "claims": 0, "extractions": 0}


def test_duplicate_claim_rolls_back_everything(db: Store, tmp_path: Path) -> None:
    ex = make_extraction(doc_id="abcd1234")
    db.save(ex)
    dup = replace(ex, claims=(ex.claims[0], replace(ex.claims[0], value=1.0)))
    claims, tallies, documents = spark_output(write_output(tmp_path / "out", [dup], parts=1))
    with pytest.raises(StoreError, match="holds a claim twice"):
        load_parquet(db, claims, tallies, documents)
    assert db.claims() == ex.claims  # the earlier save is untouched
    assert db.segments("abcd1234") == ex.segments


def test_missing_column_and_missing_path(db: Store, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    folder.mkdir()
    rows = [{"doc_id": "abcd1234", "claim_id": "c1", "value": 3.0}]
    pq.write_table(pa.Table.from_pylist(rows), folder / "part-0.parquet")
    with pytest.raises(InputError, match=r"lacks column.*extractor_version") as err:
        load_parquet(db, folder)
    assert err.value.source == str(folder)
    good, _, _ = spark_output(write_output(tmp_path / "out", _two_docs()))
    with pytest.raises(InputError, match="no tallies Parquet"):
        load_parquet(db, good, tmp_path / "nowhere")
    assert db.stats()["claims"] == 0


def test_cli_load(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    root = write_output(tmp_path / "out", _two_docs())
    Store.open(db_url).close()
    result = CliRunner().invoke(cli, ["load", str(root), "--db", db_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert (row["claims"], row["documents"], row["tallies"]) == (4, 2, 4)
    assert "claims/s" in result.stderr and "secret" not in result.stderr
    with Store.open(db_url) as s:
        assert s.stats() == {"documents": 2, "claims": 4, "extractions": 2}
    args = ["load", str(root / "claims"), "--tallies", str(root / "tallies"),
            "--documents", str(root / "documents"), "--db", db_url]  # fmt: skip
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["new_documents"] == 0
    (root / "broken").mkdir()
    (root / "broken" / "part-0.parquet").write_bytes(b"not parquet at all")
    bad = CliRunner().invoke(cli, ["load", str(root / "broken"), "--db", db_url])
    assert bad.exit_code == 1 and "cannot read claims Parquet" in bad.output


def test_unreadable_column_is_an_input_error(db: Store, tmp_path: Path) -> None:
    root = write_output(tmp_path / "out", _two_docs(), parts=1)
    part = next((root / "claims").glob("part-*.parquet"))
    table = pq.read_table(part)
    values = pa.array(["many"] * table.num_rows)
    pq.write_table(table.set_column(table.schema.get_field_index("value"), "value", values), part)
    claims, tallies, documents = spark_output(root)
    with pytest.raises(InputError, match=r"column value .* cannot be read as double"):
        load_parquet(db, claims, tallies, documents)
    assert db.stats() == {"documents": 0, "claims": 0, "extractions": 0}
    # The same connection goes on working after the aborted COPY.
    good = write_output(tmp_path / "good", _two_docs())
    assert load_parquet(db, *spark_output(good)).claims == 4


def test_awkward_text_survives_the_json_built_by_arrow(db: Store, tmp_path: Path) -> None:
    ex = make_extraction(doc_id="abcd1234")
    awkward = 'He said "613\\n" —\tthen\nleft;\x01 \\ Škoda «Valdoria» \u2028 end'
    c0 = replace(ex.claims[0], sentence=awkward, detail='a "quoted" \\ detail')
    src = replace(c0.source, speaker='the "Red Crescent" of Valdoria\r\n')
    ex = replace(ex, claims=(replace(c0, source=src), ex.claims[1]))
    load_parquet(db, *spark_output(write_output(tmp_path / "out", [ex])))
    assert db.claims() == ex.claims


def test_document_without_claims_is_recorded_as_extracted(db: Store, tmp_path: Path) -> None:
    full = make_extraction(doc_id="abcd1234")
    empty = make_extraction(doc_id="ffff0000")
    empty = Extraction(empty.document, (), (), Tally("ffff0000", ()), "0.1.0")
    result = load_parquet(db, *spark_output(write_output(tmp_path / "out", [full, empty])))
    assert (result.claims, result.documents, result.extractions) == (2, 2, 2)
    assert db.versions("ffff0000") == ("0.1.0",)
    assert db.claims("ffff0000") == () and db.tally("ffff0000") == Tally("ffff0000", ())
    (row,) = db.backend.query("SELECT n_claims FROM extractions WHERE doc_id = 'ffff0000'")
    assert row["n_claims"] == 0
