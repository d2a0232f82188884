"""Tests of the course library icsc_numba.workloads (exact references and workloads)."""

import math

import numpy as np
import pytest

from icsc_numba import COURSE, workloads


def test_critical_temperature_is_kramers_wannier_onsager():
    # T_c = 2 / ln(1 + sqrt 2) = 2.269185314213022... (Kramers & Wannier 1941, Onsager 1944);
    # equivalently sinh(2 / T_c) = 1.
    t_c = workloads.critical_temperature()
    assert t_c == pytest.approx(2.269185314213022, rel=1e-15)
    assert math.sinh(2 / t_c) == pytest.approx(1.0, rel=1e-15)


def test_magnetisation_limits_and_critical_exponent():
    t_c = workloads.critical_temperature()
    assert workloads.onsager_magnetisation(0.5) == pytest.approx(1.0, abs=1e-6)
    assert workloads.onsager_magnetisation(t_c) == 0.0
    assert workloads.onsager_magnetisation(3.0) == 0.0
    # Near T_c, M ~ (T_c - T)^(1/8): the log-log slope approaches beta = 1/8.
    t1, t2 = t_c * (1 - 1e-6), t_c * (1 - 1e-7)
    slope = math.log(
        workloads.onsager_magnetisation(t1) / workloads.onsager_magnetisation(t2)
    ) / math.log((t_c - t1) / (t_c - t2))
    assert slope == pytest.approx(0.125, rel=1e-3)
    # M(2.0) = (1 - sinh(1)^-4)^(1/8), evaluated independently of the module:
    assert workloads.onsager_magnetisation(2.0) == pytest.approx(
        (1 - math.sinh(1.0) ** -4) ** 0.125, rel=1e-15
    )


def _free_energy_times_beta(beta: float, n: int = 400) -> float:
    """-beta f from Onsager's double integral (midpoint rule; the integrand is smooth off T_c)."""
    theta = (np.arange(n) + 0.5) * (2 * np.pi / n)
    t1, t2 = np.meshgrid(theta, theta)
    integrand = np.log(np.cosh(2 * beta) ** 2 - np.sinh(2 * beta) * (np.cos(t1) + np.cos(t2)))
    return math.log(2.0) + integrand.mean() / 2.0


@pytest.mark.parametrize("temperature", [1.5, 2.0, 3.0, 5.0])
def test_energy_is_the_derivative_of_onsagers_free_energy(temperature):
    # u = -d(-beta f)/d(beta): an independent route through Onsager's integral, by a
    # central difference; both the quadrature and the difference are accurate to ~1e-7.
    beta, h = 1.0 / temperature, 1e-5
    derivative = (_free_energy_times_beta(beta + h) - _free_energy_times_beta(beta - h)) / (2 * h)
    assert workloads.onsager_energy_per_spin(temperature) == pytest.approx(-derivative, abs=1e-6)


def test_energy_at_tc_and_limits():
    assert workloads.onsager_energy_per_spin(workloads.critical_temperature()) == pytest.approx(
        -math.sqrt(2), rel=1e-12
    )
    assert workloads.onsager_energy_per_spin(0.3) == pytest.approx(-2.0, abs=1e-9)
    # High temperature: u ~ -2 tanh(beta) to leading order.
    assert workloads.onsager_energy_per_spin(1000.0) == pytest.approx(
        -2 * math.tanh(1e-3), rel=1e-3
    )


@pytest.mark.parametrize(
    ("temperature", "error"),
    [
        (0.0, ValueError),
        (-1.0, ValueError),
        (math.nan, ValueError),
        (math.inf, ValueError),
        ("2", TypeError),
        (True, TypeError),
    ],
)
def test_exact_results_reject_bad_temperatures(temperature, error):
    with pytest.raises(error, match="temperature"):
        workloads.onsager_magnetisation(temperature)
    with pytest.raises(error, match="temperature"):
        workloads.onsager_energy_per_spin(temperature)


def test_fresh_dispatchers_compile_on_first_call():
    first, second = workloads.make_jitted_sum_of_squares(), workloads.make_jitted_sum_of_squares()
    assert first is not second
    assert first.signatures == []
    values = np.arange(10, dtype=np.float64)
    assert first(values) == 285.0  # sum of k^2 for k < 10
    assert len(first.signatures) == 1
    assert second.signatures == []
    assert workloads.sum_of_squares_python(values) == 285.0


def test_mandelbrot_axes():
    xs, ys = workloads.mandelbrot_axes(-2.0, 1.0, -1.0, 1.0, 4, 3)
    np.testing.assert_array_equal(xs, [-2.0, -1.0, 0.0, 1.0])
    np.testing.assert_array_equal(ys, [-1.0, 0.0, 1.0])
    assert xs.dtype == ys.dtype == np.float64


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((-2.0, 1.0, -1.0, 1.0, 0, 3), ValueError, "width"),
        ((-2.0, 1.0, -1.0, 1.0, 4, 2.5), TypeError, "height"),
        ((1.0, -2.0, -1.0, 1.0, 4, 3), ValueError, "xmin < xmax"),
        ((-2.0, 1.0, -1.0, math.inf, 4, 3), ValueError, "finite"),
    ],
)
def test_mandelbrot_axes_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        workloads.mandelbrot_axes(*args)


def test_course_metadata():
    assert COURSE.slug == "numba"
    assert COURSE.presenters == ("Kiran Jonathan",)
    assert (COURSE.lecture_hours, COURSE.exercise_hours) == (2, 1)
    assert [e.name for e in COURSE.exercises] == [
        "ex01_benchmark",
        "ex02_vectorise",
        "ex03_ising",
        "ex04_mandelbrot",
        "ex05_cuda",
    ]
    assert [e.optional for e in COURSE.exercises] == [False, False, False, False, True]
