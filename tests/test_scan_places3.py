"""extract/anchor.py's place stage, issue 23 session 3: each faster step gives exactly what the
code it replaced gave. The replaced code is kept here as the reference (`_old_*`, and
`_use_old_code` puts it all back for the whole-path comparison).

- `_care_verbs`: the starts of the care verbs ("taken", "evacuated") read from the scanner's
  words (a word folding to a verb, or after an apostrophe) and confirmed by the pattern, against
  `CARE_VERB.finditer` over every position; the gate is checked to be the pattern's.
- `Anchors._pool`: the places a figure's nearest is picked from, made once per sentence (and
  kept), against `_nearest` searched at every call; `_pool` in one pass.
- `_find_places`: a name's words split by `str` (not `re.split`), tested with `isdisjoint`.
- `Gazetteer._ranked`: the context's ranks cached per (key, context); `_accept`: an entry's own
  name keys cached per name; `_base_score` reads a row's three fields, not its entry (the
  same rows refused, with the same error); `tokens.word_tokens`: Tokens by `tuple.__new__`;
  enclosing's `_link_gap` folds a gap's word with `fold_token` (its `name_key`).
- The whole path (claims and tallies) with all of it against all of it put back.

Checked on generated text (hypothesis, with the letters re's IGNORECASE treats specially: "ſ",
"İ", "ı", "K" (Kelvin), "ﬀ", combining marks), tests/corpus, the demo texts and files of
../shared/data (tests/conftest.sampled_shared_texts).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
import sys
from collections.abc import Sequence
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook._exceptions import ConfigError
from tollbook.extract import anchor
from tollbook.extract.grammar import anchor_patterns
from tollbook.geo import enclosing, places
from tollbook.geo.names import FOLD, fold_token, name_key
from tollbook.geo.places import Gazetteer
from tollbook.geo.tokens import Token
from tollbook.ingest.sources import document_from_text, read_path
from tollbook.model import Document, PlaceMention
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan.marks import Words

from .conftest import CORPUS, ROOT, SHARED_TEXT_FILES, sampled_shared_texts


@lru_cache(maxsize=1)
def _marked() -> Gazetteer:
    return Gazetteer.load().with_scanner("python")


def _words(text: str) -> Words:
    scanned = _marked().scan(text)
    assert scanned is not None
    return scanned[0]


@lru_cache(maxsize=1)
def _real_texts() -> tuple[str, ...]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    demo = ROOT / "src" / "tollbook" / "demo"
    out += [d.text for p in sorted(demo.iterdir()) for d in read_path(p) if isinstance(d, Document)]
    return tuple(out)


# ------------------------------------------------------------------ generated text

CASE_FORMS = ["ſ", "İ", "ı", "K", "ﬀ", "\u0301", "\u0307", "ß", "ẞ", "Σ", "ς", "ǅ"]
WORDS = ["taken", "TAKEN", "Taken", "taKen", "rushed", "ruſhed", "RUSHED", "admıtted", "admİtted",
         "evacuated", "airlifted", "flown", "moved", "brought", "sent", "referred", "treated",
         "transferred", "transfered", "takenn", "mistaken", "sentence", "Hay", "in", "to", "the",
         "hospital", "Hospital", "clinic", "District", "Peshawar", "Goma", "Mopti", "near",
         "fled", "town", "of", "Marren", "Port", "Castellan", "city", "blast", "A", "Bb", "5",
         "_", "killed", "village", "health", "centre"]  # fmt: skip
GLUE = [" ", "  ", "\n", "\t", ". ", "! ", "? ", ".", ".\n", "-", ": ", ", ", "'s ", "'", "’",
        "ʼ", "\u00a0", "", "1", "_"]  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 18))):
        kind = draw(st.integers(0, 5))
        if kind <= 2:
            word = draw(st.sampled_from(WORDS))
        elif kind == 3:
            word = draw(st.sampled_from(CASE_FORMS))
        elif kind == 4:  # a word with a case form inside it
            w = draw(st.sampled_from(WORDS))
            k = draw(st.integers(0, len(w)))
            word = w[:k] + draw(st.sampled_from(CASE_FORMS)) + w[k:]
        else:
            word = draw(st.text(min_size=1, max_size=4))
        parts.append(word)
        parts.append(draw(st.sampled_from(GLUE)))
    return "".join(parts)


# ------------------------------------------------------------------ care verbs


def _old_care_verbs(text: str) -> list[int]:
    return [m.start() for m in anchor_patterns.CARE_VERB.finditer(text)]


def _assert_care_same(texts: list[str] | tuple[str, ...], least: int) -> None:
    seen = 0
    for text in texts:
        expected = _old_care_verbs(text)
        assert anchor._care_verbs(text, _words(text)) == expected, text[:300]
        assert anchor._care_verbs(text, None) == expected
        seen += len(expected)
    assert seen >= least  # not vacuous: the texts hold care verbs


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_care_verbs_generated(text: str) -> None:
    _assert_care_same([text], 0)


def test_care_verbs_edge_cases() -> None:
    cases = ["taken to", "Hay'taken to", "Hay’rushed in", "5taken to", "_taken to", "taKen  to",
             "ruſhed to", "admİtted at", "takenn to", "taken", "taken\n", "mistaken to", "TAKEN\tto"]
    _assert_care_same(cases, 8)


def test_care_verbs_real_text() -> None:
    _assert_care_same(_real_texts(), 20)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_care_verbs_shared_data(name: str) -> None:
    _assert_care_same(sampled_shared_texts(name, every=40), 0)


def test_care_verb_gate_is_derived_from_the_pattern() -> None:
    """The gate's keys are CARE_VERB's verbs folded; the pattern is `\\b(?:verbs)\\s` (a change
    to its shape fails here), and every character IGNORECASE equates with a verb's letter folds
    to that letter (so a word the pattern matches always folds to a key)."""
    verbs = anchor_patterns._CARE_VERBS
    assert anchor_patterns.CARE_VERB.pattern == rf"\b(?:{verbs})\s"
    assert anchor_patterns.CARE_VERB.flags & re.IGNORECASE
    assert all(re.fullmatch(r"[a-z]+", v) for v in verbs.split("|"))
    assert frozenset(map(fold_token, verbs.split("|"))) == anchor_patterns.CARE_VERB_KEYS
    _assert_letters_fold_alike(set(verbs.replace("|", "")))


def _assert_letters_fold_alike(letters: set[str]) -> None:
    """Every character re's IGNORECASE equates with one of `letters` folds to that letter."""
    any_of = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE).fullmatch
    seen = 0
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if any_of(c):
            seen += 1
            for letter in letters:
                if re.fullmatch(letter, c, re.IGNORECASE):
                    assert c.casefold().translate(FOLD) == letter, (hex(cp), letter)
    assert seen > 2 * len(letters)  # upper and lower case, and "ſ", "K"


# ------------------------------------------------------------------ the code before (reference)


def _old_find_places(self: anchor.Anchors, gazetteer: Gazetteer | None) -> tuple[PlaceMention, ...]:
    found: list[PlaceMention] = []
    scanned = gazetteer.scan(self.text) if gazetteer is not None else None
    if gazetteer is not None:
        found.extend(sorted(gazetteer.find_in_document(self.text, scanned), key=lambda p: p.span))
    starts = [p.span[0] for p in found]
    ends = [p.span[1] for p in found]
    for m in anchor._unresolved(self.text, None if scanned is None else scanned[0]):
        group = "p" if m.group("p") else "q"
        name, s, e = m.group(group), m.start(group), m.end(group)
        words = re.split(r"[ -]", name)
        if words[0] in anchor._NOT_PLACES or any(w in anchor._NOT_PLACES for w in words):
            continue
        lo, hi = bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)
        if any(p.span[1] - p.span[0] >= e - s for p in found[lo:hi]):
            continue
        found[lo:hi] = [PlaceMention(text=name, span=(s, e), entry=None)]
        starts[lo:hi], ends[lo:hi] = [s], [e]
    found = list(anchor.enclose(self.text, found, gazetteer))
    if self.datelines:
        found = [p for p in found if not self._in_dateline(p.span[0])]
    return tuple(found)


def _old_care_places(self: anchor.Anchors) -> frozenset[int]:
    verbs = [m.start() for m in anchor._CARE_VERB.finditer(self.text)]
    if not verbs:
        return frozenset()
    found: set[int] = set()
    for p in self.places:
        lo, pos = max(0, p.span[0] - anchor._CARE_REACH), p.span[0]
        k = bisect.bisect_left(verbs, lo)
        if k < len(verbs) and verbs[k] < pos and anchor._CARE_DESTINATION.search(self.text, lo, pos):
            found.add(pos)
    return frozenset(found)


def _old_nearest(cands: list[PlaceMention], pos: int, text: str | None = None) -> PlaceMention | None:
    if not cands:
        return None
    towns = [p for p in cands if not anchor._is_country(p) and not anchor._is_region(p)]
    plain = [p for p in towns if text is None or not anchor._FACILITY.match(text, p.span[1])]
    plain = [p for p in plain if text is None or not text.startswith(("'s ", "’s "), p.span[1])] or plain
    plain = [p for p in plain if text is None or p.entry is None or not any(
        q.span[1] < p.span[0] and anchor._HELD_IN.fullmatch(text, q.span[1], p.span[0]) for q in plain)] or plain
    regions = [p for p in cands if anchor._is_region(p)]
    pool = plain or towns or regions or cands
    return min(pool, key=lambda p: abs(p.span[0] - pos))


def _old_place_for(self: anchor.Anchors, pos: int, buildings: bool = True) -> PlaceMention | None:
    idx = self.sentence_index(pos)
    sent = self.sentences[idx]
    care = self._care_places
    inside = [p for p in self._places_within(sent.start, sent.end) if p.span[0] not in care]
    if not buildings:
        inside = [p for p in inside if self._not_building(p)]
    best = _old_nearest(inside, pos, self.text)
    if best is not None:
        return best
    k = bisect.bisect_right(self._paragraph_starts, pos) - 1
    para_start = self.paragraphs[k].start if k >= 0 and pos < self.paragraphs[k].end else 0
    for i in range(idx - 1, -1, -1):
        s = self.sentences[i]
        if s.end < para_start:
            break
        earlier = [p for p in self._places_within(s.start, s.end) if p.span[0] not in care]
        if not buildings:
            earlier = [p for p in earlier if self._not_building(p)]
        best = _old_nearest(earlier, s.end, self.text)
        if best is not None:
            return best
    return self._top_town


def _old_ranked(self: Gazetteer, key: str, countries: Sequence[str] = (), prefer_region: bool = False
                ) -> tuple[int, ...]:  # fmt: skip
    ranks: dict[str, int] = {}
    if countries:
        present = places._key_countries(self, key)
        for k, country in enumerate(countries):
            if country in present and country not in ranks:
                ranks[country] = k
    return places._ranked_cached(self, key, tuple(ranks.items()), prefer_region)


def _old_accept(self: Gazetteer, text: str, toks: Sequence[Token], i: int, n: int, best: int,
                countries: Sequence[str], prev: Token | None, nxt: Token | None, listed: bool) -> bool:  # fmt: skip
    entry = places._entry(self._rows[best])
    words = toks[i : i + n]
    if all(t.key in places._STOP_KEYS or t.key in places._FUNCTION_KEYS for t in words):
        return False
    if nxt is not None and nxt.key in places._TAIL_KEYS and nxt.cap and places._gap_ok(text, words[-1], nxt):
        return False
    if entry.feature in places.COUNTRY_FEATURES:
        return entry.country not in places.NAME_LIKE_COUNTRIES or not (
            places._name_follows(text, words[-1], nxt)
            or (prev is not None and places._name_follows(text, prev, words[0]))
        )
    if n == 1 and (len(words[0].text) < 3 or (words[0].text.isupper() and len(words[0].text) <= 4)):
        return entry.population >= 100_000 and words[0].key == name_key(entry.name)
    if best >= self._n_main:
        return True
    if listed or places._place_context(text, toks, i, nxt, words[-1]):
        return True
    if n > 1:
        return True
    if places._name_follows(text, words[0], nxt) or (
        prev is not None and (places._name_follows(text, prev, words[0]) or prev.text in places.NAME_PARTICLES)
    ):
        return False
    if words[0].key not in {name_key(entry.name), places._fold_token(places._ascii(entry.name))}:
        return entry.country in countries
    if places._sentence_start(text, words[0].start):
        return entry.population >= 100_000
    return entry.country in countries or entry.population >= 15_000


def _old_word_tokens(w: Words, lo: int, hi: int) -> list[Token]:
    return list(map(Token, w.texts[lo:hi], w.starts[lo:hi], w.ends[lo:hi], w.keys[lo:hi], w.caps[lo:hi]))


def _use_old_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every function this session changed, as it was (main at baa068b)."""
    monkeypatch.setattr(anchor.Anchors, "_find_places", _old_find_places)
    monkeypatch.setattr(anchor.Anchors, "_place_for", _old_place_for)
    old_care = functools.cached_property(_old_care_places)
    old_care.__set_name__(anchor.Anchors, "_care_places")
    monkeypatch.setattr(anchor.Anchors, "_care_places", old_care)
    monkeypatch.setattr(Gazetteer, "_ranked", _old_ranked)
    monkeypatch.setattr(Gazetteer, "_accept", _old_accept)
    monkeypatch.setattr(places, "_word_tokens", _old_word_tokens)
    monkeypatch.setattr(Gazetteer, "_base_score", _old_base_score)
    monkeypatch.setattr(enclosing, "_link_gap", _old_link_gap)


def _clear_rankings() -> None:
    """The rankings cached across documents: each path computes its own."""
    for cached in (places._base_scores, places._key_countries, places._ranked_cached,
                   places._context_ranks):  # fmt: skip
        cached.cache_clear()


# ------------------------------------------------------------------ whole path


@lru_cache(maxsize=2)
def _pipeline(scanner: str) -> Pipeline:
    return Pipeline(Settings(scanner=scanner))  # type: ignore[arg-type]


def _path_outputs(texts: Sequence[str], scanner: str) -> list[str]:
    pipeline = _pipeline(scanner)
    out = []
    for text in texts:
        ex = pipeline.run(document_from_text(text, published="2024-05-02"))
        out.append(repr((ex.claims, ex.tally)))
    return out


def _assert_path_same(monkeypatch: pytest.MonkeyPatch, texts: Sequence[str], least_places: int) -> None:
    for scanner in ("python", "auto"):
        _clear_rankings()
        new = _path_outputs(texts, scanner)
        _clear_rankings()
        with monkeypatch.context() as m:
            _use_old_code(m)
            old = _path_outputs(texts, scanner)
        _clear_rankings()
        for text, a, b in zip(texts, old, new, strict=True):
            assert a == b, text[:300]
        assert sum(s.count("PlaceMention(") for s in new) >= least_places  # places were read


def test_whole_path_real_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_path_same(monkeypatch, _real_texts(), 300)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_whole_path_shared_data(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    _assert_path_same(monkeypatch, sampled_shared_texts(name, every=40), 1)


PATH_PIECES = ["12 people were killed", "3 wounded", "in", "near", "Gaza", "Goma", "Peshawar",
               "Mopti", "Tillaberi", "Niger", "Niger's", "region", "the village of Karvessa",
               "Lindell shopping centre", "St Luke's church", "were taken to the District Hospital in",
               "evacuated to", "Kaura", "Gidan Maso village in", ",", ".", ".\n\n", " ", "Marren",
               "Chad", "Jordan", "Syria", "the province of Cabo Delgado", "rushed to a clinic in",
               "ſ", "İ", "K", "ﬀ", "\u0301"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(st.sampled_from(PATH_PIECES), min_size=1, max_size=24))
def test_whole_path_generated(monkeypatch: pytest.MonkeyPatch, pieces: list[str]) -> None:
    text = " ".join(pieces)
    for scanner in ("python", "auto"):
        _clear_rankings()
        new = _path_outputs([text], scanner)
        _clear_rankings()
        with monkeypatch.context() as m:
            _use_old_code(m)
            assert _path_outputs([text], scanner) == new, text
        _clear_rankings()


# ------------------------------------------------------------------ place_for, every position


def _anchors(text: str, scanner: str) -> anchor.Anchors:
    pipeline = _pipeline(scanner)
    doc = document_from_text(text, published="2024-05-02")
    segs = pipeline.segmenter(text)
    return anchor.Anchors(doc, [s for s in segs if s.kind == "sentence"],
                          [s for s in segs if s.kind == "paragraph"], pipeline.gazetteer)  # fmt: skip


def test_place_for_every_position(monkeypatch: pytest.MonkeyPatch) -> None:
    """The place (and the place without buildings) at every position of the real texts that
    name a place: the pools made once per sentence give what each call's search gave."""
    seen = 0
    for text in _real_texts():
        new = _anchors(text, "auto")
        if not new.places:
            continue
        old = _anchors(text, "auto")
        for pos in range(0, len(text) + 1, 3):
            for buildings in (True, False):
                expected = _old_place_for(old, pos, buildings)
                assert new._place_for(pos, buildings) == expected, (text[:200], pos)
                seen += expected is not None
            assert new.place_for(pos) == old.place_for(pos)
        assert new._care_places == _old_care_places(old)
        assert new.places == _old_find_places(old, _pipeline("auto").gazetteer)
    assert seen > 1000


PLACE_PIECES = ["in", "near", "fled", "the town of", "The", "Marren", "Marren-Army", "Army-Marren",
                "Port Castellan", "Port-Police", "Police", "Karvessa", "Niger's", "Tillaberi",
                "region", "city", "attack", "Gaza", "Goma", "Harrow Fields", "Harrow", ",", ".",
                ". ", ":", "\n\n", "taken to the hospital in", "Lindell shopping centre in Westmark",
                "NIAMEY, March 14 (Reuters) -", "Hay'at", "ſ", "K", "İn"]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PLACE_PIECES), min_size=1, max_size=20), st.sampled_from(["python", "auto"]))
def test_places_generated(pieces: list[str], scanner: str) -> None:
    text = " ".join(pieces)
    new, old = _anchors(text, scanner), _anchors(text, scanner)
    if not new.sentences:
        return  # the pipeline anchors no text without sentences
    assert new.places == _old_find_places(old, _pipeline(scanner).gazetteer), text
    assert new._care_places == _old_care_places(old), text
    for pos in range(0, len(text) + 1, 2):
        assert new._place_for(pos, False) == _old_place_for(old, pos, False), (text, pos)
        assert new.place_for(pos) == old.place_for(pos), (text, pos)


# ------------------------------------------------------------------ ranking and own names

CONTEXT = ("LY LB US CR EG IN PK AZ GE ES VE PH BO CA AU UA RU FR GB BR MX AR DE IT CL NG").split()
KEYS = ["tripoli", "san jose", "alexandria", "hyderabad", "lachin", "georgia", "santa cruz",
        "valencia", "victoria", "kirovohrad", "gaza", "nowhere at all"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KEYS), st.lists(st.sampled_from(CONTEXT), max_size=14), st.booleans())
def test_ranked_is_the_loop_ranking(key: str, countries: list[str], region: bool) -> None:
    g = _marked()
    assert g._ranked(key, tuple(countries), region) == _old_ranked(g, key, tuple(countries), region)
    assert g._ranked(key, countries, region) == _old_ranked(g, key, countries, region)


def test_own_keys_are_the_entry_name_keys() -> None:
    g, seen = _marked(), 0
    for row in g._rows[::97]:
        name = places._entry(row).name
        old = {name_key(name), places._fold_token(places._ascii(name))}
        for word in {name, name.lower(), places._ascii(name), *name.split()}:
            for k in (name_key(word), fold_token(word), places._fold_token(places._ascii(word))):
                assert (k in places._own_keys(name)) == (k in old), (name, k)
        assert places._own_keys(name)[0] == name_key(name)
        seen += len(old) > 1
    assert seen > 50  # names whose two forms differ ("Xocalı")


def test_word_tokens_are_the_old_tokens() -> None:
    seen = 0
    for text in _real_texts()[::5]:
        w = _words(text)
        for lo in range(0, len(w.keys) + 2, 3):
            for width in (1, 3, 5):
                got = places._word_tokens(w, lo, lo + width)
                assert got == _old_word_tokens(w, lo, lo + width)
                assert all(type(t) is Token for t in got)
                seen += len(got)
    assert seen > 1000


# ------------------------------------------------------------------ base scores


def _old_base_score(g: Gazetteer, i: int, prefer_region: bool) -> tuple[float, str, bool]:
    entry = places._entry(g._rows[i])
    score = 15.0 * math.log10(entry.population + 1)
    if entry.feature in places.COUNTRY_FEATURES:
        score += 60.0
    elif entry.feature in places.REGION_FEATURES:
        score += 240.0 if prefer_region else 40.0
    else:
        score += places._TIER_SCORE.get(entry.feature, 10.0)
    return score, entry.country, i >= g._n_main


def test_base_scores_are_the_entry_scores() -> None:
    g, features = _marked(), set()
    rows = [*range(0, len(g._rows), 37), *range(g._n_main, len(g._rows))]  # and every curated row
    for i in rows:
        for region in (False, True):
            assert g._base_score(i, region) == _old_base_score(g, i, region), g._rows[i]
        features.add(places._entry(g._rows[i]).feature)
    assert {"PCLI", "ADM1", "PPLC", "PPL"} <= features  # every branch of the score


@pytest.mark.parametrize("row", [
    "12\tX\tX\t\tNE\tPPL\t13.5\t2.1\t100\t", "x12\tX\tX\t\tNE\tPPL\t13.5\t2.1\t100\t",
    "12\tX\tX\t\tNE\tPPL\tnorth\t2.1\t100\t", "12\tX\tX\t\tNE\tPPL\t13.5\teast\t100\t", "12\tX\tX\t\tNE\tPPL\t13.5\t2.1\tmany\t",
    "12\tX\tX\t\tNE\tPPL\t13.5\t2.1\t100", "12\tX", "", "12\tX\tX\t\tNE\tPPL\t13.5\t2.1\t\tA1\textra",
])  # fmt: skip
def test_score_fields_check_rows_as_entry_does(row: str) -> None:
    try:
        entry = places._entry.__wrapped__(row)
    except ConfigError as exc:
        with pytest.raises(ConfigError) as got:
            places._score_fields(row)
        assert str(got.value) == str(exc)
    else:
        assert places._score_fields(row) == (entry.country, entry.feature, entry.population)


# ------------------------------------------------------------------ enclosing gaps


def _old_link_gap(gap: str) -> bool:
    if len(gap) > enclosing.ENCLOSING_MAX_GAP or "\n\n" in gap:
        return False
    pos = 0
    while pos < len(gap):
        m = enclosing._GAP_WORD.match(gap, pos)
        if m is None:
            return False
        word = m.group()
        if word[0].isalpha() and name_key(word) not in enclosing._LINK_KEYS:
            return False
        pos = m.end()
    return True


GAP_PIECES = [" ", ", ", ",", "in", "IN", "İn", "the", "of", "'s", "’s", "Niger's", "province",
              "southern", "ſouthern", "countryside", "x", "½", "²", "Ⅻ", "\u0301", "ǅ", "ﬀ", "-",
              "\n\n", "\n", "de", "al"]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(GAP_PIECES), max_size=10))
def test_link_gap_is_the_old_link_gap(pieces: list[str]) -> None:
    gap = "".join(pieces)
    assert enclosing._link_gap(gap) == _old_link_gap(gap), gap


def test_link_gap_sees_link_words() -> None:
    assert enclosing._link_gap(", in the southern ") and _old_link_gap(", in the southern ")
    assert not enclosing._link_gap(" said ")
