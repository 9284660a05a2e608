"""model.overlaps: the one test every reading makes before taking a span (end-exclusive)."""

from tollbook.model import overlaps


def test_touching_spans_do_not_overlap() -> None:
    assert not overlaps(5, 10, [(0, 5), (10, 12)])


def test_one_shared_character_overlaps() -> None:
    assert overlaps(5, 10, [(0, 6)])
    assert overlaps(5, 10, [(9, 20)])


def test_containment_either_way_overlaps() -> None:
    assert overlaps(5, 10, [(0, 20)])
    assert overlaps(0, 20, [(5, 10)])


def test_no_spans_no_overlap() -> None:
    assert not overlaps(5, 10, [])
    assert not overlaps(5, 10, iter(()))
