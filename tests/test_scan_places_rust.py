"""scan/words_compiled.py (rust/src/places.rs `PlaceWords`): the place stage's word pass in one
compiled call gives exactly the reference's words (scan/marks.py `words` with geo/names.py
`fold_token`) and names (`PythonNames.longest`), and the whole path is byte-identical.

Checked on every code point (alone, inside a word, after an apostrophe, as a word's first
letter, doubled), generated text mixing scripts, case forms, apostrophes, hyphens and dots
(hypothesis), gazetteer names, tests/corpus, the demo and ../shared/data (every 40th row; every
row with TOLLBOOK_DIFF_ALL=1). The compiled tests skip, saying why, without an extension that
has the word pass (`make rust`); the choice and fallback tests run everywhere.
"""

from __future__ import annotations

import logging
import sys
import types
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.geo.names import fold_token
from tollbook.geo.places import Gazetteer
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import extension, marks, words_compiled
from tollbook.scan.marks import EngineUnavailable, PythonNames, Scanner, Words
from tollbook.scan.words_compiled import CompiledPlaces, CompiledScanner, select_scanner

from .conftest import SHARED_TEXT_FILES, sampled_shared_texts
from .test_places_marked import _corpus_texts
from .test_places_marked import texts as place_texts

needs_places = pytest.mark.skipif(
    not words_compiled.places_available(),
    reason="the tollbook_scan extension with the place word pass is not installed (`make rust`)",
)

SURROGATES = range(0xD800, 0xE000)


@lru_cache(maxsize=1)
def _gaz() -> Gazetteer:
    return Gazetteer.load()


@lru_cache(maxsize=1)
def _compiled() -> CompiledPlaces:
    g = _gaz()
    return CompiledPlaces(g._index, g._firsts, g._max_words)


@lru_cache(maxsize=1)
def _python() -> PythonNames:
    g = _gaz()
    return PythonNames(g._index, g._firsts, g._max_words)


def _reference(text: str) -> tuple[Words, dict[int, int]]:
    w = marks.words(text, fold_token)
    return w, _python().longest(w)


def _assert_same(texts: list[str], least_names: int = 0) -> None:
    seen = 0
    for text in texts:
        expected = _reference(text)
        got = _compiled().names(text)
        assert got[0] == expected[0], text[:200]
        assert got[1] == expected[1], text[:200]
        seen += len(expected[1])
    assert seen >= least_names  # the comparison saw names, not only empty results


# ------------------------------------------------------------------ every code point


def _all_chars(chunk: int = 1 << 16) -> list[str]:
    """Every code point (lone surrogates included), in chunks."""
    return [
        "".join(map(chr, range(lo, min(lo + chunk, sys.maxunicode + 1))))
        for lo in range(0, sys.maxunicode + 1, chunk)
    ]


LAYOUTS = {
    "alone": "{} ",  # a letter alone: class, case and fold of the character
    "inside": "x{}y.",  # inside a word: letters and the apostrophes that join two runs
    "first": "{}bc-",  # a word's first letter: its case (caps); a hyphen join
    "doubled": "{0}{0}a ",  # the fold's collapsed doubles, the digraphs around it
    "apostrophe": "ab{0}s CD{0}S {0}",  # a possessive 's or 'S cut only after an apostrophe
    "dotted": "{}.{}. ",  # "U.S.": single capitals joined by a dot
}


@needs_places
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_code_point(layout: str) -> None:
    form = LAYOUTS[layout]
    for chars in _all_chars():
        text = "".join(form.format(c, c) for c in chars)
        expected, got = _reference(text), _compiled().names(text)
        assert got[0] == expected[0], _first_difference(got[0], expected[0])
        assert got[1] == expected[1]


def _first_difference(a: Words, b: Words) -> str:
    rows_a = list(zip(a.texts, a.starts, a.ends, a.keys, a.caps, a.joins, strict=True))
    rows_b = list(zip(b.texts, b.starts, b.ends, b.keys, b.caps, b.joins, strict=True))
    for k, (x, y) in enumerate(zip(rows_a, rows_b, strict=False)):
        if x != y:
            return f"word {k}: compiled {x!r}, reference {y!r}"
    return f"{len(rows_a)} words against {len(rows_b)}"


@needs_places
def test_fold_of_every_code_point_and_pair() -> None:
    """`fold` alone, each character and each character before "h" (the digraphs' second
    letter): the compiled fold is `fold_token` (surrogates excepted: no Rust char)."""
    engine = _compiled()
    for cp in range(sys.maxunicode + 1):
        if cp in SURROGATES:
            continue
        c = chr(cp)
        assert engine.fold(c) == fold_token.__wrapped__(c), hex(cp)
        assert engine.fold(c + "h") == fold_token.__wrapped__(c + "h"), hex(cp)


# ------------------------------------------------------------------ generated text

# Scripts, case forms with folds longer than themselves or outside the letter's block
# (İ ß ẞ ǅ ﬁ և ΐ Ꭰ), final sigma, combining marks, digits that are letters (² ½), apostrophes
# joining or not, hyphens, dots and the digraphs' letters.
ALPHABET = ("abcdehjkqsyzABCDHJKSYZ" "İıIißẞǅǄǈﬁﬀևΐΣσςΪ" "ÆæŒœÞþŁłØøĐđÐðŊŋĦħƏə" "ДжЖщЁё"
            "ابة" "中文" "Ꭰꭰ" "\u0301\u0307\u0308" "²½٣0179_" "'’ʼ‘ʻ`´" "-.. \n\t,;:()\u00a0"
            "\ud800")  # fmt: skip
WORDS = ["Dzh", "dzhaba", "Khojaly", "Xocalı", "Ağdam", "Şuşa", "O'Brien", "Hay’at", "Tartar's",
         "Barda’s", "KYIV'S", "GHAZNIʼS", "U", "S", "K", "Qasim", "Yusufiyah", "Ghazni", "Chechnya", "Shusha",
         "STRASSE", "Straße", "İstanbul", "ISTANBUL", "ΣΊΣΥΦΟΣ", "Nagorno-Karabakh", "al-Qaim"]  # fmt: skip


@st.composite
def mixed_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 20))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(WORDS)))
        else:
            parts.append(draw(st.text(alphabet=ALPHABET, min_size=1, max_size=6)))
    return "".join(parts)


@needs_places
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_texts())
def test_generated_mixed_scripts(text: str) -> None:
    _assert_same([text])


@needs_places
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text: str) -> None:
    _assert_same([text])


@needs_places
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place_texts())
def test_gazetteer_names(text: str) -> None:
    _assert_same([text])
    g = _gaz()
    assert g.with_scanner("compiled").find_in_document(text) == g.find_in_document(text)


@needs_places
def test_longest_over_given_words_and_edge_cases() -> None:
    """`longest` over the reference's columns (the NameEngine interface), and texts whose
    names are long, joined by dots or hyphens, or cut by a possessive."""
    cases = ["", "Syria", "The Democratic Republic of the Congo's army; U.S.-backed U.K. forces",
             "South South South South South South South South Sudan", "Tartar’s Barda-Ganja",
             "Bosnia and Herzegovina, Trinidad and Tobago", "KYIV. Kyiv's KYIV'S ΣΊΣΥΦΟΣ. Ꭰꭰ", "x\ud800Aleppo"]  # fmt: skip
    _assert_same(cases, least_names=8)
    for text in cases:
        w = marks.words(text, fold_token)
        assert _compiled().longest(w) == _python().longest(w)


# ------------------------------------------------------------------ real text


@needs_places
def test_corpus_and_demo() -> None:
    _assert_same(_corpus_texts(), least_names=500)


@needs_places
@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data(name: str) -> None:
    _assert_same(sampled_shared_texts(name, every=40), least_names=5)


def _run_all(choice: str, texts: list[str]) -> list[str]:
    pipeline = Pipeline(Settings(scanner=choice))  # type: ignore[arg-type]
    return [repr((ex.claims, ex.tally)) for ex in (pipeline.run(document_from_text(t)) for t in texts)]


@needs_places
def test_whole_path_is_identical() -> None:
    """Claims and tallies: the compiled pass against the Python reference, on the corpus, the
    demo and a sample of ../shared/data."""
    texts = _corpus_texts()
    for name in SHARED_TEXT_FILES:
        texts += sampled_shared_texts(name, every=400)
    python = _run_all("python", texts)
    assert sum(r.count("Claim(") for r in python) > 300
    assert _run_all("compiled", texts) == python
    g = _gaz()
    assert isinstance(g.with_scanner("compiled")._scanner, CompiledScanner)
    assert isinstance(g.with_scanner("auto")._scanner, CompiledScanner)  # measured faster


# ------------------------------------------------------------------ choosing


def test_python_choice_is_the_reference() -> None:
    g = _gaz()
    scanner = select_scanner("python", g._index, g._firsts, g._max_words)
    assert type(scanner) is Scanner and isinstance(scanner.engine, PythonNames)


def _old_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extension built before the word pass: the cue scanner's class only."""
    stub = types.ModuleType("tollbook_scan")
    stub.Triggers = object  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tollbook_scan", stub)


def test_old_extension_falls_back_and_says_once(monkeypatch: pytest.MonkeyPatch,
                                                caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    _old_extension(monkeypatch)
    notices = extension.Notices()  # a pipeline's: said once per pipeline
    g = _gaz()
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        for _ in range(2):
            scanner = select_scanner("auto", g._index, g._firsts, g._max_words, notices)
            assert type(scanner) is Scanner and isinstance(scanner.engine, PythonNames)
    said = [r for r in caplog.records if "make rust" in r.getMessage()]
    assert len(said) == 1
    with pytest.raises(EngineUnavailable, match="make rust"):
        select_scanner("compiled", g._index, g._firsts, g._max_words)


def test_no_extension_is_python_without_a_second_warning(monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    monkeypatch.setitem(sys.modules, "tollbook_scan", None)  # import raises ImportError
    g = _gaz()
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        scanner = select_scanner("auto", g._index, g._firsts, g._max_words, extension.Notices())
    assert type(scanner) is Scanner and not caplog.records  # the cue pre-filter says it
    with pytest.raises(EngineUnavailable, match="make rust"):
        select_scanner("compiled", g._index, g._firsts, g._max_words)


def test_another_fold_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words_compiled, "FOLD_VERSION", "2")
    with pytest.raises(EngineUnavailable, match="folding version"):
        CompiledPlaces(["aleppo"], [], 1)


def test_classify_is_pythons_answer() -> None:
    letters, uppers, folds = words_compiled.classify("aİ²_1'ǅß")
    assert letters == [True, True, True, False, False, False, True, True]
    assert uppers == [False, True, False, False, False, False, False, False]
    assert folds == ["a", "i", "²", "_", "1", "", "dz", "ss"]


@needs_places
def test_threads_share_one_pass() -> None:
    """The pipeline's scanner is one per process: threads (a web server's pool) call it at
    once, and Python's `classify`, called back for new characters, lets another thread run
    in between. Each call still gives the reference's words, never a borrow error."""
    from concurrent.futures import ThreadPoolExecutor

    g = _gaz()
    engine = CompiledPlaces(g._index, g._firsts, g._max_words)  # nothing learnt yet
    texts = [" ".join(chr(cp) + chr(cp + 1) + "x" for cp in range(lo, lo + 3000, 2))
             for lo in range(0x4E00, 0x4E00 + 3000 * 24, 3000)]  # fmt: skip
    texts = [f"Aleppo’s {t} KYIV'S" for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(engine.names, texts))
    assert got == [_reference(t) for t in texts]


@needs_places
def test_auto_with_the_word_pass_names_no_unused_engine(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    """With the compiled word pass, the names engine "auto" would pick is never built: it used to
    be, and to say "using the pure-Python scanner" when `fast` was missing, while the compiled
    pass did the work."""
    monkeypatch.setattr(marks, "AUTO_PREFERS_COMPILED", True)
    monkeypatch.setattr(marks, "compiled_available", lambda: False)
    g = _gaz()
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        scanner = select_scanner("auto", g._index, g._firsts, g._max_words)
    assert type(scanner) is CompiledScanner
    assert not [r for r in caplog.records if "pure-Python scanner" in r.getMessage()]
