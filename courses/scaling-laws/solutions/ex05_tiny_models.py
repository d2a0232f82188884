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
    # BEGIN SOLUTION
    # HINT: torch.nn.functional.cross_entropy(model(x[s:s + BATCH_SIZE]), y[s:s + BATCH_SIZE]) for s in range(0, n_tokens, BATCH_SIZE)
    # HINT: evaluate under torch.no_grad(): torch.log_softmax(model(all_contexts), dim=-1).double().numpy()
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        msg = f"width must be a positive integer, got {width!r}"
        raise ValueError(msg)
    if isinstance(n_tokens, bool) or not isinstance(n_tokens, int) or n_tokens < BATCH_SIZE:
        msg = f"n_tokens must be an integer >= {BATCH_SIZE} (one mini-batch), got {n_tokens!r}"
        raise ValueError(msg)
    source = MarkovSource(seed=source_seed)
    contexts, targets = source.sample(n_tokens, seed=seed)
    all_contexts = torch.as_tensor(source.context_tokens())
    inputs = all_contexts[torch.as_tensor(contexts)]
    labels = torch.as_tensor(targets)
    torch.manual_seed(seed)
    model = make_model(width, source.vocab_size, source.context_length)
    optimiser = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    for start in range(0, n_tokens, BATCH_SIZE):
        optimiser.zero_grad()
        batch_loss = torch.nn.functional.cross_entropy(
            model(inputs[start : start + BATCH_SIZE]), labels[start : start + BATCH_SIZE]
        )
        batch_loss.backward()
        optimiser.step()
    with torch.no_grad():
        log_probs = torch.log_softmax(model(all_contexts), dim=-1).double().numpy()
    return {
        "n_params": float(count_parameters(model)),
        "n_tokens": float(n_tokens),
        "loss": source.cross_entropy(log_probs),
        "entropy": source.entropy,
    }
    # END SOLUTION


def scaling_grid(
    widths: Sequence[int], token_counts: Sequence[int], *, source_seed: int = 0, seed: int = 0
) -> list[dict[str, float]]:
    """:func:`train_tiny_model` for every (width, n_tokens) pair, widths outermost.

    Returns one result dict per pair, in the order of
    ``itertools.product(widths, token_counts)``. Raises ``ValueError`` if either sequence
    is empty.
    """
    # BEGIN SOLUTION
    # HINT: a double loop (or itertools.product) calling train_tiny_model with the same seeds.
    if len(widths) == 0 or len(token_counts) == 0:
        msg = "widths and token_counts must both be non-empty"
        raise ValueError(msg)
    return [
        train_tiny_model(int(width), int(n_tokens), source_seed=source_seed, seed=seed)
        for width in widths
        for n_tokens in token_counts
    ]
    # END SOLUTION


def fit_excess_loss(x: object, loss: object, entropy: float) -> tuple[float, float]:
    """(a, b) of loss - entropy = a * x**b, by least squares on log-log axes.

    ``x`` (N or D) and ``loss`` are 1D arrays of equal length (at least 2) with positive
    finite values; every loss must exceed ``entropy`` (else ``ValueError`` saying which
    point sits at or below the irreducible loss).
    """
    # BEGIN SOLUTION
    # HINT: check loss > entropy, then np.polyfit(np.log(x), np.log(loss - entropy), 1).
    xs = positive_array("x", x)
    losses = positive_array("loss", loss)
    count = same_length(x=xs, loss=losses)
    enough_points(count, 2, "an excess-loss power law")
    excess = losses - float(entropy)
    below = np.flatnonzero(excess <= 0)
    if below.size:
        msg = (
            f"loss at index {below[0]} ({losses[below[0]]:.6g}) is not above the irreducible "
            f"loss {entropy:.6g}; a power law cannot fit it"
        )
        raise ValueError(msg)
    slope, intercept = np.polyfit(np.log(xs), np.log(excess), 1)
    return float(np.exp(intercept)), float(slope)
    # END SOLUTION
