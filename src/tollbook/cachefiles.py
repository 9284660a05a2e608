"""Cache files beside each other in the user cache directory: (path, bytes) -> an atomic write;
(the file kept, its name pattern) -> the removal of siblings unused for two weeks.

Shared by the gazetteer index (geo/gazetteer_index.py) and the compiled-pattern cache
(extract/grammar/compiled.py). A cache that cannot be written costs only speed, so an OSError
is logged (debug) and reported as False, never raised; any other error propagates.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path

__all__ = ["STALE_SECONDS", "prune", "write_atomically"]

log = logging.getLogger(__name__)

#: A sibling cache file nothing has read or written for this long is another interpreter's or
#: an old release's leftover.
STALE_SECONDS = 14 * 24 * 3600


def write_atomically(path: Path, payload: bytes, what: str) -> bool:
    """Write `payload` to `path` through a temporary file and a rename, so that a reader never
    sees half a file; False (logged) when the directory cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.debug("%s not written to %s: %s", what, path, exc)
        return False
    return True


def prune(keep: Path, pattern: str, what: str, stale_seconds: float = STALE_SECONDS) -> None:
    """Remove the files matching `pattern` beside `keep` (not `keep`) unused for `stale_seconds`."""
    now = time.time()
    for old in keep.parent.glob(pattern):
        try:
            if old != keep and now - max(old.stat().st_atime, old.stat().st_mtime) > stale_seconds:
                old.unlink()
        except OSError as exc:  # another process removed or holds it: harmless
            log.debug("old %s %s not removed: %s", what, old, exc)
