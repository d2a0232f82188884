"""Public checks for exercise 4 (an Optuna objective that reports and can be pruned)."""

import pytest

from icsc_hpo_pathologies.catalogue import moons_data


def test_every_epoch_is_reported_when_nothing_is_pruned(exercise):
    ex = exercise("ex04_pruning")
    records = ex.tune(moons_data(0).to_dict(), n_trials=2, pruner="none", epochs=3, seed=0)
    assert [r["state"] for r in records] == ["COMPLETE", "COMPLETE"]
    for record in records:
        assert sorted(record["intermediate"]) == [0, 1, 2]
        assert record["value"] == record["intermediate"][2]


def test_an_unknown_pruner_is_refused(exercise):
    ex = exercise("ex04_pruning")
    with pytest.raises(ValueError, match="unknown pruner"):
        ex.tune(moons_data(0).to_dict(), n_trials=1, pruner="guillotine", epochs=1)
