"""The stored assembly listings and the numba helper."""

import pytest

from icsc_riscv_vectors import listings


def test_every_listing_says_where_it_came_from():
    assert set(listings.names()) >= {
        "saxpy_x86-64_sse2", "saxpy_x86-64_avx2", "saxpy_x86-64_avx512",
        "saxpy_riscv64_scalar", "saxpy_riscv64_v", "saxpy_riscv64_vla",
    }  # fmt: skip
    for name in listings.names():
        head = listings.read(name).splitlines()[0]
        assert head.startswith("# saxpy"), name
        assert "LLVM version 14" in head or "by hand" in head, name


def test_unknown_listing_and_dtype_are_rejected():
    with pytest.raises(ValueError, match="no listing"):
        listings.read("saxpy_mips")
    with pytest.raises(ValueError, match="dtype"):
        listings.host_saxpy_asm("int8")
