"""Exercise 2: the matrix element and the phase space over arrays of events.

The slow generator (``icsc_perf_madgraph.naive``) handles one event at a time, each a
list of ``Particle`` objects holding ``FourVector`` objects: an *array of structures*
scattered over the heap. Here every quantity becomes one contiguous float64 array over
events, a *structure of arrays* (SoA), and every formula runs on whole arrays at once,
exactly what madgraph4gpu does for its CPU SIMD and GPU back-ends.

The layout of all momenta is ``momenta[particle, component, event]``, shape
``(4, 4, n)``, with particles ``0 e-, 1 e+, 2 mu-, 3 mu+`` and components ``(E, px,
py, pz)`` in GeV: ``momenta[2, 3]`` is the pz of every mu-, one contiguous row.

Results must agree with the naive generator event by event (same random numbers,
same order: ``rng.random((n, 2))`` then ``rng.random(n)`` for unweighting) and with the
analytic cross section sigma = 4 pi alpha^2 / (3 s).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from icsc_perf_madgraph import constants as c


def _momenta(momenta: np.ndarray) -> np.ndarray:
    """Check the SoA layout; return the array as float64."""
    array = np.asarray(momenta, dtype=np.float64)
    if array.ndim != 3 or array.shape[:2] != (4, 4):
        msg = f"momenta must have shape (4, 4, n) [particle, component, event], got {array.shape}"
        raise ValueError(msg)
    return array


def phase_space(sqrt_s: float, randoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Momenta ``(4, 4, n)`` and phase-space weights ``(n,)`` from uniforms ``(n, 2)``.

    As ``naive.phase_space_point``: beams along +-z with energy sqrt_s/2; the mu- has
    ``cos theta = 2 r1 - 1`` and ``phi = 2 pi r2`` (``r1, r2 = randoms[:, 0], randoms[:,
    1]``), the mu+ is back to back; each weight is 1 / (8 pi).
    Raises ``ValueError`` if ``sqrt_s <= 0`` or ``randoms`` is not of shape ``(n, 2)``.
    """
    # BEGIN SOLUTION
    # HINT: allocate momenta = np.zeros((4, 4, n)) and fill rows: momenta[2, 3] = E * cos_theta, ...
    # HINT: np.sqrt, np.cos, np.sin work on whole arrays; no Python loop over events.
    if not (math.isfinite(sqrt_s) and sqrt_s > 0):
        msg = f"sqrt_s must be a positive finite energy in GeV, got {sqrt_s!r}"
        raise ValueError(msg)
    r = np.asarray(randoms, dtype=np.float64)
    if r.ndim != 2 or r.shape[1] != 2:
        msg = f"randoms must have shape (n, 2), got {r.shape}"
        raise ValueError(msg)
    n = r.shape[0]
    energy = sqrt_s / 2.0
    cos_theta = 2.0 * r[:, 0] - 1.0
    sin_theta = np.sqrt(np.maximum(0.0, 1.0 - cos_theta * cos_theta))
    phi = 2.0 * math.pi * r[:, 1]
    momenta = np.zeros((4, 4, n))
    momenta[:, 0] = energy
    momenta[0, 3] = energy
    momenta[1, 3] = -energy
    momenta[2, 1] = energy * sin_theta * np.cos(phi)
    momenta[2, 2] = energy * sin_theta * np.sin(phi)
    momenta[2, 3] = energy * cos_theta
    momenta[3, 1:] = -momenta[2, 1:]
    return momenta, np.full(n, 1.0 / (8.0 * math.pi))
    # END SOLUTION


def minkowski_square(p: np.ndarray) -> np.ndarray:
    """p^2 = E^2 - |p|^2 for four-vectors stored as ``(4, n)`` (component, event)."""
    return p[0] * p[0] - p[1] * p[1] - p[2] * p[2] - p[3] * p[3]


def matrix_element(
    momenta: np.ndarray, *, include_z: bool = False, alpha: float = c.ALPHA
) -> np.ndarray:
    """Spin-averaged |M|^2 ``(n,)`` of e-(0) e+(1) -> mu-(2) mu+(3), from the invariants.

    s = (p0+p1)^2, t = (p0-p2)^2, u = (p0-p3)^2 and
    |M|^2 = e^4 [A0 * 2 (t^2 + u^2) / s^2 + A1 (t - u) / s], e^2 = 4 pi alpha, with
    A0 = 1, A1 = 0 for QED; with ``include_z`` A0 and A1 come from the photon-Z formula
    (``naive.matrix_element`` and ``icsc_perf_madgraph.analytic``), computed per event
    from s. Raises ``ValueError`` if ``momenta`` is not of shape ``(4, 4, n)``.
    """
    # BEGIN SOLUTION
    # HINT: minkowski_square(momenta[0] + momenta[1]) is s for every event at once.
    # HINT: for the Z, the propagator ratio kappa * s / (s - MZ^2 + 1j * GZ * MZ) works on arrays too.
    p = _momenta(momenta)
    s = minkowski_square(p[0] + p[1])
    t = minkowski_square(p[0] - p[2])
    u = minkowski_square(p[0] - p[3])
    e2 = 4.0 * math.pi * alpha
    a0: np.ndarray | float = 1.0
    a1: np.ndarray | float = 0.0
    if include_z:
        v = c.T3_LEPTON - 2.0 * c.Q_LEPTON * c.SIN2_THETA_W
        a = c.T3_LEPTON
        kappa = math.sqrt(2.0) * c.G_FERMI * c.MZ**2 / (4.0 * math.pi * alpha)
        chi = kappa * s / (s - c.MZ**2 + 1j * c.GAMMA_Z * c.MZ)
        chi1, chi2 = chi.real, np.abs(chi) ** 2
        q = c.Q_LEPTON
        a0 = q * q - 2.0 * q * v * v * chi1 + (a * a + v * v) ** 2 * chi2
        a1 = 2.0 * (-2.0 * q * a * a * chi1 + 4.0 * a * a * v * v * chi2)
    return e2 * e2 * (a0 * 2.0 * (t * t + u * u) / (s * s) + a1 * (t - u) / s)
    # END SOLUTION


def event_weights(sqrt_s: float, randoms: np.ndarray, *, include_z: bool = False) -> np.ndarray:
    """Event weights in pb ``(n,)``: |M|^2 * phase-space weight / (2 s) * (hbar c)^2.

    Equal (to rounding) to ``naive.event_weight`` for the same random numbers.
    Raises ``ValueError`` as :func:`phase_space`.
    """
    # BEGIN SOLUTION
    # HINT: compose phase_space and matrix_element; the flux 2 s is the same for every event here.
    momenta, weights = phase_space(sqrt_s, randoms)
    me = matrix_element(momenta, include_z=include_z)
    return me * weights / (2.0 * sqrt_s**2) * c.GEV2_TO_PB
    # END SOLUTION


def integrate(
    sqrt_s: float, n_events: int, seed: int, *, include_z: bool = False
) -> dict[str, Any]:
    """Cross section from ``n_events`` points drawn as ``default_rng(seed).random((n, 2))``.

    Returns ``{"sigma_pb": mean weight, "error_pb": standard error of the mean (sample
    variance with n - 1), "n_events": n}``, equal to ``naive.integrate(sqrt_s, n_events,
    seed)`` up to rounding. Raises ``ValueError`` if ``n_events`` is not an int >= 2.
    """
    # BEGIN SOLUTION
    # HINT: weights.mean() and weights.std(ddof=1) / sqrt(n)
    if isinstance(n_events, bool) or not isinstance(n_events, int) or n_events < 2:
        msg = f"n_events must be an int >= 2, got {n_events!r}"
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    weights = event_weights(sqrt_s, rng.random((n_events, 2)), include_z=include_z)
    return {
        "sigma_pb": float(weights.mean()),
        "error_pb": float(weights.std(ddof=1) / math.sqrt(n_events)),
        "n_events": n_events,
    }
    # END SOLUTION


def unweight(weights: np.ndarray, randoms: np.ndarray) -> np.ndarray:
    """Hit-or-miss unweighting: a boolean mask ``(n,)``, True where ``randoms * w_max < weights``.

    ``w_max`` is the largest weight. ``weights`` and ``randoms`` are ``(n,)`` arrays.
    Raises ``ValueError`` if their shapes differ or a weight is negative.
    """
    # BEGIN SOLUTION
    # HINT: one comparison of two arrays; no loop.
    w = np.asarray(weights, dtype=np.float64)
    r = np.asarray(randoms, dtype=np.float64)
    if w.shape != r.shape or w.ndim != 1:
        msg = f"weights and randoms must be 1-d arrays of one shape, got {w.shape} and {r.shape}"
        raise ValueError(msg)
    if np.any(w < 0):
        msg = "weights must be non-negative for hit-or-miss unweighting"
        raise ValueError(msg)
    return r * w.max() < w
    # END SOLUTION


def cos_theta(momenta: np.ndarray) -> np.ndarray:
    """cos(theta) of the mu- ``(n,)``: pz / |p| of particle 2."""
    # BEGIN SOLUTION
    # HINT: np.linalg.norm(p[2, 1:], axis=0) is |p| of every mu-.
    p = _momenta(momenta)
    return p[2, 3] / np.linalg.norm(p[2, 1:], axis=0)
    # END SOLUTION
