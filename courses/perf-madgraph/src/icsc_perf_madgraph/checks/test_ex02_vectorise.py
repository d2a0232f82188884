"""Public checks of exercise 2: phase space and matrix element over arrays of events."""

import math

import numpy as np
import pytest

from icsc_perf_madgraph import analytic
from icsc_perf_madgraph.checks.conftest import momenta_from_angles


def test_phase_space_layout_and_kinematics(exercise):
    ex = exercise("ex02_vectorise")
    randoms = np.random.default_rng(7).random((500, 2))
    momenta, weights = ex.phase_space(10.0, randoms)
    assert momenta.shape == (4, 4, 500)
    assert weights == pytest.approx(np.full(500, 1 / (8 * math.pi)))
    # Four-momentum conservation and massless muons, to rounding (energies are 5 GeV).
    np.testing.assert_allclose(momenta[0] + momenta[1], momenta[2] + momenta[3], atol=1e-12)
    mass2 = momenta[2, 0] ** 2 - (momenta[2, 1:] ** 2).sum(axis=0)
    np.testing.assert_allclose(mass2, 0.0, atol=1e-11)
    np.testing.assert_allclose(momenta[2, 3] / 5.0, 2 * randoms[:, 0] - 1, atol=1e-14)


@pytest.mark.points(2)
def test_matrix_element_is_e4_times_one_plus_cos2(exercise):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(11)
    cos_theta, phi = rng.uniform(-1, 1, 200), rng.uniform(0, 2 * math.pi, 200)
    momenta = momenta_from_angles(20.0, cos_theta, phi)
    expected = analytic.matrix_element_squared(20.0, cos_theta)  # (4 pi alpha)^2 (1 + c^2)
    np.testing.assert_allclose(ex.matrix_element(momenta), expected, rtol=1e-12)


@pytest.mark.points(2)
def test_cross_section_matches_4_pi_alpha2_over_3s(exercise):
    ex = exercise("ex02_vectorise")
    n = 200_000
    result = ex.integrate(10.0, n, 42)
    exact = analytic.cross_section_pb(10.0)  # 4 pi alpha^2 / (3 s) * 0.3894e9 pb = 868.5 pb
    # Flat sampling of 1 + c^2: relative spread sqrt(4/45) / (4/3) = 0.2236 per event.
    assert result["error_pb"] == pytest.approx(0.2236 * exact / math.sqrt(n), rel=0.02)
    # Fixed seed; 4 standard errors leave room for any correct implementation.
    assert abs(result["sigma_pb"] - exact) < 4 * result["error_pb"]
    assert result["n_events"] == n


def test_phase_space_refuses_wrong_random_shape(exercise):
    ex = exercise("ex02_vectorise")
    with pytest.raises(ValueError, match="shape"):
        ex.phase_space(10.0, np.zeros((5, 3)))
