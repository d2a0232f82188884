# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: the vl of the e8,m1 vsetvli bumps the x pointer by vl bytes; a, b, z by 2*vl.
    # HINT: a masked instruction may not write a group that contains v0: load into v2 (m2).
    # HINT: which vsetvli needs ma=False (mask undisturbed)? Try ma=True and see.
    # TODO: your code here.
    raise NotImplementedError("ex05_conditional: this part is yours to write (icsc hint ex05)")
