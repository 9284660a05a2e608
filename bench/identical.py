"""Byte identity of the extraction between two commits: inputs -> per-input sha256 + one digest.

    python bench/identical.py record  --out base.json  [--limit N] [--shared ../shared]
    python bench/identical.py compare --baseline base.json [--limit N] [--keep DIR]
    python bench/identical.py baseline --commit f0c95a6 --out base.json [--limit N]

What it runs (only `tollbook.api` and the CLI group, which exist in every layout since the
package moves, so the same script measures an older commit):
- claims + tallies (JSON, one line per document) of the demo, each of ../shared/seeds,
  each file of tests/corpus, and every file in ../shared/data: the CSV and JSON-lines tables
  (ACLED, GTD, RAND, IDETECT) read with the same table reader as `tollbook extract`, the
  Recognizers-Text specs as one document per case `Input`;
- `tollbook eval numbers|ranges` rows over the two Recognizers-Text number specs (number words);
- events (`tollbook events`, one `tollbook event ID` per event), reviewed claims and tallies,
  and the ACLED and UCDP exports over a store built from the demo, and over one built from
  the seeds and the project corpus.
`--limit N` keeps the first N rows of each table (deterministic sample; 0 = every row).

`baseline` checks the commit out in a temporary `git worktree`, runs this same script there
with that tree's src/ first on the path, writes the digests and removes the worktree.
Exit status 1 when `compare` finds any input whose output changed; it prints one line per input.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLES = {  # file suffix -> (text field, id field)
    "acled-2020-global-sample.csv": ("notes", "event_id_cnty"),
    "idetect-test.csv": ("excerpt", None),
    "acled-more-dev.jsonl": ("text", "id"),
    "gtd-dev.jsonl": ("text", "id"),
    "rand-dev.jsonl": ("text", "id"),
}


def _serializers() -> tuple[Any, Any]:
    for name in ("tollbook.output.serialize", "tollbook.serialize"):
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        return mod.claim_to_dict, mod.tally_to_dict
    raise SystemExit("no serialize module found")


def _cli() -> Any:
    for name in ("tollbook.cli.main", "tollbook.cli"):
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(mod, "cli"):
            return mod.cli
    raise SystemExit("no CLI group found")


def _canon(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _head(path: Path, limit: int, tmp: Path) -> Path:
    """The first `limit` rows of a table (the whole file when limit is 0), as a file."""
    if not limit:
        return path
    out = tmp / path.name
    with path.open(encoding="utf-8", newline="") as src, out.open("w", encoding="utf-8", newline="") as dst:
        if path.suffix == ".csv":
            reader = csv.reader(src)
            writer = csv.writer(dst)
            for i, row in enumerate(reader):
                if i > limit:
                    break
                writer.writerow(row)
        else:
            for i, line in enumerate(src):
                if i >= limit:
                    break
                dst.write(line)
    return out


def _spec_inputs(path: Path, tmp: Path) -> Path:
    """A Recognizers-Text spec as JSON lines, one document per case `Input`."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    out = tmp / (path.stem + ".inputs.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for i, case in enumerate(cases):
            fh.write(json.dumps({"id": f"{path.stem}-{i}", "text": case["Input"]}) + "\n")
    return out


def _extraction_lines(paths: list[Path], text_field: str = "text", id_field: str | None = None) -> Iterator[str]:
    from tollbook import api

    claim_to_dict, tally_to_dict = _serializers()
    options = api.IngestOptions(text_field=text_field, id_field=id_field)
    for result in api.extract(api.read([str(p) for p in paths], options), segments=False):
        if not hasattr(result, "claims"):  # an IngestFailure: its message is output too
            # the source names a temporary copy: its file name and row are what is compared
            yield _canon({"failure": Path(result.source).name, "message": result.message.replace(result.source, "")})
            continue
        yield _canon({"doc_id": result.document.doc_id, "claims": [claim_to_dict(c) for c in result.claims],
                      "tally": tally_to_dict(result.tally)})  # fmt: skip


def _run_cli(args: list[str]) -> str:
    from click.testing import CliRunner

    result = CliRunner().invoke(_cli(), args, catch_exceptions=False)
    return f"exit={result.exit_code}\n{result.stdout}"


def _store_outputs(name: str, paths: list[Path], tmp: Path) -> dict[str, str]:
    from tollbook import api

    db = str(tmp / f"{name}.sqlite")
    with api.Store.open(db) as store:
        report = api.ingest(store, api.read([str(p) for p in paths]))
        assert not report.failures, report.failures
        ids = [ef.event.event_id for ef in api.events(store)]
    out = {
        f"{name}:events": _run_cli(["events", "--db", db, "--format", "jsonl"]),
        f"{name}:export-claims": _run_cli(["export", "--db", db, "--what", "claims"]),
        f"{name}:export-tallies": _run_cli(["export", "--db", db, "--what", "tallies"]),
        f"{name}:export-acled": _run_cli(["export", "--db", db, "--format", "acled"]),
        f"{name}:export-ucdp": _run_cli(["export", "--db", db, "--format", "ucdp"]),
    }
    out[f"{name}:event-each"] = "".join(_run_cli(["event", i, "--db", db, "--format", "jsonl"]) for i in ids)
    return out


def outputs(shared: Path, limit: int) -> dict[str, str]:
    """Every measured output, by a stable name."""
    from tollbook import api

    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        demo = api.demo_paths()
        out["demo"] = "\n".join(_extraction_lines(demo))
        seeds = sorted((shared / "seeds").glob("*.txt"))
        for p in seeds:
            out[f"seeds/{p.name}"] = "\n".join(_extraction_lines([p]))
        corpus = sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
        for p in corpus:
            out[f"corpus/{p.name}"] = "\n".join(_extraction_lines([p], "text", "id"))
        for p in sorted((shared / "data").rglob("*")):
            rel = str(p.relative_to(shared / "data"))
            if p.name in TABLES:
                text_field, id_field = TABLES[p.name]
                out[f"data/{rel}"] = "\n".join(_extraction_lines([_head(p, limit, tmp)], text_field, id_field))
            elif p.suffix == ".json":
                out[f"data/{rel}"] = "\n".join(_extraction_lines([_spec_inputs(p, tmp)], "text", "id"))
            elif p.is_file() and p.name not in ("README.md", "LICENSE"):
                raise SystemExit(f"{p}: no reader for this data file; add it to TABLES")
        rt = shared / "data" / "recognizers-text"
        out["eval numbers"] = _run_cli(["eval", "numbers", str(rt / "NumberModel.json"), "--format", "jsonl"])
        out["eval ranges"] = _run_cli(["eval", "ranges", str(rt / "NumberRangeModel.json"), "--format", "jsonl"])
        out.update(_store_outputs("store-demo", demo, tmp))
        out.update(_store_outputs("store-seeds+corpus", [*seeds, *corpus], tmp))
    return out


def digests(out: dict[str, str]) -> dict[str, Any]:
    files = {k: hashlib.sha256(v.encode("utf-8")).hexdigest() for k, v in sorted(out.items())}
    total = hashlib.sha256(_canon(files).encode("utf-8")).hexdigest()
    return {"digest": total, "files": files, "lines": {k: v.count("\n") + 1 for k, v in sorted(out.items())}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("record", "compare", "baseline"))
    ap.add_argument("--shared", type=Path, default=ROOT.parent.parent / "shared"
                    if not (ROOT.parent / "shared").exists() else ROOT.parent / "shared")  # fmt: skip
    ap.add_argument("--limit", type=int, default=3000, help="first N rows of each table (0: all)")
    ap.add_argument("--out", type=Path, help="record/baseline: write the digests here")
    ap.add_argument("--baseline", type=Path, help="compare: the digests recorded from the other commit")
    ap.add_argument("--commit", help="baseline: the commit to measure")
    ap.add_argument("--keep", type=Path, help="write every output here too (to diff a change)")
    args = ap.parse_args()
    if not (args.shared / "data").exists():
        print(f"{args.shared}/data not found: pass --shared PATH", file=sys.stderr)
        return 2
    if args.mode == "baseline":
        if not args.commit or not args.out:
            ap.error("baseline needs --commit and --out")
        with tempfile.TemporaryDirectory() as wt:
            tree = Path(wt) / "tree"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.commit], check=True)
            try:
                env = {**os.environ, "PYTHONPATH": str(tree / "src")}
                cmd = [sys.executable, str(Path(__file__).resolve()), "record", "--out", str(args.out.resolve()),
                       "--shared", str(args.shared.resolve()), "--limit", str(args.limit)]  # fmt: skip
                if args.keep:
                    cmd += ["--keep", str(args.keep.resolve())]
                subprocess.run(cmd, check=True, env=env, cwd=tree)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
        return 0
    out = outputs(args.shared, args.limit)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for k, v in out.items():
            (args.keep / (k.replace("/", "__").replace(" ", "_") + ".txt")).write_text(v, encoding="utf-8")
    result = digests(out)
    import tollbook

    result["tollbook_file"] = tollbook.__file__
    result["limit"] = args.limit
    if args.mode == "record":
        if not args.out:
            ap.error("record needs --out")
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"digest {result['digest']} over {len(out)} outputs -> {args.out}")
        return 0
    if not args.baseline:
        ap.error("compare needs --baseline")
    base = json.loads(args.baseline.read_text(encoding="utf-8"))
    if base.get("limit") != args.limit:
        print(f"baseline was recorded with --limit {base.get('limit')}; pass the same", file=sys.stderr)
        return 2
    changed = 0
    buf = io.StringIO()
    for k in sorted(set(base["files"]) | set(result["files"])):
        same = base["files"].get(k) == result["files"].get(k)
        changed += not same
        buf.write(f"{'identical' if same else 'CHANGED  '}  {result['lines'].get(k, 0):>6} lines  {k}\n")
    print(buf.getvalue(), end="")
    print(f"{len(result['files']) - changed} of {len(result['files'])} outputs identical; "
          f"digest {result['digest']} (baseline {base['digest']})")  # fmt: skip
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
