"""The paged memory: guard pages, allocation, raw access."""

import numpy as np
import pytest

from icsc_riscv_vectors import MemoryFault, PagedMemory


def test_place_before_guard_ends_at_an_unmapped_page():
    memory = PagedMemory(size=1 << 16, page_size=256)
    address = memory.place_before_guard(b"hello")
    assert memory.read(address, 5) == b"hello"
    with pytest.raises(MemoryFault, match="unmapped") as caught:
        memory.read(address, 6)
    assert caught.value.address == address  # reported at the first faulting element


def test_empty_data_sits_at_the_guard_itself():
    memory = PagedMemory()
    address = memory.place_before_guard(b"")
    assert not memory.mapped(np.array([address]))[0]


def test_alloc_aligns_and_runs_out():
    memory = PagedMemory(size=4096, page_size=4096)
    first = memory.alloc(3, align=64)
    second = memory.alloc(10, align=64)
    assert first % 64 == 0
    assert second == first + 64
    with pytest.raises(ValueError, match="exhausted"):
        memory.alloc(5000)


def test_first_fault_checks_both_ends_of_an_element():
    memory = PagedMemory(size=3 * 256, page_size=256)
    memory.unmap(memory.base + 256, 1)
    starts = memory.base + 4 * np.arange(70)  # element 63 is the last one in page 0
    assert memory.first_fault(starts, 4) == 64
    assert memory.first_fault(memory.base + np.array([254]), 4) == 0  # straddles into page 1


def test_arrays_round_trip_and_null_is_unmapped():
    memory = PagedMemory()
    values = np.linspace(0, 1, 9, dtype=np.float32)
    address = memory.place(values)
    assert np.array_equal(memory.read_array(address, np.float32, 9), values)
    with pytest.raises(MemoryFault):
        memory.read(0, 1)


def test_bad_memory_arguments():
    with pytest.raises(ValueError, match="page_size"):
        PagedMemory(page_size=100)
    with pytest.raises(ValueError, match="multiples"):
        PagedMemory(size=1000, page_size=256)
    with pytest.raises(TypeError, match="bytes"):
        PagedMemory().place("text")
    with pytest.raises(ValueError, match="inside"):
        PagedMemory().unmap(0, 10)
