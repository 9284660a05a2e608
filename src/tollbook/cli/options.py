"""Options and error handling every command shares: click decorators -> decorated commands.

The command modules (`main`, `events`, `load`, `spark`, `web`) import from here and never from
each other, so the CLI has no import cycle.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

from tollbook._exceptions import TollbookError
from tollbook.cli.progress import PROGRESS_EVERY_SECONDS, Progress
from tollbook.ingest.documents import IngestFailure, IngestOptions
from tollbook.ingest.registry import FORMATS as INPUT_FORMATS
from tollbook.output.render import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "tollbook.db"


def format_option(func: F) -> F:
    """--format jsonl|json|csv|table, with --json/--csv/--table shorthands."""
    func = click.option("--table", "fmt", flag_value="table", help="Shorthand for --format table.")(func)
    func = click.option("--csv", "fmt", flag_value="csv", help="Shorthand for --format csv.")(func)
    func = click.option("--json", "fmt", flag_value="json", help="Shorthand for --format json.")(func)
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
        help="Output format: JSON lines, a JSON array, CSV, or an aligned table.",
    )(func)  # fmt: skip


def input_options(func: F) -> F:
    """Options that say how to read tables and forced formats."""
    opts = [
        click.option("--text-field", default="text", show_default=True, help="Column/key holding the text (.jsonl/.csv)."),
        click.option("--id-field", default=None, help="Column/key used as doc_id (.jsonl/.csv)."),
        click.option("--date-field", default=None, help="Column/key holding the publication date (.jsonl/.csv)."),
        click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None,
                     help="Read every input as this format instead of guessing from the extension."),
        click.option("--no-gazetteer", is_flag=True, help="Do not resolve places against the gazetteer (faster)."),
    ]  # fmt: skip
    for opt in reversed(opts):
        func = opt(func)
    return func


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
        help="Worker processes for extraction (0: one per CPU); output is identical and in the same order.",
    )(func)  # fmt: skip


def db_option(func: F) -> F:
    return click.option(
        "--db", envvar="TOLLBOOK_DB", default=DEFAULT_DB, show_default=True,
        help="SQLite database path or postgresql:// URL (or set TOLLBOOK_DB).",
    )(func)  # fmt: skip


def handle_errors(func: F) -> F:
    """Turn TollbookError into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TollbookError as err:
            raise click.ClickException(str(err)) from err

    return wrapper  # type: ignore[return-value]


def ingest_options(text_field: str, id_field: str | None, date_field: str | None, input_format: str | None) -> IngestOptions:
    return IngestOptions(text_field=text_field, id_field=id_field, date_field=date_field, format=input_format)


def progress_option(func: F) -> F:
    return click.option(
        "--progress-every", type=click.FloatRange(min=0), default=PROGRESS_EVERY_SECONDS,
        show_default=True, metavar="SECONDS",
        help="When stderr is not a terminal, write a progress line this often (a terminal shows a bar).",
    )(func)  # fmt: skip


def start_progress(label: str, paths: Sequence[str], options: IngestOptions, every: float) -> Progress:
    """A progress report on stderr for reading PATHS; `-v` adds one line per document."""
    from tollbook.ingest.counting import count_documents

    root = click.get_current_context().find_root()
    verbose = int(root.params.get("verbose") or 0)
    return Progress(label, count_documents(paths, options), sys.stderr, tty=sys.stderr.isatty(),
                    every=every, detail=verbose >= 1)  # fmt: skip


_TABLE_ROW = re.compile(r":(?:row|line) \d+$")


def skipped_rows(failures: Iterable[IngestFailure]) -> int:
    """How many of the failures are single table rows (the rest are whole inputs)."""
    return sum(1 for f in failures if _TABLE_ROW.search(f.source))


def failure_line(failure: IngestFailure) -> str:
    """One line naming the source, then what happened and what to do."""
    if failure.message.startswith(failure.source):
        return failure.message
    return f"{failure.source}: {failure.message}"
