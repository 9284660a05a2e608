"""Bounded reads for paged views: a Store + ids, offsets or a text window -> document heads
(no text), one part of a text, the claims starting in it, character counts, and a fingerprint
of the store's state. The web pages read the store only through these and `Store`'s methods,
so the SQL stays in store/.

Heads never carry a document's text (a store may hold a 50 MB document) nor the path of an
ingested file (it says where the server's files are). Characters are counted only when asked:
SQLite's length() of a text loads all of it (73 ms and 20 MB for a 20 MB document).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tollbook.model import Claim
from tollbook.output.serialize import claim_from_dict
from tollbook.store.database import Store

__all__ = ["claims_in_window", "count_chars", "heads_by_id", "newest_heads", "state_fingerprint",
           "text_part"]  # fmt: skip

_HEAD = ("doc_id, content_hash, name, url, title, publisher, aggregator, published, language, "
         "format")  # fmt: skip


def _heads(store: Store, where: str, params: Sequence[Any], tail: str) -> list[dict[str, Any]]:
    return store.backend.query(f"SELECT {_HEAD} FROM documents {where} {tail}", params)


def newest_heads(store: Store, offset: int, count: int) -> list[dict[str, Any]]:
    """Head rows of `count` documents from `offset`, newest ingested first."""
    return _heads(store, "", (count, offset),
                  "ORDER BY ingested_at DESC, doc_id DESC LIMIT ? OFFSET ?")  # fmt: skip


def heads_by_id(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Head rows of the documents `ids`, in the order given (a search's: best first)."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = {r["doc_id"]: r for r in _heads(store, f"WHERE doc_id IN ({marks})", ids, "")}
    return [rows[i] for i in ids if i in rows]


def count_chars(store: Store, ids: Sequence[str]) -> dict[str, int]:
    """Each document's length in characters."""
    marks = ", ".join("?" for _ in ids)
    return {r["doc_id"]: int(r["chars"] or 0) for r in store.backend.query(
        f"SELECT doc_id, length(text) AS chars FROM documents WHERE doc_id IN ({marks})", ids)}  # fmt: skip


def text_part(store: Store, doc_id: str, start: int, window: int) -> dict[str, Any]:
    """A document's head row with its length (`chars`) and text[start:start + window]
    (`part_text`): only that part of the text is read from the store."""
    return store.backend.query(
        f"SELECT {_HEAD}, length(text) AS chars, substr(text, ?, ?) AS part_text FROM documents"
        " WHERE doc_id = ?",
        (start + 1, window, doc_id),
    )[0]


def claims_in_window(store: Store, doc_id: str, version: str, start: int,
                     end: int) -> tuple[tuple[Claim, ...], int]:  # fmt: skip
    """The claims of one extraction that start in [start, end), in text order, and how many
    claims the extraction holds in all."""
    where = "FROM claims WHERE doc_id = ? AND extractor_version = ?"
    key = (doc_id, version)
    rows = store.backend.query(
        f"SELECT data {where} AND span_start >= ? AND span_start < ? ORDER BY span_start, claim_id",
        (*key, start, end),
    )
    total = int(store.backend.query(f"SELECT COUNT(*) AS n {where}", key)[0]["n"])
    return tuple(claim_from_dict(json.loads(r["data"])) for r in rows), total


def state_fingerprint(store: Store) -> tuple[Any, ...]:
    """What changes whenever a document, an extraction or a correction is added."""
    row = store.backend.query(
        "SELECT (SELECT COUNT(*) FROM documents) AS d, (SELECT MAX(ingested_at) FROM documents)"
        " AS di, (SELECT COUNT(*) FROM extractions) AS e, (SELECT COUNT(*) FROM corrections)"
        " AS c, (SELECT MAX(correction_id) FROM corrections) AS ci"
    )[0]
    return (store.location, *row.values())
