"""Command line for events: `tollbook events`, `tollbook event ID`, `tollbook compare A B`.

Thin click commands over `tollbook.api.events/event/compare`; rows go through
`tollbook.output.render.write_rows` with the shared `--format` option. Registered by `tollbook.cli.main`.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from tollbook import api
from tollbook.cli.options import db_option, format_option, handle_errors
from tollbook.events.compare import comparison_rows
from tollbook.events.reconcile import EventFindings
from tollbook.output.events_json import (
    event_findings_to_dict,
    finding_to_dict,
    reason_to_dict,
    report_to_dict,
)
from tollbook.output.render import render_table, write_rows

FINDING_COLUMNS = (
    "event_id", "place", "event_date", "category", "unit", "status", "low", "best", "high",
    "independent_origins", "reports", "documents", "flags",
)  # fmt: skip
SERIES_COLUMNS = (
    "category", "unit", "finding", "published", "doc_id", "speaker", "origin", "best", "low",
    "high", "status", "note",
)  # fmt: skip
COMPARE_COLUMNS = ("status", "category", "population", "detail", "a_value", "b_value", "changes")


def finding_rows(
    events: tuple[EventFindings, ...], category: str | None = None
) -> list[dict[str, Any]]:
    """One row per finding (event x category x unit), optionally of one category."""
    return [
        finding_to_dict(f, ef.event)
        for ef in events
        for f in ef.findings
        if category is None or f.category == category
    ]


def series_rows(ef: EventFindings) -> list[dict[str, Any]]:
    """One row per report of every finding of an event: who said what, when, with status."""
    rows = []
    for f in ef.findings:
        for r in f.reports:
            d = report_to_dict(r)
            rows.append({
                "event_id": f.event_id, "category": f.category, "unit": f.unit, "finding": f.status,
                "published": d["published"] + (" (inferred)" if r.published_inferred else "")
                if d["published"] else None,
                "doc_id": r.doc_id, "speaker": r.speaker, "origin": r.origin.label,
                "best": d["best"], "low": d["low"], "high": d["high"], "status": r.status,
                "note": r.note,
            })  # fmt: skip
    return rows


@click.command(name="events")
@click.option("--category", default=None, help="Only findings of this category.")
@db_option
@format_option
@handle_errors
def events_command(category: str | None, db: str, fmt: str) -> None:
    """Group stored claims into events; print one finding per event and category."""
    with api.open_existing(db) as store:
        rows = finding_rows(api.events(store), category)
    write_rows(rows, fmt, sys.stdout, FINDING_COLUMNS if fmt == "table" else None)


@click.command(name="event")
@click.argument("event_id")
@db_option
@format_option
@handle_errors
def event_command(event_id: str, db: str, fmt: str) -> None:
    """Show one event (EVENT_ID may be a prefix): findings, every source's figures over
    time, consistency checks and the grouping decisions."""
    with api.open_existing(db) as store:
        ef = api.event(store, event_id)
    if fmt in ("jsonl", "json"):
        write_rows([event_findings_to_dict(ef)], fmt, sys.stdout)
        return
    if fmt == "csv":
        write_rows(series_rows(ef), fmt, sys.stdout, SERIES_COLUMNS)
        return
    e = ef.event
    out = sys.stdout
    out.write(
        f"event {e.event_id}: {e.place.name if e.place else '?'}, {e.date.iso if e.date else '?'}"
    )
    out.write(f" ({len(e.doc_ids)} documents; named: {', '.join(e.names) or '-'})\n\n")
    out.write(render_table(finding_rows((ef,)), FINDING_COLUMNS[3:]) + "\n")
    out.write(render_table(series_rows(ef), SERIES_COLUMNS, max_width=60) + "\n")
    checks = [{"category": f.category, "check": c.name, "ok": c.ok, "message": c.message}
              for f in ef.findings for c in f.checks]  # fmt: skip
    if checks:
        out.write(render_table(checks, ("category", "check", "ok", "message"), max_width=90) + "\n")
    grouping = [reason_to_dict(r) for r in e.reasons]
    if grouping:
        out.write(render_table(grouping, ("a", "b", "decision", "score", "reasons"), max_width=90))


@click.command(name="compare")
@click.argument("doc_a")
@click.argument("doc_b")
@click.option(
    "--kind", type=click.Choice(["count", "area", "all"]), default="count", show_default=True,
    help="Which claims to compare: counts of people (default), areas, or all.",
)  # fmt: skip
@db_option
@format_option
@handle_errors
def compare_command(doc_a: str, doc_b: str, kind: str, db: str, fmt: str) -> None:
    """Claims added, removed, changed and unchanged from stored document DOC_A to DOC_B."""
    kinds = ("count", "area") if kind == "all" else (kind,)
    with api.open_existing(db) as store:
        cmp = api.compare(store, doc_a, doc_b, kinds=kinds)
    write_rows(comparison_rows(cmp), fmt, sys.stdout, COMPARE_COLUMNS if fmt == "table" else None)
