"""Vector loads and stores of the RVV model (spec chapter 7).

Unit-stride ``vle<eew>.v``/``vse<eew>.v``, strided ``vlse<eew>.v``/``vsse<eew>.v`` and
the fault-only-first ``vle<eew>ff.v``. The model supports EEW = SEW only (the element
width in the mnemonic must match the ``vsetvli``), which is all the course kernels need.
Masked-off elements do not touch memory and cannot fault (spec section 7).

Fault-only-first (spec section 7.7): if the first element faults, the trap is taken (here:
:class:`~icsc_riscv_vectors.memory.MemoryFault`); if a later element ``i`` would fault, no
trap is taken and ``vl`` becomes ``i``. That is how ``strlen`` can read ahead safely.
"""

from __future__ import annotations

import numpy as np

from icsc_riscv_vectors.rvv_core import RVVCore
from icsc_riscv_vectors.vtype import IllegalInstruction, VType


class MemoryOps(RVVCore):
    """Vector load/store instructions (mixed into :class:`~icsc_riscv_vectors.rvv.RVVMachine`)."""

    def _addresses(
        self, mnemonic: str, eew: int, address: int, stride: int | None
    ) -> tuple[VType, np.ndarray]:
        vtype = self._require(mnemonic)
        if eew != vtype.sew:
            msg = f"{mnemonic} while SEW={vtype.sew}: this model needs EEW = SEW (vsetvli with e{eew})"
            raise IllegalInstruction(msg)
        if isinstance(address, bool) or not isinstance(address, int | np.integer):
            msg = f"{mnemonic}: the address must be an int, got {type(address).__name__}"
            raise TypeError(msg)
        step = eew // 8 if stride is None else int(stride)
        return vtype, int(address) + step * np.arange(self._vl, dtype=np.int64)

    def _load(
        self, mnemonic: str, eew: int, vd: int, address: int, mask: bool, *,
        stride: int | None = None, fault_only_first: bool = False,
    ) -> None:  # fmt: skip
        self._issue(mnemonic)
        vtype, starts = self._addresses(mnemonic, eew, address, stride)
        self._group(vd, vtype, "vd")
        active = self._active(mask)
        index = np.arange(self._vl) if active is None else np.flatnonzero(active)
        width = eew // 8
        if fault_only_first:
            bad = self.memory.first_fault(starts[index], width)
            if bad is not None and index[bad] > 0:
                self._vl = int(index[bad])
                index = index[:bad]
                starts = starts[: self._vl]
                active = None if active is None else active[: self._vl]
        data = self.memory.gather(starts[index], width)
        values = np.zeros(self._vl, dtype=self._dtype(eew, "u"))
        values[index] = data.reshape(-1).view(values.dtype)
        self._write(vd, vtype, "u", values, active)

    def _store(
        self, mnemonic: str, eew: int, vs3: int, address: int, mask: bool, stride: int | None = None
    ) -> None:
        self._issue(mnemonic)
        vtype, starts = self._addresses(mnemonic, eew, address, stride)
        values = self._read(vs3, vtype, "u", "vs3")
        active = self._active(mask)
        index = np.arange(self._vl) if active is None else np.flatnonzero(active)
        self.memory.scatter(
            starts[index], values[index].view(np.uint8).reshape(len(index), eew // 8)
        )

    # -- unit stride -------------------------------------------------------------------------
    def vle8(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle8.v vd, (address)[, v0.t]``: load ``vl`` bytes."""
        self._load("vle8.v", 8, vd, address, mask)

    def vle16(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle16.v vd, (address)[, v0.t]``: load ``vl`` 16-bit elements."""
        self._load("vle16.v", 16, vd, address, mask)

    def vle32(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle32.v vd, (address)[, v0.t]``: load ``vl`` 32-bit elements."""
        self._load("vle32.v", 32, vd, address, mask)

    def vle64(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle64.v vd, (address)[, v0.t]``: load ``vl`` 64-bit elements."""
        self._load("vle64.v", 64, vd, address, mask)

    def vse8(self, vs3: int, address: int, mask: bool = False) -> None:
        """``vse8.v vs3, (address)[, v0.t]``: store ``vl`` bytes."""
        self._store("vse8.v", 8, vs3, address, mask)

    def vse16(self, vs3: int, address: int, mask: bool = False) -> None:
        """``vse16.v vs3, (address)[, v0.t]``: store ``vl`` 16-bit elements."""
        self._store("vse16.v", 16, vs3, address, mask)

    def vse32(self, vs3: int, address: int, mask: bool = False) -> None:
        """``vse32.v vs3, (address)[, v0.t]``: store ``vl`` 32-bit elements."""
        self._store("vse32.v", 32, vs3, address, mask)

    def vse64(self, vs3: int, address: int, mask: bool = False) -> None:
        """``vse64.v vs3, (address)[, v0.t]``: store ``vl`` 64-bit elements."""
        self._store("vse64.v", 64, vs3, address, mask)

    # -- fault-only-first --------------------------------------------------------------------
    def vle8ff(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle8ff.v``: like ``vle8.v`` but a fault past element 0 only shrinks ``vl``."""
        self._load("vle8ff.v", 8, vd, address, mask, fault_only_first=True)

    def vle16ff(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle16ff.v``: fault-only-first load of 16-bit elements."""
        self._load("vle16ff.v", 16, vd, address, mask, fault_only_first=True)

    def vle32ff(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle32ff.v``: fault-only-first load of 32-bit elements."""
        self._load("vle32ff.v", 32, vd, address, mask, fault_only_first=True)

    def vle64ff(self, vd: int, address: int, mask: bool = False) -> None:
        """``vle64ff.v``: fault-only-first load of 64-bit elements."""
        self._load("vle64ff.v", 64, vd, address, mask, fault_only_first=True)

    # -- strided -------------------------------------------------------------------------------
    def vlse32(self, vd: int, address: int, stride: int, mask: bool = False) -> None:
        """``vlse32.v vd, (address), stride``: element ``i`` from ``address + i*stride`` [bytes]."""
        self._load("vlse32.v", 32, vd, address, mask, stride=stride)

    def vlse64(self, vd: int, address: int, stride: int, mask: bool = False) -> None:
        """``vlse64.v vd, (address), stride``: strided load of 64-bit elements."""
        self._load("vlse64.v", 64, vd, address, mask, stride=stride)

    def vsse32(self, vs3: int, address: int, stride: int, mask: bool = False) -> None:
        """``vsse32.v vs3, (address), stride``: strided store of 32-bit elements."""
        self._store("vsse32.v", 32, vs3, address, mask, stride)

    def vsse64(self, vs3: int, address: int, stride: int, mask: bool = False) -> None:
        """``vsse64.v vs3, (address), stride``: strided store of 64-bit elements."""
        self._store("vsse64.v", 64, vs3, address, mask, stride)
