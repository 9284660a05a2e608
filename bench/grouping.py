"""Benchmark: group N synthetic documents into events, batch and incremental, then reconcile.

    .venv/bin/python bench/grouping.py [N]      # default 10000

Prints numbers (documents per second); it asserts nothing. The documents are synthetic
(fictional place names, random days 2015-2024, 1-2 incidents per document, 2-5 claims each,
one in eight broad: a month instead of a day), so that blocking, not extraction, is measured.
"""

from __future__ import annotations

import random
import sys
import time

from tollbook.events.grouping import DocInfo, group, mentions_of
from tollbook.events.reconcile import analyse
from tollbook.model import Attribution, Claim, DateMention, Document, PlaceMention
from tollbook.output.serialize import _date_value_from_iso

WORDS = [
    w + s
    for w in ("shell", "market", "town", "road", "river", "school", "house", "field")
    for s in ("", "s", "ed", "ing", "er", "ly", "ward", "side")
]


def synthetic(n: int, seed: int = 1) -> tuple[list[Document], list[Claim]]:
    rng = random.Random(seed)
    places = [f"Town{chr(65 + i % 26)}{i}" for i in range(max(50, n // 20))]
    incidents = [
        (
            rng.choice(places),
            f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        for _ in range(max(1, n // 4))
    ]
    docs, claims = [], []
    for d in range(n):
        doc_id = f"d{d:07d}"
        text = " ".join(rng.choice(WORDS) for _ in range(120))
        docs.append(
            Document(
                doc_id=doc_id,
                text=text,
                content_hash=doc_id,
                published=f"2025-01-{1 + d % 28:02d}",
                publisher=f"Outlet {d % 40}",
            )
        )
        pos = 0
        for _ in range(rng.randint(1, 2)):
            place, day = rng.choice(incidents)
            broad = rng.random() < 0.125
            date, prec = (day[:7], "month") if broad else (day, "day")
            speaker = rng.choice(
                [None, "the Interior Ministry", "a local hospital", "the Observatory"]
            )
            for k in range(rng.randint(2, 5)):
                pos += 40
                v = float(rng.randint(1, 80))
                claims.append(
                    Claim(
                        claim_id=f"c{d}-{pos}",
                        doc_id=doc_id,
                        kind="count",
                        category=rng.choice(["killed", "wounded", "missing"]),
                        population="people",
                        population_class="unknown",
                        value=v,
                        low=v,
                        high=v,
                        qualifier="exact",
                        unit="people",
                        span=(pos, pos + 2),
                        sentence_span=(pos - 5, pos + 30 + k),
                        sentence="",
                        text="",
                        rule="bench",
                        extractor_version="bench",
                        place=PlaceMention(text=place, span=(0, 1)),
                        event_date=DateMention(
                            text=date, span=(0, 1), value=_date_value_from_iso(date, prec)
                        ),
                        source=Attribution(speaker=speaker),
                    )
                )
    return docs, claims


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    docs, claims = synthetic(n)
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append(c)
    infos = [DocInfo(doc_id=d.doc_id, published=d.published, publisher=d.publisher) for d in docs]
    c0 = time.process_time()
    t0 = time.perf_counter()
    mentions = [m for i in infos for m in mentions_of(i, by_doc.get(i.doc_id, []))]
    t1 = time.perf_counter()
    batch = group(mentions)
    t2 = time.perf_counter()
    c2 = time.process_time()
    g = None
    step = max(1, len(infos) // 10)
    for i in range(0, len(infos), step):
        part = [
            m
            for info in infos[i : i + step]
            for m in mentions_of(info, by_doc.get(info.doc_id, []))
        ]
        g = group(part, g)
    t3 = time.perf_counter()
    assert g is not None
    c3 = time.process_time()
    results = analyse(docs, claims)
    t4 = time.perf_counter()
    c4 = time.process_time()
    same = {e.event_id for e in g.events} == {e.event_id for e in batch.events}
    print(f"documents            {n}")
    print(f"claims               {len(claims)}")
    print(f"mentions             {len(mentions)}")
    print(f"events               {len(batch.events)}")
    print(f"mentions_of          {t1 - t0:.2f} s")
    print(
        f"group (batch)        {t2 - t1:.2f} s   "
        f"{n / max(t2 - t0, 1e-9):,.0f} docs/s incl. mentions "
        f"(CPU {c2 - c0:.2f} s: {n / max(c2 - c0, 1e-9):,.0f} docs/s)"
    )
    print(f"group (10 batches)   {t3 - t2:.2f} s   incremental == batch: {same}")
    print(
        f"analyse (all stages) {t4 - t3:.2f} s   {n / max(t4 - t3, 1e-9):,.0f} docs/s, "
        f"CPU {c4 - c3:.2f} s (grouping + MinHash + origins + findings; "
        f"{sum(len(r.findings) for r in results)} findings)"
    )


if __name__ == "__main__":
    main()
