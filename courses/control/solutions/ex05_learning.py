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
    # BEGIN SOLUTION
    # HINT: np.dot(parameters[:4], observation) + parameters[4]
    parameters = np.asarray(parameters, dtype=np.float64)
    observation = np.asarray(observation, dtype=np.float64)
    if parameters.shape != (PARAMETER_SIZE,) or observation.shape != (4,):
        msg = (
            f"need parameters of shape (5,) and an observation of shape (4,), "
            f"got {parameters.shape} and {observation.shape}"
        )
        raise ValueError(msg)
    if not (np.all(np.isfinite(parameters)) and np.all(np.isfinite(observation))):
        msg = "parameters and observation must be finite"
        raise ValueError(msg)
    return int(parameters[:4] @ observation + parameters[4] > 0)
    # END SOLUTION


def episode_return(parameters: np.ndarray, seed: int, env_id: str = "CartPole-v1") -> float:
    """Total reward of one episode of the policy on a fresh ``gym.make(env_id)``.

    The environment is reset with ``seed``; the episode runs until it terminates or is
    truncated (500 steps for ``CartPole-v1``).
    """
    # BEGIN SOLUTION
    env = gym.make(env_id)
    observation, _ = env.reset(seed=seed)
    total = 0.0
    while True:
        observation, reward, terminated, truncated, _ = env.step(
            policy_action(parameters, observation)
        )
        total += float(reward)
        if terminated or truncated:
            env.close()
            return total
    # END SOLUTION


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
    # BEGIN SOLUTION
    # HINT: mean = zeros(5), std = ones(5); each iteration: sample population x 5 from
    # HINT: N(mean, std), score each with evaluate(candidate, seed), keep the best
    # HINT: ceil(elite_fraction * population),
    # HINT: set mean/std to their mean/std (+ a little extra noise so std does not collapse).
    if population < 2 or max_iterations < 1:
        msg = f"need population >= 2 and max_iterations >= 1, got {population}, {max_iterations}"
        raise ValueError(msg)
    n_elite = int(np.ceil(elite_fraction * population))
    if not 0 < elite_fraction <= 1 or n_elite < 1:
        msg = f"elite_fraction must be in (0, 1], got {elite_fraction}"
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    max_return = 500.0

    def fresh_seed() -> int:
        return int(rng.integers(2**31))

    mean = np.zeros(PARAMETER_SIZE)
    std = np.ones(PARAMETER_SIZE)
    episodes_per_iteration = population + CONFIRM
    iterations = min(max_iterations, EPISODE_BUDGET // episodes_per_iteration)
    for iteration in range(iterations):
        candidates = mean + std * rng.standard_normal((population, PARAMETER_SIZE))
        scores = np.array([float(evaluate(c, fresh_seed())) for c in candidates])
        elite = candidates[np.argsort(scores)[::-1][:n_elite]]
        extra_noise = max(0.0, 0.5 - 0.05 * iteration)  # decaying noise, Szita & Lorincz
        mean = elite.mean(axis=0)
        std = elite.std(axis=0) + extra_noise
        if all(float(evaluate(mean, fresh_seed())) >= max_return for _ in range(CONFIRM)):
            break
    return mean
    # END SOLUTION
