# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 2: find the commit that introduced a regression, in O(log n) test runs.

Build the practice repository with::

    from icsc_git_practice.scenarios import regression_history
    scenario = regression_history("/tmp/regression", seed=1)
    # scenario.good, scenario.bad, scenario.test_command

``scenario.test_command`` (``python check_gain.py``) exits 0 on a good commit and 1 on a
bad one, like a unit test. Running it is the expensive part, so a linear scan over the
~50 commits is not acceptable: the tests count how often your code runs it.
``git bisect run`` does the binary search for you; writing your own over
``git rev-list`` is fine too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import git

from icsc_git_practice.safety import is_ancestor, open_repo, resolve_commit


def first_bad_commit(
    repo_path: str | Path, good: str, bad: str, test_command: Sequence[str]
) -> str:
    """The full hash of the first commit between ``good`` and ``bad`` where the test fails.

    ``test_command`` is a program and its arguments (``["python", "check_gain.py"]``);
    it is run in the work tree with the candidate commit checked out and says "good" by
    exiting 0, "bad" by exiting 1 to 127 except 125, and "cannot test" by 125 (the
    ``git bisect run`` convention). ``good`` and ``bad`` are trusted, not tested. With n
    commits in ``good..bad`` the command runs at most ceil(log2(n)) + 1 times.

    Afterwards the repository is as it was: same branch checked out, clean work tree,
    no ``refs/bisect/*`` left behind.

    Raises ``ValueError`` (changing nothing) if ``repo_path`` is not a repository, the work
    tree is dirty, HEAD is detached, ``good`` or ``bad`` is unknown, ``good`` is not an
    ancestor of ``bad`` or equal to it, or ``test_command`` is empty or not a sequence of
    strings (``TypeError`` if it is a single string or not a sequence at all).
    """
    # HINT: check every argument before starting: open_repo, resolve_commit, is_ancestor.
    # HINT: repo.git.bisect("start", bad, good) then repo.git.bisect("run", *test_command);
    # HINT: when it is done, refs/bisect/bad names the first bad commit.
    # HINT: always finish with repo.git.bisect("reset") (a try/finally), even on errors.
    # TODO: your code here.
    raise NotImplementedError("ex02_bisect: this part is yours to write (icsc hint ex02)")
