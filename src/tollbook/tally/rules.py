"""Tally: Claim* of one document -> Tally (per category: best, low, high, split by class).

Rules, each named in `CategoryTally.rule`:
- only top-level count claims in people (parts and subsets are already inside their whole;
  families and households are other units) and never cumulative totals;
- `latest_update`: an updated toll ("rose to 40") replaces every earlier figure;
- `sum_disjoint`: groups listed together ("three soldiers and eight civilians") add up, and so
  does an attacker's own death with the figures of its sentence ("killed himself and six others"),
  and the people a fronted phrase adds ("In addition to the assailant, four people were killed");
- before every rule below, a hedged figure ("some reports claim 32 dead", "may have been")
  counts only when no figure of its category is stated without a hedge;
- `max_overlapping`: separate statements of a toll are read as restatements, so the
  largest wins rather than the sum ("613 were killed ... the 613 victims");
- `+additional`: "another 1,000", "2 other policemen", "were also killed", "a fourth man" add
  to what came before them; a larger group said after them is a total that already holds them;
- the split by class comes from the claims' populations; a whole of unknown class lends
  its parts' classes ("613 people, including 63 children": 63 civilians, 550 unknown).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from tollbook.extract.grammar.attacker_patterns import SELF_INFLICTED
from tollbook.extract.grammar.numberwords import TENS, spelled
from tollbook.model import ATTACKER_SELF_RULE, BESIDES_RULE, OF_WOUNDS, CategoryTally, Claim, Tally

_CLASS_FIELD = {"civilian": "civilians", "combatant": "combatants"}
#: The rule of an attacker's own death ("a suicide bomber killed himself and six others"),
#: which extract writes and the tally adds to the victims of its sentence.


def _split(claim: Claim, parts: Sequence[Claim]) -> dict[str, float]:
    out = {"civilians": 0.0, "combatants": 0.0, "unknown": 0.0}
    if claim.population_class in _CLASS_FIELD:
        out[_CLASS_FIELD[claim.population_class]] = claim.value
        return out
    known = 0.0
    for p in parts:
        field = _CLASS_FIELD.get(p.population_class or "")
        if field and known + p.value <= claim.value:
            out[field] += p.value
            known += p.value
    out["unknown"] = claim.value - known
    return out


def tally(doc_id: str, claims: Sequence[Claim]) -> Tally:
    """One document's claims -> its Tally: per category best, low, high and the split by class
    (the rules of this module's docstring)."""
    children: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.parent and c.relation == "part":
            children[c.parent].append(c)
    by_id = {c.claim_id: c for c in claims}
    by_category: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "count" or c.category is None:
            continue
        parent = by_id.get(c.parent) if c.parent else None
        if parent is not None and parent.category == c.category:
            continue  # already inside its whole
        if c.unit != "people" or "cumulative" in c.flags:
            continue
        by_category[c.category].append(c)
    cats = [_category(cat, items, children) for cat, items in sorted(by_category.items())]
    cats = [_survivors(t, by_category.get("killed", []), claims) if t.category == "wounded" else t for t in cats]
    return Tally(doc_id=doc_id, categories=tuple(cats))


#: "Five of the wounded later died": a part named by the wounded group, whose stated total
#: the labelled sets keep (measured on the RAND read half).
_OF_THE_WOUNDED = re.compile(r"\bof\s+(?:the|those)\s+(?:wounded|injured)\b", re.IGNORECASE)


def _survivors(wounded: CategoryTally, killed: Sequence[Claim], claims: Sequence[Claim]) -> CategoryTally:
    """The wounded less those told after them to have died of their wounds (OF_WOUNDS): "Two
    Israelis were wounded ... One later died of his wounds" leaves one wounded (the final state,
    as GTD and RAND code it; extract/later.py flags every such death). Only deaths said at or
    after a chosen wounded figure ("was wounded and later died": the same figure), never more
    than the wounded, and never from an approximate or vague count ("around 50 injured": its
    survivors are not known; the coders keep the stated figure); the rule says so
    (`-died_of_wounds`)."""
    chosen = [c for c in claims if c.claim_id in wounded.claim_ids]
    if not chosen or any(c.qualifier in ("approx", "vague") for c in chosen):
        return wounded
    first = min(c.span[0] for c in chosen)
    died = sum(c.value for c in killed if OF_WOUNDS in c.flags and c.span[0] >= first and not _OF_THE_WOUNDED.search(c.text))
    if not died or died > wounded.best:
        return wounded
    return replace(wounded, best=wounded.best - died, low=max(0.0, wounded.low - died), high=max(0.0, wounded.high - died),
                   unknown=max(0.0, wounded.unknown - died), rule=wounded.rule + "-died_of_wounds")  # fmt: skip


#: Head words that name nobody in particular: two such figures may be the same people.
_GENERIC = frozenset(
    "people persons others victims dead bodies casualties civilians lives individuals killed "
    "deaths fatalities wounded injured residents person victim body fatality death casualty "
    "individual".split()
)


#: _GENERIC as `_who` spells words ("fatalities" -> "fatalitie"), so "Six fatalities" is generic.
_GENERIC_KEYS = frozenset(w.removesuffix("s") for w in _GENERIC)


def _who(claim: Claim) -> frozenset[str]:
    """The words naming a figure's people ("pro-government militia members")."""
    words = [w.strip(".,;:()\"'").lower() for w in claim.text.split()]
    # Singular and plural name the same people: "1 soldier" and "2 soldiers" may overlap.
    return frozenset(w.removesuffix("s") for w in words if w.isalpha() and w not in ("at", "least",
                     "more", "than", "about", "some", "nearly", "over", "another", "other", "also"))  # fmt: skip


def _distinct(groups: list[list[Claim]]) -> bool:
    """Separate statements about differently named people ("2 policemen were killed ...
    7 militants were also killed") count different people: they add up. So do civilians and
    combatants whatever the words, when one sentence says both ("ten civilians were killed
    ... while seven soldiers died"); elsewhere they may be rival accounts of the same dead
    ("the army killed 22 rebels; villagers say 13 civilians were killed")."""
    seen: list[tuple[frozenset[str], str | None, tuple[str | None, tuple[int, int]]]] = []
    values: list[float] = []
    for g in groups:
        for c in g:
            if _ANAPHORIC.match(c.text) or c.qualifier == "vague" or _NAMED in c.rule or _restated(c, values):
                return False  # "the victim", "a man", "Omar Dallo": may be someone already counted
            values.append(c.value)
            who = _who(c) - _NUMBER_WORDS
            cls = _CLASS_FIELD.get(c.population_class or "")
            said = (c.source.speaker if c.source else None, c.sentence_span)
            for other, other_cls, other_said in seen:
                if cls and other_cls and cls != other_cls and said == other_said:
                    continue
                if not who or who <= _GENERIC_KEYS or not other or other <= _GENERIC_KEYS or who & other:
                    return False
            seen.append((who, cls, said))
    return True


#: Words that may point back at someone already counted ("the victim", "killed him"). An
#: indefinite "a man ... a woman" introduces someone new.
_ANAPHORIC = re.compile(r"(?:the|his|her|their|both|him|them|himself|herself|he|she)\b", re.IGNORECASE)
#: A figure made definite by the word before it ("The two men killed were Cihan Aydogdu and
#: ...") restates a figure of the same value told before it ("Two officers were killed"); one
#: taken out of a set a demonstrative points back at ("Four of those injured were British") is
#: inside a larger figure told before. Not "The two suicide bombers are among the counted
#: dead" after "killing 5 members" (other people), nor "four of the attackers" (a set of other
#: people than the victims: ACLED-more's and RAND's read halves lost rows that add them up).
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+\Z", re.IGNORECASE)
_PART_OF_DEFINITE = re.compile(r"\S+\s+of\s+(?:those|these|them)\b", re.IGNORECASE)


def _restated(c: Claim, earlier: Sequence[float]) -> bool:
    """Does the definite figure c count people a figure of `earlier` (their values) counted?"""
    if _PART_OF_DEFINITE.match(c.text):
        return any(v >= c.value for v in earlier)
    before = c.sentence[: max(0, c.span[0] - c.sentence_span[0])]
    return _DEFINITE_BEFORE.search(before) is not None and c.value in earlier


#: The rules of one person named or described without a number (extract/victims.py): a
#: report names its victim again and again ("a German woman ... Michaela Spitzer").
_NAMED = ".victim_"
_NUMBER_WORDS = frozenset(
    [*spelled(1, 19).split("|"), *(w for w in TENS if w != "fourty"), "hundred", "thousand", "million",
     *"a an dozen dozens scores hundreds thousands the his her their both".split()]
)  # the number words of extract/grammar/numberwords.py (not the misspelling "fourty"), articles, determiners


def _attackers_apart(items: Sequence[Claim], chosen: Sequence[Claim],
                     children: dict[str, list[Claim]]) -> Claim | None:  # fmt: skip
    """An attacker's death told in a sentence of its own, beside a toll that names no attacker
    ("... killed six police officers. The assailant was killed by responding police forces"):
    the attacker is not among the victims counted, so the largest such figure adds to them
    (restatements of the attacker's death, "shot and killed the assailant ... the assailant
    died", are one). A bomber's or a suicide's death may be in the toll of his own blast or
    shooting ("One person was killed when the bomb exploded too early, killing the bomber"):
    it does not add."""
    named = [c for c in chosen for c in (c, *children.get(c.claim_id, []))]
    if not chosen or any("attackers" in c.flags for c in named):
        return None  # the toll names its attackers ("13 people, including nine assailants")
    sentences = {c.sentence_span for c in chosen}
    apart = [c for c in items if "attackers" in c.flags and c.sentence_span not in sentences
             and "hedged" not in c.flags and c.qualifier != "vague" and c.rule != ATTACKER_SELF_RULE
             and not SELF_INFLICTED.search(c.sentence)]  # fmt: skip
    return max(apart, key=lambda c: (c.value, -c.span[0])) if apart else None


def _category(category: str, items: list[Claim], children: dict[str, list[Claim]]) -> CategoryTally:
    # Figures with different details ("lost one parent", "lost both") are disjoint sets.
    details = sorted({c.detail or "" for c in items})
    if len(details) > 1:
        subs = [_category(category, [c for c in items if (c.detail or "") == d], children) for d in details]
        return CategoryTally(
            category=category,
            best=sum(t.best for t in subs), low=sum(t.low for t in subs), high=sum(t.high for t in subs),
            civilians=sum(t.civilians for t in subs), combatants=sum(t.combatants for t in subs),
            unknown=sum(t.unknown for t in subs),
            claim_ids=tuple(i for t in subs for i in t.claim_ids), rule="sum_by_detail",
        )  # fmt: skip
    items = sorted(items, key=lambda c: c.span[0])
    # A hedged figure ("Some reports claim 32 dead", "may have been killed") gives way to the
    # figures stated without a hedge; alone, it is the toll.
    firm = [c for c in items if "hedged" not in c.flags]
    if firm and len(firm) < len(items):
        items = firm
    updates = [c for c in items if "update" in c.flags]
    if updates:
        chosen, rule = [updates[-1]], "latest_update"
    else:
        # Groups: claims of one sentence read by one list rule are disjoint and add up.
        groups: list[list[Claim]] = []
        for c in items:
            if "additional" in c.flags:
                continue
            prev = groups[-1][-1] if groups else None
            if prev is not None and prev.sentence_span == c.sentence_span and (
                (c.rule.endswith("+list") and prev.rule.endswith("+list"))
                # an attacker who dies is not among the victims his sentence counts
                or ATTACKER_SELF_RULE in (c.rule, prev.rule)
                # "In addition to the assailant, four people were killed": not among the four
                or prev.rule.startswith(BESIDES_RULE)
            ):
                groups[-1].append(c)
            else:
                groups.append([c])
        if groups:
            best_group = max(groups, key=lambda g: (sum(x.value for x in g), -g[0].span[0]))
        else:
            best_group = []
        rule = "none" if not groups else "single" if len(groups) == 1 and len(best_group) == 1 else (
            "sum_disjoint" if len(best_group) > 1 else "max_overlapping")
        extra = [c for c in items if "additional" in c.flags]
        if len(groups) > 1 and _distinct(groups):
            best_group, rule = [c for g in groups for c in g], "sum_distinct_groups"
        elif extra and groups:
            # "Another ..." adds to what was said before it; a group said after it may be a
            # total that already holds it ("11 were also killed (12 fatalities in all)").
            before = [g for g in groups if g[0].span[0] < extra[0].span[0]]
            later = [g for g in groups if g[0].span[0] >= extra[0].span[0]]
            base = max(before, key=lambda g: sum(x.value for x in g)) if before else []
            top = max(later, key=lambda g: sum(x.value for x in g)) if later else []
            if sum(x.value for x in top) >= sum(x.value for x in base + extra):
                extra = []
                best_group = top
            else:
                best_group = base
        chosen = list(best_group)
        if extra:
            chosen += extra
            rule = "additional" if rule == "none" else rule + "+additional"
        apart = _attackers_apart(items, chosen, children) if category == "killed" else None
        if apart is not None:
            chosen.append(apart)
            rule += "+attackers_apart"
    split = {"civilians": 0.0, "combatants": 0.0, "unknown": 0.0}
    for c in chosen:
        for k, v in _split(c, children.get(c.claim_id, [])).items():
            split[k] += v
    return CategoryTally(
        category=category,
        best=sum(c.value for c in chosen),
        low=sum(c.low for c in chosen),
        high=sum(c.high for c in chosen),
        civilians=split["civilians"],
        combatants=split["combatants"],
        unknown=split["unknown"],
        claim_ids=tuple(c.claim_id for c in chosen),
        rule=rule,
    )
