# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: saxpy, strip-mined, correct for every VLEN.

``y <- a*x + y`` is the "hello world" of vector machines. On the RISC-V vector model
(:class:`icsc_riscv_vectors.RVVMachine`) you write it the way the RVV specification's
appendix does: a *strip-mining* loop in which ``vsetvli`` tells you how many elements
(``vl``) this strip handles, so the same code runs on a machine with VLEN = 128 bits and
on one with VLEN = 1024 bits, and the last, shorter strip needs no special code.

Read :func:`vvaddint32` first: it is a complete, worked example of the pattern (the
spec's "vector-vector add" loop). Then write :func:`saxpy`. Lecture notes: 03-riscv-v.md.

What "plain data in, plain data out" means here: your function builds the machine itself,
copies the inputs into its memory, runs the kernel and returns the result and
``machine.counts``, the number of executed instructions per mnemonic.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from icsc_riscv_vectors import RVVMachine


def vvaddint32(
    x: np.ndarray, y: np.ndarray, vlen: int, **machine: Any
) -> tuple[np.ndarray, dict[str, int]]:
    """Worked example: ``z = x + y`` for int32 vectors on an RVV machine of VLEN ``vlen``.

    ``machine`` keyword arguments go to :class:`RVVMachine` (``vl_rule``, ``agnostic``).
    Returns ``(z, counts)``: ``z`` int32 of the same length, ``counts`` the instruction
    counts. ``ValueError`` when the inputs are not 1-D of equal length.
    """
    x = np.asarray(x, dtype=np.int32)
    y = np.asarray(y, dtype=np.int32)
    if x.ndim != 1 or x.shape != y.shape:
        msg = f"x and y must be 1-D arrays of the same length, got shapes {x.shape} and {y.shape}"
        raise ValueError(msg)
    m = RVVMachine(vlen, **machine)
    # Each array ends right before an unmapped page: one element too many would fault.
    px = m.memory.place_before_guard(x)
    py = m.memory.place_before_guard(y)
    pz = z_start = m.memory.place_before_guard(np.zeros_like(x))
    n = len(x)
    while n > 0:  # the spec's loop is do-while; with n = 0 it executes one empty strip
        vl = m.vsetvli(n, sew=32, lmul=1, ta=True, ma=True)  # vl = elements in this strip
        m.vle32(0, px)  # v0 <- x[0:vl]
        m.vle32(1, py)  # v1 <- y[0:vl]
        m.vadd_vv(2, 0, 1)  # v2 <- v0 + v1
        m.vse32(2, pz)  # z[0:vl] <- v2
        n -= vl  # scalar bookkeeping: not counted
        px, py, pz = px + 4 * vl, py + 4 * vl, pz + 4 * vl  # 4 bytes per element
    return m.memory.read_array(z_start, np.int32, len(x)), m.counts


def saxpy(
    a: float, x: np.ndarray, y: np.ndarray, vlen: int, **machine: Any
) -> tuple[np.ndarray, dict[str, int]]:
    """``a*x + y`` in single precision on an RVV machine of VLEN ``vlen`` bits.

    Contract:

    * ``x`` and ``y``: 1-D, same length ``n >= 0`` (else ``ValueError``); they are
      converted to float32, ``a`` is used as a float32 scalar.
    * Build ``m = RVVMachine(vlen, **machine)`` and copy ``x`` and ``y`` into its memory
      with ``m.memory.place_before_guard`` (so that reading or writing past the end faults).
    * Strip-mine exactly like the spec's saxpy example: SEW = 32, LMUL = 8 (``e32, m8``),
      and per strip one ``vsetvli``, two ``vle32.v`` (x and y), one ``vfmacc.vf`` and one
      ``vse32.v`` (the result overwrites y in the machine's memory).
    * Return ``(result, m.counts)``: ``result`` the ``n`` float32 values read back from
      the machine's memory where y was.

    The kernel must be correct for every VLEN and every ``machine`` option: never assume
    what ``vsetvli`` returns, use the ``vl`` it gives you.
    """
    # HINT: follow vvaddint32 above: validate, build the machine, place x and y, loop.
    # HINT: with LMUL = 8 a register group is v0..v7, v8..v15, ...: use v0 for x and v8 for y.
    # HINT: vfmacc_vf(vd, f, vs2) computes vd = f * vs2 + vd, so vd = y and vs2 = x.
    # TODO: your code here.
    raise NotImplementedError("ex01_saxpy: this part is yours to write (icsc hint ex01)")
