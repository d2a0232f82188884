"""The slow generator is slow but right: cross sections, angular distribution, output."""

import math

import numpy as np
import pytest

from icsc_perf_madgraph import analytic, naive
from icsc_perf_madgraph.kinematics import FourVector


def test_four_vector_algebra():
    a = FourVector(5.0, 1.0, 2.0, 3.0)
    b = FourVector(4.0, -1.0, 0.5, 2.0)
    assert (a + b).as_tuple() == (9.0, 0.0, 2.5, 5.0)
    assert (a - b).as_tuple() == (1.0, 2.0, 1.5, 1.0)
    assert a.dot(b) == pytest.approx(20.0 + 1.0 - 1.0 - 6.0)
    assert a.mass2() == pytest.approx(25.0 - 14.0)
    assert FourVector(1.0, 0.0, 0.0, 0.0).cos_theta() == 1.0
    assert (-a).e == -5.0


@pytest.mark.parametrize(("sqrt_s", "include_z"), [(10.0, False), (91.1876, True), (200.0, True)])
def test_integrated_cross_section(sqrt_s, include_z):
    result = naive.integrate(sqrt_s, 20_000, 11, include_z=include_z)
    exact = analytic.cross_section_pb(sqrt_s, include_z=include_z)
    assert abs(result.sigma_pb - exact) < 4 * result.error_pb


def test_matrix_element_equals_the_angular_formula():
    for r1 in (0.05, 0.5, 0.93):
        particles, _ = naive.phase_space_point(91.0, r1, 0.3)
        cos_theta = particles[2].momentum.cos_theta()
        expected = analytic.matrix_element_squared(91.0, cos_theta, include_z=True)
        assert naive.matrix_element(particles, include_z=True) == pytest.approx(
            float(expected), rel=1e-12
        )


def test_unweighted_events_follow_one_plus_cos2():
    run = naive.generate(6000, 10.0, 21)
    cos_theta = np.sort([event.find(13).momentum.cos_theta() for event in run.events])
    n = cos_theta.size
    cdf = analytic.angular_cdf(cos_theta)
    distance = max(np.max(np.arange(1, n + 1) / n - cdf), np.max(cdf - np.arange(n) / n))
    # Kolmogorov-Smirnov at the 1% level: sqrt(n) D < 1.628.
    assert math.sqrt(n) * distance < 1.628
    assert sum(run.histogram) == n
    assert n == pytest.approx(6000 * 2 / 3, rel=0.03)  # efficiency <w>/w_max = 2/3


def test_lhe_output(tmp_path):
    target = tmp_path / "events.lhe"
    run = naive.generate(200, 10.0, 3, lhe_path=target)
    text = target.read_text(encoding="utf-8")
    assert text == run.lhe
    assert text.startswith('<LesHouchesEvents version="1.0">')
    assert text.count("<event>") == len(run.events)
    first = text.split("<event>\n", 1)[1].splitlines()
    assert first[0].split()[0] == "4"
    assert [int(line.split()[0]) for line in first[1:5]] == [11, -11, 13, -13]


def test_chunk_streams_do_not_depend_on_the_number_of_chunks():
    spawned = np.random.SeedSequence(7).spawn(3)[2]
    direct = np.random.default_rng(spawned).random(4)
    manual = np.random.default_rng(np.random.SeedSequence(7, spawn_key=(2,))).random(4)
    np.testing.assert_array_equal(direct, manual)
    n, s1, s2 = naive.chunk_sums(10.0, 50, 7, 2)
    assert n == 50
    assert s2 >= s1**2 / 50


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: naive.integrate(10.0, 1, 0), "n_events"),
        (lambda: naive.integrate(-5.0, 100, 0), "sqrt_s"),
        (lambda: naive.generate(10, 0.0), "sqrt_s"),
        (lambda: naive.chunk_sums(10.0, 5, 0, -1), "chunk"),
        (lambda: naive.chunk_sums(10.0, -5, 0, 0), "n_events"),
    ],
    ids=["one-event", "negative-energy", "zero-energy", "negative-chunk", "negative-events"],
)
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_missing_particle():
    run = naive.generate(20, 10.0, 1)
    with pytest.raises(LookupError, match="PDG id 22"):
        run.events[0].find(22)
