# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: allocate momenta = np.zeros((4, 4, n)) and fill rows: momenta[2, 3] = E * cos_theta, ...
    # HINT: np.sqrt, np.cos, np.sin work on whole arrays; no Python loop over events.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


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
    # HINT: minkowski_square(momenta[0] + momenta[1]) is s for every event at once.
    # HINT: for the Z, the propagator ratio kappa * s / (s - MZ^2 + 1j * GZ * MZ) works on arrays too.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


def event_weights(sqrt_s: float, randoms: np.ndarray, *, include_z: bool = False) -> np.ndarray:
    """Event weights in pb ``(n,)``: |M|^2 * phase-space weight / (2 s) * (hbar c)^2.

    Equal (to rounding) to ``naive.event_weight`` for the same random numbers.
    Raises ``ValueError`` as :func:`phase_space`.
    """
    # HINT: compose phase_space and matrix_element; the flux 2 s is the same for every event here.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


def integrate(
    sqrt_s: float, n_events: int, seed: int, *, include_z: bool = False
) -> dict[str, Any]:
    """Cross section from ``n_events`` points drawn as ``default_rng(seed).random((n, 2))``.

    Returns ``{"sigma_pb": mean weight, "error_pb": standard error of the mean (sample
    variance with n - 1), "n_events": n}``, equal to ``naive.integrate(sqrt_s, n_events,
    seed)`` up to rounding. Raises ``ValueError`` if ``n_events`` is not an int >= 2.
    """
    # HINT: weights.mean() and weights.std(ddof=1) / sqrt(n)
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


def unweight(weights: np.ndarray, randoms: np.ndarray) -> np.ndarray:
    """Hit-or-miss unweighting: a boolean mask ``(n,)``, True where ``randoms * w_max < weights``.

    ``w_max`` is the largest weight. ``weights`` and ``randoms`` are ``(n,)`` arrays.
    Raises ``ValueError`` if their shapes differ or a weight is negative.
    """
    # HINT: one comparison of two arrays; no loop.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


def cos_theta(momenta: np.ndarray) -> np.ndarray:
    """cos(theta) of the mu- ``(n,)``: pz / |p| of particle 2."""
    # HINT: np.linalg.norm(p[2, 1:], axis=0) is |p| of every mu-.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")
