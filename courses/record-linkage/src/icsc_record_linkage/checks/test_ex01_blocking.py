"""Public checks for exercise 1: blocking keys, candidate pairs, PC and RR."""

import itertools

import pytest

from icsc_record_linkage.normalize import tokens


def test_blocking_keys_of_the_documented_examples(exercise):
    ex = exercise("ex01_blocking")
    assert ex.blocking_keys("Hewlett-Packard Ltd.") == {"hewl", "pack", "#hp"}
    assert ex.blocking_keys("HP") == {"hp", "#hp"}
    assert ex.blocking_keys("GmbH") == set()


@pytest.mark.points(2)
def test_candidates_are_exactly_the_pairs_sharing_a_key(exercise, small_register):
    ex = exercise("ex01_blocking")
    names = small_register.names
    found = ex.candidate_pairs(names)
    assert found == sorted(set(found))

    # Independent check: brute force over all n (n - 1) / 2 pairs with the keys written
    # out here from the documented rule.
    def keys(name):
        words = tokens(name)
        out = {w[:4] for w in words}
        if len(words) >= 2:
            out.add("#" + "".join(w[0] for w in words))
        elif len(words) == 1 and len(words[0]) <= 5:
            out.add("#" + words[0])
        return out

    all_keys = [keys(n) for n in names]
    expected = [
        (i, j) for i, j in itertools.combinations(range(len(names)), 2) if all_keys[i] & all_keys[j]
    ]
    assert [tuple(p) for p in found] == expected


def test_pair_completeness_and_reduction_ratio_on_the_register(
    exercise, small_register, small_truth
):
    ex = exercise("ex01_blocking")
    candidates = [tuple(p) for p in ex.candidate_pairs(small_register.names)]
    n = len(small_register)
    expected_pc = len(small_truth & set(candidates)) / len(small_truth)
    assert ex.pair_completeness(candidates, small_register.entities) == pytest.approx(expected_pc)
    assert ex.reduction_ratio(len(candidates), n) == pytest.approx(
        1 - len(candidates) / (n * (n - 1) / 2)
    )
    # Measured 0.93 and 0.97 (seed 0): few matches lost, most comparisons saved.
    assert expected_pc > 0.85
    assert ex.reduction_ratio(len(candidates), n) > 0.9


def test_reduction_ratio_rejects_impossible_counts(exercise):
    ex = exercise("ex01_blocking")
    with pytest.raises(ValueError, match="at least 2 records"):
        ex.reduction_ratio(0, 1)
    with pytest.raises(ValueError, match="n_candidates"):
        ex.reduction_ratio(11, 5)
