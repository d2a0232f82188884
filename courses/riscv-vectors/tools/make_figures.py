"""Draw the lecture figures of the riscv-vectors course into src/icsc_riscv_vectors/lecture/figures/.

Run from the repository root:

    uv run --with matplotlib python courses/riscv-vectors/tools/make_figures.py

Figures (PNG, 150 dpi):

* ``flynn.png``: Flynn's four classes (instruction streams x data streams);
* ``strip_mining.png``: 20 elements on a machine with VLMAX = 8, as RVV strips (both
  legal ``vl`` rules) and as fixed-width SIMD with a scalar tail;
* ``lmul_grouping.png``: the 32 vector registers grouped for LMUL = 1, 2, 4, 8 and the
  resulting VLMAX at VLEN = 256, SEW = 32;
* ``policies.png``: body, tail and inactive elements under undisturbed and agnostic
  policies;
* ``instruction_counts.png``: executed instructions of saxpy against n, *measured* on the
  course's machine models with the reference kernels of exercises 1 and 6.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from icsc_riscv_vectors import RVVMachine
from icsc_riscv_vectors.vtype import strips

COURSE = Path(__file__).resolve().parents[1]
OUT = COURSE / "src" / "icsc_riscv_vectors" / "lecture" / "figures"
COLOURS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]
COUNT_COLOURS = ["#17becf", "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]


def _solution(name: str):
    """A reference solution module from courses/riscv-vectors/solutions/ (repository only)."""
    spec = importlib.util.spec_from_file_location(name, COURSE / "solutions" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _cell(ax, x, y, text, colour, width=1.0, height=0.8, alpha=1.0, hatch=None):
    ax.add_patch(Rectangle((x, y), width, height, facecolor=colour, edgecolor="black",
                           linewidth=0.8, alpha=alpha, hatch=hatch))  # fmt: skip
    if text:
        ax.text(x + width / 2, y + height / 2, text, ha="center", va="center", fontsize=7)


def flynn() -> None:
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    boxes = {
        (0, 1): ("SISD", "one core, scalar code"),
        (1, 1): ("SIMD", "vector & array processors,\nx86 SSE/AVX, RISC-V V,\nGPU warps (SIMT)"),
        (0, 0): ("MISD", "hardly any machines"),
        (1, 0): ("MIMD", "multicore CPUs, clusters"),
    }
    for (col, row), (name, text) in boxes.items():
        colour = "#c6dbef" if name == "SIMD" else "#eeeeee"
        ax.add_patch(Rectangle((col, row), 1, 1, facecolor=colour, edgecolor="black"))
        ax.text(col + 0.5, row + 0.68, name, ha="center", fontsize=14, weight="bold")
        ax.text(col + 0.5, row + 0.3, text, ha="center", va="center", fontsize=9)
    ax.set_xticks([0.5, 1.5], ["single data stream", "multiple data streams"])
    ax.set_yticks([0.5, 1.5], ["multiple\ninstruction\nstreams", "single\ninstruction\nstream"])
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.tick_params(length=0)
    ax.set_title("Flynn's classification (1972)")
    fig.tight_layout()
    fig.savefig(OUT / "flynn.png", dpi=150)
    plt.close(fig)


def strip_mining() -> None:
    n, vlmax = 20, 8
    rows = [
        ("RVV, vl = min(AVL, VLMAX)", strips(n, vlmax, "min"), False),
        ("RVV, vl = ceil(AVL/2) near the end", strips(n, vlmax, "balanced"), False),
        ("fixed width (8 lanes) + scalar tail", [8, 8] + [1] * 4, True),
    ]
    fig, ax = plt.subplots(figsize=(8, 3.2))
    for r, (label, vls, simd) in enumerate(rows):
        y = 2.2 - 1.1 * r
        start = 0
        for k, vl in enumerate(vls):
            scalar = simd and vl == 1
            colour = "#bbbbbb" if scalar else COLOURS[k % len(COLOURS)]
            for i in range(vl):
                _cell(ax, start + i, y, "", colour, alpha=0.85)
            text = "scalar" if scalar and start == 16 else ("" if scalar else f"vl={vl}")
            if text:
                ax.text(start + (2 if scalar else vl / 2), y + 0.95, text, ha="center", fontsize=8)
            start += vl
        ax.text(-0.4, y + 0.4, label, ha="right", va="center", fontsize=9)
        count = f"{len(vls)} strips" if not simd else "2 vector iterations + 4 scalar"
        ax.text(n + 0.4, y + 0.4, count, ha="left", va="center", fontsize=8)
    for i in range(n):
        ax.text(i + 0.5, -0.25, str(i), ha="center", fontsize=6, color="#555555")
    ax.set_xlim(-9.5, n + 7)
    ax.set_ylim(-0.5, 3.5)
    ax.axis("off")
    ax.set_title(f"Strip-mining n = {n} elements with VLMAX = {vlmax} (e.g. VLEN=256, e32, m1)")
    fig.tight_layout()
    fig.savefig(OUT / "strip_mining.png", dpi=150)
    plt.close(fig)


def lmul_grouping() -> None:
    vlen, sew = 256, 32
    fig, axes = plt.subplots(1, 4, figsize=(10, 3.2))
    for ax, lmul in zip(axes, (1, 2, 4, 8), strict=True):
        for reg in range(32):
            col, row = reg % 4, 7 - reg // 4
            group = reg // lmul
            colour = COLOURS[group % len(COLOURS)]
            _cell(
                ax,
                col,
                row,
                f"v{reg}",
                colour,
                width=0.95,
                height=0.9,
                alpha=0.35 + 0.5 * (group % 2),
            )
        ax.add_patch(Rectangle((0, 7), 0.95, 0.9, fill=False, edgecolor="red", linewidth=2))
        ax.set_xlim(-0.1, 4)
        ax.set_ylim(-0.1, 8)
        ax.axis("off")
        ax.set_title(f"LMUL={lmul}: {32 // lmul} groups\nVLMAX = {lmul * vlen // sew}", fontsize=9)
    fig.suptitle(
        f"Register grouping at VLEN={vlen}, SEW={sew} (red: v0, the mask register)", fontsize=10
    )
    fig.tight_layout()
    fig.savefig(OUT / "lmul_grouping.png", dpi=150)
    plt.close(fig)


def policies() -> None:
    mask = [1, 0, 1, 1, 0, 1, 0, 0]
    vl, vlmax = 6, 8
    rows = [("before", ["o"] * vlmax), ("undisturbed", []), ("agnostic (model: all ones)", [])]
    fig, ax = plt.subplots(figsize=(8, 2.8))
    for r, (label, _) in enumerate(rows):
        y = 2.2 - 1.0 * r
        for i in range(vlmax):
            tail, active = i >= vl, (i < vl and mask[i])
            if r == 0:
                text, colour = "old", "#eeeeee"
            elif active:
                text, colour = "new", "#55a868"
            elif r == 1:
                text, colour = "old", "#eeeeee"
            else:
                text, colour = "1..1", "#c44e52"
            _cell(ax, i, y, text, colour, alpha=0.8, hatch="//" if tail else None)
        ax.text(-0.3, y + 0.4, label, ha="right", va="center", fontsize=9)
    for i in range(vlmax):
        role = "tail" if i >= vl else ("active" if mask[i] else "inactive")
        ax.text(
            i + 0.5, 3.15, f"{role}\nv0[{i}]={mask[i]}" if i < vl else role, ha="center", fontsize=7
        )
    ax.text(vl, -0.25, "vl", ha="center", fontsize=9, color="red")
    ax.axvline(vl, color="red", linewidth=1.5)
    ax.set_xlim(-4.5, vlmax + 0.5)
    ax.set_ylim(-0.4, 3.7)
    ax.axis("off")
    ax.set_title("A masked instruction (v0.t) with vl = 6 of VLMAX = 8", fontsize=10)
    fig.tight_layout()
    fig.savefig(OUT / "policies.png", dpi=150)
    plt.close(fig)


def _saxpy_m1(x: np.ndarray, vlen: int) -> dict[str, int]:
    """Counts of the exercise-1 loop with LMUL = 1 (one register per operand, like SSE)."""
    m = RVVMachine(vlen)
    px, py = m.memory.place(x), m.memory.place(x)
    n = len(x)
    while n > 0:
        vl = m.vsetvli(n, 32, 1, ta=True, ma=True)
        m.vle32(1, px)
        m.vle32(2, py)
        m.vfmacc_vf(2, 2.0, 1)
        m.vse32(2, py)
        n, px, py = n - vl, px + 4 * vl, py + 4 * vl
    return m.counts


def instruction_counts() -> None:
    ex01, ex06 = _solution("ex01_saxpy"), _solution("ex06_counts")
    sizes = np.arange(0, 161, 1)
    curves = {
        "RVV VLEN=128, m1 (4 lanes, like SSE)": lambda x: _saxpy_m1(x, 128),
        "RVV VLEN=128 (e32, m8)": lambda x: ex01.saxpy(2.0, x, x, 128)[1],
        "RVV VLEN=512 (e32, m8)": lambda x: ex01.saxpy(2.0, x, x, 512)[1],
        "SSE, 128 bit + scalar tail": lambda x: ex06.saxpy_simd(2.0, x, x, 128)[1],
        "AVX2, 256 bit + scalar tail": lambda x: ex06.saxpy_simd(2.0, x, x, 256)[1],
        "AVX-512 + scalar tail": lambda x: ex06.saxpy_simd(2.0, x, x, 512)[1],
        "AVX-512 + masked tail": lambda x: ex06.saxpy_simd(2.0, x, x, 512, "masked")[1],
    }
    styles = ["-.", "-", "-", "--", "--", "--", ":"]
    big = np.unique(np.geomspace(1, 3000, 70).astype(int))
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4))
    for (label, run), style, colour in zip(curves.items(), styles, COUNT_COLOURS, strict=True):
        totals = [sum(run(np.ones(n, dtype=np.float32)).values()) for n in sizes]
        left.plot(sizes, totals, style, color=colour, label=label, drawstyle="steps-post")
        per = [sum(run(np.ones(n, dtype=np.float32)).values()) / n for n in big]
        right.loglog(big, per, style, color=colour, label=label)
    left.set_xlabel("n (elements)")
    left.set_ylabel("executed instructions (vector + scalar data)")
    left.set_title("saxpy, small n: tails show as saw teeth")
    left.legend(fontsize=7)
    right.set_xlabel("n (elements)")
    right.set_ylabel("instructions per element")
    right.set_title("instructions per element approach 4 or 5 per VLMAX")
    right.grid(True, which="major", alpha=0.3)
    fig.suptitle(
        "Counted on the course's machine models (reference kernels of ex01 and ex06)", fontsize=9
    )
    fig.tight_layout()
    fig.savefig(OUT / "instruction_counts.png", dpi=150)
    plt.close(fig)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for draw in (flynn, strip_mining, lmul_grouping, policies, instruction_counts):
        draw()
        print(f"drew {draw.__name__}")


if __name__ == "__main__":
    main()
