"""The competition: rank submitted controllers on plants whose parameters students do not see.

Usage::

    python -m icsc_control.competition SUBMISSION... [--plants PLANTS.json] [--out board.csv]
    icsc-control-compete team_a.py team_b/ --plants hidden_plants.json --out leaderboard.csv

A SUBMISSION is a Python file that defines ``make_controller(dt)`` (exercise 6), or a folder
(a student workspace) holding ``ex06_competition.py`` at its top or in ``exercises/``. The
team name is the file stem or the folder name.

PLANTS.json is ``{"plants": [{"seed": 7, "config": {...PlantConfig fields...}}, ...]}``;
without ``--plants`` the public practice plants are used. Every team runs the same plants,
with the same seeds, on :data:`~icsc_control.tasks.COMPETITION_SETPOINT`.

Each submission runs in its own child process that only ever sees observations and only
ever returns numbers (JSON over a pipe, never pickles); the plant is simulated here. A
submission that crashes, hangs (per-step timeout), prints, exits or returns garbage loses
the rest of its runs and nothing else. Ranking: total upright time (descending), then mean
RMS cart deviation from the setpoint, then mean control effort (ascending).
Exit status: 0 on success, 2 on a usage error (bad path, bad plants file).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import math
import multiprocessing
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from icsc_control.evaluation import run_episode, summarise
from icsc_control.plant import HardwareCartPoleEnv, PlantConfig
from icsc_control.tasks import COMPETITION_SETPOINT, COMPETITION_STEPS, practice_plants

ENTRY_FILE = "ex06_competition.py"
CSV_COLUMNS = (
    "rank",
    "team",
    "upright_time_s",
    "max_upright_time_s",
    "rms_position_m",
    "control_effort_n2s",
    "mean_latency_ms",
    "deadline_misses",
    "status",
)


class SubmissionError(Exception):
    """The submission's process failed, timed out or answered nonsense."""


@dataclass(frozen=True)
class Plant:
    """One scored plant: its configuration and the seed of its initial state and noise."""

    config: PlantConfig
    seed: int


@dataclass
class Result:
    """One team's totals over all plants (see :data:`CSV_COLUMNS`)."""

    team: str
    upright_time: float = 0.0
    max_upright_time: float = 0.0
    rms_position: float = 0.0
    control_effort: float = 0.0
    latencies: list[float] = field(default_factory=list)
    deadline_misses: int = 0
    status: str = "ok"

    def sort_key(self) -> tuple[float, float, float, str]:
        return (-self.upright_time, self.rms_position, self.control_effort, self.team)

    @property
    def mean_latency_ms(self) -> float:
        return 1000.0 * float(np.mean(self.latencies)) if self.latencies else math.nan


# -- the child process: loads untrusted code, answers with numbers only --------------------
def _load_entry(path: str) -> Any:
    import importlib.util  # noqa: PLC0415  (only the child needs it)

    spec = importlib.util.spec_from_file_location("competition_entry", path)
    if spec is None or spec.loader is None:
        msg = f"cannot import {path}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules["competition_entry"] = module
    spec.loader.exec_module(module)
    return module


def _serve(conn: Connection, path: str, dt: float) -> None:
    """Child process main loop: JSON requests in, JSON answers out."""
    import os  # noqa: PLC0415

    devnull = open(os.devnull, "w")  # noqa: SIM115, PTH123  (lives as long as the child)
    sys.stdout = sys.stderr = devnull

    def answer(kind: str, value: Any = None) -> None:
        conn.send_bytes(json.dumps([kind, value]).encode())

    try:
        controller = _load_entry(path).make_controller(dt)
    except BaseException as error:  # noqa: BLE001  (report anything, even SystemExit)
        answer("error", f"make_controller failed: {type(error).__name__}: {error}")
        return
    answer("ready")
    while True:
        request = json.loads(conn.recv_bytes())
        try:
            if request[0] == "stop":
                return
            if request[0] == "reset":
                reset = getattr(controller, "reset", None)
                if callable(reset):
                    reset()
                answer("ok")
            else:
                observation = np.asarray(request[1], dtype=np.float64)
                force = np.asarray(controller(observation, float(request[2])), dtype=np.float64)
                if force.size != 1:
                    answer("error", f"action must be one number, got shape {force.shape}")
                    continue
                value = float(force.reshape(()))
                answer("force", value if math.isfinite(value) else repr(value))
        except BaseException as error:  # noqa: BLE001  (report anything, even SystemExit)
            answer("error", f"{type(error).__name__}: {error}")


# -- the trusted side ---------------------------------------------------------------------
class RemoteController:
    """A controller whose code runs in a child process (see the module docstring).

    Raises :class:`SubmissionError` when the child fails, dies or exceeds ``step_timeout``
    seconds for one answer; after that every call raises at once.
    """

    def __init__(
        self, path: Path, dt: float, *, step_timeout: float = 1.0, start_timeout: float = 60.0
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, str(path), dt), daemon=True)
        self._process.start()
        child.close()
        self.step_timeout = step_timeout
        self.latencies: list[float] = []
        self.failure: str | None = None
        self._request(None, start_timeout)
        self.latencies.clear()  # the start-up time is not a control latency

    def _request(self, message: list[Any] | None, timeout: float) -> Any:
        if self.failure is not None:
            raise SubmissionError(self.failure)
        start = time.perf_counter()
        try:
            if message is not None:
                self._conn.send_bytes(json.dumps(message).encode())
            if not self._conn.poll(timeout):
                self._fail(f"no answer within {timeout:g} s")
            kind, value = json.loads(self._conn.recv_bytes(1 << 16))
        except (EOFError, OSError, ValueError, TypeError) as error:
            self._fail(f"the controller process died or answered garbage ({type(error).__name__})")
        self.latencies.append(time.perf_counter() - start)
        if kind == "error":
            self._fail(str(value)[:300])
        return value

    def _fail(self, reason: str) -> None:
        self.failure = reason
        self.close()
        raise SubmissionError(reason)

    def reset(self) -> None:
        self._request(["reset"], self.step_timeout)

    def __call__(self, observation: np.ndarray, setpoint: float) -> float:
        value = self._request(["act", [float(v) for v in observation], setpoint], self.step_timeout)
        if not isinstance(value, float):
            self._fail(f"controller returned a non-finite force {value}")
        return value

    def close(self) -> None:
        if self._process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self._conn.send_bytes(json.dumps(["stop"]).encode())
            self._process.join(0.5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._conn.close()


def load_plants(path: Path | None) -> list[Plant]:
    """The plants in ``path`` (format in the module docstring), or the practice plants.

    Raises ``ValueError`` with the reason for a file that is not in that format.
    """
    if path is None:
        return [Plant(config, seed) for seed, config in enumerate(practice_plants())]
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        plants = [
            Plant(PlantConfig.from_dict(item["config"]), int(item.get("seed", index)))
            for index, item in enumerate(data["plants"])
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        msg = f"cannot read plants from {path}: {type(error).__name__}: {error}"
        raise ValueError(msg) from error
    if not plants:
        msg = f"{path} lists no plants"
        raise ValueError(msg)
    return plants


def entry_path(submission: Path) -> Path:
    """The Python file of a submission (file, or folder with ``ex06_competition.py``)."""
    if submission.is_file() and submission.suffix == ".py":
        return submission
    for candidate in (submission / ENTRY_FILE, submission / "exercises" / ENTRY_FILE):
        if candidate.is_file():
            return candidate
    msg = f"{submission} is neither a .py file nor a folder containing {ENTRY_FILE}"
    raise ValueError(msg)


def score_submission(
    team: str,
    path: Path,
    plants: list[Plant],
    *,
    step_timeout: float = 1.0,
    steps: int = COMPETITION_STEPS,
) -> Result:
    """Run one submission on every plant for ``steps`` periods each and total its metrics."""
    result = Result(team)
    result.max_upright_time = sum(steps * plant.config.dt for plant in plants)
    dt = plants[0].config.dt
    try:
        controller = RemoteController(path, dt, step_timeout=step_timeout)
    except SubmissionError as error:
        result.status = f"failed to start: {error}"
        result.rms_position = result.control_effort = math.inf
        return result
    try:
        for plant in plants:
            episode = run_episode(
                controller,
                HardwareCartPoleEnv(plant.config),
                steps=steps,
                setpoint=COMPETITION_SETPOINT,
                seed=plant.seed,
            )
            metrics = summarise(episode)
            result.upright_time += episode.upright_time
            result.rms_position += metrics["rms_position"] / len(plants)
            result.control_effort += metrics["control_effort"] / len(plants)
            if episode.failed and result.status == "ok":
                result.status = episode.reason
    finally:
        controller.close()
    result.latencies = controller.latencies
    result.deadline_misses = sum(latency > dt for latency in controller.latencies)
    return result


def rank(results: list[Result]) -> list[Result]:
    """Results sorted best first (see the module docstring)."""
    return sorted(results, key=Result.sort_key)


def write_csv(results: list[Result], path: Path) -> None:
    """Write the ranked leaderboard with the columns :data:`CSV_COLUMNS`."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for position, result in enumerate(results, start=1):
            writer.writerow(
                [
                    position,
                    result.team,
                    f"{result.upright_time:.2f}",
                    f"{result.max_upright_time:.2f}",
                    f"{result.rms_position:.4f}",
                    f"{result.control_effort:.2f}",
                    f"{result.mean_latency_ms:.3f}",
                    result.deadline_misses,
                    result.status,
                ]
            )


def format_table(results: list[Result]) -> str:
    """The leaderboard as aligned text."""
    header = (
        f"{'rank':>4}  {'team':<20} {'upright s':>10} {'rms m':>8} {'effort':>8} "
        f"{'ms/step':>8}  status"
    )
    lines = [header, "-" * len(header)]
    for position, result in enumerate(results, start=1):
        lines.append(
            f"{position:>4}  {result.team[:20]:<20} "
            f"{result.upright_time:>6.1f}/{result.max_upright_time:<3.0f} "
            f"{result.rms_position:>8.4f} {result.control_effort:>8.2f} "
            f"{result.mean_latency_ms:>8.3f}  {result.status}"
        )
    return "\n".join(lines)


def _team_names(paths: list[Path]) -> list[str]:
    names: list[str] = []
    for path in paths:
        base = path.stem if path.is_file() else path.name
        name, counter = base, 2
        while name in names:
            name, counter = f"{base}-{counter}", counter + 1
        names.append(name)
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="icsc-control-compete",
        description="Rank competition controllers (exercise 6) on hidden or practice plants.",
    )
    parser.add_argument("submissions", nargs="+", type=Path, metavar="SUBMISSION")
    parser.add_argument(
        "--plants", type=Path, default=None, help="plants JSON (default: practice plants)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("leaderboard.csv"),
        help="CSV to write (default: %(default)s)",
    )
    parser.add_argument(
        "--step-timeout",
        type=float,
        default=1.0,
        metavar="S",
        help="seconds per answer before a controller is stopped (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        plants = load_plants(args.plants)
        paths = [entry_path(submission) for submission in args.submissions]
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201
        return 2
    results = []
    for index, (team, path) in enumerate(zip(_team_names(args.submissions), paths, strict=True), 1):
        print(f"[{index}/{len(paths)}] {team} ...", file=sys.stderr, flush=True)  # noqa: T201
        results.append(score_submission(team, path, plants, step_timeout=args.step_timeout))
    ranked = rank(results)
    print(format_table(ranked))  # noqa: T201
    write_csv(ranked, args.out)
    print(f"leaderboard written to {args.out}", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
