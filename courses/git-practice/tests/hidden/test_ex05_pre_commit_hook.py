"""Hidden tests of exercise 5: a real hook, installed in a real repository, run by real commits.

Every case makes a commit with the git command line (so git itself runs the hook) and
then checks whether HEAD moved. The secrets are fake values in the documented formats:
an AWS access key id is ``AKIA`` + 16 upper-case letters or digits (AWS IAM user guide,
"Unique identifiers"), a GitHub personal access token is ``ghp_`` + 36 characters
(GitHub blog, "Behind GitHub's new authentication token formats", 2021), a PEM private
key starts with ``-----BEGIN ... PRIVATE KEY-----`` (RFC 7468).
"""

import os
from pathlib import Path

import pytest

from icsc_git_practice.gitcli import run_git
from icsc_git_practice.repostate import rev

LIMIT = 4096
FAKE_AWS = b"aws_access_key_id = AKIA" + b"Z7QX3K2M9P4L8N5R" + b"\n"
FAKE_GITHUB = b'TOKEN = "ghp_' + b"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + b'"\n'
FAKE_KEY = b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"

ACCEPTED = {
    "plain-text": {"notes.md": b"Shift summary: all good.\n"},
    "exactly-the-limit": {"data/table.csv": b"x" * (LIMIT - 1) + b"\n"},
    "rst-heading-underline": {"docs/index.rst": b"Title\n=======\n\nText.\n"},
    "marker-like-text-mid-line": {
        "docs/git.md": b"Git writes `<<<<<<< HEAD` at the start of a line.\n"
    },
    "binary-with-marker-bytes": {"data/raw.bin": b"\x00\x01<<<<<<< HEAD\n\x02" * 10},
    "path-with-space-and-unicode": {"docs/r\u00e9sum\u00e9 notes.md": b"fine\n"},
}
REJECTED = {
    "over-the-limit": ({"data/table.csv": b"x" * (LIMIT + 1)}, "data/table.csv"),
    "conflict-markers": (
        {"reco/fit.py": b"<<<<<<< HEAD\na = 1\n=======\na = 2\n>>>>>>> topic\n"},
        "reco/fit.py",
    ),
    "only-closing-marker": ({"reco/util.py": b"x = 1\n>>>>>>> 3f2c1ab\n"}, "reco/util.py"),
    "aws-key": ({"config/deploy.ini": FAKE_AWS}, "config/deploy.ini"),
    "github-token": ({"scripts/push.py": FAKE_GITHUB}, "scripts/push.py"),
    "private-key": ({"keys/id_ed25519": FAKE_KEY}, "keys/id_ed25519"),
    "one-bad-among-good": ({"a.md": b"ok\n", "b.md": b"<<<<<<< ours\n", "c.md": b"ok\n"}, "b.md"),
    "secret-in-unicode-path": (
        {"docs/cl\u00e9 priv\u00e9e.pem": FAKE_KEY},
        "docs/cl\u00e9 priv\u00e9e.pem",
    ),
}


@pytest.fixture
def hooked(exercise, playground):
    ex = exercise("ex05_pre_commit_hook")
    ex.install_pre_commit_hook(playground.repo, LIMIT)
    return playground


def test_hook_is_installed_where_git_looks(exercise, playground):
    ex = exercise("ex05_pre_commit_hook")
    path = ex.install_pre_commit_hook(playground.repo, LIMIT)
    expected = (
        playground.repo
        / run_git(playground.repo, "rev-parse", "--git-path", "hooks/pre-commit")
        .stdout.decode()
        .strip()
    )
    assert Path(path).samefile(expected)
    assert os.access(expected, os.X_OK), "the hook must be executable"
    assert expected.read_bytes().startswith(b"#!")


@pytest.mark.points(2)
def test_good_commits_go_through(hooked, try_commit):
    # One commit holding every acceptable case (one hook run); the message names the culprit.
    files = {name: content for case in ACCEPTED.values() for name, content in case.items()}
    status, stderr = try_commit(hooked.repo, files, "Add only acceptable files")
    assert status == 0, stderr
    assert rev(hooked.repo, "HEAD~1") == hooked.head


@pytest.mark.points(2)
@pytest.mark.parametrize("case", list(REJECTED))
def test_bad_commits_are_rejected(hooked, try_commit, case):
    files, culprit = REJECTED[case]
    status, stderr = try_commit(hooked.repo, files, f"Add {case}")
    assert status != 0, "the commit went through"
    assert culprit in stderr, "the hook must name the offending file"
    assert rev(hooked.repo, "HEAD") == hooked.head


def test_checks_the_staged_content_not_the_work_tree(hooked, try_commit):
    status, stderr = try_commit(hooked.repo, {"a.py": b"x = 1\n"}, "Stage a clean file")
    assert status == 0, stderr
    (hooked.repo / "a.py").write_bytes(b"x = 1\n<<<<<<< HEAD\n")  # edited, not staged
    (hooked.repo / "b.py").write_bytes(b"y = 2\n")
    run_git(hooked.repo, "add", "b.py")
    status, stderr = try_commit(hooked.repo, {}, "Commit only b.py")
    assert status == 0, stderr
    (hooked.repo / "c.py").write_bytes(b"<<<<<<< HEAD\n")
    run_git(hooked.repo, "add", "c.py")
    (hooked.repo / "c.py").write_bytes(b"z = 3\n")  # fixed in the work tree only
    status, _ = try_commit(hooked.repo, {}, "Commit the staged c.py")
    assert status != 0, "the staged version of c.py has a marker"


def test_commit_all_uses_the_temporary_index(hooked, try_commit):
    status, _ = try_commit(
        hooked.repo, {"reco/fit.py": FAKE_AWS}, "Commit -a a secret", all_tracked=True
    )
    assert status != 0
    assert rev(hooked.repo, "HEAD") == hooked.head


def test_deleting_files_is_fine(hooked):
    run_git(hooked.repo, "rm", "--quiet", "reco/fit.py")
    status = run_git(hooked.repo, "commit", "-m", "Remove the fit", check=False).returncode
    assert status == 0


def test_staged_problems_reports_each_problem(exercise, playground):
    ex = exercise("ex05_pre_commit_hook")
    (playground.repo / "big.dat").write_bytes(b"y" * 200)
    (playground.repo / "m.txt").write_bytes(b"ok\n>>>>>>> theirs\n")
    (playground.repo / "k.txt").write_bytes(FAKE_KEY)
    run_git(playground.repo, "add", "big.dat", "m.txt", "k.txt")
    problems = ex.staged_problems(playground.repo, 150)
    assert [p.split(":")[0] for p in problems] == ["big.dat", "k.txt", "m.txt"]
    assert "too large" in problems[0]
    assert "secret" in problems[1]
    assert "conflict marker" in problems[2]
    assert "m.txt:2" in problems[2]


def test_existing_hook_is_never_overwritten(exercise, playground):
    ex = exercise("ex05_pre_commit_hook")
    hook = playground.repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n")
    with pytest.raises(FileExistsError):
        ex.install_pre_commit_hook(playground.repo, LIMIT)
    assert hook.read_text() == "#!/bin/sh\nexit 0\n"


@pytest.mark.parametrize("bad", [0, -1, True, "4096", 1.5])
def test_bad_limit_is_refused(exercise, playground, bad):
    ex = exercise("ex05_pre_commit_hook")
    with pytest.raises(ValueError, match="max_bytes"):
        ex.install_pre_commit_hook(playground.repo, bad)
    assert not (playground.repo / ".git" / "hooks" / "pre-commit").exists()


def test_not_a_repository_is_refused(exercise, tmp_path):
    ex = exercise("ex05_pre_commit_hook")
    with pytest.raises(ValueError, match="not a git repository"):
        ex.install_pre_commit_hook(tmp_path, LIMIT)
    with pytest.raises(ValueError, match="not a git repository"):
        ex.staged_problems(tmp_path, LIMIT)
