"""The store under faults: kill -9 in the middle of `tollbook ingest`, readers beside a writer,
two writers at once, and databases left by every earlier schema version.

Written against the public Store API and the CLI; the raw SQLite reads check what the API
cannot show (integrity_check, journal mode, each extraction's recorded claim count).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.test_store import make_extraction
from tollbook.ingest.sources import read_path
from tollbook.model import Correction, Document
from tollbook.pipeline import Pipeline, Settings
from tollbook.store import database as store_module
from tollbook.store.database import SCHEMA_VERSION, Store

N_DOCS = 120
PLACES = ("Port Castellan", "Valdoria", "the Ostrava Hills of Norvane", "Veloria")


def make_corpus(folder: Path, n: int = N_DOCS) -> Path:
    """n distinct small reports, each with a breakdown, a list and an update."""
    folder.mkdir()
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        (folder / f"report-{i:03d}.txt").write_text(
            f"At least {20 + i} people were killed in {place} on Monday, including {i % 9 + 1} "
            f"children, the ministry said. Three soldiers and {i + 2} civilians were wounded. "
            f"The number of missing rose from {i} to {i + 5}. About {100 * (i + 1)} residents "
            "fled.\n",
            encoding="utf-8",
        )
    return folder


def start_ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    code = "from tollbook.cli.main import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "ingest", str(folder), "--db", str(db), "--no-gazetteer"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    finally:
        conn.close()


def check_consistent(db: Path, pipeline: Pipeline) -> int:
    """Integrity ok, WAL, and every stored document complete: its one extraction holds
    exactly the claims and tally a fresh run makes of its text. Returns the document count."""
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        recorded = dict(raw.execute("SELECT doc_id, n_claims FROM extractions").fetchall())
        stored = dict(raw.execute("SELECT doc_id, COUNT(*) FROM claims GROUP BY doc_id").fetchall())
        (dupes,) = raw.execute(
            "SELECT COUNT(*) - COUNT(DISTINCT doc_id || '|' || claim_id) FROM claims"
        ).fetchone()
    finally:
        raw.close()
    assert dupes == 0
    assert {d: n for d, n in recorded.items() if n} == stored  # no half-written claim set
    with Store.open(str(db)) as store:
        docs = store.documents()
        assert {d.doc_id for d in docs} == set(recorded)  # no document without its extraction
        for doc in docs:
            fresh = pipeline.run(doc)
            assert store.claims(doc.doc_id) == fresh.claims
            assert store.tally(doc.doc_id) == fresh.tally
    return len(docs)


@pytest.fixture(scope="module")
def plain_pipeline() -> Pipeline:
    return Pipeline(Settings(gazetteer=False))


@pytest.mark.slow
def test_kill_9_mid_batch_leaves_whole_documents_and_a_rerun_completes(
    tmp_path: Path, plain_pipeline: Pipeline
) -> None:
    folder = make_corpus(tmp_path / "corpus")
    db = tmp_path / "toll.db"
    seen: list[int] = []
    for kill_after in (5, 40, 80):  # three interrupted runs, each further along
        proc = start_ingest(folder, db)
        deadline = time.monotonic() + 60
        while count(db, "extractions") < kill_after and time.monotonic() < deadline:
            time.sleep(0.005)
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        stored = check_consistent(db, plain_pipeline)
        assert kill_after <= stored < N_DOCS
        seen.append(stored)
    assert seen == sorted(seen)  # nothing stored was lost by a later kill
    proc = start_ingest(folder, db)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert f"ingested {N_DOCS} document(s) ({N_DOCS - seen[-1]} new)" in err.decode()
    assert check_consistent(db, plain_pipeline) == N_DOCS


_READER = textwrap.dedent(
    """
    import json, sqlite3, sys, time
    from pathlib import Path
    from tollbook.store.database import Store
    db, stop = sys.argv[1], Path(sys.argv[2])
    rounds, errors, last = 0, [], 0
    while True:
        done = stop.exists()
        try:
            with Store.open(db) as store:
                n = store.stats()["documents"]
                store.tallies()
                if n < last:
                    errors.append(f"documents went from {last} to {n}")
                last = n
            raw = sqlite3.connect(db, timeout=10)
            raw.execute("BEGIN")  # one snapshot for both reads
            rec = dict(raw.execute("SELECT doc_id, n_claims FROM extractions WHERE n_claims > 0"))
            got = dict(raw.execute("SELECT doc_id, COUNT(*) FROM claims GROUP BY doc_id"))
            raw.execute("COMMIT")
            raw.close()
            if rec != got:
                errors.append("a reader saw a half-written extraction")
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        rounds += 1
        if done:
            break
    print(json.dumps({"rounds": rounds, "errors": errors[:5], "last": last}))
    """
)


@pytest.mark.slow
def test_wal_readers_beside_a_writer_never_fail_or_see_half_writes(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "corpus", 60)
    db = tmp_path / "toll.db"
    Store.open(str(db)).close()  # created and migrated before the readers start
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", _READER, str(db), str(stop)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for _ in range(3)
    ]
    writer = start_ingest(folder, db)
    _, err = writer.communicate(timeout=120)
    stop.touch()
    results = [json.loads(r.communicate(timeout=60)[0]) for r in readers]
    assert writer.returncode == 0, err.decode()
    for result in results:
        assert result["errors"] == [] and result["rounds"] > 1, result
        assert result["last"] == 60
    with Store.open(str(db)) as store:
        assert store.stats()["documents"] == 60


@pytest.mark.slow
def test_two_writers_on_one_folder_store_each_document_once(
    tmp_path: Path, plain_pipeline: Pipeline
) -> None:
    folder = make_corpus(tmp_path / "corpus", 40)
    db = tmp_path / "toll.db"
    Store.open(str(db)).close()
    writers = [start_ingest(folder, db) for _ in range(2)]
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err.decode()  # busy writers wait, they do not fail
    assert check_consistent(db, plain_pipeline) == 40


# --- migrations from every earlier schema version -------------------------------------------


def build_at_version(path: Path, version: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database as a tollbook at schema `version` left it, holding one extraction."""
    steps = tuple(m for m in store_module.MIGRATIONS if m[0] <= version)
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", steps)
        with Store.open(str(path)) as old:
            assert old.schema_version() == version
            old.save(make_extraction(doc_id=f"v{version}doc0001"))
            old.save_document(Document(doc_id=f"v{version}only", text="Quiet in Norvane.",
                                       content_hash="h"))  # fmt: skip
    raw = sqlite3.connect(path)
    versions = [v for (v,) in raw.execute("SELECT version FROM schema_migrations")]
    raw.close()
    assert versions == [m[0] for m in steps]


@pytest.mark.parametrize("version", [m[0] for m in store_module.MIGRATIONS[:-1]])
def test_migrating_from_an_earlier_version_keeps_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int
) -> None:
    path = tmp_path / f"v{version}.db"
    build_at_version(path, version, monkeypatch)
    original = make_extraction(doc_id=f"v{version}doc0001")
    with Store.open(str(path)) as store:
        assert store.schema_version() == SCHEMA_VERSION
        doc_id = original.document.doc_id
        assert store.document(doc_id) == original.document
        assert store.claims(doc_id) == original.claims
        assert store.tally(doc_id) == original.tally
        assert store.segments(doc_id) == original.segments
        assert store.document(f"v{version}only").text == "Quiet in Norvane."
        if store.has_fts():  # rows written before the index existed are indexed too
            assert {d.doc_id for d in store.search("Castellan")} == {doc_id}
            assert [d.doc_id for d in store.search("Norvane")] == [f"v{version}only"]
        saved = store.add_correction(
            Correction(doc_id=doc_id, claim_id="c1", verdict="correct", reviewer="ana")
        )
        assert saved.correction_id == 1
        assert store.migrate() == ()
    with Store.open(str(path)) as again:  # and the migrated database reopens unchanged
        assert again.claims(original.document.doc_id) == original.claims


def test_ingest_then_reingest_adds_no_duplicates(tmp_path: Path) -> None:
    """The same folder twice: the second run writes the same rows again, no more."""
    folder = make_corpus(tmp_path / "corpus", 5)
    db = tmp_path / "toll.db"
    pipeline = Pipeline(Settings(gazetteer=False))
    with Store.open(str(db)) as store:
        for _ in range(2):
            for doc in read_path(folder):
                assert isinstance(doc, Document)
                store.save(pipeline.run(doc))
        stats = store.stats()
    assert stats["documents"] == stats["extractions"] == 5
    assert stats["claims"] == sum(len(pipeline.run(d).claims) for d in read_path(folder)
                                  if isinstance(d, Document))  # fmt: skip
