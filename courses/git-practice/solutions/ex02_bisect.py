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
    # BEGIN SOLUTION
    # HINT: check every argument before starting: open_repo, resolve_commit, is_ancestor.
    # HINT: repo.git.bisect("start", bad, good) then repo.git.bisect("run", *test_command);
    # HINT: when it is done, refs/bisect/bad names the first bad commit.
    # HINT: always finish with repo.git.bisect("reset") (a try/finally), even on errors.
    if isinstance(test_command, str | bytes) or not isinstance(test_command, Sequence):
        msg = f"test_command must be a sequence of strings such as ['python', 'check.py'], got {test_command!r}"
        raise TypeError(msg)
    if not test_command or not all(isinstance(part, str) and part for part in test_command):
        msg = (
            f"test_command must be a non-empty sequence of non-empty strings, got {test_command!r}"
        )
        raise ValueError(msg)
    with open_repo(repo_path) as repo:
        good_sha, bad_sha = resolve_commit(repo, good), resolve_commit(repo, bad)
        if good_sha == bad_sha or not is_ancestor(repo, good_sha, bad_sha):
            msg = f"good ({good}) must be an ancestor of bad ({bad}) and differ from it"
            raise ValueError(msg)
        try:
            repo.git.bisect("start", bad_sha, good_sha)
            repo.git.bisect("run", *test_command)
            return repo.git.rev_parse("--verify", "refs/bisect/bad")
        except git.GitCommandError as error:
            msg = f"git bisect failed: {error.stderr.strip()}"
            raise RuntimeError(msg) from error
        finally:
            repo.git.bisect("reset")
    # END SOLUTION
