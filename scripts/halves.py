"""A labelled file -> aggregate tables comparing its read and check halves (no row text shown).

Accuracy discipline: misses are read only from the read half, so when the check half scores
lower, where it loses has to be found from counts. This script runs each row once (the same
reader and predictor as `tollbook eval labelled`) and prints, per half, for rows with gold > 0:

- outcome: right / no claim of the category at all / a claim but no answer / predicted above
  gold / below gold, and whether gold is among the claims' values (reading vs choosing);
- the same split per tally rule, per claim rule that decided the answer, per value of chosen
  row fields (country, year, event_type...), per note length and per construction flag (a
  coarse regular-expression mark of the note: vague words, several sentences, a breakdown...).

Every table is a count per half, normalised by half size ("pts": points of the half's score),
so a class that costs the check half more than the read half shows as a positive `gap`.

    python scripts/halves.py FILE --label killed=fatalities --where dup_text==1 \\
        --where stripped==false --field country --field year [--dump rows.jsonl]

`--dump` writes one line per row (id, half, gold, value, rule, fields, flags; no text) and
`--load` tabulates such a dump again without running the pipeline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from tollbook.evaluation.datasets import exact_match
from tollbook.evaluation.labelled import (
    HALVES,
    LabelSpec,
    Where,
    _records,
    predict,
    predict_per_incident,
    read_rows,
)
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings

# Coarse marks of a note's construction: what kind of wording carries (or hides) the figure.
FLAGS: dict[str, re.Pattern[str]] = {
    "digit_figure": re.compile(r"(?<![\w/.-])\d+(?![\d/:]|\s*(?:am|pm|h\b|hours|km|January|February|March|April|"
                               r"May|June|July|August|September|October|November|December))", re.I),
    "word_figure": re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                              r"fifteen|twenty|thirty|forty|fifty|hundred)\b", re.I),
    "article_victim": re.compile(r"\b(?:an?|the)\s+(?:\w+\s+){0,3}?(?:was|were|is|are)\s+"
                                 r"(?:\w+\s+)?(?:killed|murdered|shot|slain|beheaded|lynched|assassinated)",
                                 re.I),  # fmt: skip
    "vague_word": re.compile(r"\b(?:several|dozens|scores|many|numerous|some|unspecified|unknown number|"
                             r"a number of|an undisclosed|casualties|fatalities|hundreds)\b", re.I),
    "killed_word": re.compile(r"\bkill(?:ed|ing|s)?\b", re.I),
    "died_dead": re.compile(r"\b(?:died|dead|death|deaths|die|dies|lost (?:his|her|their) li(?:fe|ves))\b", re.I),
    "other_verb": re.compile(r"\b(?:murder\w*|slain|slew|behead\w*|lynch\w*|assassinat\w*|execut\w*|"
                             r"massacr\w*|burn\w*|hack\w*|slaughter\w*|bod(?:y|ies)|corpses?)\b", re.I),
    "wound_word": re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I),
    "including": re.compile(r"\b(?:including|among them|among whom|of whom|of them)\b", re.I),
    "and_list": re.compile(r"\b\w+\s+and\s+(?:\w+\s+)?(?:\d+|one|two|three|four|five|a|an|his|her|their)\b"),
    "attacker_dead": re.compile(r"\b(?:assailants?|attackers?|gunmen|militants?|insurgents?|suspects?|"
                                r"bandits?|robbers?)\b[^.]{0,40}\b(?:killed|dead|neutrali[sz]ed)", re.I),
    "parenthesis": re.compile(r"\("),
    "quote": re.compile(r"[\"\u201c\u201d]"),
    "semicolon": re.compile(r";"),
    "reported_claim": re.compile(r"\b(?:claimed|according to|reportedly|alleged\w*|said)\b", re.I),
}

# Words of a hostage-taking's course (counted per row, never shown): freed, hijacked, ransomed, killed later.
WORDS: dict[str, re.Pattern[str]] = {
    "released": re.compile(r"\breleas\w*", re.I),
    "freed": re.compile(r"\b(?:freed|free|set free)\b", re.I),
    "rescued": re.compile(r"\brescu\w*", re.I),
    "escaped": re.compile(r"\bescap\w*", re.I),
    "hijack": re.compile(r"\bhijack\w*", re.I),
    "ransom": re.compile(r"\bransom\w*", re.I),
    "later_killed": re.compile(r"\blater\s+(?:\w+\s+)?(?:killed|executed|murdered|beheaded|found dead|shot)", re.I),
    "hostage_word": re.compile(r"\bhostages?\b", re.I),
    "kidnap_abduct": re.compile(r"\b(?:kidnap\w*|abduct\w*)", re.I),
    "missing": re.compile(r"\bmissing\b", re.I),
    # any word of a taking: a row with none cannot give a hostage figure by its words
    "taking_word": re.compile(r"\b(?:kidnap\w*|abduct\w*|hostages?|hijack\w*|captiv\w*|seiz\w*|captur\w*|took|"
                              r"taken|taking|held|holding|detain\w*|arrest\w*)", re.I),
    "family": re.compile(r"\b(?:wife|husband|son|sons|daughters?|brothers?|sisters?|children|family)\b", re.I),
}


def gold_bucket(gold: float) -> str:
    return "gold=1" if gold <= 1 else "gold=2-5" if gold <= 5 else "gold=6-20" if gold <= 20 else "gold>20"


def length_bucket(text: str) -> str:
    words = len(text.split())
    for top in (15, 25, 40, 60, 100):
        if words <= top:
            return f"<={top} words"
    return ">100 words"


def sentences(text: str) -> str:
    n = len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()) if s])
    return str(n) if n < 4 else "4+"


def outcome(gold: float, value: float, has_claim: bool, among: bool) -> str:
    if exact_match(value, gold):
        return "right"
    if not has_claim:
        return "no_claim"
    if value == 0:
        return "claim_no_answer"
    if value > gold:
        return "over" + ("(gold_among)" if among else "")
    return "under" + ("(gold_among)" if among else "")


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def near_duplicates(texts: Sequence[str], reach: int = 3) -> list[float]:
    """Per row, the largest word overlap (Jaccard) with a different text among the `reach` rows
    before and after it in the file: coders who split one report over several rows (ACLED)
    write near-identical notes whose labels are shares of the report's total."""
    words = [_words(t) for t in texts]
    best = [0.0] * len(texts)
    for i, w in enumerate(words):
        for j in range(max(0, i - reach), min(len(texts), i + reach + 1)):
            if j != i and texts[j] != texts[i] and (w or words[j]):
                best[i] = max(best[i], len(w & words[j]) / len(w | words[j]))
    return best


def run(path: Path, spec: LabelSpec, where: Sequence[Where], fields: Sequence[str], *,
        per_incident: bool, strip: bool, text_field: str = "text",
        positive_only: bool = False) -> list[dict[str, Any]]:  # fmt: skip
    extra = {}
    records = list(_records(path))
    similar = near_duplicates([str(rec.get(text_field) or "") for rec in records])
    for n, rec in enumerate(records):
        item_id = str(rec.get("id") or f"row-{n + 1}")
        extra[item_id] = {f: rec.get(f) for f in fields} | {"near_dup": similar[n]}
    pipeline = Pipeline(Settings())
    predictor = predict_per_incident if per_incident else predict
    out: list[dict[str, Any]] = []
    for row in read_rows(path, [spec], where=where, strip_bookkeeping=strip):
        gold = dict(row.gold)[spec.category]
        if gold is None or (positive_only and gold <= 0):
            continue
        result = pipeline.run(document_from_text(row.text, doc_id=row.item_id or None))
        value, rule, _ = predictor(spec.category, result)
        values = {c.value for c in result.claims if c.kind == "count" and c.category == spec.category}
        tally = result.tally.get(spec.category)
        chosen = [c for c in result.claims if tally is not None and c.claim_id in tally.claim_ids]
        vague = {c.qualifier == "vague" for c in chosen}
        answer = {frozenset(): "none", frozenset({True}): "vague", frozenset({False}): "stated"}.get(
            frozenset(vague), "stated+vague")
        tally_rule, _, claim_rules = rule.partition(":")
        mine = [c for c in result.claims if c.kind == "count" and c.category == spec.category]
        out.append({
            "id": row.item_id, "half": row.half, "gold": gold, "value": value,
            "written": dict(row.written)[spec.category],
            "outcome": outcome(gold, value, bool(values), gold in values),
            "tally_rule": tally_rule, "claim_rule": claim_rules.split(",")[0] if claim_rules else "none",
            "answer": answer, "n_claims": str(min(len(values), 3)) + ("+" if len(values) >= 3 else ""),
            "length": length_bucket(row.text), "sentences": sentences(row.text),
            "flags": sorted(k for k, rx in FLAGS.items() if rx.search(row.text)),
            "rules": sorted({c.rule.split(":")[0] for c in mine}),
            "claim_flags": sorted({f for c in mine for f in c.flags} | {f"relation={c.relation}" for c in mine
                                                                    if c.relation}),
            "words": sorted(k for k, rx in WORDS.items() if rx.search(row.text)),
            "near_dup": round(extra.get(row.item_id, {}).pop("near_dup", 0.0), 3),
            **{f"field:{f}": str(v) for f, v in extra.get(row.item_id, {}).items()},
        })  # fmt: skip
    return out


def table(rows: Sequence[dict[str, Any]], key: Callable[[dict[str, Any]], Iterable[str]], title: str,
          min_n: int) -> None:  # fmt: skip
    """Per group: n and wrong per half, wrong as points of the half, the gap check - read."""
    size = Counter(r["half"] for r in rows)
    n: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        for k in key(r):
            n[k][r["half"]] += 1
            wrong[k][r["half"]] += r["outcome"] != "right"
    print(f"\n## {title}\n")
    print(f"{'group':42} {'n read':>7} {'n chk':>6} {'acc rd':>7} {'acc ck':>7} "
          f"{'pts rd':>7} {'pts ck':>7} {'gap':>6}")  # fmt: skip
    order = sorted(n, key=lambda k: -(wrong[k]["check"] / size["check"] - wrong[k]["read"] / size["read"]))
    for k in order:
        if n[k]["read"] + n[k]["check"] < min_n:
            continue
        acc = [1 - wrong[k][h] / n[k][h] if n[k][h] else float("nan") for h in HALVES]
        pts = [100 * wrong[k][h] / size[h] for h in HALVES]
        print(f"{k[:42]:42} {n[k]['read']:7} {n[k]['check']:6} {100 * acc[0]:7.1f} {100 * acc[1]:7.1f} "
              f"{pts[0]:7.2f} {pts[1]:7.2f} {pts[1] - pts[0]:6.2f}")  # fmt: skip


def report(rows: list[dict[str, Any]], fields: Sequence[str], min_n: int) -> None:
    size = Counter(r["half"] for r in rows)
    if not all(size[h] for h in HALVES):
        print(f"# a half has no row ({dict(size)}): no tables")
        return
    right = Counter(r["half"] for r in rows if r["outcome"] == "right")
    print("# " + "  ".join(f"{h}: {right[h]}/{size[h]} = {100 * right[h] / size[h]:.2f}" for h in HALVES))
    print("\n## outcome (share of the half's rows)\n")
    oc = Counter((r["outcome"], r["half"]) for r in rows)
    for o in sorted({r["outcome"] for r in rows}):
        print(f"{o:26} " + "  ".join(f"{h} {100 * oc[o, h] / size[h]:6.2f}" for h in HALVES)
              + f"   gap {100 * (oc[o, 'check'] / size['check'] - oc[o, 'read'] / size['read']):6.2f}")
    wrong_kind = [("outcome x " + name, fn) for name, fn in (
        ("written", lambda r: [f"written={r['written']}"]),
        ("length", lambda r: [r["length"]]),
    )]  # fmt: skip
    for name, fn in wrong_kind:
        table(rows, lambda r, fn=fn: [f"{g} / {r['outcome']}" for g in fn(r)], name, min_n)  # type: ignore[misc]
    table(rows, lambda r: [r["tally_rule"]], "tally rule", min_n)
    table(rows, lambda r: [f"{r['answer']} / {r['outcome']}"], "answer from stated or vague figures", min_n)
    table(rows, lambda r: [r["claim_rule"]], "claim rule deciding the answer", min_n)
    table(rows, lambda r: [f"written={r['written']}"], "gold written in the text", min_n)
    table(rows, lambda r: [r["n_claims"]], "distinct values claimed", min_n)
    table(rows, lambda r: [r["length"]], "note length", min_n)
    table(rows, lambda r: [f"near-duplicate neighbour >= {t}" for t in (0.3, 0.5, 0.7) if r["near_dup"] >= t]
          + (["no near-duplicate neighbour (< 0.3)"] if r["near_dup"] < 0.3 else []),
          "a neighbouring row's text overlaps this one (a report split over rows)", min_n)
    table(rows, lambda r: [r["sentences"]], "sentences", min_n)
    table(rows, lambda r: [gold_bucket(r["gold"])], "gold bucket", min_n)
    table(rows, lambda r: [f"{gold_bucket(r['gold'])} / {r['outcome']}"], "gold bucket x outcome", min_n)
    table(rows, lambda r: r.get("rules") or ["(no claim)"], "claim rules present (a row counts under each)", min_n)
    table(rows, lambda r: [f"{x} / {r['outcome']}" for x in r.get("rules") or ["(no claim)"]],
          "claim rules present x outcome", min_n)
    table(rows, lambda r: r.get("claim_flags") or ["(no flag)"], "claims' flags and relations", min_n)
    table(rows, lambda r: r.get("words", []), "words of the course (a row counts under each)", min_n)
    table(rows, lambda r: [f"no {w}" for w in WORDS if w not in r.get("words", [])], "words absent", min_n)
    table(rows, lambda r: [f"gold={int(r['gold']) if r['gold'] < 10 else '10+'}"], "gold value", min_n)
    table(rows, lambda r: r["flags"], "construction flag (a row counts under each of its flags)", min_n)
    table(rows, lambda r: [f"no {f}" for f in FLAGS if f not in r["flags"]], "construction flag absent", min_n)
    for f in fields:
        table(rows, lambda r, f=f: [r.get(f"field:{f}", "")], f"field {f}", min_n)  # type: ignore[misc]
        table(rows, lambda r, f=f: [f"{r.get(f'field:{f}', '')} / {r['outcome']}"], f"field {f} x outcome",
              min_n)  # type: ignore[misc]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, nargs="?")
    ap.add_argument("--label", default="killed=fatalities")
    ap.add_argument("--where", action="append", default=[])
    ap.add_argument("--field", action="append", default=[], help="a row field to break down by (repeatable)")
    ap.add_argument("--per-incident", action="store_true")
    ap.add_argument("--strip-bookkeeping", action="store_true")
    ap.add_argument("--positive-only", action="store_true", help="run the pipeline on gold > 0 rows only")
    ap.add_argument("--all-rows", action="store_true", help="also rows with gold 0 (default: gold > 0 only)")
    ap.add_argument("--min-n", type=int, default=10, help="hide groups with fewer rows (both halves)")
    ap.add_argument("--dump", type=Path, help="write the per-row records (no text) here")
    ap.add_argument("--load", type=Path, help="tabulate a --dump instead of running the pipeline")
    args = ap.parse_args(argv)
    if args.load:
        rows = [json.loads(line) for line in args.load.read_text().splitlines() if line.strip()]
    else:
        if args.path is None:
            ap.error("give a labelled FILE or --load DUMP")
        rows = run(args.path, LabelSpec.parse(args.label), [Where.parse(w) for w in args.where], args.field,
                   per_incident=args.per_incident, strip=args.strip_bookkeeping,
                   positive_only=args.positive_only)  # fmt: skip
        if args.dump:
            args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows))
    if not args.all_rows:
        rows = [r for r in rows if r["gold"] > 0]
    report(rows, args.field, args.min_n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
