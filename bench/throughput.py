"""Throughput benchmark: text -> claims -> tally on one core, against two peers, in one run.

    .venv/bin/python bench/throughput.py [--mb 20] [--repeat 3] [--shared ../shared]
    .venv/bin/python bench/throughput.py --big [--big-mb 1024]     # peak memory on a 1 GB stream

Builds a deterministic corpus of news-like articles (paragraphs drawn with a fixed seed from
tests/corpus/*.jsonl, the demo statements and, when ../shared/data is present, ACLED notes and
IDETECT excerpts), then, each system in its own subprocess on one core:
- tollbook: `document_from_text` -> `Pipeline.run` (segments, claims, tally) per article;
- tollbook + SQLite: the same through `api.ingest` into a fresh SQLite store;
- regex: one plain regular-expression pass (numbers and casualty words) over the same text,
  the floor of any Python pass over it;
- quantulum3: `parser.parse` (number extraction only) on a sample, extrapolated;
and prints MB/s, documents/s, peak RSS and ratios; then linearity (corpus prefixes 1x/4x/16x,
one 1 MB vs one 5 MB document) and the accuracy figures that must not move with a speed-up
(the corpus gate, the seeds gold, the ACLED exact %). Timings are min-of-N (`--repeat`):
the machine may be shared, and the minimum is the least disturbed run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = 20240501
#: What the workers time with: wall seconds (default), or the worker's CPU seconds (`--clock
#: cpu`), steadier on a machine shared with other jobs. Set once from the command line.
_CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter
MB = 1_000_000
ACLED = Path("data/acled/acled-2020-global-sample.csv")  # in ../shared
IDETECT = Path("data/idetect/idetect-test.csv")

# ----------------------------------------------------------------------------- corpus


def _pools(shared: Path) -> list[list[str]]:
    """Paragraph pools: the project's corpus and demo texts, ACLED notes, IDETECT excerpts."""
    own: list[str] = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                own.append(json.loads(line)["text"])
    for path in sorted((ROOT / "src" / "tollbook" / "demo").glob("*.txt")):
        own.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    pools = [own]
    for texts in (_column(shared / ACLED, "notes"), _column(shared / IDETECT, "excerpt")):
        if texts is not None:
            pools.append(texts)
    return pools


def _column(path: Path, name: str) -> list[str] | None:
    """The non-empty values of column `name` of a CSV file, stripped; None without the file."""
    if not path.exists():
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        return [r[name].strip() for r in csv.DictReader(fh) if (r.get(name) or "").strip()]


def articles(target_bytes: int, shared: Path, seed: int = SEED) -> Iterator[tuple[str, str | None]]:
    """(text, published) news-like articles until `target_bytes` of UTF-8 text; deterministic."""
    rng = random.Random(seed)
    pools = _pools(shared)
    total = 0
    while total < target_bytes:
        paras = []
        for _ in range(rng.randint(3, 12)):
            pool = rng.choice(pools)
            paras.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 3))))
        title = re.split(r"[,.;:]", paras[0])[0][:70].strip()
        published = (
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.5
            else None
        )
        text = title + "\n\n" + "\n\n".join(paras)
        total += len(text.encode("utf-8"))
        yield text, published


def write_corpus(path: Path, target_bytes: int, shared: Path) -> tuple[int, int]:
    n = size = 0
    with path.open("w", encoding="utf-8") as fh:
        for text, published in articles(target_bytes, shared):
            fh.write(json.dumps({"text": text, "published": published}) + "\n")
            n += 1
            size += len(text.encode("utf-8"))
    return n, size


def _write_archive(path: Path, shared: Path) -> Path | None:
    """The ACLED notes as documents of their own, in file order: a real archive's mix, where
    most events (79%) killed no one and most documents therefore hold no count."""
    notes = _column(shared / ACLED, "notes")
    if notes is None:
        return None
    with path.open("w", encoding="utf-8") as fh:
        for note in notes:
            fh.write(json.dumps({"text": note, "published": None}) + "\n")
    return path


_FILLER = (
    "The central bank kept its benchmark rate at {pct} percent on {date}, citing steady prices.",
    "Exports grew by {pct} percent in {month} to {money} million dollars, the statistics office said.",
    "The city council approved a budget of {money} million for schools and roads.",
    "{n} students sat the national examination this year, up from {m} last year.",
    "The museum opened a new wing with {n} paintings on loan from private collections.",
    "Farmers expect a harvest of {n} tonnes of wheat after a wet spring.",
    "The ministry signed an agreement with {k} companies to expand broadband in rural districts.",
    "Attendance at the festival reached {n} visitors over {k} days.",
    "The railway company ordered {k} new trains for the coastal line.",
    "Parliament will debate the proposal on {date}.",
    "The committee met for {k} hours and agreed on a timetable for the reform.",
    "Unemployment fell to {pct} percent in the third quarter.",
    "Officials said the new bridge would open to traffic in {month} {year}.",
    "The football club signed {k} players during the summer window.",
    "Rainfall in {month} was {pct} percent above the average.",
)  # fmt: skip
_MONTHS = ("January", "March", "May", "June", "September", "November")


def archive_mix(
    target_bytes: int, shared: Path, seed: int = SEED
) -> Iterator[tuple[str, str | None]]:
    """An archive's mix, deterministic: 85% of the documents are news without a casualty
    (generated from `_FILLER`, with dates, amounts and counts of other things), 15% are the
    conflict articles of `articles`."""
    rng = random.Random(seed + 1)
    dense = articles(10**12, shared, seed)
    total = 0
    while total < target_bytes:
        if rng.random() < 0.15:
            text, published = next(dense)
        else:

            def sentence() -> str:
                month = rng.choice(_MONTHS)
                return rng.choice(_FILLER).format(
                    pct=f"{rng.randint(1, 9)}.{rng.randint(0, 9)}", month=month, year=rng.randint(2019, 2025),
                    date=f"{rng.randint(1, 28)} {month}", money=rng.randint(2, 900),
                    n=f"{rng.randint(1, 90)},{rng.randint(100, 999)}", m=f"{rng.randint(1, 90)},{rng.randint(100, 999)}",
                    k=rng.randint(2, 40),
                )  # fmt: skip

            paras = [
                " ".join(sentence() for _ in range(rng.randint(2, 4)))
                for _ in range(rng.randint(3, 8))
            ]
            text, published = paras[0].split(",")[0][:70] + "\n\n" + "\n\n".join(paras), None
        total += len(text.encode("utf-8"))
        yield text, published


def write_archive_mix(path: Path, target_bytes: int, shared: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for text, published in archive_mix(target_bytes, shared):
            fh.write(json.dumps({"text": text, "published": published}) + "\n")
    return path


def engines_worker(corpus: Path, repeat: int, limit_bytes: int) -> dict[str, object]:
    """The whole path (Pipeline.run) with the cue pre-filter off (the path before issue 23's
    scanner), with its Python engine and with the compiled one (when installed), passes
    alternating in this one process; claims and tallies must be identical or the run stops."""
    from tollbook.ingest.sources import document_from_text
    from tollbook.pipeline import Pipeline, Settings
    from tollbook.scan.cues import extension_available

    texts, size = _prefix(corpus, limit_bytes)
    docs = [document_from_text(t, published=p) for t, p in texts]
    variants = {"off": Settings(prefilter=False), "python": Settings(scanner="python")}
    if extension_available():
        variants["compiled"] = Settings(scanner="compiled")
    pipelines = {name: Pipeline(st) for name, st in variants.items()}
    outputs: dict[str, list[str]] = {}
    for name, pipeline in pipelines.items():  # start-up and a check pass, untimed
        outputs[name] = [repr((ex.claims, ex.tally)) for ex in map(pipeline.run, docs)]
    if any(out != outputs["off"] for out in outputs.values()):
        raise SystemExit("the engines' claims or tallies differ: the pre-filter is not sound")
    best = dict.fromkeys(pipelines, float("inf"))
    for _ in range(repeat):
        for name, pipeline in pipelines.items():
            t = _clock()
            for text, published in texts:  # as the tollbook row: the document built in the loop
                pipeline.run(document_from_text(text, published=published))
            best[name] = min(best[name], _clock() - t)
    from tollbook.extract.segment import segment

    cues = pipelines["python"].cues  # the pipeline's own: triggers, companions, misspellings
    assert cues is not None
    flags = [
        f
        for d in docs
        for f in cues.cued(d.text, [s for s in segment(d.text) if s.kind == "sentence"])
    ]
    claims = sum(out.count("Claim(") for out in outputs["off"])
    return {"bytes": size, "docs": len(docs), "seconds": best, "claims": claims,
            "sentences": len(flags), "cued": sum(flags)}  # fmt: skip


def _print_engines(label: str, r: dict[str, Any]) -> None:
    mb = float(r["bytes"]) / MB
    secs: dict[str, float] = r["seconds"]
    print(f"{label}: {mb:.2f} MB, {r['docs']} docs, {r['claims']} claims, "
          f"{r['cued']}/{r['sentences']} sentences hold a trigger ({r['cued'] / max(1, r['sentences']):.0%})")  # fmt: skip
    for name, sec in secs.items():
        print(
            f"  pre-filter {name:9} {mb / sec:7.2f} MB/s  {secs['off'] / sec:5.2f}x the path without it"
        )


def _prefix(corpus: Path, limit_bytes: int) -> tuple[list[tuple[str, str | None]], int]:
    """The corpus's first articles up to `limit_bytes` of text (0: all) and their size."""
    texts: list[tuple[str, str | None]] = []
    size = 0
    for text, published in read_corpus(corpus):
        if limit_bytes and size >= limit_bytes:
            break
        texts.append((text, published))
        size += len(text.encode("utf-8"))
    return texts, size


def read_corpus(path: Path) -> Iterator[tuple[str, str | None]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            yield d["text"], d["published"]


# ----------------------------------------------------------------------------- systems

KILL_OR_MOVE = re.compile(
    r"\b(?:killed|killing|dead|died|deaths?|fatalit(?:y|ies)|wounded|injured|displaced|fled)\b",
    re.I,
)
NUM = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)


def _regex(texts: list[tuple[str, str | None]]) -> int:
    found = 0
    for text, _ in texts:
        found += sum(1 for _ in NUM.finditer(text)) + sum(1 for _ in KILL_OR_MOVE.finditer(text))
    return found


def _pipeline(texts: list[tuple[str, str | None]], per_doc: list[float] | None = None) -> int:
    from tollbook.ingest.sources import document_from_text
    from tollbook.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.gazetteer  # noqa: B018  (load outside the timed loop: once per process)
    claims = 0
    clock = _clock
    for i, (text, published) in enumerate(texts):
        t = clock()
        claims += len(pipeline.run(document_from_text(text, published=published)).claims)
        if per_doc is not None:
            per_doc[i] = min(per_doc[i], clock() - t)
    return claims


def _store(texts: list[tuple[str, str | None]], db: Path) -> int:
    from tollbook import api
    from tollbook.ingest.sources import document_from_text
    from tollbook.store.database import Store

    if db.exists():
        db.unlink()
    store = Store.open(str(db))
    try:
        docs = (document_from_text(t, published=p) for t, p in texts)
        return api.ingest(store, docs).claims
    finally:
        store.close()


def _quantulum(texts: list[tuple[str, str | None]]) -> int:
    from quantulum3 import parser

    found = 0
    for text, _ in texts:
        found += len(parser.parse(text))
    return found


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def worker(system: str, corpus: Path, repeat: int, limit_bytes: int) -> dict[str, object]:
    """One system on the corpus (or its first `limit_bytes`); min-of-`repeat` seconds."""
    texts, size = _prefix(corpus, limit_bytes)
    rss_before = _rss_mb()
    if system == "quantulum3":
        from quantulum3 import parser

        parser.parse("warm up: 3 people")  # model loading is not per-document work
    elif system in ("tollbook", "store"):
        from tollbook.pipeline import Pipeline

        Pipeline().gazetteer  # noqa: B018
    per_doc = [float("inf")] * len(texts)
    best = float("inf")
    out = 0
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            t = _clock()
            if system == "tollbook":
                out = _pipeline(texts, per_doc)
            elif system == "store":
                out = _store(texts, Path(tmp) / "bench.db")
            elif system == "regex":
                out = _regex(texts)
            elif system == "quantulum3":
                out = _quantulum(texts)
            else:
                raise SystemExit(f"unknown system {system}")
            best = min(best, _clock() - t)
    result: dict[str, object] = {
        "system": system, "docs": len(texts), "bytes": size, "seconds": best, "found": out,
        "rss_mb": _rss_mb(), "rss_before_mb": rss_before,
    }  # fmt: skip
    if system == "tollbook":
        result["per_doc"] = per_doc
    return result


def long_document(shared: Path, size: int) -> str:
    """One document of about `size` characters: generated articles joined as paragraphs."""
    return "\n\n".join(text for text, _ in articles(size, shared))[:size]


def long_worker(shared: Path, repeat: int) -> dict[str, object]:
    from tollbook.ingest.sources import document_from_text
    from tollbook.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.gazetteer  # noqa: B018
    texts = {mb: long_document(shared, mb * MB) for mb in (1, 5)}
    best = dict.fromkeys(texts, float("inf"))
    # Passes alternate (1, 5, 1, 5, ...): this VM's speed drifts over minutes, and timing all
    # 1 MB passes before all 5 MB ones let that drift move the ratio by a fifth.
    for _ in range(repeat):
        for mb, text in texts.items():
            t = _clock()
            pipeline.run(document_from_text(text))
            best[mb] = min(best[mb], _clock() - t)
    out: dict[str, object] = {f"{mb}mb": seconds for mb, seconds in best.items()}
    out["rss_mb"] = _rss_mb()
    return out


def stages_worker(corpus: Path, repeat: int, limit_bytes: int) -> dict[str, object]:
    """Seconds per MB of four stages alone, each over whole documents: the work every article
    with a claim goes through before any count rule runs."""
    from tollbook.extract.dates import find_dates
    from tollbook.extract.numbers import find_numbers
    from tollbook.extract.segment import segment
    from tollbook.geo.places import Gazetteer

    articles, size = _prefix(corpus, limit_bytes)
    texts = [text for text, _ in articles]
    gazetteer = Gazetteer.load()
    stages: dict[str, Callable[[str], object]] = {
        "segmentation (sentences, quotes)": segment,
        "dates (find_dates)": find_dates,
        "numbers alone (find_numbers)": find_numbers,
        "places (gazetteer scan)": gazetteer.find_in_document,
    }
    out: dict[str, object] = {}
    for name, stage in stages.items():
        best = float("inf")
        for _ in range(repeat):
            t = _clock()
            for text in texts:
                stage(text)
            best = min(best, _clock() - t)
        out[name] = best / (size / MB)
    return out


def _spawn(args: list[str]) -> dict[str, object]:
    # taskset pins the worker to one core where available: "one core" means one.
    pin = ["taskset", "-c", "0"] if _has_taskset() else []
    clock = next(name for name, fn in _CLOCKS.items() if fn is _clock)
    cmd = [*pin, sys.executable, str(Path(__file__).resolve()), "--clock", clock, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"worker failed: {' '.join(args)}\n{proc.stderr[-3000:]}")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _has_taskset() -> bool:
    return subprocess.run(["sh", "-c", "command -v taskset"], capture_output=True).returncode == 0


# ----------------------------------------------------------------------------- accuracy


def accuracy(shared: Path) -> list[tuple[str, str]]:
    """The figures a speed-up must not move: corpus gate, seeds gold, ACLED exact %."""
    from tollbook.evaluation.scoring import compare, expected_from_dict, score
    from tollbook.geo.places import name_key
    from tollbook.ingest.sources import document_from_text, read_path
    from tollbook.pipeline import Pipeline

    pipeline = Pipeline()
    outcomes = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            doc = document_from_text(item["text"], published=item.get("published"))
            expected = [expected_from_dict(doc.text, d, item["id"]) for d in item["claims"]]
            outcomes.append(compare(item["id"], doc.text, expected, pipeline.run(doc).claims))
    s = score(outcomes)
    rows = [("corpus gate (tests/corpus)", f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
             f"({s.matched}/{s.expected} expected, {s.predicted} predicted)")]  # fmt: skip
    gold_path = shared / "gold" / "seeds.jsonl"
    if gold_path.exists():
        gold: dict[str, list[dict[str, object]]] = {}
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold.setdefault(str(row["doc"]), []).append(row)
        matched = total = spurious = 0
        for name, rows_ in sorted(gold.items()):
            docs = [d for d in read_path(shared / "seeds" / name) if not isinstance(d, Exception)]
            for doc in docs:
                exp = [expected_from_dict(doc.text, g, str(g["id"])) for g in rows_]  # type: ignore[union-attr]
                o = compare(name, doc.text, exp, pipeline.run(doc).claims, place_key=name_key)  # type: ignore[arg-type,union-attr]
                matched += len(o.matched) - len(o.field_errors)
                total += len(rows_)
                spurious += len(o.spurious)
        rows.append(
            ("seeds gold", f"{matched}/{total} matched with every field, {spurious} spurious")
        )
    acled = shared / ACLED
    if acled.exists():
        from tollbook.evaluation.datasets import acled_items, figure_scores, predict_killed

        items = list(acled_items(acled))
        preds = [predict_killed(i, pipeline.run(document_from_text(i.text))) for i in items]
        for r in figure_scores(preds, "acled"):
            if r["subset"] in ("all", "gold>0", "written"):
                rows.append((f"ACLED exact, {r['subset']} (n={r['n']})", f"{r['exact']:.1%}"))
    return rows


# ----------------------------------------------------------------------------- main


def _big(shared: Path, big_mb: int, workdir: Path) -> None:
    """Peak RSS of streaming a generated JSONL of `big_mb` MB through the API in a subprocess."""
    path = workdir / "big.jsonl"
    n, size = write_corpus(path, big_mb * MB, shared)
    print(f"generated {path}: {n} documents, {size / MB:.0f} MB")
    code = (
        "import json,resource,sys,time\n"
        "from tollbook import api\n"
        "from tollbook.ingest.sources import document_from_text\n"
        "def docs():\n"
        "    with open(sys.argv[1], encoding='utf-8') as fh:\n"
        "        for line in fh:\n"
        "            d = json.loads(line)\n"
        "            yield document_from_text(d['text'], published=d['published'])\n"
        "t = time.perf_counter(); n = 0; claims = 0\n"
        "def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "for ex in api.extract(docs()):\n"
        "    n += 1; claims += len(ex.claims)\n"
        "    if n % 20000 == 0:  # progress: a run cut short still shows whether memory stays flat\n"
        "        print(json.dumps({'docs': n, 'claims': claims, 'seconds': time.perf_counter() - t,\n"
        "                          'rss_mb': rss(), 'final': False}), flush=True)\n"
        "print(json.dumps({'docs': n, 'claims': claims, 'seconds': time.perf_counter() - t,\n"
        "                  'rss_mb': rss(), 'final': True}), flush=True)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    r: dict[str, Any] = {}
    for line in proc.stdout:
        r = json.loads(line)
        if not r["final"]:
            print(
                f"  ... {r['docs']} docs, {r['seconds']:.0f} s, peak RSS so far {r['rss_mb']:.0f} MB",
                flush=True,
            )
    if proc.wait() != 0 or not r.get("final"):
        raise SystemExit(f"the streaming run failed (exit {proc.returncode}); its error is above")
    print(
        f"api.extract streaming {size / MB:.0f} MB: {r['docs']} docs, {r['claims']} claims, "
        f"{r['seconds']:.0f} s ({size / MB / r['seconds']:.2f} MB/s), peak RSS {r['rss_mb']:.0f} MB"
    )


def _engines_rows(args: argparse.Namespace, corpus: Path, tmp: Path) -> None:
    """Issue 23's rows: the whole path with the pre-filter off, Python and compiled, on the
    dense articles, on a generated archive mix (85% of documents without a casualty) and on
    the ACLED notes one per document; each corpus in one worker, passes alternating."""
    limit = ["--limit-bytes", str(int(args.engines_mb * MB)), "--repeat", str(args.repeat)]
    mix = write_archive_mix(tmp / "mix.jsonl", int(args.engines_mb * MB), args.shared)
    rows = {"dense conflict articles": corpus, "archive mix (85% no casualty)": mix}
    acled = _write_archive(tmp / "acled-notes.jsonl", args.shared)
    if acled is not None:
        rows["ACLED notes, one per document"] = acled
    print(
        f"\nscanner engines (issue 23), first {args.engines_mb:g} MB of each corpus, one core, "
        f"{args.clock} seconds:"
    )
    for label, path in rows.items():
        _print_engines(label, _spawn(["--worker", "engines", "--corpus", str(path), *limit]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument(
        "--repeat", type=int, default=3, help="timed passes per system; the minimum counts"
    )
    ap.add_argument("--quantulum-mb", type=float, default=0.25, help="quantulum3 sample size in MB")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--big", action="store_true", help="only the 1 GB streaming peak-memory run")
    ap.add_argument("--big-mb", type=int, default=1024)
    ap.add_argument("--no-accuracy", action="store_true", help="skip the accuracy figures")
    ap.add_argument(
        "--engines-mb",
        type=float,
        default=2.0,
        help="MB of each corpus for the scanner engines' rows (default 2)",
    )
    ap.add_argument(
        "--clock",
        choices=sorted(_CLOCKS),
        default="wall",
        help="time with wall seconds (default) or each worker's CPU seconds (a shared machine)",
    )
    ap.add_argument(
        "--engines-only",
        action="store_true",
        help="only the scanner engines' rows (dense corpus, archive mixes)",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--limit-bytes", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    global _clock
    _clock = _CLOCKS[args.clock]

    if args.worker == "long":
        print(json.dumps(long_worker(args.shared, args.repeat)))
        return 0
    if args.worker == "engines":
        print(json.dumps(engines_worker(args.corpus, args.repeat, args.limit_bytes)))
        return 0
    if args.worker == "stages":
        print(json.dumps(stages_worker(args.corpus, args.repeat, args.limit_bytes)))
        return 0
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.repeat, args.limit_bytes)))
        return 0

    with tempfile.TemporaryDirectory(prefix="tollbook-bench-") as tmp:
        if args.big:
            _big(args.shared, args.big_mb, Path(tmp))
            return 0
        corpus = Path(tmp) / "corpus.jsonl"
        n, size = write_corpus(corpus, int(args.mb * MB), args.shared)
        _engines_rows(args, corpus, Path(tmp))
        if args.engines_only:
            return 0
        shared_note = "with" if (args.shared / "data").exists() else "WITHOUT"
        print(f"corpus: {n} articles, {size / MB:.1f} MB ({shared_note} ../shared/data), seed {SEED}; "
              f"{args.clock} seconds; "
              f"one core{' (taskset -c 0)' if _has_taskset() else ''}, min of {args.repeat} passes")  # fmt: skip
        rep = ["--corpus", str(corpus), "--repeat", str(args.repeat)]
        results = {
            "tollbook": _spawn(["--worker", "tollbook", *rep]),
            "store": _spawn(["--worker", "store", *rep]),
            "regex": _spawn(["--worker", "regex", *rep]),
            "quantulum3": _spawn(["--worker", "quantulum3", "--corpus", str(corpus), "--repeat", "1",
                                  "--limit-bytes", str(int(args.quantulum_mb * MB))]),
        }  # fmt: skip
        archive = _write_archive(Path(tmp) / "archive.jsonl", args.shared)
        if archive is not None:
            results["archive"] = _spawn(
                ["--worker", "tollbook", "--corpus", str(archive), *rep[2:]]
            )
        rate = {k: float(r["bytes"]) / MB / float(r["seconds"]) for k, r in results.items()}  # type: ignore[arg-type]
        print()
        print(
            f"{'system':34} {'MB':>6} {'docs':>6} {'seconds':>8} {'MB/s':>8} {'docs/s':>8} {'peak RSS MB':>11}"
        )
        labels = {
            "tollbook": "tollbook text->claims->tally", "store": "tollbook + SQLite store",
            "regex": "regex pass (floor)", "quantulum3": "quantulum3 (numbers only, sample)",
            "archive": "tollbook, ACLED notes one per doc",
        }  # fmt: skip
        for key, r in results.items():
            mb, docs, sec = float(r["bytes"]) / MB, int(r["docs"]), float(r["seconds"])  # type: ignore[arg-type]
            print(f"{labels[key]:34} {mb:>6.2f} {docs:>6} {sec:>8.2f} {mb / sec:>8.2f} {docs / sec:>8.0f} "
                  f"{float(r['rss_mb']):>11.0f}")  # type: ignore[arg-type]  # fmt: skip
        q = results["quantulum3"]
        print(
            f"\nquantulum3 timed on the first {float(q['bytes']) / MB:.2f} MB only "  # type: ignore[arg-type]
            f"(extrapolated to the corpus: {size / MB / rate['quantulum3'] / 60:.0f} min)"
        )
        print(f"tollbook / quantulum3 throughput: {rate['tollbook'] / rate['quantulum3']:.0f}x")
        print(
            f"tollbook / regex pass throughput: {rate['tollbook'] / rate['regex']:.3f}x "
            f"(the regex pass is {rate['regex'] / rate['tollbook']:.0f}x faster)"
        )
        if "archive" in results:
            print(
                f"an archive's mix (ACLED notes, one document each; most count no victims): "
                f"{rate['archive']:.2f} MB/s, {rate['archive'] / rate['tollbook']:.2f}x the article corpus"
            )
        print(
            f"store in the loop costs {rate['tollbook'] / rate['store']:.2f}x the extraction alone"
        )

        # Linearity: prefixes of the same run (per-document minimum over the passes).
        per_doc = list(results["tollbook"]["per_doc"])  # type: ignore[call-overload]
        sizes = [len(t.encode("utf-8")) for t, _ in read_corpus(corpus)]
        print("\nlinearity (seconds per MB; 1.00 = linear):")
        base = None
        for mult in (1, 4, 16):
            target, acc_b, acc_t = mult * MB, 0, 0.0
            for b, t in zip(sizes, per_doc, strict=True):
                if acc_b >= target:
                    break
                acc_b, acc_t = acc_b + b, acc_t + t
            spm = acc_t / (acc_b / MB)
            base = base or spm
            print(
                f"  corpus {mult:>2}x ({acc_b / MB:5.2f} MB): {acc_t:7.2f} s, {spm:.3f} s/MB, ratio {spm / base:.2f}"
            )
        long = _spawn(
            ["--worker", "long", "--shared", str(args.shared), "--repeat", str(args.repeat)]
        )
        one, five = float(long["1mb"]), float(long["5mb"])  # type: ignore[arg-type]
        print(
            f"  one 1 MB document {one:.2f} s, one 5 MB document {five:.2f} s: "
            f"{five / one:.2f}x for 5x the text (peak RSS {float(long['rss_mb']):.0f} MB)"
        )  # type: ignore[arg-type]
        stages = {
            k: float(str(v))
            for k, v in _spawn(["--worker", "stages", *rep, "--limit-bytes", str(4 * MB)]).items()
        }
        print("\nfour stages alone, over whole articles (first 4 MB; seconds per MB, MB/s):")
        for name, spm in stages.items():
            print(f"  {name:36} {spm:.3f} s/MB {1 / spm:6.2f} MB/s")
        together = sum(stages.values())
        print(f"  {'the four together':36} {together:.3f} s/MB {1 / together:6.2f} MB/s "
              f"(the whole path: {1 / rate['tollbook']:.3f} s/MB)")  # fmt: skip
    if not args.no_accuracy:
        print("\naccuracy (must not move with a speed-up):")
        for name, value in accuracy(args.shared):
            print(f"  {name:36} {value}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
