"""Multi-outlet scenarios: a folder of documents + gold.json -> grouping and reconciliation scores.

A scenario (tests/scenarios/<name>/) holds the documents of several outlets about one or more
fictional incidents and a `gold.json`:

- `incidents`: `id`, `docs` (file names that report it), `killed` {best, low, high}, `status`
  (the killed finding's status) and `origins` (independent origins of the killed figure);
- `claims` (optional): `[file, substring, incident id]` for documents that report several
  incidents: a claim whose sentence contains the substring belongs to that incident;
- `not_incidents`: `[file, substring, kind]`: claims whose sentence contains the substring are
  roll-ups, background mentions or sidebar headlines (kind: aggregate, background, sidebar)
  that must neither form an event nor join one.

Scored items are the killed claims. Grouping is B-cubed precision/recall/F1 over the claims
labelled with an incident; a claim in no event is its own cluster. Each gold incident is read
from the event holding most of its claims: its killed finding's best, status and independent
origins are compared with the gold. A spurious event is an event whose killed claims are all
roll-ups or background mentions; a contaminated event mixes them into an incident.

Input -> output: `score_scenarios(dirs) -> ScenarioScores`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tollbook._exceptions import TollbookError
from tollbook.events.reconcile import EventFindings, analyse
from tollbook.model import Claim, Document

__all__ = ["ScenarioScores", "load_scenario", "score_scenarios"]

Key = tuple[str, str]


@dataclass(slots=True)
class ScenarioScores:
    """Totals over scenarios, and one row per incident and per problem for reading."""

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    killed_best: float = 0.0
    killed_range: float = 0.0
    status: float = 0.0
    origins: float = 0.0
    spurious_events: int = 0
    contaminated_events: int = 0
    incidents: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3), "killed_best": round(self.killed_best, 3),
            "killed_range": round(self.killed_range, 3), "status": round(self.status, 3),
            "origins": round(self.origins, 3), "spurious_events": self.spurious_events,
            "contaminated_events": self.contaminated_events, "incidents": self.incidents,
        }  # fmt: skip


def load_scenario(folder: Path) -> tuple[list[Document], dict[str, Any]]:
    """A scenario's documents (read like `tollbook ingest` reads files) and its gold."""
    from tollbook.ingest.documents import IngestOptions
    from tollbook.ingest.sources import read_sources  # the format readers load here

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    paths = sorted(p for p in folder.iterdir() if p.name != "gold.json" and p.is_file())
    docs: list[Document] = []
    for item in read_sources([str(p) for p in paths], IngestOptions()):
        if not isinstance(item, Document):
            raise TollbookError(f"scenario {folder.name}: {item}; fix the document")
        docs.append(item)
    return docs, gold


def _file_of(doc: Document) -> str:
    return Path(doc.path or doc.name or doc.doc_id).name


def _label(claim: Claim, file: str, gold: dict[str, Any]) -> str | None:
    """The incident a killed claim belongs to; "-<kind>" for a roll-up/background claim;
    None when gold says nothing of it (a claim of a document no incident lists)."""
    sentence = claim.sentence or ""
    for f, sub, kind in gold.get("not_incidents", ()):
        if f == file and sub in sentence:
            return "-" + str(kind)
    for f, sub, inc in gold.get("claims", ()):
        if f == file and sub in sentence:
            return str(inc)
    owners = [i["id"] for i in gold["incidents"] if file in i["docs"]]
    if len(owners) > 1:
        raise TollbookError(f"{file}: claim {claim.text!r} fits incidents {owners}; add a "
                            "`claims` entry to gold.json")  # fmt: skip
    return str(owners[0]) if owners else None


def _killed(ef: EventFindings) -> Any:
    return next((f for f in ef.findings if f.category == "killed" and f.unit == "people"), None)


def score_scenarios(folders: Sequence[Path]) -> ScenarioScores:
    """Extract, group and reconcile each scenario on its own; score against its gold."""
    from tollbook.pipeline import Pipeline

    pipeline = Pipeline()
    out = ScenarioScores()
    p_sum = r_sum = 0.0
    n_items = 0
    hits = Counter[str]()
    for folder in folders:
        docs, gold = load_scenario(folder)
        claims: list[Claim] = []
        file_of: dict[str, str] = {}
        for d in docs:
            file_of[d.doc_id] = _file_of(d)
            claims.extend(pipeline.run(d).claims)
        results = analyse(docs, claims)
        event_of: dict[Key, str] = {}
        for found in results:
            for k in found.event.claim_keys:
                event_of[k] = found.event.event_id
        labels: dict[Key, str] = {}
        for c in claims:
            if c.kind == "count" and c.category == "killed" and c.unit == "people":
                lab = _label(c, file_of[c.doc_id], gold)
                if lab is not None:
                    labels[(c.doc_id, c.claim_id)] = lab
        # B-cubed over claims of incidents; a claim in no event is a cluster of its own.
        items = [k for k, lab in labels.items() if not lab.startswith("-")]
        sys_of = {k: event_of.get(k, f"alone:{k}") for k in items}
        for k in items:
            same_sys = [o for o in items if sys_of[o] == sys_of[k]]
            same_gold = [o for o in items if labels[o] == labels[k]]
            both = sum(1 for o in same_sys if labels[o] == labels[k])
            p_sum += both / len(same_sys)
            r_sum += both / len(same_gold)
        n_items += len(items)
        # Events made of, or contaminated by, roll-ups and background mentions.
        by_event: dict[str, list[str]] = defaultdict(list)
        for k, lab in labels.items():
            if k in event_of:
                by_event[event_of[k]].append(lab)
        for ev, labs in sorted(by_event.items()):
            bad = [lab for lab in labs if lab.startswith("-")]
            if bad and len(bad) == len(labs):
                out.spurious_events += 1
                out.rows.append({"scenario": folder.name, "problem": "spurious event",
                                 "event": ev, "kinds": sorted(set(bad))})  # fmt: skip
            elif bad:
                out.contaminated_events += 1
                out.rows.append({"scenario": folder.name, "problem": "joined an incident",
                                 "event": ev, "kinds": sorted(set(bad))})  # fmt: skip
        by_id = {ef.event.event_id: ef for ef in results}
        for inc in gold["incidents"]:
            out.incidents += 1
            mine = [k for k in items if labels[k] == inc["id"]]
            events = Counter(event_of[k] for k in mine if k in event_of)
            ef: EventFindings | None = by_id[events.most_common(1)[0][0]] if events else None
            f = _killed(ef) if ef is not None else None
            want = inc["killed"]
            got = {"best": f.best, "low": f.low, "high": f.high, "status": f.status,
                   "origins": f.independent_origins} if f is not None else {}  # fmt: skip
            ok = {
                "best": got.get("best") == want["best"],
                "range": (got.get("low"), got.get("high")) == (want["low"], want["high"]),
                "status": got.get("status") == inc["status"],
                "origins": got.get("origins") == inc["origins"],
            }
            hits.update(k for k, v in ok.items() if v)
            out.rows.append({
                "scenario": folder.name, "incident": inc["id"], "events": len(events),
                "claims": len(mine), "want": {**want, "status": inc["status"],
                                              "origins": inc["origins"]},
                "got": got, "ok": ok,
            })  # fmt: skip
    out.precision = p_sum / n_items if n_items else 0.0
    out.recall = r_sum / n_items if n_items else 0.0
    pr = out.precision + out.recall
    out.f1 = 2 * out.precision * out.recall / pr if pr else 0.0
    n = out.incidents or 1
    out.killed_best, out.killed_range = hits["best"] / n, hits["range"] / n
    out.status, out.origins = hits["status"] / n, hits["origins"] / n
    return out
