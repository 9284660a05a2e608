"""Any labelled JSONL/CSV file -> per-label, per-half, per-subset scores and misses.

`tollbook eval labelled FILE --label killed=nkill --label wounded=nwound --where dup_text==1`:
each row's text is run through the pipeline once; each `--label CATEGORY=FIELD` compares the
document's figure for CATEGORY (killed: `datasets.predict_killed`; any other category: its
tally's best) with the row's FIELD. A null or empty FIELD is unknown and the row is not scored
for that label.

Every row falls in a *read* or a *check* half by a stable hash of its id (`half_of`): misses
are read only from the read half, and both halves are always scored, so a rule fitted to the
rows someone read shows as a gap between the halves.

Subsets: `all`, `gold>0`, `written` (the gold figure is written in the text: the file's own
`literal` map when it has one, else `datasets.is_written`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tollbook._exceptions import ConfigError, InputError
from tollbook.evaluation.datasets import (
    EvalItem,
    acled_value,
    exact_match,
    is_written,
    predict_killed,
    strip_acled_bookkeeping,
    within_10pct,
)
from tollbook.extract.incidents import incidents_of
from tollbook.ingest.sources import document_from_text
from tollbook.model import Claim, Extraction
from tollbook.pipeline import Pipeline

HALVES = ("read", "check")
_NO_ITEM = EvalItem("", "", 0.0, False)  # predict_killed only carries its item along
SUBSETS = ("all", "gold>0", "written")


def half_of(item_id: str) -> str:
    """'read' or 'check', stable across runs, machines and Python versions (not `hash()`)."""
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return HALVES[digest[0] & 1]


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """`killed=nkill`: the category tollbook reports, and the file's field holding its gold."""

    category: str
    field: str

    @classmethod
    def parse(cls, text: str) -> LabelSpec:
        category, sep, field = text.partition("=")
        if not sep or not category.strip() or not field.strip():
            raise ConfigError(f"--label {text!r} is not CATEGORY=FIELD; write e.g. --label killed=nkill")
        return cls(category.strip(), field.strip())


_WHERE = re.compile(r"^\s*([\w.-]+)\s*(==|!=|>=|<=|>|<)\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Where:
    """`dup_text==1`, `stripped==false`, `year>=2000`: one condition on a row's field."""

    field: str
    op: str
    value: str

    @classmethod
    def parse(cls, text: str) -> Where:
        m = _WHERE.match(text)
        if m is None:
            raise ConfigError(f"--where {text!r} is not FIELD OP VALUE; write e.g. --where dup_text==1 "
                              "(operators == != > >= < <=)")  # fmt: skip
        return cls(m.group(1), m.group(2), m.group(3).strip("'\""))

    def __call__(self, row: dict[str, Any]) -> bool:
        got = row.get(self.field)
        if self.op in ("==", "!="):
            same = _loose(got) == _loose(self.value)
            return same if self.op == "==" else not same
        try:
            a, b = float(got), float(self.value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[self.op]


def _loose(value: Any) -> str:
    """One spelling for a CSV's and a JSON file's values: 1 / 1.0 / '1'; true / True / 'true'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value).strip().lower()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else str(number)


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled text: gold per category (None: unknown), written per category, its half."""

    item_id: str
    text: str
    gold: tuple[tuple[str, float | None], ...]
    written: tuple[tuple[str, bool], ...]
    half: str


@dataclass(frozen=True, slots=True)
class Scored:
    """One row's answer for one label."""

    row: Row
    category: str
    gold: float
    value: float
    written: bool
    rule: str
    figure: str
    claims: tuple[str, ...]


def _records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
        return
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise InputError(f"line {n} is not JSON ({exc}); pass a JSON-lines or .csv file",
                                 source=str(path)) from exc  # fmt: skip


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def read_rows(path: Path, labels: Sequence[LabelSpec], *, where: Sequence[Where] = (), text_field: str = "text",
              id_field: str = "id", strip_bookkeeping: bool = False) -> Iterator[Row]:  # fmt: skip
    """The file's rows that pass every `where`, with gold and `written` per label."""
    for n, rec in enumerate(_records(path)):
        if text_field not in rec:
            raise InputError(f"row {n + 1} has no `{text_field}`; pass --text-field NAME", source=str(path))
        missing = [s.field for s in labels if s.field not in rec]
        if missing:
            raise InputError(f"row {n + 1} has no field {', '.join(missing)}; check --label CATEGORY=FIELD",
                             source=str(path))  # fmt: skip
        if not all(w(rec) for w in where):
            continue
        text = str(rec[text_field] or "")
        if strip_bookkeeping:
            text = strip_acled_bookkeeping(text)
        if not text.strip():
            continue
        item_id = str(rec.get(id_field) or f"row-{n + 1}")
        literal = rec.get("literal") if isinstance(rec.get("literal"), dict) else None
        gold = tuple((s.category, _number(rec[s.field])) for s in labels)
        written = tuple(
            (s.category, bool(literal.get(s.field)) if literal is not None and s.field in literal
             else bool(g and is_written(text, g)))
            for s, (_, g) in zip(labels, gold, strict=True)
        )  # fmt: skip
        yield Row(item_id, text, gold, written, half_of(item_id))


def predict(category: str, result: Extraction) -> tuple[float, str, str]:
    """The document's figure for a category: (value, rule, figure's words); 0 when none. Killed
    follows datasets.predict_killed; a vague amount summed with stated figures counts none."""
    return _predict(category, result, shares=False)


def predict_per_incident(category: str, result: Extraction) -> tuple[float, str, str]:
    """`predict`, but a figure that totals several incidents (flag `incidents:N`,
    extract/incidents.py) counts one incident's share, as GTD codes a report it splits into
    incidents (`per_incident`). RAND does not: "impossible to disaggregate" is its 0."""
    return _predict(category, result, shares=True)


def _predict(category: str, result: Extraction, *, shares: bool) -> tuple[float, str, str]:
    def total(claims: Sequence[Claim], value_of: Callable[[Claim], float]) -> float:
        return per_incident(claims, value_of) if shares else sum(value_of(c) for c in claims)

    if category == "killed":
        p = predict_killed(_NO_ITEM, result)
        killed = result.tally.get("killed")
        if shares and killed is not None and p.value:
            chosen = [c for c in result.claims if c.claim_id in killed.claim_ids]
            value = per_incident(chosen, acled_value)
            return value, p.rule + ("+per_incident" if value != p.value else ""), p.span_text
        return p.value or 0.0, p.rule, p.span_text
    tally = result.tally.get(category)
    if tally is None and category == "displaced":
        # "2,300 households were displaced": no figure in people, so the first stated one in
        # families or households, the unit the text gives (IDMC records it so; docs/accuracy.md).
        units = [c for c in result.claims if c.parent is None and c.category == "displaced" and c.qualifier != "vague"]
        if units:
            first = min(units, key=lambda c: c.span[0])
            return first.value, f"{first.rule}+unit:{first.unit}", first.text
    if tally is None:
        return 0.0, "none", ""
    chosen = [c for c in result.claims if c.claim_id in tally.claim_ids]
    if tally.rule.endswith("-died_of_wounds"):  # the wounded who survived: the tally's own sum
        return tally.best, tally.rule, " | ".join(c.text for c in chosen)
    # "three soldiers and an unknown number of assailants were injured": beside stated figures
    # a vague amount adds no known person; alone it keeps ACLED's reading of its word.
    stated = [c for c in chosen if c.qualifier != "vague"]
    if stated and len(stated) < len(chosen):
        return (total(stated, lambda c: c.value), tally.rule + "+stated:" + ",".join(c.rule for c in stated),
                " | ".join(c.text for c in stated))  # fmt: skip
    return (total(chosen, acled_value), tally.rule + ":" + ",".join(c.rule for c in chosen),
            " | ".join(c.text for c in chosen))  # fmt: skip


def per_incident(claims: Sequence[Claim], value_of: Callable[[Claim], float]) -> float:
    """The claims' sum, each total of N incidents replaced by one incident's share: the figures
    of the same N summed, then divided and rounded half up (GTD gives the first incidents of a
    series the remainder: 9 over two incidents is 5 and 4, the likelier share is the nearer)."""
    whole = 0.0
    shared: dict[int, float] = {}
    for c in claims:
        n = incidents_of(c)
        if n > 1:
            shared[n] = shared.get(n, 0.0) + value_of(c)
        else:
            whole += value_of(c)
    return whole + sum(math.floor(total / n + 0.5) for n, total in shared.items())


Predictor = Callable[[str, Extraction], tuple[float, str, str]]


def run_rows(rows: Iterable[Row], labels: Sequence[LabelSpec], pipeline: Pipeline,
             predictor: Predictor = predict) -> list[Scored]:  # fmt: skip
    """Each row through the pipeline once; one Scored per label whose gold is known."""
    out: list[Scored] = []
    for row in rows:
        result = pipeline.run(document_from_text(row.text, doc_id=row.item_id or None))
        claims = tuple(f"{c.category}={c.value:g} {c.text!r} [{c.rule}]" for c in result.claims if c.kind == "count")
        written = dict(row.written)
        for spec, (_, gold) in zip(labels, row.gold, strict=True):
            if gold is None:
                continue
            value, rule, figure = predictor(spec.category, result)
            out.append(Scored(row, spec.category, gold, value, written[spec.category], rule, figure, claims))
    return out


def _exact(s: Scored) -> bool:
    return exact_match(s.value, s.gold)


def _near(s: Scored) -> bool:
    return within_10pct(s.value, s.gold)


_KEEP: dict[str, Callable[[Scored], bool]] = {
    "all": lambda s: True,
    "gold>0": lambda s: s.gold > 0,
    "written": lambda s: s.written,
}


def scores(scored: Sequence[Scored], name: str) -> list[dict[str, Any]]:
    """One row per label x subset x half (read, check, both): n, exact, within 10%."""
    rows: list[dict[str, Any]] = []
    for category in dict.fromkeys(s.category for s in scored):
        for subset in SUBSETS:
            for half in (*HALVES, "both"):
                sel = [s for s in scored if s.category == category and _KEEP[subset](s)
                       and (half == "both" or s.row.half == half)]  # fmt: skip
                if not sel:
                    continue
                rows.append({"dataset": name, "label": category, "subset": subset, "half": half, "n": len(sel),
                             "exact": round(sum(map(_exact, sel)) / len(sel), 4),
                             "within_10pct": round(sum(map(_near, sel)) / len(sel), 4)})  # fmt: skip
    return rows


def misses(scored: Sequence[Scored], *, half: str = "read") -> Iterator[dict[str, Any]]:
    """Wrong answers, from the read half unless asked otherwise: text, gold, prediction, claims, rule."""
    for s in scored:
        if not _exact(s) and (half == "both" or s.row.half == half):
            yield {"id": s.row.item_id, "label": s.category, "gold": s.gold, "predicted": s.value,
                   "rule": s.rule, "figure": s.figure, "written": s.written, "claims": list(s.claims),
                   "text": s.row.text}  # fmt: skip
