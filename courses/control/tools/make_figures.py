"""Draw every figure of the control lecture notes into src/icsc_control/lecture/figures/.

Run from the repository root (matplotlib is an optional dependency of the course):

    uv run --with matplotlib python courses/control/tools/make_figures.py

The controllers are the reference solutions in ``courses/control/solutions`` (this script
never ships), the plants and metrics are the course library's. Deterministic: fixed seeds.
Diagrams are written as SVG (their source) and PNG; plots as PNG.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import scipy.signal
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

COURSE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(COURSE / "solutions"))

from ex01_pid import PID
from ex02_tuning import make_controller as make_cascade
from ex03_lqr import LQRController, linearise, lqr_gain
from ex04_mpc import MPCController
from ex05_learning import episode_return, policy_action, train_cem

from icsc_control.envs import ContinuousCartPoleEnv
from icsc_control.evaluation import run_episode
from icsc_control.physics import CartPoleParams
from icsc_control.plant import HardwareCartPoleEnv, PlantConfig
from icsc_control.plotting import plot_episodes

OUT = COURSE / "src" / "icsc_control" / "lecture" / "figures"
Q = np.diag([1.0, 1.0, 10.0, 1.0])
R = np.array([[0.1]])
mpl.rcParams.update({"figure.dpi": 110, "savefig.dpi": 110, "font.size": 9})


def save(figure, name: str, svg: bool = False) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    # Fixed metadata so that re-running the script gives byte-identical files.
    figure.savefig(OUT / f"{name}.png", bbox_inches="tight", metadata={"Software": None})
    if svg:
        figure.savefig(OUT / f"{name}.svg", bbox_inches="tight", metadata={"Date": None})
        mpl.rcParams["svg.hashsalt"] = "icsc-control"
    plt.close(figure)
    print(f"wrote {name}")


def box(ax, xy, text, width=1.6, height=0.7, color="#dbe9f6"):
    x, y = xy
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.05",
            fc=color,
            ec="k",
        )
    )
    ax.text(x, y, text, ha="center", va="center")


def arrow(ax, start, end, text="", offset=(0, 0.18)):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, lw=1.2))
    if text:
        ax.text(
            (start[0] + end[0]) / 2 + offset[0],
            (start[1] + end[1]) / 2 + offset[1],
            text,
            ha="center",
            fontsize=8,
        )


def feedback_loop() -> None:
    figure, ax = plt.subplots(figsize=(8, 2.8))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 3.2)
    ax.axis("off")
    ax.add_patch(plt.Circle((1.3, 2.2), 0.18, fc="w", ec="k"))
    ax.text(1.3, 2.2, "Σ", ha="center", va="center")
    arrow(ax, (0.1, 2.2), (1.12, 2.2), "setpoint r")
    box(ax, (3.0, 2.2), "controller\n(PID, LQR, MPC, policy)", width=2.2)
    box(ax, (5.8, 2.2), "actuator\n(limits, rate, delay)", width=1.9, color="#f6e3db")
    box(ax, (8.3, 2.2), "plant\n(cart-pole)", width=1.6, color="#e3f6db")
    box(ax, (5.8, 0.6), "sensor\n(noise, sampling)", width=1.9, color="#f6f3db")
    arrow(ax, (1.48, 2.2), (1.9, 2.2), "e")
    arrow(ax, (4.1, 2.2), (4.85, 2.2), "u")
    arrow(ax, (6.75, 2.2), (7.5, 2.2), "force")
    ax.plot([9.1, 9.6, 9.6], [2.2, 2.2, 0.6], "k", lw=1.2)
    arrow(ax, (9.6, 0.6), (6.75, 0.6), "state x")
    ax.plot([4.85, 1.3], [0.6, 0.6], "k", lw=1.2)
    arrow(ax, (1.3, 0.6), (1.3, 2.02), "y", offset=(-0.2, 0))
    ax.text(1.05, 1.85, "−", fontsize=12)  # noqa: RUF001  (a real minus sign)
    ax.text(
        5.0,
        3.0,
        "one control period: measure → compute → actuate, every Δt",
        ha="center",
        style="italic",
    )
    save(figure, "feedback_loop", svg=True)


def cartpole_sketch() -> None:
    figure, ax = plt.subplots(figsize=(4.5, 3.2))
    ax.set_xlim(-1.6, 1.8)
    ax.set_ylim(-0.5, 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.plot([-1.6, 1.8], [-0.25, -0.25], color="grey")
    ax.add_patch(
        FancyBboxPatch((-0.4, -0.2), 0.8, 0.3, boxstyle="round,pad=0.02", fc="#9ecae1", ec="k")
    )
    theta = 0.35
    top = (1.0 * np.sin(theta), 0.1 + 1.0 * np.cos(theta))
    ax.plot([0, top[0]], [0.1, top[1]], lw=5, color="tab:orange", solid_capstyle="round")
    ax.plot([0, 0], [0.1, 1.15], "k--", lw=0.8)
    arc = np.linspace(0, theta, 30)
    ax.plot(0.55 * np.sin(arc), 0.1 + 0.55 * np.cos(arc), "k", lw=0.8)
    ax.text(0.12, 0.72, "θ", fontsize=12)
    arrow(ax, (-1.3, -0.05), (-0.42, -0.05))
    ax.text(-0.9, 0.05, "F", fontsize=12)
    arrow(ax, (0.5, -0.4), (1.1, -0.4))
    ax.text(1.15, -0.43, "x", fontsize=12)
    ax.text(top[0] + 0.05, top[1] - 0.35, "pole: m, 2l", fontsize=8)
    ax.text(-0.35, -0.45, "cart: M", fontsize=8)
    save(figure, "cartpole_sketch", svg=True)


def third_order_plant(dt: float):
    """1 / (s + 1)^3 as an exactly (ZOH) discretised state-space model."""
    a, b, c, d = scipy.signal.tf2ss([1.0], np.polymul(np.polymul([1, 1], [1, 1]), [1, 1]))
    ad, bd, cd, _, _ = scipy.signal.cont2discrete((a, b, c, d), dt)
    return ad, bd[:, 0], cd[0]


def pid_terms() -> None:
    dt, steps = 0.01, 2000
    ad, bd, cd = third_order_plant(dt)
    t = np.arange(steps) * dt
    figure, ax = plt.subplots(figsize=(7, 3.4))
    # Gains for 1/(s+1)^3: P alone leaves 1/(1+kp) error; I removes it; D adds damping.
    for label, gains in (
        ("P   (kp=2)", (2.0, 0.0, 0.0)),
        ("PI  (kp=2, ki=0.8)", (2.0, 0.8, 0.0)),
        ("PID (kp=2.5, ki=1, kd=1.5)", (2.5, 1.0, 1.5)),
    ):
        pid, x, ys = PID(*gains, dt=dt), np.zeros(3), []
        for _ in t:
            y = float(cd @ x)
            ys.append(y)
            x = ad @ x + bd * pid.update(1.0, y)
        ax.plot(t, ys, label=label)
    ax.axhline(1.0, color="k", ls="--", lw=0.8)
    ax.set_xlabel("time [s]")
    ax.set_ylabel("output y")
    ax.set_title("Unit setpoint step on the plant 1/(s+1)³")
    ax.legend()
    ax.grid(alpha=0.3)
    save(figure, "pid_terms")


def windup() -> None:
    dt, steps = 0.01, 1500
    a = np.exp(-dt / 1.0)
    t = np.arange(steps) * dt
    figure, axes = plt.subplots(2, 1, figsize=(7, 4.5), sharex=True)
    for label, limits in (("no anti-windup", None), ("with anti-windup", (-1.2, 1.2))):
        pid = PID(1.0, 3.0, 0.0, dt=dt, output_limits=limits or (-np.inf, np.inf))
        y, ys, us = 0.0, [], []
        for k in t:
            r = 1.0 if k < 8 else 0.3
            u = min(max(pid.update(r, y), -1.2), 1.2)  # the actuator saturates at +-1.2 either way
            y = a * y + (1 - a) * u
            ys.append(y)
            us.append(u)
        axes[0].plot(t, ys, label=label)
        axes[1].plot(t, us, label=label)
    axes[0].plot(t, np.where(t < 8, 1.0, 0.3), "k--", lw=0.8, label="setpoint")
    axes[0].set_ylabel("output y")
    axes[1].set_ylabel("actuator u")
    axes[1].set_xlabel("time [s]")
    axes[0].set_title(
        "PI on 1/(s+1) with an actuator limit of 1.2 (setpoint 1 is barely reachable)"
    )
    axes[0].legend(fontsize=8)
    for ax in axes:
        ax.grid(alpha=0.3)
    save(figure, "windup")


def pole_map() -> None:
    a, b = linearise(CartPoleParams())
    figure, ax = plt.subplots(figsize=(6, 4))
    open_loop = np.linalg.eigvals(a)
    ax.plot(open_loop.real, open_loop.imag, "kx", ms=10, mew=2, label="open loop (no control)")
    for r, marker in ((10.0, "o"), (1.0, "s"), (0.1, "^"), (0.01, "D")):
        closed = np.linalg.eigvals(a - b @ lqr_gain(a, b, Q, np.array([[r]])))
        ax.plot(closed.real, closed.imag, marker, ms=6, mfc="none", label=f"LQR, R = {r:g}")
    ax.axvline(0, color="k", lw=0.8)
    ax.axvspan(0, 6, color="tab:red", alpha=0.08)
    ax.text(1.0, 3.2, "unstable half-plane", color="tab:red")
    ax.set_xlabel("Re(λ) [1/s]")
    ax.set_ylabel("Im(λ) [1/s]")
    ax.set_title("Poles of the linearised cart-pole, Q = diag(1, 1, 10, 1)")
    ax.legend(fontsize=8, loc="lower left")
    ax.grid(alpha=0.3)
    save(figure, "pole_map")


def delay() -> None:
    controller = LQRController(CartPoleParams(), Q, R)
    episodes, labels = [], []
    for steps in (0, 2, 4, 6):
        env = HardwareCartPoleEnv(PlantConfig(delay_steps=steps))
        episodes.append(
            run_episode(controller, env, steps=250, initial_state=np.array([0, 0, 0.1, 0]))
        )
        labels.append(f"delay {steps} x 20 ms" + ("  (falls)" if episodes[-1].failed else ""))
    figure = plot_episodes(episodes, labels, title="The same LQR gain with a growing control delay")
    save(figure, "delay")


def comparison() -> None:
    params = CartPoleParams()
    start = np.array([0.0, 0.0, 0.1, 0.0])
    a, b = linearise(params)
    rng_seed = 0
    cem = train_cem(episode_return, seed=rng_seed)

    def learned(observation, _setpoint):
        return 10.0 if policy_action(cem, observation) else -10.0

    controllers = {
        "cascade PID (ex02)": make_cascade(PID),
        "LQR (ex03)": LQRController(params, Q, R),
        "MPC, N=20 (ex04)": MPCController(a, b, Q, R, horizon=20),
        "CEM policy, ±10 N (ex05)": learned,
    }
    episodes = [
        run_episode(c, ContinuousCartPoleEnv(params), steps=300, initial_state=start)
        for c in controllers.values()
    ]
    figure = plot_episodes(
        episodes, list(controllers), title="From a 0.1 rad tilt, nominal cart-pole, no noise"
    )
    save(figure, "comparison")


def main() -> None:
    feedback_loop()
    cartpole_sketch()
    pid_terms()
    windup()
    pole_map()
    delay()
    comparison()


if __name__ == "__main__":
    main()
