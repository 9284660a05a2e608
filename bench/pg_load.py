"""Benchmark: N synthetic claims as Spark-style Parquet -> `tollbook.store.bulkload` into PostgreSQL.

    .venv/bin/python bench/pg_load.py [--claims 1000000] [--url postgresql://...] [--sqlite]

Writes claims/, documents/ and tallies/ folders of part files (the Spark job's layout; the
claims are invented, about fictional places) into a temporary folder, then times
`load_parquet` into a fresh schema of the server at --url (default: $TOLLBOOK_TEST_POSTGRES),
once into empty tables and once more over the same rows (the idempotent rerun, which
replaces them). --sqlite also times the same load into a SQLite file. Prints one line per
run: wall seconds, claims per second, and the CPU seconds of this process and (for a local
server) of its PostgreSQL backend, which do not depend on other load on the machine. The
schema is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq

from tollbook.store.bulkload import load_parquet
from tollbook.store.database import Store

PLACES = ("Port Castellan", "Marwick", "the Ostrava Hills", "Valdoria City", "Norvane")
CATEGORIES = ("killed", "wounded", "displaced", "missing")
POPULATIONS = (("people", "unknown"), ("civilians", "civilian"), ("soldiers", "combatant"))
SENTENCE = "Officials in {place} said {n} {pop} were {cat} on {day} March."


def make_part(first_doc: int, docs: int, per_doc: int) -> dict[str, pa.Table]:
    """One part file's claims, documents and tallies for documents first_doc.. +docs."""
    claims: dict[str, list[object]] = {k: [] for k in (
        "doc_id", "claim_id", "kind", "category", "population", "population_class", "value",
        "low", "high", "qualifier", "unit", "parent", "relation", "place", "place_span",
        "event_date", "event_date_text", "event_date_precision", "event_date_span",
        "event_date_relative", "source", "source_cue", "source_span", "source_chain", "span",
        "text", "sentence", "sentence_span", "rule", "extractor_version", "flags",
        "characterisation")}  # fmt: skip
    documents: dict[str, list[object]] = {k: [] for k in ("doc_id", "content_hash", "text",
                                                          "title", "format", "published")}  # fmt: skip
    tallies: dict[str, list[object]] = {k: [] for k in (
        "doc_id", "extractor_version", "category", "best", "low", "high", "civilians",
        "combatants", "unknown", "claims", "rule")}  # fmt: skip
    for d in range(first_doc, first_doc + docs):
        doc_id = f"{d:016x}"
        sentences = []
        pos = 0
        best: dict[str, float] = {}
        for k in range(per_doc):
            place = PLACES[(d + k) % len(PLACES)]
            cat = CATEGORIES[(d * 7 + k) % len(CATEGORIES)]
            pop, cls = POPULATIONS[k % len(POPULATIONS)]
            n = 1 + (d * 31 + k * 17) % 997
            s = SENTENCE.format(place=place, n=n, pop=pop, cat=cat, day=1 + k % 28)
            start = pos + s.index(str(n))
            row = {
                "doc_id": doc_id, "claim_id": f"c{d:012x}{k:04x}", "kind": "count",
                "category": cat, "population": pop, "population_class": cls, "value": float(n),
                "low": float(n), "high": float(n), "qualifier": "exact", "unit": "people",
                "parent": None, "relation": None, "place": place,
                "place_span": f"[{pos + 13}, {pos + 13 + len(place)}]",
                "event_date": f"2031-03-{1 + k % 28:02d}",
                "event_date_text": f"{1 + k % 28} March", "event_date_precision": "day",
                "event_date_span": f"[{pos + len(s) - 10}, {pos + len(s) - 1}]",
                "event_date_relative": False, "source": f"Officials in {place}",
                "source_cue": "said", "source_span": f"[{pos}, {pos + 13 + len(place)}]",
                "source_chain": "[]", "span": f"[{start}, {start + len(str(n))}]",
                "text": str(n), "sentence": s, "sentence_span": f"[{pos}, {pos + len(s)}]",
                "rule": "count_verb", "extractor_version": "0.1.0", "flags": "[]",
                "characterisation": "[]",
            }  # fmt: skip
            for key, value in row.items():
                claims[key].append(value)
            best[cat] = max(best.get(cat, 0.0), float(n))
            sentences.append(s)
            pos += len(s) + 1
        text = " ".join(sentences)
        for key, value in (("doc_id", doc_id), ("content_hash", f"sha256:{doc_id}"),
                           ("text", text), ("title", f"Report {d} from {PLACES[d % 5]}"),
                           ("format", "text"), ("published", "2031-03-30")):  # fmt: skip
            documents[key].append(value)
        for cat, b in best.items():
            for key, value in (("doc_id", doc_id), ("extractor_version", "0.1.0"),
                               ("category", cat), ("best", b), ("low", b), ("high", b),
                               ("civilians", 0.0), ("combatants", 0.0), ("unknown", b),
                               ("claims", "[]"), ("rule", "max_overlapping")):  # fmt: skip
                tallies[key].append(value)
    return {name: pa.table(cols) for name, cols in
            (("claims", claims), ("documents", documents), ("tallies", tallies))}  # fmt: skip


def generate(root: Path, n_claims: int, per_doc: int, part_docs: int = 10_000) -> None:
    n_docs = n_claims // per_doc
    for name in ("claims", "documents", "tallies"):
        (root / name).mkdir(parents=True)
        (root / name / "_SUCCESS").write_text("")
    for i, first in enumerate(range(0, n_docs, part_docs)):
        for name, table in make_part(first, min(part_docs, n_docs - first), per_doc).items():
            pq.write_table(table, root / name / f"part-{i:05d}.snappy.parquet")


def backend_cpu(pid: int | None) -> float | None:
    """CPU seconds a local PostgreSQL backend process has used (None when not readable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_load(url: str, root: Path, label: str, n_claims: int) -> None:
    """Load twice (empty tables, then the idempotent rerun); print wall and CPU seconds.

    CPU seconds (this process + the server's backend, when local) do not depend on what
    else the machine runs; wall time does."""
    with Store.open(url) as store:
        pid = None
        if store.dialect == "postgresql":
            pid = int(store.backend.query("SELECT pg_backend_pid() AS p")[0]["p"])
        for run in ("empty tables", "rerun (replaces the same rows)"):
            started, cpu0, server0 = time.perf_counter(), time.process_time(), backend_cpu(pid)
            result = load_parquet(store, root / "claims", root / "tallies", root / "documents")
            seconds = time.perf_counter() - started
            client = time.process_time() - cpu0
            server1 = backend_cpu(pid)
            server = (
                "" if server0 is None or server1 is None else f" + server {server1 - server0:.1f}"
            )
            assert result.claims == n_claims, result
            print(f"{label}, {run}: {result.claims:,} claims, {result.documents:,} documents, "
                  f"{result.tallies:,} tally rows in {seconds:.1f} s "
                  f"= {result.claims / seconds:,.0f} claims/s; CPU s: client {client:.1f}{server}; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        assert store.stats()["claims"] == n_claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--per-doc", type=int, default=10, help="claims per document")
    parser.add_argument("--url", default=os.environ.get("TOLLBOOK_TEST_POSTGRES"))
    parser.add_argument("--sqlite", action="store_true", help="also time a SQLite load")
    args = parser.parse_args()
    if not args.url:
        sys.exit("give --url postgresql://... or set TOLLBOOK_TEST_POSTGRES (see .ci/services.sh)")
    with tempfile.TemporaryDirectory(prefix="tollbook-bench-") as tmp:
        root = Path(tmp) / "out"
        started = time.perf_counter()
        generate(root, args.claims, args.per_doc)
        size = sum(p.stat().st_size for p in root.rglob("*.parquet")) / 1e6
        print(f"generated {args.claims:,} claims as Parquet ({size:.0f} MB) "
              f"in {time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
        schema = "bench_" + secrets.token_hex(4)
        with psycopg.connect(args.url, autocommit=True) as conn:
            version = conn.execute("SHOW server_version").fetchone()
            conn.execute(f"CREATE SCHEMA {schema}")
        print(f"PostgreSQL {version[0] if version else '?'}, schema {schema}", flush=True)
        sep = "&" if "?" in args.url else "?"
        try:
            timed_load(f"{args.url}{sep}options=-csearch_path%3D{schema}", root, "PostgreSQL",
                       args.claims)  # fmt: skip
        finally:
            with psycopg.connect(args.url, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
        if args.sqlite:
            timed_load(str(Path(tmp) / "bench.db"), root, "SQLite", args.claims)


if __name__ == "__main__":
    main()
