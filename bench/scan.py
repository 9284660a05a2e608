"""Scanner benchmark: the gazetteer-name scan with each candidate engine, start-up, and the
whole path with both scanners, in one run.

    .venv/bin/python bench/scan.py [--mb 2] [--repeat 3] [--shared ../shared] [--no-whole]

Corpus: bench/throughput.py's deterministic articles (tests/corpus, the demo and, when present,
../shared/data). Prints, each timed as the minimum of --repeat passes in this one process:
- start-up: the gazetteer load (cache file read, and a build from the data files), the grammar
  and rule imports, and each engine's build;
- the name scan alone (words -> longest gazetteer name at each capitalised word) with: the
  place finder's own tokens and lookups (places.py before marks), the columnar words with the
  Python engine, and with each compiled candidate that is installed (ahocorasick-rs, adopted;
  pyahocorasick); each must give the same names as the first or the run stops;
- the place finder (`find_in_document`) without a scanner and with each scanner;
- the whole path (`Pipeline.run`, text -> claims -> tally) with scanner=python and compiled,
  with the stage timings (segmentation, dates, numbers, places) of bench/throughput.py.
Hyperscan is not run here: compiling the 355k name literals took 29 s and 33 MB in one trial
and was killed at 23 GB of memory in another (README "Speed").
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
MB = 1_000_000


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def interleaved(repeat: int, fns: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Min seconds of each function over `repeat` rounds that run every function once: this
    shared VM's speed drifts over minutes, and back-to-back blocks let the drift pick winners."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for label, fn in fns.items():
            t = time.perf_counter()
            fn()
            best[label] = min(best[label], time.perf_counter() - t)
    return best


def _py_places_names(gazetteer: Any, text: str) -> dict[int, int]:
    """places.py's own path: its tokens, then `_longest` at each capitalised token."""
    from tollbook.geo.places import _tokens

    toks = _tokens(text, 0, len(text))
    out = {}
    for i, tok in enumerate(toks):
        if tok.cap:
            match = gazetteer._longest(text, toks, i)
            if match is not None:
                out[i] = match[0]
    return out


class PyAhoCorasick:
    """Candidate: pyahocorasick (C) over the same stream as the adopted engine."""

    name = "pyahocorasick"

    def __init__(self, keys: Any) -> None:
        import ahocorasick

        from tollbook.scan import marks as scan

        patterns, self._counts = scan._patterns(keys)
        self._lengths = list(map(len, patterns))
        self._a = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, p in enumerate(patterns):
            self._a.add_word(p, i)
        self._a.make_automaton()

    def longest(self, words: Any) -> dict[int, int]:
        from tollbook.scan import marks as scan

        n_words = len(words)
        if not n_words:
            return {}
        stream: list[str] = [""] * (3 * n_words)
        stream[0::3] = map(scan._MARKS.__getitem__, words.caps)
        stream[1::3] = words.keys
        stream[2::3] = map(scan._SEPS.__getitem__, words.joins)
        ends = list(itertools.accumulate(map(len, stream)))[1::3]
        word_at_end = dict(zip(ends, range(n_words), strict=True))
        out: dict[int, int] = {}
        for end, p in self._a.iter("".join(stream)):
            n = self._counts[p]
            i = word_at_end[end] - n + 1
            if n > out.get(i, 0):
                out[i] = n
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-whole", action="store_true", help="skip the whole-path timing")
    args = ap.parse_args()

    import throughput

    texts = [t for t, _ in throughput.articles(int(args.mb * MB), args.shared)]
    size = sum(len(t.encode("utf-8")) for t in texts) / MB
    print(f"corpus: {len(texts)} articles, {size:.2f} MB; min of {args.repeat} passes\n")

    # ---------------------------------------------------------------- start-up
    from tollbook.geo import gazetteer_index, places
    from tollbook.scan import marks as scan

    gazetteer = places.Gazetteer.load()  # writes the cache file if this code has none yet

    def never() -> places.Gazetteer:
        raise SystemExit("the gazetteer cache was not written: see gazetteer_index.cache_dir()")

    load = best_of(args.repeat, lambda: gazetteer_index.load(None, never))
    build = best_of(1, lambda: places._build(None))
    t = time.perf_counter()
    for module in ("tollbook.extract.claims", "tollbook.extract.segment", "tollbook.tally.rules"):
        importlib.import_module(module)
    grammar = time.perf_counter() - t
    print("start-up (seconds):")
    print(f"  gazetteer from its cache file      {load:6.3f}")
    print(f"  gazetteer built from the data      {build:6.3f}  (no cache: before this change)")
    print(f"  grammar and rule modules imported  {grammar:6.3f}")
    print(f"  gazetteer + grammar                {load + grammar:6.3f}  (target < 0.3)")
    keys, firsts, max_words = gazetteer._index, gazetteer._firsts, gazetteer._max_words
    engines: dict[str, Any] = {"python": scan.PythonNames(keys, firsts, max_words)}
    for label, make in (
        ("ahocorasick-rs", lambda: scan.CompiledNames(keys, firsts, max_words)),
        ("pyahocorasick", lambda: PyAhoCorasick(keys)),
    ):
        try:
            t = time.perf_counter()
            engines[label] = make()
            print(f"  {label + ' automaton built':34} {time.perf_counter() - t:6.3f}")
        except (ImportError, scan.EngineUnavailable) as exc:
            print(f"  {label:34} not installed ({exc})")

    # ---------------------------------------------------------------- name scan
    fold = places._fold_token
    reference = [_py_places_names(gazetteer, text) for text in texts]
    columns = [scan.words(text, fold) for text in texts]
    for label, engine in engines.items():
        got = [engine.longest(w) for w in columns]
        if got != reference:
            raise SystemExit(f"{label} finds other names than places.py: not comparable")
    print(f"\ngazetteer-name scan ({sum(map(len, reference))} names; MB/s, same names each):")
    rows = {
        "places.py tokens + lookups (before)": lambda: [
            _py_places_names(gazetteer, text) for text in texts
        ],
        "columnar words alone": lambda: [scan.words(text, fold) for text in texts],
    }
    for label, engine in engines.items():
        rows[f"words + {label} engine"] = lambda e=engine: [
            e.longest(scan.words(text, fold)) for text in texts
        ]
        rows[f"  {label} engine alone"] = lambda e=engine: [e.longest(w) for w in columns]
    for label, seconds in interleaved(args.repeat, rows).items():
        print(f"  {label:40} {size / seconds:6.2f}")

    # ---------------------------------------------------------------- place finder
    print("\nplace finder, find_in_document (MB/s):")
    finders = {"no scanner (before)": gazetteer, "scanner=python": gazetteer.with_scanner("python")}
    if "ahocorasick-rs" in engines:
        finders["scanner=compiled"] = gazetteer.with_scanner("compiled")
    expected = [gazetteer.find_in_document(text) for text in texts]
    for label, finder in finders.items():
        if [finder.find_in_document(text) for text in texts] != expected:
            raise SystemExit(f"{label}: other place mentions than without a scanner")
    timed = interleaved(
        args.repeat,
        {k: lambda f=f: [f.find_in_document(text) for text in texts] for k, f in finders.items()},
    )
    for label, seconds in timed.items():
        print(f"  {label:40} {size / seconds:6.2f}")

    if not args.no_whole:
        whole(texts, size, args.repeat, "ahocorasick-rs" in engines)
    return 0


def whole(texts: list[str], size: float, repeat: int, compiled: bool) -> None:
    """Pipeline.run over the corpus with each scanner, and the stage timings."""
    from tollbook.extract.dates import find_dates
    from tollbook.extract.numbers import find_numbers
    from tollbook.extract.segment import segment
    from tollbook.ingest.sources import document_from_text
    from tollbook.pipeline import Pipeline, Settings

    docs = [document_from_text(text) for text in texts]
    print("\nwhole path, Pipeline.run text -> claims -> tally (MB/s):")
    from tollbook.geo.places import Gazetteer

    before = Pipeline(Settings())
    before.__dict__["gazetteer"] = Gazetteer.load()  # no scanner: the place finder as it was
    pipelines = {"no scanner (before)": before}
    for choice in ("python", "compiled") if compiled else ("python",):
        pipelines[f"scanner={choice}"] = Pipeline(Settings(scanner=choice))  # type: ignore[arg-type]
    # A first pass warms every variant (engine built, caches filled) and gives the outputs.
    results = {
        k: [(x.claims, x.tally) for x in (p.run(d) for d in docs)] for k, p in pipelines.items()
    }
    if any(r != results["no scanner (before)"] for r in results.values()):
        raise SystemExit("the scanners gave different claims or tallies")
    timed = interleaved(
        repeat, {k: lambda p=p: [p.run(d) for d in docs] for k, p in pipelines.items()}
    )
    for label, seconds in timed.items():
        print(f"  {label:40} {size / seconds:6.2f}")
    claims = sum(len(c) for c, _ in results["no scanner (before)"])  # type: ignore[arg-type]
    print(f"  claims and tallies identical in all {len(results)} ({claims} claims)")
    gazetteer = Pipeline(Settings(scanner="python")).gazetteer
    assert gazetteer is not None
    stages: dict[str, Callable[[str], object]] = {
        "segmentation (sentences, quotes)": segment,
        "dates (find_dates)": find_dates,
        "numbers alone (find_numbers)": find_numbers,
        "places (find_in_document, python)": gazetteer.find_in_document,
    }
    print("stages alone (MB/s):")
    for label, stage in stages.items():
        spm = best_of(repeat, lambda s=stage: [s(text) for text in texts])
        print(f"  {label:40} {size / spm:6.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
