"""The hardware-like plant: each imperfection does what it says, reproducibly."""

import math

import numpy as np
import pytest

from icsc_control.plant import HardwareCartPoleEnv, PlantConfig


def applied_forces(config, commands, seed=0):
    env = HardwareCartPoleEnv(config)
    env.reset(seed=seed, options={"state": np.zeros(4)})
    return [env.step(np.array([u]))[4]["force"] for u in commands]


def test_delay_shifts_the_command_by_whole_steps():
    commands = [1.0, 2.0, 3.0, 4.0, 5.0]
    forces = applied_forces(PlantConfig(delay_steps=2), commands)
    assert forces == [0.0, 0.0, 1.0, 2.0, 3.0]


def test_rate_limit_and_saturation():
    # 100 N/s at 50 Hz: at most 2 N change per step; saturation at 5 N.
    forces = applied_forces(PlantConfig(rate_limit=100.0, force_max=5.0), [10.0] * 4 + [-10.0])
    assert forces == pytest.approx([2.0, 4.0, 5.0, 5.0, 3.0])


def test_force_bias_adds_after_saturation():
    forces = applied_forces(PlantConfig(force_bias=0.3, force_max=1.0), [5.0, 0.0])
    assert forces == pytest.approx([1.3, 0.3])


def test_noise_is_seeded_and_has_the_stated_spread():
    config = PlantConfig(noise_std=(0.01, 0.0, 0.02, 0.0))
    env = HardwareCartPoleEnv(config)

    def observations(seed):
        env.reset(seed=seed, options={"state": np.zeros(4)})
        return np.array([env.step(np.zeros(1))[0] - env.state for _ in range(400)])

    first, again, other = observations(1), observations(1), observations(2)
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)
    # 400 samples: the sample standard deviation is within ~4 * std/sqrt(800) of the truth.
    assert np.std(first[:, 0]) == pytest.approx(0.01, rel=0.15)
    assert np.std(first[:, 2]) == pytest.approx(0.02, rel=0.15)
    assert np.all(first[:, [1, 3]] == 0.0)


def test_parameter_mismatch_stays_in_range_and_is_reproducible():
    configs = [PlantConfig.hardware_like(seed, mismatch=0.2) for seed in range(30)]
    assert PlantConfig.hardware_like(3) == configs[3]
    for config in configs:
        assert 0.8 <= config.cart_mass <= 1.2
        assert 0.08 <= config.pole_mass <= 0.12
        assert 0.4 <= config.half_length <= 0.6
        assert 1 <= config.delay_steps <= 3
    assert len({config.half_length for config in configs}) == 30


def test_config_round_trips_through_a_dict():
    config = PlantConfig.hardware_like(9)
    assert PlantConfig.from_dict(config.as_dict()) == config


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"delay_steps": 11}, "delay_steps"),
        ({"noise_std": (0.1, 0.1, 0.1)}, "noise_std"),
        ({"rate_limit": 0.0}, "rate_limit"),
        ({"force_max": math.inf}, "force_max"),
        ({"pole_mass": -0.1}, "pole_mass"),
    ],
)
def test_bad_configs_raise(kwargs, match):
    with pytest.raises(ValueError, match=match):
        PlantConfig(**kwargs)


def test_unknown_keys_raise():
    with pytest.raises(ValueError, match="unknown plant config keys"):
        PlantConfig.from_dict({"mass": 1.0})
