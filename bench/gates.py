"""Word gates over marks (issue 23): the gate stage and the whole path, searching vs marked.

    PYTHONPATH=src:.ext .venv/bin/python bench/gates.py [--corpus FILE.jsonl] [--kb 300] [--repeat 3]

Without --corpus, the bench's dense articles (bench/throughput.py `write_corpus`, ../shared
when present) are written to a temporary file. Runs the first --kb KB of the corpus through one
pipeline (scanner "auto") and records every `literals.gate` call and every marking (one per
document with cued sentences: `literals.marked`), then prints, in CPU seconds (min of --repeat):
- the gate stage: the recorded calls replayed in order, with the rules searching for
  themselves (no marks: the pure-Python path, as before marks) and reading the marks of the
  compiled engine (the marking included) and of the Python reference engine;
- the whole path (`Pipeline.run`) with marks off and on, passes alternating;
- whether claims and tallies are identical with marks off and on.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import throughput as tp  # noqa: E402

from tollbook.extract.grammar import literals  # noqa: E402
from tollbook.ingest.sources import document_from_text  # noqa: E402
from tollbook.model import Document  # noqa: E402
from tollbook.pipeline import Pipeline, Settings  # noqa: E402
from tollbook.scan import gates  # noqa: E402

#: (k, start, end, Gate) asks text k; (k, -1, -1, ranges) marks text k (a new Marked text that the
#: calls after it on text k read, as extract/claims.py hands it to the rules); texts: plain str.
Event = tuple[int, int, int, Any]


def _record(pipeline: Pipeline, docs: list[Document]) -> tuple[list[Event], list[str]]:
    events: list[Event] = []
    texts: list[str] = []
    index: dict[int, int] = {}  # id of a text the rules asked -> its place in `texts`
    alive: list[str] = []  # the texts asked, kept so that no id is reused
    gate, marked = literals.gate, literals.marked

    def key(text: str) -> int:
        k = index.get(id(text))
        if k is None:
            k = index[id(text)] = len(texts)
            texts.append(str(text))
            alive.append(text)
        return k

    def gate_spy(text: str, start: int, end: int, g: literals.Gate) -> bool:
        events.append((key(text), start, end, g))
        return gate(text, start, end, g)

    def marked_spy(text: str, ranges: list[tuple[int, int]], masks: list[int], size: int) -> literals.Marked:
        out = marked(text, ranges, masks, size)
        events.append((key(out), -1, -1, ranges))
        return out

    literals.gate, literals.marked = gate_spy, marked_spy  # type: ignore[assignment]
    try:
        for d in docs:
            pipeline.run(d)
    finally:
        literals.gate, literals.marked = gate, marked  # type: ignore[assignment]
    return events, texts


def _replay(events: list[Event], texts: list[str], engine: gates.GateEngine | None) -> None:
    gate, marked = literals.gate, literals.marked
    current = list(texts)
    for k, start, end, what in events:
        if start >= 0:
            gate(current[k], start, end, what)
        elif engine is not None:  # the marking, as extract/claims.py makes it
            current[k] = marked(texts[k], what, engine.masks(texts[k], what), engine.size)


def _cpu(fn: Callable[[], object], repeat: int, before: Callable[[], object] = lambda: None) -> float:
    best = float("inf")
    for _ in range(repeat):
        before()
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def _forget() -> None:
    literals._folded.cache_clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="a JSONL corpus (text, published); default: the bench's articles")
    ap.add_argument("--kb", type=int, default=300, help="the corpus prefix read, in KB (default 300)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    corpus = args.corpus
    if corpus is None:
        corpus = Path(tempfile.mkdtemp()) / "articles.jsonl"
        tp.write_corpus(corpus, args.kb * 1024 + 100_000, args.shared)
    texts, size = tp._prefix(corpus, args.kb * 1024)
    docs = [document_from_text(t, published=q) for t, q in texts]
    pipeline = Pipeline(Settings())
    compiled = pipeline.gates
    if compiled is None:
        print("no compiled marks engine (tollbook_scan missing or older than rust/src/gates.rs: `make rust`)")
        return 1
    python = gates.PythonGates(literals.declared()[: compiled.size], literals.fold)
    pipeline.run(docs[0])
    events, texts = _record(pipeline, docs)
    calls = sum(1 for e in events if e[1] >= 0)
    print(f"{size / 1e6:.2f} MB, {len(docs)} documents: {calls} gate calls, {len(events) - calls} markings")
    for label, engine in [("search (no marks)", None), ("compiled marks", compiled), ("python marks", python)]:
        t = _cpu(lambda e=engine: _replay(events, texts, e), args.repeat, _forget)  # type: ignore[misc]
        print(f"  gate stage, {label:18} {t * 1000:8.1f} ms")
    off = Pipeline(Settings())
    off.__dict__["gates"] = None  # the same pipeline, the rules searching for themselves
    # the marks travel with the text each pipeline reads (literals.Marked): "off" never reads them
    runs = {"off": off, "on": pipeline}
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.repeat):
        for name, p in runs.items():
            best[name] = min(best[name], _cpu(lambda p=p: [p.run(d) for d in docs], 1, _forget))  # type: ignore[misc]
    for name in runs:
        print(f"  whole path, marks {name:3}  {best[name]:.3f} s  {size / 1e6 / best[name]:.3f} MB/s")
    digests = {name: hashlib.sha256(repr([(e.claims, e.tally) for e in map(p.run, docs)]).encode()).hexdigest()
               for name, p in runs.items()}  # fmt: skip
    print(f"  claims and tallies identical: {digests['off'] == digests['on']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
