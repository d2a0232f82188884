"""The minimal sampling profiler attributes samples to the function that is running."""

import math

import pytest

from icsc_perf_madgraph.sampling import SamplingProfiler


def busy_loop():
    total = 0.0
    for i in range(20_000):
        total += math.sqrt(i)
    return total


def test_samples_land_in_the_busy_function():
    with SamplingProfiler(interval=0.0005) as sampler:
        # Keep the main thread busy until enough samples were taken (however loaded the machine).
        for _ in range(2000):
            busy_loop()
            if sampler.samples >= 30:
                break
    assert sampler.samples >= 30
    # Between two calls the loop spends a few bytecodes in this test: nearly every sample
    # has busy_loop on the stack, and it is the function most often executing.
    assert sampler.inclusive["busy_loop"] / sampler.samples > 0.8
    table = sampler.table(3)
    assert table[0][0] == "busy_loop"
    assert all(0.0 <= own <= inclusive <= 1.0 for _, own, inclusive in table)


def test_empty_profile_and_bad_interval():
    assert SamplingProfiler().table() == []
    with pytest.raises(ValueError, match="interval"):
        SamplingProfiler(interval=0)
