"""Accuracy benchmark: tollbook vs two peers on every labelled file in ../shared/data, in one run.

    .venv/bin/python bench/accuracy.py [--shared ../shared] [--limit N] [--no-peers] [--only NAME]

Files and labels (conventions in ../shared/data/README.md):
- acled-2020: ACLED May-2020 sample, notes (coders' bookkeeping stripped) -> fatalities;
- acled-more: more ACLED countries, rows with dup_text == 1 and not stripped -> fatalities;
- gtd: Global Terrorism Database -> nkill, nwound, nhostkid (a figure stated across a series of
  incidents scores its even share, GTD's convention: evaluation.series);
- rand: RAND RDWTI -> fatalities, injuries;
- idetect: IDMC displacement excerpts -> Quantity (IDMC's figure conventions).
Every row falls in a read or a check half by a stable hash of its id (evaluation.labelled.half_of);
both halves are printed every time: misses are read from the read half only.

Peers (killed and wounded only; displaced for idetect):
- regex: the number (digits or a small number word) nearest before the first cue word;
- quantulum3: its number parsing, with the same nearest-before-the-cue choice.
Prints one table: file, label, subset, system, then n / exact / within-10% per half.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tollbook.evaluation.datasets import EvalItem, idetect_items, predict_displaced
from tollbook.evaluation.labelled import (
    HALVES,
    LabelSpec,
    Predictor,
    Row,
    Scored,
    Where,
    half_of,
    predict,
    read_rows,
    run_rows,
    scores,
)
from tollbook.evaluation.series import split_series
from tollbook.model import Extraction
from tollbook.pipeline import Pipeline

KILL_CUE = re.compile(r"\b(?:killed|killing|dead|died|deaths?|fatalit(?:y|ies)|bodies|murdered|slain|lost their lives)\b", re.I)
WOUND_CUE = re.compile(r"\b(?:wounded|wounding|injured|injuring|injur(?:y|ies)|hurt)\b", re.I)
HOST_CUE = re.compile(r"\b(?:kidnapped|kidnapping|abducted|abducting|hostages?|seized)\b", re.I)
DISP_CUE = re.compile(r"\b(?:displaced|fled|flee|evacuated|homeless|relocated|sheltered|camps?|houses|homes)\b", re.I)
CUES = {"killed": KILL_CUE, "wounded": WOUND_CUE, "hostage": HOST_CUE, "displaced": DISP_CUE}
WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUM = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(WORDS) + r")\b", re.I)


def regex_peer(text: str, cue: re.Pattern[str]) -> float:
    """The number nearest before the first cue word; 0 when there is no cue or number."""
    m = cue.search(text)
    if not m:
        return 0.0
    nums = list(NUM.finditer(text, 0, m.start()))
    if not nums:
        return 0.0
    raw = nums[-1].group(1).lower().replace(",", "")
    return float(WORDS.get(raw, raw))


def quantulum_peer(text: str, cue: re.Pattern[str]) -> float:
    from quantulum3 import parser  # imported here: loading it is part of its cost

    m = cue.search(text)
    if not m:
        return 0.0
    try:
        quants = [q for q in parser.parse(text) if q.span[1] <= m.start() + 1]
    except Exception:  # a peer crashing on a text counts as a wrong answer (-1)
        return -1.0
    return float(quants[-1].value) if quants else 0.0


SUBSETS = ("gold>0", "all", "written")


@dataclass(frozen=True)
class Dataset:
    name: str
    rows: list[Row]
    labels: list[LabelSpec]
    predictor: Predictor = predict


def _idmc(category: str, result: Extraction) -> tuple[float, str, str]:
    p = predict_displaced(EvalItem("", "", 0.0, False), result)
    return p.value or 0.0, p.rule, p.span_text


def datasets(data: Path) -> list[Dataset]:
    def labelled(name: str, path: Path, labels: list[str], where: tuple[str, ...] = (), *,
                 predictor: Predictor = predict, **kw: object) -> Dataset:  # fmt: skip
        specs = [LabelSpec.parse(x) for x in labels]
        rows = list(read_rows(path, specs, where=[Where.parse(w) for w in where], **kw))  # type: ignore[arg-type]
        return Dataset(name, rows, specs, predictor)

    idetect = [Row(i.item_id or i.text[:80], i.text, (("displaced", i.gold),), (("displaced", i.written),),
                   half_of(i.item_id or i.text[:80])) for i in idetect_items(data / "idetect" / "idetect-test.csv")]  # fmt: skip
    return [
        labelled("acled-2020", data / "acled" / "acled-2020-global-sample.csv", ["killed=fatalities"],
                 text_field="notes", id_field="event_id_cnty", strip_bookkeeping=True),
        labelled("acled-more", data / "acled" / "acled-more-dev.jsonl", ["killed=fatalities"],
                 ("dup_text==1", "stripped==false")),
        labelled("gtd", data / "gtd" / "gtd-dev.jsonl", ["killed=nkill", "wounded=nwound", "hostage=nhostkid"],
                 predictor=split_series(predict)),  # GTD divides a series' figure among its incidents
        labelled("rand", data / "rand" / "rand-dev.jsonl", ["killed=fatalities", "wounded=injuries"]),
        Dataset("idetect", idetect, [LabelSpec("displaced", "Quantity")], _idmc),
    ]  # fmt: skip


def peer_scored(ds: Dataset, peer: Callable[[str, re.Pattern[str]], float]) -> list[Scored]:
    out = []
    for row in ds.rows:
        written = dict(row.written)
        for spec, (_, gold) in zip(ds.labels, row.gold, strict=True):
            if gold is not None and spec.category in CUES:
                value = peer(row.text, CUES[spec.category])
                out.append(Scored(row, spec.category, gold, value, written[spec.category], "", "", ()))
    return out


def _default_shared() -> Path:
    """../shared beside the checkout, or beside the folder of worktrees."""
    here = Path(__file__).resolve()
    found = [p / "shared" for p in here.parents[1:4] if (p / "shared" / "data").is_dir()]
    return found[0] if found else here.parents[2] / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=_default_shared())
    ap.add_argument("--limit", type=int, default=0, help="only the first N rows of each file")
    ap.add_argument("--no-peers", action="store_true", help="tollbook only (the peers take minutes)")
    ap.add_argument("--only", action="append", default=[], help="only this file (acled-2020, gtd, ...); repeatable")
    args = ap.parse_args()
    data = args.shared / "data"
    if not data.exists():
        print(f"{data} not found: pass --shared PATH (the data is not part of the repository)", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    head = f"{'file':10} {'label':9} {'subset':8} {'system':10}"
    halves = "  ".join(f"{h + ' n':>7} {'exact':>6} {'±10%':>6}" for h in HALVES)
    print(f"{head}  {halves}  {'seconds':>7}")
    for ds in datasets(data):
        if args.only and ds.name not in args.only:
            continue
        rows = ds.rows[: args.limit] if args.limit else ds.rows
        ds = Dataset(ds.name, rows, ds.labels, ds.predictor)
        systems: list[tuple[str, list[Scored], float]] = []
        t = time.perf_counter()
        systems.append(("tollbook", run_rows(ds.rows, ds.labels, pipeline, ds.predictor), time.perf_counter() - t))
        if not args.no_peers:
            for name, peer in (("regex", regex_peer), ("quantulum3", quantulum_peer)):
                t = time.perf_counter()
                systems.append((name, peer_scored(ds, peer), time.perf_counter() - t))
        for spec in ds.labels:
            for subset in SUBSETS:
                for system, scored, seconds in systems:
                    got = {(r["half"]): r for r in scores([s for s in scored if s.category == spec.category], ds.name)
                           if r["subset"] == subset}  # fmt: skip
                    if not got:
                        continue
                    cells = "  ".join(f"{got[h]['n']:>7} {got[h]['exact']:>6.1%} {got[h]['within_10pct']:>6.1%}"
                                      if h in got else f"{'':>7} {'':>6} {'':>6}" for h in HALVES)  # fmt: skip
                    print(f"{ds.name:10} {spec.category:9} {subset:8} {system:10}  {cells}  {seconds:>7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
