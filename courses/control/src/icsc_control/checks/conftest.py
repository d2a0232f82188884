"""Shared helpers of the control course checks (the hidden tests import them too).

They are independent references: a finite-difference Jacobian of the library's physics, an
exact first-order plant, and a plain loop that plays ``CartPole-v1`` with any policy.
"""

from __future__ import annotations

from collections.abc import Callable

import gymnasium as gym
import numpy as np

import icsc_control  # noqa: F401  (registers the course's Gymnasium environments)
from icsc_control.physics import CartPoleParams, derivatives


def numerical_jacobian(params: CartPoleParams, eps: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """``(A, B)`` of the physics at the upright equilibrium by central differences.

    The truncation error of central differences is O(eps^2) times the third derivative
    (order 1e-12 here), rounding O(1e-16 / eps) = 1e-10: compare with atol ~ 1e-7.
    """
    zero = np.zeros(4)
    columns = [
        (derivatives(zero + eps * e, 0.0, params) - derivatives(zero - eps * e, 0.0, params))
        / (2 * eps)
        for e in np.eye(4)
    ]
    a = np.column_stack(columns)
    b = ((derivatives(zero, eps, params) - derivatives(zero, -eps, params)) / (2 * eps))[:, None]
    return a, b


class FirstOrderPlant:
    """``tau y' = -y + gain u`` sampled exactly with a zero-order hold of period ``dt``.

    ``y[k+1] = a y[k] + b u[k]`` with ``a = exp(-dt/tau)``, ``b = gain (1 - a)``.
    """

    def __init__(self, tau: float, gain: float, dt: float) -> None:
        self.a = float(np.exp(-dt / tau))
        self.b = gain * (1.0 - self.a)
        self.y = 0.0

    def step(self, u: float) -> float:
        self.y = self.a * self.y + self.b * u
        return self.y


class CountingEvaluator:
    """``evaluate(parameters, seed)`` for exercise 5: one ``CartPole-v1`` episode of the linear
    policy "push right if w . obs + b > 0", played here (not by the exercise), counted.
    """

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, parameters: np.ndarray, seed: int) -> float:
        self.calls += 1
        weights = np.asarray(parameters, dtype=np.float64)
        return cartpole_v1_return(lambda obs: int(weights[:4] @ obs + weights[4] > 0), int(seed))


def cartpole_v1_return(policy: Callable[[np.ndarray], int], seed: int) -> float:
    """Return of one ``CartPole-v1`` episode (max 500) of ``policy(observation) -> 0|1``."""
    env = gym.make("CartPole-v1")
    observation, _ = env.reset(seed=seed)
    total = 0.0
    while True:
        observation, reward, terminated, truncated, _ = env.step(policy(observation))
        total += float(reward)
        if terminated or truncated:
            env.close()
            return total
