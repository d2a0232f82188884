"""``icsc grade``: find the submissions, grade them in a process pool, write the reports.

The batch only plans and collects: it lists the course's tests once (the inventory), turns
every input into a :class:`~icsc_kit.grading.job.JobSpec`, runs
:func:`~icsc_kit.grading.job.grade_submission` for each (in this process for ``-j 1``,
else in a :class:`concurrent.futures.ProcessPoolExecutor`), and writes ``grades.csv``,
``summary.md`` and ``timings.csv``. A job that fails for any reason is recorded as that
student's error; the others go on.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from icsc_kit.course import Course
from icsc_kit.errors import UserError
from icsc_kit.grading.job import (
    ERROR,
    JobResult,
    JobSpec,
    collect_inventory,
    failed_tests,
    grade_submission,
)
from icsc_kit.grading.reports import write_batch_files, write_student_files
from icsc_kit.submission import EXERCISE_FILE, MANIFEST_NAME, STUDENT_PATTERN

UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class BatchOptions:
    """What ``icsc grade`` was asked: course, inputs, output folder, parallelism, limits."""

    inputs: tuple[Path, ...]
    out_dir: Path
    jobs: int = 1
    timeout_s: float | None = None
    call_timeout_s: float | None = None
    sandbox: str = "auto"


def is_single_submission(folder: Path) -> bool:
    """A folder is one submission if it holds exercise files or a manifest at its top."""
    return (folder / MANIFEST_NAME).exists() or any(
        EXERCISE_FILE.match(path.name) for path in folder.iterdir()
    )


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Submissions named by ``inputs``: zips, submission folders, and folders of them."""
    found: list[Path] = []
    for path in inputs:
        if not path.exists() and not path.is_symlink():
            msg = f"{path} does not exist; name submission folders, .zip files or folders of them"
            raise UserError(msg)
        if path.is_dir() and not path.is_symlink() and not is_single_submission(path):
            found += sorted(
                child
                for child in path.iterdir()
                if child.is_dir() or child.is_symlink() or child.suffix.lower() == ".zip"
            )
        else:
            found.append(path)
    return found


def student_for(path: Path, slug: str) -> str:
    """The student id a submission's name gives (``<slug>-<id>.zip`` or the folder name)."""
    name = path.name[: -len(".zip")] if path.name.lower().endswith(".zip") else path.name
    name = name.removeprefix(f"{slug}-")
    safe = UNSAFE.sub("_", name).strip("._-")[:64]
    return safe if safe and STUDENT_PATTERN.match(safe) else "submission"


def plan_jobs(course: Course, options: BatchOptions) -> list[JobSpec]:
    """One :class:`JobSpec` per submission, with unique student ids in input order."""
    submissions = expand_inputs(options.inputs)
    if not submissions:
        msg = "no submissions found in the paths given"
        raise UserError(msg)
    timeout = options.timeout_s or course.limits.timeout_s
    call_timeout = options.call_timeout_s or max(1.0, min(timeout / 4, 60.0))
    inventory = collect_inventory(course)
    hide = sorted(
        {str(path.resolve()) for path in options.inputs} | {str(options.out_dir.resolve())}
    )
    taken: set[str] = set()
    specs = []
    for path in submissions:
        student = student_for(path, course.slug)
        unique, count = student, 1
        while unique in taken:
            count += 1
            unique = f"{student}-{count}"
        taken.add(unique)
        specs.append(
            JobSpec(
                slug=course.slug,
                submission=str(path.absolute()),
                out_dir=str(options.out_dir.absolute()),
                student=unique,
                timeout_s=timeout,
                call_timeout_s=call_timeout,
                inventory=inventory,
                hide=hide,
                sandbox=options.sandbox,
            )
        )
    return specs


def _safe_grade(spec: JobSpec) -> JobResult:
    try:
        return grade_submission(spec)
    except Exception as error:  # noqa: BLE001  (one job's failure must not stop the batch)
        return _error(
            spec, f"the grader failed on this submission: {type(error).__name__}: {error}"
        )


def _error(spec: JobSpec, reason: str) -> JobResult:
    from icsc_kit.discovery import get_course  # noqa: PLC0415

    result = JobResult(spec.student, Path(spec.submission).name, ERROR, reason)
    result.tests = failed_tests(get_course(spec.slug), spec.inventory, f"not graded: {reason}")
    return result


def run_batch(
    course: Course,
    options: BatchOptions,
    progress: Callable[[JobResult, int, int], None] | None = None,
) -> list[JobResult]:
    """Grade every submission of ``options``; write the batch files; return the results."""
    if options.jobs < 1:
        msg = f"-j must be at least 1, got {options.jobs}"
        raise UserError(msg)
    specs = plan_jobs(course, options)
    results: list[JobResult] = []
    if options.jobs == 1:
        for spec in specs:
            results.append(_safe_grade(spec))
            _report(course, spec, results[-1], progress, len(results), len(specs))
    else:
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(options.jobs, mp_context=context) as pool:
            futures = {pool.submit(_safe_grade, spec): spec for spec in specs}
            for future in concurrent.futures.as_completed(futures):
                spec = futures[future]
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001  (a crashed pool process)
                    result = _error(spec, f"the grading process failed: {type(error).__name__}")
                results.append(result)
                _report(course, spec, result, progress, len(results), len(specs))
    write_batch_files(course, results, options.out_dir)
    return sorted(results, key=lambda result: result.student)


def _report(
    course: Course,
    spec: JobSpec,
    result: JobResult,
    progress: Callable[[JobResult, int, int], None] | None,
    done: int,
    total: int,
) -> None:
    if result.status == ERROR and not result.seconds:
        write_student_files(course, result, Path(spec.out_dir))  # the job wrote none
    if progress is not None:
        progress(result, done, total)
