"""Hidden tests for exercise 1 (buffered, O_DIRECT and mmap readers)."""

import hashlib

import pytest

SIZES = [0, 1, 4095, 4096, 4097, 1 << 16, 300_001]


@pytest.mark.parametrize("size", SIZES)
def test_all_three_readers_agree_with_hashlib(exercise, make_data_file, size):
    ex = exercise("ex01_readers")
    path, n, digest = make_data_file(size, seed=size)
    assert ex.read_buffered(str(path), 1000) == (n, digest)
    assert ex.read_direct(str(path), 4096) == (n, digest)
    assert ex.read_mmap(str(path)) == (n, digest)


def test_empty_file_digest_is_the_published_constant(exercise, tmp_path):
    ex = exercise("ex01_readers")
    path = tmp_path / "empty"
    path.write_bytes(b"")
    # SHA-256 of the empty string, FIPS 180-4 test vector (also hashlib.sha256(b"")).
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert ex.read_mmap(str(path)) == (0, empty)
    assert ex.read_direct(str(path), 4096) == (0, empty)


def test_abc_vector(exercise, tmp_path):
    ex = exercise("ex01_readers")
    path = tmp_path / "abc"
    path.write_bytes(b"abc")
    # FIPS 180-4 example "abc".
    expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert ex.read_buffered(str(path), 1) == (3, expected)
    assert ex.read_direct(str(path), 4096) == (3, expected)


@pytest.mark.points(2)
def test_reads_after_dropping_the_cache_are_unchanged(exercise, make_data_file):
    ex = exercise("ex01_readers")
    path, n, digest = make_data_file(5 * 4096 + 7, seed=9)
    assert ex.drop_cache(str(path)) is None
    assert ex.read_direct(str(path), 1 << 20) == (n, digest)
    ex.drop_cache(str(path))
    assert ex.read_buffered(str(path), 1 << 20) == (n, digest)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_drop_cache_of_a_missing_file_raises(exercise, tmp_path):
    ex = exercise("ex01_readers")
    with pytest.raises(FileNotFoundError, match="missing"):
        ex.drop_cache(str(tmp_path / "missing"))


@pytest.mark.parametrize("block", [0, -4096])
def test_non_positive_blocks_are_rejected(exercise, make_data_file, block):
    ex = exercise("ex01_readers")
    path, _, _ = make_data_file(10)
    with pytest.raises(ValueError, match="positive"):
        ex.read_buffered(str(path), block)
    with pytest.raises(ValueError, match="positive"):
        ex.read_direct(str(path), block)


def test_block_size_must_be_an_int(exercise, make_data_file):
    ex = exercise("ex01_readers")
    path, _, _ = make_data_file(10)
    with pytest.raises(TypeError, match="int"):
        ex.read_buffered(str(path), 4096.0)


def test_missing_file_raises(exercise, tmp_path):
    ex = exercise("ex01_readers")
    for call in (ex.read_buffered, ex.read_direct, ex.read_mmap):
        with pytest.raises(FileNotFoundError, match="nothing-here"):
            call(str(tmp_path / "nothing-here"))
