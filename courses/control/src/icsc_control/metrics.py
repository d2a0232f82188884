"""Performance metrics of a closed loop, as plain functions of sampled signals.

Definitions (Åström & Murray, *Feedback Systems*, 2nd ed., step-response specifications),
for a step of the reference from ``r0`` to ``r1`` at time ``t_step`` and the response ``y``:

* overshoot [%]: ``100 * max(0, max_t s*(y - r1)) / |r1 - r0|`` with ``s = sign(r1 - r0)``,
* settling time [s]: the shortest ``T`` such that ``|y - r1| <= band * |r1 - r0|`` for every
  sample at or after ``t_step + T`` (``inf`` if the last sample is outside the band),
* steady-state error: the mean of ``r1 - y`` over the last ``tail`` fraction of the samples,
* control effort [N^2 s]: ``sum(u**2) * dt``, the discrete integral of the squared force,
* RMS deviation: ``sqrt(mean((y - r)**2))``.

Every function takes 1-D float arrays of equal length and raises ``ValueError`` for empty,
non-1-D, unequal-length or non-finite input, and for a step with ``r1 == r0``.
"""

from __future__ import annotations

import math

import numpy as np


def _signal(name: str, values: np.ndarray | list[float]) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1 or array.size == 0:
        msg = f"{name} must be a non-empty 1-D array, got shape {array.shape}"
        raise ValueError(msg)
    if not np.all(np.isfinite(array)):
        msg = f"{name} contains NaN or infinite values"
        raise ValueError(msg)
    return array


def _same_length(**signals: np.ndarray) -> None:
    lengths = {name: len(value) for name, value in signals.items()}
    if len(set(lengths.values())) != 1:
        msg = f"signals must have equal lengths, got {lengths}"
        raise ValueError(msg)


def _step_size(r0: float, r1: float) -> float:
    size = float(r1) - float(r0)
    if not math.isfinite(size) or size == 0:
        msg = f"a step needs finite, different levels, got r0={r0}, r1={r1}"
        raise ValueError(msg)
    return size


def overshoot(y: np.ndarray, r0: float, r1: float) -> float:
    """Percent overshoot of the response ``y`` (samples after the step) beyond ``r1``."""
    y = _signal("y", y)
    size = _step_size(r0, r1)
    excess = np.max(np.sign(size) * (y - r1))
    return float(100.0 * max(0.0, excess) / abs(size))


def settling_time(
    t: np.ndarray, y: np.ndarray, r0: float, r1: float, t_step: float, band: float = 0.02
) -> float:
    """Settling time [s] after ``t_step`` into the band ``+-band*|r1 - r0|`` around ``r1``."""
    t = _signal("t", t)
    y = _signal("y", y)
    _same_length(t=t, y=y)
    if not 0 < band < 1:
        msg = f"band must be a fraction in (0, 1), got {band}"
        raise ValueError(msg)
    size = _step_size(r0, r1)
    after = t >= t_step
    if not np.any(after):
        msg = f"no samples at or after t_step={t_step}"
        raise ValueError(msg)
    t_after, y_after = t[after], y[after]
    outside = np.abs(y_after - r1) > band * abs(size)
    if outside[-1]:
        return math.inf
    if not np.any(outside):
        return 0.0
    last_outside = int(np.flatnonzero(outside)[-1])
    return float(t_after[last_outside + 1] - t_step)


def steady_state_error(y: np.ndarray, r1: float, tail: float = 0.1) -> float:
    """Mean of ``r1 - y`` over the last ``tail`` fraction (at least one sample) of ``y``."""
    y = _signal("y", y)
    if not 0 < tail <= 1:
        msg = f"tail must be a fraction in (0, 1], got {tail}"
        raise ValueError(msg)
    count = max(1, round(tail * len(y)))
    return float(np.mean(r1 - y[-count:]))


def control_effort(u: np.ndarray, dt: float) -> float:
    """``sum(u**2) * dt`` [N^2 s] for forces ``u`` [N] applied for ``dt`` [s] each."""
    u = _signal("u", u)
    if not (dt > 0 and math.isfinite(dt)):
        msg = f"dt must be positive and finite, got {dt}"
        raise ValueError(msg)
    return float(np.sum(u**2) * dt)


def rms_deviation(y: np.ndarray, r: np.ndarray) -> float:
    """Root-mean-square of ``y - r``."""
    y = _signal("y", y)
    r = _signal("r", r)
    _same_length(y=y, r=r)
    return float(np.sqrt(np.mean((y - r) ** 2)))
