"""Hidden tests for exercise 4 (vector and parallel HTTP range reads)."""

import numpy as np
import pytest

BLOB = np.random.default_rng(4).bytes(100_000)


def expected(ranges):
    return [BLOB[o : o + n] for o, n in ranges]


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("n_ranges", "per_request", "requests"), [(1, 64, 1), (7, 7, 1), (65, 64, 2), (30, 1, 30)]
)
def test_vector_read_request_count_and_bytes(
    exercise, range_server, n_ranges, per_request, requests
):
    ex = exercise("ex04_remote")
    server = range_server(BLOB)
    rng = np.random.default_rng(n_ranges)
    offsets = rng.integers(0, 99_000, n_ranges)
    ranges = [
        (int(o), int(n)) for o, n in zip(offsets, rng.integers(1, 1000, n_ranges), strict=True)
    ]
    assert ex.vector_read(server.url, ranges, per_request) == expected(ranges)
    assert server.requests == requests


def test_overlapping_unsorted_and_edge_ranges(exercise, range_server):
    ex = exercise("ex04_remote")
    server = range_server(BLOB)
    ranges = [(99_990, 10), (0, 1), (500, 300), (600, 50), (0, 100_000)]
    assert ex.vector_read(server.url, ranges) == expected(ranges)
    assert ex.parallel_read(server.url, ranges, 3) == expected(ranges)


def test_no_ranges_means_no_requests(exercise, range_server):
    ex = exercise("ex04_remote")
    server = range_server(BLOB)
    assert ex.vector_read(server.url, []) == []
    assert ex.parallel_read(server.url, []) == []
    assert server.requests == 0


@pytest.mark.points(2)
def test_parallel_read_with_latency(exercise, range_server):
    ex = exercise("ex04_remote")
    server = range_server(BLOB, latency_s=0.15)
    ranges = [(i * 3000, 2000) for i in range(12)]
    assert ex.parallel_read(server.url, ranges, 6) == expected(ranges)
    assert server.requests == 12
    assert 1 < server.max_in_flight <= 6


@pytest.mark.parametrize(
    ("call", "args", "match"),
    [
        ("vector_read", ([(-1, 5)],), "offset"),
        ("vector_read", ([(0, 5)], 0), "max_ranges_per_request"),
        ("parallel_read", ([(0, 5)], 0), "workers"),
        ("parallel_read", ([(3, 0)],), "length"),
    ],
)
def test_bad_arguments(exercise, range_server, call, args, match):
    ex = exercise("ex04_remote")
    server = range_server(BLOB)
    with pytest.raises(ValueError, match=match):
        getattr(ex, call)(server.url, *args)
    assert server.requests == 0


def test_http_error_is_an_oserror(exercise, range_server):
    ex = exercise("ex04_remote")
    server = range_server(BLOB)
    with pytest.raises(OSError, match=r"416|Range Not Satisfiable"):
        ex.vector_read(server.url, [(200_000, 10)])
