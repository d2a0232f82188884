"""Hidden tests for exercise 2: short last strips on every implementation, large inputs."""

import math

import numpy as np
import pytest

from icsc_riscv_vectors.checks.conftest import dot_error_bound, spec_strips, vlmax


@pytest.mark.points(2)
@pytest.mark.parametrize("vlen", [128, 1024])
def test_dot_on_every_implementation(exercise, machine, rng, vlen):
    ex = exercise("ex02_dot")
    for n in (15, 17, 129, 1001):
        x, y = rng.standard_normal(n), rng.uniform(-3, 3, n)
        value, counts = ex.dot(x, y, vlen, **machine)
        assert abs(value - math.fsum((x * y).tolist())) <= dot_error_bound(x, y), f"n={n}"
        rule = machine.get("vl_rule", "min")
        assert counts["vle64.v"] == 2 * spec_strips(n, vlmax(vlen, 64, 8), rule), f"n={n}"


def test_dot_of_integers_is_exact(exercise):
    ex = exercise("ex02_dot")
    x = np.arange(-500.0, 501.0)
    value, _ = ex.dot(x, x[::-1].copy(), 256)
    assert value == float(np.dot(x.astype(np.int64), x[::-1].astype(np.int64)))


def test_dot_of_empty_vectors_is_zero(exercise):
    ex = exercise("ex02_dot")
    value, _ = ex.dot(np.zeros(0), np.zeros(0), 512)
    assert value == 0.0


def test_dot_rejects_two_dimensional_input(exercise):
    ex = exercise("ex02_dot")
    with pytest.raises(ValueError, match="1-D"):
        ex.dot(np.ones((2, 2)), np.ones((2, 2)), 128)
