"""Argument checks shared by the exercises: one clear ``ValueError``/``TypeError`` each."""

from __future__ import annotations

import numbers

import numpy as np


def data_matrix(name: str, value: object, *, min_rows: int = 2) -> np.ndarray:
    """``value`` as a float64 array of shape (n_samples, n_features).

    Raises ``ValueError`` naming ``name`` if the array is not 2D, has fewer than
    ``min_rows`` rows or no column, or holds NaN or infinity; ``TypeError`` if it is not
    numeric.
    """
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        msg = f"{name} must be a numeric array, got {type(value).__name__}"
        raise TypeError(msg) from error
    if array.ndim != 2:
        msg = f"{name} must be 2D (n_samples, n_features), got shape {array.shape}"
        raise ValueError(msg)
    if array.shape[0] < min_rows or array.shape[1] < 1:
        msg = f"{name} needs at least {min_rows} samples and 1 feature, got shape {array.shape}"
        raise ValueError(msg)
    if not np.all(np.isfinite(array)):
        msg = f"{name} holds NaN or infinite values"
        raise ValueError(msg)
    return array


def integer_in_range(name: str, value: object, low: int, high: int) -> int:
    """``value`` as an int with ``low <= value <= high``.

    Raises ``TypeError`` naming ``name`` for booleans and non-integral numbers,
    ``ValueError`` naming ``name`` for an integer out of range.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        msg = f"{name} must be an integer in [{low}, {high}], got {value!r}"
        raise TypeError(msg)
    if not low <= int(value) <= high:
        msg = f"{name} must be an integer in [{low}, {high}], got {value}"
        raise ValueError(msg)
    return int(value)


def labels_vector(name: str, value: object, *, length: int | None = None) -> np.ndarray:
    """``value`` as a 1D integer array (of ``length`` entries when given); ``ValueError`` if not."""
    array = np.asarray(value)
    if array.ndim != 1 or array.size == 0:
        msg = f"{name} must be a non-empty 1D array of labels, got shape {array.shape}"
        raise ValueError(msg)
    if length is not None and array.size != length:
        msg = f"{name} has {array.size} labels but {length} samples were given"
        raise ValueError(msg)
    if not np.issubdtype(array.dtype, np.integer):
        msg = f"{name} must hold integer labels, got dtype {array.dtype}"
        raise ValueError(msg)
    return array.astype(np.int64)
