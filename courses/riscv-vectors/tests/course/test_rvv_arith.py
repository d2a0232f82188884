"""Arithmetic, register groups and tail/mask policies of the RVV model."""

import numpy as np
import pytest

from icsc_riscv_vectors import IllegalInstruction, RVVMachine


def _loaded(vlen, sew, lmul, values, vd=8, **policies):
    m = RVVMachine(vlen)
    address = m.memory.place(np.asarray(values))
    m.vsetvli(len(values), sew, lmul, **policies)
    getattr(m, f"vle{sew}")(vd, address)
    return m


def test_integer_arithmetic_wraps_at_sew_bits():
    m = _loaded(128, 8, 1, np.array([127, -128, 5], dtype=np.int8))
    m.vadd_vi(8, 8, 1)
    assert list(m.peek(8, "i")[:3]) == [-128, -127, 6]
    m.vmul_vx(8, 8, 300)  # 300 truncates to 44 in 8 bits
    assert list(m.peek(8, "i")[:3]) == list(
        np.array([-128 * 44, -127 * 44, 6 * 44]).astype(np.int8)
    )


def test_vfmacc_vf_is_a_times_x_plus_y():
    m = RVVMachine(256)
    x = m.memory.place(np.array([1.0, 2.0, 3.0], dtype=np.float32))
    y = m.memory.place(np.array([10.0, 20.0, 30.0], dtype=np.float32))
    m.vsetvli(3, 32, 8)
    m.vle32(0, x)
    m.vle32(8, y)
    m.vfmacc_vf(8, 0.5, 0)
    assert list(m.peek(8)[:3]) == [10.5, 21.0, 31.5]


def test_register_groups_must_be_aligned_to_lmul():
    m = RVVMachine(128)
    m.vsetvli(4, 32, 4)
    with pytest.raises(IllegalInstruction, match="multiple of 4"):
        m.vadd_vv(2, 4, 8)


def test_masked_destination_may_not_overlap_v0():
    m = RVVMachine(128)
    m.vsetvli(4, 32, 2)
    with pytest.raises(IllegalInstruction, match="v0"):
        m.vadd_vv(0, 2, 4, mask=True)


def test_immediates_are_five_bit_signed():
    m = RVVMachine(128)
    m.vsetvli(4, 32, 1)
    m.vadd_vi(1, 1, -16)
    with pytest.raises(IllegalInstruction, match="5-bit"):
        m.vadd_vi(1, 1, 16)


@pytest.mark.parametrize(
    ("agnostic", "ta", "tail"), [("ones", True, -1), ("ones", False, 7), ("undisturbed", True, 7)]
)
def test_tail_policy(agnostic, ta, tail):
    m = RVVMachine(128, agnostic=agnostic)
    m.vsetvli(None, 32, 1)
    m.vmv_v_i(1, 7)  # all four elements are 7
    m.vsetvli(2, 32, 1, ta=ta)
    m.vmv_v_i(1, 3)
    assert list(m.peek(1, "i")) == [3, 3, tail, tail]


@pytest.mark.parametrize(
    ("agnostic", "ma", "inactive"),
    [("ones", True, -1), ("ones", False, 7), ("undisturbed", True, 7)],
)
def test_mask_policy(agnostic, ma, inactive):
    m = RVVMachine(128, agnostic=agnostic)
    m.vsetvli(None, 32, 1)
    m.vmv_v_i(1, 7)
    m.vid_v(2)
    m.vsetvli(4, 32, 1, ma=ma)
    m.vmsgt_vi(0, 2, 1)  # elements 2 and 3 active
    m.vadd_vi(1, 2, 10, mask=True)
    assert list(m.peek(1, "i")) == [inactive, inactive, 12, 13]


def test_agnostic_float_tail_reads_as_nan():
    m = RVVMachine(128)
    m.vsetvli(None, 64, 1)
    m.vfmv_v_f(1, 1.0)
    m.vsetvli(1, 64, 1, ta=True)
    m.vfadd_vf(1, 1, 1.0)
    assert m.peek(1)[0] == 2.0
    assert np.isnan(m.peek(1)[1])


def test_merge_and_scalar_moves():
    m = RVVMachine(128)
    m.vsetvli(4, 32, 1)
    m.vid_v(2)
    m.vmslt_vi(0, 2, 2)
    m.vmerge_vim(3, 2, -1)
    assert list(m.peek(3, "i")) == [-1, -1, 2, 3]
    m.vmv_s_x(4, 42)
    assert m.vmv_x_s(4) == 42
    m.vfmv_s_f(5, 2.5)
    assert m.vfmv_f_s(5) == 2.5


def test_floating_point_needs_sew_32_or_64():
    m = RVVMachine(128)
    m.vsetvli(4, 16, 1)
    with pytest.raises(IllegalInstruction, match="SEW = 32 or 64"):
        m.vfadd_vv(1, 2, 3)
