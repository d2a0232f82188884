"""Configuration rules of the model against the RVV 1.0 specification."""

from fractions import Fraction

import pytest

from icsc_riscv_vectors import IllegalInstruction, RVVMachine
from icsc_riscv_vectors.vtype import as_lmul, check_vlen, make_vtype, new_vl, strips


def test_elements_per_register_at_vlen_128_follow_the_spec_table():
    # Spec section 3.4.1, "Example VLEN = 128 bits": SEW 64/32/16/8 -> 2/4/8/16 elements.
    m = RVVMachine(128)
    assert [m.vsetvli(None, sew, 1) for sew in (64, 32, 16, 8)] == [2, 4, 8, 16]


@pytest.mark.parametrize("lmul", ["mf8", "mf4", "mf2", "m1", "m2", "m4", "m8"])
@pytest.mark.parametrize("sew", [8, 16, 32, 64])
def test_vlmax_is_lmul_times_vlen_over_sew(sew, lmul):
    value = as_lmul(lmul)
    m = RVVMachine(512)
    if value < Fraction(sew, 64):  # unsupported: vill set, vl = 0 (spec section 6.1)
        assert m.vsetvli(1000, sew, lmul) == 0
        assert m.vtype is None
        with pytest.raises(IllegalInstruction, match="vill"):
            m.vle8(0, m.memory.base)
    else:
        assert m.vsetvli(None, sew, lmul) == value * 512 / sew


@pytest.mark.parametrize("rule", ["min", "balanced"])
@pytest.mark.parametrize("vlmax", [1, 2, 7, 16, 64])
def test_vl_obeys_the_spec_constraints(rule, vlmax):
    # Spec section 6.3, constraints 1-3 and the derived properties 5.
    for avl in range(4 * vlmax + 3):
        vl = new_vl(avl, vlmax, rule)
        if avl <= vlmax:
            assert vl == avl
        elif avl < 2 * vlmax:
            assert -(-avl // 2) <= vl <= vlmax
        else:
            assert vl == vlmax
        assert vl <= avl
        assert (vl > 0) == (avl > 0)
    assert sum(strips(10 * vlmax + 1, vlmax, rule)) == 10 * vlmax + 1


def test_balanced_rule_splits_the_last_two_strips():
    assert strips(100, 32, "balanced") == [32, 32, 18, 18]
    assert strips(100, 32, "min") == [32, 32, 32, 4]
    assert strips(0, 32) == []


def test_keep_vl_needs_the_same_vlmax():
    m = RVVMachine(256)
    assert m.vsetvli(20, 8, 1) == 20
    assert m.vsetvli("keep", 16, 2) == 20  # SEW/LMUL = 8 in both
    with pytest.raises(IllegalInstruction, match="reserved"):
        m.vsetvli("keep", 32, 1)


def test_vsetivli_takes_a_five_bit_immediate():
    m = RVVMachine(1024)
    assert m.vsetivli(31, 8, 1) == 31
    with pytest.raises(IllegalInstruction, match=r"0\.\.31"):
        m.vsetivli(32, 8, 1)


def test_reset_state_is_vill_and_instructions_are_counted():
    m = RVVMachine(128)
    with pytest.raises(IllegalInstruction, match="vill"):
        m.vadd_vv(0, 0, 0)
    m.vsetvli(3, 32, 1)
    assert m.csrr_vl() == 3
    assert m.csrr_vlenb() == 16
    assert m.counts == {"csrr vl": 1, "csrr vlenb": 1, "vadd.vv": 1, "vsetvli": 1}
    m.reset_counts()
    assert m.counts == {}


def test_bad_configuration_arguments():
    with pytest.raises(ValueError, match="power of two"):
        check_vlen(96)
    with pytest.raises(TypeError, match="int"):
        check_vlen(128.0)
    with pytest.raises(ValueError, match="LMUL"):
        as_lmul(3)
    with pytest.raises(IllegalInstruction, match="SEW"):
        make_vtype(128, 1, True, True)
    with pytest.raises(ValueError, match="vl_rule"):
        RVVMachine(128, vl_rule="max")
    with pytest.raises(ValueError, match="agnostic"):
        RVVMachine(128, agnostic="zeros")
    with pytest.raises(TypeError, match="AVL"):
        RVVMachine(128).vsetvli(2.5, 32, 1)
    with pytest.raises(ValueError, match="unsigned"):
        RVVMachine(128).vsetvli(-1, 32, 1)
