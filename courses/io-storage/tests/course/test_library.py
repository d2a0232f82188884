"""Tests of the course library (iocount, pagecache) against independent references."""

import io
import os

import numpy as np
import pytest

from icsc_io_storage.iocount import (
    RECORD_DTYPE,
    counting_open,
    random_events,
    write_event_file,
)
from icsc_io_storage.pagecache import resident_pages


def test_counting_open_counts_one_call_per_unbuffered_read(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(bytes(range(100)))
    f = counting_open(path)
    try:
        assert f.read(10) == bytes(range(10))
        f.seek(50)
        assert f.read(5) == bytes(range(50, 55))
        assert (f.read_calls, f.seek_calls, f.bytes_read) == (2, 1, 15)
    finally:
        f.close()


def test_buffering_reduces_the_count(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(os.urandom(10_000))
    raw = counting_open(path)
    with io.BufferedReader(raw, buffer_size=1 << 16) as f:
        chunks = [f.read(20) for _ in range(500)]
        calls = raw.read_calls
    assert b"".join(chunks) == path.read_bytes()
    assert calls <= 2


def test_event_file_layout(tmp_path):
    records = random_events(7, seed=4)
    path = write_event_file(tmp_path / "e.evts", records)
    raw = path.read_bytes()
    assert raw[:4] == b"EVTS"
    assert int.from_bytes(raw[4:8], "little") == 1
    assert int.from_bytes(raw[8:16], "little") == 7
    assert len(raw) == 16 + 7 * 20
    np.testing.assert_array_equal(np.frombuffer(raw[16:], dtype=RECORD_DTYPE), records)


def test_event_file_rejects_wrong_dtype(tmp_path):
    with pytest.raises(ValueError, match="dtype"):
        write_event_file(tmp_path / "e.evts", np.zeros(3))


def test_resident_pages_after_fadvise(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(os.urandom(64 * 4096))
    assert resident_pages(path)[1] == 64
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    dropped = resident_pages(path)[0]
    path.read_bytes()
    resident = resident_pages(path)[0]
    if dropped != 0:
        pytest.skip(
            f"this file system kept {dropped} pages after POSIX_FADV_DONTNEED (advice only)"
        )
    assert resident == 64


def test_resident_pages_of_an_empty_and_a_missing_file(tmp_path):
    (tmp_path / "empty").write_bytes(b"")
    assert resident_pages(tmp_path / "empty") == (0, 0)
    with pytest.raises(FileNotFoundError):
        resident_pages(tmp_path / "missing")
