# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 6: instruction counts, RVV against fixed-width SIMD.

The same saxpy, twice:

* on RVV (exercise 1) every strip costs the same five vector instructions, and the number
  of strips is ``ceil(n / VLMAX)`` with ``VLMAX = LMUL * VLEN / SEW = VLEN / 4`` for
  ``e32, m8``;
* on a fixed-width SIMD unit (:class:`icsc_riscv_vectors.SIMDMachine`: SSE 128, AVX2 256,
  AVX-512 512 bits) a vector instruction always handles ``lanes = width / 32`` floats.
  The last ``n mod lanes`` elements need a *tail*: a scalar loop (any width) or, with
  AVX-512's opmask registers, one masked iteration.

You write the SIMD kernel, then the closed-form counts of both as functions of ``n`` and
the width, and check them against the counters. Lecture notes: 02-x86-simd.md.

The SIMD kernel's shape is fixed so that its counts have one closed form:

1. ``vbroadcast`` a into register 0 (once, also when ``n == 0``);
2. while at least ``lanes`` elements remain: ``vload`` x, ``vload`` y, ``vfmadd``,
   ``vstore`` y;
3. tail ``"scalar"``: for each remaining element ``load`` x, ``load`` y, ``fmadd``,
   ``store``; tail ``"masked"`` (width 512 only), if ``r = n mod lanes > 0``: one
   ``kmask`` for ``r`` lanes, then masked ``vload`` x, ``vload`` y, ``vfmadd``, ``vstore``.
"""

from __future__ import annotations

import numpy as np

from icsc_riscv_vectors import SIMDMachine

TAILS = ("scalar", "masked")


def saxpy_simd(
    a: float, x: np.ndarray, y: np.ndarray, width: int, tail: str = "scalar"
) -> tuple[np.ndarray, dict[str, int]]:
    """``a*x + y`` (float32) on a fixed-width SIMD unit of ``width`` bits.

    Contract: ``x``, ``y`` 1-D of the same length (else ``ValueError``), converted to
    float32; ``width`` 128, 256 or 512 and ``tail`` ``"scalar"`` or ``"masked"`` (else
    ``ValueError``; ``"masked"`` needs ``width == 512``). Build
    ``m = SIMDMachine(width)``, place x and y with ``m.memory.place_before_guard``, run the
    kernel of the module docstring, return ``(result, m.counts)`` where ``result`` is y read
    back from the machine's memory.
    """
    # HINT: i = 0; while n - i >= lanes: ... i += lanes. The tail starts at element i.
    # HINT: addresses are in bytes: element i of x is at px + 4 * i.
    # HINT: the masked tail: m.kmask(1, r), then pass k=1 to vload/vfmadd/vstore.
    # TODO: your code here.
    raise NotImplementedError("ex06_counts: this part is yours to write (icsc hint ex06)")


def rvv_saxpy_counts(n: int, vlen: int) -> dict[str, int]:
    """Closed-form instruction counts of exercise 1's saxpy (``e32, m8``, ``vl = min(AVL, VLMAX)``).

    Keys ``"vsetvli"``, ``"vle32.v"``, ``"vfmacc.vf"``, ``"vse32.v"`` and ``"total"`` (their
    sum), for a loop that runs no strip when ``n == 0``. ``n`` must be an int >= 0 and
    ``vlen`` a power of two in [64, 65536] (else ``ValueError``).
    """
    # HINT: strips = ceil(n / VLMAX); in integers, ceil(p / q) == -(-p // q).
    # TODO: your code here.
    raise NotImplementedError("ex06_counts: this part is yours to write (icsc hint ex06)")


def simd_saxpy_counts(n: int, width: int, tail: str = "scalar") -> dict[str, int]:
    """Closed-form instruction counts of :func:`saxpy_simd`.

    Keys, all present (0 where an instruction does not occur): ``"vbroadcast"``,
    ``"vload"``, ``"vfmadd"``, ``"vstore"``, ``"kmask"``, ``"load"``, ``"fmadd"``,
    ``"store"`` and ``"total"`` (their sum). ``n`` an int >= 0, ``width`` 128/256/512,
    ``tail`` as in :func:`saxpy_simd` (else ``ValueError``).
    """
    # HINT: with lanes = width // 32: q = n // lanes full vectors, r = n % lanes left over.
    # TODO: your code here.
    raise NotImplementedError("ex06_counts: this part is yours to write (icsc hint ex06)")


def _check_n(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        msg = f"n must be an int >= 0, got {n!r}"
        raise ValueError(msg)
