"""Hidden tests use the public helpers, plus the spec's example loops replayed on the model.

Each ``spec_*`` function below transcribes one example of the RISC-V "V" 1.0 spec
(appendix "Vector Assembly Code Examples" of the ratified version, and
``example/strlen.s`` of github.com/riscv/riscv-v-spec) instruction by instruction onto
:class:`RVVMachine`, keeping the listings' do-while loop shape, registers and ``vsetvli``
settings. Scalar instructions become Python statements (comments name them). They are the
reference for "the same instruction mix per strip", measured rather than hand-counted, and
they never ship: they would be solutions.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from icsc_riscv_vectors import RVVMachine
from icsc_riscv_vectors.checks.conftest import *

MACHINE_OPTIONS = (
    {},
    {"vl_rule": "balanced"},
    {"agnostic": "undisturbed"},
    {"vl_rule": "balanced", "agnostic": "undisturbed"},
)


def spec_saxpy(
    a: float, x: np.ndarray, y: np.ndarray, vlen: int, **machine: Any
) -> tuple[np.ndarray, dict]:
    """The spec's SAXPY example (``vsetvli a4, a0, e32, m8, ta, ma``)."""
    m = RVVMachine(vlen, **machine)
    a1 = m.memory.place_before_guard(np.asarray(x, dtype=np.float32))
    a2 = start = m.memory.place_before_guard(np.asarray(y, dtype=np.float32))
    a0 = len(x)
    while True:
        a4 = m.vsetvli(a0, 32, 8, ta=True, ma=True)  # vsetvli a4, a0, e32, m8, ta, ma
        m.vle32(0, a1)  # vle32.v v0, (a1)
        a0 -= a4  # sub a0, a0, a4
        a4 <<= 2  # slli a4, a4, 2
        a1 += a4  # add a1, a1, a4
        m.vle32(8, a2)  # vle32.v v8, (a2)
        m.vfmacc_vf(8, a, 0)  # vfmacc.vf v8, fa0, v0
        m.vse32(8, a2)  # vse32.v v8, (a2)
        a2 += a4  # add a2, a2, a4
        if a0 == 0:  # bnez a0, saxpy
            break
    return m.memory.read_array(start, np.float32, len(x)), m.counts


def spec_memcpy(data: bytes, vlen: int, **machine: Any) -> tuple[bytes, dict]:
    """The spec's memcpy example (``vsetvli t0, a2, e8, m8, ta, ma``)."""
    m = RVVMachine(vlen, **machine)
    a1 = m.memory.place_before_guard(data)
    a3 = start = m.memory.place_before_guard(bytes(len(data)))  # mv a3, a0
    a2 = len(data)
    while True:
        t0 = m.vsetvli(a2, 8, 8, ta=True, ma=True)  # vsetvli t0, a2, e8, m8, ta, ma
        m.vle8(0, a1)  # vle8.v v0, (a1)
        a1 += t0  # add a1, a1, t0
        a2 -= t0  # sub a2, a2, t0
        m.vse8(0, a3)  # vse8.v v0, (a3)
        a3 += t0  # add a3, a3, t0
        if a2 == 0:  # bnez a2, loop
            break
    return m.memory.read(start, len(data)), m.counts


def spec_strlen(data: bytes, vlen: int, **machine: Any) -> tuple[int, dict]:
    """The spec repository's ``example/strlen.s`` (``vsetvli a1, x0, e8, m8`` + ``vle8ff.v``)."""
    m = RVVMachine(vlen, **machine)
    a0 = m.memory.place_before_guard(bytes(data) + b"\0")
    a3 = a0  # mv a3, a0
    while True:
        m.vsetvli(None, 8, 8)  # vsetvli a1, x0, e8, m8
        m.vle8ff(8, a3)  # vle8ff.v v8, (a3)
        a1 = m.csrr_vl()  # csrr a1, vl
        m.vmseq_vi(0, 8, 0)  # vmseq.vi v0, v8, 0
        a2 = m.vfirst_m(0)  # vfirst.m a2, v0
        a3 += a1  # add a3, a3, a1
        if a2 >= 0:  # bltz a2, loop
            break
    a0 += a1  # add a0, a0, a1
    a3 += a2  # add a3, a3, a2
    return a3 - a0, m.counts  # sub a0, a3, a0


def spec_conditional(
    x: np.ndarray, a: np.ndarray, b: np.ndarray, vlen: int, **machine: Any
) -> tuple[np.ndarray, dict]:
    """The spec's conditional example: ``z[i] = x[i] < 5 ? a[i] : b[i]`` (int8 x, int16 a, b, z)."""
    m = RVVMachine(vlen, **machine)
    a1 = m.memory.place_before_guard(x)
    a2 = m.memory.place_before_guard(a)
    a3 = m.memory.place_before_guard(b)
    a4 = start = m.memory.place_before_guard(np.zeros(len(x), dtype=np.int16))
    a0 = len(x)
    while True:
        t0 = m.vsetvli(a0, 8, 1, ta=True, ma=True)  # vsetvli t0, a0, e8, m1, ta, ma
        m.vle8(0, a1)  # vle8.v v0, (a1)
        a0 -= t0  # sub a0, a0, t0
        a1 += t0  # add a1, a1, t0
        m.vmslt_vi(0, 0, 5)  # vmslt.vi v0, v0, 5
        m.vsetvli("keep", 16, 2, ta=True, ma=False)  # vsetvli x0, x0, e16, m2, ta, mu
        t0 <<= 1  # slli t0, t0, 1
        m.vle16(2, a2, mask=True)  # vle16.v v2, (a2), v0.t
        m.vmnot_m(0, 0)  # vmnot.m v0, v0
        a2 += t0  # add a2, a2, t0
        m.vle16(2, a3, mask=True)  # vle16.v v2, (a3), v0.t
        a3 += t0  # add a3, a3, t0
        m.vse16(2, a4)  # vse16.v v2, (a4)
        a4 += t0  # add a4, a4, t0
        if a0 == 0:  # bnez a0, loop
            break
    return m.memory.read_array(start, np.int16, len(x)), m.counts


@pytest.fixture
def spec() -> SimpleNamespace:
    """The spec example loops above (test modules cannot import conftest)."""
    return SimpleNamespace(
        saxpy=spec_saxpy, memcpy=spec_memcpy, strlen=spec_strlen, conditional=spec_conditional
    )


@pytest.fixture(
    params=MACHINE_OPTIONS, ids=lambda o: "-".join(f"{k}={v}" for k, v in o.items()) or "default"
)
def machine(request: pytest.FixtureRequest) -> dict:
    """Each legal implementation choice the model offers (vl rule, agnostic behaviour)."""
    return dict(request.param)
