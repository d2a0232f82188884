"""Hidden tests for exercise 6: the entry qualifies on the hidden competition plants."""

from pathlib import Path

import pytest

from icsc_control.competition import load_plants
from icsc_control.evaluation import run_episode, summarise
from icsc_control.plant import HardwareCartPoleEnv
from icsc_control.tasks import COMPETITION_QUALIFYING_RMS, COMPETITION_SETPOINT, COMPETITION_STEPS

PLANTS = load_plants(Path(__file__).with_name("plants.json"))


@pytest.mark.parametrize("index", range(len(PLANTS)))
def test_entry_qualifies_on_hidden_plant(exercise, index):
    plant = PLANTS[index]
    controller = exercise("ex06_competition").make_controller(plant.config.dt)
    episode = run_episode(
        controller,
        HardwareCartPoleEnv(plant.config),
        steps=COMPETITION_STEPS,
        setpoint=COMPETITION_SETPOINT,
        seed=plant.seed,
    )
    assert not episode.failed, episode.reason
    rms = summarise(episode)["rms_position"]
    assert rms <= COMPETITION_QUALIFYING_RMS, f"RMS deviation {rms:.3f} m"
