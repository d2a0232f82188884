"""Public checks for exercise 4 (vector and parallel HTTP range reads)."""

import os

import pytest


@pytest.mark.points(2)
def test_vector_read_batches_ranges_into_few_requests(exercise, range_server):
    ex = exercise("ex04_remote")
    blob = os.urandom(50_000)
    server = range_server(blob)
    ranges = [(i * 4000 + 17, 100 + i) for i in range(10)]
    out = ex.vector_read(server.url, ranges, 4)
    assert out == [blob[o : o + n] for o, n in ranges]
    assert server.requests == 3  # ceil(10 / 4)
    assert server.ranges_served == 10


def test_parallel_read_keeps_requests_in_flight(exercise, range_server):
    ex = exercise("ex04_remote")
    blob = os.urandom(20_000)
    # Each request waits 0.2 s in the server, so 8 workers overlap: no timing is asserted,
    # only that the server saw more than one request at once.
    server = range_server(blob, latency_s=0.2)
    ranges = [(i * 1000, 500) for i in range(8)]
    assert ex.parallel_read(server.url, ranges, 8) == [blob[o : o + n] for o, n in ranges]
    assert server.requests == 8
    assert server.max_in_flight > 1


def test_bad_range_is_rejected(exercise, range_server):
    ex = exercise("ex04_remote")
    server = range_server(b"abc")
    with pytest.raises(ValueError, match="length"):
        ex.vector_read(server.url, [(0, 0)])
