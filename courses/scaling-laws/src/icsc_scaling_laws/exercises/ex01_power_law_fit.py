# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: fit a power law y = a * x**b, by log-log regression and by NLS.

A power law is a straight line on log-log axes: log y = log a + b log x. Two ways to fit:

* :func:`fit_loglog` — ordinary least squares on (log x, log y). It is the maximum
  likelihood fit when the noise is *multiplicative* (a constant relative scatter), and it
  cannot take y <= 0.
* :func:`fit_nls` — non-linear least squares on y itself (scipy.optimize.curve_fit or
  least_squares). It is the maximum likelihood fit when the noise is *additive* (a
  constant absolute scatter); it needs a starting point, take the log-log fit.

:func:`fit_power_law_with_offset` fits y = E + a * x**b, the shape of a loss curve with an
irreducible part E: a pure power law fitted to such data bends the exponent towards zero,
one of the pitfalls of the lecture.

``icsc_scaling_laws.synthetic.power_law_samples`` makes data with known a, b and noise.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import curve_fit

from icsc_scaling_laws.validation import enough_points, positive_array, same_length


def _finite_array(name: str, values: object) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        msg = f"{name} must be one-dimensional, got shape {array.shape}"
        raise ValueError(msg)
    if not np.isfinite(array).all():
        msg = f"{name} holds a NaN or infinite value"
        raise ValueError(msg)
    return array


def fit_loglog(x: object, y: object) -> tuple[float, float]:
    """(a, b) of y = a * x**b by least squares on log y = log a + b log x.

    ``x`` and ``y`` are 1D arrays of equal length with positive finite values and at
    least 2 distinct x. Raises ``ValueError`` (naming the problem) for non-positive values,
    NaN, unequal lengths or fewer than 2 points.
    """
    # HINT: np.polyfit(np.log(x), np.log(y), 1) returns (slope, intercept); a = exp(intercept).
    # TODO: your code here.
    raise NotImplementedError("ex01_power_law_fit: this part is yours to write (icsc hint ex01)")


def fit_nls(x: object, y: object) -> tuple[float, float]:
    """(a, b) of y = a * x**b minimising sum (y - a x**b)**2 (non-linear least squares).

    ``x`` must be positive and finite; ``y`` finite (it may hold values <= 0, as additive
    noise produces), equal lengths, at least 3 points. Start from the log-log fit of the
    points with y > 0. Raises ``ValueError`` for bad input.
    """
    # HINT: scipy.optimize.curve_fit(lambda x, a, b: a * x**b, x, y, p0=(a0, b0)); start from fit_loglog on the points with y > 0.
    # HINT: rescale x by its geometric mean first: a * x**b = (a * s**b) * (x / s)**b keeps the problem well conditioned.
    # TODO: your code here.
    raise NotImplementedError("ex01_power_law_fit: this part is yours to write (icsc hint ex01)")


def fit_power_law_with_offset(x: object, y: object) -> tuple[float, float, float]:
    """(E, a, b) of y = E + a * x**b by non-linear least squares, with E >= 0.

    For a decaying law (b < 0) E is the asymptote reached as x grows. ``x`` positive,
    ``y`` finite, equal lengths, at least 4 points. Raises ``ValueError`` for bad input.
    """
    # HINT: start E below min(y) (e.g. 0.5 * min(y)), then (a, b) from fit_loglog(x, y - E0); bound E >= 0 with curve_fit(..., bounds=...).
    # TODO: your code here.
    raise NotImplementedError("ex01_power_law_fit: this part is yours to write (icsc hint ex01)")
