"""Draw the lecture figures into src/icsc_record_linkage/lecture/figures/.

Run from the repository root::

    uv run --with matplotlib python courses/record-linkage/tools/make_figures.py

* ``chain.png``: two entities (dense groups of records) joined by one weak link; the
  weak link is the graph's only bridge between groups (``networkx.bridges``).
* ``blocking_cost.png``: all pairs vs blocked candidates as the register grows, from
  ``benchmarks/results_blocking.txt``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "src" / "icsc_record_linkage" / "lecture" / "figures"


def chain() -> None:
    names = {
        0: "Ferrari S.p.A.", 1: "FERRARI", 2: "Ferrari Srl", 3: "Ferrari F.lli Srl",
        4: "Ferrari F.lli Lunelli", 5: "Ferrari Fratelli Lunelli SpA",
    }  # fmt: skip
    edges = {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.9, (2, 3): 0.55,
             (3, 4): 0.8, (4, 5): 0.85, (3, 5): 0.7}  # fmt: skip
    graph = nx.Graph()
    for (u, v), w in edges.items():
        graph.add_edge(u, v, weight=w)
    bridges = set(nx.bridges(graph))
    print("bridges:", bridges)
    position = {0: (0, 1), 1: (-0.6, 0), 2: (0.6, 0), 3: (2.2, 0), 4: (3.4, 0), 5: (2.8, 1)}
    fig, ax = plt.subplots(figsize=(8, 3))
    for (u, v), w in edges.items():
        is_bridge = (u, v) in bridges or (v, u) in bridges
        ax.plot(*zip(position[u], position[v], strict=True), color="tab:red" if is_bridge else "0.4",
                linestyle="--" if is_bridge else "-", linewidth=1 + 3 * w, zorder=1)  # fmt: skip
        mid = ((position[u][0] + position[v][0]) / 2, (position[u][1] + position[v][1]) / 2)
        ax.text(*mid, f"{w:.2f}", fontsize=8, ha="center", va="bottom")
    for node, (x, y) in position.items():
        colour = "tab:blue" if node < 3 else "tab:green"
        ax.scatter([x], [y], s=200, color=colour, zorder=2)
        above = y > 0.5
        ax.text(x, y + (0.12 if above else -0.22), names[node], fontsize=8, ha="center",
                va="bottom" if above else "top")  # fmt: skip
    ax.set_title("one weak bridge (dashed) chains the car maker to the wine maker")
    ax.set_xlim(-1.4, 4.2)
    ax.set_ylim(-0.6, 1.45)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(FIGURES / "chain.png", dpi=120)


def blocking_cost() -> None:
    rows = [
        line.split()
        for line in (ROOT / "benchmarks" / "results_blocking.txt").read_text().splitlines()
        if line.strip() and line.split()[0].isdigit()
    ]
    records = [int(r[1]) for r in rows]
    all_pairs = [int(r[2].replace(",", "")) for r in rows]
    candidates = [int(r[3].replace(",", "")) for r in rows]
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.loglog(records, all_pairs, "o-", label="all pairs n(n-1)/2")
    ax.loglog(records, candidates, "s-", label="blocked candidates")
    ax.xaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.set_xlabel("records in the register")
    ax.set_ylabel("pairs to compare")
    ax.legend()
    fig.tight_layout()
    fig.savefig(FIGURES / "blocking_cost.png", dpi=120)


if __name__ == "__main__":
    FIGURES.mkdir(parents=True, exist_ok=True)
    chain()
    blocking_cost()
