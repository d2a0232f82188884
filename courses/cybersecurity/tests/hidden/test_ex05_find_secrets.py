"""Hidden tests for exercise 5: the whole leaky history, notebooks, decoys, failure paths.

Reference for every (commit, path): ``git log -S`` (conftest.pickaxe).
"""

import json

import pytest

from icsc_cybersecurity.checks.conftest import pickaxe, sha16

PEM_HEADER = "-----BEGIN PRIVATE KEY-----"


@pytest.mark.points(3)
def test_every_leak_in_the_history_and_nothing_else(exercise, leaky_repo, secrets):
    ex = exercise("ex05_find_secrets")
    repo, commits = leaky_repo
    expected = []
    for rule, role in [
        ("aws-access-key-id", "aws_key_id"),
        ("credential-assignment", "aws_secret"),
        ("github-token", "github_token"),
        ("credential-assignment", "api_token"),
        ("github-token", "notebook_token"),
    ]:
        commit, path = pickaxe(repo, secrets[role])
        expected.append(
            {"rule": rule, "fingerprint": sha16(secrets[role]), "commit": commit, "path": path}
        )
    expected.append({"rule": "private-key", "fingerprint": sha16(PEM_HEADER),
                     "commit": commits["add-deploy-key"], "path": "deploy/dashboard_key.pem"})  # fmt: skip
    key = lambda f: (f["rule"], f["fingerprint"])
    assert sorted(ex.scan_repository(repo), key=key) == sorted(expected, key=key)


def test_the_first_commit_wins_over_a_later_copy(exercise, leaky_repo, secrets):
    ex = exercise("ex05_find_secrets")
    repo, commits = leaky_repo
    aws = [f for f in ex.scan_repository(repo) if f["fingerprint"] == sha16(secrets["aws_key_id"])]
    assert [(f["commit"], f["path"]) for f in aws] == [(commits["add-s3"], "config/settings.py")]


def test_a_deleted_key_file_is_found(exercise, leaky_repo):
    ex = exercise("ex05_find_secrets")
    repo, commits = leaky_repo
    assert not (repo / "deploy" / "dashboard_key.pem").exists()
    assert pickaxe(repo, PEM_HEADER) == (commits["add-deploy-key"], "deploy/dashboard_key.pem")
    rules = {f["rule"]: f for f in ex.scan_repository(repo)}
    assert rules["private-key"]["commit"] == commits["add-deploy-key"]


def test_decoys_are_not_reported(exercise, leaky_repo):
    ex = exercise("ex05_find_secrets")
    repo, _ = leaky_repo
    fingerprints = {f["fingerprint"] for f in ex.scan_repository(repo)}
    for decoy in ["AKIAIOSFODNN7EXAMPLE", "changeme", "${CONDITIONS_TOKEN}"]:
        assert sha16(decoy) not in fingerprints


def test_scan_repository_failure_paths(exercise, tmp_path):
    ex = exercise("ex05_find_secrets")
    with pytest.raises(NotADirectoryError):
        ex.scan_repository(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    with pytest.raises(RuntimeError, match="git"):  # GitError is a RuntimeError
        ex.scan_repository(tmp_path / "plain")


@pytest.mark.points(2)
def test_every_notebook_leak(exercise, leaky_notebook, secrets):
    ex = exercise("ex05_find_secrets")
    assert ex.scan_notebook(leaky_notebook) == [
        {"rule": "github-token", "fingerprint": sha16(secrets["notebook_token"]), "cell": 1, "where": "output"},
        {"rule": "credential-assignment", "fingerprint": sha16(secrets["notebook_password"]), "cell": 2, "where": "source"},
        {"rule": "aws-access-key-id", "fingerprint": sha16(secrets["notebook_aws_key_id"]), "cell": 4, "where": "output"},
    ]  # fmt: skip


def test_the_same_notebook_as_raw_text_hides_two_leaks(exercise, leaky_notebook, secrets):
    """Scanning the .ipynb as text misses the JSON-escaped password and the ANSI-coloured key."""
    ex = exercise("ex05_find_secrets")
    found = {f["secret"] for f in ex.scan_text(leaky_notebook.read_text())}
    assert found == {secrets["notebook_token"]}


def test_notebook_sources_may_be_strings(exercise, tmp_path, secrets):
    ex = exercise("ex05_find_secrets")
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "metadata": {}, "execution_count": 1,
         "source": f"key = '{secrets['aws_key_id']}'",
         "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                      "data": {"application/json": {"token": secrets["github_token"]}}}]},
    ]}  # fmt: skip
    (tmp_path / "nb.ipynb").write_text(json.dumps(notebook))
    findings = ex.scan_notebook(tmp_path / "nb.ipynb")
    assert [(f["rule"], f["where"]) for f in findings] == [
        ("aws-access-key-id", "source"),
        ("github-token", "output"),
    ]


def test_strip_outputs_removes_the_output_leaks(exercise, leaky_notebook, tmp_path, secrets):
    ex = exercise("ex05_find_secrets")
    original = json.loads(leaky_notebook.read_text())
    clean = ex.strip_outputs(original)
    assert [c.get("outputs") for c in clean["cells"] if c["cell_type"] == "code"] == [[]] * 5
    assert all(c["execution_count"] is None for c in clean["cells"] if c["cell_type"] == "code")
    assert [c["source"] for c in clean["cells"]] == [c["source"] for c in original["cells"]]
    assert clean["metadata"] == original["metadata"]
    (tmp_path / "clean.ipynb").write_text(json.dumps(clean))
    assert [f["where"] for f in ex.scan_notebook(tmp_path / "clean.ipynb")] == ["source"]


def test_scan_notebook_failure_paths(exercise, tmp_path):
    ex = exercise("ex05_find_secrets")
    (tmp_path / "broken.ipynb").write_text("{not json")
    with pytest.raises(ValueError, match="notebook"):
        ex.scan_notebook(tmp_path / "broken.ipynb")
    (tmp_path / "nocells.ipynb").write_text('{"nbformat": 4}')
    with pytest.raises(ValueError, match="notebook"):
        ex.scan_notebook(tmp_path / "nocells.ipynb")
    with pytest.raises(ValueError, match="cells"):
        ex.strip_outputs({"nbformat": 4})


def test_scan_text_lines_order_and_overlaps(exercise, secrets):
    ex = exercise("ex05_find_secrets")
    text = (
        "nothing here\n"
        f'GITHUB_TOKEN = "{secrets["github_token"]}"  # one value, two rules: reported once\n'
        f"a = '{secrets['aws_key_id']}'; api_key: '{secrets['api_token']}'\n"
        f"{PEM_HEADER}\n"
    )
    assert ex.scan_text(text) == [
        {"rule": "github-token", "secret": secrets["github_token"], "line": 2},
        {"rule": "aws-access-key-id", "secret": secrets["aws_key_id"], "line": 3},
        {"rule": "credential-assignment", "secret": secrets["api_token"], "line": 3},
        {"rule": "private-key", "secret": PEM_HEADER, "line": 4},
    ]


@pytest.mark.parametrize(
    "text",
    [
        'password = "changeme"',                    # entropy 2.75 bits < 3
        'password = "Xk9$pQ2!"',                    # characters outside the value class
        "password = 'mismatched\"",                 # quotes do not match
        "token = os.environ['TOKEN']",              # a reference, not a value
        "AKIAIOSFODNN7EXAMPLE",                     # the documented example
        "XAKIAABCDEFGHIJKLMNOP",                    # not at a word boundary
    ],
)  # fmt: skip
def test_scan_text_decoys(exercise, text):
    ex = exercise("ex05_find_secrets")
    assert ex.scan_text(text) == []


def test_entropy_and_scan_need_strings(exercise):
    ex = exercise("ex05_find_secrets")
    with pytest.raises(TypeError):
        ex.shannon_entropy(b"bytes")
    with pytest.raises(TypeError):
        ex.scan_text(b"bytes")
