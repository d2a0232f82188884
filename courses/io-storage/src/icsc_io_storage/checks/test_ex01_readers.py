"""Public checks for exercise 1 (buffered, O_DIRECT and mmap readers)."""

import pytest


def test_buffered_reader_matches_hashlib(exercise, make_data_file):
    ex = exercise("ex01_readers")
    path, size, digest = make_data_file(100_000)
    assert ex.read_buffered(str(path), 4096) == (size, digest)


@pytest.mark.points(2)
def test_direct_reader_matches_hashlib_on_an_unaligned_size(exercise, make_data_file):
    ex = exercise("ex01_readers")
    # 3 * 4096 + 123 bytes: the last O_DIRECT read comes back short.
    path, size, digest = make_data_file(3 * 4096 + 123)
    assert ex.read_direct(str(path), 8192) == (size, digest)


def test_mmap_reader_matches_hashlib(exercise, make_data_file):
    ex = exercise("ex01_readers")
    path, size, digest = make_data_file(50_001)
    assert ex.read_mmap(str(path)) == (size, digest)


def test_direct_reader_rejects_an_unaligned_block(exercise, make_data_file):
    ex = exercise("ex01_readers")
    path, _, _ = make_data_file(10)
    with pytest.raises(ValueError, match="multiple of 4096"):
        ex.read_direct(str(path), 1000)
