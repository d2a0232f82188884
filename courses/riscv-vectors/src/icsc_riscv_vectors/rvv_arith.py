"""Vector arithmetic and moves of the RVV model (spec chapters 11, 13, 16.1-16.6).

Methods are named after the assembly mnemonic with ``.`` replaced by ``_`` and take their
operands in assembly order: ``vadd_vv(vd, vs2, vs1)`` is ``vadd.vv vd, vs2, vs1``,
``vfmacc_vf(vd, f, vs2)`` is ``vfmacc.vf vd, rs1, vs2``. ``mask=True`` appends ``v0.t``.
Operand forms: ``.vv`` two vector groups, ``.vx``/``.vf`` a scalar (int / float) that is
broadcast, ``.vi`` a 5-bit signed immediate (-16..15).

Integers are SEW-bit two's complement and wrap around. Floats are IEEE binary32 (SEW=32)
or binary64 (SEW=64). ``vfmacc``/``vfnmsac``/``vfmadd`` with SEW=32 compute in binary64
and round once to binary32 (as close to a fused multiply-add as NumPy gets); with SEW=64
they round twice. No floating-point exception flags are modelled.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from icsc_riscv_vectors.rvv_core import Kind, RVVCore
from icsc_riscv_vectors.vtype import IllegalInstruction, VType

Operand = tuple[str, object]


def _imm5(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not -16 <= value <= 15:
        msg = f"a .vi immediate is a 5-bit signed int (-16..15), got {value!r}"
        raise IllegalInstruction(msg)
    return int(value)


class ArithmeticOps(RVVCore):
    """Integer and floating-point element-wise instructions, moves and merges."""

    # -- operand helpers -------------------------------------------------------------------
    def _scalar(self, value: object, vtype: VType, kind: Kind) -> np.ndarray:
        """A scalar operand broadcast to ``vl`` elements of the SEW type."""
        dtype = self._dtype(vtype.sew, kind)
        if kind == "f":
            if not isinstance(value, int | float | np.integer | np.floating) or isinstance(
                value, bool
            ):
                msg = f"a .vf operand must be a float, got {type(value).__name__}"
                raise TypeError(msg)
            with np.errstate(all="ignore"):
                return np.full(self._vl, value, dtype=dtype)
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            msg = f"a .vx operand must be an int, got {type(value).__name__}"
            raise TypeError(msg)
        bits = int(value) & ((1 << vtype.sew) - 1)
        unsigned = np.full(self._vl, bits, dtype=self._dtype(vtype.sew, "u"))
        return unsigned.view(dtype)

    def _operand(self, operand: Operand, vtype: VType, kind: Kind) -> np.ndarray:
        form, value = operand
        if form == "v":
            return self._read(value, vtype, kind, "vs1")  # type: ignore[arg-type]
        if form == "i":
            return self._scalar(_imm5(value), vtype, kind)
        return self._scalar(value, vtype, kind)

    def _binary(
        self, mnemonic: str, kind: Kind, vd: int, vs2: int, operand: Operand,
        fn: Callable[[np.ndarray, np.ndarray], np.ndarray], mask: bool,
    ) -> None:  # fmt: skip
        """``vd[i] = fn(vs2[i], operand[i])`` for the active body elements."""
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        a = self._read(vs2, vtype, kind)
        b = self._operand(operand, vtype, kind)
        active = self._active(mask)
        with np.errstate(all="ignore"):
            result = np.asarray(fn(a, b)).astype(a.dtype, copy=False)
        self._write(vd, vtype, kind, result, active)

    def _fused(
        self,
        mnemonic: str,
        vd: int,
        first: Operand,
        vs2: int,
        sign: float,
        addend_is_vd: bool,
        mask: bool,
    ) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        a = self._operand(first, vtype, "f").astype(np.float64)
        b = self._read(vs2, vtype, "f").astype(np.float64)
        d = self._read(vd, vtype, "f", "vd").astype(np.float64)
        active = self._active(mask)
        with np.errstate(all="ignore"):
            # vfmacc/vfnmsac: vd = +-(a * vs2) + vd;  vfmadd: vd = (a * vd) + vs2.
            exact = sign * a * b + d if addend_is_vd else a * d + b
            result = exact.astype(self._dtype(vtype.sew, "f"))
        self._write(vd, vtype, "f", result, active)

    # -- integer -----------------------------------------------------------------------------
    def vadd_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] + vs1[i]``."""
        self._binary("vadd.vv", "i", vd, vs2, ("v", vs1), np.add, mask)

    def vadd_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] + x``."""
        self._binary("vadd.vx", "i", vd, vs2, ("x", x), np.add, mask)

    def vadd_vi(self, vd: int, vs2: int, imm: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] + imm``."""
        self._binary("vadd.vi", "i", vd, vs2, ("i", imm), np.add, mask)

    def vsub_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] - vs1[i]``."""
        self._binary("vsub.vv", "i", vd, vs2, ("v", vs1), np.subtract, mask)

    def vsub_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] - x``."""
        self._binary("vsub.vx", "i", vd, vs2, ("x", x), np.subtract, mask)

    def vrsub_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd[i] = x - vs2[i]``."""
        self._binary("vrsub.vx", "i", vd, vs2, ("x", x), lambda a, b: b - a, mask)

    def vmul_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] * vs1[i]`` (low SEW bits)."""
        self._binary("vmul.vv", "i", vd, vs2, ("v", vs1), np.multiply, mask)

    def vmul_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] * x`` (low SEW bits)."""
        self._binary("vmul.vx", "i", vd, vs2, ("x", x), np.multiply, mask)

    def vand_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] & vs1[i]``."""
        self._binary("vand.vv", "i", vd, vs2, ("v", vs1), np.bitwise_and, mask)

    def vor_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] | vs1[i]``."""
        self._binary("vor.vv", "i", vd, vs2, ("v", vs1), np.bitwise_or, mask)

    def vxor_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] ^ vs1[i]``."""
        self._binary("vxor.vv", "i", vd, vs2, ("v", vs1), np.bitwise_xor, mask)

    def vmin_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = min(vs2[i], vs1[i])`` (signed)."""
        self._binary("vmin.vv", "i", vd, vs2, ("v", vs1), np.minimum, mask)

    def vmax_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = max(vs2[i], vs1[i])`` (signed)."""
        self._binary("vmax.vv", "i", vd, vs2, ("v", vs1), np.maximum, mask)

    def vmin_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd[i] = min(vs2[i], x)`` (signed)."""
        self._binary("vmin.vx", "i", vd, vs2, ("x", x), np.minimum, mask)

    def vmax_vx(self, vd: int, vs2: int, x: int, mask: bool = False) -> None:
        """``vd[i] = max(vs2[i], x)`` (signed)."""
        self._binary("vmax.vx", "i", vd, vs2, ("x", x), np.maximum, mask)

    # -- floating point ----------------------------------------------------------------------
    def vfadd_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] + vs1[i]``."""
        self._binary("vfadd.vv", "f", vd, vs2, ("v", vs1), np.add, mask)

    def vfadd_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd[i] = vs2[i] + f``."""
        self._binary("vfadd.vf", "f", vd, vs2, ("f", f), np.add, mask)

    def vfsub_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] - vs1[i]``."""
        self._binary("vfsub.vv", "f", vd, vs2, ("v", vs1), np.subtract, mask)

    def vfsub_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd[i] = vs2[i] - f``."""
        self._binary("vfsub.vf", "f", vd, vs2, ("f", f), np.subtract, mask)

    def vfmul_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] * vs1[i]``."""
        self._binary("vfmul.vv", "f", vd, vs2, ("v", vs1), np.multiply, mask)

    def vfmul_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd[i] = vs2[i] * f``."""
        self._binary("vfmul.vf", "f", vd, vs2, ("f", f), np.multiply, mask)

    def vfdiv_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = vs2[i] / vs1[i]``."""
        self._binary("vfdiv.vv", "f", vd, vs2, ("v", vs1), np.divide, mask)

    def vfmin_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd[i] = min(vs2[i], f)`` (IEEE minimumNumber: a NaN operand loses)."""
        self._binary("vfmin.vf", "f", vd, vs2, ("f", f), np.fmin, mask)

    def vfmax_vf(self, vd: int, vs2: int, f: float, mask: bool = False) -> None:
        """``vd[i] = max(vs2[i], f)`` (IEEE maximumNumber: a NaN operand loses)."""
        self._binary("vfmax.vf", "f", vd, vs2, ("f", f), np.fmax, mask)

    def vfmin_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = min(vs2[i], vs1[i])``."""
        self._binary("vfmin.vv", "f", vd, vs2, ("v", vs1), np.fmin, mask)

    def vfmax_vv(self, vd: int, vs2: int, vs1: int, mask: bool = False) -> None:
        """``vd[i] = max(vs2[i], vs1[i])``."""
        self._binary("vfmax.vv", "f", vd, vs2, ("v", vs1), np.fmax, mask)

    def vfmacc_vv(self, vd: int, vs1: int, vs2: int, mask: bool = False) -> None:
        """``vfmacc.vv vd, vs1, vs2``: ``vd[i] = vs1[i] * vs2[i] + vd[i]``."""
        self._fused("vfmacc.vv", vd, ("v", vs1), vs2, 1.0, True, mask)

    def vfmacc_vf(self, vd: int, f: float, vs2: int, mask: bool = False) -> None:
        """``vfmacc.vf vd, rs1, vs2``: ``vd[i] = f * vs2[i] + vd[i]``."""
        self._fused("vfmacc.vf", vd, ("f", f), vs2, 1.0, True, mask)

    def vfnmsac_vv(self, vd: int, vs1: int, vs2: int, mask: bool = False) -> None:
        """``vfnmsac.vv vd, vs1, vs2``: ``vd[i] = -(vs1[i] * vs2[i]) + vd[i]``."""
        self._fused("vfnmsac.vv", vd, ("v", vs1), vs2, -1.0, True, mask)

    def vfmadd_vf(self, vd: int, f: float, vs2: int, mask: bool = False) -> None:
        """``vfmadd.vf vd, rs1, vs2``: ``vd[i] = f * vd[i] + vs2[i]``."""
        self._fused("vfmadd.vf", vd, ("f", f), vs2, 1.0, False, mask)

    def vfsqrt_v(self, vd: int, vs2: int, mask: bool = False) -> None:
        """``vd[i] = sqrt(vs2[i])`` (NaN for negative inputs)."""
        self._binary("vfsqrt.v", "f", vd, vs2, ("f", 0.0), lambda a, _b: np.sqrt(a), mask)

    # -- moves and merges --------------------------------------------------------------------
    def vmv_v_v(self, vd: int, vs1: int) -> None:
        """``vd[i] = vs1[i]`` (copies ``vl`` elements)."""
        self._binary("vmv.v.v", "u", vd, vs1, ("x", 0), lambda a, _b: a, False)

    def vmv_v_x(self, vd: int, x: int) -> None:
        """``vd[i] = x`` (splat an integer)."""
        self._splat("vmv.v.x", "i", vd, ("x", x))

    def vmv_v_i(self, vd: int, imm: int) -> None:
        """``vd[i] = imm`` (splat a 5-bit signed immediate)."""
        self._splat("vmv.v.i", "i", vd, ("i", imm))

    def vfmv_v_f(self, vd: int, f: float) -> None:
        """``vd[i] = f`` (splat a float)."""
        self._splat("vfmv.v.f", "f", vd, ("f", f))

    def _splat(self, mnemonic: str, kind: Kind, vd: int, operand: Operand) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        self._write(vd, vtype, kind, self._operand(operand, vtype, kind), None)

    def vmerge_vvm(self, vd: int, vs2: int, vs1: int) -> None:
        """``vmerge.vvm vd, vs2, vs1, v0``: ``vd[i] = vs1[i] if v0[i] else vs2[i]``."""
        self._merge("vmerge.vvm", "u", vd, vs2, ("v", vs1))

    def vmerge_vxm(self, vd: int, vs2: int, x: int) -> None:
        """``vmerge.vxm vd, vs2, rs1, v0``: ``vd[i] = x if v0[i] else vs2[i]``."""
        self._merge("vmerge.vxm", "i", vd, vs2, ("x", x))

    def vmerge_vim(self, vd: int, vs2: int, imm: int) -> None:
        """``vmerge.vim vd, vs2, imm, v0``: ``vd[i] = imm if v0[i] else vs2[i]``."""
        self._merge("vmerge.vim", "i", vd, vs2, ("i", imm))

    def vfmerge_vfm(self, vd: int, vs2: int, f: float) -> None:
        """``vfmerge.vfm vd, vs2, rs1, v0``: ``vd[i] = f if v0[i] else vs2[i]``."""
        self._merge("vfmerge.vfm", "f", vd, vs2, ("f", f))

    def _merge(self, mnemonic: str, kind: Kind, vd: int, vs2: int, operand: Operand) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        if self._group(vd, vtype, "vd") < vtype.registers:
            msg = f"{mnemonic}: the destination may not overlap the selector v0"
            raise IllegalInstruction(msg)
        selector = self._bits(0)[: self._vl]
        result = np.where(
            selector, self._operand(operand, vtype, kind), self._read(vs2, vtype, kind)
        )
        self._write(vd, vtype, kind, result, None)

    def vid_v(self, vd: int, mask: bool = False) -> None:
        """``vd[i] = i`` (element indices)."""
        self._issue("vid.v")
        vtype = self._require("vid.v")
        self._write(
            vd,
            vtype,
            "u",
            np.arange(self._vl).astype(self._dtype(vtype.sew, "u")),
            self._active(mask),
        )

    def vmv_x_s(self, vs2: int) -> int:
        """``vmv.x.s rd, vs2``: element 0 as a (sign-extended) int, whatever ``vl`` is."""
        self._issue("vmv.x.s")
        vtype = self._require("vmv.x.s")
        return int(self._view(self._group(vs2, vtype, "vs2"), vtype, "i")[0])

    def vfmv_f_s(self, vs2: int) -> float:
        """``vfmv.f.s rd, vs2``: element 0 as a float, whatever ``vl`` is."""
        self._issue("vfmv.f.s")
        vtype = self._require("vfmv.f.s")
        return float(self._view(self._group(vs2, vtype, "vs2"), vtype, "f")[0])

    def vmv_s_x(self, vd: int, x: int) -> None:
        """``vmv.s.x vd, rs1``: ``vd[0] = x`` if ``vl > 0``; the other elements are tail."""
        self._scalar_move("vmv.s.x", "i", vd, ("x", x))

    def vfmv_s_f(self, vd: int, f: float) -> None:
        """``vfmv.s.f vd, rs1``: ``vd[0] = f`` if ``vl > 0``; the other elements are tail."""
        self._scalar_move("vfmv.s.f", "f", vd, ("f", f))

    def _scalar_move(self, mnemonic: str, kind: Kind, vd: int, operand: Operand) -> None:
        self._issue(mnemonic)
        vtype = self._require(mnemonic)
        if self._vl == 0:
            return
        value = self._operand(operand, vtype, kind)[:1]
        saved = self._vl
        self._vl = 1  # element 0 is the body, everything else the tail
        try:
            self._write(vd, vtype, kind, value, None)
        finally:
            self._vl = saved
