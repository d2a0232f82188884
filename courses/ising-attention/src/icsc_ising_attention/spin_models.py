"""Spin models the lecture compares attention with (used by the notebook and the figures).

* :func:`curie_weiss_magnetisation` — the mean-field equation ``m = tanh((J m + h) / T)``
  of the Ising ferromagnet, solved by bisection;
* :func:`fully_connected_ising` — the exact thermodynamics of ``N`` Ising spins all coupled
  to all (the Curie-Weiss model), by summing over the ``N + 1`` magnetisation sectors;
  mean-field theory becomes exact for it as ``N`` grows;
* :func:`hopfield_retrieve` — the update ``xi <- X^T softmax(beta X xi)`` of a modern
  Hopfield network (Ramsauer et al. 2020), one attention step per iteration;
* :func:`token_flow` — tokens on the unit sphere moved by self-attention, one explicit
  Euler step per layer (Geshkovski et al. 2023): they cluster.

Units: temperatures and couplings in the same (arbitrary) energy unit, Boltzmann's
constant 1. All tensors are float64 on the CPU unless stated otherwise.
"""

from __future__ import annotations

import math

import torch

from icsc_ising_attention.tensors import float_tensor, positive_int, real_number


def curie_weiss_magnetisation(
    temperature: float, field: float = 0.0, coupling: float = 1.0
) -> float:
    """Mean-field magnetisation per spin: the stable solution of ``m = tanh((J m + h) / T)``.

    For ``h = 0`` and ``T >= J`` that is ``m = 0``; below ``T_c = J`` the positive of the
    two symmetric solutions is returned (the sign is a choice: both are equally stable).
    For ``h != 0`` the solution has the sign of ``h``. ``T = 0`` gives ``sign``-like
    saturation (``+1`` for ``h >= 0``). Raises ``ValueError`` for ``T < 0`` or ``J <= 0``.
    """
    temperature = real_number("temperature", temperature, minimum=0.0)
    field = real_number("field", field)
    coupling = real_number("coupling", coupling, minimum=0.0, strict=True)
    if field < 0:
        return -curie_weiss_magnetisation(temperature, -field, coupling)
    if temperature == 0.0:
        return 1.0
    if field == 0.0 and temperature >= coupling:
        return 0.0

    def excess(m: float) -> float:
        return m - math.tanh((coupling * m + field) / temperature)

    # excess < 0 just above 0 (below T_c or with a field) and excess(1) > 0: bisect.
    low, high = (0.0 if field > 0 else 1e-300), 1.0
    for _ in range(200):
        middle = 0.5 * (low + high)
        if excess(middle) < 0:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def fully_connected_ising(
    n_spins: int, temperature: float, coupling: float = 1.0, field: float = 0.0
) -> dict[str, float]:
    """Exact averages of ``N`` Ising spins with ``H = -(J / 2N) M^2 - h M``, ``M = sum s_i``.

    The energy depends on the configuration only through ``M = N - 2k`` (``k`` spins
    down), which occurs ``binomial(N, k)`` times, so the partition function is a sum of
    ``N + 1`` terms (evaluated with log-sum-exp, exact to rounding).

    Returns ``{"abs_magnetisation": <|M|/N>, "magnetisation": <M/N>,
    "energy": <H>/N, "free_energy": -T log Z / N}``. Raises ``ValueError`` for
    ``N < 1`` or ``T <= 0``.
    """
    n_spins = positive_int("n_spins", n_spins)
    temperature = real_number("temperature", temperature, minimum=0.0, strict=True)
    coupling = real_number("coupling", coupling)
    field = real_number("field", field)
    k = torch.arange(n_spins + 1, dtype=torch.float64)
    total = n_spins - 2.0 * k
    energy = -(coupling / (2.0 * n_spins)) * total**2 - field * total
    log_multiplicity = (
        math.lgamma(n_spins + 1) - torch.lgamma(k + 1) - torch.lgamma(n_spins - k + 1)
    )
    log_weight = log_multiplicity - energy / temperature
    log_z = torch.logsumexp(log_weight, dim=0)
    probability = torch.exp(log_weight - log_z)
    return {
        "abs_magnetisation": float((probability * total.abs()).sum() / n_spins),
        "magnetisation": float((probability * total).sum() / n_spins),
        "energy": float((probability * energy).sum() / n_spins),
        "free_energy": float(-temperature * log_z / n_spins),
    }


def hopfield_retrieve(
    patterns: torch.Tensor, state: torch.Tensor, beta: float, n_steps: int = 50
) -> torch.Tensor:
    """Iterate ``xi <- X^T softmax(beta X xi)`` ``n_steps`` times from ``state``.

    ``patterns`` ``X`` is ``(N, d)`` (stored patterns as rows), ``state`` is ``(d,)`` or
    ``(B, d)`` (several queries at once). Each step is one attention read-out with the
    patterns as keys and values and the state as query (Ramsauer et al. 2020, eq. 3).
    Returns the final state(s), same shape as ``state``.
    """
    patterns = float_tensor("patterns", patterns, ndim=2)
    state = float_tensor("state", state, min_ndim=1)
    beta = real_number("beta", beta, minimum=0.0)
    n_steps = positive_int("n_steps", n_steps, minimum=0)
    xi = state
    for _ in range(n_steps):
        weights = torch.softmax(beta * xi @ patterns.T, dim=-1)
        xi = weights @ patterns
    return xi


def token_flow(tokens: torch.Tensor, beta: float, step: float, n_steps: int) -> torch.Tensor:
    """Explicit Euler steps of self-attention dynamics on the unit sphere.

    ``dx_i/dt = P_i sum_j softmax_j(beta <x_i, x_j>) x_j`` with ``P_i`` the projection
    orthogonal to ``x_i`` (queries, keys and values all equal the tokens); after each step
    the tokens are renormalised to unit length. This is the model of Geshkovski et al.
    (2023), in which every step is one attention layer with a residual connection and a
    normalisation. Returns the trajectory, shape ``(n_steps + 1, n, d)``.
    """
    tokens = float_tensor("tokens", tokens, ndim=2)
    beta = real_number("beta", beta, minimum=0.0)
    step = real_number("step", step, minimum=0.0, strict=True)
    n_steps = positive_int("n_steps", n_steps, minimum=0)
    x = tokens / tokens.norm(dim=1, keepdim=True)
    trajectory = [x]
    for _ in range(n_steps):
        pull = torch.softmax(beta * x @ x.T, dim=-1) @ x
        tangent = pull - (pull * x).sum(dim=1, keepdim=True) * x
        x = x + step * tangent
        x = x / x.norm(dim=1, keepdim=True)
        trajectory.append(x)
    return torch.stack(trajectory)
