"""Exercise 3: the compute-optimal model size and token count for a FLOP budget.

Training a dense transformer with N parameters on D tokens costs about C = 6 N D FLOPs
(2 N per token forward, 4 N backward; Kaplan et al. 2020, Section 2.1). For a budget C,
minimise L(N, D) = E + A/N**alpha + B/D**beta on the curve D = C / (6 N).

Setting dL/dN = 0 along that curve gives the closed form of Hoffmann et al. (2022,
Section 3.3):

    N_opt = G * (C/6)**(beta / (alpha + beta)),   D_opt = (C/6) / N_opt,
    G = (alpha * A / (beta * B))**(1 / (alpha + beta)).

Derive it yourself (one line of calculus), implement it, and check it against a direct
numerical minimisation. ``params`` are dicts with keys E, A, B, alpha, beta.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.optimize import minimize_scalar

from icsc_scaling_laws.laws import check_params
from icsc_scaling_laws.validation import positive_array, positive_number

FLOPS_PER_PARAM_TOKEN = 6.0


def allocation_exponents(params: Mapping[str, float]) -> tuple[float, float]:
    """(a, b) with N_opt ~ C**a and D_opt ~ C**b: a = beta/(alpha+beta), b = 1 - a.

    Raises ``ValueError`` for bad ``params``.
    """
    # BEGIN SOLUTION
    # HINT: read the exponents off the closed form; a + b = 1 because N * D = C / 6.
    p = check_params(params)
    total = p["alpha"] + p["beta"]
    return p["beta"] / total, p["alpha"] / total
    # END SOLUTION


def compute_optimal(compute: float, params: Mapping[str, float]) -> tuple[float, float]:
    """(N_opt, D_opt) minimising L(N, D) subject to 6 N D = ``compute`` (closed form).

    ``compute`` is a positive finite number of FLOPs. Raises ``ValueError`` for a
    non-positive, NaN or infinite budget and for bad ``params``.
    """
    # BEGIN SOLUTION
    # HINT: G = (alpha * A / (beta * B)) ** (1 / (alpha + beta)); N_opt = G * (C / 6) ** a.
    c = positive_number("compute", compute)
    p = check_params(params)
    a, _ = allocation_exponents(p)
    g = (p["alpha"] * p["A"] / (p["beta"] * p["B"])) ** (1.0 / (p["alpha"] + p["beta"]))
    n_opt = g * (c / FLOPS_PER_PARAM_TOKEN) ** a
    return float(n_opt), float(c / (FLOPS_PER_PARAM_TOKEN * n_opt))
    # END SOLUTION


def isoflop_losses(compute: float, n_params: object, params: Mapping[str, float]) -> np.ndarray:
    """L(N, C / (6 N)) for each N in ``n_params``: the loss along one IsoFLOP curve.

    Returns a float64 array of the shape of ``n_params`` (1D, positive values). Raises
    ``ValueError`` for bad input.
    """
    # BEGIN SOLUTION
    # HINT: D = compute / (6 * N); then E + A / N**alpha + B / D**beta.
    c = positive_number("compute", compute)
    p = check_params(params)
    n = positive_array("n_params", n_params)
    d = c / (FLOPS_PER_PARAM_TOKEN * n)
    return p["E"] + p["A"] * n ** -p["alpha"] + p["B"] * d ** -p["beta"]
    # END SOLUTION


def compute_optimal_numeric(compute: float, params: Mapping[str, float]) -> tuple[float, float]:
    """(N_opt, D_opt) found by minimising :func:`isoflop_losses` numerically over log N.

    Search log N between log(1) and log(C/6) (one token at least) with a bounded scalar
    minimiser to a relative precision of about 1e-8 in N. Raises ``ValueError`` as
    :func:`compute_optimal` does.
    """
    # BEGIN SOLUTION
    # HINT: scipy.optimize.minimize_scalar(f, bounds=(lo, hi), method="bounded", options={"xatol": 1e-10}) with f(log N).
    c = positive_number("compute", compute)
    p = check_params(params)
    upper = np.log(c / FLOPS_PER_PARAM_TOKEN)
    result = minimize_scalar(
        lambda log_n: float(isoflop_losses(c, [np.exp(log_n)], p)[0]),
        bounds=(0.0, upper),
        method="bounded",
        options={"xatol": 1e-10},
    )
    n_opt = float(np.exp(result.x))
    return n_opt, c / (FLOPS_PER_PARAM_TOKEN * n_opt)
    # END SOLUTION
