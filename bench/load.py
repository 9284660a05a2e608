"""Load bench: N concurrent readers of `tollbook serve` while an ingest writes, on 127.0.0.1.

    .venv/bin/python bench/load.py [--readers 8] [--seconds 15] [--docs 300]

Two scenarios, each bounded in time (--seconds) and requests (--max-requests):
  1. readers: the documents list, a search, the events page and a document page, while
     `tollbook ingest` (another process) writes a folder of reports into the same store;
  2. the same with a 20 MB document in the store and hostile requests mixed in (its page,
     500-character and 16-word searches, deep pages).
Printed per scenario: requests, throughput, p50/p99 latency by route, errors (5xx, refused
connections; the 422s hostile requests are meant to get are counted apart), the server's
peak RSS; at the end the store is checked: every ingested report stored once.

The server is a real `tollbook serve` child process on 127.0.0.1 (an ephemeral port); no
request leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
PLACES = ["Norvane", "Port Castellan", "Velmora", "Ostrava Hills", "Marwick", "Tessaly"]
TOKEN = "load-bench-write-token-0123456789"


def _report(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return (f"At least {10 + i} people were killed in {place} on Monday, the ministry said. "
            f"Another {i % 7 + 2} were wounded and {i % 5} remain missing.\n")  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _tollbook(*args: str, **kw: object) -> subprocess.Popen[bytes]:
    code = "from tollbook.cli.main import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *args], **kw)  # type: ignore[call-overload]


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    refused_as_meant: int = 0
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _reader(base: str, routes: list[tuple[str, str, tuple[int, ...]]], stop: float,
            budget: list[int], out: Results, seed: int) -> None:  # fmt: skip
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60, trust_env=False) as client:
        while time.monotonic() < stop:
            with out.lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            label, url, meant = rng.choice(routes)
            started = time.perf_counter()
            try:
                r = client.get(url)
                status = r.status_code
            except httpx.HTTPError as exc:
                with out.lock:
                    out.errors.append(f"{label}: {type(exc).__name__}")
                continue
            took = time.perf_counter() - started
            with out.lock:
                out.requests += 1
                out.latencies[label].append(took)
                if status in meant and status >= 400:
                    out.refused_as_meant += 1
                elif status >= 400 or status not in meant:
                    out.errors.append(f"{label}: HTTP {status}")


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def scenario(name: str, db: Path, corpus: Path, args: argparse.Namespace, hostile: bool) -> bool:
    port = _free_port()
    env = {**os.environ, "TOLLBOOK_WRITE_TOKEN": TOKEN}
    server = _tollbook("serve", "--db", str(db), "--host", HOST, "--port", str(port),
                       "--no-gazetteer", "--limit-concurrency", "200", env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/documents?limit=1", timeout=2, trust_env=False)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        with sqlite3.connect(db) as conn:
            ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 50")]
            big = conn.execute("SELECT doc_id FROM documents WHERE title = 'big'").fetchone()
        ok = (200,)
        routes = [("documents list", "/documents", ok), ("search", "/api/documents?q=killed+ministry", ok),
                  ("events", "/events", ok)]  # fmt: skip
        routes += [("document page", f"/documents/{d}", ok) for d in ids[:10]]
        if hostile and big:
            routes += [
                ("big document page", f"/documents/{big[0]}", ok),
                ("big document part", f"/api/documents/{big[0]}?part=50", ok),
                ("hostile search", "/api/documents?q=" + "a+" * 250, (200, 422, 503)),
                ("hostile search", "/api/documents?q=" + "+".join(f"w{i}" for i in range(16)), (200, 503)),
                ("hostile search", "/api/documents?q=" + "+".join(f"w{i}" for i in range(40)), (422,)),
                ("deep page", "/api/documents?limit=1000&page=9999", ok),
            ]  # fmt: skip
        out = Results()
        writer = _tollbook("ingest", str(corpus), "--db", str(db), "--no-gazetteer",
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        stop = time.monotonic() + args.seconds
        budget = [args.max_requests]
        peak = [0]
        started = time.perf_counter()
        threads = [threading.Thread(target=_reader, args=(base, routes, stop, budget, out, i))
                   for i in range(args.readers)]  # fmt: skip
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            peak[0] = max(peak[0], _rss_kb(server.pid))
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
        _, err = writer.communicate(timeout=600)
        if writer.returncode:
            print(err.decode(errors="replace")[-500:])
        print(f"\n{name}: {args.readers} readers for {elapsed:.1f} s while `tollbook ingest` "
              f"wrote {args.docs} reports (exit {writer.returncode})")  # fmt: skip
        print(f"  {out.requests} requests, {out.requests / elapsed:.1f} req/s, "
              f"{len(out.errors)} errors, {out.refused_as_meant} refused as meant (422/503), "
              f"server peak RSS {peak[0] / 1024:.0f} MB")  # fmt: skip
        width = max(len(k) for k in out.latencies) if out.latencies else 10
        print(f"  {'route':<{width}}  {'n':>5}  {'p50 ms':>7}  {'p99 ms':>7}")
        for label, values in sorted(out.latencies.items()):
            print(f"  {label:<{width}}  {len(values):>5}  {_pct(values, 0.5) * 1000:>7.0f}  "
                  f"{_pct(values, 0.99) * 1000:>7.0f}")  # fmt: skip
        everything = [v for vs in out.latencies.values() for v in vs]
        if everything:
            print(f"  all: p50 {statistics.median(everything) * 1000:.0f} ms, "
                  f"p99 {_pct(everything, 0.99) * 1000:.0f} ms")  # fmt: skip
        for e in sorted(set(out.errors))[:10]:
            print(f"  ERROR {e} (x{out.errors.count(e)})")
        return not out.errors and writer.returncode == 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=8, help="concurrent readers")
    parser.add_argument("--seconds", type=float, default=15, help="time per scenario")
    parser.add_argument("--max-requests", type=int, default=20_000, help="requests per scenario")
    parser.add_argument("--docs", type=int, default=300, help="reports the ingest writes")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="tollbook-load-") as tmp:
        db = Path(tmp) / "load.db"
        seed = _tollbook("ingest", *map(str, _demo()), "--db", str(db), "--no-gazetteer",
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        seed.wait(timeout=600)
        for n, hostile in ((1, False), (2, True)):
            corpus = Path(tmp) / f"corpus{n}"
            corpus.mkdir()
            for i in range(args.docs):
                (corpus / f"r{n}-{i:04d}.txt").write_text(_report(i + n * 100_000), encoding="utf-8")
            if hostile:
                _add_big(db)
            with sqlite3.connect(db) as conn:
                before = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            label = "scenario 2 (a 20 MB document, hostile requests mixed in)" if hostile else \
                "scenario 1 (readers beside a writer)"  # fmt: skip
            ok &= scenario(label, db, corpus, args, hostile)
            with sqlite3.connect(db) as conn:
                after = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                ids = conn.execute("SELECT COUNT(DISTINCT doc_id) FROM documents").fetchone()[0]
                extracted = conn.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]
                check = conn.execute("PRAGMA quick_check").fetchone()[0]
            stored_once = after - before == args.docs and ids == after
            print(f"  store: {after - before} of {args.docs} reports stored, each once "
                  f"({ids} distinct ids of {after}; {extracted} extractions), quick_check {check}")  # fmt: skip
            ok &= stored_once and check == "ok"
    return 0 if ok else 1


def _demo() -> list[Path]:
    from tollbook import api

    return list(api.demo_paths())


def _add_big(db: Path) -> None:
    from tollbook.ingest.sources import document_from_text
    from tollbook.store.database import Store

    text = ("Nothing happened in the harbour today. " * 600_000)[: 20 << 20]
    with Store.open(str(db)) as store:
        store.save_document(document_from_text(text, title="big"))  # stored without extraction


if __name__ == "__main__":
    sys.exit(main())
