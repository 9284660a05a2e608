"""Independence of sources: claims + documents -> the origin each claim comes from.

Three things make reports that look separate count as one origin:

- the same speaker repeated (a ministry's statement every anniversary): speaker names are
  normalised by `speaker_key` ("Azerbaijan's Foreign Ministry", "the Ministry of Foreign
  Affairs of Azerbaijan" and "the Azerbaijani foreign ministry" give one key);
- a figure attributed to another source ("according to the ministry"): the extractor names
  the ministry as the speaker, and the speaker, not the outlet, is the origin;
- a text republished by several outlets: near-duplicate documents are found with MinHash
  over word shingles (`minhash`, `near_duplicates`, implemented here: one-permutation
  hashing, LSH banding, then the estimated Jaccard similarity is checked), and a copy wrapped
  in a headline, menus and an aggregator's footer by the containment of one body's shingles
  in the other's (`contained_copies`); a claim the document asserts itself (no speaker) takes
  the origin of the earliest copy's publisher.

Input -> output: `assign_origins(claims, docs, duplicates) -> {(doc_id, claim_id): Origin}`.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tollbook.events.event_patterns import META_LINE_RE, ROLE_WORDS
from tollbook.events.unionfind import Forest
from tollbook.extract.grammar.wire import indefinite_kind
from tollbook.geo.names import name_key
from tollbook.geo.placewords import DEMONYMS
from tollbook.model import Claim

__all__ = [
    "DuplicateCluster",
    "Origin",
    "assign_origins",
    "jaccard_estimate",
    "minhash",
    "near_duplicates",
    "speaker_key",
]

#: MinHash signature length (bins of one-permutation hashing) and LSH bands x rows.
BINS = 64
BANDS = 16
ROWS = BINS // BANDS
SHINGLE = 5  # words per shingle
DUPLICATE_THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets
_EMPTY = (1 << 64) - 1  # an empty bin (text shorter than BINS shingles)

_ROLE_KEYS = frozenset(name_key(w) for w in ROLE_WORDS)  # folded like the names they drop from
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_DEMONYM_KEYS = {name_key(d): iso for d, iso in DEMONYMS.items()}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a figure comes from, as far as independence goes."""

    origin_id: str  # "s:<speaker or publisher key>" or "d:<doc_id>"
    label: str  # the speaker or publisher as first written, or the document id
    reason: str  # why claims share this origin


@dataclass(frozen=True, slots=True)
class DuplicateCluster:
    """Documents whose texts are near-duplicates; `root` is the earliest copy."""

    root: str
    doc_ids: tuple[str, ...]
    similarity: float  # lowest estimated Jaccard similarity of a member to the root


# ------------------------------------------------------------------ speakers


def speaker_key(name: str) -> str:
    """A key equal for spellings of one speaker: tokens folded, role words dropped,
    demonyms mapped to their country, each token cut to a 6-letter stem, sorted. An indefinite
    source is its kind ("a local official", "local officials" -> "~local_official")."""
    kind = indefinite_kind(name)
    if kind is not None:
        return "~" + kind.replace(" ", "_")
    out: set[str] = set()
    for raw in _TOKEN.findall(name.replace("’s", "").replace("'s", "")):
        tok = name_key(raw)
        if not tok or tok in _ROLE_KEYS:
            continue
        iso = _DEMONYM_KEYS.get(tok) or _country_of(tok)
        out.add(f"@{iso.lower()}" if iso else tok[:6])
    return " ".join(sorted(out))


@lru_cache(maxsize=4096)
def _country_of(token_key: str) -> str | None:
    """ISO2 of a country named by one folded token ("azerbaian" -> "AZ"), via demonyms."""
    for key, iso in _DEMONYM_KEYS.items():
        # "Azerbaijan" vs demonym "Azerbaijani": a country name is its demonym minus a suffix.
        if len(token_key) >= 5 and key.startswith(token_key) and len(key) - len(token_key) <= 3:
            return iso
    return None


def merge_subset_keys(keys: Iterable[str]) -> dict[str, str]:
    """Key -> canonical key, where a key of 2+ tokens that is a subset of exactly one other
    key ("interior ministry" of "@vd interior ministry") is read as the same speaker."""
    uniq = sorted(set(keys))
    sets = {k: frozenset(k.split()) for k in uniq}
    out: dict[str, str] = {}
    for k in uniq:
        if len(sets[k]) < 2:
            out[k] = k
            continue
        supers = [o for o in uniq if o != k and sets[k] < sets[o]]
        out[k] = supers[0] if len(supers) == 1 else k
    return out


# ------------------------------------------------------------------ MinHash


def _shingles(text: str, k: int = SHINGLE) -> set[int]:
    words = [zlib.crc32(w.encode("utf-8")) for w in _TOKEN.findall(text.casefold())]
    if len(words) < k:
        return {hash(tuple(words)) & _EMPTY} if words else set()
    # Tuples of ints hash the same in every process (only str hashing is salted).
    return {hash(t) & _EMPTY for t in zip(*(words[i:] for i in range(k)), strict=False)}


def minhash(text: str, bins: int = BINS) -> tuple[int, ...]:
    """A one-permutation MinHash signature of the text's word 5-shingles: each shingle's
    64-bit hash goes to bin `hash % bins`, the bin keeps its smallest value."""
    sig = [_EMPTY] * bins
    for h in _shingles(text):
        h = (h * 0x9E3779B97F4A7C15) & _EMPTY  # spread the low bits before binning
        b = h % bins
        if h < sig[b]:
            sig[b] = h
    return tuple(sig)


def jaccard_estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of bins, among those not empty in both, holding the same minimum."""
    both = [(x, y) for x, y in zip(a, b, strict=True) if x != _EMPTY or y != _EMPTY]
    if not both:
        return 0.0
    return sum(1 for x, y in both if x == y) / len(both)


def near_duplicates(
    texts: Mapping[str, str],
    order: Sequence[str] | None = None,
    threshold: float = DUPLICATE_THRESHOLD,
) -> tuple[DuplicateCluster, ...]:
    """Clusters of near-duplicate texts (doc_id -> text). Candidates share an LSH band of
    their signatures; a pair joins when its estimated similarity reaches `threshold`.
    `order` (earliest first) decides each cluster's root; default: sorted doc ids."""
    ids = list(order) if order is not None else sorted(texts)
    rank = {d: i for i, d in enumerate(ids)}
    sigs = {d: minhash(texts[d]) for d in ids}
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    for d in ids:
        s = sigs[d]
        for band in range(BANDS):
            rows = s[band * ROWS : (band + 1) * ROWS]
            if all(x == _EMPTY for x in rows):
                continue
            buckets[(band, rows)].append(d)
    forest = Forest(ids, key=rank.__getitem__)  # the earliest document is the root

    sims: dict[tuple[str, str], float] = {}
    for members in buckets.values():
        # Each member is compared with the bucket's first one only (a star, not all pairs),
        # so a bucket of thousands of copies stays linear; other bands catch the rest.
        a = members[0]
        for b in members[1:]:
            pair = (a, b) if rank[a] < rank[b] else (b, a)
            if pair in sims:
                continue
            sims[pair] = jaccard_estimate(sigs[a], sigs[b])
            if sims[pair] >= threshold:
                forest.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        groups[forest.find(d)].append(d)
    out = []
    for root, members in groups.items():
        if len(members) < 2:
            continue
        low = min(jaccard_estimate(sigs[root], sigs[m]) for m in members if m != root)
        out.append(DuplicateCluster(root=root, doc_ids=tuple(members), similarity=round(low, 3)))
    return tuple(sorted(out, key=lambda c: rank[c.root]))


CONTAINMENT_THRESHOLD = 0.8  # share of the smaller body's shingles found in the other
MIN_BODY_SHINGLES = 15  # a shorter body is too short to call a copy
CONTAINMENT_WINDOW = 100  # documents before each one, in publication order, it is compared with


def body_text(text: str, title: str | None) -> str:
    """The text without its metadata line and its headline: what a republisher copies."""
    lines = text.split("\n")
    if lines and META_LINE_RE.match(lines[0]):
        lines = lines[1:]
    head = " ".join(title.split()).casefold() if title else ""
    kept = [ln for ln in lines if not head or " ".join(ln.split()).casefold() != head]
    return "\n".join(kept)


def contained_copies(
    groups: Iterable[Sequence[str]],
    texts: Mapping[str, str],
    titles: Mapping[str, str | None],
    order: Sequence[str],
    threshold: float = CONTAINMENT_THRESHOLD,
) -> tuple[DuplicateCluster, ...]:
    """Republished copies among the documents of each group (the documents of one event):
    a pair is one text when most shingles of the smaller body occur in the larger, so a
    headline, menus or a footer added around a copy do not hide it. `order` (earliest first)
    decides each cluster's root."""
    rank = {d: i for i, d in enumerate(order)}
    shingles: dict[str, set[int]] = {}
    forest = Forest[str](key=rank.__getitem__)  # only the documents found in a pair join

    sims: dict[str, float] = {}
    for members in groups:
        ids = sorted((d for d in set(members) if d in texts and d in rank), key=rank.__getitem__)
        # Pairs grow with the square of an event's documents: past a cap, each document is
        # compared with the CONTAINMENT_WINDOW documents published just before it.
        for d in ids:
            if d not in shingles:
                shingles[d] = _shingles(body_text(texts[d], titles.get(d)))
        for j, b in enumerate(ids):
            for a in ids[max(0, j - CONTAINMENT_WINDOW) : j]:
                sa, sb = shingles[a], shingles[b]
                small = min(len(sa), len(sb))
                if small < MIN_BODY_SHINGLES:
                    continue
                share = len(sa & sb) / small
                if share >= threshold:
                    forest.union(a, b)
                    sims[b] = min(sims.get(b, 1.0), round(share, 3))
    clusters: dict[str, list[str]] = defaultdict(list)
    for d in sorted(forest, key=rank.__getitem__):
        clusters[forest.find(d)].append(d)
    return tuple(
        DuplicateCluster(root=root, doc_ids=tuple(ms), similarity=min(sims.get(m, 1.0) for m in ms))
        for root, ms in sorted(clusters.items(), key=lambda kv: rank[kv[0]]) if len(ms) > 1
    )


def merge_clusters(
    clusters: Iterable[DuplicateCluster], order: Sequence[str]
) -> tuple[DuplicateCluster, ...]:
    """Clusters sharing a document joined into one (rooted at its earliest document)."""
    rank = {d: i for i, d in enumerate(order)}
    forest = Forest[str](key=lambda x: rank.get(x, len(rank)))
    sim: dict[str, float] = {}

    for cl in clusters:
        for d in cl.doc_ids:
            forest.union(cl.doc_ids[0], d)
            sim[d] = min(sim.get(d, 1.0), cl.similarity)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in sorted(forest, key=lambda x: rank.get(x, len(rank))):
        groups[forest.find(d)].append(d)
    return tuple(
        DuplicateCluster(root=r, doc_ids=tuple(ms), similarity=min(sim.get(m, 1.0) for m in ms))
        for r, ms in sorted(groups.items(), key=lambda kv: rank.get(kv[0], len(rank)))
        if len(ms) > 1
    )


# ------------------------------------------------------------------ origins


@dataclass(frozen=True, slots=True)
class DocSource:
    """What origin assignment needs of a document."""

    doc_id: str
    publisher: str | None = None


def assign_origins(
    claims: Sequence[Claim],
    docs: Mapping[str, DocSource],
    duplicates: Sequence[DuplicateCluster] = (),
) -> dict[tuple[str, str], Origin]:
    """(doc_id, claim_id) -> Origin. A named speaker is the origin (speakers whose keys
    coincide, or one of 2+ words is inside exactly one other, are one); a claim with no
    speaker comes from its document's publisher, a republished copy from the earliest
    copy's publisher, and with no publisher from that document."""
    root_of: dict[str, tuple[str, float]] = {}
    for cl in duplicates:
        for d in cl.doc_ids:
            root_of[d] = (cl.root, cl.similarity)
    keys: dict[str, str] = {}
    for c in claims:
        if c.source.speaker:
            keys[c.source.speaker] = speaker_key(c.source.speaker)
    canon = merge_subset_keys(k for k in keys.values() if k)
    labels: dict[str, str] = {}
    for name in sorted(keys, key=lambda s: (keys[s], s)):
        labels.setdefault(canon.get(keys[name], keys[name]), name)
    out: dict[tuple[str, str], Origin] = {}
    for c in claims:
        speaker = c.source.speaker
        key = keys.get(speaker) if speaker else None
        if speaker and key:
            k = canon.get(key, key)
            reason = f"speaker {speaker!r}"
            if k != key:
                reason += f" (read as {labels[k]!r}, whose name contains it)"
            out[(c.doc_id, c.claim_id)] = Origin(f"s:{k}", labels[k], reason)
            continue
        root, sim = root_of.get(c.doc_id, (c.doc_id, 1.0))
        publisher = (docs[root].publisher if root in docs else None) or None
        copy = "" if root == c.doc_id else f"; text republished from {root} (similarity {sim})"
        if publisher and speaker_key(publisher):
            # A publisher asserting a figure is a speaker like any other: the ministry's own
            # release and a paper quoting the ministry are one origin.
            pkey = speaker_key(publisher)
            k = canon.get(pkey, pkey)
            reason = f"asserted by the document, published by {publisher!r}{copy}"
            out[(c.doc_id, c.claim_id)] = Origin(f"s:{k}", labels.get(k, publisher), reason)
        else:
            reason = f"asserted by document {root}{copy}"
            out[(c.doc_id, c.claim_id)] = Origin(f"d:{root}", root, reason)
    return out


def origin_digest(origin_ids: Iterable[str]) -> str:
    """A short stable id for a set of origins (used to label agreeing groups)."""
    return hashlib.sha1("|".join(sorted(set(origin_ids))).encode()).hexdigest()[:8]
