"""`tollbook load`: the Spark job's Parquet output folder -> one transaction into --db.

Registered on the `tollbook` group at the end of cli.py. Prints one summary row.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tollbook.cli.options import db_option, format_option, handle_errors
from tollbook.output.render import write_rows
from tollbook.store.bulkload import load_parquet, spark_output
from tollbook.store.database import Store


@click.command(name="load")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--tallies",
    "tallies_dir",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Tallies Parquet (default: PATH/tallies when present, else computed from the claims).",
)
@click.option(
    "--documents",
    "documents_dir",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Documents Parquet (default: PATH/documents when present).",
)
@db_option
@format_option
@handle_errors
def load(
    path: Path, tallies_dir: Path | None, documents_dir: Path | None, db: str, fmt: str
) -> None:
    """Bulk-load Parquet claims (PATH/claims, or PATH itself) written by the Spark job."""
    claims, found_tallies, found_documents = spark_output(path)
    with Store.open(db) as store:
        result = load_parquet(
            store, claims, tallies_dir or found_tallies, documents_dir or found_documents
        )
        where = store.location
    row = {
        "claims": result.claims, "documents": result.documents,
        "new_documents": result.new_documents, "tallies": result.tallies,
        "extractions": result.extractions, "seconds": round(result.seconds, 3),
    }  # fmt: skip
    write_rows([row], fmt, sys.stdout)
    rate = result.claims / result.seconds if result.seconds > 0 else 0.0
    click.echo(
        f"loaded {result.claims} claim(s) of {result.extractions} extraction(s) into {where} "
        f"in {result.seconds:.1f} s ({rate:,.0f} claims/s)",
        err=True,
    )
