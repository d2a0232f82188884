"""Draw the lecture figures of the perf-madgraph course into src/icsc_perf_madgraph/lecture/figures/.

Run from the repository root:

    uv run python courses/perf-madgraph/tools/make_figures.py

(matplotlib is the optional ``figures`` extra of the course). Figures (PNG, 150 dpi):

* ``profile.png``: where naive.generate spends its time, cProfile versus the sampling
  profiler (measured when the script runs: the numbers are this machine's);
* ``amdahl.png``: Amdahl's speed-up against the speed-up of the accelerated part;
* ``roofline.png``: a roofline with illustrative machine numbers and the arithmetic
  intensities of our matrix element, written with NumPy and as one fused kernel;
* ``layouts.png``: array of structures, structure of arrays, and the AoSoA of madgraph4gpu;
* ``angular.png``: generated cos(theta) against 1 + cos^2 and against the photon-Z formula;
* ``lineshape.png``: sigma(e+e- -> mu+mu-) against sqrt(s), QED and with the Z;
* ``vegas.png``: a VEGAS grid adapted to the Z Breit-Wigner, and error versus evaluations;
* ``negative_weights.png``: the cost of negative weights, 1 / (1 - 2 f)^2.
"""

from __future__ import annotations

import cProfile
import importlib.util
import math
import pstats
import sys
import tempfile
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from icsc_perf_madgraph import analytic, integrands, naive
from icsc_perf_madgraph.sampling import SamplingProfiler

COURSE = Path(__file__).resolve().parents[1]
OUT = COURSE / "src" / "icsc_perf_madgraph" / "lecture" / "figures"
DPI = 150


def load_solution(name: str):
    spec = importlib.util.spec_from_file_location(
        f"_fig_{name}", COURSE / "solutions" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def save(fig, name: str) -> None:
    fig.tight_layout()
    fig.savefig(OUT / name, dpi=DPI)
    plt.close(fig)
    print("wrote", OUT / name)


def profile_figure() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generate.prof"
        profiler = cProfile.Profile()
        profiler.runcall(naive.generate, 20_000, 10.0, 1)
        profiler.dump_stats(str(path))
        stats = pstats.Stats(str(path))
        total = stats.total_tt
        own: dict[str, float] = {}
        for (filename, _, name), (_, _, tottime, _, _) in stats.stats.items():
            label = name if "icsc_perf_madgraph" in filename else "(built-ins, other)"
            if name == "__init__" and "kinematics" in filename:
                label = "FourVector.__init__"
            own[label] = own.get(label, 0.0) + tottime / total
    run = None
    with SamplingProfiler(0.001) as sampler:
        run = naive.generate(20_000, 10.0, 1)
    del run
    sampled = {name.split(".")[-1] if name != "FourVector.__init__" else name: count / sampler.samples
               for name, count in sampler.leaf.items()}  # fmt: skip
    names = sorted(own, key=own.get, reverse=True)[:8]
    y = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(7.5, 4))
    ax.barh(y - 0.2, [own[n] for n in names], 0.4, label="cProfile (instrumenting)")
    ax.barh(y + 0.2, [sampled.get(n, 0.0) for n in names], 0.4, label="sampling, 1 ms")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel("fraction of run time spent in the function itself (self time)")
    ax.set_title("naive.generate(20 000 events): two profilers, two answers")
    ax.legend(loc="lower right")
    save(fig, "profile.png")


def amdahl_figure() -> None:
    factors = np.logspace(0, 3, 200)
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for p in (0.5, 0.75, 0.9, 0.95, 0.99):
        ax.plot(factors, 1 / ((1 - p) + p / factors), label=f"p = {p}")
        ax.axhline(1 / (1 - p), color="grey", linewidth=0.5, linestyle=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("speed-up s of the accelerated part (workers, SIMD lanes, GPU)")
    ax.set_ylabel("speed-up of the whole program")
    ax.set_title("Amdahl: S = 1 / ((1 - p) + p / s), ceiling 1 / (1 - p)")
    ax.legend()
    save(fig, "amdahl.png")


def roofline_figure() -> None:
    peak, bandwidth = 2000.0, 200.0  # GFLOP/s and GB/s: illustrative server numbers
    intensity = np.logspace(-2.5, 3, 300)
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    ax.plot(intensity, np.minimum(peak, bandwidth * intensity), color="black")
    ax.text(1.2, 12, "memory bound:\nbandwidth x intensity", fontsize=8)
    ax.text(60, peak * 1.15, "compute bound: peak FLOP/s", fontsize=8)
    points = {
        "QED |M|^2 in NumPy\n(1 flop per 24 bytes)": 1 / 24,
        "QED |M|^2 fused kernel\n(~40 flop / 136 bytes)": 40 / 136,
        "many-diagram QCD |M|^2\n(schematic)": 200.0,
    }
    for label, x in points.items():
        y = min(peak, bandwidth * x)
        ax.plot(x, y, "o")
        ax.annotate(label, (x, y), textcoords="offset points", xytext=(6, -22), fontsize=8)
    ax.axvline(peak / bandwidth, color="grey", linestyle=":", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(0.5, 5000)
    ax.set_xlabel("arithmetic intensity (flop per byte from memory)")
    ax.set_ylabel("attainable GFLOP/s")
    ax.set_title("Roofline (illustrative machine: 2 TFLOP/s, 200 GB/s)")
    save(fig, "roofline.png")


def layouts_figure() -> None:
    colours = {"E": "#f4a582", "px": "#92c5de", "py": "#b8e186", "pz": "#d9d9d9"}
    comps = list(colours)
    fig, axes = plt.subplots(3, 1, figsize=(8, 3.6))
    layouts = {
        "AoS: event by event (naive, Fortran MadEvent)": [(e, c) for e in range(4) for c in comps],
        "SoA: component by component (NumPy, ex02)": [(e, c) for c in comps for e in range(4)],
        "AoSoA: pages of 2 events (madgraph4gpu, SIMD width)": [
            (page * 2 + e, c) for page in range(2) for c in comps for e in range(2)
        ],
    }
    for ax, (title, cells) in zip(axes, layouts.items(), strict=True):
        for i, (event, comp) in enumerate(cells):
            ax.add_patch(Rectangle((i, 0), 1, 1, facecolor=colours[comp], edgecolor="black"))
            ax.text(i + 0.5, 0.5, f"{comp}{event}", ha="center", va="center", fontsize=7)
        ax.set_xlim(0, 16)
        ax.set_ylim(0, 1)
        ax.axis("off")
        ax.set_title(title, fontsize=9, loc="left")
    fig.suptitle("One particle's momentum for 4 events in memory (address increases to the right)",
                 fontsize=9)  # fmt: skip
    save(fig, "layouts.png")


def angular_figure() -> None:
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    bins = np.linspace(-1, 1, 21)
    for ax, (sqrt_s, include_z) in zip(axes, ((10.0, False), (200.0, True)), strict=True):
        run = naive.generate(30_000, sqrt_s, 2, include_z=include_z)
        a0, a1 = analytic.angular_coefficients(sqrt_s, include_z=include_z)
        expected = len(run.events) * np.diff(analytic.angular_cdf(bins, a0, a1))
        ax.stairs(run.histogram, bins, label=f"{len(run.events)} unweighted events")
        ax.stairs(expected, bins, label="A0 (1 + c^2) + A1 c", linestyle="--")
        ax.set_ylim(0, 1.3 * max(*run.histogram, expected.max()))
        ax.set_xlabel("cos theta of the mu-")
        what = "QED" if not include_z else f"photon + Z, A_FB = {3 * a1 / (8 * a0):.2f}"
        ax.set_title(f"sqrt(s) = {sqrt_s:g} GeV, {what}", fontsize=9)
        ax.legend(fontsize=8, loc="upper center")
    save(fig, "angular.png")


def lineshape_figure() -> None:
    energies = np.linspace(10, 200, 800)
    fig, ax = plt.subplots(figsize=(6.5, 4))
    ax.plot(energies, [analytic.cross_section_pb(e) for e in energies], label="QED (photon)")
    ax.plot(energies, [analytic.cross_section_pb(e, include_z=True) for e in energies],
            label="photon + Z")  # fmt: skip
    ax.set_yscale("log")
    ax.set_xlabel("sqrt(s) (GeV)")
    ax.set_ylabel("sigma(e+e- -> mu+mu-) (pb)")
    ax.set_title("Lowest order, no radiation: 86.8 nb / s, and the Z peak")
    ax.legend()
    save(fig, "lineshape.png")


def vegas_figure() -> None:
    ex03 = load_solution("ex03_vegas")
    result = ex03.vegas_integrate(integrands.breit_wigner, 1, n_per_iteration=5000, seed=1)
    edges = 60 + 60 * result["edges"][0]
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    m = np.linspace(60, 120, 600)
    f = integrands.breit_wigner(((m - 60) / 60)[:, None])
    axes[0].plot(m, f / f.max(), label="integrand (Breit-Wigner, Z)")
    density = 1 / np.diff(edges)
    axes[0].stairs(density / density.max(), edges, label="VEGAS sampling density")
    axes[0].set_xlabel("m (GeV)")
    axes[0].legend(fontsize=8)
    axes[0].set_title("grid after 10 iterations of 5000 points", fontsize=9)
    rng = np.random.default_rng(4)
    budgets = np.array([2_000, 5_000, 20_000, 50_000, 200_000])
    flat, adapted = [], []
    for n in budgets:
        values = integrands.breit_wigner(rng.random((int(n), 1)))
        flat.append(values.std() / math.sqrt(n))
        run = ex03.vegas_integrate(integrands.breit_wigner, 1, n_per_iteration=int(n) // 10,
                                   n_iterations=10, seed=int(n))  # fmt: skip
        adapted.append(run["error"])
    axes[1].loglog(budgets, flat, "o-", label="flat sampling")
    axes[1].loglog(budgets, adapted, "s-", label="VEGAS (warm-up included)")
    axes[1].set_xlabel("integrand evaluations")
    axes[1].set_ylabel("statistical error")
    axes[1].set_title("both fall like 1/sqrt(N); VEGAS starts lower", fontsize=9)
    axes[1].legend(fontsize=8)
    save(fig, "vegas.png")


def negative_weights_figure() -> None:
    f = np.linspace(0, 0.45, 200)
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.plot(f, 1 / (1 - 2 * f) ** 2)
    ax.set_yscale("log")
    ax.set_xlabel("fraction f of events with negative weight")
    ax.set_ylabel("events needed, relative to f = 0")
    ax.set_title("Same precision with negative weights costs 1 / (1 - 2f)^2", fontsize=10)
    for x in (0.1, 0.2, 0.3):
        ax.annotate(f"x{1 / (1 - 2 * x) ** 2:.1f}", (x, 1 / (1 - 2 * x) ** 2),
                    textcoords="offset points", xytext=(-30, 6))  # fmt: skip
    save(fig, "negative_weights.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for draw in (amdahl_figure, roofline_figure, layouts_figure, angular_figure,
                 lineshape_figure, vegas_figure, negative_weights_figure, profile_figure):  # fmt: skip
        draw()


if __name__ == "__main__":
    main()
