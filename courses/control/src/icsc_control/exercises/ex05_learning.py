# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5: learn to balance ``CartPole-v1`` with the cross-entropy method.

No model, no gradients: the cross-entropy method (CEM; Rubinstein 1999, Szita & Lőrincz
2006 for a game-playing policy) keeps a Gaussian over policy parameters, samples a
population, runs one episode with each, and refits the Gaussian to the best ("elite")
fraction. The policy is linear: push right when ``w . observation + b > 0``.

Your training sees the environment only through ``evaluate(parameters, seed)``, which
plays one episode and returns its return, and must stay within the episode budget: the
tests count every call.
"""

from __future__ import annotations

from collections.abc import Callable

import gymnasium as gym
import numpy as np

EPISODE_BUDGET = 1500
"""At most this many episodes (calls of ``evaluate``) for one call of :func:`train_cem`."""
PARAMETER_SIZE = 5
CONFIRM = 10
"""Four weights (one per observation entry) and a bias."""


def policy_action(parameters: np.ndarray, observation: np.ndarray) -> int:
    """Action of the linear policy: 1 (push right) if ``w . obs + b > 0``, else 0.

    ``parameters`` has shape (5,) = ``(w_0, w_1, w_2, w_3, b)``, ``observation`` shape (4,).
    Raises ``ValueError`` for other shapes or NaN entries.
    """
    # HINT: np.dot(parameters[:4], observation) + parameters[4]
    # TODO: your code here.
    raise NotImplementedError("ex05_learning: this part is yours to write (icsc hint ex05)")


def episode_return(parameters: np.ndarray, seed: int, env_id: str = "CartPole-v1") -> float:
    """Total reward of one episode of the policy on a fresh ``gym.make(env_id)``.

    The environment is reset with ``seed``; the episode runs until it terminates or is
    truncated (500 steps for ``CartPole-v1``).
    """
    # TODO: your code here.
    raise NotImplementedError("ex05_learning: this part is yours to write (icsc hint ex05)")


def train_cem(
    evaluate: Callable[[np.ndarray, int], float],
    *,
    seed: int,
    population: int = 40,
    elite_fraction: float = 0.2,
    max_iterations: int = 30,
) -> np.ndarray:
    """Cross-entropy search for policy parameters, shape (5,), that reach return 500.

    ``evaluate(parameters, episode_seed)`` plays one ``CartPole-v1`` episode with the linear
    policy and returns its return (e.g. ``lambda p, s: episode_return(p, s)``); ``seed``
    fixes every random choice (sampling and the episode seeds), so two calls with the same
    seed return the same parameters. Stops early once the mean parameters score the maximum
    return of 500 on ten fresh episodes. Uses at most :data:`EPISODE_BUDGET` episodes.
    Raises ``ValueError`` for ``population < 2``, an ``elite_fraction`` outside ``(0, 1]``
    that leaves no elite, or ``max_iterations < 1``.
    """
    # HINT: mean = zeros(5), std = ones(5); each iteration: sample population x 5 from
    # HINT: N(mean, std), score each with evaluate(candidate, seed), keep the best
    # HINT: ceil(elite_fraction * population),
    # HINT: set mean/std to their mean/std (+ a little extra noise so std does not collapse).
    # TODO: your code here.
    raise NotImplementedError("ex05_learning: this part is yours to write (icsc hint ex05)")
