"""People killed "along with" someone: sentence text -> Victim* (more people, added).

"The mayor was shot and killed along with his driver" (+1), "murdered a Portuguese employee,
along with a Mozambican colleague" (+1), "was assassinated along with three of his bodyguards"
(+3), "X and Y, along with a policeman, were killed" (+1): "along with" adds its complement's
people to those the nearest verb of the sentence is said of, in that verb's category (the verb
before it, else the one after it). The complement is read as an object is (active_objects.member, and
a second member after "and"); the figure is additional (the tally adds it to what came before).

Guards: the nearest verb kills (a participle after a determiner is an adjective: "the decapitated
body ... was found along with a written threat") (killed only: "kidnapped along with his wife" is left to the
hostage rules); no clause break between them; the verb is not undone; a complement already read
is not read again; a complement that names no countable people ("along with the other attacks",
"some guards") adds nobody.
"""

from __future__ import annotations

from tollbook.extract import active_objects, victims
from tollbook.extract.grammar import along as al
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.along_patterns import ALONG as _ALONG
from tollbook.extract.grammar.along_patterns import ATTRIBUTIVE as _ATTRIBUTIVE
from tollbook.extract.grammar.along_patterns import BREAK as _BREAK
from tollbook.extract.grammar.along_patterns import VERB as _VERB
from tollbook.model import Span

__all__ = ["find_along"]


def _category(text: str, start: int, at: int, after: int, end: int) -> str | None:
    """The category of the verb nearest "along with" (at `at`..`after`): before it, else after it."""
    before = [v for v in _VERB.finditer(text, max(start, at - al.REACH), at)
              if not _BREAK.search(text, v.end(), at) and not _ATTRIBUTIVE.search(text, max(start, v.start() - 8), v.start())]
    verb = before[-1] if before else None
    if verb is None:
        nxt = _VERB.search(text, after, min(end, after + al.REACH))
        if nxt is None or _BREAK.search(text, after, nxt.start()):
            return None
        verb = nxt
    if victims.undone_before(text, start, verb.start()):
        return None
    if verb.group("r"):
        return "killed"
    word = " ".join(verb.group("v").lower().split())
    return "killed" if word in vb.DIED_PREDICATES else vb.VICTIM_VERBS.get(word)


def find_along(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people "along with" adds to a killing in text[start:end], unless a `taken` span
    overlaps them."""
    out: list[victims.Victim] = []
    if "along" not in text[start:end].lower() and "together" not in text[start:end].lower():
        return out
    for m in _ALONG.finditer(text, start, end):
        both = active_objects.members(text, m.end(), end)
        if both is None or _category(text, start, m.start(), both[0], end) != "killed":
            continue
        span, value = (m.end(), both[1]), both[2]
        if any(s < span[1] and span[0] < e for s, e in taken):
            continue
        population, cls = victims.population_of(text, span[0], span[1])
        out.append(victims.Victim(span, "killed", population, cls, "along", value=value))
    return out
