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
    # BEGIN SOLUTION
    # HINT: i = 0; while n - i >= lanes: ... i += lanes. The tail starts at element i.
    # HINT: addresses are in bytes: element i of x is at px + 4 * i.
    # HINT: the masked tail: m.kmask(1, r), then pass k=1 to vload/vfmadd/vstore.
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        msg = f"x and y must be 1-D arrays of the same length, got shapes {x.shape} and {y.shape}"
        raise ValueError(msg)
    if tail not in TAILS:
        msg = f"tail must be one of {TAILS}, got {tail!r}"
        raise ValueError(msg)
    if tail == "masked" and width != 512:
        msg = f"a masked tail needs AVX-512 opmask registers (width 512), got width {width}"
        raise ValueError(msg)
    a = float(np.float32(a))  # the same a in the vector and the scalar path
    m = SIMDMachine(width)
    px = m.memory.place_before_guard(x)
    py = m.memory.place_before_guard(y)
    lanes, n = m.lanes(32), len(x)
    m.vbroadcast(0, a)
    i = 0
    while n - i >= lanes:
        m.vload(1, px + 4 * i)
        m.vload(2, py + 4 * i)
        m.vfmadd(2, 0, 1)
        m.vstore(2, py + 4 * i)
        i += lanes
    if tail == "scalar":
        for j in range(i, n):
            m.store(py + 4 * j, m.fmadd(a, m.load(px + 4 * j), m.load(py + 4 * j)))
    elif n > i:
        m.kmask(1, n - i)
        m.vload(1, px + 4 * i, k=1)
        m.vload(2, py + 4 * i, k=1)
        m.vfmadd(2, 0, 1, k=1)
        m.vstore(2, py + 4 * i, k=1)
    return m.memory.read_array(py, np.float32, n), m.counts
    # END SOLUTION


def rvv_saxpy_counts(n: int, vlen: int) -> dict[str, int]:
    """Closed-form instruction counts of exercise 1's saxpy (``e32, m8``, ``vl = min(AVL, VLMAX)``).

    Keys ``"vsetvli"``, ``"vle32.v"``, ``"vfmacc.vf"``, ``"vse32.v"`` and ``"total"`` (their
    sum), for a loop that runs no strip when ``n == 0``. ``n`` must be an int >= 0 and
    ``vlen`` a power of two in [64, 65536] (else ``ValueError``).
    """
    # BEGIN SOLUTION
    # HINT: strips = ceil(n / VLMAX); in integers, ceil(p / q) == -(-p // q).
    _check_n(n)
    if (
        isinstance(vlen, bool)
        or not isinstance(vlen, int)
        or vlen < 64
        or vlen > 65536
        or vlen & (vlen - 1)
    ):
        msg = f"vlen must be a power of two in [64, 65536], got {vlen!r}"
        raise ValueError(msg)
    strips = -(-n // (8 * vlen // 32))
    counts = {"vsetvli": strips, "vle32.v": 2 * strips, "vfmacc.vf": strips, "vse32.v": strips}
    return {**counts, "total": sum(counts.values())}
    # END SOLUTION


def simd_saxpy_counts(n: int, width: int, tail: str = "scalar") -> dict[str, int]:
    """Closed-form instruction counts of :func:`saxpy_simd`.

    Keys, all present (0 where an instruction does not occur): ``"vbroadcast"``,
    ``"vload"``, ``"vfmadd"``, ``"vstore"``, ``"kmask"``, ``"load"``, ``"fmadd"``,
    ``"store"`` and ``"total"`` (their sum). ``n`` an int >= 0, ``width`` 128/256/512,
    ``tail`` as in :func:`saxpy_simd` (else ``ValueError``).
    """
    # BEGIN SOLUTION
    # HINT: with lanes = width // 32: q = n // lanes full vectors, r = n % lanes left over.
    _check_n(n)
    if width not in (128, 256, 512):
        msg = f"width must be 128, 256 or 512, got {width!r}"
        raise ValueError(msg)
    if tail not in TAILS or (tail == "masked" and width != 512):
        msg = f"tail must be 'scalar', or 'masked' with width 512; got {tail!r} with width {width}"
        raise ValueError(msg)
    q, r = divmod(n, width // 32)
    vectors = q + (1 if tail == "masked" and r else 0)
    scalars = r if tail == "scalar" else 0
    counts = {
        "vbroadcast": 1,
        "vload": 2 * vectors,
        "vfmadd": vectors,
        "vstore": vectors,
        "kmask": 1 if tail == "masked" and r else 0,
        "load": 2 * scalars,
        "fmadd": scalars,
        "store": scalars,
    }
    return {**counts, "total": sum(counts.values())}
    # END SOLUTION


def _check_n(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        msg = f"n must be an int >= 0, got {n!r}"
        raise ValueError(msg)
