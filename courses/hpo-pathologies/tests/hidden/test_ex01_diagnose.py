"""Hidden tests for exercise 1: the whole catalogue, two seeds, no false alarms."""

import math

import numpy as np
import pytest
from sklearn.metrics import r2_score

from icsc_hpo_pathologies.catalogue import HEALTHY, PATHOLOGIES, entry
from icsc_hpo_pathologies.checks.conftest import plain
from icsc_hpo_pathologies.history import History

SEEDS = (0, 1)


def _history(train_loss, val_loss, train_metric, val_metric, grad_norm_max=1.0):
    history = History(task="binary", metric_name="accuracy")
    for values in zip(train_loss, val_loss, train_metric, val_metric, strict=True):
        history.append(
            train_loss=values[0], val_loss=values[1], train_metric=values[2],
            val_metric=values[3], grad_norm=1.0, grad_norm_max=grad_norm_max,
            layer_grad_norms=(0.5, 1.0), dead_fraction=(0.0,), saturated_fraction=(0.0,),
            activation_std=(1.0,), lr=0.01,
        )  # fmt: skip
    return history.to_dict()


def _refuses_an_empty_history(ex) -> None:
    """Cheap first check of every catalogue case: an unfinished ``diagnose`` fails here,
    before the case trains its network (which keeps the stub run of the suite short)."""
    empty = History(task="binary", metric_name="accuracy").to_dict()
    data = {"task": "binary", "X_val": np.zeros((4, 2)), "y_val": np.array([0.0, 1, 0, 1])}
    with pytest.raises(ValueError, match="empty"):
        ex.diagnose(empty, lambda X: np.zeros(len(X)), data)


@pytest.mark.points(2)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", PATHOLOGIES)
def test_each_broken_run_is_named(exercise, trained, name, seed):
    ex = exercise("ex01_diagnose")
    _refuses_an_empty_history(ex)
    case = entry(name, seed)
    found = set(ex.diagnose(*plain(trained(name, seed))))
    assert case.expected <= found, f"{name} (seed {seed}) not recognised: got {sorted(found)}"
    extra = found - case.expected - case.tolerated
    assert not extra, f"{name} (seed {seed}): unexpected {sorted(extra)}"


@pytest.mark.points(2)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", HEALTHY)
def test_healthy_runs_raise_no_alarm(exercise, trained, name, seed):
    ex = exercise("ex01_diagnose")
    _refuses_an_empty_history(ex)
    assert set(ex.diagnose(*plain(trained(name, seed)))) == set()


def test_dead_unit_fraction_is_the_worst_layer_at_the_end(exercise, trained):
    ex = exercise("ex01_diagnose")
    run = trained("dead_relu", 0)
    assert ex.dead_unit_fraction(run.history.to_dict()) == pytest.approx(
        max(run.history.dead_fraction[-1])
    )


def test_loss_growing_tenfold_is_divergence(exercise):
    ex = exercise("ex01_diagnose")
    growing = _history([1.0, 5.0, 20.0], [1.0, 5.0, 20.0], [0.5] * 3, [0.5] * 3)
    steady = _history([1.0, 0.8, 0.7], [1.0, 0.8, 0.7], [0.6] * 3, [0.6] * 3)
    infinite = _history([1.0, math.inf], [1.0, 1.0], [0.5] * 2, [0.5] * 2)
    assert ex.diverged(growing)
    assert not ex.diverged(steady)
    assert ex.diverged(infinite)


def test_overfitting_needs_both_a_rising_val_loss_and_a_gap(exercise):
    ex = exercise("ex01_diagnose")
    rising_no_gap = _history([1.0, 0.5, 0.3], [1.0, 0.5, 0.9], [0.8] * 3, [0.8] * 3)
    gap_no_rise = _history([1.0, 0.5, 0.1], [1.0, 0.5, 0.5], [1.0] * 3, [0.7] * 3)
    both = _history([1.0, 0.5, 0.1], [1.0, 0.5, 0.9], [1.0] * 3, [0.7] * 3)
    assert not ex.overfitted(rising_no_gap)
    assert not ex.overfitted(gap_no_rise)
    assert ex.overfitted(both)


def test_reconstruction_r2_matches_sklearn(exercise, trained):
    ex = exercise("ex01_diagnose")
    _, predict, data = plain(trained("healthy_autoencoder", 0))
    X = data["X_val"].astype(float)
    expected = r2_score(X, predict(X), multioutput="variance_weighted")
    # Same sums in a different order: agreement to ~1e-12 relative.
    assert ex.reconstruction_r2(predict, X) == pytest.approx(expected, rel=1e-9)


def test_single_class_detector_on_the_majority_run(exercise, trained):
    ex = exercise("ex01_diagnose")
    _, predict, data = plain(trained("majority_class", 0))
    assert np.mean(predict(data["X_val"]) > 0) == 0.0  # the catalogue's promise
    assert ex.predicts_single_class(predict, data)
    _, predict, data = plain(trained("healthy_imbalanced", 0))
    assert not ex.predicts_single_class(predict, data)


def test_no_usable_gradient_gives_nan_ratio(exercise, trained):
    ex = exercise("ex01_diagnose")
    history = trained("dead_relu", 0).history
    assert max(history.layer_grad_norms[0]) == 0.0  # no ReLU fires: no gradient at all
    assert math.isnan(ex.gradient_depth_ratio(history.to_dict(), 0))


def test_bad_inputs_are_refused(exercise, trained):
    ex = exercise("ex01_diagnose")
    history, predict, data = plain(trained("healthy_regression", 0))
    with pytest.raises(TypeError, match="History"):
        ex.diagnose([0.1, 0.2], predict, data)
    with pytest.raises(ValueError, match="binary"):
        ex.predicts_single_class(predict, data)
    with pytest.raises(ValueError, match="shape"):
        ex.reconstruction_r2(predict, np.zeros(5))
    with pytest.raises(IndexError):
        ex.gradient_depth_ratio(history, 99)
