"""``icsc verify``: prove a course is sound, step by step, the repo-review way.

Steps run in order; each returns findings (stable ID, one sentence, how to fix). Order
matters only in that the test steps reuse one solution run and one stub run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from icsc_kit.course import Course
from icsc_kit.errors import MarkerError
from icsc_kit.grading.verify_step import step_grading
from icsc_kit.markers import parse_regions
from icsc_kit.results import FAILED, PASSED, SKIPPED, exercise_prefix
from icsc_kit.runner import PytestRun, run_tests
from icsc_kit.stubgen import generate_stubs, solution_files
from icsc_kit.targets import Target
from icsc_kit.wheelcheck import check_wheel, workspace_root


@dataclass(frozen=True)
class Finding:
    """One problem: a stable ``code``, one sentence ``message`` and the ``fix``."""

    code: str
    message: str
    fix: str


@dataclass
class StepResult:
    """A verification step's findings, notes (not failures) and duration."""

    name: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass
class Verification:
    """State shared by the steps of one ``icsc verify`` of ``course``."""

    course: Course
    runs: dict[str, PytestRun] = field(default_factory=dict)

    def test_paths(self) -> list[Path]:
        paths = [self.course.checks_dir]
        if self.course.hidden_tests_dir.is_dir():
            paths.append(self.course.hidden_tests_dir)
        return paths

    def run(self, target: str) -> PytestRun:
        if target not in self.runs:
            root = workspace_root(self.course.require_source_root())
            self.runs[target] = run_tests(
                self.course, self.test_paths(), Target.parse(target), cwd=root
            )
        return self.runs[target]


def _tail(text: str, lines: int = 8) -> str:
    return " | ".join(line for line in text.strip().splitlines()[-lines:] if line.strip())


def step_metadata(state: Verification, result: StepResult) -> None:
    """V1xx: exercises declared = solutions present; markers, hints, checks, notes exist."""
    course = state.course
    declared = {exercise.name for exercise in course.exercises}
    present = {path.stem for path in solution_files(course)}
    for name in sorted(declared - present):
        result.findings.append(
            Finding(
                "V101",
                f"exercise {name} is declared but has no solutions/{name}.py",
                "write the solution or drop it from COURSE",
            )
        )
    for name in sorted(present - declared):
        result.findings.append(
            Finding(
                "V102",
                f"solutions/{name}.py is not declared in COURSE.exercises",
                "add an Exercise(...) for it",
            )
        )
    for path in solution_files(course):
        try:
            regions = parse_regions(path.read_text(encoding="utf-8"), str(path))
        except MarkerError as error:
            result.findings.append(
                Finding("V103", str(error), "fix the markers as the message says")
            )
            continue
        if not regions:
            result.findings.append(
                Finding(
                    "V104",
                    f"{path.name} has no '# BEGIN SOLUTION' region",
                    "mark what the student writes",
                )
            )
        elif not any(region.hints for region in regions):
            result.findings.append(
                Finding(
                    "V105",
                    f"{path.name} has no '# HINT:' line in its regions",
                    "add at least one hint",
                )
            )
    hidden = course.hidden_tests_dir
    for exercise in course.exercises:
        prefix = exercise.name[:4]
        if not list(course.checks_dir.glob(f"test_{prefix}*.py")):
            result.findings.append(
                Finding(
                    "V106",
                    f"{exercise.name} has no public check checks/test_{prefix}_*.py",
                    "write at least one public check",
                )
            )
        if not list(hidden.glob(f"test_{prefix}*.py")):
            result.findings.append(
                Finding(
                    "V107",
                    f"{exercise.name} has no hidden test tests/hidden/test_{prefix}_*.py",
                    "write hidden tests",
                )
            )
    prefixes = {exercise.name[:4] for exercise in course.exercises}
    for folder in (course.checks_dir, hidden):
        for test_file in sorted(folder.glob("test_*.py")):
            if exercise_prefix(str(test_file)) not in prefixes:
                result.findings.append(
                    Finding(
                        "V108",
                        f"{test_file.name} names no declared exercise",
                        "name test files test_exNN_topic.py",
                    )
                )
    for folder, allowed in (
        (course.solutions_dir, "exNN_topic.py"),
        (course.exercises_dir, "exNN_topic.py"),
    ):
        for stray in sorted(folder.iterdir()) if folder.is_dir() else []:
            if stray.name == "__pycache__" or (
                stray.suffix == ".py" and exercise_prefix(f"test_{stray.name}")
            ):
                continue
            result.findings.append(
                Finding(
                    "V111",
                    f"stray file {folder.name}/{stray.name}",
                    f"only {allowed} files belong in {folder.name}/",
                )
            )
    if not list(course.lecture_dir.glob("[0-9][0-9]-*.md")):
        result.findings.append(
            Finding("V109", "lecture/ holds no NN-topic.md notes", "write the lecture notes")
        )
    if not list(course.notebooks_dir.glob("*.py")):
        result.findings.append(
            Finding(
                "V110", "notebooks/ holds no jupytext .py notebook", "add the hands-on notebook"
            )
        )


def step_stubs(state: Verification, result: StepResult) -> None:
    """V2xx: every committed stub equals what its solution generates."""
    for difference in generate_stubs(state.course, check=True):
        result.findings.append(
            Finding(
                "V201",
                f"stub {difference.stub_path.name} {difference.reason}",
                f"run: icsc stubgen {state.course.slug}",
            )
        )


def step_solution_passes(state: Verification, result: StepResult) -> None:
    """V3xx: every public check and hidden test passes on the reference solution."""
    run = state.run("solution")
    if run.collection_failed or not run.results:
        result.findings.append(
            Finding(
                "V301",
                f"pytest could not run the tests on the solution (exit {run.returncode}): {_tail(run.output)}",
                "run the tests by hand and fix the error",
            )
        )
        return
    for test in run.results:
        if test.outcome == FAILED:
            result.findings.append(
                Finding(
                    "V302",
                    f"{test.nodeid} fails on the solution: {test.message}",
                    "fix the solution or the test",
                )
            )
        elif test.outcome == SKIPPED:
            result.notes.append(f"{test.nodeid} skipped: {test.message}")
    passed = sum(test.outcome == PASSED for test in run.results)
    result.notes.insert(0, f"{passed}/{len(run.results)} tests pass on the solution")


def step_stub_fails(state: Verification, result: StepResult) -> None:
    """V4xx: every single test id fails on the stub (no vacuous tests)."""
    solution = {test.nodeid: test for test in state.run("solution").results}
    stub_run = state.run("stub")
    stub = {test.nodeid: test for test in stub_run.results}
    if stub_run.returncode in (3, 4) or not stub:
        result.findings.append(
            Finding(
                "V401",
                f"pytest could not run the tests on the stub (exit {stub_run.returncode}): {_tail(stub_run.output)}",
                "run the tests by hand with --icsc-target stub",
            )
        )
        return
    for nodeid, test in sorted(stub.items()):
        if test.outcome == PASSED:
            result.findings.append(
                Finding(
                    "V402",
                    f"{nodeid} passes on the stub, so it proves nothing",
                    "make the test call the exercise code and check its result",
                )
            )
        elif (
            test.outcome == SKIPPED and solution.get(nodeid) and solution[nodeid].outcome == SKIPPED
        ):
            result.notes.append(f"{nodeid} not verified here: {test.message}")
        elif test.outcome == SKIPPED:
            result.findings.append(
                Finding(
                    "V403",
                    f"{nodeid} is skipped on the stub but not on the solution",
                    "do not skip on exercise errors; let the test fail",
                )
            )
    for nodeid in sorted(set(solution) ^ set(stub)):
        result.findings.append(
            Finding(
                "V404",
                f"{nodeid} is collected for only one of solution and stub",
                "make parametrisation independent of the exercise module",
            )
        )
    failing = sum(test.outcome == FAILED for test in stub.values())
    result.notes.insert(0, f"{failing}/{len(stub)} tests fail on the stub")


def step_wheel(state: Verification, result: StepResult) -> None:
    """V5xx: the course wheel ships exercises, checks, notes, notebooks and no solution."""
    try:
        problems = check_wheel(state.course)
    except RuntimeError as error:
        result.findings.append(Finding("V501", str(error), "fix the course's pyproject.toml"))
        return
    for problem in problems:
        result.findings.append(
            Finding(
                "V502",
                f"the wheel {problem}",
                "fix [tool.hatch.build] in the course's pyproject.toml",
            )
        )


def step_course_tests(state: Verification, result: StepResult) -> None:
    """V6xx: the course library's own tests (tests/course/) pass."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    folder = state.course.course_tests_dir
    if not folder.is_dir():
        result.notes.append("no tests/course/ folder")
        return
    root = workspace_root(state.course.require_source_root())
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(folder),
            "-q",
            "--no-header",
            "-p",
            "no:cacheprovider",
            "--import-mode=importlib",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 5):
        result.findings.append(
            Finding(
                "V601",
                f"tests/course fail: {_tail(done.stdout + done.stderr, 4)}",
                f"run: uv run pytest {folder}",
            )
        )
    else:
        result.notes.append(_tail(done.stdout, 1))


Step = Callable[[Verification, StepResult], None]

# Order: metadata and stubs are cheap and explain later failures; the two test steps share
# the solution and stub runs; wheel and course tests are independent of them.
STEPS: list[tuple[str, Step]] = [
    ("metadata", step_metadata),
    ("stubs in sync", step_stubs),
    ("solution passes", step_solution_passes),
    ("stub fails", step_stub_fails),
    ("wheel contents", step_wheel),
    ("course tests", step_course_tests),
]


def register_step(name: str, step: Step) -> None:
    """Append a step (the grading module adds one that grades solution and stub)."""
    if all(existing != name for existing, _ in STEPS):
        STEPS.append((name, step))


register_step("grading path", step_grading)


def verify(course: Course, progress: Callable[[str], None] | None = None) -> list[StepResult]:
    """Run every step on ``course``; the caller prints the results."""
    course.require_source_root()
    state = Verification(course)
    results = []
    for name, step in STEPS:
        if progress:
            progress(name)
        result = StepResult(name)
        started = time.perf_counter()
        step(state, result)
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results
