"""text -> Marks: one pass over a document that marks where gazetteer names are, for the
rules to read instead of scanning the text again (issue 23's groundwork).

Layers:
- `words(text, fold)`: the document's words as columns (text, start, end, folded key,
  capitalised, joined to the next word like the words of one name). Built with a handful of
  C-level calls (one regex split, maps), not a Python loop per word; identical to the place
  finder's own tokens (tests/test_scan.py proves it on generated and real text).
- a `NameEngine`: words -> {first word's index: words in the longest name starting there}.
  Like an httpx transport, it is the one small interface two implementations provide:
  `PythonNames` (the reference: the place finder's dictionary lookups) and `CompiledNames`
  (an Aho-Corasick automaton from the optional `ahocorasick-rs` package, run over a stream
  of the folded words; `pip install 'tollbook[fast]'`).
- `Scanner(fold, engine).marks(text)`: the Marks.

`select_engine(choice, ...)` takes the explicit setting (`Settings.scanner`: "auto", "python"
or "compiled"). "auto" takes the engine measured faster (today Python: AUTO_PREFERS_COMPILED);
were that the compiled one and not installed, it uses Python and logs one warning. Both
engines give the same marks, so extraction output never depends on the choice. The pipeline's
place stage picks its scanner with scan/words_compiled.py `select_scanner`: for "auto" and
"compiled", the `tollbook_scan` extension reads the words and the names in one call.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Literal, Protocol

from tollbook._exceptions import ConfigError

__all__ = [
    "CompiledNames",
    "EngineUnavailable",
    "Mark",
    "NameEngine",
    "PythonNames",
    "Scanner",
    "ScannerChoice",
    "Words",
    "compiled_available",
    "select_engine",
    "words",
]  # fmt: skip

log = logging.getLogger("tollbook.scan")

ScannerChoice = Literal["auto", "python", "compiled"]
SCANNER_CHOICES: tuple[ScannerChoice, ...] = ("auto", "python", "compiled")


@dataclass(frozen=True, slots=True)
class Mark:
    """A marked span of the text. kind "name": words that make a gazetteer name (payload: its
    folded key, words joined by single spaces); the longest one starting at a capitalised word."""

    kind: str
    start: int
    end: int
    payload: str


# ---------------------------------------------------------------- words

_APOSTROPHES = "'’ʼ"
# places.py's word: letters joined by apostrophes ("ʼ" is itself a letter).
_SPLIT = re.compile(r"([^\W\d_]+(?:['’ʼ][^\W\d_]+)*)")
_HAS_APOSTROPHE = re.compile("['’ʼ]").search
_JOIN_GAPS = frozenset({" ", "-"})
_first = itemgetter(0)


@dataclass(frozen=True, slots=True)
class Words:
    """A text's words as parallel columns (read-only lists)."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    keys: list[str]
    caps: list[bool]
    #: joins[i]: word i and i+1 are joined like the words of one name (a space or a hyphen;
    #: "U.S." dots between single capitals). Always False for the last word.
    joins: list[bool]

    def __len__(self) -> int:
        return len(self.texts)


def words(text: str, fold: Callable[[str], str]) -> Words:
    """The words of `text`, each folded with `fold` (places' `_fold_token`)."""
    parts = _SPLIT.split(text)  # gap, word, gap, word, ..., gap
    texts, gaps = parts[1::2], parts[2::2]
    n = len(texts)
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1 : 2 * n : 2], offsets[2 : 2 * n + 1 : 2]
    possessive = []
    if any(a in text for a in _APOSTROPHES):  # "Tartar's": the word is "Tartar"
        for i in itertools.compress(range(n), map(_HAS_APOSTROPHE, texts)):
            w = texts[i]
            if len(w) > 2 and w[-2] in _APOSTROPHES and w[-1] in "sS":
                texts[i], ends[i] = w[:-2], ends[i] - 2
                possessive.append(i)
    keys = list(map(fold, texts))
    caps = list(map(str.isupper, map(_first, texts)))
    joins = list(map(_JOIN_GAPS.__contains__, gaps))
    if n:
        for i in possessive:  # the gap now starts with the 's
            joins[i] = False
        if "." in gaps:
            for i in itertools.compress(range(n - 1), map(".".__eq__, gaps)):
                a, b = texts[i], texts[i + 1]
                joins[i] = (
                    i not in possessive and len(a) == len(b) == 1 and a.isupper() and b.isupper()
                )
        joins[-1] = False
    return Words(texts, starts, ends, keys, caps, joins)


# ---------------------------------------------------------------- engines


class NameEngine(Protocol):
    """Finds gazetteer names in a document's words. Implementations must agree exactly."""

    name: str

    def longest(self, words: Words) -> dict[int, int]:
        """{i: n} for each capitalised word i that starts a name: n words (n > 1 only when
        word i+n-1 is capitalised and every word between is joined to the next), the most
        such words whose keys joined by spaces are a name."""
        ...


class EngineUnavailable(ConfigError):
    """scanner="compiled" was chosen, and its package is not installed."""


class PythonNames:
    """The reference engine: for each capitalised word, dictionary lookups from the longest
    possible name down, exactly as places.py did before marks."""

    name = "python"

    def __init__(self, keys: Collection[str], firsts: Collection[str], max_words: int) -> None:
        self._keys, self._firsts, self._max_words = keys, firsts, max_words

    def longest(self, words: Words) -> dict[int, int]:
        keys, caps, joins = words.keys, words.caps, words.joins
        names, firsts, max_words, total = self._keys, self._firsts, self._max_words, len(keys)
        out: dict[int, int] = {}
        for i in itertools.compress(range(total), caps):
            n_max = 1
            if keys[i] in firsts:
                while n_max < max_words and i + n_max < total and joins[i + n_max - 1]:
                    n_max += 1
            for n in range(n_max, 0, -1):
                if n > 1 and not caps[i + n - 1]:
                    continue  # "Bosnia and Herzegovina", not "Barda and"
                if (keys[i] if n == 1 else " ".join(keys[i : i + n])) in names:
                    out[i] = n
                    break
        return out


# The stream the compiled engine reads: per word, a mark (capitalised or not), its key, an end
# mark and whether the next word is joined. A name of n words is one literal per pattern of
# capitals allowed: first and last word capitalised, the words between either way.
_CAP, _LOW, _END_WORD, _JOINED, _APART = "\x02", "\x04", "\x01", " ", "\x03"
_MARKS = (_LOW, _CAP)
_SEPS = (_END_WORD + _APART, _END_WORD + _JOINED)
#: Names of more words than this have more capital patterns than they are worth (one name of
#: 12 words has 1024); the compiled engine hands them to Python lookups instead.
_COMPILED_MAX_WORDS = 8


def _patterns(keys: Iterable[str]) -> tuple[list[str], list[int]]:
    """Literals for the compiled engine, sorted by word count, and the count of each."""
    by_n: dict[int, list[str]] = {}
    for key in keys:
        parts = key.split(" ")
        n = len(parts)
        if n > _COMPILED_MAX_WORDS or any(c in key for c in _CAP + _LOW + _END_WORD + _APART):
            continue
        out = by_n.setdefault(n, [])
        if n <= 2:
            out.append(_JOINED.join(f"{_CAP}{w}{_END_WORD}" for w in parts))
            continue
        for inner in itertools.product(_MARKS, repeat=n - 2):
            marks = (_CAP, *inner, _CAP)
            out.append(
                _JOINED.join(f"{m}{w}{_END_WORD}" for m, w in zip(marks, parts, strict=True))
            )
    patterns: list[str] = []
    counts: list[int] = []
    for n in sorted(by_n):
        patterns.extend(by_n[n])
        counts.extend([n] * len(by_n[n]))
    return patterns, counts


def compiled_available() -> bool:
    """Whether the compiled engine's package (ahocorasick-rs) can be imported."""
    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        return False
    return True


class CompiledNames:
    """Aho-Corasick (ahocorasick-rs, Rust) over the stream of folded words: every name in one
    pass, then the longest per first word. Names longer than `_COMPILED_MAX_WORDS` words (a
    handful) are looked up as the reference does."""

    name = "compiled"

    def __init__(self, keys: Collection[str], firsts: Collection[str], max_words: int) -> None:
        try:
            import ahocorasick_rs
        except ImportError as exc:
            raise EngineUnavailable(
                "the compiled scanner needs the ahocorasick-rs package: "
                "pip install 'tollbook[fast]', or choose scanner='python'"
            ) from exc
        patterns, counts = _patterns(keys)
        self._counts = counts
        self._automaton: Any = ahocorasick_rs.AhoCorasick(patterns)
        longer = [k for k in keys if k.count(" ") + 1 > _COMPILED_MAX_WORDS]
        self._rest = PythonNames(frozenset(longer), firsts, max_words) if longer else None
        self._rest_firsts = frozenset(k[: k.index(" ")] for k in longer)

    def longest(self, words: Words) -> dict[int, int]:
        n_words = len(words)
        if not n_words:
            return {}
        stream: list[str] = [""] * (3 * n_words)
        stream[0::3] = map(_MARKS.__getitem__, words.caps)
        stream[1::3] = words.keys
        stream[2::3] = map(_SEPS.__getitem__, words.joins)
        # A match ends just after a word's end mark: that word is the name's last.
        ends = list(itertools.accumulate(map(len, stream)))[1::3]
        word_at_end = dict(zip(ends, range(n_words), strict=True))
        counts = self._counts
        out: dict[int, int] = {}
        for pattern, _, end in self._automaton.find_matches_as_indexes(
            "".join(stream), overlapping=True
        ):
            n = counts[pattern]
            i = word_at_end[end - 1] - n + 1
            if n > out.get(i, 0):
                out[i] = n
        if self._rest is not None and any(map(self._rest_firsts.__contains__, words.keys)):
            for i, n in self._rest.longest(words).items():
                if n > out.get(i, 0):
                    out[i] = n
        return out


#: What "auto" prefers. Measured by bench/scan.py (README "Speed"): on the name scan the
#: Python engine (15.8 MB/s, nothing to build) beats ahocorasick-rs (5.5 MB/s, 1.9-2.8 s to
#: build per process, which a one-document run pays whole), so "auto" is Python until a
#: compiled engine that also reads the words (the rules-over-marks stage of issue 23) wins.
AUTO_PREFERS_COMPILED = False


def select_engine(
    choice: ScannerChoice,
    keys: Collection[str],
    firsts: Collection[str],
    max_words: int,
    *,
    prefer_compiled: bool | None = None,
) -> NameEngine:
    """The engine `choice` names: "python", "compiled" (raises EngineUnavailable when its
    package is missing) or "auto": the faster one (`prefer_compiled`); when that is the
    compiled engine and it is not installed, Python, with one warning. `prefer_compiled`
    None: AUTO_PREFERS_COMPILED."""
    if choice == "python":
        return PythonNames(keys, firsts, max_words)
    if choice == "compiled":
        return CompiledNames(keys, firsts, max_words)
    if choice != "auto":
        raise ConfigError(
            f"scanner must be one of {', '.join(SCANNER_CHOICES)}, not {choice!r}; "
            "leave it at 'auto' unless comparing engines"
        )
    if not (AUTO_PREFERS_COMPILED if prefer_compiled is None else prefer_compiled):
        return PythonNames(keys, firsts, max_words)
    if compiled_available():
        return CompiledNames(keys, firsts, max_words)
    log.warning(
        "compiled scanner not installed (pip install 'tollbook[fast]'): "
        "using the pure-Python scanner; output is the same"
    )
    return PythonNames(keys, firsts, max_words)


# ---------------------------------------------------------------- marks


class Scanner:
    """text -> Marks, with one engine. `fold` must be the fold the engine's keys were made with."""

    def __init__(self, fold: Callable[[str], str], engine: NameEngine) -> None:
        self.fold, self.engine = fold, engine

    def names(self, text: str) -> tuple[Words, dict[int, int]]:
        """The words of `text` and the engine's longest names by first word."""
        w = words(text, self.fold)
        return w, self.engine.longest(w)

    def marks(self, text: str) -> tuple[Mark, ...]:
        """Name marks in text order."""
        w, longest = self.names(text)
        return tuple(
            Mark("name", w.starts[i], w.ends[i + n - 1], " ".join(w.keys[i : i + n]))
            for i, n in sorted(longest.items())
        )


def words_equal(a: Sequence[tuple[str, int, int, str, bool]], b: Words) -> bool:
    """Whether token tuples (text, start, end, key, cap) are exactly `b`'s words (for tests)."""
    return list(a) == list(zip(b.texts, b.starts, b.ends, b.keys, b.caps, strict=True))
