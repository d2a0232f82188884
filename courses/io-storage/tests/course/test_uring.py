"""The ctypes io_uring wrapper of exercise 5 (skipped where io_uring is forbidden)."""

import os

import pytest

from icsc_io_storage.uring import IOSQE_IO_DRAIN, Ring, available

OK, REASON = available()
pytestmark = pytest.mark.skipif(not OK, reason=f"io_uring unavailable: {REASON}")


def test_batched_writes_fsync_and_read_in_two_system_calls(tmp_path):
    path = tmp_path / "f"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        with Ring(8) as ring:
            for i in range(5):
                ring.prep_write(fd, bytes([65 + i]) * 10, i * 10, i)
            ring.prep_fsync(fd, 99, IOSQE_IO_DRAIN)
            assert ring.submit_and_wait(6) == 6
            results = dict(ring.completions())
            assert results == {0: 10, 1: 10, 2: 10, 3: 10, 4: 10, 99: 0}
            for i in range(5):
                ring.release(i)
            ring.prep_read(fd, 20, 5, 7)
            ring.submit_and_wait(1)
            assert ring.completions() == [(7, 20)]
            assert ring.take_buffer(7) == b"AAAAABBBBBBBBBBCCCCC"
            assert ring.enter_calls == 2
    finally:
        os.close(fd)
    assert path.read_bytes() == b"".join(bytes([65 + i]) * 10 for i in range(5))


def test_errors_come_back_as_negative_errno(tmp_path):
    with Ring(2) as ring:
        ring.prep_read(12345, 4, 0, 1)  # not an open file descriptor
        ring.submit_and_wait(1)
        assert ring.completions() == [(1, -9)]  # -EBADF


def test_ring_arguments():
    with pytest.raises(ValueError, match="power of two"):
        Ring(3)
    with Ring(1) as ring:
        ring.prep_fsync(0, 1)
        with pytest.raises(ValueError, match="full"):
            ring.prep_fsync(0, 2)
        ring.close()
        ring.close()  # idempotent
