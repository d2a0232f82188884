# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The RVV lab
#
# The hands-on companion of *Parallel computing with RISC-V vectors*. You will:
#
# 1. configure the vector unit model and see VLEN, SEW, LMUL and VLMAX at work;
# 2. watch tail policies and a fault-only-first load on the model;
# 3. run your kernels of exercises 1-5 for several VLEN and look at their instruction counts;
# 4. plot instruction counts against n for RVV and fixed-width SIMD (exercise 6);
# 5. read what LLVM emits for a saxpy loop, and what numba emits on your CPU (exercise 7).
#
# Sections that use your code (the `exNN_*.py` files in the workspace folder, one level above
# this notebook) say so when an exercise is not written yet, and move on. Plots need
# matplotlib: `pip install "icsc-riscv-vectors[figures]"`.

# %%
import importlib
import sys
from pathlib import Path

import numpy as np

import icsc_riscv_vectors
from icsc_riscv_vectors import MemoryFault, RVVMachine, listings

try:
    import matplotlib.pyplot as plt
except ImportError:  # plots are optional
    plt = None

WORKSPACE = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
sys.path.insert(0, str(WORKSPACE))
print("course", icsc_riscv_vectors.COURSE.title, "- exercises from", WORKSPACE)


def load(name):
    """Your exercise module, freshly re-imported (edits show up when you re-run a cell)."""
    try:
        return importlib.reload(importlib.import_module(name))
    except ModuleNotFoundError:
        print(f"{name}.py not found in {WORKSPACE}")
        return None


def try_exercise(module, function, *args, **kwargs):
    """Run your code; report a missing exercise instead of stopping the notebook."""
    if module is None:
        return None
    try:
        return getattr(module, function)(*args, **kwargs)
    except NotImplementedError as error:
        print(f"not written yet: {error}")
        return None


# %% [markdown]
# ## 1. VLEN, SEW, LMUL and VLMAX
#
# `vsetvli(avl=None, ...)` asks for the longest vector (AVL = x0), so it returns VLMAX =
# LMUL * VLEN / SEW. An unsupported combination (LMUL < SEW/ELEN) sets `vill` and returns 0.

# %%
print("VLMAX for SEW=32 (rows: VLEN, columns: LMUL)")
lmuls = ["mf8", "mf4", "mf2", "m1", "m2", "m4", "m8"]
print("VLEN  " + "".join(f"{lmul:>6}" for lmul in lmuls))
for vlen in (128, 256, 512, 1024):
    m = RVVMachine(vlen)
    print(f"{vlen:<6}" + "".join(f"{m.vsetvli(None, 32, lmul):>6}" for lmul in lmuls))

# %% [markdown]
# And `vl` for a loop of 100 elements: the strips under the two legal rules.

# %%
for rule in ("min", "balanced"):
    m = RVVMachine(128, vl_rule=rule)
    n, vls = 100, []
    while n > 0:
        vl = m.vsetvli(n, 32, 8)
        vls.append(vl)
        n -= vl
    print(f"{rule:>8}: {vls}")

# %% [markdown]
# ## 2. Tail policies and fault-only-first, on the model
#
# A register group of 4 floats, all 7.0; then an add on the first 2 elements with the tail
# undisturbed (`ta=False`) and agnostic (`ta=True`). The model writes all ones into agnostic
# elements: a NaN for floats.

# %%
for ta in (False, True):
    m = RVVMachine(128)
    m.vsetvli(None, 32, 1)
    m.vfmv_v_f(1, 7.0)
    m.vsetvli(2, 32, 1, ta=ta)
    m.vfadd_vf(1, 1, 1.0)
    print(f"ta={ta}: {m.peek(1)}")

# %% [markdown]
# Three bytes right before an unmapped page. A plain `vle8.v` of VLMAX bytes faults; the
# fault-only-first `vle8ff.v` loads what it can and shrinks `vl`.

# %%
m = RVVMachine(256, trace=True)
address = m.memory.place_before_guard(b"RV\0")
m.vsetvli(None, 8, 1)
try:
    m.vle8(8, address)
except MemoryFault as fault:
    print("vle8.v  :", fault)
m.vsetvli(None, 8, 1)
m.vle8ff(8, address)
print("vle8ff.v: vl is now", m.csrr_vl(), "bytes", bytes(m.peek(8, "u")[: m.vl].astype(np.uint8)))
print("trace:", m.trace)

# %% [markdown]
# ## 3. Your kernels for several VLEN (exercises 1-5)
#
# `vvaddint32` is the worked example in `ex01_saxpy.py` and runs even before you write
# anything. Then your saxpy, dot, memcpy, strlen and conditional, each for VLEN 128 and 1024.

# %%
ex01 = load("ex01_saxpy")
if ex01 is not None:
    z, counts = ex01.vvaddint32(np.arange(40), np.arange(40), 128)
    print("vvaddint32:", z[:6], "...", counts)

rng = np.random.default_rng(1)
x = rng.standard_normal(100).astype(np.float32)
y = rng.standard_normal(100).astype(np.float32)
for vlen in (128, 1024):
    print(f"--- VLEN = {vlen}")
    out = try_exercise(ex01, "saxpy", 2.0, x, y, vlen)
    if out is not None:
        print("saxpy  ", "max error", float(np.max(np.abs(out[0] - (2 * x + y)))), out[1])
    out = try_exercise(load("ex02_dot"), "dot", x, y, vlen)
    if out is not None:
        print("dot    ", out[0], "numpy", float(np.dot(x.astype(float), y)), out[1])
    out = try_exercise(load("ex03_memcpy"), "memcpy", b"vectors" * 50, vlen)
    if out is not None:
        print("memcpy ", out[0] == b"vectors" * 50, out[1])
    out = try_exercise(load("ex04_strlen"), "strlen", b"vector length agnostic", vlen)
    if out is not None:
        print("strlen ", out[0], out[1])
    xi = rng.integers(-20, 30, 50).astype(np.int8)
    a, b = np.arange(50, dtype=np.int16), -np.arange(50, dtype=np.int16)
    out = try_exercise(load("ex05_conditional"), "conditional", xi, a, b, vlen)
    if out is not None:
        print("cond   ", bool(np.array_equal(out[0], np.where(xi < 5, a, b))), out[1])

# %% [markdown]
# ## 4. Instruction counts against n (exercise 6)
#
# Your RVV saxpy (exercise 1) against your fixed-width SIMD saxpy (exercise 6), for
# n = 0..100. Expect saw teeth from the scalar tails of the SIMD versions.

# %%
ex06 = load("ex06_counts")
sizes = range(0, 101)
curves = {}
if try_exercise(ex01, "saxpy", 1.0, np.ones(1), np.ones(1), 128) is not None:
    curves["RVV VLEN=128, e32 m8"] = [sum(ex01.saxpy(1.0, np.ones(n), np.ones(n), 128)[1].values()) for n in sizes]
for width in (128, 256, 512):
    if try_exercise(ex06, "saxpy_simd", 1.0, np.ones(1), np.ones(1), width) is not None:
        curves[f"SIMD {width} bit, scalar tail"] = [
            sum(ex06.saxpy_simd(1.0, np.ones(n), np.ones(n), width)[1].values()) for n in sizes
        ]
for label, totals in curves.items():
    print(f"{label:>28}: n=100 -> {totals[-1]} instructions")
if plt is not None and curves:
    for label, totals in curves.items():
        plt.step(list(sizes), totals, where="post", label=label)
    plt.xlabel("n")
    plt.ylabel("executed instructions")
    plt.legend()
    plt.show()

# %% [markdown]
# ## 5. What compilers emit (exercise 7)
#
# The stored listings were made by LLVM 14 (`tools/make_listings.py` in the repository).
# The inner loop of the RISC-V one uses `vsetivli` with a constant: fixed-width code.

# %%
print("stored listings:", listings.names())
rv = listings.read("saxpy_riscv64_v")
print("\n".join(line for line in rv.splitlines() if line.strip().startswith(("v", ".LBB0_4"))))

# %%
ex07 = load("ex07_llvm_asm")
for name in listings.names():
    arch = "riscv64" if "riscv" in name else "x86_64"
    found = try_exercise(ex07, "vector_instructions", listings.read(name), arch)
    if found is not None:
        print(f"{name:>22}: {found}")

# %% [markdown]
# And your own CPU, through numba (needs `pip install "icsc-riscv-vectors[numba]"`).

# %%
try:
    host = listings.host_saxpy_asm()
except ImportError as error:
    host = None
    print(error)
if host is not None:
    widest = try_exercise(ex07, "widest_vector_bits", host)
    if widest is not None:
        print("widest vector register on this host:", widest, "bits")
    print("\n".join(line for line in host.splitlines() if "mulps" in line or "fmadd" in line)[:600])
