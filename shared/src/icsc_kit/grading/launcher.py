"""Start the worker process: its pipes, its sandbox plan, its environment, its end."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from icsc_kit.grading.isolate import IsolateConfig
from icsc_kit.grading.sandbox import SandboxPlan
from icsc_kit.grading.wire import Connection, WireLimits

ENV_DROPPED_PREFIXES = ("PYTEST_", "ICSC_", "COV_", "_")


class WorkerProcess:
    """One started worker: its process, its channel and its sandbox report."""

    def __init__(self, config: IsolateConfig, generation: int) -> None:
        self.generation = generation
        to_worker = os.pipe()
        from_worker = os.pipe()
        plan = SandboxPlan(
            read_fd=to_worker[0],
            write_fd=from_worker[1],
            privileged=config.privileged,
            uid=config.uid,
            gid=config.gid,
            limits=config.limits,
            keep=[*_interpreter_paths(), config.code_dir, config.work_dir, *config.keep],
            writable=[config.work_dir],
            hide=config.hide,
            workdir=config.code_dir,
        )
        with Path(config.log).open("ab") as log:
            self.process = subprocess.Popen(
                [config.python, "-m", "icsc_kit.grading.worker", plan.to_json()],
                pass_fds=(to_worker[0], from_worker[1]),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                cwd=config.code_dir,
                env=worker_environment(config),
                start_new_session=True,
            )
        os.close(to_worker[0])
        os.close(from_worker[1])
        limits = WireLimits(max_buffers_bytes=config.max_transfer_bytes)
        self.connection = Connection(from_worker[0], to_worker[1], limits, nonblocking=True)
        self.report: dict[str, Any] | None = None

    def kill(self) -> int | None:
        """Stop the worker and everything in its process group; its exit status."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.connection.close()
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return None

    def status(self, wait: float = 2.0) -> int | None:
        """The exit status if the worker ends within ``wait`` seconds, else None."""
        try:
            code = self.process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            return None
        return 128 - code if code < 0 else code


def _interpreter_paths() -> list[str]:
    paths = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        str(Path(sys.executable).resolve().parent),
    }
    paths.update(entry for entry in sys.path if entry)
    paths.update(os.environ.get("PYTHONPATH", "").split(os.pathsep))
    return sorted(path for path in paths if path)


def worker_environment(config: IsolateConfig) -> dict[str, str]:
    """The trusted process's environment, minus pytest's and ours, with private homes."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(ENV_DROPPED_PREFIXES)
    }
    work = Path(config.work_dir)
    env.update(
        HOME=str(work / "home"),
        TMPDIR=str(work / "tmp"),
        USER="icsc-worker",
        LOGNAME="icsc-worker",
        XDG_CACHE_HOME=str(work / "cache"),
        NUMBA_CACHE_DIR=str(work / "cache" / "numba"),
        MPLCONFIGDIR=str(work / "cache" / "matplotlib"),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONNOUSERSITE="1",
    )
    return env
