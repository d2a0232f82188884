"""Public checks for exercise 6 (your competition entry), on the public practice plants."""

import pytest

from icsc_control.evaluation import run_episode, summarise
from icsc_control.plant import HardwareCartPoleEnv
from icsc_control.tasks import (
    COMPETITION_QUALIFYING_RMS,
    COMPETITION_SETPOINT,
    COMPETITION_STEPS,
    practice_plants,
)


@pytest.mark.parametrize("index", [1])
def test_entry_qualifies_on_practice_plants(exercise, index):
    config = practice_plants()[index]
    controller = exercise("ex06_competition").make_controller(config.dt)
    episode = run_episode(
        controller,
        HardwareCartPoleEnv(config),
        steps=COMPETITION_STEPS,
        setpoint=COMPETITION_SETPOINT,
        seed=index,
    )
    assert not episode.failed, episode.reason
    assert summarise(episode)["rms_position"] <= COMPETITION_QUALIFYING_RMS
