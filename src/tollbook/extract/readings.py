"""Readings the count rules lack (issue 20): a sentence's figures -> the same list, completed.

Called by counts.find_figures once its rules have read a sentence:
- a relative partitive with its own predicate gives the whole the predicate after it
  (relative_parts.py: "eight people, three of whom had been held hostage, were killed");
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
- people a casualty befell "along with" someone, in its category (along.py: "was shot dead
  along with his driver", "was wounded along with 12 patients"), added;
- people said to add to those counted before (also.py: "Shahid Khan was also injured"), added;
- subjects of a lethal passive no rule above read (subjects.py: "The Italian Ambassador was assassinated");
- subjects that received a wound (sustained.py: "Three Americans received minor injuries");
- wounds named by a noun (wound_nominals.py: "caused severe injuries to a Greek citizen");
- a shooting its victims survived (survivors.py: "X was shot. He survived the attack");
- a relative clause that tells its antecedent's harm (relatives.py: "found by a gardener who was
  slightly injured");
- bodies found (bodies.py: "His body was found", "the bodies of two farmers were recovered");
- wounds said to be fatal are deaths (fatal.py: "was fatally wounded");
- the figure before an active verb whose victims follow is the agent ("A crowd stoned to
  death a suspected informer");
- pronoun objects of victim verbs (objects.py: "seized two drivers and murdered them");
- collective nouns that state a number (collectives.py: "a couple was shot dead": 2; "the
  trio were abducted": 3), resized or added;
- numbered parts of a set named by a noun and a participle (sets.py: "three of the 11 people
  killed were children": three, a part of the 11);
- the predicate a long breakdown holds apart, given to its whole (including.py: "Five people,
  including the mayor and his driver, were killed");
- single people coordinated with a counted group (conjuncts.py: "The district chief and four
  guards were killed");
- people a fronted phrase adds (besides.py: "In addition to the assailant, four people were killed");
- a bare figure told dying later after a wounding (later_ones.py: "Two were wounded. One later
  died of his wounds"), read as the wounded whose death later.py reads;
- later deaths of the wounded, one rule for all (later.py: "One of the wounded later died", "the
  two wounded later succumbed", "was wounded and later died of his injuries"): killed, additional,
  and flagged of_wounds (the tally takes them from the wounded);
- hostages (captives.py): a second object of a kidnapping or killing verb ("abducted a trader
  and his driver"), the kidnapped who were later killed ("kidnapped and later killed a
  priest"), and the freed, flagged as a subset of those taken ("Ten hostages were released");
- attackers who died by their own hand (attackers.py: "killing himself and four others"), and
  the flag `attackers` on every claim naming attackers.
"""

from __future__ import annotations

from functools import lru_cache

from tollbook.extract import (
    active_objects,
    along,
    also,
    anaphora,
    attackers,
    bare,
    besides,
    bodies,
    burning,
    captives,
    collectives,
    conjuncts,
    fatal,
    including,
    later,
    later_ones,
    leading,
    nominals,
    objects,
    offices,
    others,
    phrases,
    postmodified,
    relative_parts,
    relatives,
    sets,
    subjects,
    survivors,
    sustained,
    victims,
    wound_nominals,
)
from tollbook.extract.grammar import literals
from tollbook.extract.grammar.reading_patterns import AGENT_GAP as _AGENT_GAP
from tollbook.extract.grammar.reading_patterns import ANCHOR_GATES as _ANCHOR_GATES
from tollbook.extract.grammar.victim_patterns import UNDONE_GATE as _UNDONE_GATE
from tollbook.extract.headlines import Headline
from tollbook.extract.records import Figure
from tollbook.model import ATTACKER_SELF_RULE, Span

__all__ = ["complete"]

RULE_PREFIX = "count"


def complete(text: str, start: int, end: int, figures: list[Figure], exclude: list[Span],
             telegraphic: list[Headline], anchored: bool = True) -> None:  # fmt: skip
    """Add to (and correct) the sentence's `figures` in place. `anchored`: skip a reading whose
    anchor words (reading_patterns.READING_ANCHORS) the sentence lacks; same output (off only
    to check that: tests/test_reading_anchors.py)."""

    may = (_readings_for(text, start, end) if anchored else _EVERY_READING).__contains__  # C-level: no frame per reading
    relative_parts.split_relative_parts(text, end, figures)  # "eight people, three of whom had been held hostage, were killed"
    undone = literals.gate(text, start, end, _UNDONE_GATE)  # read once for every figure of the sentence
    for fig in figures:
        if undone and fig.category is not None and victims.undone_after(text, fig.span[1], end):
            fig.category = None  # "a suspected thief was nearly lynched"
    for h in telegraphic:
        figures.append(Figure(num=h.num, span=h.span, population=h.population, population_class=h.population_class,
                              unit="people", category=h.category, rule=f"{RULE_PREFIX}.headline_{h.how}:{h.category}",
                              flags=["additional"] if h.num.additional else [], has_head=True))  # fmt: skip
    taken = [f.span for f in figures if f.category is not None] + exclude
    named = victims.find_victims(text, start, end, taken) if may("victims") else []
    if may("postmodified"):
        named += postmodified.find_subjects(text, start, end, taken + [v.span for v in named])
    if may("bare"):
        named += bare.find_bare(text, start, end, taken + [v.span for v in named])
    if may("anaphora"):
        named += anaphora.find_anaphors(text, start, end, taken + [v.span for v in named])
    if may("others"):
        named += others.find_others(text, start, end, taken + [v.span for v in named])
    if may("burning"):
        named += burning.find_burnings(text, start, end, taken + [v.span for v in named])
    if may("offices"):
        named += offices.find_offices(text, start, end, taken + [v.span for v in named])
    if may("objects"):
        named += objects.find_objects(text, start, end, taken + [v.span for v in named])
    found = bodies.find_bodies(text, start, end, taken + [v.span for v in named])
    for fig in figures:
        if fig.category not in (None, "killed") and bodies.misread(text, fig.span, found):
            fig.category = None  # "The body of a kidnapped engineer was found": no hostage
    named += found
    if may("subjects"):
        named += subjects.find_clause_subjects(text, start, end, taken + [v.span for v in named])
    if may("active_objects"):
        named += active_objects.find_objects(text, start, end, taken + [v.span for v in named])
    if may("nominals"):
        named += nominals.find_nominals(text, start, end, taken + [v.span for v in named])
    named += along.find_along(text, start, end, taken + [v.span for v in named], figures)
    if may("sustained"):
        named += sustained.find_sustained(text, start, end, taken + [v.span for v in named])
    if may("wound_nominals"):
        named += wound_nominals.find_wound_nominals(text, start, end, taken + [v.span for v in named])
    if may("survivors"):
        named += survivors.find_survivors(text, start, end, taken + [v.span for v in named])
    if may("relatives"):
        named += relatives.find_relatives(text, start, end, taken + [v.span for v in named])
    named += later_ones.find_later_ones(text, start, end, taken + [v.span for v in named])
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
    figures += collectives.read_collectives(text, start, end, figures)
    also.flag_also(text, start, end, figures)
    fatal.relabel_fatal(text, start, end, figures)
    _drop_agents(text, figures)
    including.read_through(text, end, figures)
    figures += sets.find_parts(text, start, end, figures)
    figures += conjuncts.find_conjuncts(text, start, figures, exclude)
    figures += leading.find_followers(text, start, end, figures, exclude)
    if may("besides"):
        figures += besides.find_besides(text, start, end, figures, exclude)
    figures += later.read_later_deaths(text, end, figures)
    figures += captives.find_captives(text, start, end, figures, exclude)
    for a in attackers.find_attacker_deaths(text, start, end):
        spans = [a.span] + ([a.figure] if a.figure else [])
        if not any(f.span[0] < b and s < f.span[1] and f.category is not None for f in figures for s, b in spans):
            figures.append(Figure(num=phrases.mention(a.span, text[a.span[0] : a.span[1]], a.value, "pronoun"),
                                  span=a.span, population="militants" if a.armed else "people",
                                  population_class="combatant" if a.armed else "unknown",
                                  unit="people", category="killed", rule=ATTACKER_SELF_RULE,
                                  flags=["attackers"], has_head=True))  # fmt: skip
    for fig in figures:
        if fig.category is not None and "attackers" not in fig.flags \
                and attackers.is_attacker(text[fig.span[0] : fig.span[1]]):  # fmt: skip
            fig.flags.append("attackers")


#: Every reading an anchor gate guards: what `complete` runs without anchors.
_EVERY_READING = _ANCHOR_GATES.keys()
_ANCHOR_BITS = tuple((name, g.bit) for name, g in _ANCHOR_GATES.items())
_ANCHOR_MASK = sum({g.bit for g in _ANCHOR_GATES.values()})


@lru_cache(maxsize=1024)  # the anchor bits of a sentence's marks: few combinations, each read once
def _anchored(bits: int) -> frozenset[str]:
    return frozenset([name for name, bit in _ANCHOR_BITS if bits & bit])


def _readings_for(text: str, start: int, end: int) -> frozenset[str]:
    """The readings whose anchor words text[start:end] may hold: the sentence's marks read once
    and tested bit by bit (literals.marks), else each gate asked (`literals.gate`: a search of
    the range folded once, or the tests' switch answering True)."""
    marks = literals.marks(text, start, end)
    if marks is not None:
        return _anchored(marks & _ANCHOR_MASK)
    return frozenset([reading for reading in _ANCHOR_GATES if literals.gate(text, start, end, _ANCHOR_GATES[reading])])


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
