"""Public checks for exercise 2 (cascade PID tuning against stated targets)."""

import pytest

from icsc_control.evaluation import run_episode, summarise
from icsc_control.plant import HardwareCartPoleEnv
from icsc_control.tasks import (
    TUNING_BAND,
    TUNING_INITIAL_STATE,
    TUNING_PLANT,
    TUNING_SEEDS,
    TUNING_SETPOINT,
    TUNING_STEPS,
    TUNING_TARGETS,
)


def tuning_metrics(exercise, seed):
    pid_class = exercise("ex01_pid").PID
    controller = exercise("ex02_tuning").make_controller(pid_class, TUNING_PLANT.dt)
    episode = run_episode(
        controller,
        HardwareCartPoleEnv(TUNING_PLANT),
        steps=TUNING_STEPS,
        setpoint=TUNING_SETPOINT,
        seed=seed,
        initial_state=TUNING_INITIAL_STATE,
    )
    return episode, summarise(episode, TUNING_SETPOINT, TUNING_BAND)


@pytest.mark.points(2)
def test_tuned_cascade_meets_the_targets(exercise):
    episode, metrics = tuning_metrics(exercise, TUNING_SEEDS[0])
    assert not episode.failed, episode.reason
    assert metrics["overshoot"] <= TUNING_TARGETS["overshoot"]
    assert metrics["settling_time"] <= TUNING_TARGETS["settling_time"]
    assert abs(metrics["steady_state_error"]) <= TUNING_TARGETS["steady_state_error"]
