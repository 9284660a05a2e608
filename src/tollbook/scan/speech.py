"""Speech marks: a document's text and its sentences -> for each sentence, which word sets of the
attribution grammar it holds, as bits (issue 23). The Attributor reads a sentence's bits instead
of rescanning the sentence with every pattern: a pattern needing a set whose bit is missing cannot
match there, so it is not searched (extract/attribution.py `_cues_in`).

The word sets are declared with the patterns (extract/grammar/attribution_patterns.py
`CUE_GATES`, compared folded as case-blind patterns compare letters: for a case-sensitive pattern
a superset); tests/test_scan_attribution.py proves each set against its pattern.

A sentence's bits are exact (`SpeechWords.bits_of`: the sets of every word the folded sentence
holds), so two engines that differ only in which sentences they read give the same bits:
- `PythonSpeech` (the reference): every sentence read by `bits_of`;
- `CompiledSpeech`: the `tollbook_scan` extension's `Triggers` (rust/, the pre-filter's
  automaton), one call per document over all the words, ASCII case-blind, with the letters
  `re.IGNORECASE` equates with ASCII ones (literals.FOLDS_TO_ASCII, handed in) as words of their own: a
  sentence it does not flag holds no word and costs no Python work.

`select_speech(choice)` follows `Settings.scanner`, as `select_cues` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import reduce
from operator import or_
from typing import Protocol

from tollbook.model import Segment
from tollbook.scan.cues import trie_pattern
from tollbook.scan.extension import Notices, choose, extension_class
from tollbook.scan.marks import ScannerChoice

__all__ = ["CompiledSpeech", "PythonSpeech", "SpeechEngine", "SpeechWords", "select_speech"]


class SpeechWords:
    """The declared word sets as bits, which sets each pattern needs, and a sentence's bits.
    `fold` is the grammar's folding (extract/grammar/literals.fold, handed in by the caller, as
    the pre-filter's triggers are); `folds_to_ascii`, the letters it maps to ASCII ones."""

    def __init__(self, gates: Mapping[str, Sequence[Sequence[str]]], fold: Callable[[str], str],
                 folds_to_ascii: Sequence[str]) -> None:  # fmt: skip
        self.fold, self.folds_to_ascii = fold, tuple(folds_to_ascii)
        sets: dict[tuple[str, ...], int] = {}  # folded words -> bit
        self.need: dict[str, int] = {}
        for pattern, word_sets in gates.items():
            need = 0
            for ws in word_sets:
                if not ws or not all(ws):
                    raise ValueError(f"{pattern}: a word set needs at least one word, and no empty one")
                need |= sets.setdefault(tuple(sorted({w.lower() for w in ws})), 1 << len(sets))
            self.need[pattern] = need
        self.everything = (1 << len(sets)) - 1
        bits: dict[str, int] = {}
        for ws, bit in sets.items():
            for w in ws:
                bits[w] = bits.get(w, 0) | bit
        #: every word (folded)
        self.words = tuple(sorted(bits))
        if not all(w.isascii() for w in self.words):
            raise ValueError("the speech marks compare ASCII words")
        # The words' alternation finds the longest word starting at a position; every word that
        # starts there is a prefix of it, so its mark carries their sets' bits too.
        self._search = re.compile(trie_pattern(self.words)).search
        self._prefix_bits = {w: reduce(or_, (b for v, b in bits.items() if w.startswith(v)), 0) for w in bits}

    def bits_of(self, text: str) -> int:
        """The bits of the sets whose words fold(text) holds: the alternation is searched from
        every position where a word starts, so no word inside or across another is missed."""
        low, search, bits = self.fold(text), self._search, self._prefix_bits
        out = 0
        m = search(low)
        while m is not None:
            out |= bits[m.group()]
            m = search(low, m.start() + 1)
        return out

    def may(self, pattern: str, bits: int) -> bool:
        """Whether `pattern` may match in a sentence whose bits are `bits`."""
        need = self.need[pattern]
        return bits & need == need


class SpeechEngine(Protocol):
    """Each sentence's bits. Implementations must agree exactly."""

    name: str
    words: SpeechWords

    def bits(self, text: str, sentences: Sequence[Segment]) -> list[int]:
        """One `words.bits_of(s.text)` per sentence."""
        ...


class PythonSpeech:
    """The reference: each sentence read by `bits_of`."""

    name = "python"

    def __init__(self, words: SpeechWords) -> None:
        self.words = words

    def bits(self, text: str, sentences: Sequence[Segment]) -> list[int]:
        bits_of = self.words.bits_of
        return [bits_of(s.text) for s in sentences]


class CompiledSpeech:
    """The extension's automaton over the words: one call per document flags the sentences
    that may hold one; only those are read for their bits."""

    name = "compiled"

    def __init__(self, words: SpeechWords) -> None:
        triggers = extension_class("Triggers", "the trigger automaton")
        self.words = words
        self._scanner = triggers([*words.words, *words.folds_to_ascii])

    def bits(self, text: str, sentences: Sequence[Segment]) -> list[int]:
        flags: list[bool] = self._scanner.cued(text, [s.start for s in sentences], [s.end for s in sentences])
        bits_of = self.words.bits_of
        # The automaton reads text[start:end]: a sentence that is not that slice is read here.
        return [bits_of(s.text) if f or not _is_slice(text, s) else 0 for f, s in zip(flags, sentences, strict=True)]


def _is_slice(text: str, s: Segment) -> bool:
    return s.end - s.start == len(s.text) and text.startswith(s.text, s.start)


def select_speech(choice: ScannerChoice, words: SpeechWords, notices: Notices | None = None) -> SpeechEngine:
    """The engine `choice` names: "python", "compiled" (EngineUnavailable without the
    extension: `make rust`) or "auto" (compiled when importable, else Python)."""
    def compiled() -> SpeechEngine:
        return CompiledSpeech(words)

    return choose(choice, compiled, lambda: PythonSpeech(words), "attribution's word marks", notices)
