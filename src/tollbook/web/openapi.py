"""The JSON API's OpenAPI 3.0 description (served at /api/openapi.json), written by hand."""

from __future__ import annotations

from typing import Any

from tollbook.model import CATEGORIES, POPULATION_CLASSES, QUALIFIERS, VERDICTS
from tollbook.version import __version__

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["type", "message"],
            "properties": {
                "type": {"type": "string"},
                "message": {"type": "string"},
                "hint": {"type": "string"},
            },
        }
    },
}
_OBJECT = {"type": "object"}


_PAGE = {"type": "integer", "minimum": 1, "maximum": 10000}


def _errors(*statuses: int) -> dict[str, Any]:
    names = {400: "Bad request", 401: "Write token missing or wrong", 403: "Read-only or forbidden",
             404: "Not found", 405: "Method not allowed", 413: "Body too large",
             422: "Invalid input", 429: "Too many wrong write tokens from this address",
             500: "Server error", 503: "Stage not available, or the request's budget ran out"}  # fmt: skip
    return {
        str(s): {
            "description": names[s],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for s in statuses
    }


def _ok(description: str, status: int = 200) -> dict[str, Any]:
    return {
        str(status): {
            "description": description,
            "content": {"application/json": {"schema": _OBJECT}},
        }
    }


def _q(
    name: str, description: str, schema: dict[str, Any] | None = None, required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string"}}  # fmt: skip


def _p(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string"},
    }


_DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
_WRITE: list[dict[str, list[str]]] = [{"bearer": []}]


def openapi_document() -> dict[str, Any]:
    doc_id = _p("doc_id", "a document id or a unique prefix of at least 4 characters")
    claim_id = _p("claim_id", "a claim id of that document")
    return {
        "openapi": "3.0.3",
        "info": {"title": "tollbook", "version": __version__,
                 "description": "Source-attributed casualty claims: documents, claims, tallies, "
                                "reviewers' corrections, events and comparisons."},
        "paths": {
            "/api/documents": {"get": {
                "summary": "List or search documents (full text) with filters",
                "parameters": [
                    _q("q", "full-text search words"),
                    _q("category", "only documents with a claim of this category",
                       {"type": "string", "enum": list(CATEGORIES)}),
                    _q("place", "a claim's place contains this"),
                    _q("source", "a claim's source, the publisher or aggregator contains this"),
                    _q("date_from", "publication or event date on or after", _DATE),
                    _q("date_to", "publication or event date on or before", _DATE),
                    _q("limit", "at most this many", {"type": "integer", "minimum": 1, "maximum": 1000}),
                    _q("page", "page number (of `limit` documents)", _PAGE),
                ],
                "responses": {**_ok("documents with their ids, claim counts and tallies"), **_errors(422, 503)},
            }},
            "/api/documents/{doc_id}": {"get": {
                "summary": "A document: text, claims as reviewed, tally and corrections",
                "parameters": [doc_id, _q("part", "part of a long text (200,000 characters each)", _PAGE)],
                "responses": {**_ok("the document"), **_errors(404, 422, 503)},
            }},
            "/api/claims/{doc_id}/{claim_id}/corrections": {
                "get": {
                    "summary": "Corrections of a claim, oldest first",
                    "parameters": [doc_id, claim_id],
                    "responses": {**_ok("the corrections"), **_errors(404)},
                },
                "post": {
                    "summary": "Add a reviewer's correction (never overwrites the claim)",
                    "parameters": [doc_id, claim_id],
                    "security": _WRITE,
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {
                        "$ref": "#/components/schemas/CorrectionIn"}}}},
                    "responses": {**_ok("the stored correction", 201), **_errors(401, 403, 404, 413, 422, 429)},
                },
            },
            "/api/ingest": {"post": {
                "summary": "Ingest pasted text, a URL (JSON) or an uploaded file (multipart)",
                "security": _WRITE,
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/IngestIn"}},
                    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                        "file": {"type": "string", "format": "binary"}, "title": {"type": "string"},
                        "publisher": {"type": "string"}, "published": {"type": "string"}}}},
                }},
                "responses": {**_ok("stored documents and failures", 201), **_errors(401, 403, 413, 422, 429)},
            }},
            "/api/events": {"get": {
                "summary": "Events: claims about the same incident across documents",
                "parameters": [_q("page", "page number", _PAGE)],
                "responses": {**_ok("the events"), **_errors(422)},
            }},
            "/api/events/{event_id}": {"get": {
                "summary": "One event: per-source figures over time, findings, places",
                "parameters": [_p("event_id", "an event id from /api/events")],
                "responses": {**_ok("the event"), **_errors(404)},
            }},
            "/api/compare": {"get": {
                "summary": "Two documents' claims compared: added, removed, changed",
                "parameters": [_q("a", "first document id", required=True),
                               _q("b", "second document id", required=True)],
                "responses": {**_ok("the comparison"), **_errors(404, 422)},
            }},
            "/api/openapi.json": {"get": {
                "summary": "This description", "responses": _ok("OpenAPI 3.0 document"),
            }},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "the server's write token"}},
            "schemas": {
                "Error": _ERROR,
                "CorrectionIn": {
                    "type": "object", "required": ["verdict", "reviewer"],
                    "properties": {
                        "verdict": {"type": "string", "enum": list(VERDICTS)},
                        "reviewer": {"type": "string", "minLength": 1, "maxLength": 200},
                        "reason": {"type": "string", "maxLength": 2000},
                        "value": {"type": "number", "minimum": 0},
                        "category": {"type": "string", "enum": list(CATEGORIES)},
                        "population": {"type": "string", "maxLength": 100},
                        "source": {"type": "string", "maxLength": 300},
                        "qualifier": {"type": "string", "enum": list(QUALIFIERS)},
                        "population_class": {"type": "string", "enum": list(POPULATION_CLASSES)},
                        "place": {"type": "string", "maxLength": 200},
                        "event_date": {"type": "string", "maxLength": 40,
                                       "description": "YYYY-MM-DD, YYYY-MM, YYYY or start/end"},
                        "detail": {"type": "string", "maxLength": 300},
                    },
                },
                "IngestIn": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "description": "pasted text"},
                        "url": {"type": "string", "description": "an http(s) URL fetched by the server"},
                        "title": {"type": "string"}, "publisher": {"type": "string"},
                        "published": {"type": "string", "description": "ISO date"},
                    },
                },
            },
        },
    }  # fmt: skip
