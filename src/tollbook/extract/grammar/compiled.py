"""Declared patterns -> compiled regular expressions, read from a cache file of their compiled form.

Importing the extraction stage compiles about 390 declared patterns; CPython's `re` parses and
translates each one in Python (about 0.18 s per process) and keeps nothing across processes. A
compiled pattern is the tuple `_sre.compile` takes (its source, flags, opcode list, groups), so
this module stores those tuples once in a `marshal` file and rebuilds each pattern with one
C call (about 5 ms for all of them).

- `PatternCache(directory).serving()` is a context: while it is open, `re.compile` serves
  the patterns it finds in the file and lets `re` compile the others, keeping the arguments
  `re` passes to `_sre.compile` (a stand-in for `_sre` in `re._compiler`: nothing is compiled
  twice). The rule modules keep writing `re.compile(...)`; only the import of the extraction
  stage runs inside it (`Pipeline.patterns`), so patterns a rule builds per document are never
  recorded. Both patches are undone when the context ends, errors included.
- A cached entry is keyed by the pattern's source and flags, so an edited pattern is a miss
  (compiled from source) and the file is rewritten at the end of the context with exactly the
  patterns that were served. The file name is a digest of the interpreter (version, `_sre.MAGIC`,
  code size, marshal version, this FORMAT): another Python never reads it.
- An entry is recorded only when the pattern it rebuilds equals `re.compile`'s (CPython compares
  the source, flags and opcodes), and the file carries a SHA-256 of its content: a truncated,
  edited or malformed file is reported once (a warning) and rewritten, never served; a file
  another interpreter wrote under a colliding name is rewritten quietly.
- Where: `directory` (Settings.cache_dir), else the user cache directory of the gazetteer
  index (`$TOLLBOOK_CACHE_DIR`, `$XDG_CACHE_HOME/tollbook`, `~/.cache/tollbook`). An
  unwritable directory costs speed (compiling from source), never a failure.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import marshal
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tollbook.cachefiles import prune, write_atomically

__all__ = ["FORMAT", "PatternCache", "interpreter_key"]

log = logging.getLogger("tollbook.extract")

#: Bump when the layout of the file changes.
FORMAT = "1"
_MAGIC = b"tollbook-patterns\n"
_PREFIX = "patterns-"
_SUFFIX = ".marshal"
#: Another interpreter's file unused for this long is removed when this one is written.

# `re`'s own parser and code generator, and the C constructor they feed (CPython 3.11+).
_sre: Any = importlib.import_module("_sre")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

#: (source, flags as given, then `_sre.compile`'s flags, code, groups, groupindex, indexgroup):
#: the key, then with the source the arguments of `_sre.compile`.
Entry = tuple[Any, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]

# One patch of `re.compile` at a time in a process, so each restore puts back what it replaced.
_PATCH_LOCK = threading.RLock()


def interpreter_key() -> str:
    """What a compiled pattern depends on besides its source: the interpreter and its engine."""
    return "/".join(
        (FORMAT, sys.version, sys.implementation.cache_tag or "", str(_sre.MAGIC),
         str(_sre.CODESIZE), str(sys.maxunicode), str(marshal.version))
    )  # fmt: skip


def _default_directory() -> Path:
    from tollbook.geo.gazetteer_index import cache_dir  # one user cache directory for both

    return cache_dir()


def _arguments(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """The arguments `re._compiler.compile` passes to `_sre.compile`, computed again (for a
    pattern `re` served from its own cache, so the recorder did not see them)."""
    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    state = tree.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return pattern, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(indexgroup)


class _Recorder:
    """Stands in for `_sre` in `re._compiler` while a cache serves: keeps the arguments of
    the last `compile` call, delegates everything else."""

    def __init__(self) -> None:
        self.args: tuple[Any, ...] | None = None

    def compile(self, *args: Any) -> Any:
        self.args = args
        return _sre.compile(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)


class PatternCache:
    """The compiled form of the declared patterns, read from and written to one file.

    Explicit state only: the entries read, the ones served in this process, counters and
    whether the file needs rewriting. `hits`, `misses` and `status` ("unread", "missing",
    "read", "stale", "corrupt", "off") say what happened, for the bench and the tests."""

    def __init__(self, directory: Path | None = None, *, enabled: bool = True) -> None:
        self.directory = directory
        self.enabled = enabled
        self.status = "unread" if enabled else "off"
        self.hits = 0
        self.misses = 0
        self._stored: dict[tuple[Any, int], tuple[Entry, re.Pattern[Any]]] = {}
        self._served: dict[tuple[Any, int], Entry] = {}
        self._dirty = False
        self._reported = False
        self._original: Any = None
        self._recorder = _Recorder()
        self._unrecordable = False

    @property
    def path(self) -> Path:
        """The cache file for this interpreter."""
        digest = hashlib.sha256(interpreter_key().encode()).hexdigest()[:24]
        return (self.directory or _default_directory()) / f"{_PREFIX}{digest}{_SUFFIX}"

    # -------------------------------------------------------- reading

    def _report(self, reason: str) -> None:
        self.status = "corrupt"
        self._dirty = True
        if not self._reported:  # once per cache object: one per process in the pipeline
            self._reported = True
            log.warning("compiled-pattern cache %s is unusable (%s); compiling the patterns from "
                        "source and rewriting it (delete the file if this repeats)", self.path, reason)  # fmt: skip

    def _read(self) -> None:
        path = self.path
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            self.status = "missing"
            self._dirty = True
            return
        except OSError as exc:
            self._report(f"cannot read it: {exc}")
            return
        head, digest, payload = data[: len(_MAGIC)], data[len(_MAGIC) : len(_MAGIC) + 32], data[len(_MAGIC) + 32 :]
        if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
            self._report("its checksum does not match its content")
            return
        try:
            key, entries = marshal.loads(payload)
        except (EOFError, ValueError, TypeError) as exc:
            self._report(f"cannot unmarshal it: {exc}")
            return
        if key != interpreter_key():
            # a file written by another interpreter under a colliding name: rebuild quietly
            log.debug("compiled-pattern cache %s was written by another interpreter; rebuilding", path)
            self.status = "stale"
            self._dirty = True
            return
        try:  # _sre.compile checks the opcodes (RuntimeError "invalid SRE code")
            stored = {(e[0], e[1]): (e, _sre.compile(e[0], *e[2:])) for e in entries}
            if len(stored) != len(entries):
                raise ValueError("an entry is there twice")
        except (TypeError, ValueError, RuntimeError, IndexError, KeyError) as exc:
            self._report(f"an entry is malformed: {exc}")
            return
        self._stored = stored
        self.status = "read"

    # -------------------------------------------------------- compiling

    def compile(self, pattern: Any, flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:
        """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
        original = self._original or re.compile
        flags = int(flags)
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return original(pattern, flags)
        if self.status == "unread":  # at the first pattern: a process whose stages are
            self._read()  # imported already reads nothing
        key = (pattern, flags)
        cached = self._stored.get(key)
        if cached is not None:
            self.hits += 1
            self._served[key] = cached[0]
            return cached[1]  # patterns are immutable: re.compile shares them as well
        self._recorder.args = None
        compiled: re.Pattern[Any] = original(pattern, flags)  # raises re.error as ever
        self.misses += 1
        self._dirty = True
        if not self._unrecordable:
            self._record(key, compiled, self._recorder.args)
        return compiled

    def _record(self, key: tuple[Any, int], compiled: re.Pattern[Any], args: tuple[Any, ...] | None) -> None:
        """Keep `compiled`'s `_sre.compile` arguments: those re just passed (recorded), else
        (re served it from its own cache) re's parser and code generator run again."""
        try:
            if args is None or args[0] is not key[0]:
                args = _arguments(*key)
            same = _sre.compile(*args) == compiled  # CPython compares source, flags and opcodes
            entry: Entry = (args[0], key[1], int(args[1]), [int(c) for c in args[2]], int(args[3]),
                            {str(k): int(v) for k, v in args[4].items()}, tuple(args[5]))  # fmt: skip
        except Exception as exc:  # re's internals changed: serve the patterns, never record them
            self._unrecordable = True
            log.warning("cannot record the compiled form of %r (%s: %s): this Python's re differs "
                        "from 3.11-3.13's, so patterns are compiled from source in every process",
                        key[0][:60], type(exc).__name__, exc)  # fmt: skip
            return
        if not same:
            log.warning("the compiled form of %r differs from re.compile's; it is not cached", key[0][:60])
            return
        self._served[key] = entry
        self._stored[key] = (entry, compiled)

    @contextmanager
    def serving(self) -> Iterator[PatternCache]:
        """While open, `re.compile` serves cached patterns; at the end, the file is rewritten
        when a pattern was compiled from source or the file was missing, stale or corrupt."""
        if not self.enabled:
            yield self
            return
        with _PATCH_LOCK:
            if self._original is not None:  # nested: the outer context serves and writes
                yield self
                return
            # re's compiler calls `_sre.compile(...)` through its module global: the recorder
            # in its place keeps the arguments of a pattern compiled from source.
            engine = getattr(_compiler, "_sre", None)
            self._original = re.compile
            re.compile = self.compile
            if engine is _sre:  # else re's compiler changed: _record parses again
                _compiler._sre = self._recorder
            try:
                yield self
            finally:
                if engine is _sre:
                    _compiler._sre = engine
                re.compile = self._original
                self._original = None
        if self._dirty and self._served:
            self.write()

    # -------------------------------------------------------- writing

    def write(self) -> bool:
        """Write the patterns served in this process (atomic: temporary file + rename). An
        unwritable directory is logged (debug) and costs only speed."""
        path = self.path
        payload = marshal.dumps((interpreter_key(), list(self._served.values())))
        if not write_atomically(path, _MAGIC + hashlib.sha256(payload).digest() + payload, "compiled-pattern cache"):
            return False
        self._dirty = False
        prune(path, f"{_PREFIX}*{_SUFFIX}", "compiled-pattern cache")  # an upgraded Python's leftovers
        return True
