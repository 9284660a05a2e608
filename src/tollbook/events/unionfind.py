"""Items joined pairwise -> disjoint sets, each named by its earliest item (union-find).

The one union-find of the event stages: claims of one document joined into incidents
(`events.documents`), mentions into events (`events.grouping`), documents into clusters of
copies (`events.origins`). `Forest(items, key)` starts each item as a set of its own (an item
first seen by `find` or `union` joins as one too); `union(a, b)` joins two sets and keeps as
root the one whose root comes first by `key` (a tie keeps a's), so the sets and their names do
not depend on the order the unions come in. `find` halves the path it walks.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

__all__ = ["Forest"]

T = TypeVar("T", bound=Hashable)


class Forest(Generic[T]):
    """Disjoint sets of items; the root of each is its earliest item by `key`."""

    __slots__ = ("_key", "_parent")

    def __init__(self, items: Iterable[T] = (), *, key: Callable[[T], int]) -> None:
        self._parent: dict[T, T] = {x: x for x in items}
        self._key = key

    def find(self, x: T) -> T:
        """The root of x's set (x joins as its own set when new)."""
        parent = self._parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> T | None:
        """Join a's and b's sets; return the root kept, or None when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        lo, hi = (rb, ra) if self._key(rb) < self._key(ra) else (ra, rb)
        self._parent[hi] = lo
        return lo

    def __iter__(self) -> Iterator[T]:
        """Every item seen, in the order it was first seen."""
        return iter(self._parent)
