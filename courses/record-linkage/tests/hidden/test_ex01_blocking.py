"""Hidden tests for exercise 1: hand-computed cases, prefixes, bad input."""

import pytest

from icsc_record_linkage.register import make_register, true_match_pairs


def test_tiny_register_by_hand(exercise):
    ex = exercise("ex01_blocking")
    names = ["HP", "Hewlett-Packard Ltd.", "Ferrari S.p.A.", "FERRARI", "Bayer AG"]
    # Keys: {hp, #hp}, {hewl, pack, #hp}, {ferr}, {ferr}, {baye, #bayer}.
    assert [tuple(p) for p in ex.candidate_pairs(names)] == [(0, 1), (2, 3)]
    entities = [0, 0, 1, 1, 2]
    assert ex.pair_completeness([(0, 1)], entities) == pytest.approx(0.5)
    assert ex.pair_completeness([], [0, 1, 2]) == 1.0
    assert ex.reduction_ratio(2, 5) == pytest.approx(0.8)


def test_shorter_prefix_finds_more_candidates_and_keeps_them(exercise):
    ex = exercise("ex01_blocking")
    register = make_register(80, seed=5)
    truth = true_match_pairs(register.entities)
    three = {tuple(p) for p in ex.candidate_pairs(register.names, 3)}
    four = {tuple(p) for p in ex.candidate_pairs(register.names, 4)}
    assert four <= three
    assert len(truth & three) >= len(truth & four)
    assert ex.blocking_keys("Bayerische Motoren Werke AG", prefix=2) == {"ba", "mo", "we", "#bmw"}


def test_bad_arguments(exercise):
    ex = exercise("ex01_blocking")
    with pytest.raises(ValueError, match="prefix"):
        ex.blocking_keys("Ferrari", prefix=0)
    with pytest.raises(ValueError, match="bad candidate pair"):
        ex.pair_completeness([(2, 1)], [0, 0, 0])
    with pytest.raises(ValueError, match="bad candidate pair"):
        ex.pair_completeness([(0, 3)], [0, 0, 0])
