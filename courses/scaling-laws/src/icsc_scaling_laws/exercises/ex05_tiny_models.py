# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5: make your own scaling data with tiny torch models, then fit it.

The "language" is :class:`icsc_scaling_laws.tiny_lm.MarkovSource`: a random Markov chain
whose entropy rate is known, so the irreducible loss E is known exactly, and whose
expected cross-entropy for any model is computed exactly (no evaluation noise).

1. :func:`train_tiny_model` trains one model of a given width on ``n_tokens`` tokens
   sampled from the source, in ONE pass (each token seen once, as in the Chinchilla runs),
   with Adam and mini-batches, and returns (N, D, loss).
2. :func:`scaling_grid` runs it over a grid of widths and token counts.
3. :func:`fit_excess_loss` fits L - E = a * x**b on log-log axes (x = N or D).

Keep torch single-threaded (``torch.set_num_threads(1)``) for small models: threads
cost more than they save, and results stay reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from icsc_scaling_laws.tiny_lm import MarkovSource, count_parameters, make_model
from icsc_scaling_laws.validation import enough_points, positive_array, same_length

BATCH_SIZE = 16
LEARNING_RATE = 0.02


def train_tiny_model(
    width: int, n_tokens: int, *, source_seed: int = 0, seed: int = 0
) -> dict[str, float]:
    """Train ``make_model(width)`` for one pass over ``n_tokens`` tokens; return its scores.

    Data: ``MarkovSource(seed=source_seed).sample(n_tokens, seed=seed)``; inputs are the
    context tokens (``source.context_tokens()[contexts]``), targets the next tokens.
    Model: ``torch.manual_seed(seed)`` then ``make_model(width, source.vocab_size,
    source.context_length)``. Training: Adam (lr = LEARNING_RATE), consecutive mini-batches
    of BATCH_SIZE tokens, cross-entropy loss, one pass. Evaluation: log-softmax of the
    model on every context, scored by ``source.cross_entropy`` (exact expected loss).

    Returns ``{"n_params": N, "n_tokens": D, "loss": L, "entropy": E}`` (floats; loss and
    entropy in nats per token). Raises ``ValueError`` if ``width`` < 1 or ``n_tokens`` <
    BATCH_SIZE.
    """
    # HINT: torch.nn.functional.cross_entropy(model(x[s:s + BATCH_SIZE]), y[s:s + BATCH_SIZE]) for s in range(0, n_tokens, BATCH_SIZE)
    # HINT: evaluate under torch.no_grad(): torch.log_softmax(model(all_contexts), dim=-1).double().numpy()
    # TODO: your code here.
    raise NotImplementedError("ex05_tiny_models: this part is yours to write (icsc hint ex05)")


def scaling_grid(
    widths: Sequence[int], token_counts: Sequence[int], *, source_seed: int = 0, seed: int = 0
) -> list[dict[str, float]]:
    """:func:`train_tiny_model` for every (width, n_tokens) pair, widths outermost.

    Returns one result dict per pair, in the order of
    ``itertools.product(widths, token_counts)``. Raises ``ValueError`` if either sequence
    is empty.
    """
    # HINT: a double loop (or itertools.product) calling train_tiny_model with the same seeds.
    # TODO: your code here.
    raise NotImplementedError("ex05_tiny_models: this part is yours to write (icsc hint ex05)")


def fit_excess_loss(x: object, loss: object, entropy: float) -> tuple[float, float]:
    """(a, b) of loss - entropy = a * x**b, by least squares on log-log axes.

    ``x`` (N or D) and ``loss`` are 1D arrays of equal length (at least 2) with positive
    finite values; every loss must exceed ``entropy`` (else ``ValueError`` saying which
    point sits at or below the irreducible loss).
    """
    # HINT: check loss > entropy, then np.polyfit(np.log(x), np.log(loss - entropy), 1).
    # TODO: your code here.
    raise NotImplementedError("ex05_tiny_models: this part is yours to write (icsc hint ex05)")
