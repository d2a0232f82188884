"""Is a CUDA device usable here? Asked of torch or numba, whichever is installed."""

from __future__ import annotations

import functools
import importlib.util
import os


@functools.cache
def cuda_available() -> bool:
    """True when torch or numba reports a real CUDA device (never imports what is absent).

    numba's CUDA simulator (``NUMBA_ENABLE_CUDASIM=1``) does not count as a device.
    """
    if importlib.util.find_spec("torch") is not None:
        import torch  # noqa: PLC0415  (heavy: imported only when asked)

        if torch.cuda.is_available():
            return True
    if (
        importlib.util.find_spec("numba") is not None
        and os.environ.get("NUMBA_ENABLE_CUDASIM") != "1"
    ):
        from numba import cuda  # noqa: PLC0415

        try:
            return bool(cuda.is_available())
        except Exception:  # noqa: BLE001  (a broken driver means: no usable GPU)
            return False
    return False
