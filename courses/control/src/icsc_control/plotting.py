"""Plots and an animation of cart-pole episodes.

Needs matplotlib: ``pip install "icsc-control[figures]"``.

Used by the notebook and by ``tools/make_figures.py``. matplotlib is imported inside the
functions, so the rest of the course works without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from icsc_control.evaluation import Episode
from icsc_control.physics import CartPoleParams


def plot_episodes(episodes: Sequence[Episode], labels: Sequence[str], *, title: str = "") -> Any:
    """Cart position (with setpoint), pole angle and force against time; returns the figure."""
    import matplotlib.pyplot as plt  # noqa: PLC0415  (optional dependency)

    if len(episodes) != len(labels):
        msg = "need one label per episode"
        raise ValueError(msg)
    figure, axes = plt.subplots(3, 1, figsize=(7.5, 6.5), sharex=True)
    for episode, label in zip(episodes, labels, strict=True):
        (line,) = axes[0].plot(episode.times, episode.states[:, 0], label=label)
        axes[1].plot(episode.times, np.degrees(episode.states[:, 2]), color=line.get_color())
        axes[2].step(
            episode.times[:-1], episode.forces, where="post", color=line.get_color(), lw=0.9
        )
    axes[0].plot(episodes[0].times, episodes[0].setpoints, "k--", lw=0.8, label="setpoint")
    axes[0].set_ylabel("cart x [m]")
    axes[1].set_ylabel("pole angle [deg]")
    axes[2].set_ylabel("force [N]")
    axes[2].set_xlabel("time [s]")
    axes[0].legend(loc="best", fontsize=8)
    for ax in axes:
        ax.grid(alpha=0.3)
    if title:
        axes[0].set_title(title)
    figure.tight_layout()
    return figure


def draw_cartpole(ax: Any, state: np.ndarray, params: CartPoleParams | None = None) -> list[Any]:
    """Draw the cart and pole for ``state`` on ``ax``; returns the artists."""
    from matplotlib.patches import Rectangle  # noqa: PLC0415  (optional dependency)

    params = params or CartPoleParams()
    x, _, theta, _ = (float(v) for v in state)
    cart = Rectangle((x - 0.25, -0.1), 0.5, 0.2, color="tab:blue")
    ax.add_patch(cart)
    length = 2 * params.half_length
    (pole,) = ax.plot(
        [x, x + length * np.sin(theta)],
        [0.1, 0.1 + length * np.cos(theta)],
        lw=4,
        color="tab:orange",
    )
    return [cart, pole]


def animate(episode: Episode, params: CartPoleParams | None = None, every: int = 2) -> Any:
    """A matplotlib animation of the episode (show it in Jupyter with ``.to_jshtml()``)."""
    import matplotlib.pyplot as plt  # noqa: PLC0415  (optional dependency)
    from matplotlib.animation import FuncAnimation  # noqa: PLC0415

    figure, ax = plt.subplots(figsize=(7, 2.8))
    frames = range(0, len(episode.states), every)

    def update(index: int) -> list[Any]:
        ax.clear()
        ax.set_xlim(-2.4, 2.4)
        ax.set_ylim(-0.2, 1.3)
        ax.set_aspect("equal")
        ax.axhline(-0.1, color="grey", lw=1)
        ax.axvline(episode.setpoints[index], color="k", ls="--", lw=0.8)
        ax.set_title(f"t = {episode.times[index]:.2f} s")
        return draw_cartpole(ax, episode.states[index], params)

    animation = FuncAnimation(figure, update, frames=frames, interval=1000 * episode.dt * every)
    plt.close(figure)
    return animation
