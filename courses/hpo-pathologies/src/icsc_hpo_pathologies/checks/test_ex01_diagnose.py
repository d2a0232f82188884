"""Public checks for exercise 1 (diagnose a run from its history, model and data)."""

import math

import pytest

from icsc_hpo_pathologies.checks.conftest import plain
from icsc_hpo_pathologies.history import History


def _history(layer_norms: list[tuple[float, ...]], train_loss: list[float]) -> dict:
    """A hand-made history: only the losses and the per-layer gradient norms vary."""
    history = History(task="binary", metric_name="accuracy")
    for norms, loss in zip(layer_norms, train_loss, strict=True):
        history.append(
            train_loss=loss, val_loss=loss, train_metric=0.9, val_metric=0.9,
            grad_norm=1.0, grad_norm_max=1.0, layer_grad_norms=norms, dead_fraction=(0.0,),
            saturated_fraction=(0.0,), activation_std=(1.0,), lr=0.01,
        )  # fmt: skip
    return history.to_dict()


def test_a_healthy_classifier_has_no_pathology(exercise, trained):
    ex = exercise("ex01_diagnose")
    assert ex.diagnose(*plain(trained("healthy_classifier", 0))) == set()


def test_a_nan_loss_is_divergence(exercise, trained):
    ex = exercise("ex01_diagnose")
    run = trained("divergence", 0)
    assert not math.isfinite(run.history.train_loss[-1])  # the catalogue's promise
    assert "divergence" in ex.diagnose(*plain(run))


def test_depth_ratio_is_smallest_over_largest_layer_norm(exercise):
    ex = exercise("ex01_diagnose")
    history = _history([(1e-6, 1e-2, 0.5), (1.0, 1.0, 1.0)], [0.7, 0.6])
    # Two exact divisions of floats: equal to rounding.
    assert ex.gradient_depth_ratio(history, 0) == pytest.approx(2e-6, rel=1e-12)
    assert ex.gradient_depth_ratio(history, 1) == pytest.approx(1.0, rel=1e-12)


def test_an_empty_history_is_refused(exercise, trained):
    ex = exercise("ex01_diagnose")
    _, predict, data = plain(trained("healthy_classifier", 0))
    empty = History(task="binary", metric_name="accuracy").to_dict()
    with pytest.raises(ValueError, match="empty"):
        ex.diagnose(empty, predict, data)
