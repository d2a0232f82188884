"""Hidden tests for exercise 5 (a durable batched append store on io_uring)."""

import hashlib
import itertools

import numpy as np
import pytest


@pytest.mark.points(2)
@pytest.mark.parametrize(("n", "batch"), [(1, 1), (7, 7), (8, 7), (100, 32), (33, 4095)])
def test_append_and_read_back(exercise, io_uring, tmp_path, n, batch):
    ex = exercise("ex05_uring")
    rng = np.random.default_rng(n)
    records = [rng.bytes(int(k)) for k in rng.integers(0, 3000, n)]
    path = tmp_path / "log.bin"
    out = ex.append_records(str(path), records, batch)
    joined = b"".join(records)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(joined).hexdigest()
    assert out["offsets"] == [0, *itertools.accumulate(len(r) for r in records)][:-1]
    assert out["bytes"] == len(joined)
    batches = -(-n // batch)
    assert out["batches"] == out["durable_batches"] == batches
    assert batches <= out["enter_calls"] <= 2 * batches
    lengths = [len(r) for r in records]
    assert ex.read_records(str(path), out["offsets"], lengths, batch) == records


def test_empty_log_and_existing_file_is_truncated(exercise, io_uring, tmp_path):
    ex = exercise("ex05_uring")
    path = tmp_path / "log.bin"
    path.write_bytes(b"old contents")
    out = ex.append_records(str(path), [], 8)
    assert path.read_bytes() == b""
    assert (out["offsets"], out["bytes"], out["batches"]) == ([], 0, 0)
    assert ex.read_records(str(path), [], [], 8) == []


def test_bad_records_and_batches(exercise, io_uring, tmp_path):
    ex = exercise("ex05_uring")
    path = str(tmp_path / "log.bin")
    with pytest.raises(TypeError, match="record 1"):
        ex.append_records(path, [b"ok", "text"], 2)
    for batch in (0, 4096):
        with pytest.raises(ValueError, match="batch_size"):
            ex.append_records(path, [b"x"], batch)


def test_bad_read_requests(exercise, io_uring, tmp_path):
    ex = exercise("ex05_uring")
    path = tmp_path / "data.bin"
    path.write_bytes(b"0123456789")
    with pytest.raises(ValueError, match="differ"):
        ex.read_records(str(path), [0, 1], [1])
    with pytest.raises(ValueError, match="non-negative"):
        ex.read_records(str(path), [-1], [1])
    with pytest.raises(ValueError, match="short read"):
        ex.read_records(str(path), [0, 8], [2, 5], 1)
    with pytest.raises(FileNotFoundError, match="missing"):
        ex.read_records(str(tmp_path / "missing"), [0], [1])
