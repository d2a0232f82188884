# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: strlen with fault-only-first loads.

``strlen`` does not know how many bytes it may read: the string ends at the first zero
byte, and the memory after it may not exist. An ordinary vector load of VLMAX bytes would
fault as soon as the string ends near an unmapped page. The fault-only-first load
``vle8ff.v`` solves this: it faults only if the *first* element is unreadable; if a later
element is, it quietly shortens ``vl`` to the elements it could read. You then read the new
``vl`` (``csrr vl``), look for a zero byte (``vmseq.vi`` then ``vfirst.m``) and go on.

The model places your string so that its terminating zero is the very last byte before an
unmapped page: a plain ``vle8.v`` of VLMAX bytes faults there, ``vle8ff.v`` does not.
"""

from __future__ import annotations

from typing import Any

from icsc_riscv_vectors import RVVMachine


def strlen(data: bytes, vlen: int, **machine: Any) -> tuple[int, dict[str, int]]:
    """Length of the C string ``data + b"\\0"`` (bytes before the first zero byte).

    Contract:

    * ``data`` is ``bytes`` or ``bytearray`` (else ``TypeError``); it may contain zero
      bytes itself, then the length is the index of the first one.
    * Build ``m = RVVMachine(vlen, **machine)`` and place the string with
      ``start = m.memory.place_before_guard(bytes(data) + b"\\0")``.
    * Loop like the spec's strlen example, per strip: ``vsetvli`` with AVL = x0
      (``avl=None``: the longest vector) for SEW = 8, LMUL = 8; one ``vle8ff.v``; one
      ``csrr_vl()`` to learn how many bytes were read; one ``vmseq.vi`` and one
      ``vfirst.m``.
    * Return ``(length, m.counts)``.
    """
    # HINT: vfirst_m returns -1 when no zero byte was found among the vl bytes read.
    # HINT: never compute vl yourself: after vle8ff it may be smaller than VLMAX.
    # TODO: your code here.
    raise NotImplementedError("ex04_strlen: this part is yours to write (icsc hint ex04)")
