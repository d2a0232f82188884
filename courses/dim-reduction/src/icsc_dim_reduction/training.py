"""A deterministic training loop for reconstruction models, and small torch helpers.

Every exercise that trains a network builds its model, then calls
:func:`train_reconstruction`; the loop is the same for the fully connected, linear,
convolutional and denoising autoencoders of the course, so that the exercises are
about architectures and what the codes are good for, not about boilerplate.

Determinism: :func:`train_reconstruction` runs torch on one thread (tiny models train
faster that way, and a fixed thread count keeps floating-point sums in a fixed order),
shuffles and corrupts with its own seeded :class:`torch.Generator`, and never touches the
global random state. Seed the *initial weights* yourself with :func:`seeded` before you
build the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import torch
from torch import nn


@contextmanager
def torch_threads(count: int = 1) -> Iterator[None]:
    """Run the body with ``torch.set_num_threads(count)``; restore the previous count after."""
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def seeded(seed: int) -> None:
    """Seed torch's global generator (initial weights of the next layers built)."""
    torch.manual_seed(int(seed))


def as_tensor(values: np.ndarray) -> torch.Tensor:
    """A float32 CPU tensor holding a copy of ``values``."""
    return torch.as_tensor(np.asarray(values, dtype=np.float32)).clone()


def predict(module: nn.Module, inputs: np.ndarray | torch.Tensor) -> np.ndarray:
    """``module(inputs)`` without gradients, in evaluation mode, as a float64 array."""
    tensor = inputs if isinstance(inputs, torch.Tensor) else as_tensor(inputs)
    module.eval()
    with torch_threads(1), torch.no_grad():
        return module(tensor).double().numpy()


def count_parameters(module: nn.Module) -> int:
    """Number of trainable scalars in ``module``."""
    return int(sum(p.numel() for p in module.parameters() if p.requires_grad))


def train_reconstruction(
    model: nn.Module,
    inputs: np.ndarray,
    targets: np.ndarray | None = None,
    *,
    epochs: int,
    batch_size: int,
    lr: float,
    seed: int = 0,
    input_noise_std: float = 0.0,
) -> np.ndarray:
    """Fit ``model(inputs) ~ targets`` by Adam on the mean squared error; return the history.

    ``inputs`` and ``targets`` (default: ``inputs``, an autoencoder) are arrays with the
    same first dimension n and the shapes the model takes and returns. Each epoch visits
    the samples once, in an order shuffled by a generator seeded with ``seed``, in
    mini-batches of ``batch_size`` (the last one may be smaller; ``batch_size >= n`` is
    full-batch gradient descent). With ``input_noise_std > 0`` every mini-batch input is
    corrupted with fresh N(0, input_noise_std^2) noise before the forward pass while the
    target stays clean: a *denoising* autoencoder (Vincent et al. 2008).

    Returns the mean training loss of each epoch, float64, shape (epochs,). The model is
    trained in place and left in evaluation mode. Raises ``ValueError`` for non-positive
    ``epochs``/``batch_size``/``lr``, a negative noise level or mismatched lengths.
    """
    if epochs < 1 or batch_size < 1 or not lr > 0:
        msg = f"epochs, batch_size and lr must be positive, got {epochs}, {batch_size}, {lr}"
        raise ValueError(msg)
    if not input_noise_std >= 0:
        msg = f"input_noise_std must be non-negative, got {input_noise_std}"
        raise ValueError(msg)
    x = as_tensor(inputs)
    y = x if targets is None else as_tensor(targets)
    if x.shape[0] != y.shape[0]:
        msg = f"inputs hold {x.shape[0]} samples but targets {y.shape[0]}"
        raise ValueError(msg)
    count = x.shape[0]
    generator = torch.Generator().manual_seed(int(seed))
    optimiser = torch.optim.Adam(model.parameters(), lr=float(lr))
    history = np.empty(int(epochs), dtype=np.float64)
    model.train()
    with torch_threads(1):
        for epoch in range(int(epochs)):
            order = torch.randperm(count, generator=generator)
            total = 0.0
            for start in range(0, count, int(batch_size)):
                index = order[start : start + int(batch_size)]
                batch = x[index]
                if input_noise_std > 0:
                    noise = torch.randn(batch.shape, generator=generator)
                    batch = batch + float(input_noise_std) * noise
                optimiser.zero_grad()
                loss = nn.functional.mse_loss(model(batch), y[index])
                loss.backward()
                optimiser.step()
                total += loss.item() * index.numel()
            history[epoch] = total / count
    model.eval()
    return history
