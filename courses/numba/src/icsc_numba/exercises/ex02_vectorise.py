# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: a[:, None, :] - b[None, :, :] has shape (n, m, d); sum the squares over the last axis.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """``exp(x) / sum(exp(x))`` along ``axis``, computed without overflow.

    ``x`` is an array of real numbers with at least one dimension; the result is float64
    with the shape of ``x``, each slice along ``axis`` summing to 1. Inputs as large as
    1e300 or as small as -1e300 must give finite results.

    Raises ``TypeError`` if ``x`` does not hold real numbers or ``axis`` is not an int;
    ``ValueError`` if ``x`` is 0-dimensional, the axis is out of range or has length 0,
    or ``x`` contains NaN or an infinity.
    """
    # HINT: softmax(x) == softmax(x - c) for any constant c; take c = the maximum along axis.
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")


def moving_average(x: np.ndarray, window: int) -> np.ndarray:
    """Means of all ``window`` consecutive values of the 1D array ``x`` ("valid" windows).

    Returns float64 of length ``len(x) - window + 1``; element k is
    ``x[k:k + window].mean()``, the same as
    ``np.convolve(x, np.ones(window) / window, mode="valid")`` up to round-off.

    Raises ``TypeError`` if ``x`` does not hold real numbers or ``window`` is not an int
    (``bool`` included); ``ValueError`` if ``x`` is not 1D or ``window`` is not in
    ``1 .. len(x)``.
    """
    # HINT: with c = np.cumsum of x with a 0 in front, the sum of x[k:k+w] is c[k+w] - c[k].
    # TODO: your code here.
    raise NotImplementedError("ex02_vectorise: this part is yours to write (icsc hint ex02)")
