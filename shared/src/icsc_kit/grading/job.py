"""Grade one submission: a self-contained job (submission and course in, result files out).

:func:`grade_submission` takes a :class:`JobSpec` (plain, picklable data) and returns a
:class:`JobResult`, having written ``results/<student>.json`` and
``feedback/<student>.md`` under the spec's output folder. Nothing else is shared with
other jobs, so a batch can run jobs in a local process pool or hand them to a cluster
engine (HTCondor, Dask) unchanged.

The job is an ordered list of named steps (:data:`STEPS`); a step that refuses the
submission ends the list, and the reports are written either way:

1. ``unpack``: validate the zip or folder (:mod:`icsc_kit.archive`), then copy it into a
   fresh staging folder;
2. ``manifest``: a zip must carry its ``icsc-manifest.json``, for this course, matching
   every file; a folder's manifest is checked when there is one;
3. ``sanitize``: only the course's declared ``exNN_topic.py`` files are copied into the
   code folder the worker sees. Everything test-related (checks, hidden tests,
   conftest.py, pytest configuration) comes from the course, never from the student;
4. ``sandbox``: the job's folders, owners and modes, and the isolate configuration;
5. ``run``: the course's own checks and hidden tests in a trusted pytest with
   ``--icsc-isolate`` (offline, under a wall-clock limit);
6. ``score``: per-test outcomes from the trusted report only, merged with the test
   inventory (a test that never reported is failed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icsc_kit.archive import ArchiveLimits, InvalidSubmission, copy_directory, extract_zip
from icsc_kit.course import Course
from icsc_kit.discovery import get_course
from icsc_kit.grading import sandbox
from icsc_kit.grading.environment import (
    cache_folders,
    importable_packages,
    pytest_command,
    secret_folders,
    trusted_environment,
)
from icsc_kit.grading.inventory import (
    collect_inventory,
    display_name,
    exercise_name,
    failed_tests,
    is_public,
    read_inventory,
)
from icsc_kit.grading.isolate import IsolateConfig
from icsc_kit.grading.outcome import (
    ERROR,
    GRADED,
    INVALID,
    TIMEOUT,
    JobResult,
    TestOutcome,
    clean_message,
)
from icsc_kit.results import FAILED, PASSED, SKIPPED, read_report
from icsc_kit.submission import MANIFEST_NAME, read_manifest
from icsc_kit.wheelcheck import workspace_root


@dataclass(frozen=True)
class JobSpec:
    """One job: grade ``submission`` (a folder or .zip) for course ``slug`` as ``student``.

    ``timeout_s`` bounds the whole trusted run (wall clock), ``call_timeout_s`` each
    request to the worker. ``inventory`` is the course's test list (node id, path, points,
    exercise) from a collection run; ``hide`` lists paths the worker must not see (the
    batch's inputs and output). ``sandbox`` is ``auto`` (full where root) or ``minimal``.
    """

    slug: str
    submission: str
    out_dir: str
    student: str
    timeout_s: float
    call_timeout_s: float
    inventory: list[dict[str, Any]] = field(default_factory=list)
    hide: list[str] = field(default_factory=list)
    sandbox: str = "auto"
    scratch: str | None = None


@dataclass
class JobState:
    """What the steps of one job share."""

    spec: JobSpec
    course: Course
    root: Path
    result: JobResult
    started: float
    uid: int | None = None
    privileged: bool = False
    staging: Path = Path()
    code: Path = Path()
    work: Path = Path()
    trusted: Path = Path()
    from_zip: bool = False
    run_code: int | None = None
    run_output: str = ""
    reported: list[Any] = field(default_factory=list)

    def refuse(self, reason: str) -> None:
        self.result.status = INVALID
        self.result.reason = reason


def step_unpack(state: JobState) -> None:
    """Validate the submission, then copy its regular files into the staging folder."""
    source = Path(state.spec.submission)
    state.staging = state.root / "staging"
    state.staging.mkdir()
    limits = ArchiveLimits()
    try:
        if source.is_symlink():
            msg = "the submission is a symbolic link"
            raise InvalidSubmission(msg)
        if source.is_dir():
            copy_directory(source, state.staging, limits)
        elif source.is_file() and source.suffix.lower() == ".zip":
            state.from_zip = True
            extract_zip(source, state.staging, limits)
        else:
            msg = "the submission is neither a folder nor a .zip file"
            raise InvalidSubmission(msg)
    except InvalidSubmission as error:
        state.refuse(str(error))


def step_manifest(state: JobState) -> None:
    """A zip needs a manifest for this course that matches every file; a folder may have one."""
    try:
        manifest = read_manifest(state.staging)
    except (ValueError, UnicodeDecodeError) as error:
        state.refuse(f"the manifest is unreadable: {error}")
        return
    if manifest is None:
        if state.from_zip:
            state.refuse(f"the archive has no {MANIFEST_NAME}; make it with icsc submit")
        return
    if manifest.course != state.course.slug:
        state.refuse(
            f"the submission was made for course {manifest.course}, not {state.course.slug}"
        )
        return
    problems = manifest.mismatches(state.staging)
    if problems:
        state.refuse("manifest mismatch: " + "; ".join(problems[:5]))
    elif manifest.student != state.spec.student:
        state.result.notes.append(f"the manifest names the student {manifest.student!r}")


def step_sanitize(state: JobState) -> None:
    """Copy only the declared exercise files into the code folder; note what was dropped."""
    state.code = state.root / "code"
    state.code.mkdir()
    declared = {f"{exercise.name}.py" for exercise in state.course.exercises}
    dropped = []
    for path in sorted(state.staging.rglob("*")):
        relative = path.relative_to(state.staging).as_posix()
        if relative in declared and path.is_file():
            shutil.copyfile(path, state.code / relative)
            (state.code / relative).chmod(0o644)
        elif path.is_file() and relative != MANIFEST_NAME and path.suffix != ".md":
            dropped.append(relative)
    state.code.chmod(0o755)
    if dropped:
        shown = ", ".join(dropped[:10]) + (" ..." if len(dropped) > 10 else "")
        state.result.notes.append(f"not graded (only exercise files count): {shown}")
    missing = sorted(declared - {p.name for p in state.code.iterdir()})
    if missing:
        state.result.notes.append(f"missing exercise files: {', '.join(missing)}")


def step_sandbox(state: JobState) -> None:
    """Folders for the worker (owned by the job's user) and the trusted run (root only)."""
    state.privileged = state.spec.sandbox == "auto" and sandbox.privileged()
    state.uid = sandbox.acquire_uid() if state.privileged else None
    state.trusted = state.root / "trusted"
    state.work = state.root / "work"
    state.trusted.mkdir(mode=0o700)
    state.work.mkdir(mode=0o700)
    for name in ("home", "tmp", "cache"):
        (state.work / name).mkdir()
    if state.uid is not None:
        for folder in (state.work, *state.work.iterdir()):
            os.chown(folder, state.uid, sandbox.NOBODY_GID)
    state.root.chmod(0o711)
    if state.uid is not None:
        sandbox.sweep_user(state.uid)  # nothing of an earlier job of this process survives


def step_run(state: JobState) -> None:
    """Run the course's checks and hidden tests in a trusted pytest, in grading mode."""
    course, spec = state.course, state.spec
    limits = course.limits
    deadline = state.started + spec.timeout_s
    config = IsolateConfig(
        code_dir=str(state.code),
        work_dir=str(state.work),
        basetemp=str(state.work / "pytest"),
        log=str(state.trusted / "worker.log"),
        deadline=deadline,
        timeout_s=spec.timeout_s,
        call_timeout_s=spec.call_timeout_s,
        startup_timeout_s=max(10.0, spec.call_timeout_s),
        privileged=state.privileged,
        uid=state.uid,
        limits=sandbox.machine_limits(
            {
                "cpu": int(limits.cpu_seconds),
                "as": limits.address_space_mib << 20,
                "data": limits.data_mib << 20,
                "nproc": limits.processes,
                "fsize": limits.file_size_mib << 20,
            }
        ),
        keep=cache_folders(),
        hide=[*spec.hide, *secret_folders()],
        importable=importable_packages(course),
        inventory=str(state.trusted / "inventory.json"),
        sandbox_report=str(state.trusted / "sandbox.json"),
    )
    config.write(state.trusted / "isolate.json")
    report = state.trusted / "report.json"
    command = pytest_command(course, state.code, report, state.trusted / "isolate.json")
    command += [f"--basetemp={state.work / 'pytest'}"]
    if state.privileged:
        command = [sys.executable, "-m", "icsc_kit.grading.sandbox", "--net", "--", *command]
    hard_limit = spec.timeout_s + max(15.0, spec.timeout_s / 4)
    state.run_code, state.run_output = _run(command, state, hard_limit)
    if state.uid is not None:
        sandbox.sweep_user(state.uid)
    if report.is_file():
        state.reported = read_report(report)
    state.result.isolation = _isolation(state)


def _isolation(state: JobState) -> dict[str, Any]:
    """The protections the worker had (stable fields only: no ids, no paths)."""
    import json  # noqa: PLC0415

    path = state.trusted / "sandbox.json"
    report = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {
        "dedicated_user": bool(report.get("privileged")),
        "namespaces": sorted(report.get("namespaces", [])),
        "network": "loopback only" if state.privileged else "not cut",
        "hidden_paths": bool(report.get("hidden") or report.get("overlays")),
        "process_limit": bool(report.get("processes_limited")),
        "address_space_limit": not sandbox.cuda_driver_present(),
    }


def _run(command: list[str], state: JobState, hard_limit: float) -> tuple[int | None, str]:
    # The trusted run's TMPDIR stays private: caches that libraries keep there (torch
    # inductor's generated code, say) must not be writable by the worker. Tests hand the
    # exercise paths under tmp_path, which is shared.
    scratch = state.trusted / "tmp"
    scratch.mkdir()
    root = state.course.source_root
    cwd = workspace_root(root) if root is not None else None
    log = state.trusted / "pytest.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=trusted_environment(scratch),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            code: int | None = process.wait(timeout=hard_limit)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            code = None
    return code, log.read_text(encoding="utf-8", errors="replace")[-4000:]


def step_score(state: JobState) -> None:
    """Per-test outcomes from the trusted report, merged with the inventory."""
    inventory = state.spec.inventory or read_inventory(
        state.trusted / "inventory.json", state.reported
    )
    reported = {test.nodeid: test for test in state.reported}
    tests = []
    for item in inventory:
        test = reported.get(item["nodeid"])
        if test is None:
            outcome, message = FAILED, "did not run (the grading run ended early)"
        else:
            outcome, message = test.outcome, clean_message(test.message, state.root)
        if outcome == SKIPPED:
            state.result.notes.append(
                f"not graded here: {display_name(state.course, item)} ({message})"
            )
            continue
        passed = outcome == PASSED
        points = float(item["points"])
        tests.append(
            TestOutcome(
                name=display_name(state.course, item),
                exercise=exercise_name(state.course, item["exercise"]),
                points=points if passed else 0.0,
                max_points=points,
                status=PASSED if passed else FAILED,
                message="" if passed else message,
                visibility="visible" if is_public(state.course, item) else "after_due_date",
            )
        )
    state.result.tests = sorted(tests, key=lambda test: test.name)
    if state.run_code is None:
        state.result.status = TIMEOUT
        state.result.reason = (
            f"the grading run exceeded its time limit of {state.spec.timeout_s:g} s"
        )
    elif not state.reported and state.run_code not in (0, 1):
        state.result.status = ERROR
        state.result.reason = f"pytest could not run the tests (exit {state.run_code})"


STEPS: list[tuple[str, Callable[[JobState], None]]] = [
    # Order matters: nothing is copied before it is validated; the worker sees only what
    # sanitize copied; scoring reads only what the trusted run reported.
    ("unpack", step_unpack),
    ("manifest", step_manifest),
    ("sanitize", step_sanitize),
    ("sandbox", step_sandbox),
    ("run", step_run),
    ("score", step_score),
]


def grade_submission(spec: JobSpec) -> JobResult:
    """Run :data:`STEPS` for ``spec``, write the student's files, return the result."""
    from icsc_kit.grading.reports import write_student_files  # noqa: PLC0415

    course = get_course(spec.slug)
    started = time.monotonic()
    result = JobResult(student=spec.student, source=Path(spec.submission).name, status=GRADED)
    root = Path(tempfile.mkdtemp(prefix="icsc-grade-", dir=spec.scratch))
    state = JobState(spec, course, root, result, started)
    try:
        for _name, step in STEPS:
            step(state)
            if result.status == INVALID:
                result.tests = failed_tests(course, spec.inventory, f"not graded: {result.reason}")
                break
    finally:
        if state.uid is not None:
            sandbox.sweep_user(state.uid)
            sandbox.release_uid(state.uid)
        shutil.rmtree(root, ignore_errors=True)
    result.seconds = time.monotonic() - started
    write_student_files(course, result, Path(spec.out_dir))
    return result


# -- helpers -------------------------------------------------------------------------------


__all__ = [
    "ERROR",
    "GRADED",
    "INVALID",
    "STEPS",
    "TIMEOUT",
    "JobResult",
    "JobSpec",
    "TestOutcome",
    "collect_inventory",
    "failed_tests",
    "grade_submission",
]
