"""Public checks of exercise 4: chunking, merging and a reproducible parallel integral."""

import math

import numpy as np
import pytest

from icsc_perf_madgraph import analytic, naive


def test_split_events(exercise):
    ex = exercise("ex04_parallel")
    assert ex.split_events(10, 4) == [3, 3, 2, 2]
    assert ex.split_events(3, 5) == [1, 1, 1, 0, 0]


@pytest.mark.points(2)
def test_combine_equals_statistics_of_all_weights(exercise):
    ex = exercise("ex04_parallel")
    weights = np.random.default_rng(2).exponential(3.0, 1000)
    parts = np.split(weights, [100, 450, 700])
    merged = ex.combine([(len(p), float(p.sum()), float((p * p).sum())) for p in parts])
    assert merged["n_events"] == 1000
    assert merged["sigma_pb"] == pytest.approx(weights.mean(), rel=1e-12)
    assert merged["error_pb"] == pytest.approx(weights.std(ddof=1) / math.sqrt(1000), rel=1e-9)


@pytest.mark.points(2)
def test_serial_run_equals_the_chunks_evaluated_here(exercise):
    ex = exercise("ex04_parallel")
    result = ex.integrate_parallel(10.0, 3000, 9, n_chunks=4, n_workers=1)
    # The same four chunks, evaluated and summed in chunk order here.
    parts = [naive.chunk_sums(10.0, 750, 9, chunk) for chunk in range(4)]
    total = sum(part[1] for part in parts)
    assert result["n_events"] == 3000
    assert result["sigma_pb"] == pytest.approx(total / 3000, rel=1e-12)
    assert abs(result["sigma_pb"] - analytic.cross_section_pb(10.0)) < 4 * result["error_pb"]
