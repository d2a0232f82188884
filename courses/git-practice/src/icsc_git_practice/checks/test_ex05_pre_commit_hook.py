"""Public checks of exercise 5 (pre-commit hook): real commits through the real git."""

from icsc_git_practice.repostate import rev


def test_good_commit_goes_through(exercise, playground, try_commit):
    ex = exercise("ex05_pre_commit_hook")
    ex.install_pre_commit_hook(playground.repo, 10_000)
    status, stderr = try_commit(playground.repo, {"notes.md": b"all fine\n"}, "Add notes")
    assert status == 0, stderr
    assert rev(playground.repo, "HEAD") != playground.head


def test_conflict_markers_are_rejected(exercise, playground, try_commit):
    ex = exercise("ex05_pre_commit_hook")
    ex.install_pre_commit_hook(playground.repo, 10_000)
    text = b"a = 1\n<<<<<<< HEAD\nb = 2\n=======\nb = 3\n>>>>>>> topic\n"
    status, stderr = try_commit(playground.repo, {"reco/merge.py": text}, "Half-resolved merge")
    assert status != 0
    assert "reco/merge.py" in stderr
    assert rev(playground.repo, "HEAD") == playground.head
