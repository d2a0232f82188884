"""Parallel computing with RISC-V vectors (iCSC 2026).

The course library is a pair of small machine models in NumPy, each with an instruction
counter, on which the exercises write strip-mined kernels:

* :class:`~icsc_riscv_vectors.rvv.RVVMachine`: the RISC-V "V" extension 1.0 (configurable
  VLEN, ``vsetvli`` with SEW/LMUL, loads/stores incl. fault-only-first, arithmetic, masks,
  reductions, tail/mask policies) over a paged memory
  (:class:`~icsc_riscv_vectors.memory.PagedMemory`) whose unmapped pages fault;
* :class:`~icsc_riscv_vectors.simd.SIMDMachine`: fixed-width SIMD in the style of SSE,
  AVX2 and AVX-512, which needs explicit tail handling.

:mod:`~icsc_riscv_vectors.listings` holds assembly emitted by LLVM for the same loop on
x86-64 and RISC-V and reads what numba/LLVM emits for your own CPU (exercise 7).
"""

from icsc_kit import Course, Exercise
from icsc_riscv_vectors.memory import MemoryFault, PagedMemory
from icsc_riscv_vectors.rvv import RVVMachine
from icsc_riscv_vectors.simd import SIMDMachine
from icsc_riscv_vectors.vtype import IllegalInstruction

COURSE = Course(
    slug="riscv-vectors",
    title="Parallel computing with RISC-V vectors",
    presenters=("Airat Galiamov",),
    lecture_hours=1,
    exercise_hours=0,
    package=__name__,
    summary=(
        "Data parallelism from Flynn to GPUs, fixed-width x86 SIMD and its tails, and the "
        "vector-length-agnostic RISC-V V extension, programmed on a NumPy machine model."
    ),
    exercises=(
        Exercise("ex01_saxpy", "Strip-mined saxpy for every VLEN", minutes=20),
        Exercise("ex02_dot", "Dot product with a vector reduction", minutes=20),
        Exercise("ex03_memcpy", "memcpy, the spec's way", minutes=10),
        Exercise("ex04_strlen", "strlen with fault-only-first loads", minutes=20),
        Exercise("ex05_conditional", "A masked conditional with mixed widths", minutes=20),
        Exercise("ex06_counts", "Instruction counts: RVV vs fixed-width SIMD", minutes=25),
        Exercise(
            "ex07_llvm_asm", "Find the vector instructions LLVM emits", minutes=15, optional=True
        ),
    ),
)

__all__ = [
    "COURSE",
    "IllegalInstruction",
    "MemoryFault",
    "PagedMemory",
    "RVVMachine",
    "SIMDMachine",
]
