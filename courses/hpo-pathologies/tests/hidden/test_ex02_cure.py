"""Hidden tests for exercise 2: every cure moves its metric, measured with scikit-learn."""

import copy
import math

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, balanced_accuracy_score, log_loss, r2_score

from icsc_hpo_pathologies.catalogue import PATHOLOGIES, entry
from icsc_hpo_pathologies.checks.conftest import sigmoid
from icsc_hpo_pathologies.training import Run, RunConfig, model_outputs, train

DEPTH_KEPT = ("dead_relu", "exploding_gradients", "vanishing_gradients")


def _logits(run: Run) -> np.ndarray:
    return model_outputs(run.model, run.data.X_val)


def _accuracy(run: Run) -> float:
    return accuracy_score(run.data.y_val, _logits(run) > 0)


def _noise_r2(run: Run) -> float:
    noise = np.random.default_rng(2024).standard_normal(run.data.X_val.shape)
    return r2_score(noise, model_outputs(run.model, noise), multioutput="variance_weighted")


def _data_r2(run: Run) -> float:
    X = run.data.X_val
    return r2_score(X, model_outputs(run.model, X), multioutput="variance_weighted")


def _dead_fraction(run: Run) -> float:
    """Worst hidden layer's share of ReLU units silent on every validation sample,
    recomputed here with forward hooks (not read from the history)."""
    outputs = []
    hooks = [
        module.register_forward_hook(lambda _m, _i, out: outputs.append(out.detach()))
        for module in run.model.modules()
        if type(module).__name__ in ("ReLU", "LeakyReLU")
    ]
    model_outputs(run.model, run.data.X_val)
    for hook in hooks:
        hook.remove()
    return max((float((out == 0).all(dim=0).float().mean()) for out in outputs), default=0.0)


# What must move, and how far (reference values: seed 0 of the catalogue, reference cure).
def _check_overfitting(broken: Run, cured: Run) -> None:
    y = broken.data.y_val
    before = log_loss(y, sigmoid(_logits(broken)))  # ~5.4: confident and often wrong
    after = log_loss(y, sigmoid(_logits(cured)))  # ~0.57
    assert after < 0.5 * before
    assert after < math.log(2)  # better than the constant guess p = 1/2
    assert _accuracy(cured) >= _accuracy(broken) - 0.02  # not bought with accuracy


def _check_majority_class(broken: Run, cured: Run) -> None:
    y = broken.data.y_val
    assert balanced_accuracy_score(y, _logits(broken) > 0) == pytest.approx(0.5)
    assert balanced_accuracy_score(y, _logits(cured) > 0) > 0.7  # reference 0.83


def _check_dead_relu(broken: Run, cured: Run) -> None:
    assert _dead_fraction(broken) == 1.0
    assert _dead_fraction(cured) < 0.5  # reference 0.09
    assert _accuracy(cured) > 0.85  # reference 0.94; the broken run scores 0.5


def _check_exploding_gradients(broken: Run, cured: Run) -> None:
    assert max(cured.history.grad_norm_max) < max(broken.history.grad_norm_max) / 10
    assert _accuracy(cured) > 0.85  # reference 0.92


def _check_vanishing_gradients(broken: Run, cured: Run) -> None:
    ratio = np.min(cured.history.layer_grad_norms[0]) / np.max(cured.history.layer_grad_norms[0])
    assert ratio > 1e-2  # broken: ~1e-8
    assert _accuracy(cured) > 0.85  # broken: 0.5


def _check_identity_mapping(broken: Run, cured: Run) -> None:
    assert _noise_r2(broken) > 0.4
    assert _noise_r2(cured) < 0.2  # reference ~0
    assert _data_r2(cured) > 0.9  # still reconstructs the data (reference 0.99)


def _check_ae_collapse(broken: Run, cured: Run) -> None:
    assert _data_r2(broken) < 0.05
    assert _data_r2(cured) > 0.9  # reference 0.99


def _check_divergence(broken: Run, cured: Run) -> None:
    assert not np.all(np.isfinite(broken.history.train_loss))
    assert np.all(np.isfinite(cured.history.train_loss))
    assert r2_score(cured.data.y_val, _logits(cured)) > 0.85  # reference 0.98


CHECKS = {name: globals()[f"_check_{name}"] for name in PATHOLOGIES}


@pytest.mark.points(2)
@pytest.mark.parametrize("name", PATHOLOGIES)
def test_the_cure_moves_the_metric(exercise, trained, name):
    ex = exercise("ex02_cure")
    config = entry(name, 0).config.to_dict()
    cured_config = RunConfig.from_dict(ex.cure(name, copy.deepcopy(config)))
    broken = trained(name, 0)
    assert cured_config.data == broken.config.data, "the data must not change"
    assert cured_config.seed == broken.config.seed, "the seed must not change"
    assert cured_config.model.kind == broken.config.model.kind
    if name in DEPTH_KEPT:
        assert len(cured_config.model.hidden) == len(broken.config.model.hidden)
    CHECKS[name](broken, train(cured_config))


def test_the_input_config_is_not_modified(exercise):
    ex = exercise("ex02_cure")
    config = entry("overfitting", 0).config.to_dict()
    original = copy.deepcopy(config)
    ex.cure("overfitting", config)
    assert config == original


def test_a_config_that_is_not_a_dict_is_refused(exercise):
    ex = exercise("ex02_cure")
    with pytest.raises(TypeError, match="dict"):
        ex.cure("overfitting", "lr=0.1")
