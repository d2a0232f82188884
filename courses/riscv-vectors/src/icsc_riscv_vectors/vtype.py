"""Vector configuration of the RISC-V "V" extension: SEW, LMUL, VLMAX and the ``vl`` rules.

Facts from the RISC-V "V" Vector Extension, version 1.0 (github.com/riscv/riscv-v-spec):

* VLEN, the bits in one vector register, is a power of two, at least ELEN and at most
  2**16 (section 2); this model fixes ELEN = 64.
* SEW (selected element width) is 8, 16, 32 or 64 bits; LMUL (register grouping) is 1, 2,
  4, 8 or the fractions 1/2, 1/4, 1/8; a fractional LMUL is only required to work when
  ``LMUL >= SEW / ELEN`` (section 3.4.2) and this model rejects the others, as a machine
  that sets ``vtype.vill`` would.
* ``VLMAX = LMUL * VLEN / SEW`` (section 3.4.2).
* ``vsetvli`` sets ``vl`` from the application vector length AVL (section 6.3):
  ``vl = AVL`` if ``AVL <= VLMAX``; ``ceil(AVL/2) <= vl <= VLMAX`` if ``AVL < 2*VLMAX``;
  ``vl = VLMAX`` if ``AVL >= 2*VLMAX``. Two legal choices are modelled: ``"min"``
  (``vl = min(AVL, VLMAX)``) and ``"balanced"`` (``vl = ceil(AVL/2)`` in the middle
  range, which spreads the work evenly over the last two strips).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

ELEN = 64
SEWS = (8, 16, 32, 64)
LMULS = tuple(Fraction(1, d) for d in (8, 4, 2)) + tuple(Fraction(m) for m in (1, 2, 4, 8))
VL_RULES = ("min", "balanced")


class IllegalInstruction(ValueError):
    """An instruction the machine refuses: ``vtype.vill`` set, a reserved encoding
    (misaligned register group, mask overlap), an immediate out of range, ..."""


def check_vlen(vlen: int) -> int:
    """``vlen`` as an int if it is a power of two in ``[ELEN, 65536]``, else ``ValueError``."""
    if isinstance(vlen, bool) or not isinstance(vlen, int):
        msg = f"VLEN must be an int, got {type(vlen).__name__}"
        raise TypeError(msg)
    if vlen < ELEN or vlen > 1 << 16 or vlen & (vlen - 1):
        msg = f"VLEN must be a power of two between {ELEN} and 65536 bits, got {vlen}"
        raise ValueError(msg)
    return vlen


def as_lmul(lmul: float | Fraction | str) -> Fraction:
    """LMUL from ``8``, ``0.5``, ``Fraction(1, 2)``, ``"m2"`` or ``"mf2"``; ``ValueError`` else."""
    value: Fraction | None
    if isinstance(lmul, str):
        text = lmul.strip().lower()
        if text.startswith("mf") and text[2:].isdigit():
            value = Fraction(1, int(text[2:]))
        elif text.startswith("m") and text[1:].isdigit():
            value = Fraction(int(text[1:]))
        else:
            value = None
    else:
        try:
            value = Fraction(lmul)
        except (TypeError, ValueError):
            value = None
    if value not in LMULS:
        msg = f"LMUL must be one of 1/8, 1/4, 1/2, 1, 2, 4, 8 (or 'mf8'..'m8'), got {lmul!r}"
        raise ValueError(msg)
    return value


@dataclass(frozen=True)
class VType:
    """A legal vector type: element width ``sew`` [bits], grouping ``lmul``, policies.

    ``ta``/``ma``: tail/mask agnostic (True) or undisturbed (False).
    """

    sew: int
    lmul: Fraction
    ta: bool
    ma: bool

    def vlmax(self, vlen: int) -> int:
        """Maximum elements per instruction, ``LMUL * VLEN / SEW``."""
        return int(self.lmul * vlen // self.sew)

    @property
    def registers(self) -> int:
        """Registers in one group (1 for fractional LMUL)."""
        return max(1, int(self.lmul))

    def name(self) -> str:
        """Assembler spelling, e.g. ``e32, m8, ta, mu``."""
        m = f"m{self.lmul}" if self.lmul >= 1 else f"mf{self.lmul.denominator}"
        return f"e{self.sew}, {m}, {'ta' if self.ta else 'tu'}, {'ma' if self.ma else 'mu'}"


def make_vtype(sew: int, lmul: float | Fraction | str, ta: bool, ma: bool) -> VType:
    """A :class:`VType`, or :class:`IllegalInstruction` for an unsupported SEW/LMUL pair."""
    if sew not in SEWS:
        msg = f"SEW must be one of {SEWS} bits, got {sew!r}"
        raise IllegalInstruction(msg)
    value = as_lmul(lmul)
    if value < Fraction(sew, ELEN):
        msg = f"LMUL={value} is too small for SEW={sew} (need LMUL >= SEW/ELEN = {Fraction(sew, ELEN)})"
        raise IllegalInstruction(msg)
    return VType(sew, value, bool(ta), bool(ma))


def new_vl(avl: int, vlmax: int, rule: str = "min") -> int:
    """``vl`` that ``vsetvli`` sets for application vector length ``avl`` (>= 0)."""
    if rule not in VL_RULES:
        msg = f"vl_rule must be one of {VL_RULES}, got {rule!r}"
        raise ValueError(msg)
    if avl < 0:
        msg = f"AVL is an unsigned count, got {avl}"
        raise ValueError(msg)
    if rule == "balanced" and vlmax < avl < 2 * vlmax:
        return -(-avl // 2)
    return min(avl, vlmax)


def strips(n: int, vlmax: int, rule: str = "min") -> list[int]:
    """The ``vl`` of every strip of a strip-mined loop over ``n`` elements (``[]`` for 0)."""
    out = []
    while n > 0:
        vl = new_vl(n, vlmax, rule)
        out.append(vl)
        n -= vl
    return out
