"""A synthetic language with a known entropy, and tiny torch models to learn it (exercise 5).

:class:`MarkovSource` is a random Markov chain of order ``context_length`` over
``vocab_size`` symbols: the next token depends on the previous ``context_length`` tokens
only, with probabilities drawn once from a Dirichlet distribution. Its entropy rate is
the irreducible loss E of any model, and the expected cross-entropy of a model is
computed exactly (no evaluation sample, no evaluation noise).

torch is imported only by :func:`make_model` and :func:`count_parameters`, so the rest of
the course works without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

VOCAB_SIZE = 8
CONTEXT_LENGTH = 2


class MarkovSource:
    """A random order-``context_length`` Markov chain over ``vocab_size`` tokens.

    Contexts are numbered 0 .. vocab_size**context_length - 1, the oldest token being the
    most significant digit. ``transition[c, y]`` is the probability that token ``y``
    follows context ``c``; ``stationary[c]`` is the long-run frequency of context ``c``.
    ``concentration`` is the Dirichlet parameter: small values make the next token more
    predictable (lower entropy). The same ``seed`` gives the same source.
    """

    def __init__(
        self,
        vocab_size: int = VOCAB_SIZE,
        context_length: int = CONTEXT_LENGTH,
        concentration: float = 0.3,
        seed: int = 0,
    ) -> None:
        if vocab_size < 2 or context_length < 1:
            msg = (
                f"need vocab_size >= 2 and context_length >= 1, got {vocab_size}, {context_length}"
            )
            raise ValueError(msg)
        if not concentration > 0:
            msg = f"concentration must be positive, got {concentration!r}"
            raise ValueError(msg)
        self.vocab_size = vocab_size
        self.context_length = context_length
        self.n_contexts = vocab_size**context_length
        rng = np.random.default_rng(seed)
        transition = rng.dirichlet(np.full(vocab_size, concentration), size=self.n_contexts)
        # Keep every transition possible so that the chain is ergodic and entropies finite.
        transition = np.maximum(transition, 1e-12)
        self.transition = transition / transition.sum(axis=1, keepdims=True)
        self.stationary = self._stationary_distribution()

    def next_context(self, context: np.ndarray, token: np.ndarray) -> np.ndarray:
        """Context index after ``token`` follows ``context`` (elementwise on int arrays)."""
        return (context * self.vocab_size + token) % self.n_contexts

    def _stationary_distribution(self) -> np.ndarray:
        contexts = np.arange(self.n_contexts)
        matrix = np.zeros((self.n_contexts, self.n_contexts))
        for token in range(self.vocab_size):
            matrix[contexts, self.next_context(contexts, token)] += self.transition[:, token]
        values, vectors = np.linalg.eig(matrix.T)
        vector = np.real(vectors[:, np.argmin(np.abs(values - 1.0))])
        return vector / vector.sum()

    @property
    def entropy(self) -> float:
        """Entropy rate in nats per token: the lowest expected loss any model can reach."""
        p = self.transition
        return float(self.stationary @ -(p * np.log(p)).sum(axis=1))

    def context_tokens(self) -> np.ndarray:
        """Token ids of every context, int64 array of shape (n_contexts, context_length)."""
        digits = np.arange(self.n_contexts)[:, None] // (
            self.vocab_size ** np.arange(self.context_length - 1, -1, -1)
        )
        return (digits % self.vocab_size).astype(np.int64)

    def sample(self, n_tokens: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """``n_tokens`` consecutive (context index, next token) pairs from the chain.

        The first context is drawn from the stationary distribution. Returns two int64
        arrays of length ``n_tokens``. Raises ``ValueError`` if ``n_tokens`` < 1.
        """
        if isinstance(n_tokens, bool) or not isinstance(n_tokens, int | np.integer) or n_tokens < 1:
            msg = f"n_tokens must be a positive integer, got {n_tokens!r}"
            raise ValueError(msg)
        rng = np.random.default_rng(seed)
        cumulative = np.cumsum(self.transition, axis=1)
        uniforms = rng.random(n_tokens)
        contexts = np.empty(n_tokens, dtype=np.int64)
        tokens = np.empty(n_tokens, dtype=np.int64)
        context = int(rng.choice(self.n_contexts, p=self.stationary))
        last = self.vocab_size - 1
        for i in range(n_tokens):
            token = min(int(np.searchsorted(cumulative[context], uniforms[i], side="right")), last)
            contexts[i] = context
            tokens[i] = token
            context = (context * self.vocab_size + token) % self.n_contexts
        return contexts, tokens

    def cross_entropy(self, log_probs: object) -> float:
        """Expected loss (nats per token) of a model with these log-probabilities.

        ``log_probs`` has shape (n_contexts, vocab_size): row ``c`` is the model's
        log-probability of each next token after context ``c``. The result is
        sum_c stationary[c] * sum_y transition[c, y] * (-log_probs[c, y]), which is never
        below :attr:`entropy` (Gibbs' inequality). Raises ``ValueError`` if the shape is
        wrong, a value is NaN or +inf, or a row is not normalised (its probabilities must
        sum to 1 within 1e-6).
        """
        array = np.asarray(log_probs, dtype=np.float64)
        if array.shape != self.transition.shape:
            msg = f"log_probs must have shape {self.transition.shape}, got {array.shape}"
            raise ValueError(msg)
        if np.isnan(array).any() or np.isposinf(array).any():
            msg = "log_probs holds NaN or +inf"
            raise ValueError(msg)
        row_sums = np.exp(array).sum(axis=1)
        if not np.allclose(row_sums, 1.0, rtol=0, atol=1e-6):
            worst = int(np.argmax(np.abs(row_sums - 1.0)))
            msg = f"log_probs row {worst} is not normalised: its probabilities sum to {row_sums[worst]:.6g}"
            raise ValueError(msg)
        with np.errstate(invalid="ignore"):
            per_context = -(self.transition * array).sum(axis=1)
        return float(self.stationary @ per_context)


def make_model(
    width: int, vocab_size: int = VOCAB_SIZE, context_length: int = CONTEXT_LENGTH
) -> torch.nn.Module:
    """A tiny next-token model: embeddings (width per token), one tanh layer, logits.

    Input: int64 tensor (batch, context_length) of token ids; output: float32 logits
    (batch, vocab_size). Parameters: vocab*width + (context*width*width + width) +
    (width*vocab + vocab). Initialised from torch's global generator (seed it first).
    Raises ``ValueError`` if ``width`` < 1.
    """
    import torch  # noqa: PLC0415  (torch only where exercise 5 needs it)

    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        msg = f"width must be a positive integer, got {width!r}"
        raise ValueError(msg)
    return torch.nn.Sequential(
        torch.nn.Embedding(vocab_size, width),
        torch.nn.Flatten(),
        torch.nn.Linear(context_length * width, width),
        torch.nn.Tanh(),
        torch.nn.Linear(width, vocab_size),
    )


def count_parameters(model: torch.nn.Module) -> int:
    """Number of trainable scalars in ``model`` (N of the scaling law)."""
    return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
