# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 2: a dot product with a vector reduction.

``x . y = sum_i x[i]*y[i]`` needs, besides the element-wise part, a *reduction*: many
elements into one. RVV has reduction instructions (``vfredusum.vs``: "unordered sum",
``vfredosum.vs``: "ordered sum") that add the ``vl`` active elements of a vector group to
element 0 of another register and write the result to element 0 of the destination.

Two correct designs (lecture 03, "Reductions and the tail policy"):

1. reduce in every strip: multiply, then ``vfredusum.vs`` into a running scalar kept in
   element 0 of a register; simple, one reduction per strip;
2. accumulate partial sums in a whole vector group with ``vfmacc.vv`` and reduce once at
   the end. Cheaper, but the last strip is shorter than VLMAX: its *tail* elements of the
   accumulator must keep their partial sums, so this strip needs the tail-undisturbed
   policy (``ta=False``). With ``ta=True`` the model fills tail elements with all-ones
   bits (a NaN) and your result becomes NaN, as a real machine may legally do.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from icsc_riscv_vectors import RVVMachine


def dot(x: np.ndarray, y: np.ndarray, vlen: int, **machine: Any) -> tuple[float, dict[str, int]]:
    """``sum(x[i] * y[i])`` in double precision on an RVV machine of VLEN ``vlen`` bits.

    Contract:

    * ``x``, ``y``: 1-D, same length ``n >= 0`` (else ``ValueError``), converted to
      float64. The dot product of empty vectors is ``0.0``.
    * Build ``m = RVVMachine(vlen, **machine)``; place both arrays with
      ``m.memory.place_before_guard``.
    * Strip-mine with SEW = 64, LMUL = 8 (``e64, m8``): per strip one ``vle64.v`` of x and
      one of y. Use at least one floating-point reduction (``vfredusum.vs`` or
      ``vfredosum.vs``) when ``n > 0``; read the final scalar with ``vfmv_f_s``.
    * Return ``(value, m.counts)`` with ``value`` a Python float.

    The result may differ from an exact sum by rounding only: at most
    ``n * 2**-53 * sum(|x[i] * y[i]|)`` (plus the rounding of each product).
    """
    # HINT: a vector group can hold VLMAX partial sums: zero it once with vsetvli(None, ...)
    # HINT: (AVL = x0 gives vl = VLMAX) and vfmv_v_f, accumulate with vfmacc_vv per strip,
    # HINT: then reduce once. Which tail policy keeps partial sums beyond a short last strip?
    # HINT: vfredusum_vs(vd, vs2, vs1) computes vd[0] = vs1[0] + sum(vs2[0:vl]).
    # TODO: your code here.
    raise NotImplementedError("ex02_dot: this part is yours to write (icsc hint ex02)")
