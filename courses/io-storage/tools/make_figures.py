"""Draw the figures of the io-storage lecture notes into src/icsc_io_storage/lecture/figures/.

Run from the repository root (matplotlib is a maintainer tool, not a course dependency)::

    uv run --with matplotlib python courses/io-storage/tools/make_figures.py

Both figures are computed, not measured: the I/O stack is a diagram, and the latency
figure evaluates the simple model ``time = requests * latency + bytes / bandwidth``
explained in lecture 3, so it is identical on every machine.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

COURSE = Path(__file__).resolve().parents[1]
FIGURES = COURSE / "src" / "icsc_io_storage" / "lecture" / "figures"


def io_stack() -> None:
    """The layers a read(2) crosses, with the three read paths of lecture 1."""
    layers = [
        ("application (Python, ROOT, uproot)", "#dbe9f6"),
        ("C library / system call: read, pread, mmap, io_uring", "#c6dbef"),
        ("VFS + file system (ext4, XFS, EOS/CephFS client)", "#9ecae1"),
        ("page cache (RAM)", "#fdd0a2"),
        ("block layer + I/O scheduler (blk-mq)", "#c7e9c0"),
        ("device driver (NVMe, SCSI) / network (TCP)", "#a1d99b"),
        ("device: SSD, HDD, remote server", "#74c476"),
    ]
    fig, ax = plt.subplots(figsize=(8, 5.2))
    for i, (label, colour) in enumerate(layers):
        y = len(layers) - 1 - i
        ax.add_patch(
            FancyBboxPatch((0.5, y + 0.1), 6.0, 0.8, boxstyle="round,pad=0.02", fc=colour, ec="k")
        )
        ax.text(3.5, y + 0.5, label, ha="center", va="center", fontsize=10)
    arrows = [
        (7.0, "buffered read", 6.0, 0.5, "tab:blue"),
        (7.9, "O_DIRECT", 6.0, 0.5, "tab:red"),
        (8.8, "mmap (page fault)", 6.0, 0.5, "tab:green"),
    ]
    for x, label, y0, y1, colour in arrows:
        ax.annotate(
            "",
            xy=(x, y1),
            xytext=(x, y0 + 0.5),
            arrowprops={"arrowstyle": "<->", "color": colour, "lw": 2},
        )
        ax.text(x + 0.15, 4.8, label, rotation=90, ha="left", va="center", fontsize=8, color=colour)
    # Where each path touches the page cache (layer index 3 -> y = 3).
    ax.plot([7.0], [3.5], "o", color="tab:blue", ms=9)
    ax.plot([8.8], [3.5], "o", color="tab:green", ms=9)
    ax.plot([7.9], [3.5], "x", color="tab:red", ms=11, mew=3)
    ax.text(9.3, 3.5, "page cache:\n● used  ✕ bypassed", fontsize=8, va="center")
    ax.set_xlim(0, 10.8)
    ax.set_ylim(0, 7.2)
    ax.axis("off")
    ax.set_title("The Linux I/O stack and three ways through it")
    fig.tight_layout()
    fig.savefig(FIGURES / "io_stack.png", dpi=120)
    plt.close(fig)


def latency_model() -> None:
    """Time to fetch 100 MB as a function of request size, for three round-trip latencies."""
    total = 100e6  # bytes
    bandwidth = 1.25e9  # bytes/s: a 10 Gb/s link
    sizes = np.logspace(3, 8, 200)  # 1 kB .. 100 MB per request
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for latency, label in [
        (100e-6, "local NVMe, ~0.1 ms"),
        (1e-3, "same site, 1 ms"),
        (30e-3, "remote site, 30 ms"),
    ]:
        requests = np.ceil(total / sizes)
        ax.loglog(sizes, requests * latency + total / bandwidth, label=label)
    ax.axhline(total / bandwidth, color="k", ls=":", label="bandwidth limit (1.25 GB/s)")
    ax.set_xlabel("bytes per request (one request in flight)")
    ax.set_ylabel("time to read 100 MB [s]")
    ax.set_title("Latency-bound vs bandwidth-bound reads")
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(FIGURES / "latency_model.png", dpi=120)
    plt.close(fig)


def main() -> None:
    FIGURES.mkdir(parents=True, exist_ok=True)
    io_stack()
    latency_model()
    print(f"figures written to {FIGURES}")


if __name__ == "__main__":
    main()
