"""The faster readers of the heads/phrases/spelling/glue/scare/asides stage (issue 23, session 3)
against the readers as they were.

- spelling.respell: a search for the candidate tokens (CANDIDATE, derived from WORD, MIN_LENGTH
  and BY_FIRST) answered by a per-token cache says when no token is misspelt; the word loop
  (respell_words, the old body) runs only then;
- glue.repair: `_pieces` remembered per token, and one findall pass says when a candidate
  sentence splits nothing;
- scare.blank_scare_quotes: SCARE_QUOTE tried only at its opening marks (read from its parse);
- asides.blank_asides: ASIDE's matches read as ASIDE_BODY's between each ASIDE_END and the
  ")" before it;
- phrases.determiners / pronouns: DETERMINER and HIM_OR_HER led by a look-ahead of their first
  letters (grammar/first_chars.py), the taken spans tested in a loop, the mentions made directly.

The references below are the old code, kept here and patched in for the reference runs. Each
function must answer as its reference on generated text (Unicode case forms `re` treats
specially included), and the whole path's claims and tallies must be byte-identical on generated
reports, the project corpus, the demo and ../shared/data texts (sampled; all with
TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import asides, glue, phrases, scare, spelling
from tollbook.extract.glue import Repaired
from tollbook.extract.grammar import aside_patterns, phrase_patterns, scare_patterns
from tollbook.extract.grammar import spelling_patterns as sp
from tollbook.extract.grammar.first_chars import led, opening_chars
from tollbook.extract.grammar.literals import FOLDS_TO_ASCII
from tollbook.extract.grammar.number_patterns import NUMWORD
from tollbook.extract.numbers import NumberMention
from tollbook.model import Span

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]
_CALLS: dict[str, int] = {}


def _count(name: str) -> None:
    _CALLS[name] = _CALLS.get(name, 0) + 1


# --- the reference: the stage's functions before this change --------------------------------------

def _old_respell(text: str) -> Repaired | None:
    _count("respell")
    chunks: list[str] = []
    index: list[int] = []
    last = 0
    for m in sp.WORD.finditer(text):
        token = m.group(0)
        if len(token) < sp.MIN_LENGTH - 1 or token[0].lower() not in sp.BY_FIRST:
            continue
        right = spelling.correction(token.lower())
        if right is None:
            continue
        kept_before = sp.KEPT_BEFORE.get(token.lower())
        if kept_before is not None and text[m.end() :].split(None, 1)[:1] == [kept_before]:
            continue
        if token[0].isupper():
            right = right[0].upper() + right[1:]
        chunks.append(text[last : m.start()])
        index.extend(range(last, m.start()))
        n = len(token)
        index.extend(m.start() + min(k, n - 2) for k in range(len(right) - 1))
        index.append(m.end() - 1)
        chunks.append(right)
        last = m.end()
    if not chunks:
        return None
    chunks.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return Repaired(text="".join(chunks), index=tuple(index))


def _old_repair(text: str, candidate: Callable[[str], bool] = glue.candidate) -> Repaired | None:
    _count("repair")
    if not glue._needs_repair(text, candidate):
        return None
    chunks: list[str] = []
    index: list[int] = []
    last = 0
    for m in glue._GLUE_TOKEN.finditer(text):
        pieces = glue._pieces(m.group(0))
        if pieces is None:
            continue
        chunks.append(text[last : m.start()])
        index.extend(range(last, m.start()))
        at = m.start()
        for k, piece in enumerate(pieces):
            if piece == "-":
                at += 1
                continue
            if k and pieces[k - 1] != "-":
                chunks.append(" ")
                index.append(at)
            chunks.append(piece)
            index.extend(range(at, at + len(piece)))
            at += len(piece)
        last = m.end()
    if not chunks:
        return None
    chunks.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return Repaired(text="".join(chunks), index=tuple(index))


def _old_blank_scare_quotes(text: str) -> str:
    _count("scare")
    if '"' not in text and "“" not in text and "[" not in text:
        return text
    chars: list[str] | None = None
    for m in scare_patterns.SCARE_QUOTE.finditer(text):
        words = m.group("words") if m.group("open") else m.group("bwords")
        stop = m.group("stop") if m.group("open") else ""
        limit = scare_patterns.MAX_WORDS_STOP if stop else scare_patterns.MAX_WORDS
        if len(words.split()) > limit or words != words.strip():
            continue
        if chars is None:
            chars = list(text)
        for name in ("open", "close") if m.group("open") else ("bopen", "bclose"):
            chars[m.start(name)] = " "
    return text if chars is None else "".join(chars)


_FIGURE = r"(?:\d[\d,]*|" + NUMWORD + r")"
#: ASIDE as it was declared, written out in one piece.
_OLD_ASIDE = re.compile(
    rf"(?<![\w-]){_FIGURE}(?:\s+(?:and|to|or)\s+{_FIGURE}|\s*[-–]\s*{_FIGURE})?"
    rf"\s*(?P<aside>\([^()]{{1,{aside_patterns.MAX_CHARS}}}\))"
    r"(?=\s+(?:are|were|was|is|have|has|had|remain|remained)\b)",
    re.IGNORECASE,
)


def _old_blank_asides(text: str) -> str:
    _count("asides")
    if "(" not in text:
        return text
    chars: list[str] | None = None
    for m in _OLD_ASIDE.finditer(text):
        if chars is None:
            chars = list(text)
        s, e = m.span("aside")
        chars[s:e] = " " * (e - s)
    return text if chars is None else "".join(chars)


def _old_determiners(text: str, start: int, end: int, taken: list[Span]) -> list[NumberMention]:
    _count("determiners")
    out = []
    for m in phrase_patterns.DETERMINER.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = 2.0 if m.group("a").lower() == "both" else 1.0
        out.append(phrases.mention(m.span("a"), m.group("a"), value, "determiner"))
    return out


def _old_pronouns(text: str, start: int, end: int) -> list[NumberMention]:
    _count("pronouns")
    found = [phrases.mention(m.span("a"), m.group("a"), 1.0, "pronoun")
             for m in phrase_patterns.PRONOUN_VICTIM.finditer(text, start, end)] \
        if phrase_patterns.HIM_OR_HER.search(text, start, end) else []  # fmt: skip
    if "death" in text[start:end].lower():
        found += [phrases.mention((m.start("a"), m.end()), text[m.start("a") : m.end()], 1.0, "pronoun")
                  for m in phrase_patterns.ONE_DEATH.finditer(text, start, end)]  # fmt: skip
    return found


_REFERENCES: dict[tuple[object, str], Callable[..., object]] = {
    (spelling, "respell"): _old_respell,
    (glue, "repair"): _old_repair,
    (scare, "blank_scare_quotes"): _old_blank_scare_quotes,
    (asides, "blank_asides"): _old_blank_asides,
    (phrases, "determiners"): _old_determiners,
    (phrases, "pronouns"): _old_pronouns,
}


@contextmanager
def _reference() -> Iterator[None]:
    """The stage as it was, in every module that holds one of its functions by name."""
    with pytest.MonkeyPatch.context() as mp:
        for (home, name), old in _REFERENCES.items():
            new = getattr(home, name)
            for module in list(sys.modules.values()):
                if module is not None and module.__name__.startswith("tollbook") \
                        and getattr(module, name, None) is new:  # fmt: skip
                    mp.setattr(module, name, old)
        yield


# --- generated text ----------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "killled", "Killled", "KILLLED", "kiled", "klled", "injred", "wonuded", "assasinated", "Assasinated",
    "causalities", "Causalities", "inured", "inured to", "inured to gunfire", "killer", "insured",
    "peoplewere", "weredisplaced", "Around1.6", "least140,000", "fami-lies", "fami-", "shelters.Many",
    "inIDPcamps", "fledShirqat", "havebeen", "668,000", "IDPcamps", "1.6million", "people", "were",
    '"many"', '"', "“", "”", "[", "]", '"scores."', '"hacked to death"', "“militants”", "[attackers]",
    '"a"b', 'x"y"', '"' + "word " * 5 + '"', '"3 men"', "[ x]", "'", "’",
    "Eleven", "(some sources claim 20)", "(", ")", "()", "(x)", "3", "3 (x) are", "twenty-five",
    "10 - 12", "ten to twelve", "are", "were", "was", "remained", "dead", "(" + "y" * 70 + ")",
    "the", "The", "THE", "a", "an", "A", "both", "Both", "BOTH", "his", "her", "their", "Her",
    "him", "HIM", "killing him", "shot and killed her", "resulting in his death", "death", "Death",
    "led to another death", "other", "them",
    "\u017f", "\u0130", "\u0131", "\u212a", "\ufb00", "e\u0301", "\u00a0", "\u2009", "\n", "-", "–", ",", ".",
    "thſ", "hİm", "\u212ailled", "kiſſed", "tHe", "bOTH",
])  # fmt: skip
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=24).map(
    lambda parts: "".join(p if i % 3 == 2 else p + " " for i, p in enumerate(parts))
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_respell_answers_as_before(text: str) -> None:
    assert spelling.respell(text) == _old_respell(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_candidate_tokens_are_those_the_word_loop_looks_up(text: str) -> None:
    assert spelling._CANDIDATE is not None  # WORD is one class repeated: the fast path is on
    wanted = [t for t in sp.WORD.findall(text) if len(t) >= sp.MIN_LENGTH - 1 and t[0].lower() in sp.BY_FIRST]
    assert spelling._CANDIDATE.findall(text) == wanted


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_repair_answers_as_before(text: str) -> None:
    assert glue.repair(text) == _old_repair(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_scare_quotes_are_blanked_as_before(text: str) -> None:
    assert scare.blank_scare_quotes(text) == _old_blank_scare_quotes(text)
    assert scare.blank_scare_quotes_scan(text) == _old_blank_scare_quotes(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_asides_are_blanked_as_before(text: str) -> None:
    assert asides.blank_asides(text) == _old_blank_asides(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.data())
def test_determiners_and_pronouns_answer_as_before_over_any_range(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    bounds = st.integers(0, len(text))
    taken = [tuple(sorted(p)) for p in data.draw(st.lists(st.tuples(bounds, bounds), max_size=3))]
    # spans that start, or end, right at a determiner: the edges of the taken test
    found = [m.span() for m in phrase_patterns.DETERMINER.finditer(text)]
    if found:
        a, b = data.draw(st.sampled_from(found))
        taken += data.draw(st.sampled_from([[(a, b)], [(a - 1, a)], [(a - 1, a + 1)], []]))
    assert phrases.determiners(text, start, end, taken) == _old_determiners(text, start, end, taken)  # type: ignore[arg-type]
    assert phrases.pronouns(text, start, end) == _old_pronouns(text, start, end)


def test_the_asides_grammar_is_the_pattern_it_was() -> None:
    assert aside_patterns.ASIDE.pattern == _OLD_ASIDE.pattern
    assert aside_patterns.ASIDE.flags == _OLD_ASIDE.flags
    assert aside_patterns.ASIDE.pattern == aside_patterns.ASIDE_BODY.pattern + aside_patterns.VERB_AFTER
    assert aside_patterns.ASIDE_END.pattern == r"\)" + aside_patterns.VERB_AFTER
    assert aside_patterns.ASIDE_BODY.pattern.endswith(r"\))")  # the aside's last character: its ")"


def test_examples_read_as_documented() -> None:
    aside = "(some sources claim 20)"
    assert asides.blank_asides(f"Eleven {aside} are dead") == "Eleven " + " " * len(aside) + " are dead"
    assert scare.blank_scare_quotes('killing "many" and [attackers]') == "killing  many  and  attackers "
    assert spelling.respell("seven were kiled") is None  # five letters: too short to read
    respelt = spelling.respell("Seven were killled. Assasinated")
    assert respelt is not None and respelt.text == "Seven were killed. Assassinated"
    fixed = glue.repair("668,000 peoplewere evacuated")
    assert fixed is not None and fixed.text == "668,000 people were evacuated"


# --- grammar/first_chars.py ------------------------------------------------------------------------

def test_opening_chars_from_the_parse() -> None:
    assert opening_chars(scare_patterns.SCARE_QUOTE) == scare_patterns.OPENING == "".join(sorted('"“['))
    assert opening_chars(phrase_patterns.HIM_OR_HER) == "Hh"
    assert set(opening_chars(re.compile(r"\bsk", re.IGNORECASE)) or "") == {"s", "S", "\u017f"}
    assert set(opening_chars(re.compile(r"(?:k|i)x", re.IGNORECASE)) or "") == {"k", "K", "\u212a", "i", "I",
                                                                                  "\u0130", "\u0131"}
    assert opening_chars(re.compile(r"a+b")) == "a"
    assert opening_chars(re.compile(r"a*b")) is None  # may start at b
    assert opening_chars(re.compile(r"\w")) is None
    assert opening_chars(re.compile(r"é", re.IGNORECASE)) is None  # which letters re equates: not declared
    assert opening_chars(re.compile(r"(?<!x)")) is None  # the empty match starts anywhere


_LED = [phrase_patterns.DETERMINER, phrase_patterns.HIM_OR_HER, phrase_patterns.PRONOUN_VICTIM,
        phrase_patterns.ONE_DEATH, scare_patterns.SCARE_QUOTE, re.compile(r"\bs[a-z]+", re.IGNORECASE),
        re.compile(r"(?<![a-z])(?:ki|sx)\w*", re.IGNORECASE)]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from(_LED))
def test_a_led_pattern_finds_what_the_pattern_finds(text: str, pattern: re.Pattern[str]) -> None:
    fast = led(pattern)
    assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in pattern.finditer(text)]  # fmt: skip
    chars = opening_chars(pattern)
    assert chars is not None and all(text[m.start()] in chars for m in pattern.finditer(text))


def test_every_letter_re_equates_with_an_opening_letter_is_an_opening_char() -> None:
    pattern = re.compile(r"[a-z]", re.IGNORECASE)
    caseless_openers = opening_chars(re.compile("|".join("abcdefghijklmnopqrstuvwxyz"), re.IGNORECASE)) or ""
    equated = {chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))}
    assert equated == set(caseless_openers)
    assert set(FOLDS_TO_ASCII) <= equated


# --- the whole path ------------------------------------------------------------------------------------

def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    before = sum(_CALLS.values())
    assert_path_agrees(texts, _reference, least_claims=least_claims)
    assert sum(_CALLS.values()) > before  # the reference ran


_REPORTS = st.lists(st.one_of(_PIECES, st.sampled_from([
    "At least 12 people were killled", "Three of his escorts were killed", "Four killed, one injred",
    "668,000 peoplewere evacuated", "Around1.6 million fami-lies weredisplaced", "Dozens were wounded",
    'Gunmen killed "many" villagers', "three suspected “militants” died", "the [attackers] were killed",
    "Eleven (some sources claim 20) are dead", "Between three and ten (varied by source) are killed",
    "They shot a civilian, killing him", "both victims died", "the driver died", "resulting in his death",
    "members of the security forces were killed", "17 of whom were students",
])), min_size=1, max_size=8).map(" ".join)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=4))
def test_generated_reports_are_byte_identical(sentences: list[str]) -> None:
    _assert_identical([". ".join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    before = dict(_CALLS)
    _assert_identical(texts, least_claims=300)
    for name in ("respell", "repair", "scare", "asides", "determiners", "pronouns"):
        assert _CALLS.get(name, 0) > before.get(name, 0), name  # every reference was patched in and ran


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)
