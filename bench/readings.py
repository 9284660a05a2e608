"""The readings stage (issue 20's `readings.complete`) and the whole path: CPU seconds.

    PYTHONPATH=src:.ext .venv/bin/python bench/readings.py CORPUS.jsonl [--kb 300] [--repeat 3]

Runs the first --kb KB of CORPUS through one pipeline (scanner "auto") --repeat times and
prints, min over the passes: the whole path (`Pipeline.run`), the time spent inside
`readings.complete` and inside `victims.find_victims` (each wrapped with a CPU clock), the
path's MB/s, and a digest of every document's repr((claims, tally)) to compare checkouts.
Run it from two checkouts in alternation (PYTHONPATH chooses the code) to compare them.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import throughput as tp  # noqa: E402

from tollbook.extract import readings, victims  # noqa: E402
from tollbook.ingest.sources import document_from_text  # noqa: E402
from tollbook.pipeline import Pipeline, Settings  # noqa: E402


def _clocked(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - t

    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--kb", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts, size = tp._prefix(args.corpus, args.kb * 1024)
    docs = [document_from_text(t, published=q) for t, q in texts]
    pipeline = Pipeline(Settings(scanner="auto"))
    stage, named = [0.0], [0.0]
    readings.complete = _clocked(readings.complete, stage)  # type: ignore[assignment]
    victims.find_victims = _clocked(victims.find_victims, named)  # type: ignore[assignment]
    digest = hashlib.sha256("".join(repr((ex.claims, ex.tally)) for ex in map(pipeline.run, docs)).encode()).hexdigest()
    best = (float("inf"), 0.0, 0.0)
    for _ in range(args.repeat):
        stage[0] = named[0] = 0.0
        t = time.process_time()
        for d in docs:
            pipeline.run(d)
        best = min(best, (time.process_time() - t, stage[0], named[0]))
    whole, in_stage, in_named = best
    print(f"{len(docs)} docs {size / 1e6:.3f} MB: whole {whole:.3f} s ({size / 1e6 / whole:.3f} MB/s), "
          f"readings.complete {in_stage:.3f} s ({in_stage / whole:.1%}), find_victims {in_named:.3f} s, "
          f"claims+tallies {digest[:16]}")  # fmt: skip


if __name__ == "__main__":
    main()
