"""Shared helpers of the riscv-vectors checks (the hidden tests import them too).

The independent references here come from the RISC-V "V" Vector Extension 1.0
specification (github.com/riscv/riscv-v-spec), not from the course's machine model:

* :func:`spec_strips`: the number of strips of a strip-mining loop, from the spec's
  constraints on ``vl`` (section 6.3) for the two implementations the model offers;
* :data:`SPEC_MIX`: the vector instructions that one strip of the spec's example loops
  executes (appendix "Vector Assembly Code Examples": the SAXPY, memcpy and conditional
  examples, and ``example/strlen.s`` of the spec repository).
"""

from __future__ import annotations

import numpy as np
import pytest

VLENS = (128, 256, 512, 1024)

# Per strip, counted from the spec's example listings (scalar instructions left out:
# the model's Python plays the scalar core and is not counted).
SPEC_MIX: dict[str, dict[str, int]] = {
    # saxpy.s: vsetvli e32,m8; vle32.v x; vle32.v y; vfmacc.vf; vse32.v
    "saxpy": {"vsetvli": 1, "vle32.v": 2, "vfmacc.vf": 1, "vse32.v": 1},
    # memcpy.s: vsetvli e8,m8; vle8.v; vse8.v
    "memcpy": {"vsetvli": 1, "vle8.v": 1, "vse8.v": 1},
    # strlen.s: vsetvli (x0: VLMAX) e8,m8; vle8ff.v; csrr vl; vmseq.vi; vfirst.m
    "strlen": {"vsetvli": 1, "vle8ff.v": 1, "csrr vl": 1, "vmseq.vi": 1, "vfirst.m": 1},
    # conditional example: vsetvli e8,m1; vle8.v; vmslt.vi; vsetvli e16,m2;
    # vle16.v (v0.t); vmnot.m; vle16.v (v0.t); vse16.v
    "conditional": {
        "vsetvli": 2,
        "vle8.v": 1,
        "vmslt.vi": 1,
        "vle16.v": 2,
        "vmnot.m": 1,
        "vse16.v": 1,
    },
}


def vlmax(vlen: int, sew: int, lmul: float) -> int:
    """``VLMAX = LMUL * VLEN / SEW`` (spec section 3.4.2)."""
    return int(lmul * vlen) // sew


def spec_strips(n: int, vlmax_: int, rule: str = "min") -> int:
    """Strips a ``while (n > 0)`` strip-mining loop runs over ``n`` elements.

    ``rule="min"``: ``vl = min(AVL, VLMAX)``; ``rule="balanced"``: ``vl = ceil(AVL/2)`` when
    ``VLMAX < AVL < 2*VLMAX`` (both allowed by spec section 6.3).
    """
    count = 0
    while n > 0:
        vl = -(-n // 2) if rule == "balanced" and vlmax_ < n < 2 * vlmax_ else min(n, vlmax_)
        n -= vl
        count += 1
    return count


EDGES = ("0", "1", "VLMAX-1", "VLMAX", "VLMAX+1")


def edge_length(edge: str, vlmax_: int) -> int:
    """The lengths every kernel must survive: 0, 1 and one strip plus or minus one."""
    return {"0": 0, "1": 1, "VLMAX-1": vlmax_ - 1, "VLMAX": vlmax_, "VLMAX+1": vlmax_ + 1}[edge]


def assert_spec_mix(
    counts: dict[str, int], mix: dict[str, int], strips: int, where: str = ""
) -> None:
    """``counts`` is ``strips`` times the spec's per-strip mix.

    The spec's loops are do-while loops and run one (empty) strip for ``n = 0``; a
    ``while`` loop runs none. For ``strips == 0`` both are accepted.
    """
    allowed = [{name: k * strips for name, k in mix.items()}]
    if strips == 0:
        allowed = [{}, dict(mix)]
    got = {name: k for name, k in counts.items() if k}
    assert got in allowed, (
        f"{where}instruction counts {got}, expected {allowed[0]} (the spec's mix x {strips} strips)"
    )


def saxpy_error_bound(a: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Element-wise bound on ``|result - (a*x + y)|`` for float32 saxpy.

    A fused multiply-add rounds once (error <= 2**-24 |a x + y|), a multiply then an add
    twice (<= 2**-24 |a x| (1 + 2**-24) + 2**-24 |a x + y|); 2**-22 (|a x| + |y|) covers
    both with room to spare. ``a*x + y`` itself is computed in float64 (error 2**-53).
    """
    ax = np.abs(np.float64(a) * x.astype(np.float64))
    return 2.0**-22 * (ax + np.abs(y.astype(np.float64)))


def dot_error_bound(x: np.ndarray, y: np.ndarray) -> float:
    """Bound on ``|computed - exact|`` for a float64 dot product in any summation order.

    Higham, *Accuracy and Stability of Numerical Algorithms* (2nd ed., 2002), section 3.1:
    ``|error| <= gamma_n * sum |x_i y_i|`` with ``gamma_n = n u / (1 - n u)``, ``u = 2**-53``.
    """
    n = len(x)
    u = 2.0**-53
    gamma = (n + 1) * u / (1 - (n + 1) * u)
    return gamma * float(np.sum(np.abs(x * y))) + 1e-300


@pytest.fixture
def rng() -> np.random.Generator:
    """A fixed-seed generator (same data on every run)."""
    return np.random.default_rng(2026)
