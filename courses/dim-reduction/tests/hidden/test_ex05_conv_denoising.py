"""Hidden tests for exercise 5: plain convolutional autoencoder, determinism, bad input."""

import numpy as np
import pytest


@pytest.mark.points(2)
def test_plain_autoencoder_compresses_digits(exercise, digits):
    ex = exercise("ex05_conv_denoising")
    train, test = digits["train_images"][:800], digits["test_images"]
    result = ex.fit_conv_autoencoder(train, test, latent_channels=4)
    # 4 maps of 2 x 2 = 16 numbers per 64-pixel image.
    assert result["codes"].shape == (450, 4, 2, 2)
    assert result["input_mse"] == 0.0
    # The mean training image scores 0.074 on the test set; PCA with 16 components 0.0115;
    # the reference network 0.016 after 15 epochs. 0.3 x 0.074 = 0.022 leaves room.
    mean_image_mse = float(np.mean((test - train.mean(axis=0)) ** 2))
    assert result["test_mse"] < 0.3 * mean_image_mse
    assert result["test_mse"] == pytest.approx(
        np.mean((result["reconstructions"] - test) ** 2), rel=1e-9
    )
    assert 0 < result["n_parameters"] < 100_000


def test_training_is_deterministic(exercise, digits):
    ex = exercise("ex05_conv_denoising")
    train, test = digits["train_images"][:200], digits["test_images"][:20]
    first = ex.fit_conv_autoencoder(train, test, noise_std=0.1, epochs=1, seed=2)
    second = ex.fit_conv_autoencoder(train, test, noise_std=0.1, epochs=1, seed=2)
    np.testing.assert_array_equal(first["reconstructions"], second["reconstructions"])
    assert first["input_mse"] == second["input_mse"] > 0


def test_bad_input_is_rejected(exercise, digits):
    ex = exercise("ex05_conv_denoising")
    train, test = digits["train_images"][:50], digits["test_images"][:10]
    with pytest.raises(ValueError, match="train_images"):
        ex.fit_conv_autoencoder(train.reshape(50, 64), test, epochs=1)
    with pytest.raises(ValueError, match="test_images"):
        ex.fit_conv_autoencoder(train, test * 16, epochs=1)
    with pytest.raises(ValueError, match="noise_std"):
        ex.fit_conv_autoencoder(train, test, noise_std=-0.1, epochs=1)
