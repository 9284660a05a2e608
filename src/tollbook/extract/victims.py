"""Victims named without a number: sentence text -> Victim* (one person each).

"Assailants shot and killed Faiz Karimi, a religious scholar", "gunmen killed mayor Omar
Dallo", "Commander Ilyas Barre was killed", "Ishaya died of his wounds", "abducted Okoh
Enejor": a person's name (with its title) is the object of a verb of the families in
grammar/verbs.py, or the subject of its passive or of a verb of dying. Each is one person.

Guards: a verb undone before it ("nearly lynched", "tried to kill"), hypotheticals
(cues.irrealis), a nominal use ("the killing of"), a manner verb without its result ("shot
Omar" wounds or kills), and a death that is the background of the sentence (a protest, a
trial, a memorial: grammar/verbs.BACKGROUND_WORDS) start no victim. A name after a
preposition ("a soldier from Kano was killed") is a place, not the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.cues import irrealis
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.model import Span

_PARTICLE = r"(?:al|el|bin|ibn|ben|de|del|da|dos|van|von|ur|ul|abu|wa|la|le|di|bint)"
_CAP = r"(?-i:[A-Z])[\w'’-]*(?:\.(?=\s+(?-i:[A-Z])))?"
NAME_RE = re.compile(rf"(?P<name>{_CAP}(?:(?:\s+{_PARTICLE}[\s-]+|\s+){_CAP}){{0,5}})")
_RESULT = alternation(vb.RESULT_PHRASES)
_VERB = alternation(vb.VICTIM_VERBS)
_MANNER = alternation(vb.MANNER_VERBS)
#: A title before a name is lowercase words that are neither function words nor verbs.
_TITLE_WORD = rf"(?!(?:{alternation([*lx.MODIFIER_STOP, *vb.NOT_TITLES, *vb.VICTIM_VERBS, *vb.MANNER_VERBS, 'the', 'a', 'an'])})\b)"
_ACTIVE = re.compile(
    rf"\b(?:(?P<verb>{_VERB})|(?P<manner>{_MANNER})(?:\s+(?P<res1>{_RESULT}))?)\s+"
    rf"(?P<title>(?:{_TITLE_WORD}(?-i:[a-z])[\w-]+\s+){{0,2}})(?P<name>{_CAP}(?:(?:\s+{_PARTICLE}[\s-]+|\s+){_CAP}){{0,5}})"
    rf"(?P<res2>\s+(?:{_RESULT})\b)?",
    re.IGNORECASE,
)
_ADVERB = r"(?:(?:reportedly|allegedly|also|later|subsequently|then|eventually|fatally|brutally|\w+ly)\s+){0,2}"
_PASSIVE = re.compile(
    rf"(?P<appos>\s*,[^,;:.()]{{1,90}},)?\s+(?:was|has\s+been|had\s+been|is\s+said\s+to\s+have\s+been)\s+"
    rf"(?P<neg>(?:not|never)\s+)?{_ADVERB}"
    rf"(?:(?P<verb>{_VERB})|(?P<manner>{_MANNER})\s+(?P<res>{_RESULT}))\b",
    re.IGNORECASE,
)
_DIED = re.compile(
    rf"(?P<appos>\s*,[^,;:.()]{{1,90}},)?\s+{_ADVERB}(?P<verb>{alternation(vb.DIED_PREDICATES)})\b",
    re.IGNORECASE,
)
_NON_LETHAL = re.compile(rf"\b(?:{alternation(vb.NON_LETHAL_BEFORE)})\s+(?:be\s+|been\s+|being\s+)?\Z", re.IGNORECASE)
_NOMINAL = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
_BACKGROUND = re.compile(rf"\b(?:{alternation(vb.BACKGROUND_WORDS)})\b", re.IGNORECASE)
#: What may follow a named object: punctuation or a word that starts the next phrase.
_NEXT_PHRASE = """in on at and or while after during as when who with from for because following by to over
shortly but whose was were had has reportedly allegedly""".split()
_AFTER_NAME = re.compile(
    r"\s*(?:[,.;:()\[\]—–]|$)|\s+(?:" + alternation([*_NEXT_PHRASE, *vb.NOT_TITLES]) + r")\b", re.IGNORECASE
)
#: What a subject name may follow: a sentence or clause start, possibly after a title.
_CLAUSE_START = re.compile(r"(?:^|[,;:(\"“]|\band|\bbut|\bwhile|\bas|\bwhen|\bafter|\bwhere)\s*"
                           r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)  # fmt: skip
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|from|in|at|near|to|by|for|with|on|into|against|outside|inside)\s+\Z",
                                 re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Victim:
    """One named person and what happened to them."""

    span: Span  # the title and name as written
    category: str
    population: str
    population_class: str
    how: str  # "object" | "subject" | "died"


def _is_name(name: str) -> bool:
    words = [w.strip(".'’").lower() for w in name.split()]
    if not words or words[0] in vb.NOT_NAMES or words[-1] in vb.NOT_NAMES:
        return False
    if len(words) == 1 and (name.isupper() or words[0].endswith("s") or words[0] in lx.NON_PERSON):
        return False  # "ISIS", "Soldiers", "Villagers": a group or a plural noun, not a person
    return words[-1] not in lx.POPULATIONS  # "Security Forces", "Police": a noun, not a name


def _population(text: str, start: int, end: int) -> tuple[str, str]:
    """The people a title names ("police officer Ana Dorn", "Commander Ilya Dorsk"), else people."""
    m = lx.POP_RE.search(text, start, end)
    if m is None:
        return "people", "unknown"
    population, cls, _unit = lx.POPULATIONS[m.group(0).lower()]
    return population, cls


def _category(verb: str | None, manner: bool) -> str:
    if manner or verb is None:
        return "killed"
    return vb.VICTIM_VERBS[re.sub(r"\s+", " ", verb.lower())]


def _undone(text: str, start: int, at: int) -> bool:
    before = text[max(start, at - 40) : at]
    return bool(_NON_LETHAL.search(before)) or irrealis(text, start, at) \
        or bool(_BACKGROUND.search(text, start, at))  # fmt: skip


def find_victims(text: str, start: int, end: int, taken: list[Span]) -> list[Victim]:
    """Named victims in text[start:end] whose names overlap none of the `taken` spans."""
    out: list[Victim] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken) and not any(v.span[0] < b and a < v.span[1] for v in out)

    for m in _ACTIVE.finditer(text, start, end):
        verb, manner = m.group("verb"), m.group("manner")
        if manner and not (m.group("res1") or m.group("res2")):
            continue  # "shot Omar": wounded or killed, the text does not say
        if _NOMINAL.search(text, max(start, m.start() - 30), m.start()) and not manner:
            continue  # "the killing of", "his execution": a noun, not a verb on a victim
        if _undone(text, start, m.start()) or not _is_name(m.group("name")):
            continue
        if not _AFTER_NAME.match(text, m.end("name"), end) and not m.group("res2"):
            continue  # "killed Taliban fighters": the name modifies a noun
        a, b = m.start("title") if m.group("title") else m.start("name"), m.end("name")
        if free(a, b):
            population, cls = _population(text, a, b)
            out.append(Victim((a, b), _category(verb, bool(manner)), population, cls, "object"))
    for m in NAME_RE.finditer(text, start, end):
        name = m.group("name")
        if not _is_name(name):
            continue
        after = _PASSIVE.match(text, m.end(), end)
        how = "subject"
        if after is None:
            after, how = _DIED.match(text, m.end(), end), "died"
        if after is None or (how == "subject" and after.group("neg")):
            continue
        if not _CLAUSE_START.search(text[max(start, m.start() - 40) : m.start()]) \
                or _PREPOSITION_BEFORE.search(text, max(start, m.start() - 12), m.start()):  # fmt: skip
            continue
        if _undone(text, start, after.start("verb")):
            continue
        # "Dario Venn, a journalist, was killed": a person the apposition already counts.
        if free(m.start(), after.end("appos") if after.group("appos") else m.end()):
            category = "killed" if how == "died" else _category(after.group("verb"), bool(after.group("manner")))
            population, cls = _population(text, m.start(), m.end())
            out.append(Victim(m.span(), category, population, cls, how))
    return out
