"""Readings the count rules lack (issue 20): a sentence's figures -> the same list, completed.

Called by counts.find_figures once its rules have read a sentence:
- a predicate undone ("was nearly lynched") takes its figure's category away;
- telegraphic figures (headlines.py: "Four killed, one injured", "Vigilantes lynch four");
- victims named or described without a number (victims.py: "shot and killed Faiz Karimi",
  "a National Directorate of Security (NDS) officer was killed", "three of his escorts"), and
  subjects with a post-modifier (postmodified.py: "The consul in Barranquilla was shot dead");
- zero-article singular people in telegraphic syntax (bare.py: "Customs officer kidnapped, killed");
- people set on fire, the object before the result (burning.py: "set a suspected robber alight");
- office holders by their title-cased office (offices.py: "killed the Secretary of the Commission");
- plural anaphors for a group counted before (anaphora.py: "abducted four men; they were executed");
- one more person with an elided noun (others.py: "two were killed and one other was wounded");
- objects of an active lethal verb no rule above read (active_objects.py: "killing its driver and a soldier");
- killings named by a noun, reported as claimed or caused (nominals.py: "claimed responsibility
  for the assassination of X");
- people killed "along with" someone (along.py: "was shot dead along with his driver"), added;
- subjects of a lethal passive no rule above read (subjects.py: "The Italian Ambassador was assassinated");
- bodies found (bodies.py: "His body was found", "the bodies of two farmers were recovered");
- wounds said to be fatal are deaths (fatal.py: "was fatally wounded");
- the dead of a later death of wounds are additional (later.py: "One of the wounded later died");
- the figure before an active verb whose victims follow is the agent ("A crowd stoned to
  death a suspected informer");
- people wounded first who died later ("the two wounded later succumbed") are dead, and add
  to the dead counted before them;
- the wounded who died of it, counted dead (fates.py: "was wounded and later died of his injuries");
- pronoun objects of victim verbs (objects.py: "seized two drivers and murdered them");
- the predicate a long breakdown holds apart, given to its whole (including.py: "Five people,
  including the mayor and his driver, were killed");
- single people coordinated with a counted group (conjuncts.py: "The district chief and four
  guards were killed");
- companions of a casualty predicate (comitative.py: "was killed along with three officers");
- people a fronted phrase adds (besides.py: "In addition to the assailant, four people were killed");
- attackers who died by their own hand (attackers.py: "killing himself and four others"), and
  the flag `attackers` on every claim naming attackers.
"""

from __future__ import annotations

from tollbook.extract import (
    active_objects,
    along,
    anaphora,
    attackers,
    bare,
    besides,
    bodies,
    burning,
    comitative,
    conjuncts,
    fatal,
    fates,
    including,
    later,
    leading,
    nominals,
    objects,
    offices,
    others,
    phrases,
    postmodified,
    subjects,
    victims,
)
from tollbook.extract.grammar.later_patterns import DEFINITE as _DEFINITE
from tollbook.extract.grammar.reading_patterns import AGENT_GAP as _AGENT_GAP
from tollbook.extract.grammar.reading_patterns import DIED_OF_WOUNDS as _DIED_OF_WOUNDS
from tollbook.extract.grammar.reading_patterns import SAME_PEOPLE as _SAME_PEOPLE
from tollbook.extract.headlines import Headline
from tollbook.extract.records import Figure
from tollbook.model import ATTACKER_SELF_RULE, OF_WOUNDS, Span

__all__ = ["complete"]

RULE_PREFIX = "count"


def complete(text: str, start: int, end: int, figures: list[Figure], exclude: list[Span],
             telegraphic: list[Headline]) -> None:  # fmt: skip
    """Add to (and correct) the sentence's `figures` in place."""
    for fig in figures:
        if fig.category is not None and victims.undone_after(text, fig.span[1], end):
            fig.category = None  # "a suspected thief was nearly lynched"
    for h in telegraphic:
        figures.append(Figure(num=h.num, span=h.span, population=h.population, population_class=h.population_class,
                              unit="people", category=h.category, rule=f"{RULE_PREFIX}.headline_{h.how}:{h.category}",
                              flags=["additional"] if h.num.additional else [], has_head=True))  # fmt: skip
    taken = [f.span for f in figures if f.category is not None] + exclude
    named = victims.find_victims(text, start, end, taken)
    named += postmodified.find_subjects(text, start, end, taken + [v.span for v in named])
    named += bare.find_bare(text, start, end, taken + [v.span for v in named])
    named += anaphora.find_anaphors(text, start, end, taken + [v.span for v in named])
    named += others.find_others(text, start, end, taken + [v.span for v in named])
    named += burning.find_burnings(text, start, end, taken + [v.span for v in named])
    named += offices.find_offices(text, start, end, taken + [v.span for v in named])
    named += objects.find_objects(text, start, end, taken + [v.span for v in named])
    found = bodies.find_bodies(text, start, end, taken + [v.span for v in named])
    for fig in figures:
        if fig.category not in (None, "killed") and bodies.misread(text, fig.span, found):
            fig.category = None  # "The body of a kidnapped engineer was found": no hostage
    named += found
    named += subjects.find_clause_subjects(text, start, end, taken + [v.span for v in named])
    named += active_objects.find_objects(text, start, end, taken + [v.span for v in named])
    named += nominals.find_nominals(text, start, end, taken + [v.span for v in named])
    named += along.find_along(text, start, end, taken + [v.span for v in named])
    for v in named:
        listed = "+list" if v.how == "list" else ""
        if v.counted:  # a list member already read: it adds up with the others
            for f in figures:
                if f.span[0] < v.span[1] and v.span[0] < f.span[1] and f.category == v.category \
                        and not f.rule.endswith("+list"):  # fmt: skip
                    f.rule += listed
            continue
        figures.append(Figure(num=phrases.mention(v.span, text[v.span[0] : v.span[1]], v.value, "name"), span=v.span,
                              population=v.population, population_class=v.population_class, unit="people",
                              category=v.category, rule=f"{RULE_PREFIX}.victim_{v.how}:{v.category}{listed}",
                              flags=["additional"] if v.how == "along" else [], has_head=True))  # fmt: skip
    fatal.relabel_fatal(text, start, end, figures)
    _drop_agents(text, figures)
    _died_of_wounds(text, end, figures)
    figures += fates.later_deaths(text, end, figures)
    including.read_through(text, end, figures)
    figures += conjuncts.find_conjuncts(text, start, figures, exclude)
    figures += leading.find_followers(text, start, end, figures, exclude)
    figures += comitative.find_companions(text, start, end, figures, exclude)
    figures += besides.find_besides(text, start, end, figures, exclude)
    later.flag_later_deaths(text, end, figures)
    for a in attackers.find_attacker_deaths(text, start, end):
        spans = [a.span] + ([a.figure] if a.figure else [])
        if not any(f.span[0] < b and s < f.span[1] and f.category is not None for f in figures for s, b in spans):
            figures.append(Figure(num=phrases.mention(a.span, text[a.span[0] : a.span[1]], a.value, "pronoun"),
                                  span=a.span, population="militants", population_class="combatant",
                                  unit="people", category="killed", rule=ATTACKER_SELF_RULE,
                                  flags=["attackers"], has_head=True))  # fmt: skip
    for fig in figures:
        if fig.category is not None and "attackers" not in fig.flags \
                and attackers.is_attacker(text[fig.span[0] : fig.span[1]]):  # fmt: skip
            fig.flags.append("attackers")


def _died_of_wounds(text: str, end: int, figures: list[Figure]) -> None:
    """"the two wounded later succumbed to their wounds", "One peacekeeper died of his
    wounds": people wounded first who died later are dead (not wounded, as their noun says)
    and add to the dead counted before them. "All five died of their injuries" restates the
    five counted before; a name or a pronoun may be someone counted before: neither adds."""
    for fig in figures:
        if fig.category not in ("killed", "wounded") or fig.parent is not None or fig.rule.endswith(".whole"):
            continue  # "two of the 40 wounded died later": the death is the part's, not the set's
        if _DIED_OF_WOUNDS.match(text, fig.span[1], end) is None or _SAME_PEOPLE.search(text, max(0, fig.span[0] - 20), fig.span[0]):
            continue
        if fig.num.written in ("name", "pronoun"):
            continue  # "Yuksel died later in the hospital", "He died later": maybe one counted before
        if fig.category == "killed" and _DEFINITE.match(text, fig.span[0], fig.span[1]):
            continue  # "The victim died from his injuries later": someone told before ("the two wounded" adds)
        fig.category = "killed"
        fig.rule = fig.rule.replace(":wounded", ":killed")
        if "additional" not in fig.flags:
            fig.flags.append("additional")
        fig.flags.append(OF_WOUNDS)  # the tally's wounded are those still alive (tally/rules.py)


def _drop_agents(text: str, figures: list[Figure]) -> None:
    """"A crowd stoned to death a suspected informer": the figure before an active verb whose
    victims were read after it is the agent, not the dead."""
    after = [f for f in figures if f.rule.split(":")[0].endswith(("victim_object", "victim_role", "headline_active"))]
    for fig in figures:
        if fig.category is None or ".right:" not in fig.rule:
            continue
        for v in after:
            if v.span[0] > fig.span[1] and _AGENT_GAP.match(text[fig.span[1] : v.span[0]]):
                fig.category = None
                break
