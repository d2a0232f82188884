"""Exercise 2: common vector operations written with NumPy, no Python loops.

Reach for NumPy first: whole-array expressions run in compiled loops inside NumPy, and
broadcasting lets one expression cover what would be two nested Python loops. Write the
three functions below without a Python-level ``for`` loop over the data.

* :func:`pairwise_distances` — every Euclidean distance between two point sets
  (broadcasting, or the ``|a|^2 + |b|^2 - 2 a.b`` expansion with a matrix product).
* :func:`softmax` — the normalised exponential, stable for large inputs.
* :func:`moving_average` — the mean of every window of ``window`` consecutive values
  (a cumulative sum turns each window sum into one subtraction).

Each function states its contract: shapes, dtypes and what bad input raises.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np


def _as_real_array(x: object, name: str) -> np.ndarray:
    """``x`` as a float64 array; ``TypeError`` unless it holds real numbers (bool excluded)."""
    array = np.asarray(x)
    if array.dtype == np.bool_ or not (
        np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
    ):
        msg = f"{name} must hold real numbers (integer or float), got dtype {array.dtype}"
        raise TypeError(msg)
    return array.astype(np.float64, copy=False)


def pairwise_distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Euclidean distances between the rows of ``a`` (n, d) and the rows of ``b`` (m, d).

    Returns a float64 array of shape (n, m) with ``out[i, j] = ||a[i] - b[j]||``;
    n or m may be 0. Values are never negative (round-off included).

    Raises ``TypeError`` if ``a`` or ``b`` does not hold real numbers and ``ValueError``
    if either is not 2D or their second dimensions (d) differ.
    """
    # BEGIN SOLUTION
    # HINT: a[:, None, :] - b[None, :, :] has shape (n, m, d); sum the squares over the last axis.
    a = _as_real_array(a, "a")
    b = _as_real_array(b, "b")
    if a.ndim != 2 or b.ndim != 2:
        msg = f"a and b must be 2D (points x coordinates), got shapes {a.shape} and {b.shape}"
        raise ValueError(msg)
    if a.shape[1] != b.shape[1]:
        msg = f"a and b must have the same number of coordinates, got {a.shape[1]} and {b.shape[1]}"
        raise ValueError(msg)
    difference = a[:, None, :] - b[None, :, :]
    return np.sqrt(np.einsum("ijk,ijk->ij", difference, difference))
    # END SOLUTION


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """``exp(x) / sum(exp(x))`` along ``axis``, computed without overflow.

    ``x`` is an array of real numbers with at least one dimension; the result is float64
    with the shape of ``x``, each slice along ``axis`` summing to 1. Inputs as large as
    1e300 or as small as -1e300 must give finite results.

    Raises ``TypeError`` if ``x`` does not hold real numbers or ``axis`` is not an int;
    ``ValueError`` if ``x`` is 0-dimensional, the axis is out of range or has length 0,
    or ``x`` contains NaN or an infinity.
    """
    # BEGIN SOLUTION
    # HINT: softmax(x) == softmax(x - c) for any constant c; take c = the maximum along axis.
    x = _as_real_array(x, "x")
    if isinstance(axis, bool) or not isinstance(axis, Integral):
        msg = f"axis must be an int, got {type(axis).__name__}"
        raise TypeError(msg)
    if x.ndim == 0:
        msg = "x must have at least one dimension"
        raise ValueError(msg)
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for an array with {x.ndim} dimensions"
        raise ValueError(msg)
    if x.shape[axis] == 0:
        msg = "softmax of an empty axis is undefined"
        raise ValueError(msg)
    if not np.all(np.isfinite(x)):
        msg = "x must not contain NaN or infinities"
        raise ValueError(msg)
    shifted = x - x.max(axis=axis, keepdims=True)
    weights = np.exp(shifted)
    return weights / weights.sum(axis=axis, keepdims=True)
    # END SOLUTION


def moving_average(x: np.ndarray, window: int) -> np.ndarray:
    """Means of all ``window`` consecutive values of the 1D array ``x`` ("valid" windows).

    Returns float64 of length ``len(x) - window + 1``; element k is
    ``x[k:k + window].mean()``, the same as
    ``np.convolve(x, np.ones(window) / window, mode="valid")`` up to round-off.

    Raises ``TypeError`` if ``x`` does not hold real numbers or ``window`` is not an int
    (``bool`` included); ``ValueError`` if ``x`` is not 1D or ``window`` is not in
    ``1 .. len(x)``.
    """
    # BEGIN SOLUTION
    # HINT: with c = np.cumsum of x with a 0 in front, the sum of x[k:k+w] is c[k+w] - c[k].
    x = _as_real_array(x, "x")
    if isinstance(window, bool) or not isinstance(window, Integral):
        msg = f"window must be an int, got {type(window).__name__}"
        raise TypeError(msg)
    if x.ndim != 1:
        msg = f"x must be 1D, got shape {x.shape}"
        raise ValueError(msg)
    if not 1 <= window <= x.size:
        msg = f"window must be between 1 and len(x) = {x.size}, got {window}"
        raise ValueError(msg)
    cumulative = np.concatenate(([0.0], np.cumsum(x)))
    return (cumulative[window:] - cumulative[:-window]) / window
    # END SOLUTION
