"""Start-up benchmark (issue 23): what a one-document run pays before and for its first claim,
broken down, with peers measured in the same run.

    .venv/bin/python bench/startup.py [--repeat 7] [--before SRC] [--doc FILE] [--no-pyc]

Every row is a fresh interpreter (start-up is per process), and the rows are run in turn,
`--repeat` rounds, so a drift of this shared machine's speed hits every row alike. Printed:
medians of CPU seconds (user + system of the child, the figure a loaded machine changes least)
and of wall seconds.

Rows:
- peers: `python -c pass` (the interpreter alone) and a naive regex pass (one casualty pattern
  compiled and run over the document);
- tollbook in phases, timed inside the child with CPU clocks: import (`tollbook.pipeline`),
  gazetteer (`Pipeline.gazetteer`), grammar (importing the extraction stage and its ~390
  declared patterns: `Pipeline.patterns`) and the first document (`Pipeline.run`);
  warm (the caches of the gazetteer and of the compiled patterns present), with the pattern
  cache off (every pattern compiled from source), and cold (an empty cache directory: both
  built, then written);
- the whole command `tollbook extract DOC`, warm and cold;
- with `--before SRC`, the same rows for another checkout's `src` (e.g. the commit before).

Each child gets its own PYTHONPYCACHEPREFIX that the first round fills, so the figures are those
of an installed package with its bytecode; `--no-pyc` measures without bytecode files (what a
checkout run with PYTHONDONTWRITEBYTECODE pays: about 0.2 s more).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOC = ROOT / "src" / "tollbook" / "demo" / "khojaly-2017-statement.txt"

_PHASES = """
import json, sys, time
from pathlib import Path
clock = time.process_time
t0 = clock()
from tollbook.ingest.documents import document_from_text
from tollbook.pipeline import Pipeline, Settings
t1 = clock()
on = sys.argv[2] == "on"
settings = Settings(pattern_cache=on) if "pattern_cache" in Settings.__dataclass_fields__ else Settings()
pipeline = Pipeline(settings)
pipeline.gazetteer
t2 = clock()
if hasattr(Pipeline, "patterns"):
    cache = pipeline.patterns
    status = cache.status
else:  # a checkout without the pattern cache: the same imports
    import tollbook.extract.claims, tollbook.extract.grammar.triggers, tollbook.extract.segment
    import tollbook.tally.rules
    status = "none"
t3 = clock()
extraction = pipeline.run(document_from_text(Path(sys.argv[1]).read_text(encoding="utf-8"), name="doc"))
t4 = clock()
print(json.dumps({"import": t1 - t0, "gazetteer": t2 - t1, "grammar": t3 - t2, "first document": t4 - t3,
                  "claims": len(extraction.claims), "status": status}))
"""

_NAIVE = """
import re, sys
from pathlib import Path
text = Path(sys.argv[1]).read_text(encoding="utf-8")
pattern = re.compile(r"\\b(\\d[\\d,]*)\\s+(?:\\w+\\s+){0,3}?(?:were\\s+|was\\s+)?(?:killed|wounded|injured|dead)\\b", re.I)
print(len(pattern.findall(text)))
"""


def _child(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(CPU seconds, wall seconds, stdout) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:3])} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


class Row:
    """One measured configuration: a command, its environment, and its samples."""

    def __init__(self, label: str, argv: list[str], env: dict[str, str], *, cold: Path | None = None,
                 phases: bool = False) -> None:  # fmt: skip
        self.label, self.argv, self.env, self.cold, self.phases = label, argv, env, cold, phases
        self.cpu: list[float] = []
        self.wall: list[float] = []
        self.parts: dict[str, list[float]] = {}
        self.info = ""

    def run(self) -> None:
        if self.cold is not None:  # an empty cache directory: everything is built and written
            shutil.rmtree(self.cold, ignore_errors=True)
            self.cold.mkdir(parents=True)
        cpu, wall, out = _child(self.argv, self.env)
        self.cpu.append(cpu)
        self.wall.append(wall)
        if self.phases:
            data = json.loads(out.strip().splitlines()[-1])
            for key in ("import", "gazetteer", "grammar", "first document"):
                self.parts.setdefault(key, []).append(data[key])
            self.info = f"{data['claims']} claims, pattern cache: {data['status']}"


def _env(src: Path, pyc: Path | None, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env["PYTHONPATH"] = str(src)
    env["TOLLBOOK_CACHE_DIR"] = str(cache)
    if pyc is None:  # the standard library keeps its bytecode (__pycache__); tollbook's is not written
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:  # every module's bytecode under one prefix, filled by the first round
        env["PYTHONPYCACHEPREFIX"] = str(pyc)
    return env


def _rows(name: str, src: Path, doc: Path, work: Path, pyc: bool) -> list[Row]:
    py = sys.executable
    tollbook = str(Path(sys.executable).with_name("tollbook"))
    prefix = work / f"pyc-{name}" if pyc else None
    warm, cold = work / f"cache-{name}", work / f"cold-{name}"
    phases = [py, "-c", _PHASES, str(doc)]
    return [
        Row(f"{name}: phases, warm caches", [*phases, "on"], _env(src, prefix, warm), phases=True),
        Row(f"{name}: phases, pattern cache off", [*phases, "off"], _env(src, prefix, warm), phases=True),
        Row(f"{name}: phases, cold (empty cache dir)", [*phases, "on"], _env(src, prefix, cold), cold=cold,
            phases=True),
        Row(f"{name}: `tollbook extract DOC`, warm", [py, tollbook, "extract", str(doc)], _env(src, prefix, warm)),
        Row(f"{name}: `tollbook extract DOC`, cold", [py, tollbook, "extract", str(doc)], _env(src, prefix, cold),
            cold=cold),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="rounds; medians are printed")
    parser.add_argument("--before", type=Path, help="another checkout's src/ to measure beside this one")
    parser.add_argument("--doc", type=Path, default=DEFAULT_DOC, help="the one document")
    parser.add_argument("--no-pyc", action="store_true", help="children write and read no bytecode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tollbook-startup-") as tmp:
        work = Path(tmp)
        base_env = _env(ROOT / "src", work / "pyc-peers", work / "peers")
        rows = [
            Row("peer: python -c pass", [sys.executable, "-c", "pass"], base_env),
            Row("peer: naive regex pass", [sys.executable, "-c", _NAIVE, str(args.doc)], base_env),
            *_rows("this", ROOT / "src", args.doc, work, not args.no_pyc),
        ]
        if args.before:
            rows += _rows("before", args.before.resolve(), args.doc, work, not args.no_pyc)
        for row in rows:  # a first round that fills the bytecode and the warm caches: not counted
            if row.cold is None:
                row.run()
        for row in rows:
            row.cpu.clear(), row.wall.clear(), row.parts.clear()
        for _ in range(args.repeat):
            for row in rows:
                row.run()
    load = os.getloadavg()[0]
    print(f"start-up, one document ({args.doc.name}, {args.doc.stat().st_size:,} bytes); medians of "
          f"{args.repeat} rounds; load {load:.1f} on {os.cpu_count()} cores; "
          f"{'no bytecode files' if args.no_pyc else 'bytecode cached'}")  # fmt: skip
    print(f"{'row':48} {'CPU s':>7} {'wall s':>7}  import  gazet.  grammar  1st doc  gaz+gram")
    for row in rows:
        line = f"{row.label:48} {statistics.median(row.cpu):7.3f} {statistics.median(row.wall):7.3f}"
        if row.phases:
            med = {k: statistics.median(v) for k, v in row.parts.items()}
            line += (f"  {med['import']:6.3f}  {med['gazetteer']:6.3f}  {med['grammar']:7.3f}  "
                     f"{med['first document']:7.3f}  {med['gazetteer'] + med['grammar']:7.3f}   {row.info}")  # fmt: skip
        print(line)
    print("gaz+gram: the gazetteer load and the grammar's import, the issue's < 0.3 s target; CPU s and "
          "wall s: the whole process, interpreter start-up included")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
