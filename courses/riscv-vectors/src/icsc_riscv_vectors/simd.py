"""A fixed-width SIMD unit in the style of x86 SSE, AVX2 and AVX-512, with a counter.

The width is part of the instruction set: ``width=128`` models SSE (XMM registers),
``256`` AVX/AVX2 (YMM), ``512`` AVX-512 (ZMM) [Intel SDM vol. 1, chapters 10, 14, 15].
A vector instruction always handles exactly ``width / sew`` lanes, so a loop over ``n``
elements needs explicit *tail handling* for the last ``n mod lanes`` elements:

* a scalar epilogue (the scalar :meth:`SIMDMachine.load`, :meth:`~SIMDMachine.fmadd`,
  :meth:`~SIMDMachine.store`), which works on every width; or
* a masked last iteration, with an opmask register set by :meth:`SIMDMachine.kmask`;
  only AVX-512 (``width=512``) has opmask registers ``k1``..``k7`` for every instruction,
  and masked-off lanes neither load, store nor fault.

Instruction names are generic; the x86 instruction each one stands for (single
precision) is given in its docstring. Lanes hold IEEE floats: ``sew`` = 32 or 64.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from icsc_riscv_vectors.memory import PagedMemory

ISAS = {128: "SSE", 256: "AVX2", 512: "AVX-512"}


class SIMDMachine:
    """Fixed-width SIMD unit of ``width`` bits (128, 256 or 512) over a :class:`PagedMemory`.

    16 vector registers (32 with AVX-512), numbered from 0. ``ValueError`` for another
    width; ``ValueError`` for a masked instruction on a width without opmask registers.
    """

    def __init__(self, width: int, *, memory: PagedMemory | None = None) -> None:
        if width not in ISAS:
            msg = f"width must be 128 (SSE), 256 (AVX2) or 512 (AVX-512) bits, got {width!r}"
            raise ValueError(msg)
        self.width = int(width)
        self.isa = ISAS[self.width]
        self.masking = self.width == 512
        self.registers = 32 if self.masking else 16
        self.memory = memory if memory is not None else PagedMemory()
        self._regs = np.zeros((self.registers, self.width // 8), dtype=np.uint8)
        self._k = np.zeros((8, 64), dtype=bool)
        self._counts: Counter[str] = Counter()

    def lanes(self, sew: int = 32) -> int:
        """Elements per vector register for element width ``sew`` (32 or 64 bits)."""
        return self.width // self._sew(sew)

    @property
    def counts(self) -> dict[str, int]:
        """Executed instructions per name (``{"vload": 4, ...}``), a fresh dict."""
        return dict(sorted(self._counts.items()))

    def reset_counts(self) -> None:
        """Forget the counts."""
        self._counts.clear()

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _sew(sew: int) -> int:
        if sew not in (32, 64):
            msg = f"this SIMD model has float lanes of 32 or 64 bits, got sew={sew!r}"
            raise ValueError(msg)
        return sew

    def _reg(self, v: int) -> int:
        if (
            isinstance(v, bool)
            or not isinstance(v, int | np.integer)
            or not 0 <= v < self.registers
        ):
            msg = f"{self.isa} has vector registers 0..{self.registers - 1}, got {v!r}"
            raise ValueError(msg)
        return int(v)

    def _lanes_of(self, v: int, sew: int) -> np.ndarray:
        return self._regs[self._reg(v)].view(np.dtype(f"float{self._sew(sew)}"))

    def _active(self, k: int | None, sew: int) -> np.ndarray:
        lanes = self.lanes(sew)
        if k is None:
            return np.ones(lanes, dtype=bool)
        if not self.masking:
            msg = f"masked instructions need AVX-512 opmask registers; {self.isa} (width {self.width}) has none"
            raise ValueError(msg)
        if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k <= 7:
            msg = f"opmask registers usable as a write mask are k1..k7, got {k!r}"
            raise ValueError(msg)
        return self._k[int(k), :lanes].copy()

    @staticmethod
    def _address(address: int) -> int:
        if isinstance(address, bool) or not isinstance(address, int | np.integer):
            msg = f"the address must be an int, got {type(address).__name__}"
            raise TypeError(msg)
        return int(address)

    # -- vector instructions ---------------------------------------------------------------
    def vload(self, vd: int, address: int, sew: int = 32, k: int | None = None) -> None:
        """``vmovups vd{k}, [address]``: load all lanes (or the lanes set in opmask ``k``)."""
        self._counts["vload"] += 1
        active = self._active(k, sew)
        width = sew // 8
        starts = self._address(address) + width * np.flatnonzero(active)
        data = self.memory.gather(starts, width)
        self._lanes_of(vd, sew)[active] = data.reshape(-1).view(np.dtype(f"float{sew}"))

    def vstore(self, vs: int, address: int, sew: int = 32, k: int | None = None) -> None:
        """``vmovups [address]{k}, vs``: store all lanes (or the lanes set in ``k``)."""
        self._counts["vstore"] += 1
        active = self._active(k, sew)
        values = self._lanes_of(vs, sew)[active]
        starts = self._address(address) + (sew // 8) * np.flatnonzero(active)
        self.memory.scatter(starts, values.view(np.uint8).reshape(len(values), sew // 8))

    def vbroadcast(self, vd: int, value: float, sew: int = 32) -> None:
        """``vbroadcastss vd, value``: every lane of ``vd`` becomes ``value``."""
        self._counts["vbroadcast"] += 1
        with np.errstate(all="ignore"):
            self._lanes_of(vd, sew)[:] = value

    def vfmadd(self, vd: int, vs1: int, vs2: int, sew: int = 32, k: int | None = None) -> None:
        """``vfmadd231ps vd{k}, vs1, vs2``: ``vd = vs1 * vs2 + vd`` lane by lane."""
        self._counts["vfmadd"] += 1
        active = self._active(k, sew)
        d = self._lanes_of(vd, sew)
        with np.errstate(all="ignore"):
            exact = self._lanes_of(vs1, sew).astype(np.float64) * self._lanes_of(vs2, sew) + d
            d[active] = exact.astype(d.dtype)[active]

    def vfadd(self, vd: int, vs1: int, vs2: int, sew: int = 32, k: int | None = None) -> None:
        """``vaddps vd{k}, vs1, vs2``: ``vd = vs1 + vs2`` lane by lane."""
        self._counts["vfadd"] += 1
        active = self._active(k, sew)
        with np.errstate(all="ignore"):
            result = self._lanes_of(vs1, sew) + self._lanes_of(vs2, sew)
        self._lanes_of(vd, sew)[active] = result[active]

    def vfmul(self, vd: int, vs1: int, vs2: int, sew: int = 32, k: int | None = None) -> None:
        """``vmulps vd{k}, vs1, vs2``: ``vd = vs1 * vs2`` lane by lane."""
        self._counts["vfmul"] += 1
        active = self._active(k, sew)
        with np.errstate(all="ignore"):
            result = self._lanes_of(vs1, sew) * self._lanes_of(vs2, sew)
        self._lanes_of(vd, sew)[active] = result[active]

    def kmask(self, k: int, count: int, sew: int = 32) -> None:
        """Set opmask ``k`` to the first ``count`` lanes (0..lanes): ``bzhi`` + ``kmovw``."""
        self._counts["kmask"] += 1
        self._active(k, sew)
        lanes = self.lanes(sew)
        if (
            isinstance(count, bool)
            or not isinstance(count, int | np.integer)
            or not 0 <= count <= lanes
        ):
            msg = f"kmask: count must be an int in 0..{lanes}, got {count!r}"
            raise ValueError(msg)
        self._k[int(k)] = False
        self._k[int(k), : int(count)] = True

    # -- scalar instructions ---------------------------------------------------------------
    def load(self, address: int, sew: int = 32) -> float:
        """``vmovss xmm, [address]``: one scalar element."""
        self._counts["load"] += 1
        dtype = np.dtype(f"float{self._sew(sew)}")
        return float(
            self.memory.gather(np.array([self._address(address)]), sew // 8).view(dtype)[0, 0]
        )

    def store(self, address: int, value: float, sew: int = 32) -> None:
        """``vmovss [address], xmm``: one scalar element (rounded to ``sew`` bits)."""
        self._counts["store"] += 1
        with np.errstate(all="ignore"):
            raw = np.array([value], dtype=np.dtype(f"float{self._sew(sew)}")).view(np.uint8)
        self.memory.scatter(np.array([self._address(address)]), raw.reshape(1, -1))

    def fmadd(self, a: float, b: float, c: float, sew: int = 32) -> float:
        """``vfmadd231ss``: ``a * b + c`` rounded once to ``sew`` bits (SEW=32)."""
        self._counts["fmadd"] += 1
        dtype = np.dtype(f"float{self._sew(sew)}")
        with np.errstate(all="ignore"):
            return float(dtype.type(np.float64(a) * np.float64(b) + np.float64(c)))

    # -- host inspection -------------------------------------------------------------------
    def peek(self, v: int, sew: int = 32) -> np.ndarray:
        """Copy of the lanes of register ``v`` (not an instruction)."""
        return self._lanes_of(v, sew).copy()
