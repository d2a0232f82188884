"""A release branch that needs a hotfix which was made on ``main``.

Version 1.0.0 of a smoothing library was tagged (``v1.0.0``) and branched off as
``release/1.0``, which got one more commit of its own. Afterwards ``main`` moved on::

    Add weighted moving window              new feature in smoothing/window.py (not for 1.0)
    Fix off-by-one at the upper window edge   Fixes: BUG-<n>        <- backport
    Read gzip-compressed input files        Fixes: BUG-<n>0 (another bug: the id has an extra digit)
    Draft changelog entry for BUG-<n>       Refs: BUG-<n> (mentions the bug, fixes nothing)
    Test both window edges                  Fixes: BUG-<n>        <- backport
    Start 1.1 development                   VERSION 1.1.0.dev0

Backporting means cherry-picking exactly the two commits whose ``Fixes:`` trailer names
``BUG-<n>``, in order, onto ``release/1.0``. :attr:`ReleaseWithHotfix.expected_release_files`
is the release tree that results, computed from the file templates here (not by git).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from icsc_git_practice.gitcli import Person, init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.scenarios.common import MAINTAINER, Clock, cast, check_seed, check_target

RELEASE = "release/1.0"
SOURCE = "main"

WINDOW_HEAD = '''"""Moving windows over a sequence of n samples."""


def window_bounds(i, n, half):
    """Indices [lo, hi) of the window of half-width `half` centred on sample i."""
    if not 0 <= i < n:
        raise IndexError(f"sample {i} outside 0..{n - 1}")
    lo = max(0, i - half)
'''
WINDOW_BUGGY = "    hi = min(n, i + half)\n"
WINDOW_FIXED = "    hi = min(n, i + half + 1)\n"
WINDOW_BODY = '''    return lo, hi


def moving_average(values, half):
    """Average of each sample's window; same length as `values`."""
    n = len(values)
    out = []
    for i in range(n):
        lo, hi = window_bounds(i, n, half)
        out.append(sum(values[lo:hi]) / (hi - lo))
    return out
'''
WINDOW_WEIGHTED = '''

def weighted_moving_average(values, weights):
    """Average of each sample's window weighted by `weights` (odd length, centred)."""
    half = len(weights) // 2
    n = len(values)
    out = []
    for i in range(n):
        lo, hi = window_bounds(i, n, half)
        w = weights[half - (i - lo) : half + (hi - i)]
        out.append(sum(v * k for v, k in zip(values[lo:hi], w)) / sum(w))
    return out
'''
TESTS = """from smoothing.window import moving_average, window_bounds


def test_constant_signal_is_unchanged():
    assert moving_average([2.0] * 7, 2) == [2.0] * 7


def test_window_is_centred():
    assert window_bounds(5, 10, 2) == (3, 8)
"""
TESTS_EDGES = """

def test_both_edges_are_inclusive():
    assert window_bounds(0, 10, 2) == (0, 3)
    assert window_bounds(9, 10, 2) == (7, 10)
"""
READER = '''"""Read one floating-point sample per line."""


def read_samples(path):
    with open(path, encoding="utf-8") as handle:
        return [float(line) for line in handle if line.strip()]
'''
READER_GZIP = '''"""Read one floating-point sample per line, from plain or gzip-compressed files."""

import gzip


def read_samples(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [float(line) for line in handle if line.strip()]
'''
README = "# smoothing\n\nMoving averages for detector time series.\n"
README_RELEASE = README + "\nInstall release 1.0 with `pip install smoothing==1.0.0`.\n"


@dataclass(frozen=True)
class ReleaseWithHotfix:
    """The backport scenario; ``fix_commits`` are the commits to cherry-pick, oldest first.

    ``decoys`` are commits of ``main`` that mention related ids but must not be
    backported; ``expected_release_files`` is the whole tree of ``release/1.0`` after a
    correct backport.
    """

    repo: Path
    seed: int
    bug_id: str
    source: str
    release: str
    release_tip: str
    source_tip: str
    tag: str
    fix_commits: tuple[str, ...]
    fix_authors: tuple[Person, ...]
    decoys: tuple[str, ...]
    expected_release_files: dict[str, str]


def release_with_hotfix(path: str | Path, seed: int = 0) -> ReleaseWithHotfix:
    """Build the backport scenario in the new folder ``path``; ``main`` is checked out.

    Deterministic for a given ``seed``. ``ValueError`` if ``path`` is not new or empty.
    """
    rng = check_seed(seed)
    folder = check_target(path)
    alice, bob, carol, dave = cast(rng, 4)
    clock = Clock(rng)
    number = rng.randint(100, 999)
    bug, other = f"BUG-{number}", f"BUG-{number}0"
    repo = init_repository(folder, MAINTAINER)

    window_v1 = WINDOW_HEAD + WINDOW_BUGGY + WINDOW_BODY
    w = HistoryWriter()
    main = "refs/heads/main"
    m0 = w.commit(main, "Import smoothing library\n", carol, clock.tick(), {
        "smoothing/__init__.py": '"""Moving averages for detector time series."""\n',
        "smoothing/window.py": window_v1,
        "smoothing/reader.py": READER,
        "tests/test_window.py": TESTS,
        "README.md": README,
        "VERSION": "1.0.0.dev0\n",
    })  # fmt: skip
    m1 = w.commit(
        main, "Prepare release 1.0.0\n", carol, clock.tick(), {"VERSION": "1.0.0\n"}, [m0]
    )
    w.tag("v1.0.0", m1, "Release 1.0.0\n", carol, clock.tick())
    r1 = w.commit(f"refs/heads/{RELEASE}", "Explain how to install release 1.0\n", carol, clock.tick(),
                  {"README.md": README_RELEASE}, [m1])  # fmt: skip
    m2 = w.commit(main, "Add weighted moving window\n", alice, clock.tick(),
                  {"smoothing/window.py": window_v1 + WINDOW_WEIGHTED}, [m1])  # fmt: skip
    fix_msg = (
        "Fix off-by-one at the upper window edge\n\n"
        "window_bounds returned a half-open range that stopped one sample short,\n"
        f"so every window was asymmetric.\n\nFixes: {bug}\n"
    )
    m3 = w.commit(main, fix_msg, bob, clock.tick(),
                  {"smoothing/window.py": WINDOW_HEAD + WINDOW_FIXED + WINDOW_BODY + WINDOW_WEIGHTED},
                  [m2])  # fmt: skip
    m4 = w.commit(main, f"Read gzip-compressed input files\n\nFixes: {other}\n", dave, clock.tick(),
                  {"smoothing/reader.py": READER_GZIP}, [m3])  # fmt: skip
    m5 = w.commit(main, f"Draft changelog entry for {bug}\n\nRefs: {bug}\n", alice, clock.tick(),
                  {"CHANGELOG.md": f"# Changelog\n\n- {bug}: windows are now symmetric.\n"}, [m4])  # fmt: skip
    m6 = w.commit(main, f"Test both window edges\n\nFixes: {bug}\n", dave, clock.tick(),
                  {"tests/test_window.py": TESTS + TESTS_EDGES}, [m5])  # fmt: skip
    m7 = w.commit(
        main, "Start 1.1 development\n", carol, clock.tick(), {"VERSION": "1.1.0.dev0\n"}, [m6]
    )
    marks = w.run(repo)
    run_git(repo, "checkout", "--quiet", "--force", SOURCE)

    expected = {
        "README.md": README_RELEASE,
        "VERSION": "1.0.0\n",
        "smoothing/__init__.py": '"""Moving averages for detector time series."""\n',
        "smoothing/reader.py": READER,
        "smoothing/window.py": WINDOW_HEAD + WINDOW_FIXED + WINDOW_BODY,
        "tests/test_window.py": TESTS + TESTS_EDGES,
    }
    return ReleaseWithHotfix(
        repo=repo,
        seed=seed,
        bug_id=bug,
        source=SOURCE,
        release=RELEASE,
        release_tip=marks[r1],
        source_tip=marks[m7],
        tag="v1.0.0",
        fix_commits=(marks[m3], marks[m6]),
        fix_authors=(bob, dave),
        decoys=(marks[m2], marks[m4], marks[m5], marks[m7]),
        expected_release_files=expected,
    )
