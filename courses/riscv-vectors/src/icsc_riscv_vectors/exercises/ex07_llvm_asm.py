# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 7 (optional): find the vector instructions a compiler emitted.

A compiler's auto-vectoriser works silently: the only proof that your loop was vectorised,
and at which width, is the assembly. Here you write a tiny assembly reader and point it at

* the listings in :mod:`icsc_riscv_vectors.listings` (LLVM 14 for SSE2, AVX2, AVX-512 and
  RISC-V "V"; ``listings.read("saxpy_x86-64_avx512")``), and
* what numba/LLVM emits for *your* CPU: ``listings.host_saxpy_asm()`` (needs numba).

The syntax is GNU assembler's: AT&T for x86-64 (``vmulps (%rsi,%rcx,4), %ymm1, %ymm2``:
sources first, destination last, registers with ``%``), and RISC-V
(``vle32.v v8, (a7)``). Lecture notes: 04-compilers.md.
"""

from __future__ import annotations

import re
from collections import Counter

ARCHES = ("x86_64", "riscv64")
REGISTER_BITS = {"xmm": 128, "ymm": 256, "zmm": 512}
SCALAR_MOVES = frozenset({"movd", "movq", "vmovd", "vmovq"})


def parse_instructions(asm: str) -> list[tuple[str, list[str]]]:
    """The instructions of ``asm`` as ``(mnemonic, operands)`` pairs, in order.

    Rules: a ``#`` starts a comment that runs to the end of the line; blank lines and
    directives (first token starts with ``.``) are skipped; a leading label ``name:`` is
    removed (the rest of the line, if any, is parsed). The mnemonic is the first
    whitespace-separated token, lower-cased; the operands are the rest split at commas
    that are not inside ``(...)`` or ``{...}``, each stripped; no operands gives ``[]``.
    Example: ``"loop: vle32.v v8, (a7)  # x"`` gives ``[("vle32.v", ["v8", "(a7)"])]``.
    """
    # HINT: track the bracket depth while scanning the operand text character by character.
    # HINT: a label is a first token that ends with ':' (e.g. '.LBB0_4:' or 'saxpy:').
    # TODO: your code here.
    raise NotImplementedError("ex07_llvm_asm: this part is yours to write (icsc hint ex07)")


def vector_instructions(asm: str, arch: str) -> dict[str, int]:
    """How often each *vector* instruction occurs in ``asm``: ``{mnemonic: count}``.

    ``arch`` is ``"x86_64"`` or ``"riscv64"`` (else ``ValueError``). What counts as a
    vector instruction:

    * riscv64: every mnemonic that starts with ``v`` (all of RVV does, ``vsetvli`` too);
    * x86_64: an instruction with a ``%ymm`` or ``%zmm`` operand; or with an ``%xmm``
      operand, unless it is scalar: its mnemonic ends in ``ss``/``sd`` (scalar single/
      double, which x86-64 also computes in XMM registers) but does not contain
      ``broadcast`` (``vbroadcastss`` fills every lane), or ends in ``2si`` (a conversion
      to an integer), or is one of ``movd``, ``movq``, ``vmovd``, ``vmovq``.

    Operands are read as :func:`parse_instructions` splits them; a register is recognised
    anywhere inside an operand (``%ymm1``, ``%zmm2 {%k1}``).
    """
    # HINT: re.search(r"%(xmm|ymm|zmm)\d", operand) finds the register class.
    # TODO: your code here.
    raise NotImplementedError("ex07_llvm_asm: this part is yours to write (icsc hint ex07)")


def widest_vector_bits(asm: str) -> int:
    """Width [bits] of the widest register used by an x86-64 vector instruction in ``asm``.

    128 (``%xmm``), 256 (``%ymm``) or 512 (``%zmm``), with "vector instruction" as in
    :func:`vector_instructions`; 0 when there is none. (On RISC-V the code does not say:
    the width is VLEN, a property of the machine it runs on.)
    """
    # HINT: reuse your vector test from vector_instructions and keep the maximum width.
    # TODO: your code here.
    raise NotImplementedError("ex07_llvm_asm: this part is yours to write (icsc hint ex07)")


def is_vector_length_agnostic(asm: str) -> bool:
    """Whether RISC-V ``asm`` strip-mines with a run-time vector length.

    True when it contains a ``vsetvli`` or ``vsetvl`` (the length comes from a register, or
    is VLMAX for ``x0``, and ``vl`` is whatever the machine grants); False when it only uses
    ``vsetivli`` (a constant of at most 31 elements, i.e. code written for one fixed vector
    width) or no vector configuration at all.
    """
    # TODO: your code here.
    raise NotImplementedError("ex07_llvm_asm: this part is yours to write (icsc hint ex07)")


def _x86_vector_bits(mnemonic: str, operands: list[str]) -> int:
    """Widest vector register [bits] of an x86-64 vector instruction, 0 for any other.

    The rule of :func:`vector_instructions`: a ``%ymm``/``%zmm`` operand makes it a vector
    instruction; an ``%xmm`` operand too, unless the mnemonic is a scalar one.
    """
    # HINT: mnemonic.endswith(("ss", "sd")) is true for scalar ones and for broadcasts.
    # TODO: your code here.
    raise NotImplementedError("ex07_llvm_asm: this part is yours to write (icsc hint ex07)")
