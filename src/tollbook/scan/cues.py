"""Cue marks: a document's text and its sentences -> which sentences hold a trigger word (issue
23's pre-filter). The count rules run only on those; the others cost no Python work.

The triggers (literals) are built once, from the declared grammar (extract/grammar/triggers.py:
stems and the few non-ASCII letters Python's case-insensitive patterns equate with ASCII ones),
by the caller, and handed to an engine, which finds them as substrings, ASCII
case-insensitively. Two engines give the same answer:
- `PythonCues` (the reference): one compiled alternation, searched within each sentence;
- `CompiledCues`: the `tollbook_scan` extension (rust/, built with maturin), one call per
  document: an Aho-Corasick automaton over the text's bytes, sentence bounds converted from
  Python's code-point offsets to UTF-8 byte offsets inside the extension.

A sentence is also kept when it holds a misspelt cue word ("killled", "causalities"), which
holds no trigger stem: with `Misspellings` (the table of extract/grammar/spelling_patterns.py
and its reference reader, extract/spelling.py's `respell`, both handed in by the pipeline),
`PythonCues` asks the reader of each sentence without a trigger, and `CompiledCues` reads the
same table in the same call as the triggers, so a sentence with neither costs no Python work.

Companions (grammar/triggers.py: "grew", "revised", "bringing") keep a sentence only together
with a count noun ("the total grew to 58"): `PairedCues` asks a second and a third engine of the
same kind, over the sentences the triggers left, for the companions and then the count nouns, so
the pairing is Python over the engines' flags, one rule for both engines.

`select_cues(choice)` follows `Settings.scanner` through scan/extension.py's `choose`, as every
stage does: "python", "compiled" (EngineUnavailable when the extension is not installed: `make
rust`) or "auto" (compiled when importable and current, else Python). This is the one stage that
says a missing extension: once per pipeline (its `Notices`), in the log, which reaches stderr.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tollbook._exceptions import ConfigError
from tollbook.model import Segment
from tollbook.scan.extension import Notices, choose, extension_available, extension_class
from tollbook.scan.marks import EngineUnavailable, ScannerChoice

__all__ = [
    "CompiledCues",
    "CueEngine",
    "Misspellings",
    "PairedCues",
    "PythonCues",
    "extension_available",
    "select_cues",
    "trie_pattern",
]


class CueEngine(Protocol):
    """Which sentences hold a trigger. Implementations must agree exactly."""

    name: str

    def cued(self, text: str, sentences: Sequence[Segment]) -> list[bool]:
        """One flag per sentence: whether text[s.start:s.end] holds a trigger (or, given
        `Misspellings`, a misspelt cue word)."""
        ...


@dataclass(frozen=True, slots=True)
class Misspellings:
    """What extract/spelling.py reads as a misspelt cue word, as data (every word lower-case
    ASCII letters), and `found`, its reference reader: whether a text holds one."""

    by_first: Mapping[str, Sequence[str]]
    cue_words: frozenset[str]
    real: frozenset[str]
    variants: Mapping[str, str]
    kept_before: Mapping[str, str]
    min_length: int
    found: Callable[[str], bool]


def trie_pattern(literals: Sequence[str]) -> str:
    """One pattern matching exactly the literals, written as their trie ("ki(?:ll|dnap)"): `re`
    tries an alternation's branches one by one at each position, a trie's shared prefixes once
    (measured 4x faster on 151 triggers)."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        optional = "" in node
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        return body + ("?" if optional else "")

    return pattern(trie)


class PythonCues:
    """The reference: the triggers' trie as one case-insensitive (ASCII only) pattern."""

    name = "python"

    def __init__(self, literals: Sequence[str], misspellings: Misspellings | None = None) -> None:
        if not literals or not all(literals):
            raise ConfigError("the cue scanner needs at least one trigger, and no empty one")
        self._search = re.compile(trie_pattern(literals), re.IGNORECASE | re.ASCII).search
        self._misspelt = misspellings.found if misspellings is not None else None

    def cued(self, text: str, sentences: Sequence[Segment]) -> list[bool]:
        search, misspelt = self._search, self._misspelt
        flags = [search(text, s.start, s.end) is not None for s in sentences]
        if misspelt is None:
            return flags
        return [f or misspelt(text[s.start : s.end]) for f, s in zip(flags, sentences, strict=True)]


class CompiledCues:
    """The `tollbook_scan` extension: the same triggers, one automaton, one call per document."""

    name = "compiled"

    def __init__(self, literals: Sequence[str], misspellings: Misspellings | None = None) -> None:
        if not literals or not all(literals):
            raise ConfigError("the cue scanner needs at least one trigger, and no empty one")
        self._scanner = extension_class("Triggers", "the trigger pre-filter")(list(literals))
        if misspellings is not None:
            m = misspellings
            # Any: an older build of the extension (its stub) has no `spelled`
            scanner: Any = self._scanner
            if not hasattr(scanner, "spelled"):
                raise EngineUnavailable(
                    "the installed tollbook_scan extension is older than this checkout (it "
                    "reads no misspellings): rebuild it with `make rust`, or choose "
                    "scanner='python'"
                )
            scanner.spelled([w for ws in m.by_first.values() for w in ws], sorted(m.cue_words),
                            sorted(m.real), sorted(m.variants), sorted(m.kept_before.items()), m.min_length)  # fmt: skip

    def cued(self, text: str, sentences: Sequence[Segment]) -> list[bool]:
        flags: list[bool] = self._scanner.cued(
            text, [s.start for s in sentences], [s.end for s in sentences]
        )
        return flags


class PairedCues:
    """`triggers` flags a sentence alone; a companion only with a partner in the same sentence."""

    def __init__(self, triggers: CueEngine, companions: CueEngine, partners: CueEngine) -> None:
        self.name = triggers.name
        self.parts = (triggers, companions, partners)
        self._triggers, self._companions, self._partners = triggers, companions, partners

    def cued(self, text: str, sentences: Sequence[Segment]) -> list[bool]:
        flags = self._triggers.cued(text, sentences)
        rest = [i for i, f in enumerate(flags) if not f]
        if rest:
            rest = _kept(self._companions, text, sentences, rest)
        if rest:
            for i in _kept(self._partners, text, sentences, rest):
                flags[i] = True
        return flags


def _kept(engine: CueEngine, text: str, sentences: Sequence[Segment], which: list[int]) -> list[int]:
    """The indices of `which` whose sentence `engine` flags."""
    flags = engine.cued(text, [sentences[i] for i in which])
    return [i for i, f in zip(which, flags, strict=True) if f]


def select_cues(choice: ScannerChoice, literals: Sequence[str], misspellings: Misspellings | None = None,
                companions: tuple[Sequence[str], Sequence[str]] | None = None,
                notices: Notices | None = None) -> CueEngine:  # fmt: skip
    """The engine `choice` names: "python", "compiled" or "auto" (see the module docstring);
    with `companions` (companion literals, partner literals), paired (`PairedCues`). A
    fallback to Python is said once per `notices` (None: each time)."""
    def compiled() -> CueEngine:
        return CompiledCues(literals, misspellings)

    def reference() -> CueEngine:
        return PythonCues(literals, misspellings)

    engine = choose(choice, compiled, reference, "the cue pre-filter", notices, says_missing=True)
    if companions is None:
        return engine
    kind = PythonCues if engine.name == "python" else CompiledCues
    return PairedCues(engine, kind(companions[0]), kind(companions[1]))
