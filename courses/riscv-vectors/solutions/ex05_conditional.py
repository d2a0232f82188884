"""Exercise 5: a masked conditional with mixed element widths.

Vector code cannot branch per element. An ``if`` inside the loop body becomes a *mask*:
compute the condition for all elements into a mask register, then let instructions act
only where the mask is set (``mask=True``, written ``v0.t``). This is the spec's
"conditional example":

    int8_t x[n]; int16_t a[n], b[n], z[n];
    for (i = 0; i < n; i++) z[i] = (x[i] < 5) ? a[i] : b[i];

Two things to get right:

* widths: x has 8-bit elements, a/b/z 16-bit ones. Use ``e8, m1`` for x and ``e16, m2``
  for the rest: SEW/LMUL is 8 in both, so VLMAX (and ``vl``) is the same and one mask bit
  still belongs to one element;
* the mask policy: you load ``a`` where the mask is set and ``b`` where it is not, into the
  same register group. The second masked load must leave the elements of the first one
  alone, i.e. be *mask-undisturbed* (``ma=False``). With ``ma=True`` the model overwrites
  inactive elements with all ones, as a real machine may.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from icsc_riscv_vectors import RVVMachine


def conditional(
    x: np.ndarray, a: np.ndarray, b: np.ndarray, vlen: int, **machine: Any
) -> tuple[np.ndarray, dict[str, int]]:
    """``z[i] = a[i] if x[i] < 5 else b[i]`` on an RVV machine of VLEN ``vlen`` bits.

    Contract:

    * ``x`` is a 1-D int8 array, ``a`` and ``b`` 1-D int16 arrays (else ``TypeError``),
      all of the same length ``n >= 0`` (else ``ValueError``).
    * Build ``m = RVVMachine(vlen, **machine)``; place x, a, b and a zero-filled int16
      output z with ``m.memory.place_before_guard``.
    * Per strip, as in the spec: ``vsetvli`` (e8, m1), ``vle8.v`` of x, ``vmslt.vi`` into
      v0, ``vsetvli`` to e16, m2 keeping ``vl`` (``avl="keep"``, the spec's
      ``vsetvli x0, x0, ...``), a masked ``vle16.v`` of a, ``vmnot.m`` of v0, a masked
      ``vle16.v`` of b into the same group, ``vse16.v`` of z.
    * Return ``(z, m.counts)`` with ``z`` int16 read back from the machine's memory.
    """
    # BEGIN SOLUTION
    # HINT: the vl of the e8,m1 vsetvli bumps the x pointer by vl bytes; a, b, z by 2*vl.
    # HINT: a masked instruction may not write a group that contains v0: load into v2 (m2).
    # HINT: which vsetvli needs ma=False (mask undisturbed)? Try ma=True and see.
    x, a, b = np.asarray(x), np.asarray(a), np.asarray(b)
    if x.dtype != np.int8 or a.dtype != np.int16 or b.dtype != np.int16:
        msg = f"x must be int8 and a, b int16 arrays, got {x.dtype}, {a.dtype}, {b.dtype}"
        raise TypeError(msg)
    if x.ndim != 1 or not x.shape == a.shape == b.shape:
        msg = (
            f"x, a and b must be 1-D of the same length, got shapes {x.shape}, {a.shape}, {b.shape}"
        )
        raise ValueError(msg)
    m = RVVMachine(vlen, **machine)
    px = m.memory.place_before_guard(x)
    pa = m.memory.place_before_guard(a)
    pb = m.memory.place_before_guard(b)
    pz = z_start = m.memory.place_before_guard(np.zeros(len(x), dtype=np.int16))
    n = len(x)
    while n > 0:
        vl = m.vsetvli(n, sew=8, lmul=1, ta=True, ma=True)
        m.vle8(1, px)
        m.vmslt_vi(0, 1, 5)  # v0.mask[i] = x[i] < 5
        m.vsetvli("keep", sew=16, lmul=2, ta=True, ma=False)  # x0, x0: keep vl (same VLMAX)
        m.vle16(2, pa, mask=True)  # z = a where x < 5
        m.vmnot_m(0, 0)
        m.vle16(2, pb, mask=True)  # z = b elsewhere; the a-elements stay (mask undisturbed)
        m.vse16(2, pz)
        n -= vl
        px, pa, pb, pz = px + vl, pa + 2 * vl, pb + 2 * vl, pz + 2 * vl
    return m.memory.read_array(z_start, np.int16, len(x)), m.counts
    # END SOLUTION
