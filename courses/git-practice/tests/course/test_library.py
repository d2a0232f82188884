"""The small library pieces: history writer, preflight checks, git runner."""

import pytest

from icsc_git_practice.gitcli import GitError, Person, git, init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.repostate import detach_head, make_dirty
from icsc_git_practice.safety import is_ancestor, open_repo, require_branch, resolve_commit

ADA = Person("Ada Example", "ada@example.org")


@pytest.fixture
def repo(tmp_path):
    folder = init_repository(tmp_path / "r", ADA)
    w = HistoryWriter()
    first = w.commit("refs/heads/main", "One\n", ADA, 1_700_000_000, {"a.txt": "a\n"})
    w.commit(
        "refs/heads/main",
        "Two\n",
        ADA,
        1_700_000_060,
        {"a.txt": None, "b.bin": b"\x00\x01"},
        [first],
    )
    w.run(folder)
    run_git(folder, "checkout", "--quiet", "--force", "main")
    return folder


def test_history_writer_writes_exact_commits(repo):
    assert git(repo, "log", "--format=%an|%ae|%ad|%s", "--date=raw") == (
        "Ada Example|ada@example.org|1700000060 +0100|Two\nAda Example|ada@example.org|1700000000 +0100|One"
    )
    assert git(repo, "ls-files") == "b.bin"
    assert (repo / "b.bin").read_bytes() == b"\x00\x01"


@pytest.mark.parametrize("bad", ["/abs", "../up", 'quo"te', "a\nb", ""])
def test_history_writer_rejects_unsafe_paths(bad):
    with pytest.raises(ValueError, match="relative"):
        HistoryWriter().commit("refs/heads/main", "x", ADA, 0, {bad: "x"})


def test_history_writer_rejects_short_ref_names():
    with pytest.raises(ValueError, match="full name"):
        HistoryWriter().commit("main", "x", ADA, 0, {})


def test_git_errors_carry_the_command_and_stderr(repo):
    with pytest.raises(GitError, match="rev-parse") as caught:
        run_git(repo, "rev-parse", "--verify", "no-such-ref")
    assert caught.value.returncode != 0


def test_open_repo_accepts_a_clean_checkout(repo):
    with open_repo(repo) as opened:
        assert require_branch(opened, "main") == resolve_commit(opened, "HEAD")
        assert is_ancestor(opened, "HEAD~1", "HEAD")
        assert not is_ancestor(opened, "HEAD", "HEAD~1")


def test_open_repo_refusals(repo, tmp_path):
    (tmp_path / "plain").mkdir()
    with pytest.raises(ValueError, match="not a git repository"):
        open_repo(tmp_path / "plain")
    with pytest.raises(ValueError, match="top folder"):
        open_repo(repo / ".git")
    with pytest.raises(TypeError, match="str or Path"):
        open_repo(42)
    with open_repo(repo) as opened:
        with pytest.raises(ValueError, match="unknown ref"):
            resolve_commit(opened, "nope")
        with pytest.raises(ValueError, match="unknown branch"):
            require_branch(opened, "nope")
        with pytest.raises(ValueError, match="starting with '-'"):
            resolve_commit(opened, "--all")
    detach_head(repo)
    with pytest.raises(ValueError, match="detached"):
        open_repo(repo)
    open_repo(repo, require_branch=False).close()
    run_git(repo, "checkout", "--quiet", "main")
    make_dirty(repo)
    with pytest.raises(ValueError, match="dirty"):
        open_repo(repo)
    open_repo(repo, require_clean=False).close()


def test_open_repo_refuses_a_half_done_operation(repo):
    (repo / ".git" / "MERGE_HEAD").write_text(git(repo, "rev-parse", "HEAD") + "\n")
    with pytest.raises(ValueError, match="merge is in progress"):
        open_repo(repo)
    open_repo(repo, require_idle=False).close()


def test_init_refuses_a_used_folder(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "f").write_text("")
    with pytest.raises(FileExistsError, match="not an empty folder"):
        init_repository(tmp_path / "x", ADA)
