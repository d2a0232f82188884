"""Git in Practice: Techniques for Collaborative Development (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the hands-on notebook (``notebooks/``)
and a small library: :mod:`icsc_git_practice.scenarios` builds the practice repositories
(messy histories, a hidden regression, conflicting branches, a release needing a hotfix,
a team of clones around one bare remote), :mod:`icsc_git_practice.safety` holds the
preflight checks every history-changing operation starts with, and
:mod:`icsc_git_practice.gitcli` runs the real ``git`` command line reproducibly.
"""

from icsc_kit import Course, Exercise, GradingLimits

COURSE = Course(
    slug="git-practice",
    title="Git in Practice: Techniques for Collaborative Development",
    presenters=("Lizzie Salmon",),
    lecture_hours=1,
    exercise_hours=1,
    package=__name__,
    summary=(
        "How git stores history, how teams share it (feature branches, git-flow, "
        "trunk-based), and the tools to repair and automate it: rebase, reset, reflog, "
        "bisect, cherry-pick, conflict resolution, hooks, CI and code review."
    ),
    # Every test builds real repositories and runs git (and, in ex05/ex06, hooks that start
    # Python): the ~140 tests need about 30 s of CPU, so the wall-clock limit of one graded
    # submission is raised from the kit's 120 s to leave room on a busy machine.
    limits=GradingLimits(timeout_s=300.0, cpu_seconds=600),
    exercises=(
        Exercise(
            "ex01_clean_history", "Clean a messy feature branch without changing its tree", 15
        ),
        Exercise("ex02_bisect", "Find the first bad commit in O(log n) test runs", 8),
        Exercise("ex03_conflict_policy", "Resolve a merge conflict by a stated policy", 10),
        Exercise("ex04_backport", "Cherry-pick a hotfix onto a release branch", 8),
        Exercise("ex05_pre_commit_hook", "A pre-commit hook that rejects what it should", 10),
        Exercise(
            "ex06_team_sync", "Integrate a team's concurrent pushes without losing a commit", 12
        ),
    ),
)

__all__ = ["COURSE"]
