"""Course metadata: the one object a course package declares as ``COURSE``.

A course package ``icsc_<mod>`` does::

    COURSE = Course(
        slug="numba",
        title="Speed Without The Pain: Accelerating Python With Numba",
        presenters=("Kiran Jonathan",),
        lecture_hours=2,
        exercise_hours=1,
        package=__name__,
        exercises=(Exercise("ex01_benchmark", "A benchmarking helper", minutes=15), ...),
    )

and registers it with ``[project.entry-points."icsc.courses"] numba = "icsc_numba:COURSE"``.
Folder locations (lecture notes, stubs, public checks, and in a repository checkout the
solutions and hidden tests) are derived from the package, never written twice.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
EXERCISE_PATTERN = re.compile(r"^ex\d\d_[a-z0-9_]+$")


@dataclass(frozen=True)
class Exercise:
    """One exercise: ``name`` is the file stem (``ex01_topic``) shared by stub and solution.

    ``minutes`` is the time a student should plan for it; ``optional`` exercises are
    graded but flagged as such in tables.
    """

    name: str
    title: str
    minutes: int = 15
    optional: bool = False

    def __post_init__(self) -> None:
        if not EXERCISE_PATTERN.match(self.name):
            msg = f"exercise name {self.name!r} must look like 'ex01_topic' (ex, two digits, _, lowercase)"
            raise ValueError(msg)
        if self.minutes <= 0:
            msg = f"exercise {self.name}: minutes must be positive, got {self.minutes}"
            raise ValueError(msg)


@dataclass(frozen=True)
class GradingLimits:
    """Resource limits for one graded submission; a course may raise the kit's defaults.

    ``address_space_mib`` bounds RLIMIT_AS of the worker (torch needs about 4 GiB to
    import), ``data_mib`` bounds RLIMIT_DATA, ``cpu_seconds`` RLIMIT_CPU, ``processes``
    RLIMIT_NPROC, ``file_size_mib`` RLIMIT_FSIZE; ``timeout_s`` is the wall-clock limit.
    """

    timeout_s: float = 120.0
    cpu_seconds: int = 240
    address_space_mib: int = 8192
    data_mib: int = 2048
    processes: int = 64
    file_size_mib: int = 64


@dataclass(frozen=True)
class Course:
    """Metadata of one course package (see the module docstring)."""

    slug: str
    title: str
    presenters: tuple[str, ...]
    lecture_hours: int
    exercise_hours: int
    package: str
    exercises: tuple[Exercise, ...]
    summary: str = ""
    limits: GradingLimits = field(default_factory=GradingLimits)

    def __post_init__(self) -> None:
        if not SLUG_PATTERN.match(self.slug):
            msg = f"course slug {self.slug!r} must be lowercase words joined by '-'"
            raise ValueError(msg)
        if not isinstance(self.presenters, tuple) or not self.presenters:
            msg = f"course {self.slug}: presenters must be a non-empty tuple of names"
            raise TypeError(msg)
        if self.lecture_hours < 0 or self.exercise_hours < 0:
            msg = f"course {self.slug}: hours cannot be negative"
            raise ValueError(msg)
        names = [exercise.name for exercise in self.exercises]
        if len(set(names)) != len(names):
            msg = f"course {self.slug}: exercise names must be unique, got {names}"
            raise ValueError(msg)

    # -- lookup -------------------------------------------------------------------------
    def exercise(self, name: str) -> Exercise:
        """The exercise called ``name`` (``ex01`` alone is accepted as a prefix)."""
        for exercise in self.exercises:
            if name in (exercise.name, exercise.name[:4]):
                return exercise
        from icsc_kit.errors import UserError  # noqa: PLC0415  (errors imports nothing back)

        known = ", ".join(exercise.name for exercise in self.exercises)
        msg = f"course {self.slug} has no exercise {name!r}; known exercises: {known}"
        raise UserError(msg)

    @property
    def version(self) -> str:
        """Installed distribution version of ``icsc-<slug>`` (``0+unknown`` if not installed)."""
        try:
            return importlib.metadata.version(f"icsc-{self.slug}")
        except importlib.metadata.PackageNotFoundError:
            return "0+unknown"

    # -- folders that ship inside the package -------------------------------------------
    @property
    def package_dir(self) -> Path:
        """The installed package folder ``icsc_<mod>/``."""
        spec = importlib.util.find_spec(self.package)
        if spec is None or not spec.submodule_search_locations:
            msg = f"course package {self.package} is not importable"
            raise ModuleNotFoundError(msg)
        return Path(next(iter(spec.submodule_search_locations)))

    @property
    def exercises_dir(self) -> Path:
        return self.package_dir / "exercises"

    @property
    def checks_dir(self) -> Path:
        return self.package_dir / "checks"

    @property
    def lecture_dir(self) -> Path:
        return self.package_dir / "lecture"

    @property
    def notebooks_dir(self) -> Path:
        return self.package_dir / "notebooks"

    # -- folders that exist only in a repository checkout -------------------------------
    @property
    def source_root(self) -> Path | None:
        """``courses/<slug>/`` when the course is installed from a checkout, else ``None``."""
        candidate = self.package_dir.parent.parent
        if (candidate / "pyproject.toml").is_file() and (candidate / "solutions").is_dir():
            return candidate
        return None

    def require_source_root(self) -> Path:
        """The checkout folder, or a :class:`UserError` saying an instructor checkout is needed."""
        root = self.source_root
        if root is None:
            from icsc_kit.errors import UserError  # noqa: PLC0415

            msg = (
                f"course {self.slug} is installed without its solutions; run this in the "
                f"course repository (uv run icsc ...) where courses/{self.slug}/solutions exists"
            )
            raise UserError(msg)
        return root

    @property
    def solutions_dir(self) -> Path:
        return self.require_source_root() / "solutions"

    @property
    def hidden_tests_dir(self) -> Path:
        return self.require_source_root() / "tests" / "hidden"

    @property
    def course_tests_dir(self) -> Path:
        return self.require_source_root() / "tests" / "course"

    @property
    def benchmarks_dir(self) -> Path:
        return self.require_source_root() / "benchmarks"
