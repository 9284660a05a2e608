"""Segmentation: Document text -> Segment* (paragraphs, sentences, quotations, list rows).

All segments carry absolute character offsets into the original text, which is never
rewritten: hard-wrapped lines stay inside their sentence, a short title line or a line
ending in punctuation closes one. Rows are items of inline lists and tables
("Shusha: may 08, 1992, territory 289 km2;").
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.segment_patterns import ABBREVIATIONS as _ABBREVIATIONS
from tollbook.extract.grammar.segment_patterns import BOUNDARY_RE as _BOUNDARY_RE
from tollbook.extract.grammar.segment_patterns import BULLET_RE as _BULLET_RE
from tollbook.extract.grammar.segment_patterns import LINE_END_CLOSES as _LINE_END_CLOSES
from tollbook.extract.grammar.segment_patterns import PARAGRAPH_RE as _PARAGRAPH_RE
from tollbook.extract.grammar.segment_patterns import ROW_RE as _ROW_RE
from tollbook.model import Segment

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))
SHORT_LINE = 50
#: Longest sentence: text with no sentence break (a dump without punctuation, a table run
#: together) is cut before this many characters, at the last space, so that the per-sentence
#: work of the rules stays bounded and a document's cost linear in its length (5 MB without a
#: break ran over 600 s). Written sentences are far shorter, so they are never cut.
MAX_SENTENCE = 2000


def paragraphs(text: str) -> list[Segment]:
    """Blocks separated by blank lines."""
    out: list[Segment] = []
    pos = 0
    for m in _PARAGRAPH_RE.finditer(text):
        _add_trimmed(out, "paragraph", text, pos, m.start())
        pos = m.end()
    _add_trimmed(out, "paragraph", text, pos, len(text))
    return out


def _add_trimmed(out: list[Segment], kind: str, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Segment(kind=kind, start=start, end=end, text=text[start:end]))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentences of text[start:end] (one paragraph), with absolute offsets."""
    stop = len(text) if end is None else end
    cuts: list[int] = []
    for m in _BOUNDARY_RE.finditer(text, start, stop):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
            continue
        cuts.append(m.end(2))
    # A line break closes a sentence after punctuation or after a short title-like line.
    line_start = start
    for m in re.finditer(r"\n", text[start:stop]):
        nl = start + m.start()
        line = text[line_start:nl]
        nxt = text[nl + 1 : nl + 3].lstrip()
        if line.strip() and (
            _LINE_END_CLOSES.search(line)
            or (len(line.strip()) < SHORT_LINE and nxt[:1].isupper() and not line.rstrip().endswith(","))
        ):
            cuts.append(nl)
        line_start = nl + 1
    out: list[Segment] = []
    pos = start
    for cut in [*sorted(set(cuts)), stop]:
        for piece in _bounded(text, pos, cut):
            _add_trimmed(out, "sentence", text, pos, piece)
            pos = piece
    return out


def _bounded(text: str, start: int, end: int) -> list[int]:
    """Cut points that split text[start:end] into pieces of at most MAX_SENTENCE characters,
    each at the last whitespace before the limit (mid-word only when a word is that long);
    [end] when it is short enough already. Each character is looked at a bounded number of
    times, so this is linear."""
    out: list[int] = []
    pos = start
    while end - pos > MAX_SENTENCE:
        limit = pos + MAX_SENTENCE
        gap = text.rfind(" ", pos + MAX_SENTENCE // 2, limit)
        if gap < 0:
            gap = max(text.rfind("\n", pos + MAX_SENTENCE // 2, limit),
                      text.rfind("\t", pos + MAX_SENTENCE // 2, limit))  # fmt: skip
        cut = gap + 1 if gap > pos else limit
        out.append(cut)
        pos = cut
    out.append(end)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1:  # an initial: "J. Smith"
        return True
    return word in _ABBREVIATIONS


def rows(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Items of inline lists ("Label: value; Label: value;") and bulleted lines."""
    stop = len(text) if end is None else end
    chunk = text[start:stop]
    out: list[Segment] = []
    for line in re.finditer(r"[^\n]+", chunk):
        body = line.group(0)
        if body.count(";") >= 1 and body.count(":") >= 2:
            for m in _ROW_RE.finditer(body):
                s = start + line.start() + m.start("row")
                out.append(Segment(kind="row", start=s, end=s + len(m.group("row")), text=m.group("row")))
    for m in _BULLET_RE.finditer(chunk):
        s = start + m.start("row")
        out.append(Segment(kind="row", start=s, end=s + len(m.group("row")), text=m.group("row")))
    return sorted(out, key=lambda seg: seg.start)


def quotations(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Quoted passages (the words inside the marks), curly or straight, possibly multi-line."""
    stop = len(text) if end is None else end
    out: list[Segment] = []
    for open_q, close_q in QUOTE_PAIRS:
        pos = start
        while True:
            i = text.find(open_q, pos, stop)
            if i < 0:
                break
            j = text.find(close_q, i + 1, stop)
            if j < 0:
                break
            if j - i > 1:
                out.append(Segment(kind="quote", start=i + 1, end=j, text=text[i + 1 : j]))
            pos = j + 1
    return sorted(out, key=lambda seg: seg.start)


def segment(text: str) -> tuple[Segment, ...]:
    """Every segment of a document, ordered by start then kind."""
    out: list[Segment] = []
    for para in paragraphs(text):
        out.append(para)
        out.extend(sentences(text, para.start, para.end))
        out.extend(rows(text, para.start, para.end))
    out.extend(quotations(text))
    order = {"paragraph": 0, "sentence": 1, "quote": 2, "row": 3}
    return tuple(sorted(out, key=lambda s: (s.start, order[s.kind], -s.end)))
