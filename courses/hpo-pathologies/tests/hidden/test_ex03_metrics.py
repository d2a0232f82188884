"""Hidden tests for exercise 3: metrics against scikit-learn and SciPy, and the case where
the loss misleads."""

import numpy as np
import pytest
from scipy.optimize import minimize_scalar
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    log_loss,
    roc_auc_score,
)

from icsc_hpo_pathologies.checks.conftest import sigmoid
from icsc_hpo_pathologies.training import model_outputs


def _case(seed: int, n: int = 400, positive: float = 0.1, ties: bool = False):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < positive).astype(int)
    y[:2] = (0, 1)  # both classes, always
    scores = rng.normal(size=n) + 1.5 * y
    if ties:
        scores = np.round(scores)  # a handful of distinct values: many ties
    return y, scores


@pytest.mark.parametrize("seed", range(4))
def test_classification_metrics_match_sklearn(exercise, seed):
    ex = exercise("ex03_metrics")
    y, scores = _case(seed)
    predictions = (scores > 0.8).astype(int)
    # Ratios of integer counts: identical to floating-point rounding.
    assert ex.balanced_accuracy(y, predictions) == pytest.approx(
        balanced_accuracy_score(y, predictions), abs=1e-12
    )
    assert ex.f1(y, predictions) == pytest.approx(f1_score(y, predictions), abs=1e-12)


@pytest.mark.points(2)
@pytest.mark.parametrize("ties", [False, True])
def test_roc_auc_matches_sklearn_with_and_without_ties(exercise, ties):
    ex = exercise("ex03_metrics")
    for seed in range(3):
        y, scores = _case(seed, ties=ties)
        assert ex.roc_auc(y, scores) == pytest.approx(roc_auc_score(y, scores), abs=1e-12)


def test_f1_without_any_positive_prediction_is_zero(exercise):
    ex = exercise("ex03_metrics")
    y = np.array([0, 0, 1, 0, 1])
    zeros = np.zeros(5, dtype=int)
    assert ex.f1(y, zeros) == f1_score(y, zeros, zero_division=0.0) == 0.0


@pytest.mark.points(2)
def test_ece_matches_calibration_curve(exercise):
    ex = exercise("ex03_metrics")
    rng = np.random.default_rng(11)
    probs = rng.random(2000) ** 2  # skewed towards 0, no value on a bin edge
    y = (rng.random(2000) < np.sqrt(probs)).astype(int)  # under-confident predictions
    for n_bins in (5, 10, 15):
        prob_true, prob_pred = calibration_curve(y, probs, n_bins=n_bins, strategy="uniform")
        counts, _ = np.histogram(probs, bins=np.linspace(0, 1, n_bins + 1))
        weights = counts[counts > 0] / probs.size
        expected = float(np.sum(weights * np.abs(prob_true - prob_pred)))
        assert ex.expected_calibration_error(y, probs, n_bins=n_bins) == pytest.approx(
            expected, abs=1e-12
        )


def test_ece_bins_are_closed_on_the_right(exercise):
    ex = exercise("ex03_metrics")
    # 0.5 belongs to the first of two bins, 0 too: bin 1 = {0, 0.5} with labels {0, 1},
    # mean p 0.25, frequency 0.5; bin 2 = {1.0} with label 1: no gap. ECE = 2/3 * 0.25.
    y = np.array([0, 1, 1])
    probs = np.array([0.0, 0.5, 1.0])
    assert ex.expected_calibration_error(y, probs, n_bins=2) == pytest.approx(1 / 6, abs=1e-12)


@pytest.mark.points(2)
def test_temperature_minimises_the_log_loss(exercise, trained):
    ex = exercise("ex03_metrics")
    run = trained("overfitting", 0)  # memorised: hugely over-confident logits
    logits, y = model_outputs(run.model, run.data.X_val), run.data.y_val.astype(int)

    def loss(log_t: float) -> float:
        return log_loss(y, sigmoid(logits / np.exp(log_t)), labels=[0, 1])

    best = minimize_scalar(loss, bounds=(np.log(0.01), np.log(100)), method="bounded",
                           options={"xatol": 1e-8})  # fmt: skip
    temperature = ex.fit_temperature(logits, y)
    assert temperature > 1.0  # over-confident: the fit must soften
    # The loss is flat at its minimum: compare losses tightly, temperatures loosely.
    assert temperature == pytest.approx(np.exp(best.x), rel=1e-3)
    assert loss(np.log(temperature)) == pytest.approx(best.fun, rel=1e-6)


@pytest.mark.points(2)
def test_the_loss_prefers_the_useless_majority_model(exercise, trained):
    ex = exercise("ex03_metrics")
    broken, cured = trained("majority_class", 0), trained("healthy_imbalanced", 0)
    y = broken.data.y_val.astype(int)
    reports = {}
    for label, run in (("broken", broken), ("cured", cured)):
        logits = model_outputs(run.model, run.data.X_val)
        report = ex.report(y, logits)
        # Independent values from scikit-learn.
        assert report["log_loss"] == pytest.approx(log_loss(y, sigmoid(logits)), rel=1e-9)
        assert report["accuracy"] == pytest.approx(accuracy_score(y, logits > 0), abs=1e-12)
        assert report["roc_auc"] == pytest.approx(roc_auc_score(y, logits), abs=1e-12)
        assert set(report) == {"log_loss", "accuracy", "balanced_accuracy", "f1", "roc_auc", "ece"}
        reports[label] = report
    # The story: lower loss and higher accuracy, yet it never finds a positive.
    assert reports["broken"]["log_loss"] < reports["cured"]["log_loss"]
    assert reports["broken"]["accuracy"] > 0.94
    assert reports["broken"]["balanced_accuracy"] == pytest.approx(0.5)
    assert reports["broken"]["f1"] == 0.0
    assert reports["cured"]["balanced_accuracy"] > 0.75


def test_bad_inputs_are_refused(exercise):
    ex = exercise("ex03_metrics")
    y = np.array([0, 1, 1, 0])
    with pytest.raises(ValueError, match="length"):
        ex.f1(y, np.array([0, 1, 1]))
    with pytest.raises(ValueError, match="nan or inf"):
        ex.roc_auc(y, np.array([0.1, np.nan, 0.3, 0.2]))
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        ex.expected_calibration_error(y, np.array([0.1, 1.2, 0.3, 0.2]))
    with pytest.raises(ValueError, match="both classes"):
        ex.roc_auc(np.zeros(4, dtype=int), np.array([0.1, 0.2, 0.3, 0.4]))
    with pytest.raises(ValueError, match="n_bins"):
        ex.expected_calibration_error(y, np.array([0.1, 0.2, 0.3, 0.4]), n_bins=0)
