"""Exercise ex06 — tune the tuner: compare samplers on a fixed budget over several seeds.

One search with one seed says little about a sampler: the same sampler with another seed
can land far better or worse. A fair comparison fixes the budget (number of trials), runs
every sampler with several seeds, and compares the *distributions* of the best value found.

* :func:`make_sampler` — an Optuna sampler by name;
* :func:`best_so_far` — the running best of a sequence of trial values;
* :func:`compare_samplers` — best-so-far curves, one row per seed, for each sampler;
* :func:`summarise` — medians of the final best values, the winner and the runner-up, the
  probability that a run of the winner beats a run of the runner-up, and the one-sided
  Mann-Whitney U p-value of that difference.

The problems are the cheap analytic functions of :mod:`icsc_hpo_pathologies.toy_objectives`
(minimisation), named by a string (``"branin"``, ``"rosenbrock"``, ``"sphere"``); every
study is in memory.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import optuna
from scipy import stats

from icsc_hpo_pathologies.toy_objectives import problem

__all__ = ["SAMPLERS", "best_so_far", "compare_samplers", "make_sampler", "summarise"]

SAMPLERS = ("random", "tpe", "tpe_multivariate", "cmaes", "gp")


def make_sampler(name: str, seed: int) -> optuna.samplers.BaseSampler:
    """A seeded sampler: ``"random"`` (RandomSampler), ``"tpe"`` (TPESampler),
    ``"tpe_multivariate"`` (TPESampler with ``multivariate=True``), ``"cmaes"``
    (CmaEsSampler) or ``"gp"`` (GPSampler, slow). ``ValueError`` for any other name.
    """
    # BEGIN SOLUTION
    # HINT: every Optuna sampler takes seed=...
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_multivariate":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    if name == "gp":
        return optuna.samplers.GPSampler(seed=seed)
    msg = f"unknown sampler {name!r}; known samplers: {', '.join(SAMPLERS)}"
    raise ValueError(msg)
    # END SOLUTION


def best_so_far(values: Sequence[float], direction: str = "minimize") -> np.ndarray:
    """Running best of ``values`` (float64, same length): running minimum for
    ``"minimize"``, maximum for ``"maximize"``.

    Raises ``ValueError`` for an empty sequence, a non-finite value or another direction.
    """
    # BEGIN SOLUTION
    # HINT: np.minimum.accumulate.
    array = np.asarray(values, dtype=float)
    if array.ndim != 1 or array.size == 0:
        msg = "best_so_far needs a non-empty 1-D sequence of values"
        raise ValueError(msg)
    if not np.all(np.isfinite(array)):
        msg = "best_so_far got nan or inf values; failed trials must be removed first"
        raise ValueError(msg)
    if direction == "minimize":
        return np.minimum.accumulate(array)
    if direction == "maximize":
        return np.maximum.accumulate(array)
    msg = f"direction must be 'minimize' or 'maximize', got {direction!r}"
    raise ValueError(msg)
    # END SOLUTION


def compare_samplers(
    problem_name: str, sampler_names: Sequence[str], n_trials: int, seeds: Sequence[int]
) -> dict[str, np.ndarray]:
    """Best-so-far curves of every sampler on the toy problem ``problem_name`` (minimised).

    Returns ``{name: array of shape (len(seeds), n_trials)}``; row ``i`` is an in-memory
    study (direction ``"minimize"``) of ``n_trials`` trials of
    ``toy_objectives.problem(problem_name).objective`` with ``make_sampler(name,
    seeds[i])``. Raises ``ValueError`` for an unknown problem, no samplers, duplicate
    names, no seeds or ``n_trials < 1``, and for an unknown sampler name (before running
    anything).
    """
    # BEGIN SOLUTION
    # HINT: study.trials_dataframe() is not needed: [t.value for t in study.trials].
    names = list(sampler_names)
    if not names or len(set(names)) != len(names):
        msg = f"sampler_names must be non-empty and without duplicates, got {names}"
        raise ValueError(msg)
    if not list(seeds) or n_trials < 1:
        msg = "compare_samplers needs at least one seed and n_trials >= 1"
        raise ValueError(msg)
    objective = problem(problem_name).objective  # ValueError for an unknown problem
    for name in names:
        make_sampler(name, 0)  # unknown names fail here, before any work
    curves = {}
    for name in names:
        rows = []
        for seed in seeds:
            study = optuna.create_study(direction="minimize", sampler=make_sampler(name, seed))
            study.optimize(objective, n_trials=n_trials)
            rows.append(best_so_far([trial.value for trial in study.trials]))
        curves[name] = np.vstack(rows)
    return curves
    # END SOLUTION


def summarise(curves: dict[str, np.ndarray], direction: str = "minimize") -> dict:
    """Which sampler wins, and how sure we are.

    From the final column of each curve array (the best value found per seed):

    * ``"median"``: ``{name: median final value}``;
    * ``"winner"``, ``"runner_up"``: the best and second-best sampler by median;
    * ``"win_probability"``: the fraction of (winner run, runner-up run) pairs in which
      the winner's final value is better, ties counting one half (the common-language
      effect size, = U / (n1 n2));
    * ``"p_value"``: one-sided Mann-Whitney U test of "the winner's final values are
      better" (``scipy.stats.mannwhitneyu`` with ``alternative="less"`` for minimisation,
      ``"greater"`` for maximisation; default method).

    Raises ``ValueError`` for fewer than two samplers, arrays that are not 2-D with at
    least one row, or non-finite values.
    """
    # BEGIN SOLUTION
    # HINT: finals = curves[name][:, -1]; compare every winner final with every runner-up final.
    if len(curves) < 2:
        msg = "summarise needs curves of at least two samplers"
        raise ValueError(msg)
    if direction not in ("minimize", "maximize"):
        msg = f"direction must be 'minimize' or 'maximize', got {direction!r}"
        raise ValueError(msg)
    finals = {}
    for name, curve in curves.items():
        array = np.asarray(curve, dtype=float)
        if array.ndim != 2 or array.shape[0] < 1 or array.shape[1] < 1:
            msg = f"curves[{name!r}] must be a 2-D array (seeds, trials), got shape {array.shape}"
            raise ValueError(msg)
        if not np.all(np.isfinite(array)):
            msg = f"curves[{name!r}] contains nan or inf"
            raise ValueError(msg)
        finals[name] = array[:, -1]
    medians = {name: float(np.median(values)) for name, values in finals.items()}
    sign = 1.0 if direction == "minimize" else -1.0
    ranked = sorted(medians, key=lambda name: sign * medians[name])
    winner, runner_up = ranked[0], ranked[1]
    a, b = sign * finals[winner], sign * finals[runner_up]
    better = (a[:, None] < b[None, :]).sum() + 0.5 * (a[:, None] == b[None, :]).sum()
    test = stats.mannwhitneyu(
        finals[winner], finals[runner_up], alternative="less" if sign > 0 else "greater"
    )
    return {
        "median": medians,
        "winner": winner,
        "runner_up": runner_up,
        "win_probability": float(better / (a.size * b.size)),
        "p_value": float(test.pvalue),
    }
    # END SOLUTION
