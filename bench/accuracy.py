"""Accuracy benchmark: tollbook vs two peers on the same labelled data, in one run.

    .venv/bin/python bench/accuracy.py [--shared ../shared] [--limit N]

Peers:
- regex: the number (digits or a small number word) nearest before a death/displacement word;
- quantulum3: its number parsing, with the same nearest-before-the-cue choice.
Prints one table: dataset, subset, n, and exact / within-10% accuracy for each system.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from tollbook.evaluation.datasets import (
    EvalItem,
    Prediction,
    acled_items,
    figure_scores,
    idetect_items,
    predict_displaced,
    predict_killed,
)
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline

KILL_CUE = re.compile(r"\b(?:killed|killing|dead|died|deaths?|fatalit(?:y|ies)|bodies|murdered|slain|lost their lives)\b", re.I)
DISP_CUE = re.compile(r"\b(?:displaced|fled|flee|evacuated|homeless|relocated|sheltered|camps?|houses|homes)\b", re.I)
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


SUBSETS = ("all", "gold>0", "written")


def score(name: str, items: list[EvalItem], preds: list[float | None]) -> list[dict[str, object]]:
    """The same scoring as `tollbook eval` (datasets.figure_scores), for any system's answers."""
    rows = figure_scores([Prediction(i, p, "", "") for i, p in zip(items, preds, strict=True)], name)
    return [r for r in rows if r["subset"] in SUBSETS]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--limit", type=int, default=0, help="only the first N items of each dataset")
    args = ap.parse_args()
    data = args.shared / "data"
    if not data.exists():
        print(f"{data} not found: pass --shared PATH (the data is not part of the repository)", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    datasets = [
        ("acled", list(acled_items(data / "acled" / "acled-2020-global-sample.csv")), predict_killed, KILL_CUE),
        ("idetect", list(idetect_items(data / "idetect" / "idetect-test.csv")), predict_displaced, DISP_CUE),
    ]
    print(f"{'dataset':8} {'subset':8} {'n':>5}  {'system':10} {'exact':>7} {'±10%':>7} {'seconds':>8}")
    for name, items, predict, cue in datasets:
        if args.limit:
            items = items[: args.limit]
        systems: list[tuple[str, list[float | None], float]] = []
        t = time.perf_counter()
        ours = [predict(i, pipeline.run(document_from_text(i.text))).value for i in items]
        systems.append(("tollbook", ours, time.perf_counter() - t))
        t = time.perf_counter()
        systems.append(("regex", [regex_peer(i.text, cue) for i in items], time.perf_counter() - t))
        t = time.perf_counter()
        systems.append(("quantulum3", [quantulum_peer(i.text, cue) for i in items], time.perf_counter() - t))
        for system, preds, seconds in systems:
            for r in score(name, items, preds):
                print(f"{name:8} {r['subset']:8} {r['n']:>5}  {system:10} {r['exact']:>7.1%} "
                      f"{r['within_10pct']:>7.1%} {seconds:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
