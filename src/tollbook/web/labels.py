"""Text labels of the inline SVG charts and maps -> boxes that never overlap.

Input: label texts with the point they belong to, the chart's size and the boxes already taken
(points, tick labels). Output: each label's position and anchor, or None when no candidate
position is free, so the drawing never shows two labels on top of each other.

Text width is estimated from the character count times the font size (no font metrics on the
server): `EM_PER_CHAR` is the widest average advance of the digits, commas and Latin letters the
labels hold in the fonts browsers fall back to (DejaVu Sans digits are 0.636 em), so the estimate
errs on the wide side and boxes that do not overlap here do not overlap on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

EM_PER_CHAR = 0.65
ASCENT, DESCENT = 0.8, 0.25  # of the font size, above and below the baseline
GAP = 2.0  # the least space between two boxes, in chart units

Anchor = Literal["start", "middle", "end"]


def text_width(text: str, size: float) -> float:
    return len(text) * size * EM_PER_CHAR


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (self.left < other.right + gap and other.left < self.right + gap
                and self.top < other.bottom + gap and other.top < self.bottom + gap)  # fmt: skip

    def within(self, outer: Box) -> bool:
        return (self.left >= outer.left and self.right <= outer.right
                and self.top >= outer.top and self.bottom <= outer.bottom)  # fmt: skip


def around(x: float, y: float, r: float) -> Box:
    """The box of a circle (a chart point) of radius r."""
    return Box(x - r, y - r, x + r, y + r)


@dataclass(frozen=True, slots=True)
class Label:
    """SVG <text>: (x, y) is the baseline point the anchor refers to."""

    x: float
    y: float
    text: str
    anchor: Anchor = "start"
    size: float = 11.0

    @property
    def box(self) -> Box:
        w = text_width(self.text, self.size)
        left = self.x - {"start": 0.0, "middle": w / 2, "end": w}[self.anchor]
        return Box(left, self.y - self.size * ASCENT, left + w, self.y + self.size * DESCENT)


def point_candidates(text: str, x: float, y: float, r: float, size: float) -> list[Label]:
    """Where a point's label may go, best first: above right (the usual place), above left,
    below right, below left, then level with the point on either side."""
    dx, dy = r + size * 0.3, r + size * 0.1
    above, below, level = y - dy, y + dy + size * ASCENT, y + size * (ASCENT - DESCENT) / 2
    return [Label(x + dx, above, text, "start", size), Label(x - dx, above, text, "end", size),
            Label(x + dx, below, text, "start", size), Label(x - dx, below, text, "end", size),
            Label(x + dx, level, text, "start", size), Label(x - dx, level, text, "end", size)]  # fmt: skip


def place(
    candidates: Sequence[Label], bounds: Box, taken: list[Box], gap: float = GAP
) -> Label | None:
    """The first candidate inside bounds that keeps `gap` from every taken box; its box joins
    `taken`."""
    for label in candidates:
        box = label.box
        if box.within(bounds) and not any(box.overlaps(t, gap) for t in taken):
            taken.append(box)
            return label
    return None


def thin_step(labels: Sequence[Label], bounds: Box) -> int | None:
    """The smallest k such that every k-th tick label fits in bounds and overlaps none of the
    others (regular spacing reads better than dropping whichever label collides); None when
    not even one fits."""
    for k in range(1, len(labels) + 1):
        kept = [lab.box for lab in labels[::k]]
        if all(b.within(bounds) for b in kept) and not any_overlap(kept, 2 * GAP):
            return k
    return None


def any_overlap(boxes: Iterable[Box], gap: float = 0.0) -> bool:
    seen: list[Box] = []
    for b in boxes:
        if any(b.overlaps(s, gap) for s in seen):
            return True
        seen.append(b)
    return False
