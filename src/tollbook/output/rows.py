"""Flat rows for columnar output: Extraction -> claim, tally and document rows (and back).

One definition of the Parquet schema that the Spark job (`tollbook.run.spark`) writes and the bulk
loader (`tollbook.store.bulkload`) reads. Output: plain dicts whose values are str, float, int,
bool or None, so every row fits a flat Parquet schema with no nested types.

Claims (`claims/`): one row per claim. The columns are the keys of
`tollbook.output.serialize.claim_to_dict` in its order (the CLI's JSON for `tollbook extract`);
fields that are lists or objects there (`NESTED`: spans, `place_geo`, `place_within`, `source_chain`,
`flags`, `characterisation`) are JSON strings here, and `value`/`low`/`high` are doubles.
`claim_dict(row)` turns a row back into exactly the CLI's JSON object.

Tallies (`tallies/`): one row per document and category: `doc_id`, `extractor_version`,
`category`, `idx` (the category's position in the document's tally), `best`, `low`,
`high`, `civilians`, `combatants`, `unknown` (doubles), `claims` (JSON list of claim ids),
`rule`. A document with no claim has no tally row.

Documents (`documents/`): one row per document: the keys of
`tollbook.output.serialize.document_to_dict` (with `text`), and `extractor_version`, so that a
document whose extraction found nothing is still recorded as extracted.
"""

from __future__ import annotations

import json
from typing import Any

from tollbook.model import Document, Extraction, number
from tollbook.output.serialize import (
    category_tally_to_dict,
    claim_to_dict,
    document_to_dict,
)

#: (column, type) of a claim row; type is one of "string", "double", "long", "boolean".
CLAIM_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("claim_id", "string"), ("kind", "string"), ("category", "string"),
    ("population", "string"), ("population_class", "string"), ("value", "double"),
    ("low", "double"), ("high", "double"), ("qualifier", "string"), ("unit", "string"),
    ("parent", "string"), ("relation", "string"), ("detail", "string"), ("place", "string"),
    ("place_span", "string"), ("place_geo", "string"), ("place_within", "string"),
    ("event_date", "string"),
    ("event_date_text", "string"), ("event_date_precision", "string"),
    ("event_date_span", "string"), ("event_date_relative", "boolean"), ("source", "string"),
    ("source_cue", "string"), ("source_span", "string"), ("source_chain", "string"),
    ("span", "string"), ("text", "string"), ("sentence", "string"),
    ("sentence_span", "string"), ("rule", "string"), ("extractor_version", "string"),
    ("flags", "string"), ("characterisation", "string"),
)  # fmt: skip
#: Claim columns holding JSON (lists or objects in the CLI's output).
NESTED = frozenset({
    "place_span", "place_geo", "place_within", "event_date_span", "source_span", "source_chain", "span",
    "sentence_span", "flags", "characterisation",
})  # fmt: skip
_NUMBERS = ("value", "low", "high")

TALLY_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("extractor_version", "string"), ("category", "string"),
    ("idx", "long"), ("best", "double"), ("low", "double"), ("high", "double"),
    ("civilians", "double"), ("combatants", "double"), ("unknown", "double"),
    ("claims", "string"), ("rule", "string"),
)  # fmt: skip

DOCUMENT_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("name", "string"), ("path", "string"), ("url", "string"),
    ("title", "string"), ("publisher", "string"), ("aggregator", "string"),
    ("published", "string"), ("language", "string"), ("format", "string"),
    ("content_hash", "string"), ("chars", "long"), ("text", "string"),
    ("extractor_version", "string"),
)  # fmt: skip


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def claim_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One flat row per claim, columns in `CLAIM_SCHEMA` order."""
    out = []
    for claim in extraction.claims:
        d = claim_to_dict(claim)
        row = {name: _json(d[name]) if name in NESTED else d[name] for name, _ in CLAIM_SCHEMA}
        row.update(value=claim.value, low=claim.low, high=claim.high)  # doubles, not 613
        out.append(row)
    return out


def claim_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A claim row -> the CLI's JSON object for that claim (`claim_to_dict`'s output)."""
    out: dict[str, Any] = {}
    for name, _ in CLAIM_SCHEMA:
        value: Any = row.get(name)
        if name in NESTED:
            value = None if value is None else json.loads(value)
        elif name in _NUMBERS:
            value = number(float(value))
        out[name] = value
    return out


def tally_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One row per category of the document's tally, columns in `TALLY_SCHEMA` order."""
    out = []
    for idx, cat in enumerate(extraction.tally.categories):
        d = category_tally_to_dict(cat)
        out.append({
            "doc_id": extraction.tally.doc_id, "extractor_version": extraction.extractor_version,
            "category": cat.category, "idx": idx,
            **{k: float(d[k]) for k in ("best", "low", "high", "civilians", "combatants", "unknown")},
            "claims": _json(d["claims"]), "rule": d["rule"],
        })  # fmt: skip
    return out


def tally_dict(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One document's tally rows -> the CLI's JSON object for its tally (`tally_to_dict`)."""
    rows = sorted(rows, key=lambda r: int(r["idx"]))
    out: dict[str, Any] = {"doc_id": rows[0]["doc_id"]} if rows else {}
    for r in rows:
        out[r["category"]] = {
            **{k: number(float(r[k])) for k in ("best", "low", "high", "civilians", "combatants",
                                                 "unknown")},  # fmt: skip
            "claims": json.loads(r["claims"]), "rule": r["rule"],
        }  # fmt: skip
    return out


def document_row(document: Document, extractor_version: str) -> dict[str, Any]:
    """The document, its text included, columns in `DOCUMENT_SCHEMA` order."""
    d = document_to_dict(document)
    d["extractor_version"] = extractor_version
    return {name: d[name] for name, _ in DOCUMENT_SCHEMA}


def arrow_schema(schema: tuple[tuple[str, str], ...]) -> Any:
    """A `pyarrow.Schema` for one of the schemas above (needs pyarrow)."""
    import pyarrow as pa

    types = {"string": pa.string(), "double": pa.float64(), "long": pa.int64(),
             "boolean": pa.bool_()}  # fmt: skip
    return pa.schema([(name, types[kind]) for name, kind in schema])
