"""The closed-form references agree with published numbers and with each other."""

import math

import numpy as np
import pytest

from icsc_perf_madgraph import analytic, constants


def test_qed_cross_section_is_86_8_nb_over_s():
    # PDG review "Cross-section formulae": sigma(e+e- -> mu+mu-) = 86.8 nb / s[GeV^2].
    for sqrt_s in (3.0, 10.0, 34.0):
        sigma_nb = analytic.cross_section_pb(sqrt_s) / 1000
        assert sigma_nb * sqrt_s**2 == pytest.approx(86.8, rel=1e-3)


def test_differential_cross_section_integrates_to_the_total():
    cos_theta = np.linspace(-1, 1, 20001)
    for sqrt_s, include_z in ((10.0, False), (91.1876, True), (150.0, True)):
        values = analytic.dsigma_dcos_pb(sqrt_s, cos_theta, include_z=include_z)
        integral = np.sum((values[1:] + values[:-1]) / 2 * np.diff(cos_theta))
        assert integral == pytest.approx(
            analytic.cross_section_pb(sqrt_s, include_z=include_z), rel=1e-7
        )


def test_z_pole_cross_section_two_ways():
    # At s = MZ^2 the interference vanishes: photon + Breit-Wigner peak (about 2.0 nb;
    # LEP measured sigma_had^0 / R_l = 41.54 / 20.77 = 2.00 nb with radiative corrections).
    total = analytic.cross_section_pb(constants.MZ, include_z=True)
    parts = analytic.z_peak_cross_section_pb() + analytic.cross_section_pb(constants.MZ)
    assert total == pytest.approx(parts, rel=1e-12)
    assert total / 1000 == pytest.approx(2.0, rel=0.02)


def test_asymmetry_vanishes_without_the_z_and_grows_above_the_pole():
    assert analytic.forward_backward_asymmetry(10.0) == 0.0
    assert -0.02 < analytic.forward_backward_asymmetry(10.0, include_z=True) < 0
    assert analytic.forward_backward_asymmetry(200.0, include_z=True) > 0.4


def test_angular_cdf_endpoints_and_qed_form():
    assert analytic.angular_cdf(-1.0) == pytest.approx(0.0)
    assert analytic.angular_cdf(1.0) == pytest.approx(1.0)
    c = np.linspace(-1, 1, 9)
    np.testing.assert_allclose(analytic.angular_cdf(c), (c**3 + 3 * c + 4) / 8)


def test_matrix_element_normalisation():
    # |M|^2 / (64 pi^2 s) = dsigma/dOmega = dsigma/dcos / (2 pi), in GeV^-2.
    c = np.array([-0.3, 0.0, 0.8])
    me = analytic.matrix_element_squared(50.0, c, include_z=True)
    dsigma = analytic.dsigma_dcos_pb(50.0, c, include_z=True) / constants.GEV2_TO_PB
    np.testing.assert_allclose(me / (64 * math.pi**2 * 2500.0), dsigma / (2 * math.pi))


@pytest.mark.parametrize("bad", [0.0, -1.0, math.inf, math.nan])
def test_bad_energy(bad):
    with pytest.raises(ValueError, match="sqrt_s"):
        analytic.cross_section_pb(bad)


def test_energy_must_be_a_number():
    with pytest.raises(TypeError, match="sqrt_s"):
        analytic.cross_section_pb("10")
