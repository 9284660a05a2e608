"""Input formats, declared once: format name -> the file extensions that select it and the
function that reads one whole source of it.

The CLI's `--input-format`, the dispatch by extension and `read_bytes` all read this table, so a
new input format is one row here (plus its reader: `(data, source, name, path) -> Document` or
an iterator of Documents and IngestFailures). Readers are named "module:function" and imported
only when a source of that format is read, so that the CLI starts without the readers' libraries.
Table formats (JSON lines, CSV) have no whole-source reader: they stream row by row.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["EXTENSIONS", "FORMATS", "FORMAT_TABLE", "TABLE_FORMATS", "InputFormat"]


class InputFormat(NamedTuple):
    name: str
    extensions: str  # space-separated, lower case, with the dot
    reader: str | None  # "module:function" reading a whole source; None for a streamed table


FORMAT_TABLE: tuple[InputFormat, ...] = (
    InputFormat("text", ".txt .text .md", "tollbook.ingest.formats:read_text"),
    InputFormat("html", ".html .htm", "tollbook.ingest.formats:read_html"),
    InputFormat("rss", ".xml .rss .atom", "tollbook.ingest.formats:read_feed"),
    InputFormat("pdf", ".pdf", "tollbook.ingest.formats:read_pdf"),
    InputFormat("jsonl", ".jsonl .ndjson", None),
    InputFormat("csv", ".csv .tsv", None),
    InputFormat("warc", ".warc .warc.gz", "tollbook.ingest.warc:read_warc_bytes"),
)

FORMATS = tuple(f.name for f in FORMAT_TABLE)
TABLE_FORMATS = tuple(f.name for f in FORMAT_TABLE if f.reader is None)
#: File extension -> format. No extension: plain text unless the content says otherwise.
EXTENSIONS: dict[str, str] = {ext: f.name for f in FORMAT_TABLE for ext in f.extensions.split()}
