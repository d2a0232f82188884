"""Exercise 3: a 2D Ising-model Metropolis sweep with ``@njit``.

The model: spins s = +1 or -1 on an L_rows x L_cols square lattice with periodic
boundaries, energy E = -sum over nearest-neighbour pairs <ij> of s_i s_j (coupling J = 1,
no field, temperature T in units of J / k_B, beta = 1 / T).

One *checkerboard sweep* first visits every "black" site (row + column even), then every
"white" site (row + column odd). A black site's four neighbours are all white, so all
black sites can be updated in any order (or in parallel) without changing the result;
both sides of the lattice must be even for this to hold across the periodic boundary.

At each visited site (i, j) the Metropolis rule flips the spin when the energy change of
the flip, dE = 2 s_ij (sum of its four neighbours), satisfies
``uniforms[i, j] < exp(-beta * dE)`` (always true when dE <= 0). The random numbers come
in as an argument, one per site and sweep, so that a sweep is a deterministic function
of its inputs and can be tested exactly; :func:`simulate` draws them from a seeded
:class:`numpy.random.Generator`.

Write :func:`ising_energy`, :func:`sweep_kernel` (compiled by ``@njit``: this loop does
not map onto whole-array NumPy operations), :func:`metropolis_sweep` (checks its input,
then calls the kernel; it returns the lattice too, so that callers that only see return
values, like the grader, see the result) and :func:`simulate`.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np
from numba import njit


def ising_energy(spins: np.ndarray) -> int:
    """Total energy E = -sum_<ij> s_i s_j of a periodic lattice, as a Python ``int``.

    ``spins`` is a 2D integer array of +1/-1 (any shape with both sides >= 2). Each
    nearest-neighbour bond is counted once: the bond to the right and the bond below
    of every site, wrapping around at the edges.

    Raises ``TypeError`` if ``spins`` is not a NumPy integer array and ``ValueError`` if
    it is not 2D, a side is shorter than 2, or a value is not +1 or -1.
    """
    # BEGIN SOLUTION
    # HINT: np.roll(spins, -1, axis=1) is the right-hand neighbour of every site, with wrap-around.
    _check_spins(spins, need_even=False)
    s = spins.astype(np.int64)
    bonds = s * np.roll(s, -1, axis=0) + s * np.roll(s, -1, axis=1)
    return -int(bonds.sum())
    # END SOLUTION


@njit(cache=False)
def sweep_kernel(spins: np.ndarray, beta: float, uniforms: np.ndarray) -> int:
    """One checkerboard Metropolis sweep of ``spins`` in place; returns the energy change.

    ``spins``: 2D int8 array of +1/-1, both sides even. ``beta``: inverse temperature
    (>= 0). ``uniforms``: float64 array of the same shape with values in [0, 1); the site
    (i, j) uses ``uniforms[i, j]``. First all sites with (i + j) even are visited, then
    all with (i + j) odd. The return value is E(after) - E(before) as an integer.

    This kernel does no input checking (see :func:`metropolis_sweep`).
    """
    # BEGIN SOLUTION
    # HINT: only dE = 4 and dE = 8 can be rejected; compute exp(-4 beta) and exp(-8 beta) once.
    # HINT: the neighbours of (i, j) are ((i +- 1) % rows, j) and (i, (j +- 1) % cols).
    # HINT: use int(spins[i, j]): run without @njit (.py_func), int8 sums would overflow.
    n_rows, n_cols = spins.shape
    accept_4 = math.exp(-4.0 * beta)
    accept_8 = math.exp(-8.0 * beta)
    energy_change = 0
    for parity in range(2):
        for i in range(n_rows):
            up = i - 1 if i > 0 else n_rows - 1
            down = i + 1 if i < n_rows - 1 else 0
            for j in range((i + parity) % 2, n_cols, 2):
                left = j - 1 if j > 0 else n_cols - 1
                right = j + 1 if j < n_cols - 1 else 0
                s = int(spins[i, j])  # int(): without @njit, int8 scalars would overflow the sum
                neighbours = int(spins[up, j] + spins[down, j] + spins[i, left] + spins[i, right])
                delta = 2 * s * neighbours
                if delta <= 0 or uniforms[i, j] < (accept_4 if delta == 4 else accept_8):
                    spins[i, j] = -s
                    energy_change += delta
    return energy_change
    # END SOLUTION


def metropolis_sweep(
    spins: np.ndarray, beta: float, uniforms: np.ndarray
) -> tuple[np.ndarray, int]:
    """Check the input, run :func:`sweep_kernel` on it, return ``(spins, energy_change)``.

    ``spins`` is updated in place and returned as well (the same array object), with the
    energy change of the sweep as a Python ``int``.

    Raises ``TypeError`` if ``spins`` is not an int8 array, ``uniforms`` not a float64
    array or ``beta`` not a real number; ``ValueError`` if ``spins`` is not 2D with even
    sides >= 2, holds a value other than +1/-1, ``uniforms`` has another shape or values
    outside [0, 1), or ``beta`` is negative or not finite.
    """
    # BEGIN SOLUTION
    # HINT: check types first (TypeError), then values (ValueError), then call sweep_kernel.
    _check_spins(spins, need_even=True)
    if spins.dtype != np.int8:
        msg = f"spins must have dtype int8, got {spins.dtype}"
        raise TypeError(msg)
    if not isinstance(uniforms, np.ndarray) or uniforms.dtype != np.float64:
        msg = "uniforms must be a float64 NumPy array"
        raise TypeError(msg)
    if uniforms.shape != spins.shape:
        msg = f"uniforms must have the shape of spins {spins.shape}, got {uniforms.shape}"
        raise ValueError(msg)
    if uniforms.size and not (uniforms.min() >= 0.0 and uniforms.max() < 1.0):
        msg = "uniforms must lie in [0, 1)"
        raise ValueError(msg)
    change = sweep_kernel(spins, _check_beta(beta), uniforms)
    return spins, int(change)
    # END SOLUTION


def simulate(
    size: int, temperature: float, n_sweeps: int, n_burn_in: int = 500, seed: int = 0
) -> dict[str, float | np.ndarray]:
    """Simulate a ``size`` x ``size`` lattice at ``temperature`` from the all-up state.

    Runs ``n_burn_in`` sweeps that are not measured, then ``n_sweeps`` measured sweeps.
    Random numbers: ``rng = np.random.default_rng(seed)``, then ``rng.random((size, size))``
    for every sweep. The energy is tracked by adding the change each sweep returns
    (it is computed from scratch only once, at the start).

    Returns a dict with N = size**2:

    * ``"abs_magnetisation"``: mean over the measured sweeps of |sum(spins)| / N;
    * ``"energy_per_spin"``: mean over the measured sweeps of E / N;
    * ``"energies"``: int64 array of E after each measured sweep (length ``n_sweeps``);
    * ``"spins"``: the final int8 lattice.

    Raises ``TypeError`` if ``size``, ``n_sweeps``, ``n_burn_in`` or ``seed`` is not an
    int, or ``temperature`` not a real number; ``ValueError`` if ``size`` is odd or < 2,
    ``temperature`` is not positive and finite, ``n_sweeps < 1`` or ``n_burn_in < 0``.
    """
    # BEGIN SOLUTION
    # HINT: start from np.ones((size, size), dtype=np.int8); energy = ising_energy(spins) once.
    # HINT: keep a running energy: energy += sweep_kernel(spins, beta, rng.random((size, size))).
    # HINT: store the energy after every measured sweep in an int64 array; its mean gives <E>.
    for name, value in (
        ("size", size),
        ("n_sweeps", n_sweeps),
        ("n_burn_in", n_burn_in),
        ("seed", seed),
    ):
        if isinstance(value, bool) or not isinstance(value, Integral):
            msg = f"{name} must be an int, got {type(value).__name__}"
            raise TypeError(msg)
    if size < 2 or size % 2:
        msg = f"size must be even and >= 2, got {size}"
        raise ValueError(msg)
    if n_sweeps < 1 or n_burn_in < 0:
        msg = f"need n_sweeps >= 1 and n_burn_in >= 0, got {n_sweeps} and {n_burn_in}"
        raise ValueError(msg)
    if isinstance(temperature, bool) or not isinstance(temperature, Real):
        msg = f"temperature must be a real number, got {type(temperature).__name__}"
        raise TypeError(msg)
    if not (math.isfinite(temperature) and temperature > 0):
        msg = f"temperature must be positive and finite, got {temperature}"
        raise ValueError(msg)

    beta = 1.0 / float(temperature)
    rng = np.random.default_rng(seed)
    spins = np.ones((size, size), dtype=np.int8)
    n_spins = size * size
    energy = ising_energy(spins)
    for _ in range(n_burn_in):
        energy += sweep_kernel(spins, beta, rng.random((size, size)))
    energies = np.empty(n_sweeps, dtype=np.int64)
    abs_m_sum = 0
    for k in range(n_sweeps):
        energy += sweep_kernel(spins, beta, rng.random((size, size)))
        energies[k] = energy
        abs_m_sum += abs(int(spins.sum(dtype=np.int64)))
    return {
        "abs_magnetisation": abs_m_sum / (n_sweeps * n_spins),
        "energy_per_spin": float(energies.mean()) / n_spins,
        "energies": energies,
        "spins": spins,
    }
    # END SOLUTION


def _check_spins(spins: object, *, need_even: bool) -> None:
    """Raise ``TypeError``/``ValueError`` unless ``spins`` is a valid 2D lattice of +1/-1."""
    if not isinstance(spins, np.ndarray) or not np.issubdtype(spins.dtype, np.integer):
        msg = "spins must be a NumPy integer array of +1/-1"
        raise TypeError(msg)
    if spins.ndim != 2 or min(spins.shape) < 2:
        msg = f"spins must be 2D with both sides >= 2, got shape {spins.shape}"
        raise ValueError(msg)
    if need_even and (spins.shape[0] % 2 or spins.shape[1] % 2):
        msg = f"a checkerboard sweep needs even sides, got shape {spins.shape}"
        raise ValueError(msg)
    if not np.all(np.abs(spins) == 1):
        msg = "spins may only hold +1 and -1"
        raise ValueError(msg)


def _check_beta(beta: object) -> float:
    """``beta`` as a float; ``TypeError`` unless a real number, ``ValueError`` unless finite and >= 0."""
    if isinstance(beta, bool) or not isinstance(beta, Real):
        msg = f"beta must be a real number, got {type(beta).__name__}"
        raise TypeError(msg)
    if not (math.isfinite(beta) and beta >= 0):
        msg = f"beta must be finite and >= 0, got {beta}"
        raise ValueError(msg)
    return float(beta)
