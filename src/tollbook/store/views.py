"""SQL views for reading the store in Datasette, sqlite-utils or psql: dialect -> CREATE VIEW text.

Three views, the same columns on SQLite and PostgreSQL:

- `extractions_current`: per document, the extraction of its newest extractor version
  (versions compared numerically by their first three dotted numbers, as the store does;
  equal numbers fall back to comparing the version text).
- `claims_flat`: every stored claim, one scalar per column: its words (`text`), `sentence`,
  `place` with the gazetteer's `place_country`/`place_lat`/`place_lon` (since migration 6,
  `place_country` and `place_admin1` fall back to `place_within`'s), `event_date`,
  `source`, the document's title, publisher, publication date and URL, and `is_current`
  (1 for claims of the document's current extraction).
- `claims_current`: the current extraction's claims with reviewers' corrections applied as
  `tollbook.events.review` applies them: the newest correction of a claim (highest
  `correction_id`) decides; `wrong` drops the claim; `corrected` replaces the fields it gives
  (a corrected value collapses `low`/`high` onto it and makes the qualifier `exact`; an empty
  population or source clears it); `review` says `corrected`, `reviewed` (a `correct`
  verdict) or nothing.

`claims_current_sql(dialect, fields)` builds the last view for a tuple of correctable fields, so a
later migration that adds correction columns can drop and re-create it with more fields;
migration 4 uses `CORRECTED_FIELDS_4`, the fields that existed then.
"""

from __future__ import annotations

__all__ = ["CORRECTED_FIELDS_4", "CORRECTED_FIELDS_5", "claims_current_sql", "views_sql",
           "within_views_sql"]

#: The correction columns of migration 3, which migration 4's `claims_current` reads.
CORRECTED_FIELDS_4 = ("value", "category", "population", "source")
#: Migration 5 adds these correction columns; the view applies them as written (the place by
#: name: its coordinates and a qualifier's bounds are tollbook's to compute, in `export`).
CORRECTED_FIELDS_5 = (*CORRECTED_FIELDS_4, "place", "event_date", "qualifier", "population_class")


def _json(dialect: str, path: str, kind: str = "text") -> str:
    """A scalar at a dotted path inside claims.data (JSON text) as SQL, typed."""
    if dialect == "postgresql":
        expr = "(c.data::jsonb #>> '{" + path.replace(".", ",") + "}')"
        return f"{expr}::double precision" if kind == "double" else expr
    expr = f"json_extract(c.data, '$.{path}')"
    return f"CAST({expr} AS REAL)" if kind == "double" else expr


def _version_key(dialect: str) -> str:
    """A text that sorts like the store's version_key for MAJOR.MINOR.PATCH versions."""
    if dialect == "postgresql":
        parts = [
            f"lpad(coalesce(substring(split_part(extractor_version || '.0.0', '.', {i}) "
            "from '^[0-9]+'), '0'), 12, '0')"
            for i in (1, 2, 3)
        ]
        return " || ".join(parts)
    # SQLite: CAST(text AS INTEGER) reads the leading digits; each step drops one part.
    v = "extractor_version || '.0.0'"
    rest1 = f"substr({v}, instr({v}, '.') + 1)"
    rest2 = f"substr({rest1}, instr({rest1}, '.') + 1)"
    return "printf('%012d%012d%012d', " + ", ".join(
        f"CAST({p} AS INTEGER)" for p in (v, rest1, rest2)
    ) + ")"


def _extractions_current(dialect: str) -> str:
    return f"""
CREATE VIEW extractions_current AS
SELECT doc_id, extractor_version, extracted_at, n_claims FROM (
    SELECT e.*, ROW_NUMBER() OVER (
        PARTITION BY doc_id ORDER BY {_version_key(dialect)} DESC, extractor_version DESC
    ) AS newest
    FROM extractions AS e
) AS ranked
WHERE newest = 1;
"""


def _claims_flat(dialect: str, within: bool = False) -> str:
    """claims_flat; `within` (migration 6): `place_country` falls back to the country of the
    division the text put an unresolved place in, and `place_admin1` is added likewise."""
    j = _json
    country = j(dialect, "place_geo.country")
    admin1 = ""
    if within:
        country = f"COALESCE({country}, {j(dialect, 'place_within.country')})"
        admin1 = (f"COALESCE({j(dialect, 'place_geo.admin1')}, "
                  f"{j(dialect, 'place_within.admin1')}) AS place_admin1,\n    ")  # fmt: skip
    return f"""
CREATE VIEW claims_flat AS
SELECT
    c.doc_id, c.claim_id, c.extractor_version,
    CASE WHEN x.doc_id IS NULL THEN 0 ELSE 1 END AS is_current,
    c.kind, c.category, c.population, c.population_class, c.value, c.low, c.high,
    c.qualifier, c.unit, c.parent, {j(dialect, "relation")} AS relation,
    {j(dialect, "text")} AS text, c.place, {j(dialect, "place_geo.name")} AS place_name,
    {country} AS place_country, {admin1}    {j(dialect, "place_geo.lat", "double")} AS place_lat,
    {j(dialect, "place_geo.lon", "double")} AS place_lon,
    c.event_date, {j(dialect, "event_date_text")} AS event_date_text,
    c.source, {j(dialect, "source_cue")} AS source_cue,
    {j(dialect, "sentence")} AS sentence, c.span_start, c.span_end, c.rule,
    d.title AS document_title, d.publisher, d.published, d.url
FROM claims AS c
JOIN documents AS d ON d.doc_id = c.doc_id
LEFT JOIN extractions_current AS x
    ON x.doc_id = c.doc_id AND x.extractor_version = c.extractor_version;
"""


def claims_current_sql(
    dialect: str, fields: tuple[str, ...] = CORRECTED_FIELDS_4, admin1: bool = False
) -> str:
    """CREATE VIEW claims_current, applying the corrections' `fields` (see the module doc);
    `admin1` (migration 6) passes claims_flat's `place_admin1` through."""
    fixed = "k.verdict = 'corrected'"

    def pick(col: str, field: str | None = None, empty_clears: bool = False) -> str:
        field = field or col
        if field not in fields:
            return f"f.{col}"
        new = f"NULLIF(k.{field}, '')" if empty_clears else f"k.{field}"
        return f"CASE WHEN {fixed} AND k.{field} IS NOT NULL THEN {new} ELSE f.{col} END"

    qualifier = (
        f"CASE WHEN {fixed} AND k.value IS NOT NULL THEN 'exact' ELSE f.qualifier END"
        if "value" in fields
        else "f.qualifier"
    )
    if "qualifier" in fields:  # the reviewer's qualifier wins over the 'exact' of a new value
        qualifier = f"CASE WHEN {fixed} AND k.qualifier IS NOT NULL THEN k.qualifier ELSE {qualifier} END"
    review = (
        f"CASE WHEN {fixed} THEN 'corrected' WHEN k.verdict = 'correct' THEN 'reviewed' END"
    )
    plain = [
        "doc_id", "claim_id", "extractor_version", "kind", "population_class", "unit", "parent",
        "relation", "text", "place", "place_name", "place_country", "place_lat", "place_lon",
        "event_date", "event_date_text", "sentence", "span_start", "span_end", "rule",
        "document_title", "publisher", "published", "url",
    ]  # fmt: skip
    if admin1:
        plain.insert(plain.index("place_country") + 1, "place_admin1")
    corrected = {  # view column -> correction field, for the fields of later migrations
        "population_class": "population_class", "place_name": "place", "event_date": "event_date",
    }  # fmt: skip
    cols = [
        f"{pick(c, corrected[c])} AS {c}" if corrected.get(c) in fields else f"f.{c}"
        for c in plain
    ] + [
        f"{pick('category')} AS category",
        f"{pick('population', empty_clears=True)} AS population",
        f"{pick('value')} AS value",
        f"{pick('low', 'value')} AS low",
        f"{pick('high', 'value')} AS high",
        f"{qualifier} AS qualifier",
        f"{pick('source', empty_clears=True)} AS source",
        f"{review} AS review",
        "k.correction_id", "k.reviewer", "k.reason",
    ]  # fmt: skip
    del dialect  # the same SQL on both; the argument keeps the call sites uniform
    return f"""
CREATE VIEW claims_current AS
SELECT {", ".join(cols)}
FROM claims_flat AS f
LEFT JOIN corrections AS k
    ON k.doc_id = f.doc_id AND k.claim_id = f.claim_id
    AND k.correction_id = (
        SELECT MAX(m.correction_id) FROM corrections AS m
        WHERE m.doc_id = f.doc_id AND m.claim_id = f.claim_id
    )
WHERE f.is_current = 1 AND (k.verdict IS NULL OR k.verdict <> 'wrong');
"""


def views_sql(dialect: str) -> str:
    """The three views of migration 4 for one dialect ("sqlite" or "postgresql")."""
    return _extractions_current(dialect) + _claims_flat(dialect) + claims_current_sql(dialect)


def within_views_sql(dialect: str) -> str:
    """Migration 6: claims_flat and claims_current again, with the enclosing division's
    country and admin1 for places the gazetteer lacks (`place_within`, extractor 0.1.2)."""
    return ("DROP VIEW claims_current;\nDROP VIEW claims_flat;\n"
            + _claims_flat(dialect, within=True)
            + claims_current_sql(dialect, CORRECTED_FIELDS_5, admin1=True))  # fmt: skip
