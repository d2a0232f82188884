# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 3: VEGAS adaptive importance sampling (Lepage 1978).

Flat sampling of a peaked integrand wastes points where the integrand is tiny, and the
few points in the peak carry huge weights: large variance. VEGAS learns, iteration by
iteration, a change of variables x(y) that puts more points where |f| is large:

* each axis of [0, 1] is cut into ``n_bins`` bins of *variable* width (``edges``);
  a uniform y falls into bin i = floor(y N) and is mapped linearly inside it, so the
  map and its Jacobian are cheap (:func:`vegas_map`);
* after each iteration, the contribution of f^2 J^2 is accumulated per bin and axis,
  and the edges are moved so that each bin gets an equal share (:func:`refine_edges`),
  after the usual smoothing and damping that keep the grid from over-reacting;
* iterations are combined with weights 1/sigma_k^2, and chi^2 per degree of freedom
  tells whether they agree (:func:`vegas_integrate`).

The map is a product over axes, so VEGAS is exact for separable integrands and weaker
for peaks along diagonals. Madgraph uses it (with multi-channel phase space) for every
process; the point of this exercise is what it does to the variance, i.e. to the number
of events needed for a given precision.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np


def vegas_map(edges: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Map uniform points ``y`` ``(n, dim)`` through the grid ``edges`` ``(dim, n_bins + 1)``.

    Per axis d: bin ``i = min(floor(y N), N - 1)`` with N = n_bins, fractional position
    ``delta = y N - i``, ``x = e[i] + delta (e[i+1] - e[i])``, Jacobian factor
    ``N (e[i+1] - e[i])``. Returns ``x`` ``(n, dim)`` and the Jacobian ``(n,)``, the
    product over axes. A uniform grid gives x = y and Jacobian 1.
    Raises ``ValueError`` if the shapes do not match, or an axis's edges do not start at
    0, end at 1 and increase.
    """
    # HINT: index = np.minimum((y * N).astype(int), N - 1); np.take_along_axis or fancy indexing per axis
    # TODO: your code here.
    raise NotImplementedError("ex03_vegas: this part is yours to write (icsc hint ex03)")


def refine_edges(edges: np.ndarray, bin_weights: np.ndarray) -> np.ndarray:
    """New edges ``(n_bins + 1,)`` of one axis: each new bin holds the same share of weight.

    The weight of old bin i is ``bin_weights[i]`` (>= 0), spread uniformly over the bin;
    the new edges are where the cumulative weight crosses k/n_bins of the total,
    k = 1 .. n_bins - 1 (piecewise-linear interpolation of the cumulative sum), plus
    0 and 1. Raises ``ValueError`` if the shapes do not match, a weight is negative or
    not finite, or all weights are zero.
    """
    # HINT: cumulative = np.concatenate([[0.0], np.cumsum(bin_weights)]); then np.interp(levels, cumulative, edges)
    # TODO: your code here.
    raise NotImplementedError("ex03_vegas: this part is yours to write (icsc hint ex03)")


def _damped(accumulated: np.ndarray, alpha: float) -> np.ndarray:
    """Lepage's smoothing (average with neighbours) and damping ((1 - r)/ln(1/r))^alpha."""
    smooth = accumulated.copy()
    smooth[1:-1] = (accumulated[:-2] + accumulated[1:-1] + accumulated[2:]) / 3.0
    smooth[0] = (accumulated[0] + accumulated[1]) / 2.0
    smooth[-1] = (accumulated[-2] + accumulated[-1]) / 2.0
    total = smooth.sum()
    if total <= 0:
        return np.ones_like(smooth)
    r = np.clip(smooth / total, 1e-300, 1.0 - 1e-15)
    return ((1.0 - r) / np.log(1.0 / r)) ** alpha


def vegas_integrate(
    f: Callable[[np.ndarray], np.ndarray],
    dim: int,
    *,
    n_per_iteration: int = 10_000,
    n_iterations: int = 10,
    n_warmup: int = 3,
    n_bins: int = 50,
    alpha: float = 1.5,
    seed: int = 0,
) -> dict[str, Any]:
    """Integral of ``f`` over [0, 1]^dim with VEGAS.

    ``f`` takes points ``(n, dim)`` and returns ``(n,)`` finite values. Each of the
    ``n_iterations`` iterations draws ``default_rng(seed).random((n_per_iteration,
    dim))`` (one stream for the whole run), maps them with :func:`vegas_map`, estimates
    the integral as the mean of ``f(x) J`` with its variance, and accumulates ``(f J)^2``
    per bin and axis; then every axis is refined with :func:`refine_edges` from smoothed
    and damped (exponent ``alpha``) accumulations. The first ``n_warmup`` iterations only
    adapt; the others are combined with weights 1/sigma_k^2.

    Returns ``{"integral", "error", "chi2_per_dof" (0.0 with one kept iteration),
    "edges" (dim, n_bins + 1), "n_evaluations"}``. Raises ``ValueError`` if ``dim``,
    ``n_bins`` or ``n_per_iteration`` are < 1 (``n_per_iteration`` < 2),
    ``n_iterations <= n_warmup``, or ``f`` returns a wrong shape or non-finite values.
    """
    # HINT: per iteration: y -> (x, J) = vegas_map; w = f(x) * J; estimate w.mean(), w.var(ddof=1)/n
    # HINT: bins = np.minimum((y * n_bins).astype(int), n_bins - 1); np.add.at(acc[d], bins[:, d], w**2)
    # TODO: your code here.
    raise NotImplementedError("ex03_vegas: this part is yours to write (icsc hint ex03)")
