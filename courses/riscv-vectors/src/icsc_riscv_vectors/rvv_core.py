"""State of the RVV machine model: registers, ``vl``/``vtype``, policies, the counter.

The instruction methods live in :mod:`~icsc_riscv_vectors.rvv_memory`,
:mod:`~icsc_riscv_vectors.rvv_arith` and :mod:`~icsc_riscv_vectors.rvv_mask`;
:class:`~icsc_riscv_vectors.rvv.RVVMachine` puts them together.

Register file: 32 registers ``v0``..``v31`` of VLEN bits, stored as bytes. With LMUL > 1 a
register *group* ``vN..vN+LMUL-1`` is one operand, and N must be a multiple of LMUL (other
numbers are reserved encodings, refused here). Mask registers are single registers whose
bit ``i`` (bit ``i % 8`` of byte ``i // 8``) belongs to element ``i``; masked instructions
(``mask=True``, written ``v0.t`` in assembly) take their mask from ``v0``.

Tail and inactive elements (spec section 3.4.3): *undisturbed* keeps the old value;
*agnostic* may keep it or write all ones, and software must not care which. The model
picks one behaviour for every agnostic element: ``agnostic="ones"`` (the default; the
all-ones bit pattern is NaN for floats and -1 for signed integers, so a kernel that reads
agnostic elements goes visibly wrong) or ``agnostic="undisturbed"`` (what a simple in-order
core may do). A correct kernel gives the same result with both.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

import numpy as np

from icsc_riscv_vectors.memory import PagedMemory
from icsc_riscv_vectors.vtype import (
    VL_RULES,
    IllegalInstruction,
    VType,
    check_vlen,
    make_vtype,
    new_vl,
)

AGNOSTIC_MODES = ("ones", "undisturbed")
Kind = Literal["i", "u", "f"]


class RVVCore:
    """Registers, CSRs, configuration and the instruction counter of the RVV model.

    ``vlen`` [bits] is a power of two in [64, 65536]; ``vl_rule`` is ``"min"`` or
    ``"balanced"`` (see :mod:`~icsc_riscv_vectors.vtype`); ``agnostic`` is ``"ones"`` or
    ``"undisturbed"``; ``memory`` defaults to a fresh 1 MiB :class:`PagedMemory`.
    ``trace=True`` also records every executed mnemonic, in order, in :attr:`trace`.
    Bad arguments raise ``ValueError``/``TypeError``. Like a real hart after reset,
    ``vtype.vill`` is set until the first successful ``vsetvli``.
    """

    def __init__(
        self,
        vlen: int,
        *,
        vl_rule: str = "min",
        agnostic: str = "ones",
        memory: PagedMemory | None = None,
        trace: bool = False,
    ) -> None:
        self.vlen = check_vlen(vlen)
        self.vlenb = self.vlen // 8
        if vl_rule not in VL_RULES:
            msg = f"vl_rule must be one of {VL_RULES}, got {vl_rule!r}"
            raise ValueError(msg)
        if agnostic not in AGNOSTIC_MODES:
            msg = f"agnostic must be one of {AGNOSTIC_MODES}, got {agnostic!r}"
            raise ValueError(msg)
        self.vl_rule, self.agnostic = vl_rule, agnostic
        self.memory = memory if memory is not None else PagedMemory()
        self._regs = np.zeros((32, self.vlenb), dtype=np.uint8)
        self._vtype: VType | None = None
        self._vl = 0
        self._counts: Counter[str] = Counter()
        self.trace: list[str] | None = [] if trace else None

    # -- CSRs and counters (reading them here is host inspection, not an instruction) ----
    @property
    def vl(self) -> int:
        """Current ``vl`` (use :meth:`csrr_vl` in kernels: on hardware it is an instruction)."""
        return self._vl

    @property
    def vtype(self) -> VType | None:
        """Current vector type, ``None`` while ``vill`` is set."""
        return self._vtype

    @property
    def vlmax(self) -> int:
        """VLMAX of the current ``vtype`` (0 while ``vill`` is set)."""
        return self._vtype.vlmax(self.vlen) if self._vtype else 0

    @property
    def counts(self) -> dict[str, int]:
        """Executed instructions per mnemonic (``{"vle32.v": 8, ...}``), a fresh dict."""
        return dict(sorted(self._counts.items()))

    def reset_counts(self) -> None:
        """Forget the counts (and the trace)."""
        self._counts.clear()
        if self.trace is not None:
            self.trace.clear()

    def _issue(self, mnemonic: str) -> None:
        self._counts[mnemonic] += 1
        if self.trace is not None:
            self.trace.append(mnemonic)

    def _require(self, mnemonic: str) -> VType:
        if self._vtype is None:
            msg = f"{mnemonic}: vtype.vill is set (no successful vsetvli yet, or an unsupported SEW/LMUL)"
            raise IllegalInstruction(msg)
        return self._vtype

    # -- configuration -------------------------------------------------------------------
    def vsetvli(
        self,
        avl: int | Literal["keep"] | None,
        sew: int,
        lmul: float | str = 1,
        *,
        ta: bool = False,
        ma: bool = False,
    ) -> int:
        """``vsetvli rd, rs1, e<sew>, m<lmul>, ta|tu, ma|mu``; returns the new ``vl``.

        ``avl`` is the application vector length (an int >= 0); ``None`` stands for
        ``rs1 = x0`` (AVL = ~0, so ``vl = VLMAX``); ``"keep"`` for ``rd = rs1 = x0`` (keep
        ``vl``; only legal when VLMAX does not change). ``ta``/``ma`` default to undisturbed,
        as the spec says for a ``vsetvli`` written without the flags. An unsupported
        SEW/LMUL sets ``vill`` and ``vl = 0`` (and returns 0), as on hardware.
        """
        self._issue("vsetvli")
        return self._configure(avl, sew, lmul, ta, ma)

    def vsetivli(
        self, uimm: int, sew: int, lmul: float | str = 1, *, ta: bool = False, ma: bool = False
    ) -> int:
        """``vsetivli rd, uimm, ...``: like :meth:`vsetvli` with a 5-bit immediate AVL (0..31)."""
        self._issue("vsetivli")
        if isinstance(uimm, bool) or not isinstance(uimm, int | np.integer) or not 0 <= uimm <= 31:
            msg = f"vsetivli: the immediate AVL must be an int in 0..31, got {uimm!r}"
            raise IllegalInstruction(msg)
        return self._configure(int(uimm), sew, lmul, ta, ma)

    def _configure(self, avl: object, sew: int, lmul: float | str, ta: bool, ma: bool) -> int:
        try:
            vtype = make_vtype(sew, lmul, ta, ma)
        except IllegalInstruction:
            self._vtype, self._vl = None, 0
            return 0
        vlmax = vtype.vlmax(self.vlen)
        if avl == "keep":
            if self._vtype is None or self._vtype.vlmax(self.vlen) != vlmax:
                msg = "vsetvli x0, x0: keeping vl is reserved when VLMAX changes (keep SEW/LMUL fixed)"
                raise IllegalInstruction(msg)
            self._vtype = vtype
            return self._vl
        if avl is None:
            count = vlmax
        elif isinstance(avl, bool) or not isinstance(avl, int | np.integer):
            msg = f"vsetvli: AVL must be an int >= 0, None (x0) or 'keep', got {avl!r}"
            raise TypeError(msg)
        else:
            count = int(avl)
        self._vtype, self._vl = vtype, new_vl(count, vlmax, self.vl_rule)
        return self._vl

    def csrr_vl(self) -> int:
        """``csrr rd, vl``: read the vector length (after a fault-only-first load, say)."""
        self._issue("csrr vl")
        return self._vl

    def csrr_vlenb(self) -> int:
        """``csrr rd, vlenb``: VLEN in bytes, the one hardware constant software may read."""
        self._issue("csrr vlenb")
        return self.vlenb

    # -- register access helpers -----------------------------------------------------------
    def _group(self, v: int, vtype: VType, what: str = "operand") -> int:
        if isinstance(v, bool) or not isinstance(v, int | np.integer) or not 0 <= v <= 31:
            msg = f"{what}: vector registers are numbered 0..31, got {v!r}"
            raise IllegalInstruction(msg)
        if v % vtype.registers:
            msg = (
                f"{what} v{v}: with LMUL={vtype.lmul} a register group starts at a multiple "
                f"of {vtype.registers} (other numbers are reserved)"
            )
            raise IllegalInstruction(msg)
        return int(v)

    @staticmethod
    def _dtype(sew: int, kind: Kind) -> np.dtype:
        if kind == "f":
            if sew not in (32, 64):
                msg = f"floating-point instructions need SEW = 32 or 64 in this model, not {sew}"
                raise IllegalInstruction(msg)
            return np.dtype(f"float{sew}")
        return np.dtype(f"{'int' if kind == 'i' else 'uint'}{sew}")

    def _view(self, v: int, vtype: VType, kind: Kind) -> np.ndarray:
        """Writable view of every element of the group at ``v`` (body and tail)."""
        block = self._regs[v : v + vtype.registers].reshape(-1)
        return block.view(self._dtype(vtype.sew, kind))

    def _read(self, v: int, vtype: VType, kind: Kind, what: str = "vs2") -> np.ndarray:
        """A copy of the ``vl`` body elements of the group at ``v``."""
        return self._view(self._group(v, vtype, what), vtype, kind)[: self._vl].copy()

    def _active(self, mask: bool) -> np.ndarray | None:
        """The ``vl`` mask bits of ``v0`` when ``mask`` (``v0.t``), else None (all active)."""
        if not mask:
            return None
        return self._bits(0)[: self._vl].copy()

    def _bits(self, v: int) -> np.ndarray:
        return np.unpackbits(self._regs[v], bitorder="little").astype(bool)

    def _write(
        self, vd: int, vtype: VType, kind: Kind, values: np.ndarray, active: np.ndarray | None
    ) -> None:
        """Write ``values`` (``vl`` of them) to the group ``vd`` under mask and policies."""
        vd = self._group(vd, vtype, "vd")
        if active is not None and vd < vtype.registers:
            msg = "a masked instruction's destination group may not overlap the mask register v0"
            raise IllegalInstruction(msg)
        vl = self._vl
        view = self._view(vd, vtype, kind)
        raw = self._view(vd, vtype, "u")
        ones = np.iinfo(raw.dtype).max
        if active is None:
            view[:vl] = values
        else:
            index = np.flatnonzero(active)
            view[index] = np.asarray(values)[index]
            if vtype.ma and self.agnostic == "ones":
                raw[np.flatnonzero(~active)] = ones
        if vtype.ta and self.agnostic == "ones":
            raw[vl:] = ones

    def _write_mask(
        self, vd: int, bits: np.ndarray, active: np.ndarray | None, vtype: VType
    ) -> None:
        """Write ``vl`` mask bits to register ``vd``; mask tails are always agnostic."""
        if isinstance(vd, bool) or not isinstance(vd, int | np.integer) or not 0 <= vd <= 31:
            msg = f"vd: vector registers are numbered 0..31, got {vd!r}"
            raise IllegalInstruction(msg)
        vl = self._vl
        current = self._bits(int(vd))
        if active is None:
            current[:vl] = bits
        else:
            current[:vl][active] = np.asarray(bits)[active]
            if vtype.ma and self.agnostic == "ones":
                current[:vl][~active] = True
        if self.agnostic == "ones":
            current[vl:] = True
        self._regs[int(vd)] = np.packbits(current, bitorder="little")

    # -- host inspection (not instructions) -------------------------------------------------
    def peek(self, v: int, kind: Kind = "f") -> np.ndarray:
        """Copy of all elements of group ``v`` under the current ``vtype`` (body and tail)."""
        vtype = self._require("peek")
        return self._view(self._group(v, vtype), vtype, kind).copy()

    def peek_mask(self, v: int = 0) -> np.ndarray:
        """The VLEN mask bits of register ``v`` as booleans."""
        return self._bits(v)
