"""Scaling benchmark: documents per second in-process, with a process pool, and on Spark.

    .venv/bin/python bench/scale.py [--docs 20000] [--jobs 2] [--no-spark] [--repeat 1]

Input: a synthetic corpus generated from the project's own annotated texts
(tests/corpus/*.jsonl) by deterministic substitution (`generate`): each document joins one to
four corpus texts as paragraphs, with place names swapped among fictional ones and figures
changed digit by digit, so the documents differ but read like the corpus.
Output: one table on stdout: mode, workers, documents, claims, wall seconds, CPU seconds
(parent and pool workers; not measured for Spark, whose work runs under the JVM),
documents/second and the speed-up over one in-process worker; the load average before each
run. On a busy machine compare CPU seconds: the wall clock also measures the neighbours.

Every mode runs the same extraction and is checked to find the same claims; what is timed
is read JSONL -> documents -> extract -> serialised claim rows (the CLI's `extract` work,
without printing), and for Spark, read JSONL -> Parquet claims and tallies on local disk.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"

#: Fictional places of the corpus, each swapped for another of the list.
PLACES = (
    "Lorsk", "Sorel", "Velmora", "Varno", "Pell", "Halvard", "Gorran", "Ardel", "Drevna",
    "Tessary", "Marren", "Sarn", "Ketter", "Brisca", "Amsel", "Teleran", "Hallin", "Carrow",
    "Lysk", "Port Castellan", "Kessel Ridge", "Harrow Fields", "Orlen Pass", "Calder Bay",
)  # fmt: skip
_PLACE = re.compile(r"\b(" + "|".join(sorted(PLACES, key=len, reverse=True)) + r")\b")
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")


def corpus_texts(corpus: Path = CORPUS) -> list[str]:
    """Every text of tests/corpus/*.jsonl, in file and line order."""
    texts = []
    for path in sorted(corpus.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["text"]))
    return texts


def _vary(text: str, rng: random.Random) -> str:
    shift = rng.randrange(1, len(PLACES))

    def place(m: re.Match[str]) -> str:
        return PLACES[(PLACES.index(m[1]) + shift) % len(PLACES)]

    def figure(m: re.Match[str]) -> str:
        digits = m[0]
        if re.fullmatch(r"(?:19|20)\d\d", digits):
            return digits  # a year: keep dates dates
        out = [str(rng.randrange(1, 10)) if i == 0 and c.isdigit() else
               (str(rng.randrange(10)) if c.isdigit() else c) for i, c in enumerate(digits)]  # fmt: skip
        return "".join(out)

    return _FIGURE.sub(figure, _PLACE.sub(place, text))


def generate(n: int, seed: int = 7, corpus: Path = CORPUS) -> Iterator[dict[str, str]]:
    """`n` records {"id", "text"}: the same for the same n and seed, on every machine."""
    texts = corpus_texts(corpus)
    rng = random.Random(seed)
    for i in range(n):
        parts = [_vary(rng.choice(texts), rng) for _ in range(rng.randint(1, 4))]
        yield {"id": f"gen-{seed}-{i:06d}", "text": "\n\n".join(parts)}


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in generate(n, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------------------------------------


def _claim_rows(path: Path, jobs: int) -> tuple[int, list[str]]:
    """The CLI's extract, minus printing: (documents, claim keys)."""
    from tollbook import api
    from tollbook.ingest.sources import IngestOptions
    from tollbook.model import Extraction
    from tollbook.output.serialize import claim_to_dict

    docs = api.read([path], IngestOptions(id_field="id"))
    n_docs, keys = 0, []
    for r in api.extract(docs, jobs=jobs, segments=False):
        if not isinstance(r, Extraction):
            raise SystemExit(f"unexpected failure: {r}")
        n_docs += 1
        keys.extend(f"{d['doc_id']}:{d['claim_id']}" for d in map(claim_to_dict, r.claims))
    return n_docs, keys


def _spark_rows(path: Path, workers: int, out: Path) -> tuple[int, list[str], float]:
    """The Spark job on local[workers]: (documents, claim keys, seconds to start the session,
    which the job's time leaves out)."""
    import pyarrow.parquet as pq

    from tollbook.ingest.sources import IngestOptions
    from tollbook.run import spark as tspark

    t0 = time.perf_counter()
    session = tspark.local_session(workers)
    startup = time.perf_counter() - t0
    try:
        counts = tspark.run(session, [str(path)], str(out), input_format="jsonl",
                            options=IngestOptions(id_field="id"), partitions=workers * 2,
                            mode="overwrite")  # fmt: skip
    finally:
        session.stop()
    table = pq.read_table(out / "claims", columns=["doc_id", "claim_id"]).to_pylist()
    return counts.documents, [f"{r['doc_id']}:{r['claim_id']}" for r in table], startup


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the pool's workers): on a
    shared machine the wall clock measures the neighbours too, CPU time does not."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_mode(mode: str, workers: int, corpus: Path, out: Path) -> dict[str, object]:
    """One mode in this (fresh) process: its figures and a digest of the claims it found."""
    t0, cpu0 = time.perf_counter(), _cpu()
    startup = 0.0
    if mode == "spark":
        n_docs, keys, startup = _spark_rows(corpus, workers, out)
    else:
        n_docs, keys = _claim_rows(corpus, workers)
    seconds = time.perf_counter() - t0 - startup
    digest = hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()
    return {"docs": n_docs, "claims": len(keys), "seconds": seconds, "startup": startup,
            "cpu": None if mode == "spark" else _cpu() - cpu0, "digest": digest}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="run every mode this many times")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--run", nargs=3, metavar=("MODE", "WORKERS", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run:  # a child: one mode, figures as JSON on stdout
        mode, workers, corpus = args.run
        with tempfile.TemporaryDirectory(prefix="tollbook-spark-") as out:
            print(json.dumps(run_mode(mode, int(workers), Path(corpus), Path(out) / "out")))
        return 0

    modes = [("in-process", "serial", 1), ("--jobs", "pool", args.jobs)]
    if not args.no_spark:
        modes.append(("spark local", "spark", args.jobs))
    rows, notes, reference, base = [], [], None, None
    with tempfile.TemporaryDirectory(prefix="tollbook-scale-") as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", args.docs)
        for _ in range(args.repeat):
            for label, mode, workers in modes:
                load = _load()
                # a fresh process per mode: no cache warmed by the mode before
                done = subprocess.run([sys.executable, __file__, "--run", mode, str(workers),
                                       str(corpus)], capture_output=True, text=True, check=True)  # fmt: skip
                r = json.loads(done.stdout.strip().splitlines()[-1])
                if reference is None:
                    reference = r["digest"]
                elif r["digest"] != reference:
                    print(f"MISMATCH: {label} found other claims than in-process", file=sys.stderr)
                    return 1
                rate = r["docs"] / r["seconds"]
                base = base or rate
                cpu = "" if r["cpu"] is None else f"{r['cpu']:.1f}"
                rows.append((label, workers, r["docs"], r["claims"], r["seconds"], cpu, rate,
                             rate / base, load))  # fmt: skip
                if r["startup"]:
                    notes.append(f"{label}: + {r['startup']:.1f} s to start the JVM and session")
    print(f"{'mode':<12} {'workers':>7} {'docs':>7} {'claims':>7} {'seconds':>8} {'cpu s':>7} "
          f"{'docs/s':>8} {'speed-up':>8}  load before")  # fmt: skip
    for label, workers, n_docs, n_claims, seconds, cpu, rate, up, load in rows:
        print(f"{label:<12} {workers:>7} {n_docs:>7} {n_claims:>7} {seconds:>8.1f} {cpu:>7} "
              f"{rate:>8.0f} {up:>7.2f}x  {load}")  # fmt: skip
    for note in notes:
        print(note)
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}, load after {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
