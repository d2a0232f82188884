"""Hidden tests for exercise 6: curves equal to an independent Optuna run, statistics equal
to SciPy's."""

import numpy as np
import optuna
import pytest
from scipy import stats

from icsc_hpo_pathologies.toy_objectives import sphere_objective


@pytest.mark.points(2)
@pytest.mark.parametrize("sampler", ["random", "tpe"])
def test_curves_equal_an_independent_run(exercise, sampler):
    ex = exercise("ex06_tune_the_tuner")
    curves = ex.compare_samplers("sphere", [sampler], n_trials=15, seeds=[3, 4])
    factory = {"random": optuna.samplers.RandomSampler, "tpe": optuna.samplers.TPESampler}
    for row, seed in zip(curves[sampler], (3, 4), strict=True):
        study = optuna.create_study(sampler=factory[sampler](seed=seed))
        study.optimize(sphere_objective, n_trials=15)
        expected = np.minimum.accumulate([t.value for t in study.trials])
        np.testing.assert_allclose(row, expected, rtol=0, atol=0)  # same seed, same points


@pytest.mark.points(2)
def test_summary_statistics_match_scipy(exercise):
    ex = exercise("ex06_tune_the_tuner")
    rng = np.random.default_rng(5)
    curves = {
        "a": np.sort(rng.normal(1.0, 0.3, size=(7, 4)), axis=1)[:, ::-1],
        "b": np.sort(rng.normal(1.4, 0.3, size=(7, 4)), axis=1)[:, ::-1],
        "c": np.sort(rng.normal(2.0, 0.3, size=(7, 4)), axis=1)[:, ::-1],
    }
    summary = ex.summarise(curves)
    finals = {name: curve[:, -1] for name, curve in curves.items()}
    assert summary["winner"] == "a"
    assert summary["runner_up"] == "b"
    assert summary["median"] == pytest.approx({k: np.median(v) for k, v in finals.items()})
    test = stats.mannwhitneyu(finals["a"], finals["b"], alternative="less")
    assert summary["p_value"] == pytest.approx(test.pvalue, rel=1e-9)
    # SciPy's U counts pairs where a > b (ties 1/2): the winner's share is 1 - U / (n m).
    assert summary["win_probability"] == pytest.approx(1 - test.statistic / 49, abs=1e-12)


def test_maximisation_flips_the_ranking(exercise):
    ex = exercise("ex06_tune_the_tuner")
    curves = {"low": np.array([[0.1], [0.2], [0.3]]), "high": np.array([[0.7], [0.8], [0.9]])}
    summary = ex.summarise(curves, direction="maximize")
    assert summary["winner"] == "high"
    assert summary["win_probability"] == 1.0
    test = stats.mannwhitneyu([0.7, 0.8, 0.9], [0.1, 0.2, 0.3], alternative="greater")
    assert summary["p_value"] == pytest.approx(test.pvalue, rel=1e-9)


@pytest.mark.points(2)
def test_model_based_samplers_beat_random_search_on_the_sphere(exercise):
    ex = exercise("ex06_tune_the_tuner")
    curves = ex.compare_samplers("sphere", ["random", "tpe", "cmaes"], n_trials=30, seeds=range(5))
    summary = ex.summarise(curves)
    # After their start-up trials TPE and CMA-ES home in on the bowl; random search does not.
    assert summary["winner"] != "random"
    assert np.all(curves["random"][:, -1] >= 0)  # the sphere's minimum is 0


def test_bad_inputs_are_refused(exercise):
    ex = exercise("ex06_tune_the_tuner")
    with pytest.raises(ValueError, match="nan or inf"):
        ex.best_so_far([1.0, float("nan")])
    with pytest.raises(ValueError, match="empty"):
        ex.best_so_far([])
    with pytest.raises(ValueError, match="two samplers"):
        ex.summarise({"only": np.ones((3, 4))})
    with pytest.raises(ValueError, match="nan or inf"):
        ex.summarise({"a": np.ones((3, 4)), "b": np.full((3, 4), np.inf)})
    with pytest.raises(ValueError, match="unknown toy problem"):
        ex.compare_samplers("everest", ["random"], n_trials=3, seeds=[0])
    with pytest.raises(ValueError, match="duplicates"):
        ex.compare_samplers("sphere", ["tpe", "tpe"], n_trials=3, seeds=[0])
