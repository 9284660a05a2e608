"""Flat rows for spreadsheets and Parquet: claim / tally / document dicts -> scalar-only rows.

The CLI's JSON claim (`serialize.claim_to_dict`) nests lists and objects; a spreadsheet or a
dataframe wants one scalar per cell. `flat_claim` spreads them out:

- spans `[start, end]` -> `<name>_start` / `<name>_end` (`span` -> `start` / `end`;
  `event_date_span` -> `event_date_text_start` / `_end`, the offsets of the date's words);
- `place_geo` -> `place_geonameid`, `place_name`, `place_country`, `place_feature`,
  `place_lat`, `place_lon`, `place_population`, `place_admin1`; `place_within` ->
  `place_within_geonameid`, `_name`, `_country`, `_feature`, `_admin1`;
- `source_chain` -> `role: name` links joined by `; `; `flags` and `characterisation`
  -> their words joined by `; `;
- line breaks inside `text` and `sentence` -> spaces, one character for one, so that offsets
  into the sentence still hold and every row is one line.

`write_parquet` writes such rows with a typed schema (needs pyarrow: `tollbook[parquet]`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from tollbook._exceptions import ConfigError

__all__ = [
    "DOCUMENT_FLAT_SCHEMA", "FLAT_CLAIM_SCHEMA", "TALLY_FLAT_SCHEMA", "flat_claim",
    "write_parquet",
]  # fmt: skip

#: (column, type) of a flat claim row; type is one of "string", "double", "long", "boolean".
FLAT_CLAIM_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("claim_id", "string"), ("kind", "string"), ("category", "string"),
    ("population", "string"), ("population_class", "string"), ("value", "double"),
    ("low", "double"), ("high", "double"), ("qualifier", "string"), ("unit", "string"),
    ("parent", "string"), ("relation", "string"), ("detail", "string"), ("place", "string"),
    ("place_start", "long"), ("place_end", "long"), ("place_geonameid", "long"),
    ("place_name", "string"), ("place_country", "string"), ("place_feature", "string"),
    ("place_lat", "double"), ("place_lon", "double"), ("place_population", "long"),
    ("place_admin1", "string"), ("place_within_geonameid", "long"),
    ("place_within_name", "string"), ("place_within_country", "string"),
    ("place_within_feature", "string"), ("place_within_admin1", "string"),
    ("event_date", "string"), ("event_date_text", "string"),
    ("event_date_precision", "string"), ("event_date_text_start", "long"),
    ("event_date_text_end", "long"), ("event_date_relative", "boolean"), ("source", "string"),
    ("source_cue", "string"), ("source_start", "long"), ("source_end", "long"),
    ("source_chain", "string"), ("start", "long"), ("end", "long"), ("text", "string"),
    ("sentence", "string"), ("sentence_start", "long"), ("sentence_end", "long"),
    ("rule", "string"), ("extractor_version", "string"), ("flags", "string"),
    ("characterisation", "string"),
)  # fmt: skip
TALLY_FLAT_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("category", "string"), ("best", "double"), ("low", "double"),
    ("high", "double"), ("civilians", "double"), ("combatants", "double"),
    ("unknown", "double"), ("rule", "string"),
)  # fmt: skip
DOCUMENT_FLAT_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("name", "string"), ("path", "string"), ("url", "string"),
    ("title", "string"), ("publisher", "string"), ("aggregator", "string"),
    ("published", "string"), ("language", "string"), ("format", "string"),
    ("content_hash", "string"), ("chars", "long"), ("text", "string"),
)  # fmt: skip

_SPANS = {"place_span": "place", "event_date_span": "event_date_text",
          "source_span": "source", "sentence_span": "sentence"}  # fmt: skip
_GEO = ("geonameid", "name", "country", "feature", "lat", "lon", "population", "admin1")
_WITHIN = ("geonameid", "name", "country", "feature", "admin1")
_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " ", "\x85": " ",
                           "\u2028": " ", "\u2029": " "})  # fmt: skip


def _one_line(value: Any) -> Any:
    return value.translate(_ONE_LINE) if isinstance(value, str) else value


def flat_claim(d: dict[str, Any]) -> dict[str, Any]:
    """A claim dict (`claim_to_dict`'s keys) -> one scalar per column of FLAT_CLAIM_SCHEMA."""
    out: dict[str, Any] = {}
    for key, value in d.items():
        if key == "span":
            out["start"], out["end"] = value
        elif key in _SPANS:
            name = _SPANS[key]
            out[f"{name}_start"], out[f"{name}_end"] = value if value else (None, None)
        elif key == "place_geo":
            geo = value or {}
            out.update({f"place_{k}": geo.get(k) for k in _GEO})
        elif key == "place_within":
            inside = value or {}
            out.update({f"place_within_{k}": inside.get(k) for k in _WITHIN})
        elif key == "source_chain":
            out[key] = "; ".join(f"{s['role']}: {s['name']}" for s in value) or None
        elif key in ("flags", "characterisation"):
            out[key] = "; ".join(value) or None
        else:
            out[key] = _one_line(value)
    return {name: out.get(name) for name, _ in FLAT_CLAIM_SCHEMA}


def write_parquet(rows: Iterable[dict[str, Any]], schema: tuple[tuple[str, str], ...],
                  out: BinaryIO) -> int:  # fmt: skip
    """Write flat rows as one Parquet file with the given column types; returns how many."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ConfigError(
            "--format parquet needs pyarrow, which is not installed; "
            "run: pip install 'tollbook[parquet]' (or choose --format csv)"
        ) from err
    types = {"string": pa.string(), "double": pa.float64(), "long": pa.int64(),
             "boolean": pa.bool_()}  # fmt: skip
    arrow_schema = pa.schema([(name, types[kind]) for name, kind in schema])
    items = list(rows)
    columns = {name: [r.get(name) for r in items] for name, _ in schema}
    pq.write_table(pa.table(columns, schema=arrow_schema), out)
    return len(items)
