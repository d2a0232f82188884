"""Draw the lecture figures of the cybersecurity course into src/icsc_cybersecurity/lecture/figures/.

Run from the repository root:

    uv run --with matplotlib python courses/cybersecurity/tools/make_figures.py

Figures (PNG, 150 dpi), each computed here from first principles or measured:

* ``merkle-tree.png``: the RFC 6962 tree over five leaves (the split at the largest
  power of two below n, the 0x00/0x01 prefixes);
* ``signing-flow.png``: producer, envelope, consumer with pinned keys, and the attacker's
  re-signed envelope that key pinning stops;
* ``name-distances.png``: how crowded the name space of popular packages is (edit
  distance from each popular name to its nearest popular neighbour);
* ``deflate-ratio.png``: measured zlib compression ratio of runs of zeros versus size,
  approaching DEFLATE's limit of about 1032:1;
* ``entropy.png``: Shannon entropy of package names, hex digests and random tokens, with
  the threshold of exercise 5 (why entropy alone cannot tell a digest from a secret).
"""

from __future__ import annotations

import math
import random
import string
import zlib
from collections import Counter
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from icsc_cybersecurity.packages import popular_packages

OUT = Path(__file__).resolve().parents[1] / "src" / "icsc_cybersecurity" / "lecture" / "figures"
BOX = {"boxstyle": "round,pad=0.12", "linewidth": 1.4}


def _box(ax, x, y, text, colour, width=2.2, height=0.8, size=9):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                facecolor=colour, edgecolor="black", **BOX))  # fmt: skip
    ax.text(x, y, text, ha="center", va="center", fontsize=size)


def _arrow(ax, start, end, label="", colour="black", style="-|>", offset=(0.0, 0.15)):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style, mutation_scale=13,
                                 linewidth=1.3, color=colour))  # fmt: skip
    if label:
        ax.text((start[0] + end[0]) / 2 + offset[0], (start[1] + end[1]) / 2 + offset[1], label,
                ha="center", va="bottom", fontsize=8, color=colour,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8})  # fmt: skip


def merkle_tree() -> None:
    fig, ax = plt.subplots(figsize=(9, 4.6))
    leaves_x = [0.0, 2.0, 4.0, 6.0, 9.0]
    for i, x in enumerate(leaves_x):
        _box(ax, x, 0.0, f"d{i}\n(manifest line {i})", "#f2f2f2", width=1.7, height=0.8, size=8)
        _box(ax, x, 1.3, f"H(0x00 || d{i})", "#dbe9f6", width=1.7, height=0.6, size=8)
        _arrow(ax, (x, 0.4), (x, 1.0))
    level2 = [(1.0, "H(0x01 || L0 || L1)"), (5.0, "H(0x01 || L2 || L3)")]
    for x, text in level2:
        _box(ax, x, 2.6, text, "#c6dbef", width=2.3, height=0.6, size=8)
    for (x, _), (a, b) in zip(level2, [(0, 1), (2, 3)], strict=True):
        _arrow(ax, (leaves_x[a], 1.6), (x - 0.3, 2.3))
        _arrow(ax, (leaves_x[b], 1.6), (x + 0.3, 2.3))
    _box(
        ax,
        3.0,
        3.8,
        "MTH(d0..d3): complete subtree of k = 4",
        "#9ecae1",
        width=4.0,
        height=0.6,
        size=8,
    )
    _arrow(ax, (1.0, 2.9), (2.4, 3.5))
    _arrow(ax, (5.0, 2.9), (3.6, 3.5))
    _box(
        ax,
        6.0,
        5.0,
        "root = H(0x01 || MTH(d0..d3) || MTH(d4))",
        "#6baed6",
        width=4.6,
        height=0.6,
        size=8,
    )
    _arrow(ax, (3.0, 4.1), (5.2, 4.7))
    _arrow(ax, (9.0, 1.6), (7.0, 4.7))
    ax.text(9.0, 3.0, "n = 5: split at k = 4,\nthe largest power of two < n;\nd4 is promoted unpaired",
            ha="center", fontsize=8, style="italic")  # fmt: skip
    ax.set_xlim(-1.2, 10.6)
    ax.set_ylim(-0.6, 5.5)
    ax.axis("off")
    ax.set_title("RFC 6962 Merkle tree hash over five manifest lines", fontsize=11)
    fig.tight_layout()
    fig.savefig(OUT / "merkle-tree.png", dpi=150)
    plt.close(fig)


def signing_flow() -> None:
    fig, ax = plt.subplots(figsize=(9.5, 4.4))
    _box(ax, 0.0, 3.0, "pipeline\n(private key, on the\nbuild machine only)", "#e5f5e0", 2.4, 1.1)
    _box(
        ax, 4.0, 3.0, "envelope\nstatement: files + digests\nkey_id, signature", "#f2f2f2", 2.8, 1.1
    )
    _box(ax, 8.4, 3.0, "consumer\ntrust store:\n{key_id: pinned key}", "#dbe9f6", 2.6, 1.1)
    _box(ax, 4.0, 0.6, "attacker\nchanges fit.json,\nsigns with own key", "#fcbba1", 2.6, 1.1)
    _box(
        ax,
        8.4,
        0.6,
        "refused: unknown key\n(or bad signature under\nthe pinned key)",
        "#fee0d2",
        2.8,
        1.1,
    )
    _arrow(ax, (1.2, 3.0), (2.6, 3.0), "sign canonical bytes")
    _arrow(ax, (5.4, 3.0), (7.1, 3.0), "verify with the PINNED key")
    _arrow(ax, (4.0, 1.15), (4.0, 2.45), "replaces", colour="#cb181d", offset=(0.55, -0.1))
    _arrow(ax, (8.4, 2.45), (8.4, 1.15), "forged envelope", colour="#cb181d", offset=(0.8, -0.1))
    ax.add_patch(FancyArrowPatch((0.0, 3.6), (8.4, 3.6), arrowstyle="-|>", mutation_scale=13,
                                 linewidth=1.3, color="#31a354",
                                 connectionstyle="arc3,rad=-0.12"))  # fmt: skip
    ax.text(4.2, 4.25, "public key, once, out of band (reviewed repository file, TLS page)",
            ha="center", fontsize=8, color="#31a354")  # fmt: skip
    ax.set_xlim(-1.5, 10.0)
    ax.set_ylim(-0.2, 4.6)
    ax.axis("off")
    ax.set_title("Signing pipeline outputs: the key decides, not the envelope", fontsize=11)
    fig.tight_layout()
    fig.savefig(OUT / "signing-flow.png", dpi=150)
    plt.close(fig)


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def name_distances() -> None:
    names = popular_packages()
    nearest = [min(_levenshtein(a, b) for b in names if b != a) for a in names]
    counts = Counter(nearest)
    fig, ax = plt.subplots(figsize=(7, 3.8))
    xs = sorted(counts)
    ax.bar(xs, [counts[x] for x in xs], color="#6baed6", edgecolor="black")
    ax.axvspan(
        0.5, 2.5, color="#fcbba1", alpha=0.4, label="within the squat thresholds (1-2 edits)"
    )
    ax.set_xlabel("edit distance to the nearest other popular name (Levenshtein)")
    ax.set_ylabel("number of popular names")
    ax.set_title(
        f"{len(names)} popular names: many legitimate neighbours are 1-2 edits apart", fontsize=10
    )
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "name-distances.png", dpi=150)
    plt.close(fig)


def deflate_ratio() -> None:
    sizes = [2**k for k in range(10, 27)]
    ratios = [n / len(zlib.compress(bytes(n), 9)) for n in sizes]
    fig, ax = plt.subplots(figsize=(7, 3.8))
    ax.semilogx(sizes, ratios, "o-", color="#08519c", label="zlib level 9, measured")
    ax.axhline(1032, color="#cb181d", linestyle="--", label="DEFLATE limit, about 1032:1")
    ax.set_xlabel("uncompressed size of a run of zero bytes (bytes)")
    ax.set_ylabel("compression ratio")
    ax.set_title("One compressed megabyte can hold a gigabyte of zeros", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "deflate-ratio.png", dpi=150)
    plt.close(fig)


def _entropy(text: str) -> float:
    return -sum(n / len(text) * math.log2(n / len(text)) for n in Counter(text).values())


def entropy() -> None:
    rng = random.Random(5)
    alphabet = string.ascii_letters + string.digits
    groups = {
        "popular package names": [_entropy(n) for n in popular_packages() if len(n) >= 8],
        "SHA-256 hex digests": [_entropy(rng.randbytes(32).hex()) for _ in range(300)],
        "random 32-char tokens": [
            _entropy("".join(rng.choice(alphabet) for _ in range(32))) for _ in range(300)
        ],
    }
    fig, ax = plt.subplots(figsize=(7, 3.8))
    bins = [x / 10 for x in range(15, 55)]
    for (label, values), colour in zip(
        groups.items(), ["#74c476", "#fd8d3c", "#6baed6"], strict=True
    ):
        ax.hist(values, bins=bins, alpha=0.7, label=label, color=colour, edgecolor="black")
    ax.axvline(3.0, color="#cb181d", linestyle="--", label="exercise 5 threshold (3 bits/char)")
    ax.set_xlabel("Shannon entropy (bits per character)")
    ax.set_ylabel("count")
    ax.set_title("Digests look as random as secrets: entropy needs context", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "entropy.png", dpi=150)
    plt.close(fig)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for draw in (merkle_tree, signing_flow, name_distances, deflate_ratio, entropy):
        draw()
        print("wrote", draw.__name__)


if __name__ == "__main__":
    main()
