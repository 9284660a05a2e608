"""text -> PlaceMention*: an offline GeoNames gazetteer and a precision-first place finder.

`Gazetteer.load()` reads the packaged `data/gazetteer.tsv.gz` (GeoNames, CC BY 4.0; built by
`scripts/build_gazetteer.py`) plus the curated `data/gazetteer_extra.tsv`, whose rows replace
packaged rows with the same geonameid. Names are compared by `name_key`, which folds case,
diacritics and common transliteration variants ("Khojaly", "Xocalı", "Khojali" -> "xocali").

`Gazetteer.find(text)` only starts a match at a capitalised word, and accepts a match only when
the surrounding text makes a place reading likely (see `_accept`): precision over recall.
"""

from __future__ import annotations

import copy
import gzip
import itertools
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from tollbook._exceptions import ConfigError
from tollbook.geo.names import COUNTRY_FEATURES as COUNTRY_FEATURES
from tollbook.geo.names import FOLD as _FOLD
from tollbook.geo.names import FOLD_VERSION as FOLD_VERSION
from tollbook.geo.names import REGION_FEATURES as REGION_FEATURES
from tollbook.geo.names import WORD as _WORD
from tollbook.geo.names import fold_token as _fold_token
from tollbook.geo.names import name_key as name_key
from tollbook.geo.placewords import (
    DEMONYMS,
    FIRST_NAMES,
    NAME_LIKE_COUNTRIES,
    NAME_PARTICLES,
    ORG_TAILS,
    REGION_NOUNS,
    STOP_WORDS,
)
from tollbook.geo.placewords import LIST_GAP as _LIST_GAP
from tollbook.geo.tokens import FUNCTION_KEYS as _FUNCTION_KEYS
from tollbook.geo.tokens import Token as _Token
from tollbook.geo.tokens import division_of_before as _division_of_before
from tollbook.geo.tokens import gap_ok as _gap_ok
from tollbook.geo.tokens import name_follows as _name_follows
from tollbook.geo.tokens import place_context as _place_context
from tollbook.geo.tokens import sentence_start as _sentence_start
from tollbook.geo.tokens import tokens as _tokens
from tollbook.geo.tokens import word_tokens as _word_tokens
from tollbook.model import GazetteerEntry, PlaceMention

if TYPE_CHECKING:
    from tollbook.scan.marks import Scanner, ScannerChoice, Words

__all__ = ["DEMONYMS", "FOLD_VERSION", "Gazetteer", "name_key"]

#: Columns of the gazetteer TSV files, in order.
COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "country", "feature", "lat",
           "lon", "population", "admin1")  # fmt: skip
_STOP_KEYS = frozenset(
    {name_key(w) for w in (STOP_WORDS + FIRST_NAMES).split()}
    | {name_key(d) for d in DEMONYMS}
    | {name_key(d) + "s" for d in DEMONYMS}
)


# ---------------------------------------------------------------- data


INDEX_MARKER = "#index"  # separates rows from the precomputed "key<TAB>row,row" lines


@lru_cache(maxsize=1 << 14)  # pure; ranking a name parses the same rows again and again
def _entry(line: str) -> GazetteerEntry:
    """One TSV row -> entry. Rows are parsed on demand: loading stays fast."""
    f = line.split("\t")
    try:
        return GazetteerEntry(
            int(f[0]), f[1], f[4], f[5], float(f[6]), float(f[7]), int(f[8] or 0), f[9]
        )
    except (ValueError, IndexError) as exc:
        raise ConfigError(
            f"gazetteer row is malformed ({exc}): {line[:80]!r}; "
            "fix the row or rebuild the data file with scripts/build_gazetteer.py"
        ) from exc


def _score_fields(line: str) -> tuple[str, str, int]:
    """`_entry(line)`'s country, feature and population, without making the entry: a name is
    ranked over all its rows, and only the best one's entry is read. The same row checks:
    a row `_entry` refuses is refused with its error."""
    f = line.split("\t")
    try:
        int(f[0]), float(f[6]), float(f[7]), f[9]
        return f[4], f[5], int(f[8] or 0)
    except (ValueError, IndexError):
        _entry(line)  # raises its ConfigError
        raise


def _split(text: str) -> tuple[list[str], dict[str, str] | None]:
    """A gazetteer file -> its data rows and, when stored for this FOLD_VERSION, its index."""
    lines = text.split("\n")
    try:
        cut = lines.index(INDEX_MARKER)
    except ValueError:
        cut = len(lines)
    rows = [
        ln.rstrip("\r")
        for ln in lines[:cut]
        if ln.strip() and not ln.startswith("#") and not ln.startswith("geonameid\t")
    ]
    for row in rows[:1] + rows[-1:]:  # catch a wrong file early, not at the first lookup
        _entry(row)
    if cut == len(lines) or f"fold={FOLD_VERSION};" not in lines[0]:
        return rows, None
    index = dict(ln.split("\t", 1) for ln in lines[cut + 1 :] if ln)
    return rows, index


def _row_keys(line: str) -> list[str]:
    f = line.split("\t")
    return list(dict.fromkeys(k for k in map(name_key, [f[1], f[2], *f[3].split("|")]) if k))


def _read(path: Path | resources.abc.Traversable) -> str:
    try:
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        return data.decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read gazetteer file {path}: {exc}; pass an existing gazetteer .tsv/.tsv.gz "
            "or rebuild the packaged one with scripts/build_gazetteer.py"
        ) from exc


@lru_cache(maxsize=8)
def _load(path: str | None, cache_dir: str | None = None) -> Gazetteer:
    from tollbook.geo import gazetteer_index  # a cache file of the built state: fast start-up

    return gazetteer_index.load(path, lambda: _build(path), Path(cache_dir) if cache_dir else None)


def _build(path: str | None) -> Gazetteer:
    if path is None:
        data = resources.files("tollbook") / "data"
        rows, index = _split(_read(data / "gazetteer.tsv.gz"))
        curated, _ = _split(_read(data / "gazetteer_extra.tsv"))
    else:
        rows, index = _split(_read(Path(path)))
        curated = []
    return Gazetteer(rows, index, curated)


# ---------------------------------------------------------------- gazetteer

_TIER_SCORE = {"PPLC": 45.0, "PPLA": 35.0, "PPLA2": 25.0, "PPLA3": 20.0, "PPLA4": 20.0}


class Gazetteer:
    """Name -> GeoNames entries, and a place finder over text. Build with `Gazetteer.load`."""

    __slots__ = ("_country_firsts", "_country_keys", "_country_starts", "_firsts", "_index",
                 "_max_words", "_n_main", "_replaced", "_rows", "_scanner")  # fmt: skip

    def __init__(
        self, rows: list[str], index: dict[str, str] | None, curated: Sequence[str] = ()
    ) -> None:
        """`rows`: TSV data rows; `index`: key -> comma-separated row numbers, or None to
        compute it; `curated`: supplement rows, which replace rows with the same geonameid."""
        if index is None:
            computed: dict[str, list[str]] = {}
            for i, row in enumerate(rows):
                for k in _row_keys(row):
                    computed.setdefault(k, []).append(base36(i))
            index = {k: ",".join(v) for k, v in computed.items()}
        self._n_main = len(rows)
        self._rows = [*rows, *curated]
        self._replaced = frozenset(_entry(row).geonameid for row in curated)
        for i, row in enumerate(curated, len(rows)):
            for k in _row_keys(row):
                index[k] = f"{index[k]},{base36(i)}" if k in index else base36(i)
        self._index = index
        country_keys: dict[str, str] = {}
        for row in self._rows:
            if "\tPCL" in row or "\tTERR\t" in row:  # cheap prefilter; confirmed below
                entry = _entry(row)
                if entry.feature in COUNTRY_FEATURES:
                    for k in _row_keys(row):
                        country_keys.setdefault(k, entry.country)
        for demonym, iso in DEMONYMS.items():
            country_keys.setdefault(name_key(demonym), iso)
        self._country_keys = country_keys
        self._max_words = max((k.count(" ") + 1 for k in index), default=1)
        # First words of names of two words or more: a word not among them can only match
        # alone, so most capitalised words need one lookup, not one per possible length.
        self._firsts = frozenset(k[: k.index(" ")] for k in index if " " in k)
        self._country_firsts = frozenset(k[: k.index(" ")] for k in country_keys if " " in k)
        # Every word a country name or demonym can start with ("syrians" too): the marked
        # path asks `_country_at` about these words only (the answer elsewhere is None).
        self._country_starts = (
            frozenset(country_keys)
            | self._country_firsts
            | frozenset(d + "s" for d in _DEMONYM_KEYS if d in country_keys)
        )
        self._scanner: Scanner | None = None  # see with_scanner

    def with_scanner(self, choice: ScannerChoice) -> Gazetteer:
        """This gazetteer (sharing its data) whose `find_in_document` reads its words and name
        candidates from the scanner `choice` (scan/words_compiled.py `select_scanner`): the
        same mentions, faster. Made once per gazetteer and choice in a process."""
        return _with_scanner(self, choice)

    @classmethod
    def load(cls, path: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
        """The packaged gazetteer (default) or the one at `path`; loaded once per path, from
        the index file in `cache_dir` (None: the user cache directory) when one matches."""
        return _load(None if path is None else str(Path(path).resolve()),
                     None if cache_dir is None else str(cache_dir))  # fmt: skip

    def __len__(self) -> int:
        return len(self._rows)

    def _candidates(self, key: str) -> list[int]:
        ids = self._index.get(key)
        if not ids:
            return []
        out = [int(x, 36) for x in ids.split(",")]
        if self._replaced:
            out = [i for i in out if i >= self._n_main or self._id(i) not in self._replaced]
        return out

    def _id(self, i: int) -> int:
        row = self._rows[i]
        return int(row[: row.index("\t")])

    # -------------------------------------------------------- lookup

    def _base_score(self, i: int, prefer_region: bool) -> tuple[float, str, bool]:
        """Entry i's score before the document's countries count: (score, country, curated)."""
        country, feature, population = _score_fields(self._rows[i])
        score = 15.0 * math.log10(population + 1)
        if feature in COUNTRY_FEATURES:
            score += 60.0
        elif feature in REGION_FEATURES:
            score += 240.0 if prefer_region else 40.0
        else:
            score += _TIER_SCORE.get(feature, 10.0)
        return score, country, i >= self._n_main

    def _ranked(
        self, key: str, countries: Sequence[str] = (), prefer_region: bool = False
    ) -> tuple[int, ...]:
        # The ranking depends on the context only through the context's countries that some
        # entry under `key` is in, and their positions: cached on those, one ranking serves
        # every document that names the same of them (the whole context missed the cache
        # for most documents).
        ranks = _context_ranks(self, key, tuple(countries)) if countries else ()
        return _ranked_cached(self, key, ranks, prefer_region)

    def _rank(self, key: str, ranks: tuple[tuple[str, int], ...], prefer_region: bool
              ) -> tuple[int, ...]:  # fmt: skip
        """Entries under `key` best first; `ranks`: (country, its place in the context)."""
        where = dict(ranks)
        scored = []
        for i, (score, country, curated) in _base_scores(self, key, prefer_region):
            if country in where:
                score += 60.0 - 5.0 * min(where[country], 10)
            if curated:
                score += 50.0
            scored.append((-score, i))
        return tuple(i for _, i in sorted(scored))

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """All entries whose name or an alternate name matches `name`, best first."""
        return tuple(_entry(self._rows[i]) for i in self._ranked(name_key(name)))

    def resolve(self, name: str, *, countries: Sequence[str] = ()) -> GazetteerEntry | None:
        """The one entry `name` most likely means, preferring the `countries` (ISO2) given."""
        ranked = self._ranked(name_key(name), tuple(countries))
        return _entry(self._rows[ranked[0]]) if ranked else None

    def division(self, name: str, country: str) -> GazetteerEntry | None:
        """The administrative division (ADM1 first) of `country` that `name` names, if any:
        "Tillaberi" is a town and a region of Niger; this gives the region."""
        ranked = self._ranked(name_key(name), (country,), True)
        for i in ranked:
            e = _entry(self._rows[i])
            if e.country == country and e.feature in REGION_FEATURES:
                return e
        return None

    # -------------------------------------------------------- countries

    def _country_at(self, text: str, toks: Sequence[_Token], i: int) -> tuple[str, int] | None:
        """(ISO2, words used) for a country name or demonym starting at token i."""
        n_max = 1
        while (
            toks[i].key in self._country_firsts
            and n_max < 7
            and i + n_max < len(toks)
            and _gap_ok(text, toks[i + n_max - 1], toks[i + n_max])
        ):
            n_max += 1
        for n in range(n_max, 0, -1):
            key = " ".join(t.key for t in toks[i : i + n])
            iso = self._country_keys.get(key)
            if iso is None and n == 1 and key[:-1] in _DEMONYM_KEYS and key.endswith("s"):
                iso = self._country_keys.get(key[:-1])  # plural demonym: "Syrians"
            if iso is not None:
                return iso, n
        return None

    def countries_in(self, text: str) -> tuple[str, ...]:
        """ISO2 codes of countries named in `text` (names and demonyms), most mentioned first."""
        return self._countries(text, _tokens(text, 0, len(text)))

    def _countries(self, text: str, toks: Sequence[_Token]) -> tuple[str, ...]:
        counts: dict[str, int] = {}
        i = 0
        while i < len(toks):
            hit = self._country_at(text, toks, i) if toks[i].cap else None
            if hit is None:
                i += 1
                continue
            iso, n = hit
            nxt = toks[i + n] if i + n < len(toks) else None
            if not (iso in NAME_LIKE_COUNTRIES and _name_follows(text, toks[i + n - 1], nxt)):
                counts[iso] = counts.get(iso, 0) + 1
            i += n
        return tuple(sorted(counts, key=lambda c: -counts[c]))  # stable: ties by first mention

    # -------------------------------------------------------- find

    def find(
        self,
        text: str,
        *,
        start: int = 0,
        end: int | None = None,
        countries: Sequence[str] = (),
    ) -> tuple[PlaceMention, ...]:
        """Place mentions in text[start:end], spans absolute, each resolved to an entry.

        Without `countries`, the countries named anywhere in `text` are the context (computed
        once per text and cached, so calling per sentence of one document stays cheap).
        """
        end = len(text) if end is None else end
        toks = _tokens(text, start, end)
        if toks and toks[0].start == start > 0 and _WORD.match(text, start - 1, start):
            toks.pop(0)  # a word cut by the window is not a mention
        if toks and toks[-1].end == end < len(text) and _WORD.match(text, end, end + 1):
            toks.pop()
        context = tuple(countries) if countries else _countries_cached(self, text)
        return self._find(text, toks, end, context)

    def scan(self, text: str) -> tuple[Words, dict[int, int]] | None:
        """The scanner's words of `text` and its names by first word (None without a scanner):
        pass them to `find_in_document`, and read the words for other place rules."""
        return None if self._scanner is None else self._scanner.names(text)

    def find_in_document(
        self, text: str, scanned: tuple[Words, dict[int, int]] | None = None
    ) -> tuple[PlaceMention, ...]:
        """`find(text, countries=countries_in(text))`, reading the words of `text` once.

        Without a scanner this is that reference path (every word made a token, every
        capitalised word looked up, every word asked whether it starts a country's name). With
        one (`with_scanner`), the scanner's one pass gives the words as columns and the names
        by first word, and only those are read again: the words that can start a country's
        name or demonym (the context), and the names, stop words skipped before ranking, each
        with the few tokens around it (tests/test_places_marked.py: the same mentions as the
        reference on generated text, tests/corpus and every ../shared/data file). `scanned`:
        `scan(text)`, when the caller already has it.
        """
        if self._scanner is None:
            toks = _tokens(text, 0, len(text))
            return self._find(text, toks, len(text), self._countries(text, toks))
        w, longest = self._scanner.names(text) if scanned is None else scanned
        context = self._marked_countries(text, w)
        out: list[PlaceMention] = []
        last_end = -1
        after = 0  # the word after the last mention: a name never starts inside another
        for i in sorted(longest):
            if i < after:
                continue
            n = longest[i]
            key = w.keys[i] if n == 1 else " ".join(w.keys[i : i + n])
            if _stop_only(key):  # `_accept`'s first refusal, before ranking: "On", "May"
                continue
            # The words a rule reads around a name, i-2 to i+n, as a list of their own:
            # indices in it are shifted by `lo`, and its ends are the text's ends exactly
            # where the text's are within reach (i-2 < 0, i+n past the last word).
            lo = max(0, i - 2)
            near = _word_tokens(w, lo, i + n + 1)
            mention = self._mention(text, near, i - lo, n, key, len(text), context, last_end)
            if mention is not None:
                out.append(mention)
                last_end, after = mention.span[1], i + n
        return tuple(out)

    def _marked_countries(self, text: str, w: Words) -> tuple[str, ...]:
        """`_countries` over the scanner's words: only words that can start a country name or
        demonym are asked (`_country_at` says None of every other word), in columns."""
        counts: dict[str, int] = {}
        keys, caps, joins, after = w.keys, w.caps, w.joins, 0
        country_keys, firsts, total = self._country_keys, self._country_firsts, len(keys)
        for i in itertools.compress(range(total), map(self._country_starts.__contains__, keys)):
            if i < after or not caps[i]:
                continue
            # `_country_at` on columns: joins[j] is `_gap_ok` of words j and j+1 (test_scan).
            n_max, hit = 1, None
            if keys[i] in firsts:
                while n_max < 7 and i + n_max < total and joins[i + n_max - 1]:
                    n_max += 1
            for n in range(n_max, 0, -1):
                key = keys[i] if n == 1 else " ".join(keys[i : i + n])
                iso = country_keys.get(key)
                if iso is None and n == 1 and key[:-1] in _DEMONYM_KEYS and key.endswith("s"):
                    iso = country_keys.get(key[:-1])  # plural demonym: "Syrians"
                if iso is not None:
                    hit = iso, n
                    break
            if hit is None:
                continue
            iso, n = hit
            near = _word_tokens(w, i + n - 1, i + n + 1)  # the name's last word and the next
            nxt = near[1] if len(near) > 1 else None
            if not (iso in NAME_LIKE_COUNTRIES and _name_follows(text, near[0], nxt)):
                counts[iso] = counts.get(iso, 0) + 1
            after = i + n
        return tuple(sorted(counts, key=lambda c: -counts[c]))  # stable: ties by first mention

    def _find(self, text: str, toks: Sequence[_Token], end: int, context: tuple[str, ...]
              ) -> tuple[PlaceMention, ...]:  # fmt: skip
        """The reference walk: every capitalised word, its longest name looked up in turn."""
        out: list[PlaceMention] = []
        last_end = -1
        i = 0
        while i < len(toks):
            match = self._longest(text, toks, i) if toks[i].cap else None
            mention = None if match is None else self._mention(text, toks, i, *match, end,
                                                               context, last_end)  # fmt: skip
            if match is None or mention is None:
                i += 1
                continue
            out.append(mention)
            last_end = mention.span[1]
            i += match[0]
        return tuple(out)

    def _mention(self, text: str, toks: Sequence[_Token], i: int, n: int, key: str, end: int,
                 context: tuple[str, ...], last_end: int) -> PlaceMention | None:  # fmt: skip
        """The mention of the name `key` in words toks[i:i+n], or None when it is no place here;
        `last_end`: where the previous mention ended (-1: none yet)."""
        first, last = toks[i], toks[i + n - 1]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + n] if i + n < len(toks) else None
        region = (
            nxt is not None and nxt.key in _REGION_NOUN_KEYS and _gap_ok(text, last, nxt)
        ) or _division_of_before(text, toks, i)  # "the province of Cabo Delgado"
        ranked = self._ranked(key, context, region)
        if not ranked:  # every entry under this key was replaced by a curated row
            return None
        best = ranked[0]
        listed = last_end >= 0 and _LIST_GAP.fullmatch(text, last_end, first.start) is not None
        if not self._accept(text, toks, i, n, best, context, prev, nxt, listed):
            return None
        stop = last.end
        if len(last.text) == 1 and text[stop : stop + 1] == "." and stop < end:
            stop += 1  # "U.S."
        return PlaceMention(text[first.start : stop], (first.start, stop), _entry(self._rows[best]))

    def _longest(self, text: str, toks: Sequence[_Token], i: int) -> tuple[int, str] | None:
        n_max = 1
        while (
            toks[i].key in self._firsts
            and n_max < self._max_words
            and i + n_max < len(toks)
            and _gap_ok(text, toks[i + n_max - 1], toks[i + n_max])
        ):
            n_max += 1
        for n in range(n_max, 0, -1):
            if n > 1 and not toks[i + n - 1].cap:
                continue  # "Bosnia and Herzegovina", not "Barda and"
            key = " ".join(t.key for t in toks[i : i + n])
            if key in self._index:
                return n, key
        return None

    def _accept(
        self,
        text: str,
        toks: Sequence[_Token],
        i: int,
        n: int,
        best: int,
        countries: Sequence[str],
        prev: _Token | None,
        nxt: _Token | None,
        listed: bool,
    ) -> bool:
        """Whether the words toks[i:i+n], matching entry `best`, name a place here."""
        entry = _entry(self._rows[best])
        words = toks[i : i + n]
        if all(t.key in _STOP_KEYS or t.key in _FUNCTION_KEYS for t in words):
            return False
        if nxt is not None and nxt.key in _TAIL_KEYS and nxt.cap and _gap_ok(text, words[-1], nxt):
            return False  # part of a longer name: "New York Times", "the Ostrava Hills"
        if entry.feature in COUNTRY_FEATURES:
            return entry.country not in NAME_LIKE_COUNTRIES or not (
                _name_follows(text, words[-1], nxt)
                or (prev is not None and _name_follows(text, prev, words[0]))
            )  # "Chad Smith", "Michael Jordan"
        if n == 1 and (
            len(words[0].text) < 3 or (words[0].text.isupper() and len(words[0].text) <= 4)
        ):
            # Initials and acronyms ("UN", "IDF"), unless a large place's own name ("KYIV").
            return entry.population >= 100_000 and words[0].key == _own_keys(entry.name)[0]
        if best >= self._n_main:  # curated
            return True
        if listed or _place_context(text, toks, i, nxt, words[-1]):
            return True
        if n > 1:
            return True
        if _name_follows(text, words[0], nxt) or (
            prev is not None
            and (_name_follows(text, prev, words[0]) or prev.text in NAME_PARTICLES)
        ):
            return False  # part of a person's or organisation's name: "Thomas de Waal"
        if words[0].key not in _own_keys(entry.name):
            # Matched through an alternate name only: GeoNames alternates include nicknames and
            # odd variants ("Google" for Topeka), so ask for the document's country as well.
            return entry.country in countries
        if _sentence_start(text, words[0].start):
            return entry.population >= 100_000
        return entry.country in countries or entry.population >= 15_000


# ---------------------------------------------------------------- helpers

_DEMONYM_KEYS = frozenset(name_key(d) for d in DEMONYMS)
_REGION_NOUN_KEYS = frozenset(name_key(w) for w in REGION_NOUNS)
_TAIL_KEYS = frozenset(name_key(w) for w in ORG_TAILS)


@lru_cache(maxsize=1 << 12)  # pure for a loaded gazetteer; a document names its places again
def _ranked_cached(
    gazetteer: Gazetteer, key: str, ranks: tuple[tuple[str, int], ...], prefer_region: bool
) -> tuple[int, ...]:
    return gazetteer._rank(key, ranks, prefer_region)


@lru_cache(maxsize=1 << 14)  # a document names the same place again, in the same context
def _context_ranks(gazetteer: Gazetteer, key: str, countries: tuple[str, ...]
                   ) -> tuple[tuple[str, int], ...]:  # fmt: skip
    """(country, its first place in `countries`) for the countries of the entries under `key`."""
    ranks: dict[str, int] = {}
    present = _key_countries(gazetteer, key)
    for k, country in enumerate(countries):
        if country in present and country not in ranks:  # first place: .index()
            ranks[country] = k
    return tuple(ranks.items())


@lru_cache(maxsize=1 << 14)
def _own_keys(name: str) -> tuple[str, str]:
    """An entry's own name as the words of text fold: `name_key`, and folded from ASCII."""
    return name_key(name), _fold_token(_ascii(name))


@lru_cache(maxsize=1 << 14)
def _stop_only(key: str) -> bool:
    """Whether every word of the name `key` is a stop or function word (never a place alone)."""
    return all(k in _STOP_KEYS or k in _FUNCTION_KEYS for k in key.split(" "))


@lru_cache(maxsize=1 << 14)
def _key_countries(gazetteer: Gazetteer, key: str) -> frozenset[str]:
    """The countries of the entries under `key`."""
    return frozenset(c for _, (_, c, _) in _base_scores(gazetteer, key, False))


@lru_cache(maxsize=1 << 14)  # the part of a ranking that does not depend on the document
def _base_scores(
    gazetteer: Gazetteer, key: str, prefer_region: bool
) -> tuple[tuple[int, tuple[float, str, bool]], ...]:
    return tuple((i, gazetteer._base_score(i, prefer_region)) for i in gazetteer._candidates(key))


@lru_cache(maxsize=8)
def _with_scanner(gazetteer: Gazetteer, choice: ScannerChoice) -> Gazetteer:
    from tollbook.scan.words_compiled import select_scanner

    view = copy.copy(gazetteer)
    view._scanner = select_scanner(choice, gazetteer._index, gazetteer._firsts, gazetteer._max_words)
    return view


@lru_cache(maxsize=32)  # find() over a document's sentences asks for the same text repeatedly
def _countries_cached(gazetteer: Gazetteer, text: str) -> tuple[str, ...]:
    return gazetteer.countries_in(text)


def base36(n: int) -> str:
    """Compact ids in the packaged index; the build script writes them with this function."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def _ascii(name: str) -> str:
    return name.translate(_FOLD)
