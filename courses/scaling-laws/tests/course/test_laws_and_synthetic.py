"""The law, the parameter checks and the synthetic data generator."""

import numpy as np
import pytest

from icsc_scaling_laws.laws import array_to_params, check_params, chinchilla_loss, params_to_array
from icsc_scaling_laws.published import BESIROGLU_2024, HOFFMANN_2022, HOFFMANN_2022_START_GRID
from icsc_scaling_laws.synthetic import power_law_samples


def test_law_at_a_known_point():
    # 1.69 + 406.4 / 1e9**0.34 + 410.7 / 1e11**0.28, evaluated by hand (exact powers of 10).
    expected = 1.69 + 406.4 * 10 ** (-9 * 0.34) + 410.7 * 10 ** (-11 * 0.28)
    assert chinchilla_loss(1e9, 1e11, HOFFMANN_2022)[0] == pytest.approx(expected, rel=1e-14)


def test_params_round_trip_and_checks():
    assert array_to_params(params_to_array(BESIROGLU_2024)) == BESIROGLU_2024
    with pytest.raises(ValueError, match="lacks E"):
        check_params({"A": 1.0, "B": 1.0, "alpha": 1.0, "beta": 1.0})
    with pytest.raises(ValueError, match="alpha must be positive"):
        check_params({**HOFFMANN_2022, "alpha": 0.0})
    with pytest.raises(ValueError, match="cannot be negative"):
        check_params({**HOFFMANN_2022, "E": -1.0})
    with pytest.raises(TypeError, match="mapping"):
        check_params([1, 2, 3, 4, 5])
    with pytest.raises(ValueError, match="same length"):
        chinchilla_loss([1e9, 2e9], [1e10], HOFFMANN_2022)


def test_start_grid_has_4500_points():
    sizes = [len(values) for values in HOFFMANN_2022_START_GRID.values()]
    assert np.prod(sizes) == 4500


def test_synthetic_noise_models():
    x = np.logspace(0, 2, 2000)
    exact = power_law_samples(x, 2.0, -0.5, noise="none", offset=1.0)
    np.testing.assert_allclose(exact, 1.0 + 2.0 * x**-0.5, rtol=1e-15)
    mult = power_law_samples(x, 2.0, -0.5, noise="multiplicative", sigma=0.1, seed=1)
    add = power_law_samples(x, 2.0, -0.5, noise="additive", sigma=0.1, seed=1)
    # 2000 draws: the sample std of log ratios / differences is 0.1 within ~3 %.
    assert np.std(np.log(mult / (2.0 * x**-0.5))) == pytest.approx(0.1, rel=0.05)
    assert np.std(add - 2.0 * x**-0.5) == pytest.approx(0.1, rel=0.05)
    np.testing.assert_array_equal(mult, power_law_samples(x, 2.0, -0.5, sigma=0.1, seed=1))
    with pytest.raises(ValueError, match="noise"):
        power_law_samples(x, 2.0, -0.5, noise="poisson")
    with pytest.raises(ValueError, match="positive"):
        power_law_samples(-x, 2.0, -0.5)
