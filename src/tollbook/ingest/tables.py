"""Tables, streamed: a JSONL or CSV/TSV byte stream -> one Document per line or row.

Input: a binary stream (a file, stdin, or bytes wrapped in BytesIO), the source name for
messages, and `IngestOptions` (which fields hold text, id, date, title, url). Output: an
iterator of Documents and `IngestFailure`s, one failure per bad line or row, so one bad row
never stops a table. A problem with the whole table (binary, wrong --text-field, empty)
raises an `InputError` subclass with `source` set.

The stream is read in chunks and decoded line by line, so memory stays bounded by the
longest row, however long the table. The encoding is decided from the first 64 KiB: UTF-8
(damaged lines are repaired with U+FFFD, or decoded as a legacy encoding if they hold no
UTF-8 at all), a guessed legacy encoding, or UTF-16/32 with a BOM (decoded whole).
"""

from __future__ import annotations

import csv
import difflib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO

from tollbook._exceptions import FieldError, TollbookError, UnreadableInputError
from tollbook.ingest.documents import (
    IngestFailure,
    IngestOptions,
    failure,
    internal_failure,
    iso_date,
    make_document,
)
from tollbook.ingest.formats import BINARY_PROBE, decode, guess_legacy, mostly_utf8
from tollbook.model import Document

log = logging.getLogger("tollbook.ingest.sources")

_PROBE = 1 << 16
_CHUNK = 1 << 16

# ---------------------------------------------------------------------------------------------
# A byte stream -> decoded lines


def _byte_lines(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """Lines (each ending in b"\\n" but the last) of `first` followed by the rest of the
    stream, in linear time however long a line is."""
    pending: list[bytes] = []
    chunk = first
    while chunk:
        start = 0
        while (nl := chunk.find(b"\n", start)) >= 0:
            pending.append(chunk[start : nl + 1])
            yield b"".join(pending)
            pending = []
            start = nl + 1
        if start < len(chunk):
            pending.append(chunk[start:])
        chunk = stream.read(_CHUNK)
    if pending:
        yield b"".join(pending)


def text_lines(stream: BinaryIO, source: str) -> Iterator[str]:
    """Decoded lines of a byte stream, line endings kept (csv needs them inside quotes).

    Raises UnreadableInputError for an empty or binary stream before yielding anything."""
    probe = stream.read(_PROBE)
    if not probe or probe.isspace():
        raise UnreadableInputError("empty file; nothing to read", source=source)
    if probe.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or (
        b"\x00" in probe[:BINARY_PROBE]
    ):
        # UTF-16/32 (or binary, which decode refuses): "\n" is not one byte, decode whole
        text = decode(probe + stream.read(), source)
        *whole, last = text.split("\n")
        yield from (line + "\n" for line in whole)
        if last:
            yield last
        return
    utf8 = _is_utf8_prefix(probe)
    fallback: str | None = None if utf8 else guess_legacy(probe)[0]
    if not utf8:
        log.warning("%s: not UTF-8; decoded as %s (a guess): convert to UTF-8 to be sure",
                    source, fallback)  # fmt: skip
    warned = False
    for number, raw in enumerate(_byte_lines(probe, stream), 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if fallback is not None and not utf8:
            yield raw.decode(fallback, errors="replace")
            continue
        try:
            yield raw.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        if not warned:
            log.warning("%s: line %d is not valid UTF-8; such lines are repaired or decoded "
                        "as a legacy encoding (a guess)", source, number)  # fmt: skip
            warned = True
        if mostly_utf8(raw):
            yield raw.decode("utf-8", errors="replace")
        else:
            fallback = fallback or guess_legacy(raw)[0]
            yield raw.decode(fallback, errors="replace")


def _is_utf8_prefix(probe: bytes) -> bool:
    """Whether the probe is UTF-8, allowing a character cut at its end."""
    try:
        probe.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(probe) - 3 and exc.reason == "unexpected end of data"


# ---------------------------------------------------------------------------------------------
# Records -> Documents


def _field_list(fields: Sequence[str]) -> str:
    """Every field, quoted (a user picks from this list, so none is left out)."""
    return ", ".join(fields) or "(none)"


def field_hint(kind: str, wanted: str, fields: Sequence[str]) -> str:
    """What to pass instead of a missing field: the closest name (case-insensitively), then
    every field there is."""
    lowered = {f.lower(): f for f in reversed(fields)}  # first spelling wins on a tie
    close = difflib.get_close_matches(wanted.lower(), list(lowered), n=1, cutoff=0.6)
    guess = f"did you mean '{lowered[close[0]]}'? " if close else ""
    return f"{guess}use --{kind}-field one of: {_field_list(fields)}"


def _named_fields(options: IngestOptions) -> list[tuple[str, str]]:
    pairs = [("text", options.text_field), ("id", options.id_field), ("date", options.date_field),
             ("title", options.title_field), ("url", options.url_field)]  # fmt: skip
    return [(kind, field) for kind, field in pairs if field is not None]


def _required_fields(options: IngestOptions) -> list[tuple[str, str]]:
    return [("text", options.text_field)] + ([("id", options.id_field)] if options.id_field else [])


def _str_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _row_document(
    record: Mapping[str, object], source: str, locator: str, name: str | None,
    path: str | None, options: IngestOptions, fmt: str,
) -> Document:  # fmt: skip
    """One table record -> Document; FieldError (source "file:line N") when a field lacks."""
    where, fields = f"{source}:{locator}", [str(key) for key in record]
    for kind, field in _required_fields(options):
        value = record.get(field)
        if value is None:
            raise FieldError(
                f"row skipped: no field '{field}' in this record; {field_hint(kind, field, fields)}",
                source=where,
            )
        if isinstance(value, (dict, list)):
            raise FieldError(
                f"row skipped: the {kind} field '{field}' holds a JSON {type(value).__name__}, "
                "not text; give it a string",
                source=where,
            )
        if not str(value).strip():
            todo = "give it an id or leave out --id-field" if kind == "id" else "nothing to read"
            raise FieldError(
                f"row skipped: empty {kind} (field '{field}'); {todo}", source=where
            )
    published = None
    if options.date_field and (raw := _str_or_none(record.get(options.date_field))):
        published = iso_date(raw)
        if published is None:
            log.warning("%s: date '%s' not understood; published left empty", where, raw[:80])
    return make_document(
        str(record[options.text_field]),
        doc_id=str(record[options.id_field]).strip() if options.id_field else None,
        name=f"{name}:{locator}" if name else None, path=path, published=published, format=fmt,
        title=_str_or_none(record.get(options.title_field or "")),
        url=_str_or_none(record.get(options.url_field or "")),
    )  # fmt: skip


def _row(
    record: Mapping[str, object], source: str, locator: str, name: str | None,
    path: str | None, options: IngestOptions, fmt: str,
) -> Document | IngestFailure:  # fmt: skip
    """A record's Document, or its failure: a bad row never stops the table."""
    try:
        return _row_document(record, source, locator, name, path, options, fmt)
    except TollbookError as exc:
        return failure(exc)
    except Exception as exc:  # a bug must not cost the rest of the table; say so plainly
        return internal_failure(exc, f"{source}:{locator}")


def read_jsonl(
    lines: Iterable[str], source: str, name: str | None, path: str | None, options: IngestOptions
) -> Iterator[Document | IngestFailure]:
    first = True
    # lines split on "\n" only, not splitlines: JSON strings may hold U+2028
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:line {lineno}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            # ValueError also covers JSONDecodeError and integers over Python's digit limit;
            # RecursionError comes from nesting thousands of arrays deep
            why = (
                f"{exc.msg}, column {exc.colno}"
                if isinstance(exc, json.JSONDecodeError)
                else ("nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:120])
            )
            cut = isinstance(exc, json.JSONDecodeError) and (
                exc.pos >= len(line.rstrip()) or exc.msg.startswith("Unterminated")
            )
            yield failure(UnreadableInputError(
                f"line skipped: {'truncated: ' if cut else ''}invalid JSON ({why}); "
                "fix or remove the line", source=where,
            ))  # fmt: skip
            continue
        if not isinstance(record, dict):
            yield failure(UnreadableInputError(
                f"a JSON {type(record).__name__}, not an object; each line must be {{...}}",
                source=where,
            ))  # fmt: skip
            continue
        missing = [(k, f) for k, f in _required_fields(options) if f not in record]
        if first and missing:
            # the first record lacks it: surely a wrong --text-field, not one bad row, and one
            # error beats a failure per line
            kind, field = missing[0]
            raise FieldError(
                f"the first record (line {lineno}) has no field '{field}'; "
                f"{field_hint(kind, field, [str(k) for k in record])}",
                source=source,
            )
        first = False
        yield _row(record, source, f"line {lineno}", name, path, options, "jsonl")


def _csv_reason(exc: csv.Error) -> str:
    """The csv module's error in a reader's words."""
    text = str(exc)
    if "unexpected end of data" in text:
        return "truncated: a quoted field is not closed before the end of the file"
    if "field larger than field limit" in text:
        return (f"a field is longer than {csv.field_size_limit():,} characters, the CSV "
                "reader's limit (a stray quote can swallow the rows after it)")  # fmt: skip
    return text


def read_csv(
    lines: Iterable[str], source: str, name: str | None, path: str | None,
    options: IngestOptions, tsv: bool,
) -> Iterator[Document | IngestFailure]:  # fmt: skip
    lines = iter(lines)
    first_line = next(lines, "")
    tab = tsv or ("\t" in first_line and "," not in first_line)

    def all_lines() -> Iterator[str]:
        yield first_line
        yield from lines

    # strict: a quote left open at the end is an error, not the rest of the file in one field
    reader = csv.reader(all_lines(), delimiter="\t" if tab else ",", strict=True)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise UnreadableInputError(
            f"unreadable header ({exc}); check the first line", source=source
        ) from exc
    for kind, field in _named_fields(options):
        if field not in header:
            raise FieldError(
                f"no column '{field}' in the header; {field_hint(kind, field, header)}",
                source=source,
            )
    if len(set(header)) != len(header):
        log.warning("%s: the header repeats a column name; the last such column is read", source)
    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over the size limit; the reader goes on
            row_number += 1
            yield failure(UnreadableInputError(
                f"row skipped: {_csv_reason(exc)} (near line {reader.line_num}); fix the row",
                source=f"{source}:row {row_number}",
            ))  # fmt: skip
            continue
        if not row:
            continue  # a blank line is no row
        row_number += 1
        if len(row) != len(header):
            short = "truncated: " if len(row) < len(header) else ""
            yield failure(UnreadableInputError(
                f"row skipped: {short}the row has {len(row)} fields but the header {len(header)} "
                f"(ends on line {reader.line_num}); check its quoting and delimiters",
                source=f"{source}:row {row_number}",
            ))  # fmt: skip
            continue
        record = dict(zip(header, row, strict=True))
        yield _row(record, source, f"row {row_number}", name, path, options, "csv")
