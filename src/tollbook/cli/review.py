"""Command line for reviewers: `tollbook review list [DOC]`, `tollbook review add DOC CLAIM ...`.

Thin click commands over `tollbook.api.corrections/add_correction`: the same corrections the
web app stores, listed and added from the shell. Rows go through `write_rows` with the shared
`--format` option. Registered by `tollbook.cli.main`.
"""

from __future__ import annotations

import sys

import click

from tollbook import api
from tollbook.cli.options import db_option, format_option, handle_errors
from tollbook.model import CATEGORIES, POPULATION_CLASSES, QUALIFIERS, VERDICTS, Correction
from tollbook.output.render import write_rows
from tollbook.output.serialize import correction_to_dict

REVIEW_COLUMNS = (
    "correction_id", "doc_id", "claim_id", "verdict", "reviewer", "value", "qualifier",
    "category", "population", "place", "event_date", "source", "reason",
)  # fmt: skip


@click.group(name="review")
def review_group() -> None:
    """List and add reviewers' corrections of stored claims (as the web app's review form does)."""


@review_group.command(name="list")
@click.argument("doc_id", required=False)
@click.option("--claim", "claim_id", default=None, help="Only the corrections of this claim id.")
@db_option
@format_option
@handle_errors
def review_list(doc_id: str | None, claim_id: str | None, db: str, fmt: str) -> None:
    """Print every correction, oldest first, or those of document DOC_ID (a prefix will do)."""
    with api.open_existing(db) as store:
        rows = [correction_to_dict(c) for c in api.corrections(store, doc_id, claim_id)]
    write_rows(rows, fmt, sys.stdout, REVIEW_COLUMNS if fmt == "table" else None)


@review_group.command(name="add")
@click.argument("doc_id")
@click.argument("claim_id")
@click.option("--verdict", type=click.Choice(VERDICTS), required=True,
              help="correct, wrong (not a claim at all) or corrected (give the new fields).")
@click.option("--reviewer", required=True, help="Who reviewed it (kept with the correction).")
@click.option("--reason", default="", help="Why, in a sentence (kept with the correction).")
@click.option("--value", type=click.FloatRange(min=0), default=None, help="The corrected figure.")
@click.option("--qualifier", type=click.Choice(QUALIFIERS), default=None,
              help="The corrected qualifier (a corrected --value alone is exact).")
@click.option("--category", type=click.Choice(tuple(CATEGORIES)), default=None, help="The corrected category.")
@click.option("--population", default=None, help="The corrected population; it takes its class (villagers: civilian).")
@click.option("--population-class", type=click.Choice(POPULATION_CLASSES), default=None,
              help="The corrected population class, when the population's own is wrong.")
@click.option("--source", default=None, help="Who the claim is from (the speaker).")
@click.option("--place", default=None, help="The corrected place name (looked up in the gazetteer).")
@click.option("--event-date", default=None, help="The corrected event date: 2023-05-01, 2023-05, 2023 or a/b.")
@click.option("--detail", default=None, help="The corrected detail (what the figure says more).")
@db_option
@format_option
@handle_errors
def review_add(doc_id: str, claim_id: str, verdict: str, reviewer: str, reason: str, value: float | None,
               qualifier: str | None, category: str | None, population: str | None,
               population_class: str | None, source: str | None, place: str | None,
               event_date: str | None, detail: str | None, db: str, fmt: str) -> None:  # fmt: skip
    """Store a reviewer's judgement of claim CLAIM_ID of document DOC_ID beside the claim (never
    over it); `show`, `export`, `events` and the web app apply the newest one."""
    correction = Correction(
        doc_id=doc_id, claim_id=claim_id, verdict=verdict, reviewer=reviewer, reason=reason,
        value=value, category=category, population=population, source=source, place=place,
        event_date=event_date, qualifier=qualifier, detail=detail, population_class=population_class,
    )  # fmt: skip
    with api.open_existing(db) as store:
        saved = api.add_correction(store, correction)
    write_rows([correction_to_dict(saved)], fmt, sys.stdout, REVIEW_COLUMNS if fmt == "table" else None)
