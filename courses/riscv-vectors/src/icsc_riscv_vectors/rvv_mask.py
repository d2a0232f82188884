"""Compares, mask instructions and reductions of the RVV model (spec chapters 11-16).

* Compares (``vmseq``, ``vmslt``, ``vmflt``, ...) write one bit per element into a single
  mask register. ``vmslt.vi``/``vmsgt.vv``-style forms that the spec lists as assembler
  pseudo-instructions are provided under the name you would write.
* Mask logic (``vmand.mm``, ``vmnot.m``, ...), ``vcpop.m`` (count set bits) and
  ``vfirst.m`` (index of the first set bit, -1 if none) work on the first ``vl`` bits.
* Reductions ``vred*.vs``/``vfred*.vs vd, vs2, vs1``: ``vd[0] = vs1[0] (op) vs2[active]``;
  with ``vl = 0`` nothing is written. ``vfredusum`` may add in any order (the model uses
  NumPy's pairwise sum), ``vfredosum`` adds strictly in element order.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import numpy as np

from icsc_riscv_vectors.rvv_arith import ArithmeticOps, Operand
from icsc_riscv_vectors.rvv_core import Kind
from icsc_riscv_vectors.vtype import IllegalInstruction, VType

Compare = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _wrapping_sum(values: np.ndarray) -> np.ndarray:
    """Sum in the element type itself (integers wrap, floats round in SEW precision)."""
    return np.sum(values, dtype=values.dtype)


class MaskOps(ArithmeticOps):
    """Compare, mask and reduction instructions."""

    def _compare(
        self,
        mnemonic: str,
        kind: Kind,
        vd: int,
        vs2: int,
        operand: Operand,
        fn: Compare,
        mask: bool,
    ) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        a = self._read(vs2, vtype, kind)
        b = self._operand(operand, vtype, kind)
        with np.errstate(all="ignore"):
            bits = np.asarray(fn(a, b), dtype=bool)
        self._write_mask(vd, bits, self._active(mask), vtype)

    # -- integer compares ------------------------------------------------------------------
    def vmseq_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] == vs1[i]``."""
        self._compare("vmseq.vv", "i", vd, vs2, ("v", vs1), np.equal, mask)

    def vmseq_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] == x``."""
        self._compare("vmseq.vx", "i", vd, vs2, ("x", x), np.equal, mask)

    def vmseq_vi(self, vd: int, vs2: int, imm: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] == imm``."""
        self._compare("vmseq.vi", "i", vd, vs2, ("i", imm), np.equal, mask)

    def vmsne_vi(self, vd: int, vs2: int, imm: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] != imm``."""
        self._compare("vmsne.vi", "i", vd, vs2, ("i", imm), np.not_equal, mask)

    def vmslt_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] < vs1[i]`` (signed)."""
        self._compare("vmslt.vv", "i", vd, vs2, ("v", vs1), np.less, mask)

    def vmslt_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] < x`` (signed)."""
        self._compare("vmslt.vx", "i", vd, vs2, ("x", x), np.less, mask)

    def vmslt_vi(self, vd: int, vs2: int, imm: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] < imm`` (pseudo-instruction for ``vmsle.vi`` with imm-1)."""
        self._compare("vmslt.vi", "i", vd, vs2, ("i", imm), np.less, mask)

    def vmsle_vi(self, vd: int, vs2: int, imm: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] <= imm`` (signed)."""
        self._compare("vmsle.vi", "i", vd, vs2, ("i", imm), np.less_equal, mask)

    def vmsgt_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] > x`` (signed)."""
        self._compare("vmsgt.vx", "i", vd, vs2, ("x", x), np.greater, mask)

    def vmsgt_vi(self, vd: int, vs2: int, imm: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] > imm`` (signed)."""
        self._compare("vmsgt.vi", "i", vd, vs2, ("i", imm), np.greater, mask)

    # -- float compares (false for NaN except vmfne) -----------------------------------------
    def vmfeq_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] == f``."""
        self._compare("vmfeq.vf", "f", vd, vs2, ("f", f), np.equal, mask)

    def vmfne_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] != f`` (true for NaN)."""
        self._compare("vmfne.vf", "f", vd, vs2, ("f", f), np.not_equal, mask)

    def vmflt_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] < f``."""
        self._compare("vmflt.vf", "f", vd, vs2, ("f", f), np.less, mask)

    def vmfle_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] <= f``."""
        self._compare("vmfle.vf", "f", vd, vs2, ("f", f), np.less_equal, mask)

    def vmfgt_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] > f``."""
        self._compare("vmfgt.vf", "f", vd, vs2, ("f", f), np.greater, mask)

    def vmfge_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] >= f``."""
        self._compare("vmfge.vf", "f", vd, vs2, ("f", f), np.greater_equal, mask)

    def vmflt_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd.mask[i] = vs2[i] < vs1[i]``."""
        self._compare("vmflt.vv", "f", vd, vs2, ("v", vs1), np.less, mask)

    # -- mask logic ----------------------------------------------------------------------------
    def _mask_logic(self, mnemonic: str, vd: int, vs2: int, vs1: int, fn: Compare) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        for v in (vs2, vs1):
            if isinstance(v, bool) or not isinstance(v, int | np.integer) or not 0 <= v <= 31:
                msg = f"{mnemonic}: vector registers are numbered 0..31, got {v!r}"
                raise IllegalInstruction(msg)
        vl = self._vl
        self._write_mask(vd, fn(self._bits(int(vs2))[:vl], self._bits(int(vs1))[:vl]), None, vtype)

    def vmand_mm(self, vd: int, vs2: int, vs1: int) -> None:
        """``vd.mask = vs2.mask & vs1.mask``."""
        self._mask_logic("vmand.mm", vd, vs2, vs1, np.logical_and)

    def vmor_mm(self, vd: int, vs2: int, vs1: int) -> None:
        """``vd.mask = vs2.mask | vs1.mask``."""
        self._mask_logic("vmor.mm", vd, vs2, vs1, np.logical_or)

    def vmxor_mm(self, vd: int, vs2: int, vs1: int) -> None:
        """``vd.mask = vs2.mask ^ vs1.mask``."""
        self._mask_logic("vmxor.mm", vd, vs2, vs1, np.logical_xor)

    def vmandn_mm(self, vd: int, vs2: int, vs1: int) -> None:
        """``vd.mask = vs2.mask & ~vs1.mask``."""
        self._mask_logic("vmandn.mm", vd, vs2, vs1, lambda a, b: a & ~b)

    def vmnand_mm(self, vd: int, vs2: int, vs1: int) -> None:
        """``vd.mask = ~(vs2.mask & vs1.mask)``."""
        self._mask_logic("vmnand.mm", vd, vs2, vs1, lambda a, b: ~(a & b))

    def vmnot_m(self, vd: int, vs: int) -> None:
        """``vmnot.m vd, vs`` (= ``vmnand.mm vd, vs, vs``): ``vd.mask = ~vs.mask``."""
        self._mask_logic("vmnot.m", vd, vs, vs, lambda a, _b: ~a)

    def vcpop_m(self, vs2: int, mask: bool = False) -> int:
        """``vcpop.m rd, vs2``: number of set bits among the first ``vl`` (active) ones."""
        self._issue("vcpop.m")
        self._require("vcpop.m")
        bits = self._bits(vs2)[: self._vl]
        active = self._active(mask)
        return int(np.count_nonzero(bits if active is None else bits & active))

    def vfirst_m(self, vs2: int, mask: bool = False) -> int:
        """``vfirst.m rd, vs2``: index of the first set (active) bit below ``vl``, else -1."""
        self._issue("vfirst.m")
        self._require("vfirst.m")
        bits = self._bits(vs2)[: self._vl]
        active = self._active(mask)
        found = np.flatnonzero(bits if active is None else bits & active)
        return int(found[0]) if found.size else -1

    # -- reductions ----------------------------------------------------------------------------
    def _reduce(
        self,
        mnemonic: str,
        kind: Kind,
        vd: int,
        vs2: int,
        vs1: int,
        fn: Callable[[np.ndarray], object],
        mask: bool,
    ) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        values = self._read(vs2, vtype, kind)
        active = self._active(mask)
        if self._vl == 0:
            return
        scalar_type = VType(vtype.sew, Fraction(1), vtype.ta, vtype.ma)
        start = self._view(self._check_single(vs1, "vs1"), scalar_type, kind)[:1]
        chosen = values if active is None else values[active]
        with np.errstate(all="ignore"):
            result = np.asarray(fn(np.concatenate([start, chosen])), dtype=start.dtype).reshape(1)
        saved = self._vl
        self._vl = 1  # the result is element 0 of a single register; the rest is tail
        try:
            self._write(self._check_single(vd, "vd"), scalar_type, kind, result, None)
        finally:
            self._vl = saved

    @staticmethod
    def _check_single(v: int, what: str) -> int:
        if isinstance(v, bool) or not isinstance(v, int | np.integer) or not 0 <= v <= 31:
            msg = f"{what}: vector registers are numbered 0..31, got {v!r}"
            raise IllegalInstruction(msg)
        return int(v)

    def vredsum_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = vs1[0] + sum(vs2[*])`` (integers, wrapping)."""
        self._reduce("vredsum.vs", "i", vd, vs2, vs1, _wrapping_sum, mask)

    def vredmax_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = max(vs1[0], vs2[*])`` (signed)."""
        self._reduce("vredmax.vs", "i", vd, vs2, vs1, np.max, mask)

    def vredmin_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = min(vs1[0], vs2[*])`` (signed)."""
        self._reduce("vredmin.vs", "i", vd, vs2, vs1, np.min, mask)

    def vfredusum_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = vs1[0] + sum(vs2[*])`` in an unspecified order."""
        self._reduce("vfredusum.vs", "f", vd, vs2, vs1, _wrapping_sum, mask)

    def vfredosum_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = (((vs1[0] + vs2[0]) + vs2[1]) + ...)``, strictly in element order."""
        self._reduce("vfredosum.vs", "f", vd, vs2, vs1, lambda v: np.add.accumulate(v)[-1], mask)

    def vfredmax_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = max(vs1[0], vs2[*])`` (maximumNumber)."""
        self._reduce("vfredmax.vs", "f", vd, vs2, vs1, np.fmax.reduce, mask)

    def vfredmin_vs(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[0] = min(vs1[0], vs2[*])`` (minimumNumber)."""
        self._reduce("vfredmin.vs", "f", vd, vs2, vs1, np.fmin.reduce, mask)
