"""Parquet written by the Spark job -> rows in a Store (PostgreSQL by COPY, SQLite by executemany).

`load_parquet(store, claims_dir, tallies_dir=None, documents_dir=None)` reads Parquet files
or directories of part files (Spark's `part-*.parquet`; `_SUCCESS`, `.crc` and other
`_`/`.` files are ignored) and writes them in ONE transaction. The columns are those of
`tollbook.output.rows` (the schema `tollbook spark` writes):

- claims (required): one row per claim, the columns of `tollbook extract --format jsonl`
  (`tollbook.output.serialize.claim_to_dict`); nested fields (`span`, `sentence_span`,
  `place_span`, `place_geo`, `event_date_span`, `source_span`, `source_chain`, `flags`,
  `characterisation`) as JSON strings (native Parquet lists/structs are accepted too, more
  slowly). Required: `doc_id`, `claim_id`, `extractor_version`, `kind`, `value`, `low`,
  `high`, `qualifier`, `unit`, `span`, `rule`; a missing optional column reads as null.
- documents (optional): one row per document, the columns of `tollbook export --what
  documents` (`doc_id`, `text`, `content_hash` required; `chars` ignored), optionally
  `extractor_version` to record an extraction that found no claim. Claims whose document
  is neither in this input nor already stored are refused (the schema keys claims to
  documents).
- tallies (optional): one row per document and category: `doc_id`, `extractor_version`,
  `category`, `best`, `low`, `high`, `civilians`, `combatants`, `unknown`, `claims` (JSON
  list of claim ids), `rule`, optionally `idx` (the category's position; else file order).
  Without tallies, each loaded document's tally is computed from its claims
  (`tollbook.tally.rules`), which is slower.

Like `Store.save`, a load replaces the rows of every (doc_id, extractor_version) it holds
and inserts documents only when new, so loading the same output twice leaves the same rows.
Segments are not part of the Spark output: loaded versions have none. Claims go straight
into their table (COPY of CSV written by pyarrow on PostgreSQL), their contract JSON put
together by pyarrow compute functions, so no Python code runs per claim; documents and
tallies pass through temporary tables so that SQL can skip known documents and number
categories.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tollbook._exceptions import InputError, StoreError
from tollbook.output.rows import CLAIM_SCHEMA, DOCUMENT_SCHEMA, NESTED, TALLY_SCHEMA
from tollbook.output.serialize import category_tally_to_dict, claim_from_dict
from tollbook.store.backends import Backend, Postgres
from tollbook.store.database import Store
from tollbook.store.schema import (
    CLAIM_COLUMNS,
    DOC_FIELDS,
    EXTRACTION_COLUMNS,
    TALLY_COLUMNS,
    TALLY_KEYS,
)
from tollbook.tally.rules import tally

_log = logging.getLogger(__name__)

#: Keys of `claim_to_dict`, in its order (the JSON kept in claims.data): the claim columns
#: of `tollbook.output.rows`, the schema the Spark job writes.
CONTRACT_KEYS = tuple(name for name, _ in CLAIM_SCHEMA)
_LISTS = ("source_chain", "flags", "characterisation")  # [] rather than null when absent
REQUIRED_CLAIM = (
    "doc_id", "claim_id", "extractor_version", "kind", "value", "low", "high", "qualifier",
    "unit", "span", "rule",
)  # fmt: skip
REQUIRED_DOCUMENT = ("doc_id", "text", "content_hash")
REQUIRED_TALLY = ("doc_id", "extractor_version", "category", *TALLY_KEYS)
_DOC_IN = (*DOC_FIELDS, "extractor_version")
_CONTROL = {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}
#: Rows per Arrow batch: bounds memory whatever the input size.
BATCH_ROWS = 50_000


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load wrote: input rows per kind, new documents, (doc, version) pairs, time."""

    documents: int
    new_documents: int
    claims: int
    tallies: int
    extractions: int
    seconds: float


def load_parquet(
    store: Store,
    claims_dir: str | Path,
    tallies_dir: str | Path | None = None,
    documents_dir: str | Path | None = None,
) -> LoadResult:
    """Load the Spark job's Parquet output into `store` in one transaction (see module doc)."""
    started = time.perf_counter()
    claims = _dataset(claims_dir, "claims", REQUIRED_CLAIM)
    tallies = None if tallies_dir is None else _dataset(tallies_dir, "tallies", REQUIRED_TALLY)
    docs = (
        None if documents_dir is None else _dataset(documents_dir, "documents", REQUIRED_DOCUMENT)
    )
    db = store.backend
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with db.transaction():
        db.lock("tollbook.load")
        n_docs = new_docs = n_tallies = 0
        if docs is not None:
            rows = _batches(docs, _doc_types(), documents_dir)
            n_docs = _stage(db, "_tb_documents", _doc_types(), rows)
            select = ", ".join(
                "COALESCE(format, 'text')" if f == "format" else f for f in DOC_FIELDS
            )
            new_docs = db.execute(
                f"INSERT INTO documents ({', '.join(DOC_FIELDS)}, ingested_at)"
                f" SELECT {select}, ? FROM _tb_documents WHERE true"
                " ON CONFLICT (doc_id) DO NOTHING",
                (now,),
            )
        # First pass, two columns: which (doc_id, version) pairs the claims replace.
        keys = _batches(claims, _key_types(), claims_dir)
        n_claims = _stage(db, "_tb_claim_keys", _key_types(), keys)
        if tallies is not None:
            rows = _batches(tallies, _tally_types(), tallies_dir)
            n_tallies = _stage(db, "_tb_tallies", _tally_types(), rows)
        pairs = _pairs(db, docs is not None, tallies is not None)
        _delete_versions(db)
        # Second pass: the claims straight into their table, contract JSON made by Arrow.
        rows = (_claim_rows(b, claims_dir) for b in _batches(claims, _claim_types(), claims_dir))
        try:
            _copy(db, "claims", CLAIM_COLUMNS, rows)
        except StoreError as exc:
            raise StoreError(
                f"could not load the claims: {exc.message} (a duplicate key means the Parquet "
                "holds a claim twice: rerun the Spark job into an empty folder); "
                "nothing was written"
            ) from exc
        if tallies is not None:
            _insert_tallies(db)
        else:
            n_tallies = _compute_tallies(db)
        db.execute(
            f"INSERT INTO extractions ({', '.join(EXTRACTION_COLUMNS)})"
            " SELECT p.doc_id, p.extractor_version, ?, COALESCE(n.n, 0) FROM _tb_pairs p"
            " LEFT JOIN (SELECT doc_id, extractor_version, COUNT(*) AS n FROM _tb_claim_keys"
            " GROUP BY doc_id, extractor_version) n"
            " ON n.doc_id = p.doc_id AND n.extractor_version = p.extractor_version",
            (now,),
        )
        for table in ("_tb_documents", "_tb_claim_keys", "_tb_tallies", "_tb_pairs"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
    seconds = time.perf_counter() - started
    _log.info("loaded %d claims of %d extractions in %.1f s", n_claims, pairs, seconds)
    return LoadResult(n_docs, max(new_docs, 0), n_claims, n_tallies, pairs, seconds)


def spark_output(path: str | Path) -> tuple[Path, Path | None, Path | None]:
    """(claims, tallies, documents) of a Spark output folder holding `claims/` and
    optionally `tallies/` and `documents/`; a folder without `claims/` is the claims."""
    root = Path(path)
    if not root.exists():
        raise InputError(
            f"{root} does not exist; give the Spark job's output folder", source=str(root)
        )
    if not (root / "claims").is_dir():
        return root, None, None
    tallies, documents = (root / name for name in ("tallies", "documents"))
    return (
        root / "claims",
        tallies if tallies.is_dir() else None,
        documents if documents.is_dir() else None,
    )


# -- reading ----------------------------------------------------------------------------


def _dataset(path: str | Path, what: str, required: Sequence[str]) -> Any:
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise InputError(
            "loading Parquet needs pyarrow; install it with pip install 'tollbook[spark]'",
            source=str(path),
        ) from exc
    if not Path(path).exists():
        raise InputError(f"no {what} Parquet at {path}; check the path", source=str(path))
    try:
        data = ds.dataset(str(path), format="parquet")
        fragments = list(data.get_fragments())
        if not fragments:
            raise InputError(
                f"no {what} Parquet files in {path}; give the Spark job's output folder",
                source=str(path),
            )
        # Part files may disagree where one holds only nulls; unify before reading.
        schema = pa.unify_schemas([f.physical_schema for f in fragments])
        data = ds.dataset(str(path), format="parquet", schema=schema)
        names = set(data.schema.names)
    except InputError:
        raise
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for bad files
        raise InputError(
            f"cannot read {what} Parquet: {exc}; give a Parquet file or a folder of them",
            source=str(path),
        ) from exc
    missing = [c for c in required if c not in names]
    if missing:
        raise InputError(
            f"the {what} Parquet lacks column(s) {', '.join(missing)}; write it with the "
            f"columns of tollbook.output.rows (as `tollbook spark` does)",
            source=str(path),
        )
    return data


def _arrow_types(schema: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Column -> Arrow type for one of `tollbook.output.rows`' schemas."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "double": pa.float64(),
        "long": pa.int64(),
        "boolean": pa.bool_(),
    }
    return {name: types[kind] for name, kind in schema}


def _claim_types() -> dict[str, Any]:
    return _arrow_types(CLAIM_SCHEMA)


def _key_types() -> dict[str, Any]:
    types = _claim_types()
    return {k: types[k] for k in ("doc_id", "extractor_version")}


def _doc_types() -> dict[str, Any]:
    types = _arrow_types(DOCUMENT_SCHEMA)
    return {k: types[k] for k in _DOC_IN}


def _tally_types() -> dict[str, Any]:
    import pyarrow as pa

    return {**_arrow_types(TALLY_SCHEMA), "seq": pa.int64()}


def _batches(data: Any, types: dict[str, Any], where: str | Path | None) -> Iterator[Any]:
    """Record batches with exactly `types`' columns: cast, JSON-encoded, nulls when absent."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names = set(data.schema.names)
    seq = 0
    for batch in data.to_batches(columns=[c for c in types if c in names], batch_size=BATCH_ROWS):
        arrays = []
        for name, typ in types.items():
            if name == "seq":
                arrays.append(pa.array(range(seq, seq + batch.num_rows), pa.int64()))
                continue
            if name not in names:
                arrays.append(pa.nulls(batch.num_rows, typ))
                continue
            col = batch.column(name)
            try:
                if (name in NESTED or name == "claims") and not pa.types.is_string(col.type):
                    if pa.types.is_large_string(col.type):
                        col = pc.cast(col, pa.string())
                    else:  # native lists/structs: JSON-encode them one by one
                        values = [
                            None if v is None else json.dumps(v, ensure_ascii=False)
                            for v in col.to_pylist()
                        ]
                        col = pa.array(values, pa.string())
                elif col.type != typ:
                    col = pc.cast(col, typ)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
                raise InputError(
                    f"column {name} ({col.type}) cannot be read as {typ}: {exc}; "
                    "write it as the JSON output of tollbook has it",
                    source=str(where),
                ) from exc
            arrays.append(col)
        seq += batch.num_rows
        yield pa.RecordBatch.from_arrays(arrays, names=list(types))


# -- writing ----------------------------------------------------------------------------


def _stage(db: Backend, table: str, types: dict[str, Any], batches: Iterator[Any]) -> int:
    """Copy record batches into a new temporary table; return the row count."""
    import pyarrow as pa

    def sql_type(t: Any) -> str:
        if pa.types.is_floating(t):
            return "DOUBLE PRECISION"
        if pa.types.is_integer(t):
            return "BIGINT"
        return "BOOLEAN" if pa.types.is_boolean(t) else "TEXT"

    cols = ", ".join(f'"{c}" {sql_type(t)}' for c, t in types.items())
    db.execute(f"CREATE TEMPORARY TABLE {table} ({cols})")
    rows = _copy(db, table, list(types), batches)
    if isinstance(db, Postgres):
        db.execute(f"ANALYZE {table}")  # temporary tables get no autovacuum statistics
    return rows


def _copy(db: Backend, table: str, names: Sequence[str], batches: Iterable[Any]) -> int:
    """Write record batches (columns in `names` order) into a table; return the row count.
    PostgreSQL: COPY of CSV written by pyarrow; SQLite: executemany."""
    import pyarrow.csv as pcsv

    rows = 0
    if isinstance(db, Postgres):

        def csv_chunks() -> Iterator[bytes]:
            nonlocal rows
            for batch in batches:
                buf = io.BytesIO()
                pcsv.write_csv(batch, buf, pcsv.WriteOptions(include_header=False))
                rows += batch.num_rows
                yield buf.getvalue()

        db.copy_csv(table, names, csv_chunks())
    else:
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        for batch in batches:
            db.executemany(sql, zip(*(c.to_pylist() for c in batch.columns), strict=True))
            rows += batch.num_rows
    return rows


def _pairs(db: Backend, with_docs: bool, with_tallies: bool) -> int:
    """Collect the (doc_id, extractor_version) pairs of the input; refuse unknown documents."""
    db.execute(
        "CREATE TEMPORARY TABLE _tb_pairs (doc_id TEXT NOT NULL, extractor_version TEXT NOT NULL,"
        " PRIMARY KEY (doc_id, extractor_version))"
    )
    sources = ["_tb_claim_keys"] + ["_tb_tallies"] * with_tallies + ["_tb_documents"] * with_docs
    for src in sources:
        db.execute(
            "INSERT INTO _tb_pairs SELECT DISTINCT doc_id, extractor_version FROM "
            f"{src} WHERE doc_id IS NOT NULL AND extractor_version IS NOT NULL"
            " ON CONFLICT DO NOTHING"
        )
    missing = db.query(
        "SELECT DISTINCT doc_id FROM _tb_pairs p WHERE NOT EXISTS"
        " (SELECT 1 FROM documents d WHERE d.doc_id = p.doc_id) ORDER BY doc_id LIMIT 6"
    )
    if missing:
        shown = ", ".join(str(r["doc_id"]) for r in missing[:5])
        raise StoreError(
            f"claims of documents not in the store ({shown}{', ...' if len(missing) > 5 else ''}); "
            "load them with their documents (documents_dir, `tollbook load --documents DIR`) "
            "or ingest those documents first; nothing was written"
        )
    if isinstance(db, Postgres):
        db.execute("ANALYZE _tb_pairs")
    return int(db.query("SELECT COUNT(*) AS n FROM _tb_pairs")[0]["n"])


def _delete_versions(db: Backend) -> None:
    """Replace, like Store.save: drop every row of the versions being loaded."""
    for table in ("segments", "claims", "tallies", "extractions"):
        db.execute(
            f"DELETE FROM {table} WHERE EXISTS (SELECT 1 FROM _tb_pairs p"
            f" WHERE p.doc_id = {table}.doc_id AND p.extractor_version = {table}.extractor_version)"
        )


def _claim_rows(batch: Any, where: str | Path) -> Any:
    """A normalised claims batch -> the `claims` table's columns, `data` as contract JSON."""
    import pyarrow as pa
    import pyarrow.compute as pc

    span = pc.extract_regex(
        batch.column("span"), r"^\s*\[\s*(?P<start>-?\d+)\s*,\s*(?P<end>-?\d+)\s*\]\s*$"
    )
    if span.null_count:
        raise InputError(
            "a claim's span is missing or not a JSON [start, end] pair; "
            "every claim needs the character span of its figure",
            source=str(where),
        )
    parts: list[Any] = []
    for key in CONTRACT_KEYS:
        parts += [f',"{key}":' if parts else f'{{"{key}":', _json_values(batch, key, where)]
    parts.append("}")
    data = pc.binary_join_element_wise(*parts, "")
    columns = [batch.column(k) for k in CLAIM_COLUMNS[:-3]]
    columns += [pc.cast(pc.struct_field(span, [i]), pa.int64()) for i in (0, 1)]
    return pa.RecordBatch.from_arrays([*columns, data], names=list(CLAIM_COLUMNS))


def _json_values(batch: Any, key: str, where: str | Path) -> Any:
    """One column as JSON text per row: strings quoted and escaped, nested fields as written."""
    import pyarrow as pa
    import pyarrow.compute as pc

    col = batch.column(key)
    if key in NESTED:
        shape = pc.match_substring_regex(col, r"(?s)^\s*(\[.*\]|\{.*\}|null)\s*$")
        if pc.any(pc.invert(pc.fill_null(shape, True))).as_py():
            raise InputError(
                f"column {key} holds a value that is not a JSON list or object; "
                "write nested fields with json.dumps",
                source=str(where),
            )
        return pc.fill_null(col, "[]" if key in _LISTS else "null")
    if pa.types.is_floating(col.type):
        if pc.any(pc.invert(pc.fill_null(pc.is_finite(col), True))).as_py():
            raise InputError(
                f"column {key} holds NaN or infinity; give finite numbers", source=str(where)
            )
        return pc.fill_null(pc.cast(col, pa.string()), "null")
    if pa.types.is_boolean(col.type):
        return pc.fill_null(pc.cast(col, pa.string()), "null")
    text = pc.replace_substring(pc.replace_substring(col, "\\", "\\\\"), '"', '\\"')
    if pc.any(pc.match_substring_regex(text, r"[\x00-\x1f]")).as_py():
        for code in range(32):
            text = pc.replace_substring(text, chr(code), _CONTROL.get(code, f"\\u{code:04x}"))
    return pc.fill_null(pc.binary_join_element_wise('"', text, '"', ""), "null")


def _insert_tallies(db: Backend) -> None:
    data = db.json_object(
        [(k, k) for k in TALLY_KEYS]
        + [("claims", db.json_cast("COALESCE(claims, '[]')")), ("rule", "COALESCE(rule, '')")]
    )
    idx = (
        "COALESCE(idx, ROW_NUMBER() OVER (PARTITION BY doc_id, extractor_version ORDER BY seq) - 1)"
    )
    try:
        db.execute(
            f"INSERT INTO tallies ({', '.join(TALLY_COLUMNS)}) SELECT doc_id, extractor_version,"
            f" category, {idx}, {', '.join(TALLY_KEYS)}, {data} FROM _tb_tallies"
        )
    except StoreError as exc:
        raise StoreError(
            f"could not load the tallies: {exc.message} (a duplicate key means a document's "
            "category appears twice); nothing was written"
        ) from exc


def _compute_tallies(db: Backend) -> int:
    """Tally each loaded extraction from its stored claims (no tallies in the input)."""
    rows = db.query(
        "SELECT p.doc_id, p.extractor_version, c.data FROM _tb_pairs p LEFT JOIN claims c"
        " ON c.doc_id = p.doc_id AND c.extractor_version = p.extractor_version"
        " ORDER BY p.doc_id, p.extractor_version, c.span_start, c.claim_id"
    )
    groups: dict[tuple[str, str], list[Any]] = {}
    for r in rows:
        claims = groups.setdefault((str(r["doc_id"]), str(r["extractor_version"])), [])
        if r["data"] is not None:
            claims.append(claim_from_dict(json.loads(r["data"])))
    out = []
    for (doc_id, version), claims in groups.items():
        for i, cat in enumerate(tally(doc_id, claims).categories):
            d = category_tally_to_dict(cat)
            data = json.dumps(d, ensure_ascii=False)
            out.append([doc_id, version, cat.category, i, *(d[k] for k in TALLY_KEYS), data])
    if out:
        marks = ", ".join("?" * len(TALLY_COLUMNS))
        db.executemany(f"INSERT INTO tallies ({', '.join(TALLY_COLUMNS)}) VALUES ({marks})", out)
    return len(out)
