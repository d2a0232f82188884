"""The fixed-width SIMD model: widths, tails, opmasks, counters."""

import numpy as np
import pytest

from icsc_riscv_vectors import MemoryFault, SIMDMachine


@pytest.mark.parametrize(
    ("width", "isa", "lanes", "registers"),
    [(128, "SSE", 4, 16), (256, "AVX2", 8, 16), (512, "AVX-512", 16, 32)],
)
def test_widths_follow_the_x86_register_files(width, isa, lanes, registers):
    m = SIMDMachine(width)
    assert (m.isa, m.lanes(32), m.lanes(64), m.registers) == (isa, lanes, lanes // 2, registers)


def test_a_full_width_load_past_the_end_faults():
    m = SIMDMachine(256)
    address = m.memory.place_before_guard(np.ones(7, dtype=np.float32))
    with pytest.raises(MemoryFault):
        m.vload(0, address)


def test_masked_tail_on_avx512_suppresses_faults():
    m = SIMDMachine(512)
    x = m.memory.place_before_guard(np.arange(3, dtype=np.float32))
    m.kmask(1, 3)
    m.vbroadcast(2, 0.0)
    m.vload(2, x, k=1)
    assert list(m.peek(2)[:4]) == [0.0, 1.0, 2.0, 0.0]
    m.vstore(2, x, k=1)
    assert m.counts == {"kmask": 1, "vbroadcast": 1, "vload": 1, "vstore": 1}


def test_masking_needs_avx512():
    m = SIMDMachine(256)
    with pytest.raises(ValueError, match="AVX-512"):
        m.kmask(1, 3)
    with pytest.raises(ValueError, match="AVX-512"):
        m.vload(0, m.memory.base, k=1)


def test_vector_and_scalar_fma():
    m = SIMDMachine(128)
    x = m.memory.place(np.array([1, 2, 3, 4], dtype=np.float32))
    m.vbroadcast(0, 2.0)
    m.vload(1, x)
    m.vbroadcast(2, 1.0)
    m.vfmadd(2, 0, 1)
    assert list(m.peek(2)) == [3.0, 5.0, 7.0, 9.0]
    assert m.fmadd(2.0, m.load(x + 12), 1.0) == 9.0
    m.store(x, 0.25)
    assert m.memory.read_array(x, np.float32, 1)[0] == 0.25


def test_bad_simd_arguments():
    with pytest.raises(ValueError, match="width"):
        SIMDMachine(1024)
    m = SIMDMachine(512)
    with pytest.raises(ValueError, match=r"k1\.\.k7"):
        m.kmask(0, 1)
    with pytest.raises(ValueError, match="count"):
        m.kmask(1, 17)
    with pytest.raises(ValueError, match=r"registers 0\.\.31"):
        m.vbroadcast(32, 1.0)
    with pytest.raises(ValueError, match="sew"):
        m.lanes(16)
