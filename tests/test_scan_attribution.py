"""Speech marks (issue 23, scan/speech.py): the attribution words of every sentence are read at
once, and the Attributor searches a sentence only with the patterns whose word sets it holds;
a sentence is read when a claim asks for it or a later one; the statement issuer is searched
only in stretches holding an issuing word; a quotation's introducer is searched from the run
of characters a match can consume. The reference is the Attributor without a speech engine
(`Settings(attribution_marks=False)`): claims and tallies are byte-identical on generated
statements (nested quotes, attribution chains "X said, quoting Y"), the seeds, the project
corpus and the demo, and ../shared/data (rows sampled; all with TOLLBOOK_DIFF_ALL=1), with the
Python and the compiled engine. Each word set is proved against its pattern
(literals.proves), and a broken set is caught by the same comparison.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import attribution as at
from tollbook.extract.grammar import attribution_patterns as ap
from tollbook.extract.grammar.literals import FOLDS_TO_ASCII, fold, proves
from tollbook.extract.segment import segment
from tollbook.ingest.sources import document_from_text, read_path
from tollbook.model import Segment
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan.cues import extension_available
from tollbook.scan.marks import EngineUnavailable
from tollbook.scan.speech import CompiledSpeech, PythonSpeech, SpeechWords, select_speech

from .conftest import SHARED, SHARED_TEXT_FILES, corpus_texts, demo_texts, sampled_shared_texts

ROOT = Path(__file__).resolve().parents[1]
#: The patterns Attributor._cues_in searches, each gated by its declared word sets.
_CUE_PATTERNS = ("QUOTED_BY", "QUOTED", "CITING", "RELEASED_BY", "ACCORDING", "X_SAID", "SAID_X")
_ENGINES = ["python", "compiled"] if extension_available() else ["python"]


@cache
def _pipeline(marks: bool, scanner: str) -> Pipeline:
    return Pipeline(Settings(scanner=scanner, attribution_marks=marks))  # type: ignore[arg-type]


def _outputs(texts: list[str], marks: bool, scanner: str = "python") -> list[str]:
    pipeline = _pipeline(marks, scanner)
    return [repr((ex.claims, ex.tally)) for ex in (pipeline.run(document_from_text(t)) for t in texts)]


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    """Claims and tallies of the reference, then with the marks (each engine)."""
    reference = _outputs(texts, marks=False)
    assert sum(r.count("Claim(") for r in reference) >= least_claims
    for scanner in _ENGINES:
        got = _outputs(texts, marks=True, scanner=scanner)
        diff = [(t[:160], a, b) for t, a, b in zip(texts, reference, got, strict=True) if a != b]
        assert not diff, f"{scanner}: {len(diff)} documents differ from the reference, first: {diff[0]}"


# -- the word sets -------------------------------------------------------------------------


def test_every_cue_pattern_is_gated_and_every_set_is_proved() -> None:
    assert set(ap.CUE_GATES) == set(_CUE_PATTERNS)
    for name, word_sets in ap.CUE_GATES.items():
        pattern = getattr(ap, name)
        for words in word_sets:
            assert proves(words, pattern), (name, words)
    assert proves(ap.STATEMENT_GATE, ap.STATEMENT_ISSUED)
    # SPEECH_WORD (the reference's own gate of X_SAID and SAID_X) holds the verbs of the set
    assert set(ap.CUE_GATES["X_SAID"][0]) == set(ap.SPEECH_VERBS)


def test_a_set_that_does_not_cover_its_pattern_is_not_proved() -> None:
    """The proof can fail: 'accordingly' is not in every ACCORDING match."""
    assert not proves(("accordingly",), ap.ACCORDING)
    assert not proves(("issued", "released"), ap.STATEMENT_ISSUED)  # "said in a statement"


def test_the_words_as_bits() -> None:
    words = SpeechWords({"A": (("quoted",), ("saying",)), "B": (("Said", "told"),), "C": (("saying",),)}, fold,
                        FOLDS_TO_ASCII)  # fmt: skip
    assert words.everything == 0b111  # one bit per distinct set ("saying" once)
    assert words.words == ("quoted", "said", "saying", "told")
    b = words.bits_of("He was QUOTED as saying")
    assert words.may("A", b) and words.may("C", b) and not words.may("B", b)
    assert not words.may("A", words.bits_of("as saying"))  # "quoted" missing
    assert words.may("B", words.bits_of("SAID the police"))  # folded: a superset
    assert words.bits_of("nothing here") == 0
    with pytest.raises(ValueError, match="at least one word"):
        SpeechWords({"A": ((),)}, fold, FOLDS_TO_ASCII)
    with pytest.raises(ValueError, match="ASCII"):
        SpeechWords({"A": (("é",),)}, fold, FOLDS_TO_ASCII)


_WORDS = sorted({w for sets in ap.CUE_GATES.values() for ws in sets for w in ws})
_PIECES = st.sampled_from([
    *_WORDS, "Said", "SAID", "States", "according to", "ACCORDİNG TO", "cıting", "\u212aILLED", "ſaid",
    "quoted by", "as saying", "figures released by", "police", "the ministry", ",", ".", "“", "”", '"',
    ":", " ", "\n\n", "\n- ", "14:05", "é", "12", "(", ")", "—",
])  # fmt: skip


def _sentences(text: str) -> list[Segment]:
    return [s for s in segment(text) if s.kind == "sentence"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30))
def test_the_engines_give_each_sentence_its_exact_bits(pieces: list[str]) -> None:
    """A sentence a pattern matches in has the pattern's bits; both engines agree with
    `bits_of`, the characters re.IGNORECASE equates with ASCII letters included."""
    text = " ".join(pieces)
    words = at.speech_words()
    sents = [*_sentences(text), Segment(kind="sentence", start=0, end=len(text), text=text)]
    exact = [words.bits_of(s.text) for s in sents]
    assert PythonSpeech(words).bits(text, sents) == exact
    if extension_available():
        assert CompiledSpeech(words).bits(text, sents) == exact
    for s, bits in zip(sents, exact, strict=True):
        low = fold(s.text)
        for name in _CUE_PATTERNS:
            # exact: the pattern's sets are all there, by one `in` per word
            assert words.may(name, bits) == all(any(w in low for w in ws) for ws in ap.CUE_GATES[name])
            if getattr(ap, name).search(s.text):
                assert words.may(name, bits), (name, s.text)


def test_a_sentence_that_is_not_its_texts_slice_is_read_by_itself() -> None:
    words = at.speech_words()
    odd = Segment(kind="sentence", start=0, end=20, text="Police said 12 died.")
    text = "Nothing at all here, nothing."
    assert PythonSpeech(words).bits(text, [odd]) == [words.bits_of(odd.text)] != [0]
    if extension_available():
        assert CompiledSpeech(words).bits(text, [odd]) == [words.bits_of(odd.text)]


def test_select_speech_follows_the_scanner_choice() -> None:
    words = at.speech_words()
    assert select_speech("python", words).name == "python"
    expected = "compiled" if extension_available() else "python"
    assert select_speech("auto", words).name == expected
    if not extension_available():
        with pytest.raises(EngineUnavailable, match="make rust"):
            select_speech("compiled", words)
    assert _pipeline(False, "python").speech is None


# -- the searches the marks spare ----------------------------------------------------------


class _Counted:
    """A pattern whose searches are counted (the Attributor's module-level name for it)."""

    def __init__(self, rx: re.Pattern[str], calls: list[str]) -> None:
        self._rx, self._calls = rx, calls

    def __getattr__(self, name: str) -> Any:
        self._calls.append(name)
        return getattr(self._rx, name)


def test_a_sentence_without_cue_words_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for name in ("_X_SAID", "_SAID_X", "_ACCORDING", "_SPEECH_WORD", "_CITING", "_RELEASED_BY"):
        monkeypatch.setattr(at, name, _Counted(getattr(at, name), calls))
    text = "Twelve people were killed in the attack. The army sent troops to the area."
    doc = document_from_text(text)
    sents = _sentences(text)
    marked = at.Attributor(doc, sents, [], PythonSpeech(at.speech_words()))
    assert marked.attribution(5, sents[0]).speaker is None
    marked.attribution(len(text) - 3, sents[-1])
    assert calls == []
    at.Attributor(doc, sents, []).attribution(5, sents[0])  # the reference searches them
    assert calls


def test_a_sentence_after_the_last_asked_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    cues_in = at.Attributor._cues_in

    def counted(self: at.Attributor, sentence: Segment, bits: int) -> list[Any]:
        read.append(sentence.start)
        return cues_in(self, sentence, bits)

    monkeypatch.setattr(at.Attributor, "_cues_in", counted)
    text = "Police said 12 people were killed. Of these, 3 were children. The army said it fired back."
    doc, sents = document_from_text(text), _sentences(text)
    marked = at.Attributor(doc, sents, [], PythonSpeech(at.speech_words()))
    assert read == []
    assert marked.attribution(text.index("3 were"), sents[1]).speaker == "Police"  # continued
    assert read == [s.start for s in sents[:2]]
    at.Attributor(doc, sents, [])
    assert len(read) == 2 + len(sents)  # the reference reads every sentence when built


_STATEMENTS = st.sampled_from([
    "The Health Ministry issued a statement", "The army said in a statement", "a report by the UN",
    "In a statement from the Interior Ministry, officials said", "Reuters reported", "a report",
    "The declaration", "the statement of the Red Cross said", "Police put out a press release",
    "The communiqué", "made", "statement", ".", ";", ":", "“", "”", '"', ", ", " ", "\n\n", "é",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_STATEMENTS, st.text(max_size=3)), max_size=14))
def test_the_gated_statement_search_finds_the_same_match(pieces: list[str]) -> None:
    text = " ".join(pieces)
    _same_match(at.first_statement(text), at.first_statement(text, gated=True))


def _same_match(a: re.Match[str] | None, b: re.Match[str] | None) -> None:
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert (a.span(), a.groupdict()) == (b.span(), b.groupdict())


_VERB_ONLY = st.sampled_from(["", " said", " told reporters", " claimed", " says", " added"])
_BEFORE = st.sampled_from([
    "The minister said", "the minister told reporters", "Ahmed Ali, a doctor, said:", " said ", "said",
    "The Health Ministry added", "claimed", "He wrote", "“", '"', ":", ",", ".", "(", ")", "?", "-",
    "’", "'", " ", "\n", "\t", "é", "told", "tells them all", "says", "12",
])  # fmt: skip


_TAIL = st.sampled_from(["", ":", " :", ": “", ' "', ":\n ", "\t“ ", ",", "?", "’", "-"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_BEFORE, st.text(max_size=3)), max_size=12), _VERB_ONLY, _TAIL)
def test_the_introducer_search_from_the_run_finds_the_same_match(pieces: list[str], verb: str,
                                                                tail: str) -> None:  # fmt: skip
    """SPEAKER_SAID_QUOTE ends at the end and consumes only SAID_QUOTE_RUN's characters: a
    search from where the run begins finds the same match as a search of the whole text."""
    before = "".join(pieces) + verb + tail
    whole = ap.SPEAKER_SAID_QUOTE.search(before)
    if whole is not None:
        assert ap.SAID_QUOTE_RUN.fullmatch(whole.group())
    tail = ap.SAID_QUOTE_RUN.match(before[::-1])
    assert tail is not None
    _same_match(whole, ap.SPEAKER_SAID_QUOTE.search(before, len(before) - tail.end()))


def test_fold_keeps_every_offset() -> None:
    """The statement gate reads fold(text) at the text's offsets: no character but U+0130
    (which fold maps first) lower-cases to more than one."""
    assert fold("\u0130" * 3 + "A\u212a") == "iiiak"
    assert all(len(c) == len(fold(c)) for c in map(chr, range(0x110000)) if not 0xD800 <= ord(c) < 0xE000)
    assert len(FOLDS_TO_ASCII) == 4


# -- byte-identical output -----------------------------------------------------------------

_SPEAKER = st.sampled_from([
    "Police", "the ministry", "The Health Ministry", "Ahmed Ali, a local official,", "a doctor",
    "he", "it", "the statement", "Reuters", "the governor", "Civic Shield, a rights group,",
    "the provincial health department on Wednesday", "which", "Local authorities",
])  # fmt: skip
_VERB = st.sampled_from(["said", "says", "told reporters", "added", "claimed", "reported", "Said", "confirmed"])
_FIGURE = st.sampled_from(["12 people were killed", "three soldiers died", "40 were wounded",
                           "2,000 people were displaced", "five civilians were abducted"])  # fmt: skip


@st.composite
def _statement(draw: st.DrawFn) -> str:
    s, s2, v, f, f2 = draw(_SPEAKER), draw(_SPEAKER), draw(_VERB), draw(_FIGURE), draw(_FIGURE)
    forms = [
        f"{s} {v} {f}.", f"{f.capitalize()}, {s} {v}.", f"“{f.capitalize()},” {v} {s}.",
        f"{s} {v}, quoting {s2}, that {f}.", f"{s}, quoting {s2}, {v}: “{f.capitalize()}, “and {f2}”.”",
        f"{s} was quoted by {s2} as saying, “{f.capitalize()}.”", f"{s2} quoted {s} as saying {f}.",
        f"According to {s}, {f}.", f"Citing {s}, {s2} {v} {f}.", f"Figures released by {s} show {f}.",
        f"{s} said in a statement that {f}.", f"{s} issued a statement: “{f.capitalize()}, ‘{f2}’.”",
        f"14:05 {s} {v} {f}", f"\n- {s} {v} {f}.", f"Of these, {f}.", f"“{f.capitalize()}.”",
        f"{s}, citing {s2}, said {f}.", f"{s} {v}: “{f.capitalize()},” {s2} {v}.",
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_statement(), min_size=1, max_size=6), st.lists(st.sampled_from([" ", "\n\n", " "]), min_size=6, max_size=6))
def test_generated_statements_are_byte_identical(sentences: list[str], joins: list[str]) -> None:
    text = "".join(s + j for s, j in zip(sentences, joins, strict=False))
    _assert_identical([text], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)


def test_the_seeds_are_byte_identical() -> None:
    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip(f"{seeds} is absent (../shared lives beside the checkout)")
    texts = [d.text for p in sorted(seeds.iterdir()) for d in read_path(p) if not isinstance(d, Exception)]
    _assert_identical(texts, least_claims=10)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


def test_a_broken_word_set_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: with ACCORDING gated by a word its matches lack, the sentence
    is no longer searched with it and the claim loses its source."""
    broken = SpeechWords({**ap.CUE_GATES, "ACCORDING": (("accordingly",),)}, fold, FOLDS_TO_ASCII)
    text = "According to the Health Ministry, 12 people were killed in the attack."
    right = _outputs([text], marks=True)
    pipeline = Pipeline(Settings(scanner="python"))
    monkeypatch.setattr(Pipeline, "speech", PythonSpeech(broken))
    got = [repr((ex.claims, ex.tally)) for ex in [pipeline.run(document_from_text(text))]]
    assert "Health Ministry" in right[0]
    assert got != right
