# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 3: memcpy, the way the RVV specification writes it.

Copying bytes is the simplest strip-mined loop there is, and a good place to see LMUL at
work: with SEW = 8 and LMUL = 8 one ``vle8.v`` moves ``8 * VLEN / 8 = VLEN`` bytes, i.e.
eight whole registers (v0..v7) at once. Fewer, longer instructions; the price is that you
have only four such register groups.
"""

from __future__ import annotations

from typing import Any

from icsc_riscv_vectors import RVVMachine


def memcpy(data: bytes, vlen: int, **machine: Any) -> tuple[bytes, dict[str, int]]:
    """Copy ``data`` from one buffer of the machine's memory to another.

    Contract:

    * ``data`` is ``bytes`` or ``bytearray`` (else ``TypeError``), of any length >= 0.
    * Build ``m = RVVMachine(vlen, **machine)``; place the source with
      ``m.memory.place_before_guard(data)`` and a zero-filled destination of the same size
      with ``m.memory.place_before_guard(bytes(len(data)))``.
    * Strip-mine like the spec's memcpy example: SEW = 8, LMUL = 8 (``e8, m8``), per strip
      one ``vsetvli``, one ``vle8.v`` and one ``vse8.v``.
    * Return ``(copy, m.counts)`` where ``copy`` is the destination read back as bytes.
    """
    # HINT: one element is one byte, so the pointers advance by vl bytes per strip.
    # TODO: your code here.
    raise NotImplementedError("ex03_memcpy: this part is yours to write (icsc hint ex03)")
