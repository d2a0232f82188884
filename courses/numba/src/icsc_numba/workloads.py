"""Workloads and exact references that the exercises, checks and notebook share.

* :func:`make_jitted_sum_of_squares` builds a *fresh* numba dispatcher every time, so
  that its first call really compiles: the object to benchmark in exercise 1.
* :func:`critical_temperature`, :func:`onsager_magnetisation` and
  :func:`onsager_energy_per_spin` are the exact results for the square-lattice Ising
  model (J = 1, k_B = 1, infinite lattice) that exercise 3 is checked against.
* :func:`mandelbrot_axes` gives the pixel coordinates used in exercises 4 and 5.

Nothing here solves an exercise.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numba import njit


def _sum_of_squares(values: np.ndarray) -> float:
    total = 0.0
    for value in values:
        total += value * value
    return total


def sum_of_squares_python(values: np.ndarray) -> float:
    """Sum of ``values**2`` with a plain Python loop (the interpreted baseline)."""
    return _sum_of_squares(values)


def make_jitted_sum_of_squares() -> Callable[[np.ndarray], float]:
    """A new, not yet compiled ``@njit`` version of :func:`sum_of_squares_python`.

    Every call returns a different dispatcher with an empty compilation cache (and no
    on-disk cache), so the first call of the returned function compiles for the argument
    types it sees; ``.signatures`` lists what has been compiled so far.
    """
    return njit(cache=False)(_sum_of_squares)


def critical_temperature() -> float:
    """Onsager's critical temperature T_c = 2 / ln(1 + sqrt 2) ~ 2.269185 (J = k_B = 1)."""
    return 2.0 / math.log1p(math.sqrt(2.0))


def _check_temperature(temperature: float) -> float:
    if isinstance(temperature, bool) or not isinstance(temperature, int | float):
        msg = f"temperature must be a real number, got {type(temperature).__name__}"
        raise TypeError(msg)
    if not (math.isfinite(temperature) and temperature > 0):
        msg = f"temperature must be positive and finite, got {temperature}"
        raise ValueError(msg)
    return float(temperature)


def onsager_magnetisation(temperature: float) -> float:
    """Exact spontaneous magnetisation per spin of the infinite 2D Ising model.

    M(T) = (1 - sinh(2/T)**-4) ** (1/8) below T_c and 0 at or above it (Onsager 1949
    announcement, proved by Yang 1952). ``temperature`` in units of J / k_B.

    Raises ``TypeError`` for a non-number and ``ValueError`` unless it is positive and finite.
    """
    t = _check_temperature(temperature)
    if t >= critical_temperature():
        return 0.0
    return (1.0 - math.sinh(2.0 / t) ** -4) ** 0.125


def _complete_elliptic_k(k_complement: float) -> float:
    """K(k) = pi / (2 AGM(1, k')) from the complementary modulus k' = sqrt(1 - k^2) > 0."""
    a, b = 1.0, k_complement
    for _ in range(64):
        a, b = 0.5 * (a + b), math.sqrt(a * b)
        if abs(a - b) <= 1e-16 * a:
            break
    return math.pi / (2.0 * a)


def onsager_energy_per_spin(temperature: float) -> float:
    """Exact internal energy per spin u(T) of the infinite 2D Ising model (J = 1).

    u = -coth(2 beta) [1 + (2/pi) (2 tanh^2(2 beta) - 1) K(k)], k = 2 sinh(2 beta) / cosh^2(2 beta)
    (Onsager 1944), with K the complete elliptic integral of the first kind. Using
    sinh^2 + 1 = cosh^2, both 2 tanh^2 - 1 and the complementary modulus
    k' = sqrt(1 - k^2) equal (sinh^2(2 beta) - 1) / cosh^2(2 beta) up to sign, so the
    product vanishes at T_c (where sinh(2 beta) = 1) and u(T_c) = -sqrt(2).

    Raises ``TypeError`` for a non-number and ``ValueError`` unless it is positive and finite.
    """
    two_beta = 2.0 / _check_temperature(temperature)
    sinh2, cosh2 = math.sinh(two_beta) ** 2, math.cosh(two_beta) ** 2
    factor = (sinh2 - 1.0) / cosh2  # = 2 tanh^2(2 beta) - 1
    coth = 1.0 / math.tanh(two_beta)
    if factor == 0.0:
        return -coth
    return -coth * (1.0 + 2.0 / math.pi * factor * _complete_elliptic_k(abs(factor)))


def mandelbrot_axes(
    xmin: float, xmax: float, ymin: float, ymax: float, width: int, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pixel centres ``(xs, ys)``: ``np.linspace(xmin, xmax, width)``, ``np.linspace(ymin, ymax, height)``.

    Both are float64. Raises ``TypeError`` if ``width``/``height`` are not ints and
    ``ValueError`` if they are < 1, a bound is not finite, or ``xmin >= xmax`` or
    ``ymin >= ymax``.
    """
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            msg = f"{name} must be an int, got {type(value).__name__}"
            raise TypeError(msg)
        if value < 1:
            msg = f"{name} must be >= 1, got {value}"
            raise ValueError(msg)
    bounds = (xmin, xmax, ymin, ymax)
    if not all(isinstance(b, int | float | np.floating) and math.isfinite(b) for b in bounds):
        msg = f"bounds must be finite real numbers, got {bounds}"
        raise ValueError(msg)
    if not (xmin < xmax and ymin < ymax):
        msg = f"need xmin < xmax and ymin < ymax, got {bounds}"
        raise ValueError(msg)
    return np.linspace(xmin, xmax, width), np.linspace(ymin, ymax, height)
