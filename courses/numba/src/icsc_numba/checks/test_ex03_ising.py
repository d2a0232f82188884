"""Public checks for exercise 3 (Ising model with @njit)."""

import numpy as np
import pytest

from icsc_numba.workloads import onsager_magnetisation


def energy_by_loops(spins):
    """E = -sum over right and lower neighbour of every site, with wrap-around."""
    rows, cols = spins.shape
    return -sum(
        int(spins[i, j]) * (int(spins[(i + 1) % rows, j]) + int(spins[i, (j + 1) % cols]))
        for i in range(rows)
        for j in range(cols)
    )


def test_energy_of_known_lattices(exercise):
    ex = exercise("ex03_ising")
    up = np.ones((4, 6), dtype=np.int8)
    assert ex.ising_energy(up) == -2 * 24  # every one of the 2N bonds is satisfied
    checker = np.where(np.indices((4, 6)).sum(axis=0) % 2 == 0, 1, -1).astype(np.int8)
    assert ex.ising_energy(checker) == 2 * 24  # every bond is broken


@pytest.mark.points(2)
def test_sweep_returns_the_energy_change(exercise):
    ex = exercise("ex03_ising")
    rng = np.random.default_rng(7)
    spins = rng.choice(np.array([-1, 1], dtype=np.int8), size=(8, 6))
    for _ in range(5):
        before = energy_by_loops(spins)
        spins, change = ex.metropolis_sweep(spins, 0.4, rng.random((8, 6)))
        assert change == energy_by_loops(spins) - before


@pytest.mark.points(2)
def test_magnetisation_below_tc_matches_onsager(exercise):
    ex = exercise("ex03_ising")
    result = ex.simulate(16, 2.0, n_sweeps=1000, n_burn_in=200, seed=1)
    # Onsager/Yang: M(2.0) = 0.9113. At T = 2.0 the correlation length is about one
    # lattice spacing, so a 16 x 16 lattice is close to infinite; 1000 sweeps give a
    # statistical error near 0.002. 0.02 leaves a wide margin.
    assert abs(result["abs_magnetisation"] - onsager_magnetisation(2.0)) < 0.02


def test_odd_lattice_is_rejected(exercise):
    ex = exercise("ex03_ising")
    with pytest.raises(ValueError, match="even"):
        ex.metropolis_sweep(np.ones((3, 4), dtype=np.int8), 0.5, np.zeros((3, 4)))
