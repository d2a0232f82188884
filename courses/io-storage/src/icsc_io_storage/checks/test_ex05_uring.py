"""Public checks for exercise 5 (a durable batched append store on io_uring).

Every test takes the ``io_uring`` fixture: it is skipped, with the reason, where the
kernel or a sandbox forbids io_uring. Nothing else in the course depends on io_uring.
"""

import pytest


@pytest.mark.points(2)
def test_append_writes_the_records_back_to_back_in_few_system_calls(exercise, io_uring, tmp_path):
    ex = exercise("ex05_uring")
    records = [bytes([i]) * (i + 1) for i in range(10)]
    path = tmp_path / "log.bin"
    out = ex.append_records(str(path), records, 4)
    assert path.read_bytes() == b"".join(records)
    assert out["offsets"] == [i * (i + 1) // 2 for i in range(10)]
    assert out["bytes"] == 55
    assert out["batches"] == out["durable_batches"] == 3  # ceil(10 / 4), one fsync each
    # One io_uring_enter per batch (a little slack for interrupted waits), not 10 + 10.
    assert 3 <= out["enter_calls"] <= 5


def test_read_records_back(exercise, io_uring, tmp_path):
    ex = exercise("ex05_uring")
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)))
    assert ex.read_records(str(path), [0, 100, 250], [3, 2, 6], 2) == [
        b"\x00\x01\x02",
        b"de",
        bytes(range(250, 256)),
    ]


def test_reading_past_the_end_is_an_error(exercise, io_uring, tmp_path):
    ex = exercise("ex05_uring")
    path = tmp_path / "data.bin"
    path.write_bytes(b"abc")
    with pytest.raises(ValueError, match="short read"):
        ex.read_records(str(path), [1], [10])
