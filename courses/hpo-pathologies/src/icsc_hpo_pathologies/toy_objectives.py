"""Cheap optimisation test functions with known minima, for comparing samplers.

Comparing samplers fairly needs many repetitions (seeds) of whole searches; real training
runs make that expensive, which is why HPO research uses analytic test functions and
tabulated or surrogate benchmarks (Eggensperger et al. 2021, HPOBench). These are the
classic analytic ones, with their global minima as published in the Virtual Library of
Simulation Experiments (Surjanovic & Bingham, https://www.sfu.ca/~ssurjano/optimization.html):

``branin``     2-D, x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at three points
``rosenbrock`` 2-D, x, y in [-2, 2]; a curved valley, minimum 0 at (1, 1)
``sphere``     4-D, each coordinate in [-5, 5]; a shifted bowl, minimum 0 at SPHERE_SHIFT

Each also exists as a module-level Optuna objective (``branin_objective`` ...; listed in
``OBJECTIVES``), which can be handed to another process by name.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import optuna

SPHERE_SHIFT = (1.0, -2.0, 0.5, 3.0)


@dataclass(frozen=True)
class ToyProblem:
    """A function to minimise over a box, and its known global minimum value."""

    name: str
    bounds: tuple[tuple[str, float, float], ...]
    function: Callable[[Mapping[str, float]], float]
    minimum: float

    def __call__(self, params: Mapping[str, float]) -> float:
        return float(self.function(params))

    def objective(self, trial: optuna.Trial) -> float:
        """Optuna objective: suggest every coordinate uniformly, return the function value."""
        params = {name: trial.suggest_float(name, low, high) for name, low, high in self.bounds}
        return self(params)


def _branin(p: Mapping[str, float]) -> float:
    x1, x2 = p["x1"], p["x2"]
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def _rosenbrock(p: Mapping[str, float]) -> float:
    return (1 - p["x"]) ** 2 + 100 * (p["y"] - p["x"] ** 2) ** 2


def _sphere(p: Mapping[str, float]) -> float:
    return sum((p[f"x{i}"] - s) ** 2 for i, s in enumerate(SPHERE_SHIFT))


PROBLEMS = {
    "branin": ToyProblem("branin", (("x1", -5.0, 10.0), ("x2", 0.0, 15.0)), _branin, 0.397887),
    "rosenbrock": ToyProblem("rosenbrock", (("x", -2.0, 2.0), ("y", -2.0, 2.0)), _rosenbrock, 0.0),
    "sphere": ToyProblem(
        "sphere", tuple((f"x{i}", -5.0, 5.0) for i in range(len(SPHERE_SHIFT))), _sphere, 0.0
    ),
}


def branin_objective(trial: optuna.Trial) -> float:
    """Optuna objective (minimise) of the Branin function."""
    return PROBLEMS["branin"].objective(trial)


def rosenbrock_objective(trial: optuna.Trial) -> float:
    """Optuna objective (minimise) of the Rosenbrock function."""
    return PROBLEMS["rosenbrock"].objective(trial)


def sphere_objective(trial: optuna.Trial) -> float:
    """Optuna objective (minimise) of the shifted 4-D sphere."""
    return PROBLEMS["sphere"].objective(trial)


def slow_branin_objective(trial: optuna.Trial) -> float:
    """Branin with a 0.2 s pause before it returns: a trial one can interrupt mid-way.

    It reports two intermediate values (steps 0 and 1) so that a killed trial leaves
    partial progress in the storage, as a real training would.
    """
    value = PROBLEMS["branin"].objective(trial)
    trial.report(value + 1.0, step=0)
    time.sleep(0.1)
    trial.report(value + 0.5, step=1)
    time.sleep(0.1)
    return value


OBJECTIVES = {
    "branin": branin_objective,
    "rosenbrock": rosenbrock_objective,
    "sphere": sphere_objective,
    "slow_branin": slow_branin_objective,
}


def problem(name: str) -> ToyProblem:
    """The toy problem called ``name``; ``ValueError`` listing the known ones otherwise."""
    if name not in PROBLEMS:
        msg = f"unknown toy problem {name!r}; known: {', '.join(PROBLEMS)}"
        raise ValueError(msg)
    return PROBLEMS[name]
