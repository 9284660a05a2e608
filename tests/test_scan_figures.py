"""The figures stage made cheaper byte-identically (issue 23, session 3): numbers._mention reads
NUMBER_SCAN's groups in one call and no qualifier when there is none, numbers._classify matches
AFTER_ANY bounded by endpos instead of on a slice, headlines.find_headlines sorts no numbers
already in text order, reads the chain and comma only beside a predicate and folds only the
tail of the window `_after_active` looks at, and counts._last_breakdown_word lower-cases an ASCII
sentence and finds each word with one rfind through map, and areas.find_areas searches no scope
in which no AREA_GATE match of the whole text starts (one scan of a document, areas._gate_starts).

The reference is the code before, kept at the end of this file and swapped in by `_reference()`.
New and reference agree on generated text (hypothesis, with the letters `re.IGNORECASE` equates
with ASCII ones: "ſ", "İ", "ı", "K" (Kelvin), the ligature "ﬀ", combining marks, non-ASCII
spaces and digits), function by function and on the whole path (claims + tallies) over
generated reports, the project corpus, the demo and ../shared/data
(tests/conftest.sampled_shared_texts; every row with TOLLBOOK_DIFF_ALL=1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tollbook.extract import areas, claims, counts, headlines, numbers, persons
from tollbook.extract.areas import AREA_RE, UNITS, AreaFigure, find_areas
from tollbook.extract.counts import _BREAKDOWN_WORDS
from tollbook.extract.cues import last_word
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import number_patterns as npat
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.literals import fold
from tollbook.extract.headlines import (
    _ACTIVE,
    _ACTIVE_ENDS,
    _ACTIVE_UNDONE,
    _AFTER_ACTIVE,
    _AND_ANOTHER,
    _AND_ANOTHER_GATE,
    _ANOTHER,
    _ANOTHER_GATE,
    _CHAIN,
    _CLAUSE_END,
    _CLAUSE_START,
    _COMMA_START,
    _NOUN_NEXT,
    _PHRASE_NEXT,
    _PREDICATE,
    _PREDICATES,
    Headline,
    _additional,
    _figure_before,
    _people,
)
from tollbook.extract.numbers import (
    _AFTER_ANY,
    _AFTER_MONEY,
    _AFTER_PERCENT,
    _AGE_DURATION,
    _BEFORE_IDENT,
    _BEFORE_MONEY,
    _GLUED_AFTER,
    _GLUED_BEFORE,
    _ORDINAL_SUFFIX,
    _PREFIX_REACH,
    _SPACES,
    _UPDATE_FROM,
    _UPDATE_UP_TO,
    QUALIFIERS,
    RANGE_TAIL_RE,
    SCALES,
    VAGUE,
    NumberMention,
    _bounds,
    _whole,
    find_numbers,
    numbers_in,
    parse_figure,
)
from tollbook.extract.phrases import mention
from tollbook.extract.segment import segment

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    path_outputs,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def _reference() -> Iterator[None]:
    """The code before, swapped in where the path calls it (numbers_in's memo emptied on the
    way in and out, so that no figure read by one side is served to the other)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(numbers, "_mention", old_mention)
        mp.setattr(numbers, "_classify", old_classify)
        mp.setattr(headlines, "find_headlines", old_find_headlines)
        mp.setattr(counts, "_last_breakdown_word", old_last_breakdown_word)
        mp.setattr(areas, "find_areas", old_find_areas)
        mp.setattr(claims, "find_areas", old_find_areas)
        numbers_in.cache_clear()
        try:
            yield
        finally:
            numbers_in.cache_clear()


def _outputs(texts: Sequence[str], scanner: str) -> list[str]:
    """Claims and tally. "Two dozen ſoldiers" and "3 İNJURED" used to raise KeyError in heads.py;
    the word tables fold such keys now (grammar/loader.WordTable), so any error fails the test."""
    numbers_in.cache_clear()
    return path_outputs(texts, scanner)


def _assert_identical(texts: list[str], *, least_claims: int, scanner: str = "python") -> None:
    assert_path_agrees(texts, _reference, least_claims=least_claims, scanners=(scanner,), outputs=_outputs)


# --- what the moves rely on -----------------------------------------------------------------


def test_the_groups_are_read_in_the_order_mention_unpacks_them() -> None:
    # _mention unpacks m.group(*_GROUPS) in this order: a reordered pattern must fail here.
    assert numbers._GROUPS == ("qual", "another", "dozen", "between", "num", "half", "vague")
    assert tuple(npat.NUMBER_RE.groupindex) == numbers._GROUPS
    assert "" not in QUALIFIERS  # no qualifier reads as QUALIFIERS.get("") did


def test_active_ends_are_lower_case_ascii_words() -> None:
    # _after_active's endswith on the stripped window is last_word's test only for such ends.
    assert headlines._ENDS_ARE_WORDS and _ACTIVE_ENDS
    assert max(map(len, _ACTIVE_ENDS)) == headlines._ACTIVE_WIDTH


# --- function by function, on generated text -------------------------------------------------

_TOKENS = st.sampled_from([
    "12", "1,275", "2.300", "3,5 million", "24\u202f200", "12'000", "٣", "²", "7th", "21st", "10%", "5 percent",
    "$", "US$", "USD", "eur", "€", "£", "No.", "no", "flight", "Resolution", "#", "MH", "F-", "km2", "km²", "sq",
    "twenty-five", "one", "One", "a", "an", "A", "hundred", "thousand", "million", "half a million", "a dozen",
    "two dozen", "dozens", "hundreds", "several", "at least", "up to", "revised up to", "rose from", "more than",
    "about", "between", "and", "to", "-", "–", "another", "an additional", "a further", "one more", "years old",
    "year-old", "days", "people", "soldiers", "men", "killed", "dead", "died", "injured", "wounded", "were",
    "lynch", "burned alive", "executed", "executeſ", "shot dead", "tried to", "in", "after", "Four", "Two",
    "Typhoon Nok-Ten", ",", ";", ":", ".", "(", ")", "\u2014", "\u017f", "\u0130", "\u0131", "\u212a",
    "\ufb00", "e\u0301", "\u00a0", "including", "among them", "of whom", "mainly", "INCLUDING", "\u017feven",
    "kıll\u0130d", "LYNCH", "lync\u0127",
])  # fmt: skip
_SEPS = st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", "\u2003", "", ", "])


def _texts() -> st.SearchStrategy[str]:
    return st.builds(lambda words, sep, tail: sep.join(words) + tail,
                     st.lists(st.one_of(_TOKENS, st.text(max_size=3)), max_size=14), _SEPS, _SEPS)  # fmt: skip


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(), st.integers(0, 6), st.integers(0, 6))
@example("Flight 17 at least 12 to 15 people", 0, 0)
@example("revised up to 114 \u017feven", 0, 0)
def test_find_numbers_is_the_reference(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    got = find_numbers(text, start, end)
    with _reference():
        want = find_numbers(text, start, end)
    assert got == want, text


@settings(max_examples=500, deadline=None)
@given(_texts(), st.booleans())
@example("US$ 12 dollars", True)
@example("MH17 km2", True)
def test_classify_is_the_reference_at_every_number_end(text: str, digits: bool) -> None:
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 6) + 1):
            assert numbers._classify(text, start, end, digits) == old_classify(text, start, end, digits), text


@settings(max_examples=800, deadline=None)
@given(_texts())
@example("they lync\u0127 ")
@example("they LYNCH\u00a0")
@example("executeſ ")
def test_after_active_is_the_reference(text: str) -> None:
    for cut in range(len(text) + 1):
        window = text[max(0, cut - 40) : cut]
        assert headlines._after_active(window) == old_after_active(window), window


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts(), st.integers(0, 4))
@example("Four killed, one injured; two more dead and another wounded", 0)
@example("Vigilantes lynch four thieves in Kaduna", 0)
@example("Another killed, 3 injured; one more dead, 2 hurt", 0)  # "another" before numbers: sorted in
def test_find_headlines_is_the_reference(text: str, cut: int) -> None:
    start = min(cut, len(text))
    numbers_in.cache_clear()
    got = headlines.find_headlines(text, start, len(text))
    numbers_in.cache_clear()
    assert got == old_find_headlines(text, start, len(text)), text


@settings(max_examples=500, deadline=None)
@given(_texts(), st.integers(0, 4))
@example("12 killed, \u0130NCLUDING 3, among them: 2", 0)
def test_last_breakdown_word_is_the_reference(text: str, cut: int) -> None:
    start = min(cut, len(text))
    assert counts._last_breakdown_word(text, start, len(text)) == old_last_breakdown_word(text, start, len(text))


_AREA_TOKENS = st.sampled_from([
    "12", "1,200", "3.5", "4 thousand", "km2", "KM²", "km^2", "sq km", "sq. km", "\u017fq km", "square kilometres",
    "kilometers squared", "hectares", "ha", "HA", "hat", "square miles", "sq mi", "mi2", "acres", "\u212am2",
    "acre\u017f", "of", "the", "territory", ":", ",", "\u0661\u0662", "x", "z", "_",
])  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_AREA_TOKENS, st.text(max_size=2)), max_size=10), _SEPS, st.data())
@example(["Shusha", ":", "289", "km2"], " ", None)
@example(["289", "km2x"], " ", None)
def test_find_areas_is_the_reference_in_every_scope(words: list[str], sep: str, data: st.DataObject | None) -> None:
    text = sep.join(words)
    areas._gate_starts.cache_clear()
    cuts = range(len(text) + 1) if data is None else data.draw(st.lists(st.integers(0, len(text)), max_size=12))
    for start in cuts:
        for end in range(start, len(text) + 1):
            assert find_areas(text, start, end) == old_find_areas(text, start, end), (text, start, end)
    assert find_areas(text) == old_find_areas(text)


def test_the_functions_over_the_corpus() -> None:
    texts = corpus_texts()
    checked = 0
    for text in texts:
        got = find_numbers(text)
        with _reference():
            assert got == find_numbers(text), text
        numbers_in.cache_clear()
        heads = headlines.find_headlines(text, 0, len(text))
        numbers_in.cache_clear()
        assert heads == old_find_headlines(text, 0, len(text)), text
        assert counts._last_breakdown_word(text, 0, len(text)) == old_last_breakdown_word(text, 0, len(text))
        for sentence in segment(text):
            assert find_areas(text, sentence.start, sentence.end) == old_find_areas(text, sentence.start, sentence.end)
        checked += len(got) + len(heads)
    assert checked > 1000


# --- the whole path ------------------------------------------------------------------------

_SENTENCES = st.sampled_from([
    "Four killed, one injured", "2 die in blast", "One dead, 3 hurt in clash", "Two killed, another injured",
    "Vigilantes lynch four", "Gunmen burned alive two women", "At least 12 to 15 people were killed",
    "The toll was revised up to 114", "The toll rose from 12 to 40", "Between 10 and 12 soldiers died",
    "Dozens of civilians were wounded", "Half a million people fled", "Two dozen \u017foldiers were killed",
    "Flight 17 crashed, killing 298 people", "US$ 5 million was paid to free 3 hostages", "10% of 200 residents fled",
    "A 12-year-old boy was killed", "Twelve police officers were among the 40 people wounded",
    "Ten Maoists, including two women cadres, were gunned down", "52 people, 17 of whom were students, died",
    "F\u0130VE KILLED, TWO \u0130NJURED", "kıll\u0130d 3", "\u212a\u0130LLED 4 people", "e\u0301 7 people were shot dead",
    "clashed in Ajigin, three reported dead, weapons recovered", "The army killed two servicemen and wounded another",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.sampled_from([". ", "; ", ", ", " and ", "\n"]))
def test_generated_reports_are_byte_identical(sentences: list[str], sep: str) -> None:
    _assert_identical([sep.join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)
    _assert_identical(texts[::7], least_claims=30, scanner="auto")  # the compiled scanner, when built


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


# --- the reference: the code before (baa068b) --------------------------------------------------


def old_classify(text: str, start: int, end: int, digits: bool) -> tuple[str, int]:
    """What kind of number ends at `end`; returns (kind, new_end)."""
    after = text[end : end + 40]
    before = text[max(0, start - 30) : start]
    # Both look-behind patterns end in "\s*$" and their words are short: searching from just
    # before the trailing whitespace finds what a full search finds.
    near = max(0, len(before.rstrip()) - _PREFIX_REACH)
    if _AFTER_ANY.match(after) is None:
        # No pattern after the figure matches (nor does "km2|sq", whose first letter GLUED_AFTER
        # takes), so the words before it decide, in the order below (most figures end here).
        if _BEFORE_MONEY.search(before, near):
            return "money", end
        # GLUED_BEFORE is one or two characters at the window's end: searched from there.
        if digits and (_BEFORE_IDENT.search(before, near) or _GLUED_BEFORE.search(before, max(0, len(before) - 2))):
            return "ident", end
        return "cardinal", end
    if digits and _ORDINAL_SUFFIX.match(after):
        return "ordinal", end + _ORDINAL_SUFFIX.match(after).end()  # type: ignore[union-attr]
    pm = _AFTER_PERCENT.match(after)
    if pm:
        return "percent", end + pm.end()
    mm = _AFTER_MONEY.match(after)
    if mm or _BEFORE_MONEY.search(before, near):
        return "money", end + (mm.end() if mm else 0)
    am = _AGE_DURATION.match(after)
    if am:
        return ("age" if am.group("old") else "duration"), end + am.end()
    if digits:
        if _BEFORE_IDENT.search(before, near):
            return "ident", end
        # Glued to letters or code-like punctuation: "MH17", "F-16", "COVID-19", "10:30".
        glued = _GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after)
        if glued and not re.match(r"(?:km2|km²|sq)", after, re.IGNORECASE):
            return "ident", end
    return "cardinal", end


def old_mention(text: str, m: re.Match[str], stop: int) -> NumberMention | None:
    qual_text = (m.group("qual") or "").strip().lower()
    qualifier, rule = QUALIFIERS.get(_SPACES.sub(" ", qual_text), ("exact", "closed"))
    # "revised up to 114": the verb's particle, not "at most" (the figure starts at its number)
    verb_particle = qual_text == "up to" and m.group("num") is not None \
        and _UPDATE_UP_TO.search(text[max(0, m.start() - 24) : m.start()]) is not None  # fmt: skip
    if verb_particle:
        qualifier, rule = "exact", "closed"
    additional = bool(m.group("another"))
    if m.group("vague"):
        key = re.sub(r"\s+", " ", m.group("vague").lower())
        vq, value, low, high = VAGUE[key]
        if qualifier != "exact":
            # "more than a dozen": the stated figure stays, the qualifier says which way.
            low, high = _bounds(value, rule) if rule != "closed" else (low, high)
        else:
            qualifier = vq
        return _whole(text, m, "vague", value, (low, high), qualifier, additional, "vague")
    if m.group("half"):
        value = SCALES[m.group("half").split()[-1].lower()] / 2
        return _whole(text, m, "half", value, _bounds(value, rule), qualifier, additional, "words")
    if m.group("dozen"):
        head = m.group("dozen").lower().split()[0]
        fig = 0.5 if head == "half" else (1 if head == "a" else parse_figure(head))
        mult = 1 if fig is None else fig
        value = 12 * mult
        return _whole(text, m, "dozen", value, _bounds(value, rule), qualifier, additional, "words")
    ns, ne = m.span("num")
    raw = m.group("num")
    value_or_none = parse_figure(raw)
    while value_or_none is None and " " in raw.strip():
        # Keep the longest prefix that reads as one number ("five six" -> "five").
        raw = raw.strip().rsplit(None, 1)[0]
        ne = ns + len(raw)
        value_or_none = parse_figure(raw)
    if value_or_none is None:
        return None
    value = value_or_none
    digits = raw[0].isdigit()
    # "one" alone is mostly a pronoun ("one of the worst"); let the extractor decide.
    kind, kind_end = old_classify(text, ns, ne, digits)
    low, high = _bounds(value, rule)
    span_end = ne
    tail = RANGE_TAIL_RE.match(text, ne, stop) if kind == "cardinal" else None
    if tail is not None and _UPDATE_FROM.search(text, max(0, ns - 40), ns):
        tail = None  # "rose from 12 to 40" is an update, not a range
    if tail is not None:
        second = parse_figure(tail.group("num2"))
        sep = tail.group("rsep").strip().lower()
        n2s, n2e = tail.span("num2")
        k2, k2_end = old_classify(text, n2s, n2e, tail.group("num2")[0].isdigit())
        is_range = (
            second is not None
            and second > value
            and k2 == "cardinal"
            and (sep in ("-", "–", "—", "to") or (sep == "and" and bool(m.group("between"))))
        )
        if is_range and second is not None:
            low, high = value, second
            qualifier = "approx" if qualifier == "exact" else qualifier
            span_end = n2e
        elif sep in ("-", "–", "—") and k2 in ("age", "duration"):
            kind, span_end = k2, k2_end  # "two-to-three-year-old" style
    start = m.start("between") if m.group("between") and span_end != ne else (ns if verb_particle else m.start())
    if kind != "cardinal":
        span_end = max(span_end, kind_end)
    return NumberMention(
        span=(start, span_end),
        number_span=(ns, span_end if span_end != ne and kind == "cardinal" else ne),
        text=text[start:span_end],
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        kind=kind,
        additional=additional,
        written="digits" if digits else "words",
    )


def old_find_headlines(text: str, start: int, end: int) -> list[Headline]:
    """Telegraphic figures in text[start:end], in text order."""
    nums = [n for n in numbers_in(text, start, end) if n.kind == "cardinal" and n.written != "vague"]
    another = literals.gate(text, start, end, _ANOTHER_GATE)  # AND_ANOTHER's word is one of them
    if another:
        nums += [mention(m.span(), m.group(0), 1.0, "words") for m in _ANOTHER.finditer(text, start, end)]
    out: list[Headline] = []
    for num in sorted(nums, key=lambda n: n.span[0]):
        before = text[max(start, num.span[0] - 40) : num.span[0]]
        pred = _PREDICATE.match(text, num.span[1], end)
        chained = bool(out) and _CHAIN.match(text[out[-1].span[1] : num.span[0]]) is not None
        if pred is not None and lx.BREAKDOWN_ANYWHERE_RE.search(text, pred.end(), end):
            pred = None  # "28 died, among them six women": the count rules read the parts
        comma = pred is not None and _COMMA_START.search(before) is not None and _CLAUSE_END.match(text, pred.end(), end) \
            and not _figure_before(text, start, num.span[0], nums)  # fmt: skip
        if pred is not None and (chained or comma or _CLAUSE_START.search(before) or not text[start : num.span[0]].strip()):
            # folded as the pattern compared it: "executeſ" matched "executes" (a KeyError before)
            category = _PREDICATES[re.sub(r"\s+", " ", literals.fold(pred.group("cue")))]
            population, cls = _people(pred.group("pop"))
            additional = bool(_ANOTHER.fullmatch(num.text))
            out.append(Headline(num if not additional else _additional(num), (num.span[0], pred.end()),
                                category, population, cls, "telegraphic"))  # fmt: skip
            continue
        act = _ACTIVE.search(before) if old_after_active(before) else None
        if act is not None and not _ACTIVE_UNDONE.search(before, 0, act.start()):
            after = _AFTER_ACTIVE.match(text, num.span[1], end)
            if after is not None:
                population, cls = _people(after.group("pop"))
                if not population or (after.group("pop") and after.group("pop").lower() not in lx.POPULATIONS
                                      and not persons.person_object(act.group("verb"), after.group("pop"),
                                                                    text[num.span[1] : after.start("pop")])):
                    continue  # "set ablaze two vehicles", "hanged two banners": things, not people
                out.append(Headline(num, (num.span[0], after.end() if after.group("pop") else num.span[1]),
                                    vb.VICTIM_BEFORE[re.sub(r"\s+", " ", literals.fold(act.group("verb")))],
                                    population, cls, "active"))  # fmt: skip
    for m in _AND_ANOTHER.finditer(text, start, end) if another and literals.gate(text, start, end, _AND_ANOTHER_GATE) else ():
        cue = m.group("verb")
        if any(h.num.span[0] <= m.start("a") < h.span[1] for h in out):
            continue
        if _NOUN_NEXT.match(text, m.end(), end) and not _PHRASE_NEXT.match(text, m.end(), end):
            continue  # "wounded another soldier": the count rules read the noun
        category = vb.VICTIM_VERBS.get(re.sub(r"\s+", " ", cue.lower()), "killed")
        num = _additional(mention(m.span("a"), m.group("a"), 1.0, "words"))
        out.append(Headline(num, (m.start("a"), m.end()), category, "people", "unknown", "telegraphic"))
    return out


def old_after_active(before: str) -> bool:
    """May `before` end with an ACTIVE verb? Its last word (folded as the pattern compares it)
    must end like one: one look at the end instead of a search of the window."""
    word = last_word(literals.fold(before)) if before[-1:].isspace() else None
    return word is not None and word.endswith(_ACTIVE_ENDS)


def old_last_breakdown_word(text: str, start: int, end: int) -> int:
    """Where the sentence's last word that every lx.BREAKDOWN_RE match holds starts (-1: none):
    no breakdown starts after it (folded as the pattern compares, `literals.fold`, which keeps
    positions)."""
    low = fold(text[start:end])
    found = max(low.rfind(w) for w in _BREAKDOWN_WORDS)
    return start + found if found >= 0 else -1


def old_find_areas(text: str, start: int = 0, end: int | None = None) -> list[AreaFigure]:
    stop = len(text) if end is None else end
    out: list[AreaFigure] = []
    for m in AREA_RE.finditer(text, start, stop):
        value = parse_figure(m.group("num"))
        if value is None:
            continue
        unit = m.group("unit")
        factor = next(f for u, f in UNITS if re.fullmatch(u, unit, re.IGNORECASE))
        out.append(
            AreaFigure(
                span=m.span(),
                number_span=m.span("num"),
                value_km2=round(value * factor, 4),
                written_unit=unit,
                text=m.group(0),
            )
        )
    return out
