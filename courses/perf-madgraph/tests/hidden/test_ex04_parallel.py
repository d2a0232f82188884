"""Hidden tests of exercise 4: bit-identical results for any number of workers, bad input."""

import numpy as np
import pytest

from icsc_perf_madgraph import analytic, naive


@pytest.mark.points(3)
def test_two_workers_give_bit_identical_results(exercise):
    ex = exercise("ex04_parallel")
    serial = ex.integrate_parallel(10.0, 2000, 123, n_chunks=5, n_workers=1)
    parallel = ex.integrate_parallel(10.0, 2000, 123, n_chunks=5, n_workers=2)
    assert parallel == serial  # same floats, not merely close


def test_chunks_follow_the_spawned_streams(exercise):
    ex = exercise("ex04_parallel")
    result = ex.integrate_parallel(91.1876, 1003, 5, n_chunks=3, n_workers=1, include_z=True)
    sizes = [335, 334, 334]
    parts = [naive.chunk_sums(91.1876, size, 5, k, True) for k, size in enumerate(sizes)]
    s1 = sum(part[1] for part in parts)
    s2 = sum(part[2] for part in parts)
    mean = s1 / 1003
    error = np.sqrt((s2 / 1003 - mean**2) / 1002)
    assert result["sigma_pb"] == pytest.approx(mean, rel=1e-12)
    assert result["error_pb"] == pytest.approx(error, rel=1e-6)
    expected = analytic.cross_section_pb(91.1876, include_z=True)
    assert abs(result["sigma_pb"] - expected) < 4 * result["error_pb"]


def test_split_events_properties(exercise):
    ex = exercise("ex04_parallel")
    for n_events, n_chunks in [(0, 3), (7, 7), (1001, 8), (5, 1)]:
        sizes = ex.split_events(n_events, n_chunks)
        assert len(sizes) == n_chunks
        assert sum(sizes) == n_events
        assert max(sizes) - min(sizes) <= 1
        assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda ex: ex.split_events(10, 0), "n_chunks"),
        (lambda ex: ex.split_events(-1, 2), "n_events"),
        (lambda ex: ex.combine([(1, 2.0, 4.0)]), "2 events"),
        (lambda ex: ex.integrate_parallel(10.0, 100, 1, n_workers=0), "n_workers"),
    ],
    ids=["no-chunks", "negative-events", "one-event", "no-workers"],
)
def test_bad_input(exercise, call, match):
    ex = exercise("ex04_parallel")
    with pytest.raises(ValueError, match=match):
        call(ex)
