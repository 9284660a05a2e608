"""People a casualty befell "along with" someone: sentence text and its figures -> Victim*
(more people, added), and the counted figures "along with" names, categorised in place.

"The mayor was shot and killed along with his driver" (+1), "murdered a Portuguese employee,
along with a Mozambican colleague" (+1), "was assassinated along with three of his bodyguards"
(+3), "X and Y, along with a policeman, were killed" (+1), "A nurse was wounded along with 12
patients" (+12 wounded), "was kidnapped along with his wife" (+1 hostage), "Three tourists were
injured as well as the Egyptian driver" (+1; "as well as" only after its verb): "along with" adds its
complement's people to those the nearest verb of the sentence is said of, in that verb's
category, whatever it is (the verb before it, else the one after it). The complement is read as
an object is (active_objects.members, and a second member after "and"); a counted group that
reader does not take ("along with eighty-two others": the count rules' figure, which no rule
gave a category) takes the verb's category in place. Either way the people are additional (the
tally adds them to what came before). The one reader of "along with" (comitative.py, which read
it again from the figures, is merged here).

Guards: the nearest verb is a casualty verb (a participle after a determiner is an adjective:
"the decapitated body ... was found along with a written threat"); no clause break between
them; the verb is not undone; a complement already read is not read again; a complement that
names no countable people ("along with the other attacks", "some guards") adds nobody.
"""

from __future__ import annotations

from collections.abc import Sequence

from tollbook.extract import active_objects, victims
from tollbook.extract.grammar import along as al
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.along_patterns import ALONG as _ALONG
from tollbook.extract.grammar.along_patterns import ATTRIBUTIVE as _ATTRIBUTIVE
from tollbook.extract.grammar.along_patterns import BREAK as _BREAK
from tollbook.extract.grammar.along_patterns import VERB as _VERB
from tollbook.extract.records import Figure
from tollbook.model import Span, overlaps

__all__ = ["find_along"]


def _category(text: str, start: int, at: int, after: int, end: int, before_only: bool = False) -> str | None:
    """The category of the verb nearest "along with" (at `at`..`after`): before it, else after it
    (unless `before_only`: "as well as")."""
    before = [v for v in _VERB.finditer(text, max(start, at - al.REACH), at)
              if not _BREAK.search(text, v.end(), at) and not _ATTRIBUTIVE.search(text, max(start, v.start() - 8), v.start())]
    verb = before[-1] if before else None
    if verb is None:
        if before_only:
            return None
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


def find_along(text: str, start: int, end: int, taken: list[Span],
               figures: Sequence[Figure] = ()) -> list[victims.Victim]:  # fmt: skip
    """The people "along with" adds to a casualty in text[start:end], unless a `taken` span
    overlaps them; a counted figure of `figures` it names, uncategorised, takes the category in
    place."""
    out: list[victims.Victim] = []
    low = text[start:end].lower()
    if "along" not in low and "together" not in low and "as well as" not in low:
        return out
    for m in _ALONG.finditer(text, start, end):
        both = active_objects.members(text, m.end(), end)
        if both is None:
            _categorise_counted(text, start, end, m.start(), m.end(), taken, figures)
            continue
        before_only = " ".join(m.group(0).lower().split()) in al.AFTER_ONLY
        category = _category(text, start, m.start(), both[0], end, before_only)
        span, value = (m.end(), both[1]), both[2]
        if category is None or overlaps(span[0], span[1], taken):
            continue
        population, cls = victims.population_of(text, span[0], span[1])
        out.append(victims.Victim(span, category, population, cls, "along", value=value))
    return out


def _categorise_counted(text: str, start: int, end: int, at: int, pos: int, taken: list[Span],
                        figures: Sequence[Figure]) -> None:  # fmt: skip
    """"was killed along with eighty-two others": the count rules' figure at `pos`, which no rule
    gave a category, takes the category of the verb nearest "along with" (at `at`)."""
    counted = next((f for f in figures if f.num.span[0] == pos and f.parent is None), None)
    if counted is None or counted.category is not None or counted.unit != "people" \
            or overlaps(counted.span[0], counted.span[1], taken):  # fmt: skip
        return
    before_only = " ".join(text[at:pos].lower().split()) in al.AFTER_ONLY
    category = _category(text, start, at, counted.span[1], end, before_only)
    if category is not None:
        counted.category, counted.rule = category, f"count.victim_along:{category}"
        counted.flags.append("additional")
