"""The library's git runner does not run commands that a repository's own config names."""

import subprocess

from icsc_git_practice.gitcli import git


def test_repository_fsmonitor_command_is_not_run(tmp_path):
    """Is a planted core.fsmonitor hook ignored by `git status` through gitcli?"""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    marker = tmp_path / "ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    subprocess.run(["git", "-C", str(repo), "config", "core.fsmonitor", str(hook)], check=True)
    (repo / "file.txt").write_text("x\n")
    git(repo, "status", "--porcelain")
    assert not marker.exists()
    # the same status through plain git does run it: the test can tell the difference
    subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain"], check=True, capture_output=True
    )
    assert marker.exists()
