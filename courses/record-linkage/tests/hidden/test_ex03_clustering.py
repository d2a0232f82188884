"""Hidden tests for exercise 3: what is cut and what is kept, bad input."""

import pytest

# Two triangles {0, 1, 2} and {3, 4, 5} joined by the weak bridge (2, 3); record 6 hangs
# on 5 by a weak edge; (7, 8) is a weak isolated pair.
PAIRS = [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5), (5, 6), (7, 8)]
SCORES = [0.9, 0.9, 0.9, 0.55, 0.9, 0.9, 0.9, 0.55, 0.55]


def test_weak_bridge_between_groups_is_cut_but_a_lone_record_stays(exercise):
    ex = exercise("ex03_clustering")
    assert ex.connected_clusters(9, PAIRS, SCORES, 0.5) == [0, 0, 0, 0, 0, 0, 0, 7, 7]
    assert ex.cut_weak_bridges(9, PAIRS, SCORES, 0.5, 0.7) == [0, 0, 0, 3, 3, 3, 3, 7, 7]
    # A strong bridge is kept.
    strong = [0.9 if p == (2, 3) else s for p, s in zip(PAIRS, SCORES, strict=True)]
    assert ex.cut_weak_bridges(9, PAIRS, strong, 0.5, 0.7) == [0, 0, 0, 0, 0, 0, 0, 7, 7]
    # A bridge inside a triangle does not exist: a weak triangle edge stays.
    weak_triangle = [0.55 if p == (0, 1) else s for p, s in zip(PAIRS, SCORES, strict=True)]
    assert ex.cut_weak_bridges(9, PAIRS, weak_triangle, 0.5, 0.7)[:3] == [0, 0, 0]


def test_no_pairs_gives_singletons(exercise):
    ex = exercise("ex03_clustering")
    assert ex.connected_clusters(3, [], [], 0.5) == [0, 1, 2]
    assert ex.cut_weak_bridges(3, [], [], 0.5, 0.6) == [0, 1, 2]


def test_bad_arguments(exercise):
    ex = exercise("ex03_clustering")
    with pytest.raises(ValueError, match="scores"):
        ex.connected_clusters(3, [(0, 1)], [], 0.5)
    with pytest.raises(ValueError, match="out of range"):
        ex.connected_clusters(3, [(0, 3)], [0.9], 0.5)
    with pytest.raises(ValueError, match="bridge_threshold"):
        ex.cut_weak_bridges(3, [(0, 1)], [0.9], 0.5, 0.4)
