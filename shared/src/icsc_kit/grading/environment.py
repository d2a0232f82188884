"""The trusted run's command line and environment, and what the worker may (not) see."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from icsc_kit.course import Course
from icsc_kit.discovery import installed_courses
from icsc_kit.wheelcheck import workspace_root

ENV_KEPT = ("PATH", "PYTHONPATH", "LANG", "LANGUAGE", "TZ", "HOME", "VIRTUAL_ENV", "TERM")
ENV_KEPT_PREFIXES = ("LC_", "NUMBA_", "OMP_", "MKL_", "OPENBLAS_", "CUDA_", "NVIDIA_",
                     "TORCH_", "HF_", "TRANSFORMERS_", "UV_")  # fmt: skip
CACHE_VARIABLES = ("HF_HOME", "TRANSFORMERS_CACHE", "TORCH_HOME", "HF_DATASETS_CACHE")


def pytest_command(course: Course, target: Path, report: Path, isolate: Path) -> list[str]:
    """The trusted pytest command line (the same test files ``icsc verify`` runs)."""
    paths = [course.checks_dir]
    if course.hidden_tests_dir.is_dir():
        paths.append(course.hidden_tests_dir)
    return [
        sys.executable,
        "-m",
        "pytest",
        *map(str, paths),
        f"--icsc-target={target}",
        f"--icsc-course={course.slug}",
        f"--icsc-report={report}",
        f"--icsc-isolate={isolate}",
        "--import-mode=importlib",
        "-p",
        "no:cacheprovider",
        "-q",
        "--no-header",
        "-rN",
    ]


def trusted_environment(scratch: Path) -> dict[str, str]:
    """The trusted run's environment: what tests need, nothing of the grader's secrets."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key in ENV_KEPT or key.startswith(ENV_KEPT_PREFIXES)
    }
    env.update(
        PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0", TMPDIR=str(scratch), LC_ALL="C.UTF-8"
    )
    # Jobs run side by side (-j N): idle BLAS threads of one job only steal the other's
    # cores, so BLAS gets one thread unless the grader's environment says otherwise.
    for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    return env


def importable_packages(course: Course) -> list[str]:
    return sorted(
        {course.package.partition(".")[0], "icsc_kit", "numpy", "scipy", "torch", "numba"}
    )


def secret_folders() -> list[str]:
    """Solutions, hidden tests and git history of every installed course's checkout."""
    folders = []
    for course in installed_courses().values():
        root = course.source_root
        if root is None:
            continue
        folders += [str(root / "solutions"), str(root / "tests")]
        workspace = workspace_root(root)
        if workspace is not None:
            folders.append(str(workspace / ".git"))
    return sorted(set(folders))


def cache_folders() -> list[str]:
    return [os.environ[name] for name in CACHE_VARIABLES if os.environ.get(name)]
