# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 2: refit L(N, D) = E + A/N**alpha + B/D**beta to the Chinchilla runs.

Follow Hoffmann et al. (2022, Appendix D.2) as replicated by Besiroglu et al. (2024):

1. Work with log-parameters theta = (a, b, e, alpha, beta), A = exp(a), B = exp(b),
   E = exp(e), so that A, B, E stay positive whatever the optimiser does.
2. Predict the log-loss with a log-sum-exp, which never overflows:
   log L = LSE(a - alpha log N, b - beta log D, e).
3. Minimise the SUM over runs of the Huber loss (threshold delta = 1e-3) of the residuals
   log L_predicted - log L_observed. (Hoffmann et al. used the mean; with such a small
   objective L-BFGS stops early: Besiroglu et al. trace part of the disagreement to it.)
4. Run L-BFGS from every point of a grid of starts and keep the best end point.
5. Bootstrap: refit on resamples of the runs (drawn with replacement) to get standard
   errors and intervals.

Parameter dicts use the keys E, A, B, alpha, beta (``icsc_scaling_laws.laws``).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.optimize import minimize

from icsc_scaling_laws.laws import PARAM_NAMES
from icsc_scaling_laws.published import HOFFMANN_2022_HUBER_DELTA, HOFFMANN_2022_START_GRID
from icsc_scaling_laws.validation import enough_points, positive_array, same_length

#: The 4500 starting points of Hoffmann et al. (2022), as (a, b, e, alpha, beta) tuples.
FULL_GRID: tuple[tuple[float, float, float, float, float], ...] = tuple(
    itertools.product(*(HOFFMANN_2022_START_GRID[k] for k in ("a", "b", "e", "alpha", "beta")))
)
#: A handful of starts from that grid that is enough on the Chinchilla runs (fast).
SMALL_GRID: tuple[tuple[float, float, float, float, float], ...] = (
    (5.0, 5.0, 0.5, 0.5, 0.5),
    (10.0, 10.0, 0.5, 0.5, 0.5),
    (5.0, 10.0, 0.0, 0.5, 0.5),
)
#: L-BFGS-B tolerances: the objective is small (a sum of Huber terms ~ 1e-3), so
#: scipy's defaults, meant for objectives of order one, would stop far too early.
LBFGS_OPTIONS = {"ftol": 1e-15, "gtol": 1e-12, "maxiter": 5000}
#: Fewest runs we agree to fit five parameters to.
MIN_RUNS = 6


def huber(residuals: object, delta: float = HOFFMANN_2022_HUBER_DELTA) -> np.ndarray:
    """Elementwise Huber loss: r**2 / 2 if |r| <= delta, else delta * (|r| - delta / 2).

    Returns a float64 array of the shape of ``residuals``. Raises ``ValueError`` if
    ``delta`` is not positive.
    """
    # HINT: np.where(np.abs(r) <= delta, quadratic, linear) — both branches meet at |r| = delta.
    # TODO: your code here.
    raise NotImplementedError("ex02_chinchilla_fit: this part is yours to write (icsc hint ex02)")


def predict_log_loss(theta: Sequence[float], log_n: np.ndarray, log_d: np.ndarray) -> np.ndarray:
    """log L(N, D) for log-parameters theta = (a, b, e, alpha, beta), via log-sum-exp.

    ``log_n`` and ``log_d`` are arrays of log N and log D of equal shape; the result has
    that shape. Must stay finite for a = 30, alpha = 0 (no overflow).
    """
    # HINT: subtract the largest of the three terms before exponentiating (or use scipy.special.logsumexp).
    # TODO: your code here.
    raise NotImplementedError("ex02_chinchilla_fit: this part is yours to write (icsc hint ex02)")


def huber_objective(
    theta: Sequence[float],
    log_n: np.ndarray,
    log_d: np.ndarray,
    log_loss: np.ndarray,
    delta: float = HOFFMANN_2022_HUBER_DELTA,
) -> tuple[float, np.ndarray]:
    """Sum of Huber losses of log-residuals, and its gradient with respect to theta.

    Returns ``(value, gradient)`` with ``gradient`` a float64 array of shape (5,), in the
    order (a, b, e, alpha, beta) — the form ``scipy.optimize.minimize(..., jac=True)``
    wants.
    """
    # HINT: d huber / d r = clip(r, -delta, delta); d logL / d a = softmax weight of the first term, d logL / d alpha = -weight * log N.
    # TODO: your code here.
    raise NotImplementedError("ex02_chinchilla_fit: this part is yours to write (icsc hint ex02)")


def _check_runs(n_params: object, tokens: object, loss: object) -> tuple[np.ndarray, ...]:
    n = positive_array("n_params", n_params)
    d = positive_array("tokens", tokens)
    losses = positive_array("loss", loss)
    count = same_length(n_params=n, tokens=d, loss=losses)
    enough_points(count, MIN_RUNS, "the five parameters of L(N, D)")
    return np.log(n), np.log(d), np.log(losses)


def _theta_to_params(theta: np.ndarray) -> dict[str, float]:
    a, b, e, alpha, beta = (float(v) for v in theta)
    return {"E": np.exp(e), "A": np.exp(a), "B": np.exp(b), "alpha": alpha, "beta": beta}


def fit_scaling_law(
    n_params: object,
    tokens: object,
    loss: object,
    *,
    starts: Sequence[Sequence[float]] = SMALL_GRID,
    delta: float = HOFFMANN_2022_HUBER_DELTA,
) -> dict[str, float]:
    """Best fit of L(N, D) over L-BFGS runs from every start in ``starts``.

    ``n_params``, ``tokens`` and ``loss`` are 1D arrays of equal length (at least 6) with
    positive finite values; each start is (a, b, e, alpha, beta). Returns a dict with the
    keys E, A, B, alpha, beta and ``objective`` (the Huber sum at the optimum). Raises
    ``ValueError`` for bad data, an empty ``starts``, or if no start converges.
    """
    # HINT: scipy.optimize.minimize(huber_objective, start, args=(log_n, log_d, log_loss, delta), jac=True, method="L-BFGS-B", options=LBFGS_OPTIONS)
    # HINT: keep the result with the smallest .fun; convert (a, b, e) back with np.exp.
    # TODO: your code here.
    raise NotImplementedError("ex02_chinchilla_fit: this part is yours to write (icsc hint ex02)")


def bootstrap_scaling_law(
    n_params: object,
    tokens: object,
    loss: object,
    *,
    n_resamples: int,
    start: Mapping[str, float],
    seed: int = 0,
    delta: float = HOFFMANN_2022_HUBER_DELTA,
) -> np.ndarray:
    """Refits of L(N, D) on ``n_resamples`` bootstrap resamples of the runs.

    Each resample draws len(loss) runs with replacement (``np.random.default_rng(seed)``);
    each refit starts from ``start`` (a fitted parameter dict, e.g. the output of
    :func:`fit_scaling_law`). Returns a float64 array of shape (n_resamples, 5), columns
    E, A, B, alpha, beta. Raises ``ValueError`` for bad data or ``n_resamples`` < 2.
    """
    # HINT: rng.integers(0, n, size=n) picks one resample; call fit_scaling_law on it with starts=[theta0].
    # TODO: your code here.
    raise NotImplementedError("ex02_chinchilla_fit: this part is yours to write (icsc hint ex02)")


def standard_errors(refits: object) -> dict[str, float]:
    """Bootstrap standard errors (sample standard deviation, ddof=1) per parameter.

    ``refits`` has shape (k, 5) with columns E, A, B, alpha, beta and k >= 2. Returns a
    dict with those keys. Raises ``ValueError`` for another shape or non-finite values.
    """
    # HINT: np.std(refits, axis=0, ddof=1)
    # TODO: your code here.
    raise NotImplementedError("ex02_chinchilla_fit: this part is yours to write (icsc hint ex02)")
