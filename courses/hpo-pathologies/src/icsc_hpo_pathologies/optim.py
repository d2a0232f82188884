"""The three update rules the course uses, written out, and two learning-rate schedules.

They follow the formulas documented for ``torch.optim.SGD``, ``torch.optim.Adam`` and
``torch.optim.AdamW`` (PyTorch documentation, "torch.optim") and agree with them to
floating-point rounding (``tests/course`` checks this). Written out because (1) each rule
fits on a screen, which is the point of the lecture, and (2) ``torch.optim`` imports the
compiler stack (``torch._dynamo``) on first use, which costs seconds per process — more
than our tiny trainings.

SGD with momentum ``mu`` and L2 coefficient ``wd``::

    g = grad + wd * w;  b = mu * b + g  (b = g at the first step);  w -= lr * b

Adam (Kingma & Ba 2015) with ``beta1, beta2, eps`` and coupled L2 ``wd``::

    g = grad + wd * w;  m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2
    w -= lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)

AdamW (Loshchilov & Hutter 2019) decouples the decay: ``w -= lr * wd * w`` first, then
the Adam step with ``g = grad``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import torch


class Optimizer:
    """Base: holds parameters and the current learning rate ``lr`` (mutable)."""

    def __init__(self, params: Iterable[torch.Tensor], lr: float) -> None:
        self.params = [p for p in params if p.requires_grad]
        if not self.params:
            msg = "the optimiser got no trainable parameters"
            raise ValueError(msg)
        if not lr > 0:
            msg = f"learning rate must be positive, got {lr}"
            raise ValueError(msg)
        self.lr = float(lr)

    def zero_grad(self) -> None:
        """Set every gradient to zero (in place)."""
        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()

    def step(self) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent with optional momentum and coupled L2 weight decay."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.buffers: list[torch.Tensor | None] = [None] * len(self.params)

    @torch.no_grad()
    def step(self) -> None:
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad if self.weight_decay == 0 else p.grad + self.weight_decay * p
            if self.momentum:
                buf = self.buffers[i]
                if buf is None:
                    buf = self.buffers[i] = g.clone()
                else:
                    buf.mul_(self.momentum).add_(g)
                g = buf
            p.add_(g, alpha=-self.lr)


class Adam(Optimizer):
    """Adam with bias correction; ``decoupled=True`` gives AdamW."""

    def __init__(
        self,
        params: Iterable[torch.Tensor],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        decoupled: bool = False,
    ) -> None:
        super().__init__(params, lr)
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.decoupled = decoupled
        self.t = 0
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]

    @torch.no_grad()
    def step(self) -> None:
        self.t += 1
        correction1 = 1.0 - self.beta1**self.t
        correction2 = 1.0 - self.beta2**self.t
        for p, m, v in zip(self.params, self.m, self.v, strict=True):
            if p.grad is None:
                continue
            g = p.grad
            if self.weight_decay and self.decoupled:
                p.mul_(1.0 - self.lr * self.weight_decay)
            elif self.weight_decay:
                g = g + self.weight_decay * p
            m.mul_(self.beta1).add_(g, alpha=1.0 - self.beta1)
            v.mul_(self.beta2).addcmul_(g, g, value=1.0 - self.beta2)
            denom = (v / correction2).sqrt_().add_(self.eps)
            p.addcdiv_(m, denom, value=-self.lr / correction1)


def scheduled_lr(base_lr: float, schedule: str | None, epoch: int, epochs: int) -> float:
    """Learning rate for 0-based ``epoch`` of ``epochs``.

    ``None``: constant. ``"cosine"``: ``base_lr * (1 + cos(pi * epoch / epochs)) / 2``
    (Loshchilov & Hutter 2017, without restarts; torch's ``CosineAnnealingLR`` with
    ``T_max=epochs``). ``"step"``: multiplied by 0.1 every ``max(1, epochs // 3)`` epochs
    (torch's ``StepLR``).
    """
    if schedule is None:
        return base_lr
    if schedule == "cosine":
        return base_lr * (1.0 + math.cos(math.pi * epoch / epochs)) / 2.0
    if schedule == "step":
        return base_lr * 0.1 ** (epoch // max(1, epochs // 3))
    msg = f"unknown schedule {schedule!r}; known: cosine, step"
    raise ValueError(msg)
