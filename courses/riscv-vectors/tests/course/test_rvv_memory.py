"""Loads and stores of the RVV model, fault-only-first in particular."""

import numpy as np
import pytest

from icsc_riscv_vectors import IllegalInstruction, MemoryFault, RVVMachine


def test_unit_stride_round_trip_copies_exactly_vl_elements():
    m = RVVMachine(256)
    data = np.arange(20, dtype=np.int16)
    src = m.memory.place(data)
    dst = m.memory.place(np.full(20, -1, dtype=np.int16))
    assert m.vsetvli(13, 16, 1) == 13
    m.vle16(4, src)
    m.vse16(4, dst)
    assert np.array_equal(m.memory.read_array(dst, np.int16, 20), np.r_[data[:13], np.full(7, -1)])


def test_loads_past_a_guard_page_fault():
    m = RVVMachine(256)
    address = m.memory.place_before_guard(np.zeros(5, dtype=np.int32))
    m.vsetvli(6, 32, 1)
    with pytest.raises(MemoryFault, match="unmapped"):
        m.vle32(0, address)


def test_fault_only_first_trims_vl_at_the_guard():
    m = RVVMachine(512)
    address = m.memory.place_before_guard(b"abc")
    assert m.vsetvli(None, 8, 1) == 64
    m.vle8ff(8, address)
    assert m.vl == 3
    assert bytes(m.peek(8, "u")[:3].astype(np.uint8)) == b"abc"


def test_fault_only_first_traps_on_element_zero():
    m = RVVMachine(128)
    guard = m.memory.place_before_guard(b"")
    m.vsetvli(None, 8, 1)
    with pytest.raises(MemoryFault):
        m.vle8ff(0, guard)
    assert m.vl == 16  # vl unchanged when the trap is taken


def test_masked_off_elements_do_not_touch_memory():
    m = RVVMachine(128)
    address = m.memory.place_before_guard(np.arange(2, dtype=np.int32))
    m.vsetvli(4, 32, 1)
    m.vid_v(1)
    m.vmslt_vi(0, 1, 2)  # only elements 0 and 1 active
    m.vle32(4, address, mask=True)  # elements 2, 3 would be past the guard
    assert list(m.peek(4, "i")[:2]) == [0, 1]


def test_eew_must_equal_sew_and_addresses_must_be_ints():
    m = RVVMachine(128)
    m.vsetvli(4, 32, 1)
    with pytest.raises(IllegalInstruction, match="EEW"):
        m.vle16(0, m.memory.base)
    with pytest.raises(TypeError, match="address"):
        m.vle32(0, float(m.memory.base))


def test_strided_load_gathers_a_column():
    m = RVVMachine(256)
    matrix = np.arange(24, dtype=np.float32).reshape(6, 4)
    address = m.memory.place(matrix)
    m.vsetvli(6, 32, 1)
    m.vlse32(0, address + 4, stride=16)  # column 1, rows of 16 bytes
    assert np.array_equal(m.peek(0)[:6], matrix[:, 1])
    assert m.counts["vlse32.v"] == 1
