"""The course library: data, models, history, training loop, catalogue, toy objectives."""

import math
from dataclasses import replace

import numpy as np
import pytest
import torch

from icsc_hpo_pathologies import catalogue
from icsc_hpo_pathologies.data import DataSpec, make_dataset
from icsc_hpo_pathologies.history import PER_EPOCH_FIELDS, History
from icsc_hpo_pathologies.models import ModelSpec, activation_modules, build_model, linear_layers
from icsc_hpo_pathologies.toy_objectives import PROBLEMS, SPHERE_SHIFT, problem
from icsc_hpo_pathologies.training import RunConfig, TrainSpec, model_outputs, train


def test_data_sets_are_seeded_standardised_float32():
    spec = DataSpec("imbalanced", n_train=800, n_val=800, n_features=8, minority_fraction=0.05)
    first, second = make_dataset(spec), make_dataset(spec)
    np.testing.assert_array_equal(first.X_train, second.X_train)
    assert first.X_train.dtype == np.float32
    assert first.X_train.shape == (800, 8)
    # Standardised with training statistics: mean 0 and std 1 to float32 rounding.
    np.testing.assert_allclose(first.X_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(first.X_train.std(axis=0), 1, atol=1e-4)
    # make_classification's `weights` sets the class share (up to rounding of counts).
    assert abs(first.y_train.mean() - 0.05) < 0.01
    manifold = make_dataset(DataSpec("manifold", n_features=10))
    assert manifold.task == "reconstruction"
    np.testing.assert_array_equal(manifold.y_val, manifold.X_val)


def test_bad_specs_are_refused():
    with pytest.raises(ValueError, match="unknown data kind"):
        DataSpec("mnist")
    with pytest.raises(ValueError, match="unknown activation"):
        ModelSpec(activation="swish")
    with pytest.raises(ValueError, match="unknown optimizer"):
        TrainSpec(optimizer="lbfgs")
    with pytest.raises(ValueError, match="exactly the keys"):
        RunConfig.from_dict({"data": {}, "model": {}})
    with pytest.raises(TypeError, match="DataSpec"):
        make_dataset({"kind": "moons"})


def test_he_initialisation_has_the_documented_variance():
    torch.manual_seed(0)
    model = build_model(ModelSpec(hidden=(512, 512), init="he"), n_inputs=256, n_outputs=1)
    hidden = linear_layers(model)[1].weight.detach()
    # 512 x 512 samples of N(0, 2/512): the sample std is within ~1 % of sqrt(2/512).
    assert float(hidden.std()) == pytest.approx(math.sqrt(2 / 512), rel=0.02)
    assert len(activation_modules(model)) == 2


def test_autoencoder_shapes():
    model = build_model(ModelSpec(kind="autoencoder", hidden=(8,), latent=3), 10, 10)
    x = torch.zeros(4, 10)
    assert model.encode(x).shape == (4, 3)
    assert model(x).shape == (4, 10)


def test_history_round_trip_and_validation():
    history = History(task="binary", metric_name="accuracy")
    with pytest.raises(ValueError, match="empty"):
        history.validate()
    values = dict.fromkeys(PER_EPOCH_FIELDS, 0.5)
    values.update(layer_grad_norms=[1.0, 2.0], dead_fraction=[0.0], saturated_fraction=[0.0],
                  activation_std=[1.0])  # fmt: skip
    history.append(**values)
    with pytest.raises(ValueError, match="exactly"):
        history.append(train_loss=1.0)
    again = History.coerce(history.to_dict())
    assert again == history
    assert again.layer_grad_norms == [(1.0, 2.0)]
    with pytest.raises(TypeError, match="History"):
        History.coerce([1, 2])


def test_training_is_reproducible_and_recorded():
    config = replace(catalogue.entry("healthy_classifier", 3).config)
    first, second = train(config), train(config)
    assert first.history == second.history
    h = first.history
    assert h.epochs == config.train.epochs == len(h.layer_grad_norms)
    assert len(h.layer_grad_norms[0]) == 3
    assert len(h.dead_fraction[0]) == 2
    # The recorded validation metric is the accuracy of the returned model.
    logits = model_outputs(first.model, first.data.X_val)
    assert h.val_metric[-1] == pytest.approx(np.mean((logits > 0) == first.data.y_val))


def test_early_stopping_restores_the_best_weights():
    config = catalogue.entry("overfitting", 0).config
    run = train(replace(config, train=replace(config.train, early_stopping=3)))
    h = run.history
    assert h.stop_reason == "early_stopping"
    assert h.epochs == h.best_epoch + 4  # patience 3: three epochs without improvement
    y = run.data.y_val
    p = 1 / (1 + np.exp(-model_outputs(run.model, run.data.X_val)))
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert loss == pytest.approx(h.val_loss[h.best_epoch], rel=1e-4)


def test_a_callback_exception_stops_training():
    class Stop(Exception):
        pass

    def stop_at_two(epoch, history):
        if epoch == 2:
            raise Stop

    with pytest.raises(Stop):
        train(catalogue.entry("healthy_classifier", 0).config, on_epoch_end=stop_at_two)


def test_catalogue_promises():
    assert [e.name for e in catalogue.entries(0)] == [*catalogue.PATHOLOGIES, *catalogue.HEALTHY]
    with pytest.raises(ValueError, match="no catalogue entry"):
        catalogue.entry("cosmic_rays")
    diverged = catalogue.entry("divergence", 0).run()
    assert diverged.history.stop_reason == "non_finite_loss"
    assert not math.isfinite(diverged.history.train_loss[-1])
    dead = catalogue.entry("dead_relu", 0).run()
    assert dead.history.dead_fraction[-1] == (1.0, 1.0)
    for e in catalogue.entries(0):
        assert e.description
        assert e.expected <= set(catalogue.PATHOLOGIES)
        assert RunConfig.from_dict(e.config.to_dict()) == e.config


@pytest.mark.parametrize(
    ("name", "point"),
    [
        # The three global minimisers of Branin (Surjanovic & Bingham): f = 0.397887.
        ("branin", {"x1": -math.pi, "x2": 12.275}),
        ("branin", {"x1": math.pi, "x2": 2.275}),
        ("branin", {"x1": 9.42478, "x2": 2.475}),
        ("rosenbrock", {"x": 1.0, "y": 1.0}),
        ("sphere", {f"x{i}": s for i, s in enumerate(SPHERE_SHIFT)}),
    ],
)
def test_toy_problems_reach_their_published_minimum(name, point):
    assert problem(name)(point) == pytest.approx(PROBLEMS[name].minimum, abs=1e-5)


def test_unknown_toy_problem():
    with pytest.raises(ValueError, match="unknown toy problem"):
        problem("ackley")
