"""The training loop, the thread limits and the argument checks of the course library."""

import numpy as np
import pytest
import torch
from torch import nn

from icsc_dim_reduction.threads import limited_threads, single_threaded
from icsc_dim_reduction.training import (
    count_parameters,
    predict,
    seeded,
    torch_threads,
    train_reconstruction,
)
from icsc_dim_reduction.validation import data_matrix, integer_in_range, labels_vector


def _linear_model(seed):
    seeded(seed)
    return nn.Sequential(nn.Linear(4, 2), nn.Linear(2, 4))


def test_training_lowers_the_loss_and_repeats_exactly():
    data = np.random.default_rng(0).standard_normal((64, 4))
    first = train_reconstruction(_linear_model(1), data, epochs=30, batch_size=16, lr=0.05, seed=2)
    again = train_reconstruction(_linear_model(1), data, epochs=30, batch_size=16, lr=0.05, seed=2)
    assert first.shape == (30,)
    assert first.dtype == np.float64
    assert first[-1] < 0.8 * first[0]
    np.testing.assert_array_equal(first, again)


def test_denoising_training_uses_clean_targets():
    data = np.random.default_rng(1).standard_normal((32, 4))
    model = _linear_model(0)
    history = train_reconstruction(
        model, data, data, epochs=3, batch_size=32, lr=0.01, seed=0, input_noise_std=0.5
    )
    assert np.all(np.isfinite(history))
    assert not model.training  # left in evaluation mode


def test_predict_and_count_parameters():
    model = _linear_model(0)
    out = predict(model, np.zeros((5, 4)))
    assert out.shape == (5, 4)
    assert out.dtype == np.float64
    assert count_parameters(model) == 4 * 2 + 2 + 2 * 4 + 4


def test_training_rejects_bad_arguments():
    data = np.zeros((8, 4))
    with pytest.raises(ValueError, match="positive"):
        train_reconstruction(_linear_model(0), data, epochs=0, batch_size=4, lr=0.1)
    with pytest.raises(ValueError, match="input_noise_std"):
        train_reconstruction(
            _linear_model(0), data, epochs=1, batch_size=4, lr=0.1, input_noise_std=-1.0
        )
    with pytest.raises(ValueError, match="samples"):
        train_reconstruction(_linear_model(0), data, data[:4], epochs=1, batch_size=4, lr=0.1)


def test_thread_limits_are_restored():
    before = torch.get_num_threads()
    with torch_threads(1):
        assert torch.get_num_threads() == 1
    with limited_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before

    @single_threaded
    def threads_inside():
        return torch.get_num_threads()

    assert threads_inside() == 1
    assert threads_inside.__name__ == "threads_inside"


def test_validation_messages():
    assert data_matrix("X", [[1, 2], [3, 4]]).dtype == np.float64
    with pytest.raises(ValueError, match="X must be 2D"):
        data_matrix("X", [1.0, 2.0])
    with pytest.raises(ValueError, match="at least 2 samples"):
        data_matrix("X", [[1.0, 2.0]])
    with pytest.raises(ValueError, match="NaN"):
        data_matrix("X", [[1.0, np.inf], [0.0, 0.0]])
    with pytest.raises(TypeError, match="numeric"):
        data_matrix("X", [["a", "b"], ["c", "d"]])
    assert integer_in_range("k", np.int64(3), 0, 5) == 3
    with pytest.raises(TypeError, match="k must be an integer"):
        integer_in_range("k", True, 0, 5)
    with pytest.raises(ValueError, match=r"k must be an integer in \[0, 5\]"):
        integer_in_range("k", 6, 0, 5)
    with pytest.raises(ValueError, match="integer labels"):
        labels_vector("y", [0.5, 1.0])
    with pytest.raises(ValueError, match="3 labels but 2 samples"):
        labels_vector("y", [0, 1, 2], length=2)
