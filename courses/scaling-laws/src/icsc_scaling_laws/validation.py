"""Input checks shared by the course library: one clear ``ValueError`` per defect."""

from __future__ import annotations

import numpy as np


def positive_array(name: str, values: object) -> np.ndarray:
    """``values`` as a 1D float64 array of finite, strictly positive numbers.

    Raises ``TypeError`` if ``values`` does not hold real numbers and ``ValueError`` if it
    is not one-dimensional, is empty, holds NaN or infinities, or holds a value <= 0. The
    message names ``name`` and the first offending index.
    """
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        msg = f"{name} must hold real numbers: {error}"
        raise TypeError(msg) from None
    if array.ndim != 1:
        msg = f"{name} must be one-dimensional, got shape {array.shape}"
        raise ValueError(msg)
    if array.size == 0:
        msg = f"{name} is empty"
        raise ValueError(msg)
    bad = np.flatnonzero(~np.isfinite(array))
    if bad.size:
        msg = f"{name} holds a NaN or infinite value at index {bad[0]}"
        raise ValueError(msg)
    bad = np.flatnonzero(array <= 0)
    if bad.size:
        msg = f"{name} must be positive, got {array[bad[0]]!r} at index {bad[0]}"
        raise ValueError(msg)
    return array


def positive_number(name: str, value: object) -> float:
    """``value`` as a finite float > 0, else ``ValueError`` (``TypeError`` if not a number)."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        msg = f"{name} must be a number, got {type(value).__name__}"
        raise TypeError(msg)
    number = float(value)
    if not np.isfinite(number) or number <= 0:
        msg = f"{name} must be a finite positive number, got {value!r}"
        raise ValueError(msg)
    return number


def same_length(**arrays: np.ndarray) -> int:
    """The common length of ``arrays``; ``ValueError`` naming the lengths if they differ."""
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        msg = f"arrays must have the same length: {described}"
        raise ValueError(msg)
    return next(iter(lengths.values()))


def enough_points(count: int, minimum: int, what: str) -> None:
    """``ValueError`` if ``count`` < ``minimum`` (too few points to fit ``what``)."""
    if count < minimum:
        msg = f"too few points to fit {what}: got {count}, need at least {minimum}"
        raise ValueError(msg)
