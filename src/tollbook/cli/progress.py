"""Progress of a run over many documents -> stderr (stdout stays machine-readable).

On a terminal: a tqdm bar with count, total (when `tollbook.ingest.counting` could count the
inputs), rate and time left. Elsewhere (cron, nohup, `2>log`): one plain line every
`every` seconds (`--progress-every`, default `PROGRESS_EVERY_SECONDS`), and a last line at
the end if any was written. With `detail` (`-v`) one line per document: its id, name and
number of claims. The clock is injected so tests need not sleep.

tqdm, not rich: it is one small pure-Python package with no dependencies of its own, fit for a
core dependency (rich pulls in markdown-it and pygments).
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from tollbook.ingest.documents import IngestFailure
from tollbook.model import Extraction

if TYPE_CHECKING:
    from tqdm import tqdm

T = TypeVar("T")

#: Seconds between two progress lines when stderr is not a terminal.
PROGRESS_EVERY_SECONDS = 10.0


def _width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return 0


def _duration(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds)))


class Progress:
    """Count results as they come: `update(result)` per document or failure, `close()` at the end."""

    def __init__(
        self, label: str, total: int | None, stream: TextIO, *, tty: bool,
        every: float = PROGRESS_EVERY_SECONDS, detail: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:  # fmt: skip
        self.label = label
        self.total = total
        self.stream = stream
        self.every = every
        self.detail = detail
        self.clock = clock
        self.count = 0
        self.lines = 0  # plain lines written (not on a terminal)
        self._start = clock()
        self._last = self._start
        self._bar: tqdm[Any] | None = None
        if tty:
            from tqdm import tqdm  # loaded only when a bar is shown: `--help` stays light

            # a terminal that reports no width (some ptys) would get an empty bar
            sized = _width(stream) > 0
            self._bar = tqdm(
                total=total, desc=label, unit="doc", file=stream, dynamic_ncols=sized,
                ncols=None if sized else 80, mininterval=0.2, leave=True,
            )  # fmt: skip

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """The items, unchanged, each counted as it passes; closes when they run out."""
        try:
            for item in items:
                yield item
                self.update(item)
        finally:
            self.close()

    def update(self, result: Extraction | IngestFailure | Any) -> None:
        """One more document (or failure) done."""
        self.count += 1
        if self.detail and isinstance(result, Extraction):
            doc = result.document
            name = doc.name or doc.title or doc.path or ""
            self._write(f"{self.label}: {doc.doc_id} {name}: {len(result.claims)} claim(s)".rstrip())
        if self._bar is not None:
            self._bar.update(1)
            return
        now = self.clock()
        if now - self._last >= self.every:
            self._last = now
            self._line(now)

    def _write(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)  # above the bar, which is redrawn
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def _line(self, now: float, *, final: bool = False) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = self.count / elapsed
        if final:
            text = f"{self.label}: {self.count} documents in {_duration(elapsed)} ({rate:.1f}/s)"
        elif self.total:
            pct = 100 * self.count / self.total
            left = (self.total - self.count) / rate if rate > 0 else 0.0
            text = (f"{self.label}: {self.count}/{self.total} documents ({pct:.0f}%), "
                    f"{rate:.1f}/s, {_duration(max(left, 0.0))} left")  # fmt: skip
        else:
            text = f"{self.label}: {self.count} documents, {rate:.1f}/s"
        self.lines += 1
        self._write(text)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif self.lines:
            self._line(self.clock(), final=True)
            self.lines = 0  # closing twice writes one last line, not two
