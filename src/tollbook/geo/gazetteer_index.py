"""gazetteer data files -> a loaded `Gazetteer`, from a binary cache when one matches.

Building the gazetteer from `data/gazetteer.tsv.gz` (gunzip, split 150k rows, 306k-key name
index, country keys, first words) took 0.6-1.1 s per process: most of a one-document
`tollbook extract`. The built state is written once as a `marshal` file and read back in about
a tenth of that (numbers: README "Speed").

A cache file is named by a digest of everything its content depends on: the data files' bytes,
the source of the modules that compute the state (places.py, placewords.py, this module), the
interpreter's cache tag and the marshal format. A changed data file or code therefore never
reads a stale cache; it builds and writes a new one. Where:

1. read: beside the package data (a prebuilt file, `write_cache(data_dir)` at build time), then
   the user cache directory;
2. write: the user cache directory only (`$TOLLBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/tollbook`,
   else `~/.cache/tollbook`), so a read-only install still gets a cache, and an editable install
   never writes into its source tree. An unwritable directory costs speed, never a failure.

Writes are atomic (temporary file + rename): parallel workers may race, and one wins.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tollbook.cachefiles import prune, write_atomically

if TYPE_CHECKING:
    from tollbook.geo.places import Gazetteer

__all__ = ["cache_dir", "cache_name", "load", "write_cache"]

log = logging.getLogger("tollbook.geo")

#: Bump when the layout of the cached state changes in a way the source digest cannot see.
FORMAT = "1"
#: Cache files unused for this long are removed when a new one is written beside them.
_PREFIX = "gazetteer-"
_SUFFIX = ".marshal"


def cache_dir() -> Path:
    """The user cache directory: $TOLLBOOK_CACHE_DIR, $XDG_CACHE_HOME/tollbook, ~/.cache/tollbook."""
    explicit = os.environ.get("TOLLBOOK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "tollbook"


def _code_digest() -> bytes:
    """The source of the modules that compute the cached state (a change there means a rebuild)."""
    from tollbook.geo import places, placewords

    h = hashlib.sha256()
    for module in (places, placewords, sys.modules[__name__]):
        source = getattr(module, "__file__", None)
        try:
            h.update(Path(source).read_bytes() if source else b"")
        except OSError:  # a frozen install without sources: the versions below still count
            h.update(b"?")
    h.update(f"{places.FOLD_VERSION}/{FORMAT}/{sys.implementation.cache_tag}".encode())
    h.update(str(marshal.version).encode())
    return h.digest()


def cache_name(data: list[bytes]) -> str:
    """The cache file name for data files with these bytes, under the current code."""
    h = hashlib.sha256(_code_digest())
    for blob in data:
        h.update(hashlib.sha256(blob).digest())
    return f"{_PREFIX}{h.hexdigest()[:40]}{_SUFFIX}"


#: Slots that are per-use choices, not data: not cached, None when read back.
_TRANSIENT = frozenset({"_scanner"})


def _state(gazetteer: Gazetteer) -> dict[str, Any]:
    # Every slot, so a slot added to Gazetteer later is cached too (its source digest changes
    # the file name, so no old file lacks it).
    return {n: getattr(gazetteer, n) for n in type(gazetteer).__slots__ if n not in _TRANSIENT}


def _restore(state: object) -> Gazetteer | None:
    from tollbook.geo.places import Gazetteer

    slots = set(Gazetteer.__slots__) - _TRANSIENT
    if not isinstance(state, dict) or set(state) != slots:
        return None
    gazetteer = Gazetteer.__new__(Gazetteer)
    for name, value in state.items():
        setattr(gazetteer, name, value)
    for name in _TRANSIENT:
        setattr(gazetteer, name, None)
    return gazetteer


def _read_cache(path: Path) -> Gazetteer | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        gazetteer = _restore(marshal.loads(data))
    except (EOFError, ValueError, TypeError):
        gazetteer = None
    if gazetteer is None:
        log.warning("gazetteer cache %s is unreadable; rebuilding it", path)
    return gazetteer


def _write(path: Path, payload: bytes) -> bool:
    if not write_atomically(path, payload, "gazetteer cache"):
        return False
    prune(path, f"{_PREFIX}*{_SUFFIX}", "gazetteer cache")
    return True


def _data_files(path: str | None) -> list[Path | resources.abc.Traversable]:
    if path is None:
        data = resources.files("tollbook") / "data"
        return [data / "gazetteer.tsv.gz", data / "gazetteer_extra.tsv"]
    return [Path(path)]


def load(path: str | None, build: Callable[[], Gazetteer], directory: Path | None = None) -> Gazetteer:
    """The gazetteer of `path` (None: the packaged one): from a matching cache file, else
    `build()`, whose result is then written to `directory` (None: the user cache directory)."""
    files = _data_files(path)
    try:
        blobs = [f.read_bytes() for f in files]
    except OSError:
        return build()  # build() reports the unreadable file with what to do
    name = cache_name(blobs)
    where = [(directory or cache_dir()) / name]
    if path is None:
        where.insert(0, Path(str(resources.files("tollbook") / "data")) / name)
    for candidate in where:
        if candidate.is_file():
            gazetteer = _read_cache(candidate)
            if gazetteer is not None:
                return gazetteer
    gazetteer = build()
    _write(where[-1], marshal.dumps(_state(gazetteer)))
    return gazetteer


def write_cache(directory: Path, gazetteer: Gazetteer, path: str | None = None) -> Path:
    """Write `gazetteer`'s cache file (built from `path`, None: packaged) into `directory`:
    for a build step that ships the cache beside the package data."""
    name = cache_name([f.read_bytes() for f in _data_files(path)])
    target = directory / name
    if not _write(target, marshal.dumps(_state(gazetteer))):
        raise OSError(f"cannot write {target}")
    return target
