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
    # BEGIN SOLUTION
    # HINT: one element is one byte, so the pointers advance by vl bytes per strip.
    if not isinstance(data, bytes | bytearray):
        msg = f"data must be bytes or bytearray, got {type(data).__name__}"
        raise TypeError(msg)
    m = RVVMachine(vlen, **machine)
    src = m.memory.place_before_guard(bytes(data))
    dst = dst_start = m.memory.place_before_guard(bytes(len(data)))
    n = len(data)
    while n > 0:
        vl = m.vsetvli(n, sew=8, lmul=8, ta=True, ma=True)
        m.vle8(0, src)
        m.vse8(0, dst)
        n -= vl
        src, dst = src + vl, dst + vl
    return m.memory.read(dst_start, len(data)), m.counts
    # END SOLUTION
