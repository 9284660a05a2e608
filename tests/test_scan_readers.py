"""The readers of readings.complete made cheaper (issue 23, session 3, helper "readers"): the same
claims and tallies as the code before, which this test keeps as its reference (`_old_code`).

What changed, and what the reference puts back:
- victims._roles asks the words before a determiner (an active verb before it, or a clause start
  after no preposition, each only where its proven gate holds) before reading the role noun
  phrase after it (`role_np`); the reference (`_old_roles`, the code before) read every
  determiner's noun phrase first;
- bare.py matches SUBJECT, LIST and LIST_FIGURE_LAST only where one may open (the sentence's
  start, right after an OPENING character: `bare._opening`); the reference searched (finditer);
- subjects.py tries PREDICATE_START only in the spaces before a predicate word
  (`subjects._predicate_starts`, PREDICATE_AHEAD); the reference searched (finditer);
- readings._readings_for reads the anchor bits of a sentence's marks from a memo (`_anchored`);
  the reference tests them bit by bit every time;
- victims' clause-start test reads CLAUSE_START backwards from the window's end
  (`victims._clause_start`, CLAUSE_START_BACK over the reversed window); the reference searched
  CLAUSE_START from every position;
- later_ones finds the sentence's first word once per sentence; the reference
  (`_old_find_later_ones`) once per figure;
- victims searches PREPOSITION_BEFORE and NON_LETHAL through endings.ending (only where the
  window's last word can end a match, words read from the patterns' parse); the reference
  searched the patterns themselves.

Compared: each function with its reference on hypothesis-generated text (with the Unicode case
forms `re` treats apart: "ſ", "İ", "ı", "K" (Kelvin), "ﬀ", combining marks), and the whole path
(claims and tallies) on generated reports, every sentence of tests/corpus, the demo, and sampled
../shared/data texts (every 40th), with marks (scanner "auto") and without ("python").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import bare, later_ones, readings, subjects, victims
from tollbook.extract.grammar import bare_patterns as bp
from tollbook.extract.grammar import later_patterns as lp
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import subject_patterns as sp
from tollbook.extract.grammar import victim_patterns as vp
from tollbook.extract.grammar.later import WOUND_REACH
from tollbook.extract.grammar.lexicon import POPULATIONS
from tollbook.extract.numbers import numbers_in
from tollbook.extract.victims import Victim
from tollbook.model import Span
from tollbook.pipeline import Pipeline, Settings

from .conftest import (
    ROOT,
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

# ----------------------------------------------------------------------------- the code before


def _old_roles(text: str, start: int, end: int, out: list[Victim], free: Callable[[int, int], bool]) -> None:
    """victims._roles before this work: every determiner's role noun phrase read first."""
    v = victims
    for d in v._ROLE_DET.finditer(text, start, end):
        np = v.role_np(text, d.end(), end)
        if np is None:
            continue
        np_end, head = np
        if text[np_end - len(head) : np_end][:1].isupper() and d.group("det").lower() not in v._INDEFINITE:
            continue
        before = text[max(start, d.start() - 40) : d.start()]
        verb = v._ACTIVE_BEFORE.search(before)
        category: str | None = None
        after: re.Match[str] | None = None
        if verb is not None and v._AFTER_NAME.match(text, np_end, end):
            at = d.start() - len(before) + verb.start()
            nominal = verb.group(0).split()[0].lower().endswith("ing") and v._NOMINAL.search(text, max(start, at - 30), at)
            if not v._undone(text, start, at) and not nominal and not v._present_undone(text, start, verb.group("verb"), at):
                category = v._category(verb.group("verb"), bool(verb.group("manner")))
        else:
            after = v._PASSIVE.match(text, np_end, end) or v._DIED.match(text, np_end, end) \
                or (v._GAPPED.match(text, np_end, end) if v._GAPPED_BEFORE.search(before) else None)  # fmt: skip
            if after is not None and not after.groupdict().get("neg") and vp.CLAUSE_START.search(before[-40:]) \
                    and not v._PREPOSITION_BEFORE.search(before) and not v._undone(text, start, v._pred_start(after)):  # fmt: skip
                manner = bool(after.groupdict().get("manner"))
                category = v._category(after.group("verb"), manner) if after.re in (v._PASSIVE, v._GAPPED) \
                    else v._died_category(after)  # fmt: skip
        if category is not None and free(d.start(), np_end):
            population, cls = POPULATIONS.get(head, ("people", "unknown", "people"))[:2]
            out.append(Victim((d.start(), np_end), category, population, cls, "role"))
            if verb is None and after is not None:
                v._another(text, after.end(), end, out)


def _old_opening(pattern: re.Pattern[str], sentence: str, opens: list[int]) -> list[re.Match[str]]:
    return list(pattern.finditer(sentence))


def _old_predicate_starts(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(sp.PREDICATE_START.finditer(text, start, end))


def _old_readings_for(text: str, start: int, end: int) -> frozenset[str]:
    marks = literals.marks(text, start, end)
    if marks is not None:
        return frozenset([name for name, bit in readings._ANCHOR_BITS if marks & bit])
    return frozenset([r for r, g in readings._ANCHOR_GATES.items() if literals.gate(text, start, end, g)])


def _old_clause_start(before: str) -> bool:
    return vp.CLAUSE_START.search(before) is not None


def _old_find_later_ones(text: str, start: int, end: int, taken: list[Span]) -> list[Victim]:
    """later_ones.find_later_ones before this work: the sentence's first word found per figure."""
    out: list[Victim] = []
    for n in numbers_in(text, start, end):
        if n.kind != "cardinal" or n.written not in ("words", "digits") or n.value < 1:
            continue
        a, b = n.span
        sentence_start = start + len(text[start:end]) - len(text[start:end].lstrip())
        if a != sentence_start and not lp.BARE_OPENER.search(text, max(start, a - 6), a):
            continue
        if lp.OWN_DEATH.match(text, b, end) is None or text[b:].lstrip().lower().startswith("of "):
            continue
        if lp.WOUND_BEFORE.search(text, max(0, a - WOUND_REACH), a) is None:
            continue
        if victims.unread(a, b, taken, out):
            out.append(Victim((a, b), "wounded", "people", "unknown", "later", value=n.value))
    return out


@contextmanager
def _old_code() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(victims, "_roles", _old_roles)
        m.setattr(victims, "_clause_start", _old_clause_start)
        m.setattr(victims, "_PREPOSITION_BEFORE_AT", vp.PREPOSITION_BEFORE)  # re.Pattern.search: the same call
        m.setattr(victims, "_NON_LETHAL_AT", vp.NON_LETHAL)
        m.setattr(later_ones, "find_later_ones", _old_find_later_ones)
        m.setattr(bare, "_opening", _old_opening)
        m.setattr(subjects, "_predicate_starts", _old_predicate_starts)
        m.setattr(readings, "_readings_for", _old_readings_for)
        yield


@cache
def _pipeline(scanner: str) -> Pipeline:
    return Pipeline(Settings(scanner=scanner))


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    assert_path_agrees(texts, _old_code, least_claims=least_claims, scanners=("auto", "python"))


# ----------------------------------------------------------------------------- the grammar the shortcuts read

#: Every code point: `str.isspace` is `re`'s `\s` (subjects._predicate_starts walks back over it).
_EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_isspace_is_the_space_class_of_re() -> None:
    assert {c for c in _EVERY if c.isspace()} == set(re.findall(r"\s", _EVERY))


def test_the_role_gates_are_proven_against_the_patterns_role_reading_needs() -> None:
    assert literals.proves(vp.ACTIVE_GATE.words, vp.ACTIVE_BEFORE)
    for pattern in (vp.PASSIVE, vp.DIED, vp.GAPPED):
        assert literals.proves(vp.PREDICATE_GATE.words, pattern), pattern.pattern[:60]


def test_bare_patterns_open_where_opening_says() -> None:
    """The three patterns bare._opening matches start with OPENS; OPENING finds its characters."""
    for pattern in (bp.SUBJECT, bp.LIST, bp.LIST_FIGURE_LAST):
        assert pattern.pattern.startswith(bp.OPENS), pattern.pattern[:60]
    assert rf"(?:^|(?<={bp.OPENING_CHARS})\s*|(?<=\n))" == bp.OPENS
    assert {c for c in _EVERY if bp.OPENING.fullmatch(c)} == {c for c in _EVERY if re.fullmatch(bp.OPENING_CHARS, c)} | {"\n"}


def test_predicate_start_ends_in_the_space_predicate_ahead_finds() -> None:
    assert sp.PREDICATE_START.pattern == r"(?<=\S)\s*,?\s+(?=" + sp.PREDICATE_WORDS + ")"
    assert sp.PREDICATE_AHEAD.pattern == r"\s(?=" + sp.PREDICATE_WORDS + ")"
    assert sp.PREDICATE_START.flags == sp.PREDICATE_AHEAD.flags


# ----------------------------------------------------------------------------- units, on generated text

_WORDS = st.sampled_from([
    "a", "an", "the", "The", "A", "one", "his", "her", "HIS", "Her", "was", "WAS", "were", "is", "are", "has been",
    "had been", "have been", "got", "died", "perished", "succumbed", "killed", "shot dead", "kidnapped", "injured",
    "wounded", "officer", "police", "Officer", "guard", "soldier", "customs", "driver", "mayor", "Israeli", "NDS",
    "(NDS)", "of", "from", "in", "and", "but", "when", "after", "gunmen", "shot", "killing", "abducted", "beheaded",
    "2", "two", "militants", "Soldier", "policeman", "civilian", ",", ", ", ".", ";", ":", "(", ")", "“", "\"", "—",
    "–", "!", "?", "\n", "ſ", "İ", "ı", "\u212a", "ﬀ", "e\u0301", "\u00a0", "\u2003", "\u0085", "  ", "\t", "waſ",
    "\u212aILLED", "İS", "dıed", "were\u00a0killed",
])  # fmt: skip
_GLUE = st.sampled_from([" ", "", "  ", ", ", "\n", "\u00a0"])


def _texts() -> st.SearchStrategy[tuple[str, int, int]]:
    def build(words: list[str], glue: str, lead: str, tail: str) -> tuple[str, int, int]:
        body = glue.join(words)
        return lead + body + tail, len(lead), len(lead) + len(body)

    return st.builds(build, st.lists(_WORDS, max_size=14), _GLUE, st.sampled_from(["", "x", "Four were killed. "]),
                     st.sampled_from(["", " more", ". He was killed"]))  # fmt: skip


def _match_key(ms: list[re.Match[str]]) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in ms]


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_roles_read_the_same_victims(case: tuple[str, int, int]) -> None:
    text, start, end = case
    got: list[Victim] = []
    victims._roles(text, start, end, got, lambda a, b: True)
    reference: list[Victim] = []
    _old_roles(text, start, end, reference, lambda a, b: True)
    assert got == reference


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_bare_opening_matches_as_finditer(case: tuple[str, int, int]) -> None:
    text, start, end = case
    sentence = text[start:end]
    opens = [0, *(o.end() for o in bp.OPENING.finditer(sentence))]
    for pattern in (bp.SUBJECT, bp.LIST, bp.LIST_FIGURE_LAST):
        assert _match_key(bare._opening(pattern, sentence, opens)) == _match_key(list(pattern.finditer(sentence)))


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_predicate_starts_match_as_finditer(case: tuple[str, int, int]) -> None:
    text, start, end = case
    assert _match_key(subjects._predicate_starts(text, start, end)) == _match_key(_old_predicate_starts(text, start, end))


@settings(max_examples=1500, deadline=None)
@given(st.lists(_WORDS, max_size=8), _GLUE)
def test_clause_start_read_backwards_is_the_search(words: list[str], glue: str) -> None:
    before = glue.join(words)
    for cut in range(len(before) + 1):  # every tail, as the readers' 40-character windows cut it
        assert victims._clause_start(before[cut:]) == _old_clause_start(before[cut:]), before[cut:]


def test_clause_start_back_is_built_from_clause_starts_parts() -> None:
    opener = "|".join([r"\Z", vp.CLAUSE_PUNCT_CLASS, *(w[::-1] + r"\b" for w in vp.CLAUSE_OPENERS)])
    dets = "|".join(d[::-1] for d in vp.CLAUSE_DETERMINERS)
    assert vp.CLAUSE_START_BACK.pattern == rf"(?:\s+[\w-]+){{0,2}}(?:\s+(?:{dets}))?\s*(?:{opener})"
    assert vp.CLAUSE_START.pattern == (r"(?:^|" + vp.CLAUSE_PUNCT_CLASS + "".join(r"|\b" + w for w in vp.CLAUSE_OPENERS)
                                       + r")\s*(?:(?:" + "|".join(vp.CLAUSE_DETERMINERS) + r")\s+)?(?:[\w-]+\s+){0,2}\Z")  # fmt: skip
    assert vp.CLAUSE_START.flags == vp.CLAUSE_START_BACK.flags


@settings(max_examples=400, deadline=None)
@given(_texts(), st.sampled_from(["", "Two were wounded. ", "Three guards were injured; "]),
       st.sampled_from(["", " One later died of his wounds", " two died later in hospital", " Two of them succumbed"]))  # fmt: skip
def test_later_ones_read_the_same_figures(case: tuple[str, int, int], lead: str, tail: str) -> None:
    text, start, end = case
    text = lead + text[:end] + tail + text[end:]
    start, end = start + len(lead), end + len(lead) + len(tail)
    assert later_ones.find_later_ones(text, start, end, []) == _old_find_later_ones(text, start, end, [])


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_end_anchored_windows_are_searched_as_before(case: tuple[str, int, int]) -> None:
    """victims' PREPOSITION_BEFORE and NON_LETHAL through endings.ending (skipped where the last
    word cannot end a match): the same match as the search, in every window of the text."""
    text, _start, _end = case
    text += " nearly " if len(text) % 2 else " outside "
    for a in range(len(text) + 1):
        for b in range(a, min(len(text), a + 14) + 1):
            for fast, pattern in ((victims._PREPOSITION_BEFORE_AT, vp.PREPOSITION_BEFORE), (victims._NON_LETHAL_AT, vp.NON_LETHAL)):
                got, want = fast.search(text, a, b), pattern.search(text, a, b)
                assert (got and got.span()) == (want and want.span()), (text, a, b)


def test_predicate_starts_after_commas_and_spaces() -> None:
    for text in ("Ana,, was killed", "Ana , , was killed", "x ,was killed", "Ana,\u00a0was killed", " was", ", was", "a\n\n, \twas"):
        assert _match_key(subjects._predicate_starts(text, 0, len(text))) == _match_key(_old_predicate_starts(text, 0, len(text))), text
        for start in range(len(text)):
            got = subjects._predicate_starts(text, start, len(text))
            assert _match_key(got) == _match_key(_old_predicate_starts(text, start, len(text))), (text, start)


def test_anchored_readings_are_the_bits_of_the_marks() -> None:
    raw = "qqreaders: the trio were abducted and a guard died of his wounds"
    end = len(raw)
    chosen = [g.bit for r, g in readings._ANCHOR_GATES.items() if r in ("victims", "bare", "subjects")]
    text = literals.marked(raw, [(0, end)], [sum(chosen)], len(literals.declared()))  # the marks travel with the text
    assert readings._readings_for(text, 0, end) == _old_readings_for(text, 0, end) == {"victims", "bare", "subjects"}


# ----------------------------------------------------------------------------- the whole path

_FRAGMENTS = st.sampled_from([
    "Gunmen shot and killed Faiz Karimi, a religious scholar", "An Afghan Local Police (ALP) officer was killed",
    "Her driver was injured", "Assailants killed a National Directorate of Security (NDS) officer",
    "An Israeli was injured", "the Taliban were killed", "A soldier from Kano was killed",
    "Customs officer kidnapped, killed", "2 militants, soldier killed", "Soldier, 2 militants killed in Kupwara",
    "Policeman, civilian injured in grenade attack", "Armed men killed forest guard", "Young man beheaded by militants",
    "The Italian Ambassador was assassinated", "His mother and sister were wounded", "Six nurses were abducted",
    "The judge and his clerk were shot dead", "Nobody was killed", "A German priest , was shot and killed",
    "The consul,, was shot", "Two peasants, accused of ties with rebels, were killed", "ſeven were ſhot dead",
    "A GUARD WAS \u212aILLED", "the mayor was nearly lynched", "a guard was killed and another wounded",
    "Rebels tried to kill a policeman", "Talks resumed in Geneva", "İSIS fighters died",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, min_size=1, max_size=5), st.sampled_from([". ", "; ", ", and ", ".\n"]))
def test_generated_reports_are_byte_identical(sentences: list[str], glue: str) -> None:
    _assert_identical([glue.join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    _assert_identical(corpus_texts(heldout=True) + demo_texts(), least_claims=1000)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


def test_the_demo_exists() -> None:
    assert demo_texts() and Path(ROOT / "src" / "tollbook" / "demo").is_dir()
