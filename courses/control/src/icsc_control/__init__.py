"""Keeping Things Stable: feedback control of the inverted pendulum (iCSC 2026).

The course library holds the cart-pole physics shared with Gymnasium's ``CartPole-v1``
(:mod:`icsc_control.physics`), a continuous-force Gymnasium environment
(:mod:`icsc_control.envs`, registered as ``icsc_control/ContinuousCartPole-v0`` when this
package is imported), a seeded "hardware-like" plant (:mod:`icsc_control.plant`), the
evaluation harness and its metrics (:mod:`icsc_control.evaluation`,
:mod:`icsc_control.metrics`) and the competition scorer (:mod:`icsc_control.competition`).
"""

from icsc_control.envs import register_envs
from icsc_kit import Course, Exercise

register_envs()

COURSE = Course(
    slug="control",
    title="Keeping Things Stable: How Controllers Tackle Complexity in Modern Physics",
    presenters=("Alexander Bohmer",),
    lecture_hours=2,
    exercise_hours=1,
    package=__name__,
    summary=(
        "Feedback control on the inverted pendulum: PID, state space and LQR, MPC and a "
        "learning controller, ending in a competition on hidden hardware-like plants."
    ),
    exercises=(
        Exercise("ex01_pid", "A discrete PID controller with anti-windup", minutes=15),
        Exercise("ex02_tuning", "Tune a cascade PID for the pendulum", minutes=15),
        Exercise("ex03_lqr", "LQR from the linearised cart-pole", minutes=15),
        Exercise("ex04_mpc", "A short-horizon MPC (optional)", minutes=15, optional=True),
        Exercise("ex05_learning", "Cross-entropy method on CartPole-v1", minutes=10),
        Exercise("ex06_competition", "Your competition controller", minutes=10),
    ),
)

__all__ = ["COURSE"]
