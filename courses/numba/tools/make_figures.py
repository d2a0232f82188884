"""Draw every figure of the numba lecture notes into src/icsc_numba/lecture/figures/.

Run from the repository root (matplotlib is a maintainer tool, not a course dependency)::

    uv run --with matplotlib python courses/numba/tools/make_figures.py

Diagrams are written as SVG (the editable source) and PNG; plots of data as PNG. The
speed-up chart reads ``benchmarks/results.json``, written by
``bench_kernels.py --json`` in the run whose table is in the course README, so figure
and table show the same measurement. The Onsager figure runs the reference solution of
exercise 3; the timing figure measures this machine when it is drawn.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
import time
from pathlib import Path
from types import ModuleType

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

COURSE = Path(__file__).resolve().parents[1]
FIGURES = COURSE / "src" / "icsc_numba" / "lecture" / "figures"
sys.path.insert(0, str(COURSE / "src"))

from icsc_numba.workloads import (
    critical_temperature,
    make_jitted_sum_of_squares,
    onsager_energy_per_spin,
    onsager_magnetisation,
)

BLUE, ORANGE, GREEN, GREY, RED = "#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f", "#d62728"
plt.rcParams.update({"font.size": 10, "svg.hashsalt": "icsc-numba", "svg.fonttype": "none"})


def load_solution(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"_fig_{name}", COURSE / "solutions" / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def save(fig: plt.Figure, name: str, *, svg: bool = False) -> None:
    FIGURES.mkdir(parents=True, exist_ok=True)
    fig.savefig(FIGURES / f"{name}.png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    if svg:
        fig.savefig(
            FIGURES / f"{name}.svg", bbox_inches="tight", metadata={"Date": None, "Creator": None}
        )
    plt.close(fig)
    sys.stdout.write(f"wrote {name}\n")


def box(ax: plt.Axes, x: float, y: float, text: str, colour: str, width: float = 2.2) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - 0.32),
            width,
            0.64,
            boxstyle="round,pad=0.04",
            fc=colour,
            ec="black",
            alpha=0.25,
        )
    )
    ax.text(x, y, text, ha="center", va="center")


def arrow(ax: plt.Axes, start: tuple[float, float], end: tuple[float, float]) -> None:
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color="black"))


def figure_pipeline() -> None:
    """CPython's interpreter loop next to numba's compilation pipeline."""
    fig, ax = plt.subplots(figsize=(9.5, 4.2))
    ax.set_xlim(0, 12)
    ax.set_ylim(-0.5, 4.6)
    ax.axis("off")
    box(ax, 1.4, 4.0, "Python source\n(.py)", GREY)
    box(ax, 4.4, 4.0, "bytecode\n(dis.dis shows it)", GREY)
    arrow(ax, (2.5, 4.0), (3.3, 4.0))
    ax.text(2.9, 4.35, "compile()", ha="center", fontsize=8)
    # CPython path
    box(
        ax,
        8.6,
        4.0,
        "CPython eval loop: one\ninstruction at a time,\nboxed objects, type checks",
        ORANGE,
        3.2,
    )
    arrow(ax, (5.5, 4.0), (7.0, 4.0))
    ax.text(6.25, 4.35, "interpret", ha="center", fontsize=8)
    # numba path
    steps = [
        (4.4, 2.6, "numba IR\n(bytecode analysis)"),
        (7.0, 2.6, "type inference\n(from argument types)"),
        (9.8, 2.6, "LLVM IR\n(numba lowering)"),
        (9.8, 1.0, "machine code\n(LLVM optimiser)"),
        (7.0, 1.0, "dispatcher: cache\nper type signature"),
    ]
    for x, y, text in steps:
        box(ax, x, y, text, BLUE, 2.4)
    arrow(ax, (4.4, 3.65), (4.4, 2.95))
    ax.text(4.55, 3.3, "@njit: first call with new types", fontsize=8)
    arrow(ax, (5.6, 2.6), (5.8, 2.6))
    arrow(ax, (8.2, 2.6), (8.6, 2.6))
    arrow(ax, (9.8, 2.25), (9.8, 1.35))
    arrow(ax, (8.6, 1.0), (8.2, 1.0))
    box(
        ax,
        3.6,
        1.0,
        "later calls with the same types:\nunbox arguments, run machine code",
        GREEN,
        3.6,
    )
    arrow(ax, (5.8, 1.0), (5.4, 1.0))
    ax.text(
        0.1,
        -0.35,
        "orange: interpreted (every call)    blue: numba compilation (once per signature)",
        fontsize=8,
    )
    save(fig, "pipeline", svg=True)


def figure_boxing() -> None:
    """A list of boxed floats versus a NumPy array's contiguous buffer."""
    fig, ax = plt.subplots(figsize=(9, 3.6))
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 5)
    ax.axis("off")
    ax.text(0.2, 4.6, "Python list [1.5, 2.0, 7.25]", fontweight="bold")
    for k in range(3):
        ax.add_patch(Rectangle((0.4 + 1.1 * k, 3.5), 1.0, 0.6, fc="white", ec="black"))
        ax.text(0.9 + 1.1 * k, 3.8, "ptr", ha="center", va="center", fontsize=8)
        x0 = 0.6 + 2.0 * k
        ax.add_patch(Rectangle((x0, 1.4), 1.8, 1.2, fc=ORANGE, ec="black", alpha=0.3))
        ax.text(
            x0 + 0.9,
            2.0,
            f"refcount\ntype=float\n{[1.5, 2.0, 7.25][k]}",
            ha="center",
            va="center",
            fontsize=7,
        )
        arrow(ax, (0.9 + 1.1 * k, 3.5), (x0 + 0.9, 2.6))
    ax.text(
        0.4,
        0.9,
        "each element: an 8-byte pointer to a 24-byte float object,\nanywhere in memory",
        fontsize=8,
    )
    ax.text(7.0, 4.6, "np.array([1.5, 2.0, 7.25])", fontweight="bold")
    ax.add_patch(Rectangle((7.0, 3.3), 3.6, 0.8, fc=BLUE, ec="black", alpha=0.3))
    ax.text(8.8, 3.7, "header: dtype=float64, shape, strides", ha="center", va="center", fontsize=8)
    for k, value in enumerate([1.5, 2.0, 7.25]):
        ax.add_patch(Rectangle((7.0 + 1.2 * k, 1.7), 1.2, 0.8, fc=GREEN, ec="black", alpha=0.3))
        ax.text(7.6 + 1.2 * k, 2.1, f"{value}", ha="center", va="center", fontsize=9)
    arrow(ax, (8.8, 3.3), (7.6, 2.5))
    ax.text(
        7.0,
        0.9,
        "one contiguous buffer of raw 8-byte doubles:\nno per-element header, cache friendly",
        fontsize=8,
    )
    save(fig, "boxing", svg=True)


def figure_checkerboard() -> None:
    """The two half-sweeps of a checkerboard update and the neighbours of one site."""
    fig, axes = plt.subplots(1, 2, figsize=(8.5, 4.6))
    size = 8
    colours = np.indices((size, size)).sum(axis=0) % 2
    for parity, ax in enumerate(axes):
        ax.imshow(np.where(colours == 0, 0.85, 0.12), cmap="Greys", vmin=0, vmax=1, origin="upper")
        rows, cols = np.nonzero(colours == parity)
        ax.plot(cols, rows, "o", color=ORANGE, ms=6)
        ax.set_xticks(range(size))
        ax.set_yticks(range(size))
        ax.set_xlabel("column j")
        ax.set_ylabel("row i")
        label = "black" if parity == 0 else "white"
        ax.set_title(
            f"half-sweep {parity + 1}: all {label} sites\n(i + j) % 2 == {parity}, in any order",
            fontsize=9,
        )
        ci, cj = (3, 3) if parity == 0 else (3, 4)
        for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            ax.add_patch(
                Rectangle(
                    (cj + dj - 0.5, ci + di - 0.5), 1, 1, fill=False, ec=BLUE, lw=2.5, zorder=3
                )
            )
        ax.add_patch(Rectangle((cj - 0.5, ci - 0.5), 1, 1, fill=False, ec=RED, lw=3, zorder=4))
        # periodic boundary: row 0's upper neighbour is row 7, column 0's left neighbour is column 7
        ax.annotate(
            "",
            xy=(size - 1, size - 0.45),
            xytext=(0, size - 0.45),
            arrowprops={
                "arrowstyle": "<->",
                "color": GREEN,
                "lw": 1.5,
                "connectionstyle": "arc3,rad=0.25",
            },
            annotation_clip=False,
        )
        ax.text(
            3.5,
            size + 0.9,
            "periodic: column 0 and column 7 are neighbours",
            color=GREEN,
            ha="center",
            fontsize=8,
        )
        ax.set_ylim(size + 1.3, -0.5)
    fig.suptitle(
        "orange dots: updated in this half-sweep; red: one such site; blue: its four neighbours (all of the other colour)",
        fontsize=9,
        y=-0.03,
    )
    save(fig, "checkerboard", svg=True)


def figure_onsager() -> None:
    """Simulated |m| and energy per spin against the exact infinite-lattice results."""
    ex03 = load_solution("ex03_ising")
    t_c = critical_temperature()
    grid = np.linspace(1.0, 3.5, 400)
    temperatures = np.array([1.2, 1.5, 1.8, 2.0, 2.1, 2.2, 2.27, 2.35, 2.5, 2.8, 3.2])
    sims = {
        size: [ex03.simulate(size, float(t), 4000, 1000, seed=7) for t in temperatures]
        for size in (16, 48)
    }
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(
        grid,
        [onsager_magnetisation(float(t)) for t in grid],
        color="black",
        label="Onsager/Yang, infinite lattice",
    )
    right.plot(
        grid,
        [onsager_energy_per_spin(float(t)) for t in grid],
        color="black",
        label="Onsager, infinite lattice",
    )
    for (size, results), marker, colour in zip(sims.items(), "os", (ORANGE, BLUE), strict=True):
        left.plot(
            temperatures,
            [r["abs_magnetisation"] for r in results],
            marker,
            color=colour,
            label=f"ex03, {size}x{size}",
        )
        right.plot(
            temperatures,
            [r["energy_per_spin"] for r in results],
            marker,
            color=colour,
            label=f"ex03, {size}x{size}",
        )
    for ax in (left, right):
        ax.axvline(t_c, color=GREY, ls="--", lw=1)
        ax.set_xlabel("temperature T (J / k_B)")
        ax.legend(fontsize=8)
    left.text(t_c + 0.03, 0.9, "T_c = 2/ln(1+sqrt 2)", color=GREY, fontsize=8)
    left.set_ylabel("magnetisation per spin <|m|>")
    right.set_ylabel("energy per spin <E>/N (J)")
    fig.suptitle(
        "Metropolis checkerboard simulation (4000 sweeps after 1000 burn-in) vs the exact solution",
        fontsize=10,
    )
    save(fig, "onsager")


def figure_speedup() -> None:
    """Speed-ups over pure Python, from the benchmark run recorded in results.json."""
    results = json.loads((COURSE / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    kernels = results["kernels"]
    fig, axes = plt.subplots(1, len(kernels), figsize=(4.2 * len(kernels), 4.2))
    for ax, kernel in zip(np.atleast_1d(axes), kernels, strict=True):
        rows = kernel["rows"]
        baseline = rows[0]["median"]
        labels = [row["label"] for row in rows]
        speedups = [baseline / row["median"] for row in rows]
        colours = [
            GREY if s <= 1.01 else (GREEN if "parallel" in lab or "CUDA" in lab else BLUE)
            for lab, s in zip(labels, speedups, strict=True)
        ]
        bars = ax.barh(range(len(rows)), speedups, color=colours)
        ax.set_xscale("log")
        ax.set_yticks(range(len(rows)), [lab.replace(" (", "\n(") for lab in labels], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel("speed-up over pure Python (log scale)")
        ax.set_title(f"{kernel['name']}\n{kernel['size']}", fontsize=9)
        for bar, value in zip(bars, speedups, strict=True):
            ax.text(
                bar.get_width() * 1.08,
                bar.get_y() + bar.get_height() / 2,
                f"{value:.3g}x",
                va="center",
                fontsize=7,
            )
        ax.set_xlim(0.05, max(speedups) * 8)
    fig.suptitle(f"Median times, one run: {results['machine']}", fontsize=8)
    fig.tight_layout()
    save(fig, "speedup")


def figure_mandelbrot_split() -> None:
    """The escape-count image, the rows each of two threads gets, and the work per row."""
    ex04 = load_solution("ex04_mandelbrot")
    xs, ys = np.linspace(-2.2, 0.8, 480), np.linspace(-1.3, 1.3, 360)
    counts = ex04.escape_counts_serial(xs, ys, 200)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), gridspec_kw={"width_ratios": [4, 1.4]})
    left.imshow(
        np.log1p(counts), cmap="magma", extent=(xs[0], xs[-1], ys[-1], ys[0]), aspect="auto"
    )
    left.axhline(0.0, color="white", lw=1.5, ls="--")
    left.text(-2.15, -1.15, "thread 0: rows 0..179", color="white", fontsize=8)
    left.text(-2.15, 1.2, "thread 1: rows 180..359", color="white", fontsize=8)
    left.set_xlabel("Re c")
    left.set_ylabel("Im c")
    left.set_title("escape counts (log scale), 480x360, max_iter 200", fontsize=9)
    work = counts.sum(axis=1)
    right.plot(work / work.max(), ys, color=ORANGE)
    right.set_ylim(ys[-1], ys[0])
    right.set_xlabel("work per row\n(relative iterations)")
    right.set_yticks([])
    halves = [part.sum() / work.sum() for part in np.array_split(work, 2)]
    quarters = [part.sum() / work.sum() for part in np.array_split(work, 4)]
    right.set_title(
        "share of the work\n2 threads: "
        + " / ".join(f"{h:.0%}" for h in halves)
        + "\n4 threads: "
        + " / ".join(f"{q:.0%}" for q in quarters),
        fontsize=8,
    )
    save(fig, "mandelbrot_split")


def figure_cuda_grid() -> None:
    """A 2D grid of 16x8 thread blocks covering a 40x20 image; the excess threads idle."""
    width, height, bx, by = 40, 20, 16, 8
    fig, ax = plt.subplots(figsize=(8, 4.4))
    ax.add_patch(Rectangle((0, 0), width, height, fc=BLUE, alpha=0.25, ec="black"))
    blocks_x, blocks_y = math.ceil(width / bx), math.ceil(height / by)
    for i in range(blocks_x):
        for j in range(blocks_y):
            ax.add_patch(Rectangle((i * bx, j * by), bx, by, fill=False, ec=RED, lw=1.5))
            ax.text(i * bx + 1, j * by + 1.6, f"block ({i},{j})", color=RED, fontsize=7)
    ax.add_patch(
        Rectangle((width, 0), blocks_x * bx - width, blocks_y * by, hatch="//", fill=False, ec=GREY)
    )
    ax.add_patch(
        Rectangle(
            (0, height), blocks_x * bx, blocks_y * by - height, hatch="//", fill=False, ec=GREY
        )
    )
    ax.plot([21.5], [11.5], "o", color="black")
    ax.annotate(
        "thread (col, row) = cuda.grid(2) = (21, 11)\n= blockIdx * blockDim + threadIdx = (1*16+5, 1*8+3)",
        xy=(21.5, 11.5),
        xytext=(0.5, 28.5),
        fontsize=8,
        arrowprops={"arrowstyle": "->"},
    )
    ax.text(
        33,
        29.5,
        "hatched: threads outside the image,\nthey must return without writing",
        fontsize=8,
        color=GREY,
    )
    ax.set_xlim(-1, blocks_x * bx + 1)
    ax.set_ylim(blocks_y * by + 8, -1)
    ax.set_xlabel("column (x, fastest varying)")
    ax.set_ylabel("row (y)")
    ax.set_title(
        f"image {width}x{height}, blocks of {bx}x{by} threads, grid of {blocks_x}x{blocks_y} blocks",
        fontsize=9,
    )
    save(fig, "cuda_grid", svg=True)


def figure_timing_distribution() -> None:
    """Repeated timings of one jitted call: the first call (compilation) and a noisy tail."""
    fresh = make_jitted_sum_of_squares()
    values = np.random.default_rng(0).random(20_000)
    times = []
    for _ in range(400):
        start = time.perf_counter()
        fresh(values)
        times.append(time.perf_counter() - start)
    first, rest = times[0], np.array(times[1:]) * 1e6
    median = np.median(rest)
    q25, q75 = np.percentile(rest, [25, 75])
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8), gridspec_kw={"width_ratios": [1, 2]})
    left.bar(
        ["first call\n(compiles)", "median of\nthe rest"], [first * 1e6, median], color=[RED, BLUE]
    )
    left.set_yscale("log")
    left.set_ylabel("time (microseconds, log)")
    left.set_title(f"first call {first * 1e3:.0f} ms vs median {median:.1f} us", fontsize=9)
    right.hist(
        rest, bins=np.linspace(rest.min(), np.percentile(rest, 99), 60), color=BLUE, alpha=0.7
    )
    right.axvline(median, color="black", label=f"median {median:.1f} us")
    right.axvspan(q25, q75, color=ORANGE, alpha=0.3, label=f"IQR {q75 - q25:.2f} us")
    right.axvline(
        rest.mean(), color=RED, ls="--", label=f"mean {rest.mean():.1f} us (pulled by outliers)"
    )
    right.set_xlabel("time per call (microseconds); slowest 1 % not shown")
    right.set_ylabel("calls")
    right.legend(fontsize=8)
    right.set_title(f"399 further calls; max {rest.max():.0f} us", fontsize=9)
    save(fig, "timing_distribution")


FIGURES_BY_NAME = {
    "pipeline": figure_pipeline,
    "boxing": figure_boxing,
    "checkerboard": figure_checkerboard,
    "onsager": figure_onsager,
    "speedup": figure_speedup,
    "mandelbrot_split": figure_mandelbrot_split,
    "cuda_grid": figure_cuda_grid,
    "timing_distribution": figure_timing_distribution,
}


def main(argv: list[str]) -> int:
    names = argv or list(FIGURES_BY_NAME)
    unknown = sorted(set(names) - set(FIGURES_BY_NAME))
    if unknown:
        sys.stderr.write(f"unknown figures {unknown}; known: {', '.join(FIGURES_BY_NAME)}\n")
        return 2
    for name in names:
        FIGURES_BY_NAME[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
