"""Assembly listings of one saxpy loop, and the assembly numba/LLVM makes on your CPU.

The folder ``listings/`` holds what LLVM 14 emitted for
``for (i = 0; i < n; i++) y[i] = a * x[i] + y[i];`` (float32) on several targets (made
by ``tools/make_listings.py``: SSE2, AVX2 and AVX-512 on x86-64, scalar and "V" RISC-V),
plus ``saxpy_riscv64_vla.s``, a hand-written vector-length-agnostic RVV loop.

:func:`host_saxpy_asm` compiles the same loop with numba for the machine you are on and
returns the assembly (needs the optional dependency: ``pip install "icsc-riscv-vectors[numba]"``).
"""

from __future__ import annotations

import importlib.resources

import numpy as np

SUFFIX = ".s"


def names() -> list[str]:
    """Names of the stored listings (file stems), sorted."""
    folder = importlib.resources.files(__package__) / "listings"
    return sorted(
        entry.name[: -len(SUFFIX)] for entry in folder.iterdir() if entry.name.endswith(SUFFIX)
    )


def read(name: str) -> str:
    """The text of listing ``name`` (e.g. ``"saxpy_x86-64_avx2"``); ``ValueError`` if unknown."""
    if name not in names():
        msg = f"no listing {name!r}; known: {', '.join(names())}"
        raise ValueError(msg)
    return (importlib.resources.files(__package__) / "listings" / f"{name}{SUFFIX}").read_text()


def saxpy_loop(a: np.float32, x: np.ndarray, y: np.ndarray) -> None:
    """The scalar saxpy loop that :func:`host_saxpy_asm` hands to numba (updates ``y``)."""
    for i in range(x.shape[0]):
        y[i] = a * x[i] + y[i]


def host_saxpy_asm(dtype: str = "float32") -> str:
    """Assembly that numba (LLVM) emits for :func:`saxpy_loop` on this CPU.

    ``dtype`` is ``"float32"`` or ``"float64"``. Raises ``ImportError`` with an install
    hint when numba is missing, ``ValueError`` for another dtype.
    """
    if dtype not in ("float32", "float64"):
        msg = f"dtype must be 'float32' or 'float64', got {dtype!r}"
        raise ValueError(msg)
    try:
        import numba  # noqa: PLC0415  (optional dependency, imported on demand)
    except ImportError as error:
        msg = 'host_saxpy_asm needs numba: pip install "icsc-riscv-vectors[numba]"'
        raise ImportError(msg) from error
    compiled = numba.njit(saxpy_loop)
    x = np.ones(4, dtype=dtype)
    compiled(x.dtype.type(2), x, x.copy())
    return compiled.inspect_asm(compiled.signatures[0])
