# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: every Optuna sampler takes seed=...
    # TODO: your code here.
    raise NotImplementedError("ex06_tune_the_tuner: this part is yours to write (icsc hint ex06)")


def best_so_far(values: Sequence[float], direction: str = "minimize") -> np.ndarray:
    """Running best of ``values`` (float64, same length): running minimum for
    ``"minimize"``, maximum for ``"maximize"``.

    Raises ``ValueError`` for an empty sequence, a non-finite value or another direction.
    """
    # HINT: np.minimum.accumulate.
    # TODO: your code here.
    raise NotImplementedError("ex06_tune_the_tuner: this part is yours to write (icsc hint ex06)")


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
    # HINT: study.trials_dataframe() is not needed: [t.value for t in study.trials].
    # TODO: your code here.
    raise NotImplementedError("ex06_tune_the_tuner: this part is yours to write (icsc hint ex06)")


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
    # HINT: finals = curves[name][:, -1]; compare every winner final with every runner-up final.
    # TODO: your code here.
    raise NotImplementedError("ex06_tune_the_tuner: this part is yours to write (icsc hint ex06)")
