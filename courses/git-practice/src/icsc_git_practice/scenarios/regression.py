"""A long linear history with one regression hidden at a known commit.

The repository holds a detector-calibration constant ``GAIN`` in ``calib/gain.py`` and a
check script ``check_gain.py`` (exit status 0: good, 1: bad) that converts a reference
ADC reading to energy and compares it with the expected value. After the root commit
(tagged ``v2.0``, known good) come ``n_commits`` commits that edit channel tables, the
changelog and comments; one of them, with an innocent subject, swaps two digits of the
gain. Every later commit keeps the wrong value, so the tip is bad.

The check script reads the constant as text (it imports nothing from the repository), so
running it leaves no ``__pycache__`` behind and the work tree stays clean.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from icsc_git_practice.gitcli import init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.scenarios.common import MAINTAINER, Clock, cast, check_seed, check_target

GOOD_GAIN = "1.25"
BAD_GAIN = "1.52"
REFERENCE_ADC = 180
PEDESTAL = 20
EXPECTED_ENERGY = 200.0  # 1.25 * (180 - 20) MeV

CHECK_SCRIPT = f'''"""Exit 0 if calib/gain.py converts the reference reading correctly, 1 otherwise."""

import re
import sys
from pathlib import Path

text = (Path(__file__).resolve().parent / "calib" / "gain.py").read_text()
gain = float(re.search(r"^GAIN = ([0-9.]+)", text, re.MULTILINE).group(1))
pedestal = float(re.search(r"^PEDESTAL = ([0-9.]+)", text, re.MULTILINE).group(1))
energy = gain * ({REFERENCE_ADC} - pedestal)
ok = abs(energy - {EXPECTED_ENERGY}) < 1e-9
print(f"energy {{energy:.3f}} MeV, expected {EXPECTED_ENERGY}: {{'good' if ok else 'BAD'}}")
sys.exit(0 if ok else 1)
'''

SUBJECTS = (
    "Update channel table {ch}",
    "Recalibrate timing of channel {ch}",
    "Note shifter feedback on channel {ch}",
    "Mask noisy strip in channel {ch}",
    "Tidy comments in gain module",
    "Add changelog entry for run {run}",
)


@dataclass(frozen=True)
class RegressionHistory:
    """The regression scenario: ``good`` (root, tag v2.0) and ``bad`` (tip) bracket the search.

    ``commits`` lists every commit oldest first (``commits[0] == good``); ``first_bad`` is
    the commit that broke the check; ``test_command`` runs the check in the work tree.
    """

    repo: Path
    seed: int
    branch: str
    good: str
    bad: str
    first_bad: str
    first_bad_index: int
    commits: tuple[str, ...]
    test_command: tuple[str, ...]

    def is_good(self, commit: str) -> bool:
        """Reference predicate: whether the check passes at ``commit`` (read from the object store)."""
        text = run_git(self.repo, "show", f"{commit}:calib/gain.py").stdout.decode()
        match = re.search(r"^GAIN = ([0-9.]+)", text, re.MULTILINE)
        return match is not None and match.group(1) == GOOD_GAIN


def _gain_module(gain: str, comment: int, offsets: list[int]) -> str:
    return (
        f'"""Calibration constants of the barrel calorimeter (revision {comment})."""\n\n'
        f"GAIN = {gain}  # MeV per ADC count\nPEDESTAL = {PEDESTAL}  # ADC counts\n"
        f"TIMING_OFFSETS_PS = {offsets}\n"
    )


def regression_history(
    path: str | Path, seed: int = 0, n_commits: int = 50, first_bad_index: int | None = None
) -> RegressionHistory:
    """Build the regression scenario in the new folder ``path``; see the module docstring.

    ``n_commits`` (>= 2) commits follow the good root; the regression is commit number
    ``first_bad_index`` (1-based among them; default: drawn from the seed). Branch ``main``
    is checked out. ``ValueError`` for counts out of range or a used ``path``.
    """
    rng = check_seed(seed)
    folder = check_target(path)
    if isinstance(n_commits, bool) or not isinstance(n_commits, int) or n_commits < 2:
        msg = f"n_commits must be an int >= 2, got {n_commits!r}"
        raise ValueError(msg)
    if first_bad_index is None:
        first_bad_index = rng.randint(1, n_commits)
    if isinstance(first_bad_index, bool) or not isinstance(first_bad_index, int):
        msg = f"first_bad_index must be an int, got {type(first_bad_index).__name__}"
        raise TypeError(msg)
    if not 1 <= first_bad_index <= n_commits:
        msg = f"first_bad_index must be between 1 and n_commits={n_commits}, got {first_bad_index}"
        raise ValueError(msg)
    people = cast(rng, 4)
    clock = Clock(rng)
    repo = init_repository(folder, MAINTAINER)

    offsets = [rng.randint(-40, 40) for _ in range(4)]
    tables = {ch: [f"# channel {ch}: strip pedestal_rms\n"] for ch in range(4)}
    changelog = ["# Changelog\n"]
    revision = 1
    files: dict[str, str] = {
        "calib/gain.py": _gain_module(GOOD_GAIN, revision, offsets),
        "check_gain.py": CHECK_SCRIPT,
        ".gitignore": "__pycache__/\n",
        "CHANGELOG.md": "".join(changelog),
        **{f"calib/channels/ch{ch}.txt": "".join(lines) for ch, lines in tables.items()},
    }
    w = HistoryWriter()
    ref = "refs/heads/main"
    marks = [w.commit(ref, "Import calibration code\n", people[0], clock.tick(), files)]
    w.tag("v2.0", marks[0], "Calibration release 2.0\n", people[0], clock.now + 60)
    gain = GOOD_GAIN
    for index in range(1, n_commits + 1):
        kind = rng.randrange(len(SUBJECTS))
        ch = rng.randrange(4)
        changes: dict[str, str] = {}
        if index == first_bad_index:
            gain = BAD_GAIN
            offsets[ch] += rng.choice((-3, -2, 2, 3))
            revision += 1
            subject = "Update timing offsets after the March cosmic run"
            changes["calib/gain.py"] = _gain_module(gain, revision, offsets)
        elif kind in (0, 2, 3):
            tables[ch].append(f"{rng.randint(0, 511)} {rng.uniform(0.5, 3.0):.3f}\n")
            changes[f"calib/channels/ch{ch}.txt"] = "".join(tables[ch])
            subject = SUBJECTS[kind].format(ch=ch)
        elif kind in (1, 4):
            if kind == 1:
                offsets[ch] += rng.choice((-1, 1))
            revision += 1
            changes["calib/gain.py"] = _gain_module(gain, revision, offsets)
            subject = SUBJECTS[kind].format(ch=ch)
        else:
            run = rng.randint(1000, 9999)
            changelog.append(f"- run {run}: calibration checked\n")
            changes["CHANGELOG.md"] = "".join(changelog)
            subject = SUBJECTS[kind].format(run=run)
        author = people[rng.randrange(len(people))]
        marks.append(w.commit(ref, f"{subject}\n", author, clock.tick(), changes, [marks[-1]]))
    shas = w.run(repo)
    run_git(repo, "checkout", "--quiet", "--force", "main")
    commits = tuple(shas[mark] for mark in marks)
    return RegressionHistory(
        repo=repo,
        seed=seed,
        branch="main",
        good=commits[0],
        bad=commits[-1],
        first_bad=commits[first_bad_index],
        first_bad_index=first_bad_index,
        commits=commits,
        test_command=(sys.executable, "check_gain.py"),
    )
