"""Public checks for exercise 5 (tiny models trained with torch)."""

import numpy as np
import pytest

from icsc_scaling_laws.tiny_lm import CONTEXT_LENGTH, VOCAB_SIZE

pytestmark = pytest.mark.usefixtures("single_threaded_torch")


def test_one_run_reports_size_data_and_a_valid_loss(exercise):
    ex = exercise("ex05_tiny_models")
    run = ex.train_tiny_model(4, 256)
    v, k, w = VOCAB_SIZE, CONTEXT_LENGTH, 4
    # Embeddings v*w, hidden layer k*w*w + w, output layer w*v + v.
    assert run["n_params"] == v * w + k * w * w + w + w * v + v
    assert run["n_tokens"] == 256
    # Gibbs' inequality: no model beats the entropy of the source.
    assert run["loss"] >= run["entropy"]


def test_excess_loss_fit_on_exact_data(exercise):
    ex = exercise("ex05_tiny_models")
    n = np.array([30.0, 100.0, 300.0, 1000.0])
    a, b = ex.fit_excess_loss(n, 1.3 + 2.0 * n**-0.4, 1.3)
    assert a == pytest.approx(2.0, rel=1e-9)
    assert b == pytest.approx(-0.4, abs=1e-9)
