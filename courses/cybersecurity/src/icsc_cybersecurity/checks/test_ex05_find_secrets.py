"""Public checks for exercise 5 (secrets in git history and notebooks).

Reference for commits: ``git log -S`` (git's pickaxe search), through conftest.pickaxe.
"""

import math

import pytest

from icsc_cybersecurity.checks.conftest import pickaxe, sha16


def test_shannon_entropy_known_values(exercise):
    ex = exercise("ex05_find_secrets")
    for text, bits in [("", 0.0), ("aaaa", 0.0), ("abcd", 2.0), ("aabb", 1.0)]:
        # exact in binary floating point (logarithms of powers of two); 1e-12 absorbs rounding
        assert ex.shannon_entropy(text) == pytest.approx(bits, abs=1e-12), text


def test_shannon_entropy_of_a_token(exercise, secrets):
    ex = exercise("ex05_find_secrets")
    token = secrets["api_token"]
    expected = -sum(token.count(c) / len(token) * math.log2(token.count(c) / len(token))
                    for c in set(token))  # fmt: skip
    assert ex.shannon_entropy(token) == pytest.approx(expected, rel=1e-12)


def test_scan_text_finds_keys_and_skips_decoys(exercise, secrets):
    ex = exercise("ex05_find_secrets")
    text = (
        f"key = {secrets['aws_key_id']}\n"
        "example = AKIAIOSFODNN7EXAMPLE\n"
        'password = "changeme"\n'
        f"export GITHUB_TOKEN={secrets['github_token']}\n"
    )
    assert ex.scan_text(text) == [
        {"rule": "aws-access-key-id", "secret": secrets["aws_key_id"], "line": 1},
        {"rule": "github-token", "secret": secrets["github_token"], "line": 4},
    ]


@pytest.mark.points(2)
def test_a_key_removed_from_head_is_still_found(exercise, leaky_repo, secrets):
    ex = exercise("ex05_find_secrets")
    repo, _ = leaky_repo
    assert secrets["aws_key_id"] not in (repo / "config" / "settings.py").read_text()
    findings = ex.scan_repository(repo)
    commit, path = pickaxe(repo, secrets["aws_key_id"])
    assert {
        "rule": "aws-access-key-id",
        "fingerprint": sha16(secrets["aws_key_id"]),
        "commit": commit,
        "path": path,
    } in findings


@pytest.mark.points(2)
def test_a_token_on_an_unmerged_branch_is_found(exercise, leaky_repo, secrets):
    ex = exercise("ex05_find_secrets")
    repo, commits = leaky_repo
    findings = ex.scan_repository(repo)
    assert pickaxe(repo, secrets["github_token"]) == (commits["experiment-env"], ".env")
    assert {
        "rule": "github-token",
        "fingerprint": sha16(secrets["github_token"]),
        "commit": commits["experiment-env"],
        "path": ".env",
    } in findings


@pytest.mark.points(2)
def test_a_token_printed_in_a_notebook_output_is_found(exercise, leaky_notebook, secrets):
    ex = exercise("ex05_find_secrets")
    findings = ex.scan_notebook(leaky_notebook)
    assert {
        "rule": "github-token",
        "fingerprint": sha16(secrets["notebook_token"]),
        "cell": 1,
        "where": "output",
    } in findings
