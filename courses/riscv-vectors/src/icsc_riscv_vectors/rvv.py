"""The RISC-V "V" machine model that the exercises program: :class:`RVVMachine`.

Example (the vector-vector add of the spec's appendix, in Python)::

    import numpy as np
    from icsc_riscv_vectors import RVVMachine

    m = RVVMachine(vlen=256)
    x = np.arange(10, dtype=np.int32)
    px, py = m.memory.place(x), m.memory.place(x)
    pz = m.memory.alloc(x.nbytes)
    n = len(x)
    while n > 0:
        vl = m.vsetvli(n, sew=32, lmul=1, ta=True, ma=True)
        m.vle32(0, px)
        m.vle32(1, py)
        m.vadd_vv(2, 0, 1)
        m.vse32(2, pz)
        n, px, py, pz = n - vl, px + 4 * vl, py + 4 * vl, pz + 4 * vl
    print(m.counts)  # {'vadd.vv': 2, 'vle32.v': 4, 'vse32.v': 2, 'vsetvli': 2}

Only instructions are counted; the Python around them plays the scalar core (pointer
bumps, loop branches), whose cost is the same per strip and is left out of the counts.
"""

from __future__ import annotations

from icsc_riscv_vectors.rvv_mask import MaskOps
from icsc_riscv_vectors.rvv_memory import MemoryOps


class RVVMachine(MemoryOps, MaskOps):
    """A RISC-V vector unit of VLEN ``vlen`` bits with a paged memory and a counter.

    See :class:`~icsc_riscv_vectors.rvv_core.RVVCore` for the constructor arguments
    (``vlen``, ``vl_rule``, ``agnostic``, ``memory``, ``trace``) and the modules
    :mod:`~icsc_riscv_vectors.rvv_memory`, :mod:`~icsc_riscv_vectors.rvv_arith` and
    :mod:`~icsc_riscv_vectors.rvv_mask` for the instructions.
    """

    def __repr__(self) -> str:
        vtype = self.vtype.name() if self.vtype else "vill"
        return f"RVVMachine(vlen={self.vlen}, vtype=[{vtype}], vl={self.vl})"
