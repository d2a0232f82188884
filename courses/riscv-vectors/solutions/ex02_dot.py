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
    # BEGIN SOLUTION
    # HINT: a vector group can hold VLMAX partial sums: zero it once with vsetvli(None, ...)
    # HINT: (AVL = x0 gives vl = VLMAX) and vfmv_v_f, accumulate with vfmacc_vv per strip,
    # HINT: then reduce once. Which tail policy keeps partial sums beyond a short last strip?
    # HINT: vfredusum_vs(vd, vs2, vs1) computes vd[0] = vs1[0] + sum(vs2[0:vl]).
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        msg = f"x and y must be 1-D arrays of the same length, got shapes {x.shape} and {y.shape}"
        raise ValueError(msg)
    m = RVVMachine(vlen, **machine)
    px = m.memory.place_before_guard(x)
    py = m.memory.place_before_guard(y)
    m.vsetvli(None, sew=64, lmul=8)  # vl = VLMAX
    m.vfmv_v_f(16, 0.0)  # v16..v23: VLMAX partial sums, all zero
    n = len(x)
    while n > 0:
        vl = m.vsetvli(n, sew=64, lmul=8, ta=False, ma=True)  # tail undisturbed!
        m.vle64(0, px)
        m.vle64(8, py)
        m.vfmacc_vv(16, 0, 8)  # partial[i] += x[i] * y[i] for i < vl; the tail keeps its sums
        n -= vl
        px, py = px + 8 * vl, py + 8 * vl
    m.vsetvli(None, sew=64, lmul=8)  # reduce all VLMAX partial sums
    m.vfmv_s_f(24, 0.0)
    m.vfredusum_vs(24, 16, 24)
    return m.vfmv_f_s(24), m.counts
    # END SOLUTION
