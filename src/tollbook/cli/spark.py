"""`tollbook spark`: JSONL/Parquet/WARC at any Spark path -> Parquet claims, tallies, documents.

Registered on the `tollbook` group at the end of cli.py; also the entry point of
`python -m tollbook.run.spark` and `spark-submit .../tollbook/spark.py` (same options). PySpark is
imported only when the command runs, so the rest of the CLI works without it. Prints one
summary row through `tollbook.output.render`; failures go to stderr, one line each (the first 20;
all are in OUTPUT/failures), and make the exit status 1.
"""

from __future__ import annotations

import sys

import click

from tollbook._exceptions import ConfigError
from tollbook.cli.options import format_option, handle_errors
from tollbook.ingest.documents import IngestOptions
from tollbook.output.render import write_rows
from tollbook.pipeline import Settings


@click.command(name="spark")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True,
              help="Output folder (any Spark path: local, hdfs://, s3a://, ...); gets claims/, "
                   "tallies/, documents/ and failures/ as Parquet.")  # fmt: skip
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "parquet", "warc"]),
    default=None,
    help="Input format (default: from the paths' extension).",
)
@click.option(
    "--text-field", default="text", show_default=True, help="Column/key holding the text."
)
@click.option("--id-field", default=None, help="Column/key used as doc_id.")
@click.option("--date-field", default=None, help="Column/key holding the publication date.")
@click.option("--no-gazetteer", is_flag=True, help="Do not resolve places against the gazetteer.")
@click.option(
    "--master",
    default=None,
    help="Spark master URL (local[4], yarn, k8s://...); default: spark-submit's, else local[*].",
)
@click.option(
    "--partitions",
    type=click.IntRange(min=1),
    default=None,
    help="Repartition the input into this many tasks (default: Spark's split).",
)
@click.option("--overwrite", is_flag=True, help="Replace an existing --output folder.")
@format_option
@handle_errors
def spark_command(inputs: tuple[str, ...], output: str, input_format: str | None, text_field: str,
                  id_field: str | None, date_field: str | None, no_gazetteer: bool,
                  master: str | None, partitions: int | None, overwrite: bool, fmt: str) -> None:  # fmt: skip
    """Extract claims from INPUTS on Spark (local or a cluster) into Parquet under --output."""
    try:
        from tollbook.run import spark
    except ImportError as exc:
        raise ConfigError(
            f"tollbook spark needs PySpark ({exc}); install it with pip install 'tollbook[spark]'"
        ) from exc
    options = IngestOptions(text_field=text_field, id_field=id_field, date_field=date_field)
    session = spark.session(master)
    counts = spark.run(session, list(inputs), output, input_format=input_format, options=options,
                       settings=Settings(gazetteer=not no_gazetteer), partitions=partitions,
                       mode="overwrite" if overwrite else "errorifexists")  # fmt: skip
    write_rows([spark.summary(counts, output)], fmt, sys.stdout)
    for source, message in counts.shown_failures:
        click.echo(f"error: {source}: {message}", err=True)
    if counts.failures:
        click.echo(f"{counts.failures} input(s) failed (all listed in {output}/failures); "
                   "the others were written.", err=True)  # fmt: skip
        sys.exit(1)


def main() -> None:
    spark_command()
