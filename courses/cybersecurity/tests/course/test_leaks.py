"""The leaky repository is reproducible to the commit id; the notebook is valid nbformat 4."""

import json

import pytest

from icsc_cybersecurity import leaks
from icsc_cybersecurity.gitcli import GitError, clean_env, git


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    path = tmp_path_factory.mktemp("leaky") / "repo"
    return path, leaks.make_leaky_repository(path)


def test_commit_ids_do_not_depend_on_the_machine(repo, tmp_path):
    _, commits = repo
    assert leaks.make_leaky_repository(tmp_path / "again") == commits
    assert len(set(commits.values())) == 10


def test_branches_and_history(repo):
    path, commits = repo
    assert git(path, "branch", "--show-current").strip() == "main"
    assert git(path, "rev-parse", "experiment").strip() == commits["experiment-env"]
    assert commits["experiment-env"] not in git(path, "rev-list", "main")
    assert not (path / "deploy" / "dashboard_key.pem").exists()


def test_secrets_are_fake_but_well_formed():
    secrets = leaks.planted_secrets()
    assert secrets["aws_key_id"].startswith("AKIA")
    assert len(secrets["aws_key_id"]) == 20
    assert secrets["github_token"].startswith("ghp_")
    assert len(secrets["github_token"]) == 40
    assert secrets["private_key_pem"].startswith("-----BEGIN PRIVATE KEY-----")
    assert leaks.planted_secrets() == secrets


def test_notebook_structure(tmp_path):
    path = leaks.make_leaky_notebook(tmp_path / "nb.ipynb")
    notebook = json.loads(path.read_text())
    assert notebook["nbformat"] == 4
    assert [cell["cell_type"] for cell in notebook["cells"]] == ["markdown"] + ["code"] * 5
    assert all("outputs" in cell for cell in notebook["cells"] if cell["cell_type"] == "code")


def test_gitcli_ignores_redirections(monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_DIR", "/nonexistent")
    env = clean_env()
    assert "GIT_DIR" not in env
    assert env["GIT_CONFIG_VALUE_0"] == "*"
    with pytest.raises(GitError, match="rev-parse"):
        git(tmp_path, "rev-parse", "HEAD")
