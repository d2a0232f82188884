"""Draw the commit-graph diagrams of the git-practice lecture notes.

Run from the repository root (matplotlib is a maintainer tool, not a course dependency)::

    uv run --with matplotlib python courses/git-practice/tools/make_figures.py

Every figure is written twice into ``src/icsc_git_practice/lecture/figures/``: as SVG
(the editable source) and as PNG (what the notes embed). Commits are circles, arrows point
from a commit to its parent (the direction git stores them), refs are labelled boxes.
The SVG output is made reproducible by fixing matplotlib's hash salt and dropping the date.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
mpl.rcParams["svg.hashsalt"] = "icsc-git-practice"
mpl.rcParams["font.family"] = "DejaVu Sans"
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

OUT = Path(__file__).resolve().parents[1] / "src" / "icsc_git_practice" / "lecture" / "figures"

BLUE, ORANGE, GREEN, GREY, RED, PURPLE = (
    "#4C78A8",
    "#F58518",
    "#54A24B",
    "#9D9D9D",
    "#E45756",
    "#B279A2",
)
R = 0.28  # commit radius in data units


def canvas(width: float, height: float, xlim: tuple[float, float], ylim: tuple[float, float]):
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def commit(ax, x, y, label, color=BLUE, dashed=False, text_color="white"):
    circle = plt.Circle(
        (x, y), R, color=color, zorder=3, ec="black", lw=1.0, ls="--" if dashed else "-"
    )
    ax.add_patch(circle)
    size = 9 if len(label) <= 2 else 7 if len(label) <= 4 else 6
    ax.text(
        x,
        y,
        label,
        ha="center",
        va="center",
        fontsize=size,
        color=text_color,
        zorder=4,
        weight="bold",
    )


def parent(ax, child, par, color="black", style="-"):
    """Arrow from ``child`` (x, y) to ``par`` (x, y), stopping at the circles' edges."""
    (x1, y1), (x2, y2) = child, par
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    dx, dy = (x2 - x1) / length, (y2 - y1) / length
    ax.annotate(
        "",
        xy=(x2 - dx * R, y2 - dy * R),
        xytext=(x1 + dx * R, y1 + dy * R),
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "lw": 1.2,
            "linestyle": style,
            "shrinkA": 0,
            "shrinkB": 0,
        },
        zorder=2,
    )


def ref(ax, x, y, name, color="#FFFFFF", edge="black", fontsize=8.5):
    ax.text(
        x,
        y,
        name,
        ha="center",
        va="center",
        fontsize=fontsize,
        zorder=5,
        family="DejaVu Sans Mono",
        bbox={"boxstyle": "round,pad=0.25", "fc": color, "ec": edge, "lw": 0.9},
    )


def title(ax, x, y, text, size=10.5):
    ax.text(x, y, text, ha="left", va="center", fontsize=size, weight="bold")


def note(ax, x, y, text, size=8.5, color="black", ha="left"):
    ax.text(x, y, text, ha=ha, va="center", fontsize=size, color=color)


def chain(ax, points, labels, color=BLUE, first_parent=None):
    for (x, y), label in zip(points, labels, strict=True):
        commit(ax, x, y, label, color)
    if first_parent is not None:
        parent(ax, points[0], first_parent)
    for child, par in zip(points[1:], points[:-1], strict=True):
        parent(ax, child, par)


def save(fig, name):
    OUT.mkdir(parents=True, exist_ok=True)
    fig.savefig(OUT / f"{name}.svg", bbox_inches="tight", metadata={"Date": None})
    fig.savefig(OUT / f"{name}.png", bbox_inches="tight", dpi=150)
    plt.close(fig)


def object_model():
    fig, ax = canvas(8.5, 4.2, (-0.5, 11), (-0.6, 5.0))
    # commits
    for x, label, color in ((1, "c1", GREY), (4, "c2", BLUE)):
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.8, 3.2), 1.6, 1.1, boxstyle="round,pad=0.05", fc=color, ec="black"
            )
        )
        note(ax, x, 3.95, f"commit {label}", 9, "white", "center")
        note(ax, x, 3.55, "tree, parent,\nauthor, message", 7, "white", "center")
    ax.annotate(
        "", xy=(1.85, 3.75), xytext=(3.15, 3.75), arrowprops={"arrowstyle": "-|>", "lw": 1.2}
    )
    note(ax, 2.5, 4.05, "parent", 8, ha="center")
    # tree of c2
    ax.add_patch(
        FancyBboxPatch((3.4, 1.6), 1.2, 0.8, boxstyle="round,pad=0.05", fc=GREEN, ec="black")
    )
    note(ax, 4, 2.0, "tree", 9, "white", "center")
    ax.annotate("", xy=(4, 2.45), xytext=(4, 3.15), arrowprops={"arrowstyle": "<|-", "lw": 1.2})
    for x, label, color in (
        (2.2, "blob\nREADME.md", ORANGE),
        (4.0, "tree\nsrc/", GREEN),
        (5.8, "blob\nLICENSE", ORANGE),
    ):
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.65, -0.1), 1.3, 0.9, boxstyle="round,pad=0.05", fc=color, ec="black"
            )
        )
        note(ax, x, 0.35, label, 7.5, "white", "center")
        ax.annotate("", xy=(x, 0.85), xytext=(4, 1.55), arrowprops={"arrowstyle": "-|>", "lw": 1.0})
    # refs
    ref(ax, 7.4, 3.75, "refs/heads/main", "#FFF4CC")
    ax.annotate(
        "", xy=(4.85, 3.75), xytext=(6.2, 3.75), arrowprops={"arrowstyle": "-|>", "lw": 1.2}
    )
    ref(ax, 7.4, 4.6, "HEAD", "#FFE0E0")
    ax.annotate("", xy=(7.4, 4.0), xytext=(7.4, 4.4), arrowprops={"arrowstyle": "-|>", "lw": 1.2})
    ref(ax, 7.4, 2.7, "refs/tags/v1.0", "#E8F0FF")
    ax.annotate(
        "",
        xy=(1.85, 3.45),
        xytext=(6.3, 2.7),
        arrowprops={"arrowstyle": "-|>", "lw": 1.0, "color": GREY},
    )
    note(
        ax,
        7.0,
        1.5,
        "Objects are named by the hash\nof their content: change one\nbyte of LICENSE and the blob,\nthe trees and the commit all\nget new names.",
        8,
    )
    save(fig, "object-model")


def merge_vs_rebase():
    fig, ax = canvas(10, 3.6, (-0.5, 19.5), (-1.2, 4.2))
    base = [(0.5, 1), (1.5, 1)]
    for offset, heading in (
        (0, "diverged"),
        (6.5, "git merge feature"),
        (13, "git rebase main (on feature)"),
    ):
        title(ax, offset + 0.1, 3.7, heading)
        chain(ax, [(offset + x, y) for x, y in base], ["A", "B"])
    # diverged
    chain(ax, [(2.7, 1)], ["C"], first_parent=(1.5, 1))
    chain(ax, [(2.7, 2.3), (3.9, 2.3)], ["D", "E"], ORANGE, first_parent=(1.5, 1))
    ref(ax, 3.6, 0.1, "main")
    ref(ax, 5.0, 2.3, "feature")
    # merge
    o = 6.5
    chain(ax, [(o + 2.7, 1)], ["C"], first_parent=(o + 1.5, 1))
    chain(ax, [(o + 2.7, 2.3), (o + 3.9, 2.3)], ["D", "E"], ORANGE, first_parent=(o + 1.5, 1))
    commit(ax, o + 4.4, 1, "M", PURPLE)
    parent(ax, (o + 4.4, 1), (o + 2.7, 1))
    parent(ax, (o + 4.4, 1), (o + 3.9, 2.3))
    ref(ax, o + 4.4, 0.1, "main")
    note(ax, o + 0.1, -0.8, "history kept as it happened;\nM has two parents", 8)
    # rebase
    o = 13
    chain(ax, [(o + 2.7, 1)], ["C"], first_parent=(o + 1.5, 1))
    chain(ax, [(o + 3.9, 1), (o + 5.1, 1)], ["D'", "E'"], ORANGE, first_parent=(o + 2.7, 1))
    commit(ax, o + 2.7, 2.3, "D", GREY, dashed=True)
    commit(ax, o + 3.9, 2.3, "E", GREY, dashed=True)
    parent(ax, (o + 2.7, 2.3), (o + 1.5, 1), GREY, "--")
    parent(ax, (o + 3.9, 2.3), (o + 2.7, 2.3), GREY, "--")
    ref(ax, o + 2.7, 0.1, "main")
    ref(ax, o + 5.1, 0.1, "feature")
    note(ax, o + 0.1, -0.8, "new commits D', E' (new hashes);\nD, E only in the reflog", 8)
    save(fig, "merge-vs-rebase")


def workflows():
    fig, ax = canvas(10, 6.6, (-0.5, 19.5), (-0.8, 12.8))
    # feature branches / merge requests
    title(ax, 0, 12.4, "Feature branches + merge requests")
    main = [(x, 10) for x in (0.5, 3.5, 7.5, 11.5, 15.5)]
    chain(ax, main, ["", "M1", "M2", "M3", ""])
    for start, end, label in ((0.5, 3.5, "feat/a"), (3.5, 7.5, "feat/b"), (7.5, 11.5, "fix/c")):
        pts = [(start + 1.2, 11), (start + 2.2, 11)]
        chain(ax, pts, ["", ""], ORANGE, first_parent=(start, 10))
        parent(ax, (end, 10), pts[-1])
        note(ax, start + 1.7, 11.55, label, 7.5, ha="center")
    ref(ax, 17.2, 10, "main")
    # git-flow
    title(ax, 0, 8.8, "git-flow (Driessen 2010)")
    lanes = {"main": 7.7, "hotfix": 6.9, "release": 6.1, "develop": 5.3, "feature": 4.5}
    for name, y in lanes.items():
        note(ax, 19.3, y, name, 8, ha="right")
    chain(ax, [(0.5, 7.7), (9.5, 7.7), (13.5, 7.7)], ["", "", ""], RED)
    for x, tag in ((0.5, "v1.0"), (9.5, "v1.1"), (13.5, "v1.1.1")):
        note(ax, x, 8.2, tag, 7.5, ha="center")
    chain(ax, [(1.5, 5.3), (4.5, 5.3), (7.0, 5.3), (11.0, 5.3), (15.0, 5.3)], ["", "", "", "", ""])
    parent(ax, (1.5, 5.3), (0.5, 7.7))
    chain(ax, [(2.5, 4.5), (3.5, 4.5)], ["", ""], ORANGE, first_parent=(1.5, 5.3))
    parent(ax, (4.5, 5.3), (3.5, 4.5))
    chain(ax, [(8.0, 6.1), (9.0, 6.1)], ["", ""], GREEN, first_parent=(7.0, 5.3))
    parent(ax, (9.5, 7.7), (9.0, 6.1))
    parent(ax, (11.0, 5.3), (9.0, 6.1))
    chain(ax, [(12.5, 6.9)], [""], PURPLE, first_parent=(9.5, 7.7))
    parent(ax, (13.5, 7.7), (12.5, 6.9))
    parent(ax, (15.0, 5.3), (12.5, 6.9))
    # trunk-based
    title(ax, 0, 3.3, "Trunk-based development + release branch")
    trunk = [(x, 1.6) for x in (0.5, 2.0, 3.5, 5.0, 6.5, 8.0, 9.5, 11.0, 12.5, 14.0, 15.5)]
    chain(ax, trunk, ["", "", "", "", "", "", "", "fix", "", "", ""])
    commit(ax, 11.0, 1.6, "fix", RED)
    for start in (2.0, 8.0):
        chain(ax, [(start + 0.75, 2.55)], [""], ORANGE, first_parent=(start, 1.6))
        parent(ax, (start + 1.5, 1.6), (start + 0.75, 2.55))
    ref(ax, 17.2, 1.6, "main")
    chain(ax, [(6.5, 0.1), (12.5, 0.1)], ["1.0", "fix'"], GREEN)
    parent(ax, (6.5, 0.1), (5.0, 1.6))
    commit(ax, 12.5, 0.1, "fix'", RED)
    ax.annotate("", xy=(12.3, 0.35), xytext=(11.2, 1.35),
                arrowprops={"arrowstyle": "-|>", "lw": 1.0, "ls": "--", "color": RED})  # fmt: skip
    note(ax, 11.9, 0.9, "cherry-pick -x", 7.5, RED)
    ref(ax, 14.8, 0.1, "release/1.0")
    save(fig, "workflows")


def reset_modes():
    fig, ax = canvas(9, 3.8, (-0.5, 17.5), (-1.2, 6.0))
    chain(ax, [(0.8, 4.6), (2.3, 4.6), (3.8, 4.6)], ["A", "B", "C"])
    ref(ax, 3.8, 5.5, "main (HEAD)")
    note(ax, 5.0, 4.6, "git reset <mode> A  moves main from C back to A, then:", 9)
    columns = {"HEAD / branch": 6.8, "index (staging)": 10.4, "work tree (files)": 14.0}
    for label, x in columns.items():
        note(ax, x, 3.3, label, 9, ha="center")
    rows = {"--soft": 2.3, "--mixed (default)": 1.2, "--hard": 0.1}
    table = {
        "--soft": ("A", "as C: B+C staged", "as C"),
        "--mixed (default)": ("A", "A", "as C: B+C unstaged"),
        "--hard": ("A", "A", "A: B+C changes gone*"),
    }
    for mode, y in rows.items():
        ref(ax, 1.8, y, mode, "#FFF4CC")
        for (label, x), value in zip(columns.items(), table[mode], strict=True):
            color = "#E6F2E6" if value == "A" else "#FDEBD3"
            ref(ax, x, y, value, color, fontsize=8)
            del label
    note(
        ax,
        0,
        -0.9,
        "* committed work is still reachable through the reflog (main@{1}); uncommitted edits are not.",
        8,
    )
    save(fig, "reset-modes")


def bisect():
    fig, ax = canvas(10, 3.3, (-0.8, 17.2), (-2.3, 3.2))
    n, bad_from = 16, 11
    for i in range(n):
        color = GREEN if i < bad_from else RED
        commit(ax, i, 1.2, "", color)
        if i:
            parent(ax, (i, 1.2), (i - 1, 1.2))
    ref(ax, 0, 2.2, "good")
    ref(ax, n - 1, 2.2, "bad")
    # Binary search over the 15 candidates 1..15: test 8 (good), 12 (bad), 10 (good), 11 (bad).
    steps = [(8, "1: good"), (12, "2: bad"), (10, "3: good"), (11, "4: bad -> first bad")]
    for k, (i, text) in enumerate(steps):
        ax.annotate("", xy=(i, 0.85), xytext=(i, 0.0 - 0.42 * k),
                    arrowprops={"arrowstyle": "-|>", "lw": 0.9, "color": "black"})  # fmt: skip
        note(ax, i + 0.15, -0.05 - 0.42 * k, text, 8)
    note(
        ax,
        -0.6,
        -2.0,
        "15 candidates need at most ceil(log2 15) = 4 test runs; a linear scan needs up to 15.",
        8.5,
    )
    save(fig, "bisect")


def clean_history():
    fig, ax = canvas(10, 3.8, (-0.5, 20), (-1.4, 4.6))
    title(ax, 0, 4.2, "before: feature/median as it was written")
    chain(ax, [(0.5, 2.5), (1.5, 2.5)], ["m0", "m1"], GREY)
    labels = ["add.", "wip", "dbg", "fx!", "WIP", "test", "", "rev", "doc."]
    colors = [BLUE, ORANGE, RED, BLUE, ORANGE, ORANGE, PURPLE, RED, GREEN]
    xs = [2.7 + 1.2 * i for i in range(9)]
    for i, (x, label, color) in enumerate(zip(xs, labels, colors, strict=True)):
        commit(ax, x, 3.3, label, color)
        parent(ax, (x, 3.3), (xs[i - 1], 3.3) if i else (1.5, 2.5))
    commit(ax, 9.0, 2.5, "m2", GREY)
    parent(ax, (9.0, 2.5), (1.5, 2.5))
    parent(ax, (xs[6], 3.3), (9.0, 2.5))
    note(ax, xs[6], 3.85, "merge", 7.5, ha="center")
    title(ax, 0, 1.0, "after: three commits on top of main, same final tree")
    chain(ax, [(0.5, -0.5), (1.5, -0.5), (2.7, -0.5)], ["m0", "m1", "m2"], GREY)
    chain(
        ax,
        [(4.2, -0.5), (5.7, -0.5), (7.2, -0.5)],
        ["Add", "Test", "Doc"],
        BLUE,
        first_parent=(2.7, -0.5),
    )
    note(ax, 8.2, -0.5, "Add median (+ its fixup) · Test median (+ 2 wip) · Document median;\n"
         "debug print and its revert cancel out; the merge is not needed.", 8)  # fmt: skip
    save(fig, "clean-history")


def cherry_pick():
    fig, ax = canvas(9, 2.8, (-0.5, 17.5), (-1.0, 3.0))
    xs = [0.5, 1.8, 3.1, 4.4, 5.7, 7.0, 8.3, 9.6, 10.9]
    labels = ["", "1.0", "W", "F1", "G", "C", "F2", "dev", ""]
    colors = [BLUE, BLUE, ORANGE, RED, ORANGE, ORANGE, RED, ORANGE, BLUE]
    for i, (x, label, color) in enumerate(zip(xs, labels, colors, strict=True)):
        commit(ax, x, 1.8, label, color)
        if i:
            parent(ax, (x, 1.8), (xs[i - 1], 1.8))
    ref(ax, 12.3, 1.8, "main")
    chain(
        ax,
        [(3.1, 0.0), (6.3, 0.0), (7.6, 0.0)],
        ["R1", "F1'", "F2'"],
        GREEN,
        first_parent=(1.8, 1.8),
    )
    commit(ax, 6.3, 0.0, "F1'", RED)
    commit(ax, 7.6, 0.0, "F2'", RED)
    for src, dst in (((4.4, 1.8), (6.3, 0.0)), ((8.3, 1.8), (7.6, 0.0))):
        ax.annotate("", xy=(dst[0], dst[1] + 0.3), xytext=(src[0], src[1] - 0.3),
                    arrowprops={"arrowstyle": "-|>", "lw": 1.0, "ls": "--", "color": RED})  # fmt: skip
    ref(ax, 9.4, 0.0, "release/1.0")
    note(
        ax,
        0,
        -0.8,
        "Only the commits with 'Fixes: BUG-n' are copied; W, G, C and dev stay on main.",
        8.5,
    )
    save(fig, "cherry-pick")


if __name__ == "__main__":
    for draw in (
        object_model,
        merge_vs_rebase,
        workflows,
        reset_modes,
        bisect,
        clean_history,
        cherry_pick,
    ):
        draw()
        print(f"drew {draw.__name__}")
