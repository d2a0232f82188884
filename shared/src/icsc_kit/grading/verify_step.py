"""``icsc verify`` step "grading path": solution and stub graded as submissions would be.

The reference solution must score full marks and the stub zero through the isolated
grader (worker process, proxy, codec). A test that passes in-process but not here uses
something the proxy cannot carry (see :mod:`icsc_kit.grading`); the finding names it.
"""

from __future__ import annotations

import concurrent.futures
import tempfile
from typing import Any

from icsc_kit.results import FAILED, PASSED


def step_grading(state: Any, result: Any) -> None:
    """V7xx: solution full marks, stub zero, when graded in isolation."""
    from icsc_kit.grading.job import JobSpec, grade_submission  # noqa: PLC0415
    from icsc_kit.verify import Finding  # noqa: PLC0415  (verify imports this module)

    course = state.course
    solution, stub = state.run("solution").results, state.run("stub").results
    if (
        not solution
        or any(t.outcome == FAILED for t in solution)
        or any(t.outcome == PASSED for t in stub)
    ):
        result.notes.append("skipped: the solution and stub steps must pass first")
        return
    timeout = course.limits.timeout_s
    with tempfile.TemporaryDirectory(prefix="icsc-verify-grade-") as out:
        specs = {
            label: JobSpec(
                slug=course.slug,
                submission=str(folder),
                out_dir=out,
                student=label,
                timeout_s=timeout,
                call_timeout_s=max(1.0, min(timeout / 4, 60.0)),
                hide=[out],
            )
            for label, folder in (
                ("solution", course.solutions_dir),
                ("stub", course.exercises_dir),
            )
        }
        # Two jobs at once: each waits on its own subprocesses and has its own user id.
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            graded = dict(zip(specs, pool.map(grade_submission, specs.values()), strict=True))
    full, zero = graded["solution"], graded["stub"]
    wrong_full = [t for t in full.tests if t.status != PASSED]
    wrong_zero = [t for t in zero.tests if t.status == PASSED]
    if full.status != "graded" or wrong_full:
        details = "; ".join(f"{t.name}: {t.message[:160]}" for t in wrong_full[:5]) or full.reason
        result.findings.append(
            Finding(
                "V701",
                f"the solution scores {full.score:g}/{full.max_score:g} when graded in isolation ({details})",
                "see the rules for tests under grading in the icsc_kit.grading module documentation",
            )
        )
    if zero.status != "graded" or wrong_zero or zero.score:
        names = ", ".join(t.name for t in wrong_zero[:5]) or zero.reason
        result.findings.append(
            Finding(
                "V702",
                f"the stub scores {zero.score:g}/{zero.max_score:g} when graded in isolation ({names})",
                "make every test call the exercise code and check what it returns",
            )
        )
    result.notes.append(
        f"graded in isolation: solution {full.score:g}/{full.max_score:g}, "
        f"stub {zero.score:g}/{zero.max_score:g}"
    )
