"""The parametric loss law of Hoffmann et al. (2022) and checks on its parameters.

``L(N, D) = E + A / N**alpha + B / D**beta`` predicts the final training loss (nats per
token) of a model with ``N`` parameters trained on ``D`` tokens. ``E`` is the loss of an
ideal model (the entropy of the text), the two other terms are the penalties for a finite
model and for finite data (Hoffmann et al. 2022, arXiv:2203.15556, eq. 2).

A parameter set is a plain mapping with the keys of :data:`PARAM_NAMES`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from icsc_scaling_laws.validation import positive_array

#: Keys of a parameter mapping, in the order used for arrays of parameters.
PARAM_NAMES: tuple[str, ...] = ("E", "A", "B", "alpha", "beta")


def check_params(params: Mapping[str, float]) -> dict[str, float]:
    """``params`` as a new dict of floats, after checking it describes a usable law.

    Raises ``TypeError`` if ``params`` is not a mapping, ``ValueError`` if a key of
    :data:`PARAM_NAMES` is missing, a value is not finite, ``A``, ``B``, ``alpha`` or
    ``beta`` is not positive, or ``E`` is negative.
    """
    if not isinstance(params, Mapping):
        msg = f"params must be a mapping with keys {PARAM_NAMES}, got {type(params).__name__}"
        raise TypeError(msg)
    missing = [name for name in PARAM_NAMES if name not in params]
    if missing:
        msg = f"params lacks {', '.join(missing)} (needs {', '.join(PARAM_NAMES)})"
        raise ValueError(msg)
    values = {name: float(params[name]) for name in PARAM_NAMES}
    for name, value in values.items():
        if not np.isfinite(value):
            msg = f"parameter {name} must be finite, got {value!r}"
            raise ValueError(msg)
    for name in ("A", "B", "alpha", "beta"):
        if values[name] <= 0:
            msg = f"parameter {name} must be positive, got {values[name]!r}"
            raise ValueError(msg)
    if values["E"] < 0:
        msg = f"parameter E (irreducible loss) cannot be negative, got {values['E']!r}"
        raise ValueError(msg)
    return values


def chinchilla_loss(n_params: object, tokens: object, params: Mapping[str, float]) -> np.ndarray:
    """Predicted loss ``E + A/N**alpha + B/D**beta`` in nats per token.

    ``n_params`` (N) and ``tokens`` (D) are positive numbers or 1D arrays of equal length;
    the result is a float64 array of that length (length 1 for scalars). Raises
    ``ValueError`` for non-positive, NaN or mismatched inputs and bad ``params``.
    """
    p = check_params(params)
    n = positive_array("n_params", np.atleast_1d(n_params))
    d = positive_array("tokens", np.atleast_1d(tokens))
    if n.shape != d.shape:
        msg = f"n_params and tokens must have the same length, got {n.size} and {d.size}"
        raise ValueError(msg)
    return p["E"] + p["A"] * n ** -p["alpha"] + p["B"] * d ** -p["beta"]


def params_to_array(params: Mapping[str, float]) -> np.ndarray:
    """The values of ``params`` as a float64 array in :data:`PARAM_NAMES` order."""
    p = check_params(params)
    return np.array([p[name] for name in PARAM_NAMES])


def array_to_params(values: object) -> dict[str, float]:
    """The inverse of :func:`params_to_array` (a length-5 sequence to a checked dict)."""
    array = np.asarray(values, dtype=np.float64)
    if array.shape != (len(PARAM_NAMES),):
        msg = f"expected {len(PARAM_NAMES)} values ({', '.join(PARAM_NAMES)}), got {array.shape}"
        raise ValueError(msg)
    return check_params(dict(zip(PARAM_NAMES, array.tolist(), strict=True)))
