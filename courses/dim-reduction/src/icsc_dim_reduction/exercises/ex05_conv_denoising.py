# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5: convolutional and denoising autoencoders on 8 x 8 digits.

A convolutional autoencoder (Masci et al. 2011) keeps the image structure: small filters
shared across positions, strided convolutions that halve the resolution on the way in,
transposed convolutions that double it on the way out. Here the 8 x 8 digits (scaled to
[0, 1]) go down to a code of ``latent_channels`` maps of 2 x 2 pixels and back up.

Train the same network as a *denoising* autoencoder (Vincent et al. 2008) by corrupting
the inputs with Gaussian noise while the targets stay clean
(``train_reconstruction(..., input_noise_std=noise_std)``): it has to learn what digits
look like to undo the noise. Evaluate on test images corrupted with
``add_gaussian_noise(test_images, noise_std, seed + 1)``; the noisy input itself has a
mean squared error of ``noise_std**2`` (the independent reference: no clipping).
"""

from __future__ import annotations

import numpy as np
from torch import nn

from icsc_dim_reduction.datasets import add_gaussian_noise
from icsc_dim_reduction.threads import single_threaded
from icsc_dim_reduction.training import count_parameters, predict, seeded, train_reconstruction
from icsc_dim_reduction.validation import integer_in_range

IMAGE_SIDE = 8
CODE_SIDE = 2


@single_threaded
def build_conv_autoencoder(
    latent_channels: int = 4, width: int = 16
) -> tuple[nn.Module, nn.Module]:
    """(encoder, decoder) for images of shape (batch, 1, 8, 8).

    Encoder: ``Conv2d(1, width, 3, stride=2, padding=1)`` (8 -> 4 pixels), ReLU,
    ``Conv2d(width, latent_channels, 3, stride=2, padding=1)`` (4 -> 2): codes of shape
    (batch, latent_channels, 2, 2), no activation. Decoder: ``ConvTranspose2d(latent_channels,
    width, 2, stride=2)`` (2 -> 4), ReLU, ``ConvTranspose2d(width, width, 2, stride=2)``
    (4 -> 8), ReLU, ``Conv2d(width, 1, 3, padding=1)``, sigmoid (pixels in [0, 1]).
    Raises ``ValueError`` unless both arguments are positive integers.
    """
    # HINT: output size of a convolution: (size + 2*padding - kernel) // stride + 1; of a transposed one: (size - 1)*stride + kernel - 2*padding.
    # TODO: your code here.
    raise NotImplementedError("ex05_conv_denoising: this part is yours to write (icsc hint ex05)")


@single_threaded
def fit_conv_autoencoder(
    train_images: object,
    test_images: object,
    *,
    latent_channels: int = 4,
    noise_std: float = 0.0,
    epochs: int = 15,
    batch_size: int = 100,
    lr: float = 0.03,
    seed: int = 0,
) -> dict[str, object]:
    """Train :func:`build_conv_autoencoder` (denoising if ``noise_std > 0``) and test it.

    ``train_images`` (n_train, 8, 8) and ``test_images`` (n_test, 8, 8): values in [0, 1].
    Steps: ``seeded(seed)``; build; train on the train images as (n, 1, 8, 8) with
    ``train_reconstruction(..., epochs, batch_size, lr, seed=seed,
    input_noise_std=noise_std)``; the test inputs are ``add_gaussian_noise(test_images,
    noise_std, seed + 1)`` (the clean images when ``noise_std == 0``).

    Returns a dict:

    * ``"codes"``: (n_test, latent_channels, 2, 2) float64, the codes of the test inputs;
    * ``"reconstructions"``: (n_test, 8, 8) float64, the decoded test inputs;
    * ``"test_mse"``: mean squared error of the reconstructions against the CLEAN test images;
    * ``"input_mse"``: mean squared error of the test inputs against the clean images;
    * ``"losses"``: (epochs,) float64, the training history;
    * ``"n_parameters"``: int, trainable parameters of encoder and decoder together.

    Raises ``ValueError`` if an image array is not (n, 8, 8) with values in [0, 1], or
    for a negative ``noise_std``.
    """
    # HINT: images[:, None] adds the channel axis; predict(encoder, x) then predict(decoder, codes)
    # TODO: your code here.
    raise NotImplementedError("ex05_conv_denoising: this part is yours to write (icsc hint ex05)")


def _images(name: str, value: object) -> np.ndarray:
    """``value`` as float64 (n, 8, 8) with values in [0, 1]; ``ValueError`` naming ``name`` if not."""
    array = np.asarray(value, dtype=np.float64)
    if array.ndim != 3 or array.shape[1:] != (IMAGE_SIDE, IMAGE_SIDE) or array.shape[0] < 1:
        msg = f"{name} must have shape (n, {IMAGE_SIDE}, {IMAGE_SIDE}), got {array.shape}"
        raise ValueError(msg)
    if not np.all(np.isfinite(array)) or array.min() < 0.0 or array.max() > 1.0:
        msg = f"{name} must hold finite pixel values in [0, 1]"
        raise ValueError(msg)
    return array
