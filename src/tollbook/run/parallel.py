"""A process pool on one machine: Documents (and failures) -> Extractions, in input order.

Input: an iterable of `Document | IngestFailure` (what `tollbook.api.read` yields), the
`Settings` and a number of worker processes. Output: the same iterator `api.extract` gives
serially — one `Extraction` per document and every failure passed through, in input order —
so `--jobs N` changes the speed and nothing else.

How, and why so:
- documents travel in chunks (`chunk_size` per task): one pickle round trip per chunk, not per
  document, keeps the parent from becoming the bottleneck;
- each worker builds one `Pipeline` in its initialiser, so the gazetteer loads once per
  worker, never per document or per chunk;
- a worker sends back claims, tally and segments but not the document: the parent still has
  it, and sending the text back would double the traffic;
- at most `jobs * _WINDOW` chunks are in flight, so a corpus of any size streams through in
  bounded memory, and the oldest chunk is always yielded first (order is kept);
- failures never leave the parent; they are put back at their place between the results.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from tollbook._exceptions import ConfigError, ExtractionError, TollbookError
from tollbook.ingest.documents import IngestFailure, failure, internal_failure
from tollbook.model import Claim, Document, Extraction, Segment, Tally
from tollbook.pipeline import Pipeline, Settings

#: Documents per task. Large enough that pickling overhead is small, small enough that
#: two workers stay busy on a few hundred documents.
DEFAULT_CHUNK_SIZE = 64
#: Chunks in flight per worker: one running, the rest queued so no worker waits on the parent.
_WINDOW = 3


class WorkerError(TollbookError):
    """A worker process died (killed, out of memory) before finishing its chunk."""


@dataclass(frozen=True, slots=True)
class _Result:
    """What a worker sends back for one document: everything but the document itself."""

    segments: tuple[Segment, ...]
    claims: tuple[Claim, ...]
    tally: Tally
    extractor_version: str


# The worker's pipeline. A module global only inside worker processes, set once by the pool
# initialiser: a process pool has no other way to hand state to its tasks.
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    pipeline = Pipeline(settings)
    _ = pipeline.gazetteer  # load now, once, not inside the first chunk
    _WORKER_PIPELINE = pipeline


def _run_chunk(documents: Sequence[Document], segments: bool) -> list[_Result | IngestFailure]:
    pipeline = _WORKER_PIPELINE
    if pipeline is None:  # pragma: no cover - the initialiser always runs first
        raise RuntimeError("worker used before its initialiser ran")
    out: list[_Result | IngestFailure] = []
    for doc in documents:
        e = run_safely(pipeline, doc)
        if isinstance(e, IngestFailure):
            out.append(e)
            continue
        out.append(_Result(e.segments if segments else (), e.claims, e.tally, e.extractor_version))
    return out


def run_safely(pipeline: Pipeline, doc: Document) -> Extraction | IngestFailure:
    """The pipeline on one document; an unexpected exception (a bug) costs that document
    only, as a one-line failure, never the rest of the batch."""
    try:
        return pipeline.run(doc)
    except TollbookError as err:
        return failure(err, doc.path or doc.doc_id)
    except Exception as exc:
        return internal_failure(exc, doc.path or doc.doc_id, stage="extracting",
                                consequence="the document was skipped; ", kind=ExtractionError)  # fmt: skip


def resolve_jobs(jobs: int | None) -> int:
    """`jobs` as given, or one per CPU for 0/None. Negative numbers are refused."""
    if jobs is None or jobs == 0:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                   else os.cpu_count() or 1)  # fmt: skip
    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (one per CPU) or a positive number, not {jobs}")
    return jobs


def _context() -> multiprocessing.context.BaseContext:
    # fork is fastest (workers inherit the imported modules) and needs no `__main__` guard in
    # callers' scripts, but forking a process that runs threads (a Spark driver, a web server)
    # can deadlock: then forkserver, which forks from a clean single-threaded server.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def extract_parallel(
    items: Iterable[Document | IngestFailure],
    settings: Settings | None = None,
    *,
    jobs: int = 2,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    segments: bool = True,
) -> Iterator[Extraction | IngestFailure]:
    """Run the pipeline over `items` in `jobs` worker processes; results in input order.

    `segments=False` leaves `Extraction.segments` empty (less to send back) for callers that
    print claims or tallies only; the store needs them, so `ingest` keeps the default.
    """
    if chunk_size < 1:
        raise ConfigError(f"chunk_size must be at least 1, not {chunk_size}")
    settings = settings or Settings()
    chunks = _chunks(iter(items), chunk_size)
    pending: deque[tuple[list[Document | IngestFailure], Future[list[_Result | IngestFailure]]]] = deque()
    context = _context()
    if context.get_start_method() == "fork":
        # Forked workers inherit the parent's loaded gazetteer (copy-on-write) and imported
        # extraction stages instead of each loading them again: the serial run pays this
        # load once, so the pool should too.
        warm = Pipeline(settings)
        _ = warm.gazetteer, warm.patterns
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                               initializer=_init_worker, initargs=(settings,))  # fmt: skip
    try:
        for chunk in chunks:
            docs = [item for item in chunk if isinstance(item, Document)]
            pending.append((chunk, pool.submit(_run_chunk, docs, segments)))
            if len(pending) >= jobs * _WINDOW:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
    except BrokenProcessPool as exc:
        raise WorkerError(
            f"a worker process died ({exc}); the machine may be out of memory: "
            "try fewer --jobs, or smaller inputs"
        ) from exc
    finally:
        # a consumer that stops early (or an error) must not leave workers running
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterator[Document | IngestFailure],
            size: int) -> Iterator[list[Document | IngestFailure]]:  # fmt: skip
    """Lists of up to `size` documents, failures riding along at their place."""
    while True:
        chunk: list[Document | IngestFailure] = []
        n = 0
        for item in items:
            chunk.append(item)
            n += isinstance(item, Document)
            if n >= size:
                break
        if not chunk:
            return
        yield chunk


def _merge(chunk: list[Document | IngestFailure],
           future: Future[list[_Result | IngestFailure]]) -> Iterator[Extraction | IngestFailure]:  # fmt: skip
    results = iter(future.result())
    for item in chunk:
        if isinstance(item, IngestFailure):
            yield item
            continue
        r = next(results)
        if isinstance(r, IngestFailure):
            yield r
            continue
        yield Extraction(document=item, segments=r.segments, claims=r.claims, tally=r.tally,
                         extractor_version=r.extractor_version)  # fmt: skip


def extract(
    items: Iterable[Document | IngestFailure],
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    segments: bool = True,
) -> Iterator[Extraction | IngestFailure]:
    """Serial in this process for `jobs == 1`, else `extract_parallel` (0: one per CPU)."""
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        pipeline = Pipeline(settings)
        return (item if isinstance(item, IngestFailure) else run_safely(pipeline, item) for item in items)
    return extract_parallel(items, settings, jobs=jobs, chunk_size=chunk_size, segments=segments)


__all__ = ["DEFAULT_CHUNK_SIZE", "WorkerError", "extract", "extract_parallel", "resolve_jobs"]
