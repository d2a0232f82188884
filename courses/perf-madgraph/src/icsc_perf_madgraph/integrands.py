"""Sharply peaked integrands on the unit hypercube whose integrals are known exactly.

They are the test bench of adaptive Monte Carlo integration (exercise 3): flat sampling
wastes almost every point on them, importance sampling does not. Every integrand takes
points ``x`` of shape ``(n, dim)`` (float64, in [0, 1]^dim) and returns ``(n,)`` values.

* :func:`gaussian_peak`: a product of normalised Gaussians, one per dimension (Lepage's
  1978 test function is of this kind); separable, so VEGAS can learn it exactly;
* :func:`breit_wigner`: the relativistic-resonance shape of the Z line in one dimension,
  mapped from a mass window onto [0, 1]; its integral is a difference of arctangents.
"""

from __future__ import annotations

import math

import numpy as np

from icsc_perf_madgraph.constants import GAMMA_Z, MZ


def _points(x: np.ndarray, dim: int | None = None) -> np.ndarray:
    points = np.asarray(x, dtype=np.float64)
    if points.ndim != 2 or (dim is not None and points.shape[1] != dim):
        want = "(n, dim)" if dim is None else f"(n, {dim})"
        msg = f"points must have shape {want}, got {points.shape}"
        raise ValueError(msg)
    return points


def gaussian_peak(x: np.ndarray, centre: float = 0.5, width: float = 0.05) -> np.ndarray:
    """prod_d exp(-((x_d - centre) / width)^2) / (width sqrt(pi)), shape ``(n,)``."""
    points = _points(x)
    norm = 1.0 / (width * math.sqrt(math.pi))
    return np.prod(norm * np.exp(-(((points - centre) / width) ** 2)), axis=1)


def gaussian_peak_integral(dim: int, centre: float = 0.5, width: float = 0.05) -> float:
    """Exact integral of :func:`gaussian_peak` over [0, 1]^dim (a product of erf)."""
    one_d = 0.5 * (math.erf((1.0 - centre) / width) + math.erf(centre / width))
    return one_d**dim


def breit_wigner(
    x: np.ndarray,
    mass: float = MZ,
    width: float = GAMMA_Z,
    low: float = 60.0,
    high: float = 120.0,
) -> np.ndarray:
    """A Cauchy (Breit-Wigner) peak in m = low + (high - low) x, with the Jacobian.

    f(x) = (high - low) * (width / 2) / (pi ((m - mass)^2 + (width / 2)^2)); points of
    shape ``(n, 1)``. Its integral is :func:`breit_wigner_integral`.
    """
    points = _points(x, 1)
    m = low + (high - low) * points[:, 0]
    half = width / 2.0
    return (high - low) * half / (math.pi * ((m - mass) ** 2 + half**2))


def breit_wigner_integral(
    mass: float = MZ, width: float = GAMMA_Z, low: float = 60.0, high: float = 120.0
) -> float:
    """(atan(2 (high - mass) / width) - atan(2 (low - mass) / width)) / pi."""
    return (math.atan(2.0 * (high - mass) / width) - math.atan(2.0 * (low - mass) / width)) / (
        math.pi
    )
