"""Argument checks shared by the exercises: one clear sentence per bad input.

Every function returns the checked value (a tensor, a float or an int) or raises
``TypeError`` (wrong kind of object or dtype) or ``ValueError`` (right kind, bad value),
with a message that names the argument. They never copy or convert a tensor's data.
"""

from __future__ import annotations

import math
import numbers

import torch


def float_tensor(
    name: str, value: object, *, ndim: int | None = None, min_ndim: int = 0
) -> torch.Tensor:
    """``value`` if it is a floating-point ``torch.Tensor`` with the required rank.

    ``ndim`` asks for exactly that many dimensions, ``min_ndim`` for at least that many.
    Raises ``TypeError`` for anything but a tensor of dtype float16/bfloat16/float32/float64
    and ``ValueError`` for a wrong number of dimensions.
    """
    if not isinstance(value, torch.Tensor):
        msg = f"{name} must be a torch.Tensor, got {type(value).__name__}"
        raise TypeError(msg)
    if not value.is_floating_point():
        msg = f"{name} must have a floating-point dtype, got {value.dtype}"
        raise TypeError(msg)
    if ndim is not None and value.ndim != ndim:
        msg = f"{name} must have {ndim} dimensions, got shape {tuple(value.shape)}"
        raise ValueError(msg)
    if value.ndim < min_ndim:
        msg = f"{name} must have at least {min_ndim} dimensions, got shape {tuple(value.shape)}"
        raise ValueError(msg)
    return value


def bool_mask(name: str, value: object) -> torch.Tensor:
    """``value`` if it is a ``torch.Tensor`` of dtype ``torch.bool`` (else ``TypeError``)."""
    if not isinstance(value, torch.Tensor) or value.dtype != torch.bool:
        kind = value.dtype if isinstance(value, torch.Tensor) else type(value).__name__
        msg = f"{name} must be a boolean torch.Tensor (True = may attend), got {kind}"
        raise TypeError(msg)
    return value


def real_number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    strict: bool = False,
    allow_inf: bool = False,
) -> float:
    """``value`` as a float if it is a real number (not a bool) in the allowed range.

    ``minimum`` is a lower bound (exclusive when ``strict``); ``allow_inf`` admits +inf.
    NaN is always rejected. Raises ``TypeError`` for non-numbers, ``ValueError`` otherwise.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        msg = f"{name} must be a real number, got {type(value).__name__}"
        raise TypeError(msg)
    number = float(value)
    if math.isnan(number) or (math.isinf(number) and not (allow_inf and number > 0)):
        msg = f"{name} must be a finite number{' or +inf' if allow_inf else ''}, got {number}"
        raise ValueError(msg)
    if minimum is not None and (number < minimum or (strict and number == minimum)):
        relation = ">" if strict else ">="
        msg = f"{name} must be {relation} {minimum}, got {number}"
        raise ValueError(msg)
    return number


def positive_int(name: str, value: object, *, minimum: int = 1) -> int:
    """``value`` if it is an integer (not a bool) >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        msg = f"{name} must be an integer, got {type(value).__name__}"
        raise TypeError(msg)
    if value < minimum:
        msg = f"{name} must be >= {minimum}, got {value}"
        raise ValueError(msg)
    return int(value)


def square_symmetric(name: str, value: torch.Tensor) -> torch.Tensor:
    """``value`` if it is a square matrix equal to its transpose up to rounding.

    Rounding allowance: 64 machine epsilons of the dtype times the largest absolute entry
    (at least 1), so that a product computed in floating point still counts as
    symmetric. Boolean matrices must be exactly symmetric. Raises ``ValueError``.
    """
    if value.ndim != 2 or value.shape[0] != value.shape[1]:
        msg = f"{name} must be a square matrix, got shape {tuple(value.shape)}"
        raise ValueError(msg)
    if value.dtype == torch.bool:
        asymmetric = bool((value != value.T).any())
    else:
        scale = max(1.0, float(value.abs().max())) if value.numel() else 1.0
        atol = 64 * torch.finfo(value.dtype).eps * scale
        asymmetric = bool(((value - value.T).abs() > atol).any())
    if asymmetric:
        msg = f"{name} must be symmetric (couplings J_ij = J_ji)"
        raise ValueError(msg)
    return value
