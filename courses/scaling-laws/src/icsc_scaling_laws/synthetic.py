"""Power-law data with known parameters, for checking fitting methods (exercise 1).

Two noise models matter for the choice of fit:

* ``"multiplicative"``: y = f(x) * exp(sigma * z) — the scatter is a constant fraction of
  y, a straight band on log-log axes; least squares on logs is the natural estimator.
* ``"additive"``: y = f(x) + sigma * z — the scatter has constant size; small values of y
  get relatively noisy (or negative), which breaks log-log regression.

with f(x) = offset + a * x**b and z standard normal.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from icsc_scaling_laws.validation import positive_array

NoiseModel = Literal["none", "multiplicative", "additive"]


def power_law_samples(
    x: object,
    a: float,
    b: float,
    *,
    noise: NoiseModel = "multiplicative",
    sigma: float = 0.1,
    offset: float = 0.0,
    seed: int = 0,
) -> np.ndarray:
    """Samples of ``offset + a * x**b`` with the chosen noise, as a float64 array.

    ``x`` must be a 1D array of positive finite numbers; ``a`` must be positive, ``sigma``
    and ``offset`` non-negative. With ``noise="none"`` the exact values are returned. The
    same ``seed`` gives the same samples. Raises ``ValueError`` for bad arguments.
    """
    xs = positive_array("x", x)
    if not (np.isfinite(a) and a > 0):
        msg = f"a must be a positive number, got {a!r}"
        raise ValueError(msg)
    if not np.isfinite(b):
        msg = f"b must be a finite number, got {b!r}"
        raise ValueError(msg)
    if not (np.isfinite(sigma) and sigma >= 0):
        msg = f"sigma must be a non-negative number, got {sigma!r}"
        raise ValueError(msg)
    if not (np.isfinite(offset) and offset >= 0):
        msg = f"offset must be a non-negative number, got {offset!r}"
        raise ValueError(msg)
    exact = offset + a * xs**b
    z = np.random.default_rng(seed).standard_normal(xs.size)
    if noise == "none":
        return exact
    if noise == "multiplicative":
        return exact * np.exp(sigma * z)
    if noise == "additive":
        return exact + sigma * z
    msg = f"noise must be 'none', 'multiplicative' or 'additive', got {noise!r}"
    raise ValueError(msg)
