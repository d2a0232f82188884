"""Four-vectors and particles as Python objects: the "array of structures" of the slow generator.

Each :class:`FourVector` is a separate heap object holding four Python floats; each
arithmetic operation allocates a new one. That is convenient and readable, and it is
exactly why the per-event code of :mod:`icsc_perf_madgraph.naive` is slow: the
interpreter spends its time creating objects and dispatching methods, not doing
floating-point arithmetic.

Conventions: components ``(E, px, py, pz)`` in GeV, metric (+, -, -, -).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


class FourVector:
    """A Lorentz four-vector ``(e, px, py, pz)`` in GeV with the (+, -, -, -) metric."""

    __slots__ = ("e", "px", "py", "pz")

    def __init__(self, e: float, px: float, py: float, pz: float) -> None:
        self.e = float(e)
        self.px = float(px)
        self.py = float(py)
        self.pz = float(pz)

    def __add__(self, other: FourVector) -> FourVector:
        return FourVector(
            self.e + other.e, self.px + other.px, self.py + other.py, self.pz + other.pz
        )

    def __sub__(self, other: FourVector) -> FourVector:
        return FourVector(
            self.e - other.e, self.px - other.px, self.py - other.py, self.pz - other.pz
        )

    def __neg__(self) -> FourVector:
        return FourVector(-self.e, -self.px, -self.py, -self.pz)

    def __repr__(self) -> str:
        return f"FourVector({self.e!r}, {self.px!r}, {self.py!r}, {self.pz!r})"

    def dot(self, other: FourVector) -> float:
        """Minkowski product ``e e' - p.p'`` in GeV^2."""
        return self.e * other.e - self.px * other.px - self.py * other.py - self.pz * other.pz

    def mass2(self) -> float:
        """Invariant mass squared in GeV^2."""
        return self.dot(self)

    def p(self) -> float:
        """Modulus of the three-momentum in GeV."""
        return math.sqrt(self.px**2 + self.py**2 + self.pz**2)

    def cos_theta(self) -> float:
        """Cosine of the polar angle with respect to +z (1.0 for a null three-momentum)."""
        modulus = self.p()
        return self.pz / modulus if modulus > 0.0 else 1.0

    def phi(self) -> float:
        """Azimuth in (-pi, pi]."""
        return math.atan2(self.py, self.px)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.e, self.px, self.py, self.pz)


@dataclass
class Particle:
    """One entry of an event record (Les Houches conventions).

    ``status`` is -1 for an incoming and +1 for an outgoing particle; ``pdg_id`` follows
    the PDG Monte Carlo numbering scheme (11 e-, -11 e+, 13 mu-, -13 mu+).
    """

    pdg_id: int
    status: int
    momentum: FourVector
    mass: float = 0.0
    helicity: float = 9.0  # 9 = summed over (Les Houches convention)
    mothers: tuple[int, int] = (0, 0)


@dataclass
class Event:
    """A generated event: its particles, its weight in pb, and its number in the run."""

    number: int
    particles: list[Particle]
    weight: float = 0.0

    def find(self, pdg_id: int) -> Particle:
        """The first particle with this PDG code; ``LookupError`` if there is none."""
        for particle in self.particles:
            if particle.pdg_id == pdg_id:
                return particle
        msg = f"event {self.number} has no particle with PDG id {pdg_id}"
        raise LookupError(msg)
