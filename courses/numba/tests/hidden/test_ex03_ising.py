"""Hidden tests for exercise 3 (Ising model with @njit).

Physics references: Onsager's exact energy (1944) and Yang's spontaneous magnetisation
(1952) in ``icsc_numba.workloads``; exact Boltzmann weights by enumerating all 2**16
states of a 4 x 4 lattice; and a plain-Python sweep written here from the definition.
"""

import math

import numpy as np
import pytest

from icsc_numba.workloads import onsager_energy_per_spin, onsager_magnetisation


def energy_by_loops(spins):
    rows, cols = spins.shape
    return -sum(
        int(spins[i, j]) * (int(spins[(i + 1) % rows, j]) + int(spins[i, (j + 1) % cols]))
        for i in range(rows)
        for j in range(cols)
    )


def sweep_by_definition(spins, beta, uniforms):
    """Checkerboard Metropolis sweep in plain Python, straight from the exercise text."""
    rows, cols = spins.shape
    change = 0
    for parity in (0, 1):
        for i in range(rows):
            for j in range(cols):
                if (i + j) % 2 != parity:
                    continue
                field = sum(
                    int(spins[(i + di) % rows, (j + dj) % cols])
                    for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1))
                )
                delta = 2 * int(spins[i, j]) * field
                if uniforms[i, j] < math.exp(-beta * delta):
                    spins[i, j] = -spins[i, j]
                    change += delta
    return change


def random_lattice(shape, seed):
    return np.random.default_rng(seed).choice(np.array([-1, 1], dtype=np.int8), size=shape)


@pytest.mark.points(2)
@pytest.mark.parametrize("shape", [(4, 4), (6, 10), (2, 8)])
def test_energy_matches_loops(exercise, shape):
    ex = exercise("ex03_ising")
    spins = random_lattice(shape, sum(shape))
    energy = ex.ising_energy(spins)
    assert energy == energy_by_loops(spins)
    assert isinstance(energy, int)


@pytest.mark.points(3)
@pytest.mark.parametrize("beta", [0.0, 0.3, 0.44, 1.0])
def test_sweep_is_the_checkerboard_metropolis_rule(exercise, beta):
    ex = exercise("ex03_ising")
    rng = np.random.default_rng(int(beta * 100))
    spins = random_lattice((6, 8), 3)
    reference = spins.copy()
    for _ in range(4):
        uniforms = rng.random((6, 8))
        spins, change = ex.metropolis_sweep(spins, beta, uniforms)
        assert change == sweep_by_definition(reference, beta, uniforms)
        np.testing.assert_array_equal(spins, reference)


def test_sweep_with_zero_uniforms_flips_everything(exercise):
    ex = exercise("ex03_ising")
    spins = random_lattice((4, 6), 9)
    start = spins.copy()
    # u = 0 is below every acceptance probability: every visited spin flips, and as the
    # black and white sites are visited once each, the lattice ends up fully reversed.
    spins, change = ex.metropolis_sweep(spins, 2.0, np.zeros((4, 6)))
    assert change == 0
    np.testing.assert_array_equal(spins, -start)


def test_cold_lattice_stays_cold(exercise):
    ex = exercise("ex03_ising")
    spins = np.ones((8, 8), dtype=np.int8)
    # Flipping one spin of the ground state costs dE = 8; exp(-80) is far below 0.5.
    spins, change = ex.metropolis_sweep(spins, 10.0, np.full((8, 8), 0.5))
    assert change == 0
    assert np.all(spins == 1)


@pytest.mark.points(3)
def test_acceptance_threshold_gives_detailed_balance(exercise):
    """Metropolis: a move with dE > 0 is accepted with probability exp(-beta dE) exactly.

    With that, P(a -> b) / P(b -> a) = exp(-beta (E_b - E_a)): detailed balance. A site of
    the all-up lattice has dE = 8; a uniform just below exp(-8 beta) must flip it, just
    above must not.
    """
    ex = exercise("ex03_ising")
    beta = 0.2
    threshold = math.exp(-8 * beta)
    for uniform, flips in ((threshold * (1 - 1e-9), True), (threshold * (1 + 1e-9), False)):
        spins = np.ones((4, 4), dtype=np.int8)
        uniforms = np.full((4, 4), 0.999)
        uniforms[0, 0] = uniform
        spins, change = ex.metropolis_sweep(spins, beta, uniforms)
        assert bool(spins[0, 0] == -1) is flips
        assert change == (8 if flips else 0)


@pytest.mark.points(3)
def test_energy_distribution_matches_boltzmann_on_4x4(exercise):
    """The chain samples exp(-beta E): compare the energy histogram with exact enumeration."""
    ex = exercise("ex03_ising")
    size, temperature, n_sweeps = 4, 2.5, 60_000
    beta = 1 / temperature
    states = (((np.arange(1 << 16)[:, None] >> np.arange(16)) & 1) * 2 - 1).reshape(-1, size, size)
    energies = -(states * np.roll(states, -1, axis=1) + states * np.roll(states, -1, axis=2)).sum(
        axis=(1, 2)
    )
    levels = np.unique(energies)
    weights = np.exp(-beta * (energies - energies.min()))
    exact = np.array([weights[energies == level].sum() for level in levels]) / weights.sum()

    result = ex.simulate(size, temperature, n_sweeps=n_sweeps, n_burn_in=100, seed=4)
    trace = np.asarray(result["energies"])
    assert trace.shape == (n_sweeps,)
    assert trace[-1] == energy_by_loops(result["spins"]), "the running energy does not add up"
    assert set(np.unique(trace).tolist()) <= set(levels.tolist())
    sampled = np.array([np.count_nonzero(trace == level) for level in levels]) / n_sweeps
    distance = 0.5 * np.abs(sampled - exact).sum()
    # Total-variation distance: seeds give 0.003-0.008 with 60k correlated sweeps, while
    # a 10 % error in beta (or in the acceptance rule) gives about 0.16.
    assert distance < 0.02, (
        f"total variation distance {distance:.4f} from the Boltzmann distribution"
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("temperature", [1.5, 2.0])
def test_magnetisation_matches_onsager_yang(exercise, temperature):
    ex = exercise("ex03_ising")
    result = ex.simulate(32, temperature, n_sweeps=3000, n_burn_in=300, seed=2)
    # Below T_c = 2.269 the correlation length is a few spacings at most, so a 32 x 32
    # lattice is effectively infinite; 3000 sweeps give a statistical error ~0.001.
    assert abs(result["abs_magnetisation"] - onsager_magnetisation(temperature)) < 0.01


@pytest.mark.points(2)
def test_energy_matches_onsager_and_bookkeeping(exercise):
    ex = exercise("ex03_ising")
    result = ex.simulate(32, 2.0, n_sweeps=3000, n_burn_in=300, seed=3)
    # Onsager's u(2.0) = -1.7456; statistical error ~0.001, finite-size shift ~0.002.
    assert abs(result["energy_per_spin"] - onsager_energy_per_spin(2.0)) < 0.01
    spins, energies = result["spins"], np.asarray(result["energies"])
    assert spins.dtype == np.int8
    assert spins.shape == (32, 32)
    assert energies.dtype == np.int64
    # Bookkeeping: the running energy equals a recomputation from the final lattice, and
    # the reported mean is the mean of the trace.
    assert energies[-1] == energy_by_loops(spins)
    assert result["energy_per_spin"] == pytest.approx(energies.mean() / 1024, rel=1e-12)


def test_disordered_above_tc(exercise):
    ex = exercise("ex03_ising")
    result = ex.simulate(16, 3.5, n_sweeps=1000, n_burn_in=300, seed=4)
    # Above T_c the infinite lattice has M = 0; on 16 x 16 |m| is ~ sqrt(chi T / N) ~ 0.05.
    assert result["abs_magnetisation"] < 0.2
    assert abs(result["energy_per_spin"] - onsager_energy_per_spin(3.5)) < 0.03


def test_simulate_is_reproducible(exercise):
    ex = exercise("ex03_ising")
    first = ex.simulate(8, 2.5, n_sweeps=50, n_burn_in=5, seed=9)
    second = ex.simulate(8, 2.5, n_sweeps=50, n_burn_in=5, seed=9)
    assert first["abs_magnetisation"] == second["abs_magnetisation"]
    np.testing.assert_array_equal(first["spins"], second["spins"])


@pytest.mark.parametrize(
    ("spins", "beta", "uniforms", "error", "match"),
    [
        (np.ones((4, 4)), 0.5, np.zeros((4, 4)), TypeError, "int"),
        (np.ones((4, 4), dtype=np.int32), 0.5, np.zeros((4, 4)), TypeError, "int8"),
        (np.ones((4, 3), dtype=np.int8), 0.5, np.zeros((4, 3)), ValueError, "even"),
        (np.ones(4, dtype=np.int8), 0.5, np.zeros(4), ValueError, "2D"),
        (np.zeros((4, 4), dtype=np.int8), 0.5, np.zeros((4, 4)), ValueError, r"\+1"),
        (np.ones((4, 4), dtype=np.int8), -0.5, np.zeros((4, 4)), ValueError, "beta"),
        (np.ones((4, 4), dtype=np.int8), math.nan, np.zeros((4, 4)), ValueError, "beta"),
        (np.ones((4, 4), dtype=np.int8), "hot", np.zeros((4, 4)), TypeError, "beta"),
        (np.ones((4, 4), dtype=np.int8), 0.5, np.zeros((4, 2)), ValueError, "shape"),
        (np.ones((4, 4), dtype=np.int8), 0.5, np.ones((4, 4)), ValueError, r"\[0, 1\)"),
        (
            np.ones((4, 4), dtype=np.int8),
            0.5,
            np.zeros((4, 4), dtype=np.float32),
            TypeError,
            "float64",
        ),
    ],
)
def test_metropolis_sweep_bad_input(exercise, spins, beta, uniforms, error, match):
    ex = exercise("ex03_ising")
    with pytest.raises(error, match=match):
        ex.metropolis_sweep(spins, beta, uniforms)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"size": 7}, ValueError, "size"),
        ({"size": 0}, ValueError, "size"),
        ({"size": 8.0}, TypeError, "size"),
        ({"temperature": 0.0}, ValueError, "temperature"),
        ({"temperature": -1.0}, ValueError, "temperature"),
        ({"temperature": math.inf}, ValueError, "temperature"),
        ({"temperature": "2"}, TypeError, "temperature"),
        ({"n_sweeps": 0}, ValueError, "n_sweeps"),
        ({"n_burn_in": -1}, ValueError, "n_burn_in"),
        ({"seed": 1.5}, TypeError, "seed"),
    ],
)
def test_simulate_bad_input(exercise, kwargs, error, match):
    ex = exercise("ex03_ising")
    arguments = {"size": 8, "temperature": 2.0, "n_sweeps": 10, "n_burn_in": 0, "seed": 0} | kwargs
    with pytest.raises(error, match=match):
        ex.simulate(**arguments)


def test_energy_bad_input(exercise):
    ex = exercise("ex03_ising")
    with pytest.raises(ValueError, match="2D"):
        ex.ising_energy(np.ones(5, dtype=np.int8))
    with pytest.raises(TypeError, match="integer"):
        ex.ising_energy(np.ones((4, 4)))
