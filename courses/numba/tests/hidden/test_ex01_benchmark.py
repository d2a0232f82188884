"""Hidden tests for exercise 1 (benchmarking helper)."""

import statistics

import numpy as np
import pytest

from icsc_numba.workloads import make_jitted_sum_of_squares


def test_calls_and_arguments_are_counted(exercise, fake_clock):
    ex = exercise("ex01_benchmark")
    work = fake_clock.workload([1.0] * 10)
    ex.benchmark(work, "a", 2, repeat=6, warmup=3, clock=fake_clock)
    assert len(fake_clock.calls) == 10  # 1 first call + 3 warm-up + 6 timed
    assert all(call == ("a", 2) for call in fake_clock.calls)


@pytest.mark.points(2)
def test_statistics_agree_with_the_statistics_module(exercise, fake_clock):
    ex = exercise("ex01_benchmark")
    rng = np.random.default_rng(11)
    timed = [float(v) for v in rng.integers(1, 200, size=12) / 8]  # multiples of 1/8: exact sums
    work = fake_clock.workload([40.0, 99.0, 99.0, *timed])
    result = ex.benchmark(work, repeat=12, warmup=2, clock=fake_clock)
    # statistics.quantiles(method="inclusive") is the same linear interpolation as
    # numpy.percentile's default, computed by an independent implementation.
    q1, q2, q3 = statistics.quantiles(timed, n=4, method="inclusive")
    median = statistics.median(timed)
    assert result.first_call == pytest.approx(40.0, rel=1e-12)
    assert result.median == pytest.approx(median, rel=1e-12)
    assert result.median == pytest.approx(q2, rel=1e-12)
    assert result.iqr == pytest.approx(q3 - q1, rel=1e-12)
    assert result.mad == pytest.approx(statistics.median(abs(t - median) for t in timed), rel=1e-12)
    assert result.minimum == min(timed)
    assert result.maximum == max(timed)  # the 99 s warm-up calls are not in the sample
    assert result.n == 12


def test_even_sample_interpolates(exercise, fake_clock):
    ex = exercise("ex01_benchmark")
    work = fake_clock.workload([0.25, 1.0, 2.0, 3.0, 10.0])
    result = ex.benchmark(work, repeat=4, warmup=0, clock=fake_clock)
    # [1, 2, 3, 10]: median 2.5; quartiles 1.75 and 4.75; |x - 2.5| = [1.5, .5, .5, 7.5] -> 1.0
    assert (result.median, result.iqr, result.mad) == (2.5, 3.0, 1.0)


def test_a_single_timed_call_has_no_spread(exercise, fake_clock):
    ex = exercise("ex01_benchmark")
    result = ex.benchmark(fake_clock.workload([2.0, 0.5]), repeat=1, warmup=0, clock=fake_clock)
    assert (result.first_call, result.median, result.iqr, result.mad, result.n) == (
        2.0,
        0.5,
        0.0,
        0.0,
        1,
    )


def test_result_holds_plain_numbers(exercise, fake_clock):
    ex = exercise("ex01_benchmark")
    result = ex.benchmark(fake_clock.workload([1.0] * 4), repeat=3, warmup=0, clock=fake_clock)
    for name in ("first_call", "median", "iqr", "mad", "minimum", "maximum"):
        assert isinstance(getattr(result, name), float), name
    assert isinstance(result.n, int)


@pytest.mark.points(2)
def test_compilation_happens_in_the_first_call_only(exercise):
    ex = exercise("ex01_benchmark")
    fresh = make_jitted_sum_of_squares()
    values = np.ones(100)
    result = ex.benchmark(fresh, values, repeat=5, warmup=2)
    assert len(fresh.signatures) == 1
    # Compilation costs tens of milliseconds, a call on 100 numbers well under one:
    # a factor 10 is a margin of more than 100 against scheduler noise.
    assert result.first_call > 10 * result.median
    assert 0 < result.minimum <= result.median <= result.maximum


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"repeat": 0}, ValueError, "repeat"),
        ({"repeat": -3}, ValueError, "repeat"),
        ({"warmup": -1}, ValueError, "warmup"),
        ({"repeat": 2.0}, TypeError, "repeat"),
        ({"repeat": True}, TypeError, "repeat"),
        ({"warmup": "1"}, TypeError, "warmup"),
        ({"clock": 3.0}, TypeError, "clock"),
    ],
)
def test_bad_arguments_raise(exercise, kwargs, error, match):
    ex = exercise("ex01_benchmark")
    with pytest.raises(error, match=match):
        ex.benchmark(len, [1, 2], **kwargs)


def test_func_must_be_callable(exercise):
    ex = exercise("ex01_benchmark")
    with pytest.raises(TypeError, match="callable"):
        ex.benchmark(42)
