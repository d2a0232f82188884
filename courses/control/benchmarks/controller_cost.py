"""Computing cost of one control step for each controller of the course.

Baseline: the LQR state feedback (one 1x4 dot product). Every controller answers the same
400 observations recorded from an LQR episode; the validator checks that each returns a
finite force within the actuator limit. Prints a Markdown table of microseconds per call
and the ratio to the baseline, all measured in this run:

    uv run python courses/control/benchmarks/controller_cost.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "solutions"))

from ex01_pid import PID
from ex02_tuning import make_controller as make_cascade
from ex03_lqr import LQRController, linearise
from ex04_mpc import MPCController
from ex05_learning import policy_action

from icsc_control.envs import ContinuousCartPoleEnv
from icsc_control.evaluation import run_episode
from icsc_control.physics import CartPoleParams

Q = np.diag([1.0, 1.0, 10.0, 1.0])
R = np.array([[0.1]])
REPEATS = 5


def observations() -> np.ndarray:
    episode = run_episode(
        LQRController(CartPoleParams(), Q, R),
        ContinuousCartPoleEnv(),
        steps=400,
        setpoint=0.3,
        initial_state=np.array([0.0, 0.0, 0.15, 0.0]),
    )
    return episode.observations[:-1]


def per_call_us(controller, data: np.ndarray) -> float:
    best = np.inf
    for _ in range(REPEATS):
        start = time.perf_counter()
        forces = [controller(obs, 0.3) for obs in data]
        best = min(best, time.perf_counter() - start)
    # Validator: every answer is a finite force within +-10 N.
    assert all(np.isfinite(f) and abs(f) <= 10.0 + 1e-9 for f in forces)
    return 1e6 * best / len(data)


def main() -> None:
    data = observations()
    a, b = linearise(CartPoleParams())
    linear_policy = np.array([0.1, 1.7, 2.4, 3.1, -0.1])
    candidates = {
        "LQR, u = -Kx (baseline)": LQRController(CartPoleParams(), Q, R),
        "cascade of two PIDs": make_cascade(PID),
        "linear policy (CEM), bang-bang": lambda o, _r: (
            10.0 if policy_action(linear_policy, o) else -10.0
        ),
        "MPC, N = 10": MPCController(a, b, Q, R, horizon=10),
        "MPC, N = 40": MPCController(a, b, Q, R, horizon=40),
        "MPC, N = 40, force limit 2 N": MPCController(a, b, Q, R, horizon=40, force_max=2.0),
    }
    baseline = None
    print("| controller | µs per step | x LQR |")
    print("| --- | ---: | ---: |")
    for name, controller in candidates.items():
        cost = per_call_us(controller, data)
        baseline = baseline or cost
        print(f"| {name} | {cost:.1f} | {cost / baseline:.1f} |")


if __name__ == "__main__":
    main()
