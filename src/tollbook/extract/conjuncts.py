"""Coordinated subjects: a sentence's figures -> Figure* for the single people coordinated with
a counted group before a plural predicate ("The district chief and four guards were killed":
five killed; "The judge, his wife and his two sons were killed": four).

The count rules read the counted conjunct ("four guards") with the predicate; the people named
one by one before it ("the district chief", "his wife", "Serajuddin", "a civilian") go
uncounted when no rule reads them. Here, when the figure right before a plural predicate
("were", "died") is the last conjunct of a subject that starts its clause, every conjunct
before it that names one person counts one, and all of them add up with the figure (a list).
A conjunct is one person when it opens with "the", "a", "his", "another", ... and ends with a
people noun said in the singular ("the wife of a police officer"), or is a name. Not read: a
subject with a conjunct that is neither (a plural, a thing, a clause), an apposition after a
name ("Jalil, a commander, and two guards": Jalil and two guards), a conjunct another rule read
in another category. A conjunct already read in the category joins the list.
"""

from __future__ import annotations

from tollbook.extract import phrases
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.conjunct_patterns import CLAUSE_MARK as _CLAUSE_MARK
from tollbook.extract.grammar.conjunct_patterns import GLOSS as _GLOSS
from tollbook.extract.grammar.conjunct_patterns import JOINT as _JOINT
from tollbook.extract.grammar.conjunct_patterns import LAST_JOINT as _LAST_JOINT
from tollbook.extract.grammar.conjunct_patterns import LONGEST_CONJUNCT as _LONGEST
from tollbook.extract.grammar.conjunct_patterns import NOT_IN_CONJUNCT as _NOT_IN_CONJUNCT
from tollbook.extract.grammar.conjunct_patterns import NUMERAL_KINDS as _NUMERALS
from tollbook.extract.grammar.conjunct_patterns import OPENING as _OPENING
from tollbook.extract.grammar.conjunct_patterns import PLURAL_PREDICATE as _PLURAL_PREDICATE
from tollbook.extract.grammar.conjunct_patterns import SINGLE_DETERMINERS as _SINGLE_DETERMINERS
from tollbook.extract.grammar.victim_patterns import PLURAL_ENDINGS as _PLURAL_ENDINGS
from tollbook.extract.records import Figure
from tollbook.model import Span, overlaps

__all__ = ["find_conjuncts", "listed", "one_person", "pieces_of"]

RULE = "count.conjunct"


def find_conjuncts(text: str, start: int, figures: list[Figure], taken: list[Span]) -> list[Figure]:
    """Figures for the single people coordinated before each counted figure of the sentence
    text[start:...]; `taken` are spans other rules read. The counted figure joins their list."""
    out: list[Figure] = []
    for last in figures:
        # A figure of a numeral may close a list already ("his wife and their three sons"): its
        # members before it are read conjuncts, the single people before them are not. A list
        # of single people another rule read ("Jalil, a commander, and his driver") is left.
        if last.category is None or last.parent is not None or not _PLURAL_PREDICATE.match(text, last.span[1]) \
                or (last.rule.endswith("+list") and last.num.written not in _NUMERALS):  # fmt: skip
            continue
        marks = list(_CLAUSE_MARK.finditer(text, start, last.span[0]))
        opened = _OPENING.match(text, marks[-1].end() if marks else start)
        joint = _LAST_JOINT.search(text, opened.end() if opened else start, last.span[0])
        if joint is None:
            continue
        pieces = pieces_of(text, opened.end() if opened else start, joint.start())
        if not pieces or any(overlaps(a, b, taken) for a, b in pieces):
            continue
        read = {p: f for p in pieces for f in figures if f is not last and f.span[0] < p[1] and p[0] < f.span[1]
                and f.category is not None}  # fmt: skip
        if any(f.category != last.category or f.parent is not None for f in read.values()):
            continue  # a conjunct read in another way
        people = _people(text, pieces, set(read))
        if people is None:
            continue  # a conjunct that names no single person: not this construction
        out += listed(text, people, list(read.values()), last)
    return out


def listed(text: str, people: list[tuple[Span, str]], read: list[Figure], counted: Figure) -> list[Figure]:
    """One figure per person named in a list with the `counted` figure, in its category; the
    list's figures already `read` ("The deputy commander and two of his aides") and the counted
    one are marked as members of a list, so the tally adds them up."""
    out: list[Figure] = []
    for f in read:
        if not f.rule.endswith("+list"):
            f.rule += "+list"
    for (a, b), population in people:
        pop, cls, unit = lx.POPULATIONS.get(population, ("people", "unknown", "people"))
        out.append(Figure(num=phrases.mention((a, b), text[a:b], 1.0, "name"), span=(a, b), population=pop,
                          population_class=cls, unit=unit, category=counted.category,
                          rule=f"{RULE}:{counted.category}+list", has_head=True))  # fmt: skip
    if not counted.rule.endswith("+list"):
        counted.rule += "+list"
    return out


def pieces_of(text: str, start: int, end: int) -> list[Span]:
    """The conjuncts of text[start:end], split at their joints (a joint may open it)."""
    out: list[Span] = []
    at = start
    for j in _JOINT.finditer(text, start, end):
        if j.start() > at:
            out.append((at, j.start()))
        at = j.end()
    if end > at:
        out.append((at, end))
    return out


def one_person(words: str) -> str | None:
    """The population noun of a conjunct naming one person ("people" for a name), else None."""
    plain = _GLOSS.sub("", words).split()
    if not plain or len(plain) > _LONGEST or any(w.lower() in _NOT_IN_CONJUNCT for w in plain):
        return None
    first, head = plain[0].lower(), plain[-1].lower().strip(".,")
    if first in _SINGLE_DETERMINERS or first.endswith(("'s", "’s")):
        return head if head in lx.SINGULARS else None
    return _name(plain)


def _name(words: list[str]) -> str | None:
    """A name, perhaps after a title ("Serajuddin", "former governor Abdul Noori"): the
    title's population, or "people"; None for a noun that is no name ("Vehicles", "Police")."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    name = [w.lower() for w in words[k:]]
    if not name or len(name) > 5 or name[0] in vb.NOT_NAMES or name[-1] in lx.POPULATIONS \
            or name[-1] in vb.NOT_NAMES or name[-1] in lx.NON_PERSON:  # fmt: skip
        return None
    if len(name) == 1 and name[0].endswith(_PLURAL_ENDINGS):
        return None  # "Soldiers", "Americans": a plural noun, not a person
    if k == 0:
        return "people"
    title = words[k - 1].lower()
    return title if title in lx.SINGULARS else None


def _people(text: str, pieces: list[Span], read: set[Span]) -> list[tuple[Span, str]] | None:
    """Each unread conjunct's one person and population, an apposition after a name left out
    ("Noori, a district officer, and ..."; when a rule read the apposition, the name goes);
    None when a conjunct names no single person."""
    out: list[tuple[Span, str]] = []
    named = False
    for a, b in pieces:
        if (a, b) in read:
            if named and text[a:b].split()[0].lower() in ("a", "an"):
                out.pop()  # "Ivo Brandt, a district engineer, and ...": the engineer was read
            named = False
            continue
        population = one_person(text[a:b])
        if population is None:
            return None
        if named and text[a:b].split()[0].lower() in ("a", "an"):
            named = False
            continue  # the name said again
        first = text[a:b].split()[0].lower()
        named = first not in _SINGLE_DETERMINERS and not first.endswith(("'s", "’s"))
        out.append(((a, b), population))
    return out
