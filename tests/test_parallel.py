"""--jobs N: a process pool gives exactly the serial results, in the same order."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from tollbook import api
from tollbook._exceptions import ConfigError, ExtractionError, UnreadableInputError
from tollbook.cli.main import cli
from tollbook.ingest.sources import IngestFailure, IngestOptions, document_from_text
from tollbook.model import Document, Extraction
from tollbook.output.serialize import claim_to_dict, tally_to_dict
from tollbook.pipeline import Pipeline, Settings
from tollbook.run import parallel
from tollbook.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items() -> list[Document | IngestFailure]:
    """Generated documents with a failure every 17 items, as a read would interleave them."""
    out: list[Document | IngestFailure] = []
    for i, rec in enumerate(_bench().generate(240, seed=3)):
        if i % 17 == 5:
            err = UnreadableInputError("broken on purpose; nothing to do", source=f"row {i}")
            out.append(IngestFailure(source=f"row {i}", message=err.message, error=err))
        out.append(document_from_text(rec["text"], doc_id=rec["id"]))
    return out


def _key(r: Extraction | IngestFailure) -> object:
    if isinstance(r, IngestFailure):
        return ("failure", r.source)
    return (r.document.doc_id, [claim_to_dict(c) for c in r.claims], tally_to_dict(r.tally))


def test_pool_equals_serial_in_order(items: list[Document | IngestFailure]) -> None:
    serial = [_key(r) for r in api.extract(items)]
    pooled = [_key(r) for r in parallel.extract_parallel(items, jobs=2, chunk_size=7)]
    assert pooled == serial
    failures = sum(isinstance(i, IngestFailure) for i in items)
    assert sum(1 for k in serial if isinstance(k, tuple) and k[0] == "failure") == failures > 10
    assert sum(len(k[1]) for k in serial if isinstance(k, tuple) and k[0] != "failure") > 200


def test_pool_keeps_segments_and_documents(items: list[Document | IngestFailure]) -> None:
    docs = [i for i in items if isinstance(i, Document)][:40]
    serial = list(api.extract(docs))
    pooled = list(api.extract(docs, jobs=2))
    assert [r.segments for r in pooled] == [r.segments for r in serial]  # type: ignore[union-attr]
    assert [r.document for r in pooled] == docs  # type: ignore[union-attr]
    lean = list(api.extract(docs, jobs=2, segments=False))
    assert all(r.segments == () for r in lean)  # type: ignore[union-attr]
    assert [r.claims for r in lean] == [r.claims for r in serial]  # type: ignore[union-attr]


def test_settings_reach_the_workers(items: list[Document | IngestFailure]) -> None:
    docs = [i for i in items if isinstance(i, Document)][:60]
    off = Settings(gazetteer=False)
    serial = [[c.place for c in r.claims] for r in api.extract(docs, off)]  # type: ignore[union-attr]
    pooled = [[c.place for c in r.claims] for r in api.extract(docs, off, jobs=2)]  # type: ignore[union-attr]
    assert pooled == serial
    assert all(p is None or p.entry is None for ps in pooled for p in ps)


def test_stopping_early_leaves_no_pool_behind(items: list[Document | IngestFailure]) -> None:
    gen = parallel.extract_parallel(items, jobs=2, chunk_size=4)
    first = next(gen)
    gen.close()  # runs the pool's shutdown
    assert _key(first) == _key(next(api.extract(items)))


def test_jobs_are_checked() -> None:
    assert parallel.resolve_jobs(0) >= 1
    assert parallel.resolve_jobs(3) == 3
    with pytest.raises(ConfigError, match="--jobs"):
        parallel.resolve_jobs(-2)
    with pytest.raises(ConfigError, match="chunk_size"):
        list(parallel.extract_parallel([], chunk_size=0))


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("par") / "reports.jsonl"
    lines = [json.dumps(r) for r in _bench().generate(150, seed=11)]
    lines.insert(40, "{not json")  # a bad line: reported, the batch goes on
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["extract", "tally"])
def test_cli_jobs_output_is_identical(table: Path, command: str) -> None:
    runner = CliRunner()
    args = [command, str(table), "--id-field", "id"]
    serial = runner.invoke(cli, args)
    pooled = runner.invoke(cli, [*args, "--jobs", "2"])
    assert serial.exit_code == pooled.exit_code == 1  # the bad line
    assert pooled.stdout == serial.stdout
    assert len(serial.stdout.splitlines()) >= 150
    assert "line 41" in pooled.stderr


def test_cli_ingest_with_jobs_stores_the_same(table: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    dumps = []
    for jobs in ("1", "2"):
        db = tmp_path / f"j{jobs}.db"
        result = runner.invoke(cli, ["ingest", str(table), "--id-field", "id", "--db", str(db),
                                     "--jobs", jobs])  # fmt: skip
        assert result.exit_code == 1 and "line 41" in result.stderr
        with Store.open(str(db)) as store:
            dumps.append(([claim_to_dict(c) for c in store.claims()],
                          [tally_to_dict(t) for t in store.tallies()]))  # fmt: skip
        assert result.stdout.count("\n") == 150  # one row per stored document
    assert dumps[0] == dumps[1]
    assert len(dumps[0][0]) > 100


def test_api_ingest_with_jobs(items: list[Document | IngestFailure], tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "a.db")) as store:
        report = api.ingest(store, items[:50], jobs=2)
        assert report.documents == sum(isinstance(i, Document) for i in items[:50])
        assert len(report.failures) == sum(isinstance(i, IngestFailure) for i in items[:50])
        assert report.claims == len(store.claims())


def test_read_options_unchanged_by_jobs(table: Path) -> None:
    docs = list(api.read([table], IngestOptions(id_field="id")))
    assert [d.doc_id for d in docs if isinstance(d, Document)][:2] == [
        "gen-11-000000",
        "gen-11-000001",
    ]


def _explode_on_marker(self: Pipeline, doc: Document) -> Extraction:
    if "EXPLODE" in doc.text:
        raise ZeroDivisionError("a bug in a rule")
    return _REAL_RUN(self, doc)


_REAL_RUN = Pipeline.run


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_extractor_bug_costs_one_document_not_the_batch(
    jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fork inherits the patched method, so workers fail on the same document; pinned, since
    # the pool uses forkserver once the process runs threads (a SparkSession of another test)
    monkeypatch.setattr(Pipeline, "run", _explode_on_marker)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("fork"))
    docs = [
        document_from_text("In Varno 12 people were killed."),
        document_from_text("EXPLODE: 5 people were wounded in Sarn."),
        document_from_text("In Pell 3 soldiers were wounded."),
    ]
    out = list(parallel.extract(docs, Settings(gazetteer=False), jobs=jobs, chunk_size=1))
    assert [type(o).__name__ for o in out] == ["Extraction", "IngestFailure", "Extraction"]
    failed = out[1]
    assert isinstance(failed, IngestFailure)
    assert isinstance(failed.error, ExtractionError)
    assert "internal error while extracting (ZeroDivisionError: a bug in a rule)" in failed.message


def test_every_model_type_pickles_through_its_constructor() -> None:
    """Results cross the pool as pickles: every type must round-trip, and through its
    constructor (a dataclass's default per-object `fields()` walk cost the parent a
    measurable share of a core; bench/scale.py)."""
    import dataclasses
    import pickle

    from tollbook import model

    types = [t for t in vars(model).values() if isinstance(t, type) and dataclasses.is_dataclass(t)]
    assert len(types) >= 13
    for t in types:
        assert issubclass(t, model._Record), f"{t.__name__} pickles field by field"
        init_fields = tuple(f.name for f in dataclasses.fields(t) if f.init)
        assert t.__match_args__ == init_fields, t.__name__
    extraction = Pipeline().run(document_from_text(
        "On 3 May 2024 in Lorsk, 12 people, including 4 children, were killed, police said."))  # fmt: skip
    assert extraction.claims and extraction.claims[0].source.speaker
    assert pickle.loads(pickle.dumps(extraction)) == extraction
    reducer, args = extraction.claims[0].__reduce__()
    assert reducer is model.Claim and reducer(*args) == extraction.claims[0]
