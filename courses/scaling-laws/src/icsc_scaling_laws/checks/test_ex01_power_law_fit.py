"""Public checks for exercise 1 (fitting a power law)."""

import numpy as np
import pytest

from icsc_scaling_laws.synthetic import power_law_samples

X = np.logspace(0, 3, 40)


def test_loglog_recovers_exact_power_law(exercise):
    ex = exercise("ex01_power_law_fit")
    y = 2.0 * X**-0.5
    a, b = ex.fit_loglog(X, y)
    # Noise-free data: only floating-point round-off separates the fit from the truth.
    assert a == pytest.approx(2.0, rel=1e-9)
    assert b == pytest.approx(-0.5, abs=1e-9)


def test_nls_recovers_exact_power_law(exercise):
    ex = exercise("ex01_power_law_fit")
    y = 3.0 * X**0.7
    a, b = ex.fit_nls(X, y)
    # The optimiser stops on its own tolerance (~1e-8 relative), not at round-off.
    assert a == pytest.approx(3.0, rel=1e-5)
    assert b == pytest.approx(0.7, abs=1e-6)


def test_loglog_rejects_non_positive_values(exercise):
    ex = exercise("ex01_power_law_fit")
    with pytest.raises(ValueError, match="positive"):
        ex.fit_loglog(X, -X)


def test_offset_fit_recovers_the_asymptote(exercise):
    ex = exercise("ex01_power_law_fit")
    y = power_law_samples(X, 5.0, -0.3, noise="none", offset=1.5)
    e, a, b = ex.fit_power_law_with_offset(X, y)
    # Noise-free data; tolerances cover the optimiser's stopping rule.
    assert e == pytest.approx(1.5, rel=1e-4)
    assert a == pytest.approx(5.0, rel=1e-4)
    assert b == pytest.approx(-0.3, abs=1e-4)
