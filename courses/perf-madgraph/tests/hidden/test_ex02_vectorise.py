"""Hidden tests of exercise 2: agreement with the slow generator, the Z, angular distributions."""

import math

import numpy as np
import pytest

from icsc_perf_madgraph import analytic, naive
from icsc_perf_madgraph.checks.conftest import KS_CRITICAL_1_PERCENT, momenta_from_angles


@pytest.mark.parametrize(("sqrt_s", "include_z"), [(10.0, False), (91.0, True), (200.0, True)])
def test_weights_equal_the_slow_generator_event_by_event(exercise, sqrt_s, include_z):
    ex = exercise("ex02_vectorise")
    randoms = np.random.default_rng(4).random((300, 2))
    fast = ex.event_weights(sqrt_s, randoms, include_z=include_z)
    slow = []
    for r1, r2 in randoms:
        particles, ps_weight = naive.phase_space_point(sqrt_s, r1, r2)
        slow.append(naive.event_weight(particles, ps_weight, include_z=include_z))
    np.testing.assert_allclose(fast, slow, rtol=1e-12)


@pytest.mark.points(2)
@pytest.mark.parametrize("sqrt_s", [30.0, 91.1876, 150.0])
def test_matrix_element_with_the_z_matches_the_pdg_formula(exercise, sqrt_s):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(12)
    cos_theta, phi = rng.uniform(-1, 1, 100), rng.uniform(0, 2 * math.pi, 100)
    momenta = momenta_from_angles(sqrt_s, cos_theta, phi)
    expected = analytic.matrix_element_squared(sqrt_s, cos_theta, include_z=True)
    np.testing.assert_allclose(ex.matrix_element(momenta, include_z=True), expected, rtol=1e-10)


def test_integrate_equals_the_slow_generator(exercise):
    ex = exercise("ex02_vectorise")
    fast = ex.integrate(10.0, 2000, 17)
    slow = naive.integrate(10.0, 2000, 17)
    assert fast["sigma_pb"] == pytest.approx(slow.sigma_pb, rel=1e-12)
    assert fast["error_pb"] == pytest.approx(slow.error_pb, rel=1e-9)


def test_z_peak_cross_section(exercise):
    ex = exercise("ex02_vectorise")
    result = ex.integrate(91.1876, 100_000, 8, include_z=True)
    # At the pole the interference vanishes: sigma = Breit-Wigner peak + QED (1982 pb).
    expected = analytic.z_peak_cross_section_pb() + analytic.cross_section_pb(91.1876)
    assert abs(result["sigma_pb"] - expected) < 4 * result["error_pb"]


@pytest.mark.points(2)
def test_unweighted_events_follow_one_plus_cos2(exercise, ks_statistic):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(2024)
    n = 40_000
    momenta, ps_weights = ex.phase_space(10.0, rng.random((n, 2)))
    weights = ex.matrix_element(momenta) * ps_weights
    kept = ex.unweight(weights, rng.random(n))
    cos_theta = ex.cos_theta(momenta)[kept]
    # Unweighting efficiency <w>/w_max = (4/3)/2 for 1 + c^2.
    assert kept.mean() == pytest.approx(2 / 3, abs=0.01)
    # KS at the 1% level: accepted for (c^3 + 3c + 4)/8, rejected for the flat (c + 1)/2.
    assert ks_statistic(cos_theta, analytic.angular_cdf) < KS_CRITICAL_1_PERCENT
    assert ks_statistic(cos_theta, lambda c: (c + 1) / 2) > 5 * KS_CRITICAL_1_PERCENT
    # Chi-square against 20 bins of the exact distribution: 19 dof, 0.1% quantile 43.82.
    counts, bin_edges = np.histogram(cos_theta, bins=20, range=(-1, 1))
    expected = cos_theta.size * np.diff(analytic.angular_cdf(bin_edges))
    assert np.sum((counts - expected) ** 2 / expected) < 43.82


def test_forward_backward_asymmetry_near_the_z(exercise, ks_statistic):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(99)
    n = 40_000
    momenta, ps_weights = ex.phase_space(200.0, rng.random((n, 2)))
    weights = ex.matrix_element(momenta, include_z=True) * ps_weights
    cos_theta = ex.cos_theta(momenta)[ex.unweight(weights, rng.random(n))]
    a0, a1 = analytic.angular_coefficients(200.0, include_z=True)
    assert (
        ks_statistic(cos_theta, lambda c: analytic.angular_cdf(c, a0, a1)) < KS_CRITICAL_1_PERCENT
    )
    afb = (np.sum(cos_theta > 0) - np.sum(cos_theta < 0)) / cos_theta.size
    # Binomial error on A_FB is below 1/sqrt(n_kept) < 0.007; allow 4 of them.
    assert afb == pytest.approx(
        analytic.forward_backward_asymmetry(200.0, include_z=True), abs=0.028
    )


def test_unweighting_keeps_the_events_the_slow_generator_keeps(exercise):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(31)
    randoms = rng.random((1500, 2))
    kept = ex.unweight(ex.event_weights(10.0, randoms), rng.random(1500))
    run = naive.generate(1500, 10.0, 31)
    assert [event.number for event in run.events] == list(np.flatnonzero(kept) + 1)


def test_cos_theta_of_built_momenta(exercise):
    ex = exercise("ex02_vectorise")
    cos_theta = np.linspace(-0.99, 0.99, 7)
    momenta = momenta_from_angles(50.0, cos_theta, np.full(7, 1.0))
    np.testing.assert_allclose(ex.cos_theta(momenta), cos_theta, rtol=1e-12)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda ex: ex.matrix_element(np.zeros((4, 3, 10))), "shape"),
        (lambda ex: ex.phase_space(-1.0, np.zeros((5, 2))), "sqrt_s"),
        (lambda ex: ex.unweight(np.ones(4), np.ones(5)), "shape"),
        (lambda ex: ex.unweight(np.array([1.0, -1.0]), np.ones(2)), "negative"),
        (lambda ex: ex.integrate(10.0, 1, 0), "n_events"),
    ],
    ids=["momenta-shape", "negative-energy", "mask-shapes", "negative-weight", "one-event"],
)
def test_bad_input(exercise, call, match):
    ex = exercise("ex02_vectorise")
    with pytest.raises(ValueError, match=match):
        call(ex)
