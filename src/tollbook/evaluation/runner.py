"""`tollbook eval`: dataset name + path -> score rows and misses (adapters in datasets.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tollbook._exceptions import ConfigError
from tollbook.evaluation.datasets import (
    acled_items,
    figure_scores,
    idetect_items,
    misses,
    number_scores,
    predict_displaced,
    predict_killed,
    run_figures,
)
from tollbook.evaluation.labelled import LabelSpec, Where, predict, read_rows, run_rows
from tollbook.evaluation.labelled import misses as labelled_misses
from tollbook.evaluation.labelled import scores as labelled_scores
from tollbook.evaluation.scoring import compare, expected_from_dict, misses_report, score
from tollbook.evaluation.series import split_series
from tollbook.geo.names import name_key
from tollbook.ingest.sources import read_path
from tollbook.model import Document
from tollbook.pipeline import Pipeline, Settings


def run(dataset: str, path: Path, *, docs: Path | None = None,
        settings: Settings | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:  # fmt: skip
    pipeline = Pipeline(settings)
    if dataset == "acled":
        preds = run_figures(acled_items(path), predict_killed, pipeline)
        return figure_scores(preds, "acled"), list(misses(preds))
    if dataset == "idetect":
        preds = run_figures(idetect_items(path), predict_displaced, pipeline)
        return figure_scores(preds, "idetect"), list(misses(preds))
    if dataset in ("numbers", "ranges"):
        return number_scores(path, ranges=dataset == "ranges")
    if dataset == "gold":
        return _gold(path, docs or path.parent, pipeline)
    raise ConfigError(f"unknown dataset {dataset!r}; use acled, idetect, numbers, ranges, gold or labelled")


def run_labelled(path: Path, labels: Sequence[str], *, where: Sequence[str] = (), text_field: str = "text",
                 id_field: str = "id", strip_bookkeeping: bool = False, misses_half: str = "read",
                 series_shares: bool = False, settings: Settings | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:  # fmt: skip
    """Any labelled JSONL/CSV: `labels` as CATEGORY=FIELD, `where` as FIELD==VALUE (see labelled.py);
    `series_shares`: the file codes one row per incident of a series (GTD), see series.py."""
    if not labels:
        raise ConfigError("say which labels to score: --label killed=FIELD (repeatable)")
    specs = [LabelSpec.parse(x) for x in labels]
    rows = read_rows(path, specs, where=[Where.parse(w) for w in where], text_field=text_field,
                     id_field=id_field, strip_bookkeeping=strip_bookkeeping)  # fmt: skip
    scored = run_rows(rows, specs, Pipeline(settings), split_series(predict) if series_shares else predict)
    return labelled_scores(scored, path.name), list(labelled_misses(scored, half=misses_half))


def _gold(path: Path, docs: Path, pipeline: Pipeline) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Claim-level gold in the seeds' format (`doc` names a file under `docs`)."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_doc.setdefault(row["doc"], []).append(row)
    outcomes = []
    for name, gold in sorted(by_doc.items()):
        target = docs / name
        if not target.exists():
            raise ConfigError(f"gold names {name} but {target} does not exist; pass --docs FOLDER", source=str(path))
        [doc] = [d for d in read_path(target) if isinstance(d, Document)]
        expected = [expected_from_dict(doc.text, g, g.get("id", "")) for g in gold]
        outcomes.append(compare(name, doc.text, expected, pipeline.run(doc).claims, place_key=name_key))
    s = score(outcomes)
    row = {"dataset": "gold", "subset": "all", "n": s.expected, "exact": round(s.recall, 4),
           "within_10pct": None, "precision": round(s.precision, 4), "recall": round(s.recall, 4),
           "f1": round(s.f1, 4), "field_accuracy": s.as_dict()["field_accuracy"]}  # fmt: skip
    return [row], misses_report(outcomes)
