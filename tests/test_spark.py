"""The PySpark job in local mode: the same claims as the in-process run, as flat Parquet rows
that map 1:1 to the CLI's JSON and load into a store."""

from __future__ import annotations

import importlib.util
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from click.testing import CliRunner  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from tollbook import api  # noqa: E402
from tollbook.cli.main import cli  # noqa: E402
from tollbook.ingest.sources import IngestOptions  # noqa: E402
from tollbook.model import Extraction  # noqa: E402
from tollbook.output.rows import CLAIM_SCHEMA, TALLY_SCHEMA, claim_dict, tally_dict  # noqa: E402
from tollbook.output.serialize import claim_to_dict, tally_to_dict  # noqa: E402
from tollbook.run import spark as tspark  # noqa: E402

pytestmark = pytest.mark.spark
ROOT = Path(__file__).resolve().parents[1]
N_DOCS = 1200


def _generate(n: int, seed: int) -> list[dict[str, str]]:
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.generate(n, seed=seed))


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    session = tspark.local_session(2, shuffle_partitions=2)
    yield session
    session.stop()


def _in_process(paths: list[Path], options: IngestOptions) -> list[Extraction]:
    return [r for r in api.extract(api.read(paths, options)) if isinstance(r, Extraction)]


def _key(d: dict[str, Any]) -> tuple[str, str]:
    return (d["doc_id"], d["claim_id"])


@pytest.fixture(scope="module")
def jsonl_run(spark: SparkSession, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("spark-jsonl")
    corpus = root / "corpus.jsonl"
    lines = [json.dumps(r) for r in _generate(N_DOCS, seed=5)]
    lines.insert(100, '{"id": "broken"')  # one bad line: a failure row, the job goes on
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = IngestOptions(id_field="id")
    counts = tspark.run(spark, [str(corpus)], str(root / "out"), options=options, partitions=2)
    return {"root": root, "out": root / "out", "counts": counts,
            "local": _in_process([corpus], options)}  # fmt: skip


def test_claims_equal_the_in_process_run(jsonl_run: dict[str, Any]) -> None:
    rows = pq.read_table(jsonl_run["out"] / "claims").to_pylist()
    local = [claim_to_dict(c) for e in jsonl_run["local"] for c in e.claims]
    assert len(local) > N_DOCS  # the corpus is not trivial
    assert sorted(map(claim_dict, rows), key=_key) == sorted(local, key=_key)
    counts = jsonl_run["counts"]
    assert (counts.documents, counts.claims, counts.failures) == (N_DOCS, len(local), 1)
    assert "invalid JSON" in counts.shown_failures[0][1]


def test_tallies_and_documents(jsonl_run: dict[str, Any]) -> None:
    rows = pq.read_table(jsonl_run["out"] / "tallies").to_pylist()
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    local = {e.document.doc_id: tally_to_dict(e.tally) for e in jsonl_run["local"]
             if e.tally.categories}  # fmt: skip
    assert {d: tally_dict(rs) for d, rs in by_doc.items()} == local
    docs = pq.read_table(jsonl_run["out"] / "documents").to_pylist()
    assert sorted(d["doc_id"] for d in docs) == sorted(
        e.document.doc_id for e in jsonl_run["local"]
    )
    texts = {e.document.doc_id: e.document.text for e in jsonl_run["local"]}
    assert all(d["text"] == texts[d["doc_id"]] and d["extractor_version"] for d in docs)
    failures = pq.read_table(jsonl_run["out"] / "failures").to_pylist()
    assert len(failures) == 1 and failures[0]["source"].endswith("corpus.jsonl")


def test_schema_is_the_declared_one(jsonl_run: dict[str, Any]) -> None:
    claims = pq.read_schema(next((jsonl_run["out"] / "claims").glob("part-*.parquet")))
    assert claims.names == [name for name, _ in CLAIM_SCHEMA]
    assert str(claims.field("value").type) == "double"
    assert str(claims.field("span").type) == "string"  # nested fields are JSON strings
    tallies = pq.read_schema(next((jsonl_run["out"] / "tallies").glob("part-*.parquet")))
    assert tallies.names == [name for name, _ in TALLY_SCHEMA]


def test_output_loads_into_a_store(jsonl_run: dict[str, Any], tmp_path: Path) -> None:
    from tollbook.store.bulkload import load_parquet, spark_output
    from tollbook.store.database import Store

    with Store.open(str(tmp_path / "loaded.db")) as store:
        load_parquet(store, *spark_output(jsonl_run["out"]))
        stored = sorted((claim_to_dict(c) for c in store.claims()), key=_key)
    local = sorted((claim_to_dict(c) for e in jsonl_run["local"] for c in e.claims), key=_key)
    assert stored == local


def test_existing_output_is_refused_unless_overwritten(jsonl_run: dict[str, Any],
                                                       spark: SparkSession) -> None:  # fmt: skip
    small = jsonl_run["root"] / "small.jsonl"
    small.write_text(json.dumps({"id": "s1", "text": "Nine soldiers were killed in Lorsk."}) + "\n",
                     encoding="utf-8")  # fmt: skip
    out = str(jsonl_run["root"] / "small-out")
    assert tspark.run(spark, [str(small)], out, options=IngestOptions(id_field="id")).claims == 1
    with pytest.raises(Exception, match="--overwrite"):
        tspark.run(spark, [str(small)], out, options=IngestOptions(id_field="id"))
    again = tspark.run(spark, [str(small)], out, options=IngestOptions(id_field="id"),
                       mode="overwrite")  # fmt: skip
    assert again.documents == 1


def test_parquet_input_gives_the_jsonl_documents(spark: SparkSession, tmp_path: Path) -> None:
    records = _generate(150, seed=9)
    for i, r in enumerate(records):
        r["when"] = f"2024-03-{1 + i % 28:02d}"
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "reports.parquet")
    jsonl = tmp_path / "reports.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    options = IngestOptions(id_field="id", date_field="when")
    counts = tspark.run(spark, [str(tmp_path / "reports.parquet")], str(tmp_path / "out"),
                        options=options)  # fmt: skip
    rows = pq.read_table(tmp_path / "out" / "claims").to_pylist()
    local = [claim_to_dict(c) for e in _in_process([jsonl], options) for c in e.claims]
    assert sorted(map(claim_dict, rows), key=_key) == sorted(local, key=_key)
    assert counts.documents == 150 and counts.failures == 0
    docs = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert {d["published"] for d in docs} == {r["when"] for r in records}
    with pytest.raises(Exception, match="no column 'body'"):
        tspark.run(spark, [str(tmp_path / "reports.parquet")], str(tmp_path / "out2"),
                   options=IngestOptions(text_field="body"))  # fmt: skip


def _warc(pages: list[tuple[str, str]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, text in pages:
        body = f"<html><body><article><p>{text}</p></article></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=http))  # fmt: skip
    return out.getvalue()


def test_warc_input_and_the_cli_command(tmp_path: Path) -> None:
    texts = [r["text"].replace("\n\n", " ") for r in _generate(12, seed=13)]
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.warc.gz").write_bytes(
        _warc([(f"https://x.example/{i}", t) for i, t in enumerate(texts[:6])])
    )
    (crawl / "b.warc.gz").write_bytes(
        _warc([(f"https://y.example/{i}", t) for i, t in enumerate(texts[6:])])[:-30]
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["spark", str(crawl / "*.warc.gz"), "--output", str(out),
                                      "--partitions", "2"])  # fmt: skip
    assert result.exit_code == 1, result.output  # b.warc.gz ends inside its last record
    summary = json.loads(result.stdout)
    assert summary["documents"] == 11 and summary["failures"] == 1
    assert "b.warc.gz:offset" in result.stderr and "broken WARC record" in result.stderr
    rows = pq.read_table(out / "claims").to_pylist()
    local = [claim_to_dict(c) for e in _in_process(sorted(crawl.iterdir()), IngestOptions())
             for c in e.claims]  # fmt: skip
    assert sorted(map(claim_dict, rows), key=_key) == sorted(local, key=_key)
    docs = pq.read_table(out / "documents").to_pylist()
    assert {d["url"] for d in docs} >= {"https://x.example/0", "https://y.example/4"}


def test_spark_submit_entry_points_parse_their_options() -> None:
    import subprocess
    import sys

    script = Path(tspark.__file__)
    for argv in ([sys.executable, "-m", "tollbook.run.spark", "--help"],
                 [sys.executable, str(script), "--help"]):  # fmt: skip
        # the script form runs from tollbook/ itself, whose numbers.py must not shadow stdlib
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert "--output" in done.stdout and "--input-format" in done.stdout
