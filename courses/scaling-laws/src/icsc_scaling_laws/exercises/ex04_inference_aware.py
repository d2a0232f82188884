# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: the inference-aware optimum (Sardana et al. 2023, arXiv:2401.00448).

A model is trained once (6 N D_train FLOPs) and then serves D_inf tokens over its life
(about 2 N FLOPs per token, a forward pass). To reach a target loss at the lowest
*lifetime* cost, minimise

    cost(N) = 6 N D_train(N) + 2 N D_inf,   with  L(N, D_train(N)) = target,

i.e. D_train(N) = (B / (target - E - A/N**alpha))**(1/beta). Only N with
A/N**alpha < target - E can reach the target. With D_inf = 0 this is the Chinchilla
optimum; as D_inf grows the best model gets smaller and is trained on more tokens.
``params`` are dicts with keys E, A, B, alpha, beta.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.optimize import minimize_scalar

from icsc_scaling_laws.laws import check_params
from icsc_scaling_laws.validation import positive_number

TRAIN_FLOPS_PER_PARAM_TOKEN = 6.0
INFERENCE_FLOPS_PER_PARAM_TOKEN = 2.0


def lifetime_flops(n_params: float, train_tokens: float, inference_tokens: float) -> float:
    """Training plus inference FLOPs: 6 N D_train + 2 N D_inf.

    ``n_params`` and ``train_tokens`` must be positive, ``inference_tokens`` >= 0; all
    finite. Raises ``ValueError`` otherwise.
    """
    # HINT: validate, then one line.
    # TODO: your code here.
    raise NotImplementedError("ex04_inference_aware: this part is yours to write (icsc hint ex04)")


def tokens_for_loss(n_params: float, target_loss: float, params: Mapping[str, float]) -> float:
    """Training tokens D with L(N, D) = ``target_loss`` for a model of ``n_params``.

    Raises ``ValueError`` naming the smallest reachable loss E + A/N**alpha when the
    target is at or below it (no amount of data gets this model there), and for
    non-positive or non-finite arguments.
    """
    # HINT: solve target = E + A/N**alpha + B/D**beta for D; check the gap target - E - A/N**alpha first.
    # TODO: your code here.
    raise NotImplementedError("ex04_inference_aware: this part is yours to write (icsc hint ex04)")


def smallest_model_for_loss(target_loss: float, params: Mapping[str, float]) -> float:
    """The N at which E + A/N**alpha = target: only larger models can reach the target.

    Raises ``ValueError`` if ``target_loss`` <= E (unreachable at any size).
    """
    # HINT: N_min = (A / (target - E)) ** (1 / alpha).
    # TODO: your code here.
    raise NotImplementedError("ex04_inference_aware: this part is yours to write (icsc hint ex04)")


def inference_aware_optimum(
    target_loss: float, inference_tokens: float, params: Mapping[str, float]
) -> dict[str, float]:
    """The model of least lifetime cost that reaches ``target_loss``.

    Minimises 6 N D_train(N) + 2 N D_inf over N > N_min (:func:`smallest_model_for_loss`),
    searching log N in (log N_min, log N_min + 20] with a bounded scalar minimiser
    (relative precision about 1e-8 in N). Returns a dict with ``n_params``,
    ``train_tokens``, ``tokens_per_param``, ``training_flops``, ``inference_flops`` and
    ``total_flops``. Raises ``ValueError`` for an unreachable target or bad arguments.
    """
    # HINT: the cost blows up as N -> N_min (infinite data needed) and grows like N for large N, so there is an interior minimum.
    # HINT: minimize_scalar(lambda log_n: cost(exp(log_n)), bounds=(log_n_min + 1e-9, log_n_min + 20), method="bounded", options={"xatol": 1e-10})
    # TODO: your code here.
    raise NotImplementedError("ex04_inference_aware: this part is yours to write (icsc hint ex04)")


def _non_negative(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        msg = f"{name} must be a number, got {type(value).__name__}"
        raise TypeError(msg)
    number = float(value)
    if not np.isfinite(number) or number < 0:
        msg = f"{name} must be a finite number >= 0, got {value!r}"
        raise ValueError(msg)
    return number
