"""Command line: thin click commands over `tollbook.api`.

Every command prints rows through `tollbook.output.render` with the same `--format` option (JSON
lines by default); logs and progress go to stderr so stdout stays machine-readable.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import click

from tollbook import api
from tollbook._exceptions import ConfigError
from tollbook.cli.events import compare_command, event_command, events_command
from tollbook.cli.load import load
from tollbook.cli.options import (
    db_option,
    failure_line,
    format_option,
    handle_errors,
    ingest_options,
    input_options,
    jobs_option,
    progress_option,
    skipped_rows,
    start_progress,
)
from tollbook.cli.progress import Progress
from tollbook.cli.review import review_group
from tollbook.cli.spark import spark_command  # imports PySpark only when run
from tollbook.cli.web import serve
from tollbook.evaluation.scoring import write_jsonl
from tollbook.ingest.documents import IngestFailure, IngestOptions
from tollbook.model import Document, Extraction
from tollbook.output import exports
from tollbook.output.flat import (
    DOCUMENT_FLAT_SCHEMA,
    FLAT_CLAIM_SCHEMA,
    TALLY_FLAT_SCHEMA,
    flat_claim,
    write_parquet,
)
from tollbook.output.render import (
    CLAIM_TABLE_COLUMNS,
    FORMATS,
    TALLY_COLUMNS,
    tally_rows,
    write_rows,
)
from tollbook.output.serialize import claim_to_dict, document_to_dict, tally_to_dict
from tollbook.pipeline import Settings
from tollbook.store.backends import redact
from tollbook.store.database import Store
from tollbook.version import EXTRACTOR_VERSION, __version__


def _lazy(name: str) -> ModuleType:
    """The module `name`, executed on first attribute access: `--help` must not load the
    format readers or the evaluation data (tests/test_speed_guards.py checks it)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from tollbook.evaluation import runner as evaluation
else:
    evaluation = _lazy("tollbook.evaluation.runner")

#: `export --format acled|ucdp`: events -> (rows, columns) in those datasets' layouts.
EVENT_EXPORTS: dict[str, Callable[[Any], tuple[list[dict[str, Any]], tuple[str, ...]]]] = {
    "acled": lambda evs: (exports.acled_rows(evs), exports.ACLED_COLUMNS),
    "ucdp": lambda evs: (exports.ucdp_rows(evs), exports.UCDP_COLUMNS),
}
class _Failures:
    """Collects failures, reports each on stderr as it happens, and summarises at the end."""

    def __init__(self) -> None:
        self.items: list[IngestFailure] = []

    def filter(self, results: Iterable[Extraction | IngestFailure]) -> Iterator[Extraction]:
        for r in results:
            if isinstance(r, IngestFailure):
                self.items.append(r)
                _echo_failures([r])
            else:
                yield r

    def finish(self) -> None:
        if self.items:
            rows = skipped_rows(self.items)
            among = f", {rows} of them table rows (skipped)" if rows else ""
            click.echo(f"{len(self.items)} input(s) failed{among}; see the errors above.", err=True)
            sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tollbook")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """tollbook: who claims how many were killed, wounded, taken hostage, went missing or
    were displaced, with the exact words each figure came from."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _over_documents(name: str, summary: str,
                    write: Callable[[Iterator[Extraction], str], None]) -> click.Command:  # fmt: skip
    """The command NAME (`extract`, `tally`): read PATHS, run the pipeline on each document and
    print what `write` takes from the extractions in --format; an input that fails is reported
    on stderr as it comes and the command exits 1 at the end. `summary` is its help text."""

    @click.argument("paths", nargs=-1, required=True)
    @input_options
    @jobs_option
    @progress_option
    @format_option
    @handle_errors
    def run(paths: tuple[str, ...], text_field: str, id_field: str | None, date_field: str | None,
            input_format: str | None, no_gazetteer: bool, jobs: int, progress_every: float,
            fmt: str) -> None:  # fmt: skip
        failures = _Failures()
        options = ingest_options(text_field, id_field, date_field, input_format)
        write(_extractions(failures, paths, options, no_gazetteer, name, jobs, progress_every), fmt)
        failures.finish()

    return cli.command(name, help=summary)(run)


def _extractions(failures: _Failures, paths: tuple[str, ...], options: IngestOptions, no_gazetteer: bool,
                 label: str, jobs: int, progress_every: float) -> Iterator[Extraction]:  # fmt: skip
    """Read PATHS and run the pipeline; failures are reported on stderr as they come."""
    docs = api.read(paths, options)
    settings = Settings(gazetteer=not no_gazetteer)
    tracker = start_progress(label, paths, options, progress_every)
    # claims and tallies only: the pool need not send segments back
    return failures.filter(tracker.track(api.extract(docs, settings, jobs=jobs, segments=False)))


def _write_claims(rows: Iterable[dict[str, Any]], fmt: str) -> None:
    """Claims in FMT: the table's few columns, or for CSV one scalar per cell (output.flat)."""
    if fmt == "csv":
        write_rows((flat_claim(r) for r in rows), fmt, sys.stdout, [n for n, _ in FLAT_CLAIM_SCHEMA])
    else:
        write_rows(rows, fmt, sys.stdout, CLAIM_TABLE_COLUMNS if fmt == "table" else None)


def _write_tallies(tallies: Iterable[dict[str, Any]], fmt: str) -> None:
    if fmt in ("csv", "table"):
        write_rows((row for t in tallies for row in tally_rows(t)), fmt, sys.stdout, TALLY_COLUMNS)
    else:
        write_rows(tallies, fmt, sys.stdout)


extract = _over_documents(
    "extract", "Print every claim found in PATHS (files, directories, or - for stdin).",
    lambda results, fmt: _write_claims((claim_to_dict(c) for r in results for c in r.claims), fmt),
)
tally = _over_documents(
    "tally", "Print one tally per document of PATHS: per category best, low, high and the split.",
    lambda results, fmt: _write_tallies((tally_to_dict(r.tally) for r in results), fmt),
)


def _store_all(db: str, docs: Iterable[Document | IngestFailure], settings: Settings,
               jobs: int = 1, tracker: Progress | None = None) -> api.IngestReport:  # fmt: skip
    """Extract and store DOCS in DB, keeping the extractions for display."""
    with contextlib.ExitStack() as stack:
        if tracker is not None:  # entered first: the bar is closed even if the store fails
            stack.enter_context(tracker)
        store = stack.enter_context(Store.open(db))
        each = tracker.update if tracker is not None else None
        return api.ingest(store, docs, settings, keep=True, jobs=jobs, each=each)


def _echo_failures(failures: Iterable[IngestFailure]) -> None:
    for failure in failures:
        click.echo(f"error: {failure_line(failure)}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@jobs_option
@progress_option
@db_option
@format_option
@handle_errors
def ingest(paths: tuple[str, ...], text_field: str, id_field: str | None, date_field: str | None,
           input_format: str | None, no_gazetteer: bool, jobs: int, progress_every: float, db: str,
           fmt: str) -> None:  # fmt: skip
    """Store PATHS' documents and everything extracted from them in the database."""
    options = ingest_options(text_field, id_field, date_field, input_format)
    tracker = start_progress("ingest", paths, options, progress_every)
    _ingest(db, api.read(paths, options), Settings(gazetteer=not no_gazetteer), fmt, jobs, tracker)


def _ingest(db: str, docs: Iterable[Document | IngestFailure], settings: Settings, fmt: str,
            jobs: int = 1, tracker: Progress | None = None) -> None:  # fmt: skip
    report = _store_all(db, docs, settings, jobs, tracker)
    rows = [
        {"doc_id": e.document.doc_id, "name": e.document.name or e.document.title, "claims": len(e.claims),
         "extractor_version": e.extractor_version}
        for e in report.extractions
    ]  # fmt: skip
    write_rows(rows, fmt, sys.stdout)
    skipped = skipped_rows(report.failures)
    click.echo(
        f"ingested {report.documents} document(s) ({report.new_documents} new), "
        f"{report.claims} claim(s) into {db}" + (f"; {skipped} table row(s) skipped" if skipped else ""),
        err=True,
    )
    _echo_failures(report.failures)
    if report.failures:
        click.echo(f"{len(report.failures)} input(s) failed; the others were stored.", err=True)
        sys.exit(1)


@cli.command()
@click.argument("doc_id", required=False)
@click.option("--tally", "show_tally", is_flag=True, help="Show the document's tally instead of its claims.")
@click.option("--text", "show_text", is_flag=True, help="Print the document's text.")
@click.option("--raw", is_flag=True, help="The extraction as stored, without reviewers' corrections.")
@db_option
@format_option
@handle_errors
def show(doc_id: str | None, show_tally: bool, show_text: bool, raw: bool, db: str, fmt: str) -> None:
    """List stored documents, or show one document's claims (DOC_ID may be a prefix), with
    reviewers' corrections applied as `export`, `events` and the web app apply them (--raw: without)."""
    with api.open_existing(db) as store:
        if doc_id is None:
            counts: dict[str, int] = {}
            for c in store.claims() if raw else api.reviewed_claims(store):
                counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
            rows = [{**document_to_dict(d, with_text=False), "claims": counts.get(d.doc_id, 0)} for d in store.documents()]
            cols = ("doc_id", "name", "published", "publisher", "format", "claims") if fmt == "table" else None
            write_rows(rows, fmt, sys.stdout, cols)
            return
        doc = store.document(doc_id)
        if show_text:
            click.echo(doc.text)
        elif show_tally:
            t = store.tally(doc.doc_id) if raw else api.reviewed_tally(store, doc.doc_id)
            _write_tallies([tally_to_dict(t)], fmt)
        else:
            claims = store.claims(doc.doc_id) if raw else api.reviewed_claims(store, doc.doc_id)
            _write_claims([claim_to_dict(c) for c in claims], fmt)


@cli.command()
@click.option("--what", type=click.Choice(["claims", "tallies", "documents"]), default="claims",
              show_default=True, help="Which records to export.")  # fmt: skip
@click.option("--category", default=None, help="Only claims of this category.")
@db_option
@click.option("--table", "fmt", flag_value="table", help="Shorthand for --format table.")
@click.option("--csv", "fmt", flag_value="csv", help="Shorthand for --format csv.")
@click.option("--json", "fmt", flag_value="json", help="Shorthand for --format json.")
@click.option("--format", "fmt", type=click.Choice((*FORMATS, "parquet", *EVENT_EXPORTS)), default="jsonl",
              show_default=True,
              help="Output format; parquet: typed flat columns (needs pyarrow: pip install "
                   "'tollbook[parquet]'); acled|ucdp: one CSV row per event in that dataset's columns.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout (parquet: required unless stdout is redirected).")  # fmt: skip
@handle_errors
def export(what: str, category: str | None, db: str, fmt: str, output: str | None) -> None:
    """Export every stored claim, tally or document (the newest extractor version of each),
    with reviewers' corrections applied; or events as ACLED/UCDP rows (--format acled|ucdp)."""
    if fmt == "parquet":
        _export_parquet(what, category, db, output)
        return
    if output is not None:
        with open(output, "w", encoding="utf-8", newline="") as fh, contextlib.redirect_stdout(fh):
            _export(what, category, db, fmt)
    else:
        _export(what, category, db, fmt)


def _export(what: str, category: str | None, db: str, fmt: str) -> None:
    with api.open_existing(db) as store:
        if fmt in EVENT_EXPORTS:
            rows, cols = EVENT_EXPORTS[fmt](api.events(store))
            write_rows(rows, "csv", sys.stdout, cols)
        elif what == "claims":
            _write_claims((claim_to_dict(c) for c in api.reviewed_claims(store, category=category)), fmt)
        elif what == "tallies":
            _write_tallies([tally_to_dict(t) for t in api.reviewed_tallies(store)], fmt)
        else:
            write_rows((document_to_dict(d) for d in store.documents()), fmt, sys.stdout)


def _export_parquet(what: str, category: str | None, db: str, output: str | None) -> None:
    """One Parquet file of flat, typed rows (output.flat) at OUTPUT or on a redirected stdout."""
    if output is None and sys.stdout.isatty():
        raise ConfigError("Parquet is binary: give --output FILE.parquet or redirect stdout to a file")
    with api.open_existing(db) as store:
        if what == "claims":
            rows = [flat_claim(claim_to_dict(c)) for c in api.reviewed_claims(store, category=category)]
            schema = FLAT_CLAIM_SCHEMA
        elif what == "tallies":
            rows = [row for t in api.reviewed_tallies(store) for row in tally_rows(tally_to_dict(t))]
            schema = TALLY_FLAT_SCHEMA
        else:
            rows = [document_to_dict(d) for d in store.documents()]
            schema = DOCUMENT_FLAT_SCHEMA
    if output is None:
        n = write_parquet(rows, schema, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with open(output, "wb") as fh:
            n = write_parquet(rows, schema, fh)
    click.echo(f"{n} {what} row(s) written as Parquet", err=True)


@cli.command()
@db_option
@click.option("--no-gazetteer", is_flag=True, help="Do not resolve places against the gazetteer.")
@handle_errors
def demo(db: str, no_gazetteer: bool) -> None:
    """Ingest the bundled demo corpus into --db, then print its tallies and claims as tables."""
    paths = api.demo_paths()
    click.echo(f"tollbook {__version__} (extractor {EXTRACTOR_VERSION}): demo corpus of {len(paths)} files -> {db}", err=True)
    report = _store_all(db, api.read(paths), Settings(gazetteer=not no_gazetteer))
    _echo_failures(report.failures)
    click.echo("\n== Tallies (per document and category) ==")
    _write_tallies([tally_to_dict(e.tally) for e in report.extractions], "table")
    click.echo("\n== Claims ==")
    rows = [claim_to_dict(c) for e in report.extractions for c in e.claims]
    write_rows(rows, "table", sys.stdout, ("doc_id", "category", "population", "value", "qualifier", "place",
                                            "event_date", "source", "text"))  # fmt: skip
    shown = redact(db) if "://" in db else os.path.abspath(db)  # URLs: never print a password
    click.echo(f"\n{report.documents} documents, {report.claims} claims stored in {shown}")
    shown = redact(db)
    click.echo("Next: tollbook show --db " + shown + " --table   |   tollbook export --db " + shown + " --format csv")
    if report.failures:
        sys.exit(1)


@cli.command(name="eval")
@click.argument("dataset", type=click.Choice(["acled", "idetect", "numbers", "ranges", "gold", "labelled"]))
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--docs", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="For `gold`: the folder holding the documents the gold file names.")
@click.option("--label", "labels", multiple=True, metavar="CATEGORY=FIELD",
              help="For `labelled`: score CATEGORY (killed, wounded, hostage...) against the file's FIELD; "
                   "repeatable, e.g. --label killed=nkill --label wounded=nwound.")
@click.option("--where", "where", multiple=True, metavar="FIELD==VALUE",
              help="For `labelled`: keep only rows where FIELD compares so to VALUE (== != > >= < <=); "
                   "repeatable, all must hold, e.g. --where dup_text==1 --where stripped==false.")
@click.option("--text-field", default="text", show_default=True, help="For `labelled`: the field holding the text.")
@click.option("--id-field", default="id", show_default=True,
              help="For `labelled`: the field holding the row's id (it decides the row's read/check half).")
@click.option("--strip-bookkeeping", is_flag=True,
              help="For `labelled`: first remove ACLED coders' sentences that state the label (\"3 fatalities.\").")
@click.option("--series-shares", is_flag=True,
              help="For `labelled`: the file codes one row per incident of a series and divides a figure stated "
                   "across the series evenly (GTD): 'one of two related attacks ... seven killed across both "
                   "attacks' scores 4.")
@click.option("--misses-half", type=click.Choice(["read", "check", "both"]), default="read", show_default=True,
              help="For `labelled`: which half's misses to write (read misses only from the read half).")
@click.option("--misses", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every miss (text, gold, prediction, claims, rule) here as JSON lines.")
@click.option("--no-gazetteer", is_flag=True, help="Do not resolve places against the gazetteer.")
@format_option
@handle_errors
def eval_command(dataset: str, path: Path, docs: Path | None, labels: tuple[str, ...], where: tuple[str, ...],
                 text_field: str, id_field: str, strip_bookkeeping: bool, series_shares: bool, misses_half: str,
                 misses: Path | None,
                 no_gazetteer: bool, fmt: str) -> None:  # fmt: skip
    """Score extraction against others' labels in PATH: exact and within-10% accuracy.

    `labelled` takes any JSONL or CSV file with --label CATEGORY=FIELD, scored on all rows, rows
    with gold > 0 and rows whose gold is written in the text, for the read half, the check half
    (a stable hash of each row's id) and both."""
    settings = Settings(gazetteer=not no_gazetteer)
    if dataset == "labelled":
        rows, wrong = evaluation.run_labelled(path, labels, where=where, text_field=text_field, id_field=id_field,
                                              strip_bookkeeping=strip_bookkeeping, misses_half=misses_half,
                                              series_shares=series_shares,
                                              settings=settings)  # fmt: skip
    else:
        rows, wrong = evaluation.run(dataset, path, docs=docs, settings=settings)
    write_rows(rows, fmt, sys.stdout)
    if misses is not None:
        write_jsonl(wrong, misses)
        click.echo(f"{len(wrong)} misses written to {misses}", err=True)


cli.add_command(serve)
cli.add_command(load)
cli.add_command(events_command)
cli.add_command(event_command)
cli.add_command(compare_command)
cli.add_command(spark_command)
cli.add_command(review_group)


def main() -> None:
    cli()


COMMANDS: dict[str, click.Command] = dict(cli.commands)  # for the documentation test
