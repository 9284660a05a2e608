"""Hostages and kidnappings (issue 20): a sentence's figures -> the same, completed.

Readings the count rules lack, called by readings.complete once every other reading ran:

- a second object of an active victim verb, joined by "and" to a person a rule read as its
  object: "Gunmen abducted Rosa Perez, a nurse, and her sister" (2 hostages), "abducted a
  trader and his driver", "abducted a father and son", "killed the mayor and an aide",
  "killed a thief and his accomplice", "wounding a guard and her son". The first object and
  the second are a list: they add up. This is the one reader of that construction for the
  killed, wounded and hostage categories (active_objects reads an object no rule read).
- a kidnapping told before a killing of the same people: "Assailants kidnapped and later killed
  a priest", "abducted, tortured and killed two farmers". The figure read as killed is a
  hostage figure too: incident databases count a kidnapping victim later killed among the
  kidnapped (GTD's `nhostkid`) as well as among the dead.
- hostages said to be released, freed, rescued or to have escaped ("Eleven hostages were
  released the next day", "troops freed 46 hostages"): a subset of the people taken, not new
  hostages. The figure is flagged (captive_patterns.SUBSET_FLAG) and claims.py makes it a
  subset of the latest hostage figure before it that is at least as large; with none, it is
  the only account of the taking and counts.
- smaller ones: a figure after a kidnapping verb and a determiner ("kidnapped the two daughters
  of"); a figure after ", and" with its own predicate is a new clause ("abducted 13 people, and
  one hostage was killed"); a subject after a fronted "In addition," adds (flag `additional`);
  the people listed after a hijacked vehicle ("hijacked a plane carrying 120 passengers") are
  hostages; people whom attackers detain or arrest are hostages, not detainees.

Guards: the verb before the first object is active (not "was abducted by", "the killing of",
"tried to kidnap"); the second object must name people (active_objects.member) and end its
phrase (a verb after it is a new clause: "abducted a man and the gunmen fled"); an apposition
before "and" holds no clause and no list; attackers are no second object; a span another
figure read is not read again; a group of untold size ("and his entourage") or a unit other
than people ("and his cattle") is no second object; nor is a possessed subject of its own clause
("and his shop was looted": count_patterns.NEW_SUBJECT, read up to a relative pronoun), a
predicate after ", and" ("injuring 13, and struck targets") or the rest of a set ("one of them
a soldier, and the other a passer-by").
"""

from __future__ import annotations

from tollbook.extract import active_objects, phrases, victims
from tollbook.extract.cues import right_cue
from tollbook.extract.grammar import captive_patterns as cp
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.also_patterns import FRONTED_ADDITIVE
from tollbook.extract.grammar.count_patterns import NEW_SUBJECT
from tollbook.extract.numbers import find_numbers
from tollbook.extract.records import Figure
from tollbook.model import Span, overlaps

__all__ = ["find_captives", "find_second_objects", "flag_released"]

RULE_PREFIX = "count"


def find_captives(text: str, start: int, end: int, figures: list[Figure], exclude: list[Span]) -> list[Figure]:
    """The figures the three readings add to text[start:end]; flags the freed in `figures`."""
    _determined_objects(text, start, figures)
    _new_clause_subjects(text, end, figures)
    out = find_second_objects(text, start, end, figures, exclude)
    out += _kidnapped_then_killed(text, start, figures)
    flag_released(text, start, end, figures)
    _flag_fronted(text, start, figures)
    _aboard(text, start, figures)
    _held_by_attackers(text, start, figures)
    return out


def _aboard(text: str, start: int, figures: list[Figure]) -> None:
    """"hijacked a plane carrying 120 passengers and eight crew members": the figures listed
    right after the hijacked vehicle, with no category of their own, are hostages (a list)."""
    for k, fig in enumerate(figures):
        if fig.category is not None or cp.HIJACKED_CARRYING.search(text, max(start, fig.num.span[0] - 120), fig.num.span[0]) is None:
            continue
        j = k
        while j < len(figures):
            f = figures[j]
            if f.category is None:
                f.category, f.rule = "hostage", f"{RULE_PREFIX}.aboard:hostage+list"
            nxt = figures[j + 1] if j + 1 < len(figures) else None
            if nxt is None or nxt.parent is not None or not cp.ABOARD_LIST.match(text, f.span[1], nxt.num.span[0]):
                break
            j += 1


def _held_by_attackers(text: str, start: int, figures: list[Figure]) -> None:
    """"Assailants stopped and briefly detained a journalist": people held by attackers are
    hostages (their category and rule say so)."""
    for fig in figures:
        if fig.category == "detained" and ".left:" in fig.rule and cp.ATTACKERS_SUBJECT.match(text, start, fig.span[0]):
            fig.category, fig.rule = "hostage", fig.rule.replace(":detained", ":hostage", 1)


def _flag_fronted(text: str, start: int, figures: list[Figure]) -> None:
    """"In addition, at least seven staff members were abducted": the subject right after a
    fronted additive adverb adds to the people counted before (flag `additional`). Not a vague
    amount ("Additionally, an unknown number of the victims were beheaded": maybe the same)."""
    for fig in figures:
        if fig.category in cp.FRONTED_CATEGORIES and fig.parent is None and "additional" not in fig.flags \
                and fig.num.qualifier != "vague" \
                and FRONTED_ADDITIVE.match(text, start, fig.span[0]):  # fmt: skip
            # the whole coordinated subject adds ("In addition, the deputy and two aides were killed")
            listed = [f for f in figures if f.category == fig.category and f.rule.endswith("+list")
                      and "additional" not in f.flags] if fig.rule.endswith("+list") else [fig]  # fmt: skip
            for f in listed:
                f.flags.append("additional")


def _new_clause_subjects(text: str, end: int, figures: list[Figure]) -> None:
    """"abducted 13 people, and one hostage was killed": a figure read as the verb's second
    object, after a comma and "and", with a predicate of its own of another category, is the
    subject of a new clause: it takes that category and leaves the list."""
    for k in range(1, len(figures)):
        prev, fig = figures[k - 1], figures[k]
        if ".left:" not in fig.rule or not fig.rule.endswith("+list") or not prev.rule.endswith("+list") \
                or prev.category != fig.category or not cp.COMMA_AND.search(text, prev.span[1], fig.num.span[0]):  # fmt: skip
            continue
        cue = right_cue(text, fig.span[1], end, reach=4)
        if cue is None or cue.category == fig.category:
            continue
        fig.category, fig.rule = cue.category, f"{RULE_PREFIX}.right:{cue.category}"
        if not any(f is not prev and f.rule.endswith("+list") and f.category == prev.category for f in figures):
            prev.rule = prev.rule.removesuffix("+list")


def _determined_objects(text: str, start: int, figures: list[Figure]) -> None:
    """"kidnapped the two daughters of a businessman": a figure of people with no category,
    after a kidnapping verb and a determiner, is the verb's object (hostage)."""
    for fig in figures:
        if fig.category is not None or fig.parent is not None or fig.unit != "people" or not fig.has_head:
            continue
        verb = cp.VERB_AND_DETERMINER.search(text, max(start, fig.num.span[0] - 60), fig.num.span[0])
        if verb is not None and cp.NOT_ACTIVE_BEFORE.search(text, max(start, verb.start() - 40), verb.start()) is None:
            fig.category, fig.rule = "hostage", f"{RULE_PREFIX}.object:hostage"


def _object_verb(text: str, start: int, fig: Figure) -> bool:
    """Is the figure the object of an active verb of its category, right before it?"""
    pattern = cp.VERB_BEFORE.get(fig.category or "")
    if pattern is None:
        return False
    window = max(start, fig.span[0] - 60)
    verb = pattern.search(text, window, fig.span[0])
    if verb is None:
        return False
    return cp.NOT_ACTIVE_BEFORE.search(text, max(start, verb.start() - 40), verb.start()) is None


def find_second_objects(text: str, start: int, end: int, figures: list[Figure], exclude: list[Span]) -> list[Figure]:
    """Figures for the second object after "and" of each object read in text[start:end]."""
    out: list[Figure] = []
    for fig in list(figures):
        if fig.category not in cp.OBJECT_CATEGORIES or fig.parent is not None or not _object_verb(text, start, fig):
            continue
        pos = fig.span[1]
        complement = cp.OF_COMPLEMENT.match(text, pos, end)
        if complement is not None:
            pos = complement.end()
        appos = cp.APPOSITION.match(text, pos, end)
        if appos is not None and not cp.APPOSITION_NOT.search(appos.group("inner")):
            pos = appos.end()
        joined = cp.AND.match(text, pos, end)
        if joined is None or cp.CLAUSE_AND.match(text, pos, end) or cp.REST_OF_SET.match(text, joined.end(), end):
            continue  # "injuring 13 persons, and struck targets"; "one of them ..., and the other a passer-by"
        second = _second(text, fig, joined.end(), end)
        if second is None:
            continue
        span, value = second
        taken = [f.span for f in figures if f.category is not None] + [f.span for f in out] + exclude
        if overlaps(span[0], span[1], taken):
            continue
        words = text[span[0] : span[1]]
        if any(w.lower().strip(".,") in vb.ATTACKER_NOUNS for w in words.split()):
            continue  # "abducted a driver and his assailants fled": no captive
        head = words.split()[-1].lower().strip(".,")
        known = lx.POPULATIONS.get(head)
        if head in cp.COLLECTIVE_HEADS or (known is not None and known.unit != "people"):
            continue  # "killed a village chief and his entourage": a group of untold size
        relative = cp.RELATIVE.search(text, span[1], end)
        if words.split()[0].lower() in cp.POSSESSIVES and NEW_SUBJECT.match(text, span[0], relative.start() if relative else end):
            continue  # "killed Anton Weir and his shop was looted": a clause of its own
        population, cls = victims.population_of(text, span[0], span[1])
        if not fig.rule.endswith("+list"):
            fig.rule += "+list"
        out.append(Figure(num=phrases.mention(span, words, value, "name"), span=span, population=population,
                          population_class=cls, unit="people", category=fig.category,
                          rule=f"{RULE_PREFIX}.object_conjunct:{fig.category}+list", has_head=True))  # fmt: skip
    return out


def _second(text: str, fig: Figure, pos: int, end: int) -> tuple[Span, float] | None:
    """(span, count) of the people named at `pos` after "and", or None."""
    owner = cp.POSSESSIVE_FIGURE.match(text, pos, end)
    counted = owner is not None and any(n.span[0] == owner.end() and n.kind == "cardinal" and n.written in ("digits", "words")
                                        for n in find_numbers(text, owner.end(), min(end, owner.end() + 30)))  # fmt: skip
    # "her two children": the figure after the possessive counts them
    at = owner.end() if owner is not None and counted else pos
    member = active_objects.member(text, at, end)
    if member is not None and member[0] > at and cp.AFTER_OBJECT.match(text, member[0], end) \
            and not cp.VERB_IN_OBJECT.search(text, pos, member[0]):  # fmt: skip
        return (pos, member[0]), member[1]
    # "a father and son": the article of the first object serves the second
    kin = cp.SHARED_ARTICLE_SECOND.match(text, pos, end)
    if kin is not None and cp.SHARED_ARTICLE_FIRST.match(text, fig.span[0]) and cp.AFTER_OBJECT.match(text, kin.end(), end):
        return kin.span(), 1.0
    return None


def _kidnapped_then_killed(text: str, start: int, figures: list[Figure]) -> list[Figure]:
    """A hostage figure for each killed figure whose verb follows a kidnapping verb, active
    before the object or passive after the subject."""
    out: list[Figure] = []
    for fig in figures:
        if fig.category != "killed" or fig.parent is not None:
            continue
        told = cp.KIDNAP_THEN_KILL.search(text, max(start, fig.span[0] - 120), fig.span[0])
        if told is not None and cp.NOT_ACTIVE_BEFORE.search(text, max(start, told.start() - 40), told.start()):
            told = None
        if told is None and cp.KIDNAPPED_THEN_KILLED_AFTER.match(text, fig.span[1]) is None:
            continue
        if any(f.category == "hostage" and overlaps(f.span[0], f.span[1], [fig.span]) for f in figures):
            continue  # read already
        rule = fig.rule.split(":", 1)
        out.append(Figure(num=fig.num, span=fig.span, population=fig.population, population_class=fig.population_class,
                          unit=fig.unit, category="hostage", rule=f"{RULE_PREFIX}.kidnap_then_kill:hostage" + ("+list" if rule[-1].endswith("+list") else ""),
                          flags=[f for f in fig.flags if f == "additional"], has_head=True))  # fmt: skip
    return out


def flag_released(text: str, start: int, end: int, figures: list[Figure]) -> None:
    """Flag the hostage figures of text[start:end] said to be freed (captive_patterns.SUBSET_FLAG)."""
    for fig in figures:
        if fig.category != "hostage" or fig.parent is not None or cp.SUBSET_FLAG in fig.flags:
            continue
        if cp.RELEASED_AFTER.match(text, fig.span[1], end) or cp.RELEASED_BEFORE.search(text, max(start, fig.span[0] - 40), fig.span[0]):
            fig.flags.append(cp.SUBSET_FLAG)
