"""Word gates (issue 23; extract/grammar/literals.py): a rule skips a search where the sentence
holds none of the words its pattern cannot match without.

- the folding is exact: every character `re.IGNORECASE` equates with an ASCII letter folds to
  it, and no other character folds to anything ASCII;
- `required` is sound: over generated patterns and texts, a text a pattern matches in holds
  one of the strings `required` gives (and a few patterns give what they must);
- every gate in the source is declared in GATES below and its words cover what its patterns
  require (so a text without the words cannot match);
- the reading anchors' substring test gives the regex's answer on every corpus sentence;
- output is byte-identical with every gate on and off (literals.gate answering True), on the
  project corpus and ../shared/data (every 20th row; all with TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract.grammar import active_object_patterns as ao
from tollbook.extract.grammar import bare_patterns as bare
from tollbook.extract.grammar import besides_patterns as be
from tollbook.extract.grammar import burning_patterns as bu
from tollbook.extract.grammar import collective_patterns as clp
from tollbook.extract.grammar import commemoration_patterns as cp
from tollbook.extract.grammar import fatal_patterns as fp
from tollbook.extract.grammar import headline_patterns as hp
from tollbook.extract.grammar import housing_patterns as hsp
from tollbook.extract.grammar import incident_patterns as ip
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import nominal_patterns as nm
from tollbook.extract.grammar import object_patterns as ob
from tollbook.extract.grammar import other_patterns as ot
from tollbook.extract.grammar import phrase_patterns as pp
from tollbook.extract.grammar import relative_patterns as rp
from tollbook.extract.grammar import survivor_patterns as sv
from tollbook.extract.grammar import sustained_patterns as su
from tollbook.extract.grammar import victim_patterns as vp
from tollbook.extract.grammar import wound_nominal_patterns as wn
from tollbook.extract.grammar.literals import Gate, fold, gate_of, holds, minimal, proves, required
from tollbook.extract.grammar.reading_patterns import ANCHOR_GATES, ANCHORS
from tollbook.extract.segment import segment
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings

from .conftest import SHARED_TEXT_FILES, corpus_texts, sampled_shared_texts

PACKAGE = Path(literals.__file__).resolve().parents[2]

#: Every gate a rule module asks (`literals.gate(text, start, end, WORDS)`): (WORDS as the
#: source writes it, the words, the patterns it gates).
GATES: list[tuple[str, Gate, list[re.Pattern[str]]]] = [
    ("_ACTIVE_GATE", vp.ACTIVE_GATE, [vp.ACTIVE]),
    ("_PREDICATE_GATE", vp.PREDICATE_GATE, [vp.PASSIVE, vp.PASSIVE_PLURAL, vp.DIED]),
    ("_UNDONE_GATE", vp.UNDONE_GATE, [vp.UNDONE_PREDICATE]),
    ("_COLLECTIVE_GATE", clp.COLLECTIVE_GATE, [clp.COLLECTIVE]),
    ("_VERB_GATE", ao.VERB_GATE, [ao.VERB]),
    ("_WOUND_VERB_GATE", ao.WOUND_VERB_GATE, [ao.WOUND_VERB]),
    ("_PARTICIPLE_GATE", bare.PARTICIPLE_GATE, [bare.SUBJECT, bare.LIST, bare.LIST_FIGURE_LAST]),
    ("_OBJECT_GATE", bare.OBJECT_GATE, [bare.OBJECT]),
    ("_ANOTHER_GATE", hp.ANOTHER_GATE, [hp.ANOTHER]),
    ("_AND_ANOTHER_GATE", hp.AND_ANOTHER_GATE, [hp.AND_ANOTHER]),
    ("lx.ZERO_GATE", lx.ZERO_GATE, [lx.ZERO_RE]),
    ("lx.CHARACTERISATION_GATE", lx.CHARACTERISATION_GATE, [lx.CHARACTERISATION_RE]),
    ("pp.UNQUANTIFIED_GATE", pp.UNQUANTIFIED_GATE, [pp.UNQUANTIFIED]),
    ("COMMEMORATION_GATE", cp.COMMEMORATION_GATE, [cp.COMMEMORATION]),
    ("SCOPE_GATE", ip.SCOPE_GATE, [ip.SCOPE]),
    ("_ANY_NOUN_GATE", hsp.ANY_NOUN_GATE, [hsp.ANY_NOUN]),
    ("lx.HEDGE_GATE", lx.HEDGE_GATE, [lx.HEDGE_RE]),
]
#: The reading anchors (readings.complete's `may`): the patterns that produce each reading's
#: output (the comments of reading_patterns.READING_ANCHORS).
READING_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "bare": [bare.SUBJECT, bare.LIST, bare.LIST_FIGURE_LAST, bare.OBJECT],
    "victims": [vp.ACTIVE, vp.ACTIVE_BEFORE, vp.PASSIVE, vp.PASSIVE_PLURAL, vp.GAPPED, vp.DIED],
    "subjects": [vp.PASSIVE, vp.PASSIVE_PLURAL, vp.DIED, fp.FATAL_PASSIVE],
    "offices": [vp.ACTIVE_BEFORE],
    "postmodified": [vp.PASSIVE, vp.DIED],
    "anaphora": [vp.PASSIVE_PLURAL],
    "wound_nominals": [wn.CAUSED, wn.WITH_WOUND, wn.AND_THE_INJURY],
    "sustained": [su.RECEIVED],
    "others": [ot.SUBJECT, ot.OBJECT],
    "burning": [bu.SPLIT, bu.PASSIVE],
    "survivors": [sv.SHOT],
    "objects": [ob.PRONOUN_OBJECT],
    "nominals": [nm.NOMINAL],
    "active_objects": [ao.VERB, ao.WOUND_VERB],
    "besides": [be.FRONTED],
    "relatives": [rp.RELATIVE],
}


# ----------------------------------------------------------------------------- folding


def test_fold_maps_exactly_what_re_equates_with_ascii_letters() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        equal = set(re.findall(letter, every, re.IGNORECASE))
        assert {c for c in equal if fold(c) != letter} == set(), letter
    for c in every:
        f = fold(c)
        if any(ch.isascii() for ch in f) and not c.isascii():
            assert len(f) == 1 and re.fullmatch(f, c, re.IGNORECASE), (hex(ord(c)), f)


def test_a_gate_answers_as_its_words() -> None:
    many = gate_of([f"w{i}x" for i in range(10)] + ["Shot", "shots"])
    few = gate_of(["shot", "wound", "wounded"])
    assert "shot" in many.words and "shots" not in many.words and few.words == ("shot", "wound")
    for low in ["he was shot", "w3x", "w3", "wounds", "nothing here", "", "a gunshot"]:
        assert many(low) == holds(low, many.words)
        assert few(low) == holds(low, few.words)


def test_the_housing_gate_answers_as_the_pattern_it_replaced() -> None:
    assert hsp.ANY_NOUN_GATE.words == minimal(a for a in hsp.ANY_NOUN.pattern.split("|"))


def test_minimal_keeps_the_same_answer() -> None:
    words = ["wound", "wounds", "wounded", "injury", "injur", "shot"]
    assert minimal(words) == ("shot", "injur", "wound")
    for low in ["he was wounded", "injuries", "a shot", "nothing here", "wounds"]:
        assert holds(low, words) == holds(low, minimal(words))


# ----------------------------------------------------------------------------- required


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bkill(?:ed|ing)\b", {"killed", "killing"}),
    (r"(?<=\s)Shot\s+dead", {"shot"}),
    (r"\w+\s+(?:people|persons)\b", {"people", "persons"}),
    (r"(?:was|were)\s+(?:killed|injured)", {"killed", "injured"}),
    (r"abc(?:de)?", {"abc"}),
    (r"(?:ab|cd)+x", {"ab", "cd"}),
    (r"\w+", None),
    (r"(?:a|\w)b", {"b"}),
    (r"x?", None),
    (r"(?i)caf\u00e9s", {"caf"}),
])  # fmt: skip
def test_required_of_simple_patterns(pattern: str, expected: set[str] | None) -> None:
    got = required(re.compile(pattern, re.IGNORECASE))
    assert (None if got is None else set(got)) == expected


_PIECES = st.sampled_from([
    "a", "b", "k", "s", "i", "K", "S", "I", " ", "ab", "kis", r"\s", r"\w", r"\b", ".", "[ab]", "[a-c]",
    "(?:ab|ba)", "(?:s|k)", "(?<=a)", "(?=b)", "(?!k)", "(?-i:K)", "x?",
])  # fmt: skip
_SUFFIX = st.sampled_from(["", "?", "*", "+", "{1,2}", "{0,2}"])


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PIECES, _SUFFIX), min_size=1, max_size=5))
    body = "".join(f"(?:{p}){s}" if s else p for p, s in parts)
    if draw(st.booleans()):
        other = draw(st.lists(st.tuples(_PIECES, _SUFFIX), min_size=1, max_size=3))
        body = f"(?:{body}|{''.join(f'(?:{p}){s}' if s else p for p, s in other)})"
    return body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), st.text(alphabet="abksiKSIxy \u212a\u017f\u0130\u0131.", max_size=12), st.booleans())
def test_a_match_holds_a_required_string(pattern: str, text: str, caseless: bool) -> None:
    compiled = re.compile(pattern, re.IGNORECASE if caseless else 0)
    strings = required(compiled)
    if strings is None:
        return
    for m in compiled.finditer(text):
        assert holds(fold(m.group(0)), strings), (pattern, text, m.group(0), strings)
        assert holds(fold(text), strings)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), st.text(alphabet="abksiKSIxy \u212a\u017f\u0130\u0131.", max_size=12), st.booleans(),
       st.lists(st.sampled_from(["a", "b", "k", "s", "i", "ab", "ki", "is", " ", "ba"]), min_size=1, max_size=3))
def test_a_proven_gate_holds_for_every_match(pattern: str, text: str, caseless: bool, words: list[str]) -> None:
    compiled = re.compile(pattern, re.IGNORECASE if caseless else 0)
    if not proves(words, compiled):
        return
    for m in compiled.finditer(text):
        assert holds(fold(m.group(0)), words), (pattern, text, m.group(0), words)


# ----------------------------------------------------------------------------- declared gates


def test_every_gate_in_the_source_is_declared_here() -> None:
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for m in re.finditer(r"literals\.gate\(\s*text,\s*[^,]+,\s*[^,]+,\s*([^)]+?)\s*\)", path.read_text("utf-8")):
            used.add(m.group(1))
    assert "_ANCHOR_GATES[reading]" in used  # the reading anchors: READING_PATTERNS
    used.discard("_ANCHOR_GATES[reading]")
    assert used == {name for name, _, _ in GATES}


@pytest.mark.parametrize(("name", "gate", "patterns"), GATES, ids=[g[0] for g in GATES])
def test_a_gate_covers_what_its_patterns_require(name: str, gate: Gate, patterns: list[re.Pattern[str]]) -> None:
    _assert_proven(name, gate.words, patterns)


@pytest.mark.parametrize("name", sorted(READING_PATTERNS))
def test_a_reading_anchor_covers_what_its_patterns_require(name: str) -> None:
    _assert_proven(name, ANCHOR_GATES[name].words, READING_PATTERNS[name])


def test_every_reading_anchor_is_proven() -> None:
    assert set(READING_PATTERNS) == set(ANCHOR_GATES)


def _assert_proven(name: str, words: tuple[str, ...], patterns: list[re.Pattern[str]]) -> None:
    assert words and all(w == w.lower() and w.isascii() and w.strip() for w in words), name
    for p in patterns:
        found = required(p)
        assert proves(words, p), (f"{name}: a match of {p.pattern[:60]!r}... may hold none of the words; "
                                  f"it needs one of {sorted(found or [])[:12]}: declare them")  # fmt: skip


# ----------------------------------------------------------------------------- the anchors


def test_anchor_words_answer_as_the_anchor_patterns() -> None:
    seen = 0
    for text in corpus_texts(heldout=True):
        for s in segment(text):
            low = fold(text[s.start : s.end])
            for name, pattern in ANCHORS.items():
                assert (pattern.search(text, s.start, s.end) is not None) == ANCHOR_GATES[name](low), name
                seen += 1
    assert seen > 10_000


# ----------------------------------------------------------------------------- differential


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline(Settings())


def _outputs(texts: list[str]) -> list[str]:
    return [repr((ex.claims, ex.tally)) for ex in (_pipeline().run(document_from_text(t)) for t in texts)]


def _assert_identical(texts: list[str], monkeypatch: pytest.MonkeyPatch, *, least_claims: int) -> None:
    gated = _outputs(texts)
    assert sum(r.count("Claim(") for r in gated) >= least_claims
    with monkeypatch.context() as m:
        m.setattr(literals, "gate", lambda text, start, end, words: True)
        reference = _outputs(texts)
    diff = [(t[:120], a, b) for t, a, b in zip(texts, reference, gated, strict=True) if a != b]
    assert not diff, f"{len(diff)} documents differ with the gates on, first: {diff[0]}"


def test_gates_off_answer_true(monkeypatch: pytest.MonkeyPatch) -> None:
    """The switch the differential tests use does reach the gates: off, a gated reading runs."""
    called: list[int] = []
    from tollbook.extract import bare as bare_reading

    real = bare_reading.find_bare
    monkeypatch.setattr(bare_reading, "find_bare", lambda *a: called.append(1) or real(*a))
    _outputs(["The toll rose to 12 on Monday, officials said."])
    assert called == []
    monkeypatch.setattr(literals, "gate", lambda text, start, end, words: True)
    _outputs(["The toll rose to 12 on Monday, officials said."])
    assert called


def test_the_project_corpus_is_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = corpus_texts(heldout=True)
    assert len(texts) > 1000
    _assert_identical(texts, monkeypatch, least_claims=1000)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = sampled_shared_texts(name, every=20)
    _assert_identical(texts, monkeypatch, least_claims=1)


def test_the_table_of_derived_gates_is_current() -> None:
    """Every gate a grammar module derives from its pattern (`literals.gate_from`) is read from
    grammar/required_words.py at import; the table must hold what the parse gives, or run
    `scripts/required_words.py`."""
    from tollbook.extract.grammar.required_words import REQUIRED

    Pipeline().patterns  # noqa: B018 - every grammar module imported
    patterns = literals.derived()
    assert len(patterns) >= 5
    for pattern in patterns:
        words = literals.required(pattern)
        want = None if words is None else tuple(sorted(words))
        assert REQUIRED.get(literals.required_key(pattern)) == want, (
            f"{pattern.pattern[:60]!r}: run scripts/required_words.py"
        )
