"""Compares, mask layout, mask instructions and reductions of the RVV model."""

import numpy as np
import pytest

from icsc_riscv_vectors import RVVMachine


def test_mask_bit_i_is_bit_i_of_the_register():
    # Spec section 4.5: mask element i is held in bit i of the register (little-endian bytes).
    m = RVVMachine(128, agnostic="undisturbed")
    m.vsetvli(16, 8, 1)
    m.vid_v(1)
    m.vmseq_vi(2, 1, 9)
    assert m._regs[2][1] == 0b10  # element 9 -> byte 1, bit 1
    assert list(np.flatnonzero(m.peek_mask(2)[:16])) == [9]


def test_vcpop_and_vfirst():
    m = RVVMachine(256)
    assert m.vsetvli(20, 16, 2) == 20
    m.vid_v(2)
    m.vmsgt_vi(0, 2, 14)  # 15..19
    assert m.vcpop_m(0) == 5
    assert m.vfirst_m(0) == 15
    m.vmseq_vi(3, 2, -1)
    assert m.vfirst_m(3) == -1


def test_vmnot_and_logic_on_the_first_vl_bits():
    m = RVVMachine(128)
    m.vsetvli(8, 16, 1)
    m.vid_v(1)
    m.vmslt_vi(2, 1, 3)
    m.vmnot_m(3, 2)
    m.vmand_mm(4, 2, 3)
    assert list(m.peek_mask(3)[:8]) == [False] * 3 + [True] * 5
    assert m.vcpop_m(4) == 0


def test_float_compares_and_nan():
    m = RVVMachine(128)
    address = m.memory.place(np.array([1.0, np.nan, -2.0, 0.0]))
    m.vsetvli(4, 64, 2)
    m.vle64(2, address)
    m.vmfgt_vf(1, 2, -1.0)
    assert list(m.peek_mask(1)[:4]) == [True, False, False, True]
    m.vmfne_vf(1, 2, 0.0)
    assert list(m.peek_mask(1)[:4]) == [True, True, True, False]


@pytest.mark.parametrize("lmul", [1, 4])
def test_sum_reductions_add_the_scalar_start(lmul):
    m = RVVMachine(512)
    address = m.memory.place(np.arange(1.0, 8.0))
    assert m.vsetvli(7, 64, lmul) == 7
    m.vle64(8, address)
    start = 16  # vs1 and vd are single registers, whatever LMUL is
    m.vfmv_s_f(start, 100.0)
    m.vfredusum_vs(start, 8, start)
    assert m.vfmv_f_s(start) == 128.0
    m.vfredosum_vs(start, 8, start)
    assert m.vfmv_f_s(start) == 156.0


def test_ordered_sum_rounds_in_element_order():
    m = RVVMachine(128)
    address = m.memory.place(np.array([1.0, 2.0**-24, 2.0**-24, 2.0**-24], dtype=np.float32))
    m.vsetvli(4, 32, 1)
    m.vle32(1, address)
    m.vfmv_s_f(2, 0.0)
    m.vfredosum_vs(3, 1, 2)
    assert m.vfmv_f_s(3) == 1.0  # each 2**-24 is lost against 1.0 in binary32


def test_masked_integer_reduction_and_vl_zero():
    m = RVVMachine(128)
    m.vsetvli(8, 16, 1)
    m.vid_v(1)
    m.vmsgt_vi(0, 1, 4)  # 5, 6, 7
    m.vmv_s_x(2, 0)
    m.vredsum_vs(3, 1, 2, mask=True)
    assert m.vmv_x_s(3) == 18
    m.vredmax_vs(4, 1, 2)
    assert m.vmv_x_s(4) == 7
    m.vsetvli(0, 16, 1)
    m.vredsum_vs(3, 1, 2)  # vl = 0: no write
    assert m.vmv_x_s(3) == 18
