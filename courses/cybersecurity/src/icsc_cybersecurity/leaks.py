"""A repository that leaked credentials in its history, and a notebook that leaked them in outputs.

:func:`make_leaky_repository` builds a real git repository with the ``git`` command line
(:mod:`icsc_cybersecurity.gitcli`), commit by commit, with fixed names and dates, so its
commit ids are the same on every machine. The story is the usual one: cloud keys
committed and "removed" in the next commit, a token in an ``.env`` file on a branch
that was never merged, a deployment key added and deleted, an API token still in the
code, a notebook committed with its outputs, and decoys that a good scanner must not
report (the documented AWS example key, a weak placeholder password, an environment
variable reference, a SHA-256 digest).

The credentials are *fake* and made up at run time from a seeded generator (none is
written literally in this source file, so that secret scanners of the course's own
repository stay quiet); :func:`planted_secrets` returns them for the tests.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from icsc_cybersecurity.gitcli import commit_env, git

SEED = 20260318
AWS_DOCUMENTED_EXAMPLE = "AKIAIOSFODNN7EXAMPLE"
"""The access key id that AWS documentation uses in examples (allow-listed by scanners)."""

BASE62 = string.ascii_letters + string.digits


def planted_secrets(seed: int = SEED) -> dict[str, str]:
    """The fake credentials of the scenario, by role (deterministic for ``seed``)."""
    rng = random.Random(seed)

    def draw(alphabet: str, count: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(count))

    upper = string.ascii_uppercase + string.digits
    key_seed = rng.randbytes(32)
    pem = (
        Ed25519PrivateKey.from_private_bytes(key_seed)
        .private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        .decode()
    )
    return {
        "aws_key_id": "AK" + "IA" + draw(upper, 16),
        "aws_secret": draw(BASE62 + "+/", 40),
        "github_token": "gh" + "p_" + draw(BASE62, 36),
        "api_token": draw(BASE62, 32),
        "private_key_pem": pem,
        "notebook_token": "gh" + "o_" + draw(BASE62, 36),
        "notebook_password": draw(BASE62, 20),
        "notebook_aws_key_id": "AS" + "IA" + draw(upper, 16),
        "png": draw(BASE62, 8),  # makes the fake image bytes below
    }


def notebook_json(secrets: dict[str, str]) -> dict:
    """The leaky notebook (nbformat 4) as a JSON-ready dict.

    Cell 1 prints a token (leak in a *stream output* only), cell 2 holds a password in
    its *source*, cell 3 displays a figure, cell 4 failed with an HTTP error whose
    coloured traceback contains a signed URL with an access key id (leak in an *error
    output*, behind ANSI colour codes), cell 5 has a weak placeholder password (a decoy).
    """
    png = random.Random(secrets["png"]).randbytes(600)
    import base64  # noqa: PLC0415

    red, reset = "\x1b[0;31m", "\x1b[0m"
    url = (
        "https://s3.example.org/raw/run-0001.bin?X-Amz-Credential="
        f"{red}{secrets['notebook_aws_key_id']}{reset}%2F20260318%2Fauto%2Fs3"
    )
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "cells": [
            {"cell_type": "markdown", "id": "c0", "metadata": {},
             "source": ["# Calibration fetch\n", "Reads constants from the conditions service."]},
            {"cell_type": "code", "id": "c1", "execution_count": 1, "metadata": {},
             "source": ["import os\n", "token = os.environ['CONDITIONS_TOKEN']\n", "print('using token', token)"],
             "outputs": [{"output_type": "stream", "name": "stdout",
                          "text": [f"using token {secrets['notebook_token']}\n"]}]},
            {"cell_type": "code", "id": "c2", "execution_count": 2, "metadata": {},
             "source": [f'DB_PASSWORD = "{secrets["notebook_password"]}"\n', "connect(DB_PASSWORD)"],
             "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {},
                          "data": {"text/plain": ["'connected'"]}}]},
            {"cell_type": "code", "id": "c3", "execution_count": 3, "metadata": {},
             "source": ["plot_spectrum()"],
             "outputs": [{"output_type": "display_data", "metadata": {},
                          "data": {"image/png": base64.b64encode(png).decode(),
                                   "text/plain": ["<Figure size 640x480 with 1 Axes>"]}}]},
            {"cell_type": "code", "id": "c4", "execution_count": 4, "metadata": {},
             "source": ["download(url)"],
             "outputs": [{"output_type": "error", "ename": "HTTPError",
                          "evalue": "403 Client Error: Forbidden",
                          "traceback": [f"{red}HTTPError{reset}: 403 Client Error: Forbidden for url: {url}"]}]},
            {"cell_type": "code", "id": "c5", "execution_count": None, "metadata": {},
             "source": ['password = "changeme"  # replace with your own'], "outputs": []},
        ],
    }  # fmt: skip


def make_leaky_notebook(path: str | Path, seed: int = SEED) -> Path:
    """Write the leaky notebook of :func:`notebook_json` to ``path`` (``.ipynb``)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(notebook_json(planted_secrets(seed)), indent=1) + "\n")
    return target


def _commit(repo: Path, when: str, message: str, files: dict[str, str | None]) -> str:
    """Write (``str``) or delete (``None``) ``files``, commit everything; return the commit id."""
    for relative, content in files.items():
        target = repo / relative
        if content is None:
            git(repo, "rm", "-q", relative)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content)
        git(repo, "add", relative)
    git(repo, "commit", "-q", "-m", message, env=commit_env(when))
    return git(repo, "rev-parse", "HEAD").strip()


def make_leaky_repository(path: str | Path, seed: int = SEED) -> dict[str, str]:
    """Build the leaky repository in ``path`` (a new folder); return ``{label: commit id}``.

    Branches: ``main`` (checked out) and ``experiment`` (never merged). Labels name the
    commits in the order they were made (``initial``, ``add-s3``, ``experiment-env``,
    ``remove-credentials``, ``add-deploy-key``, ``remove-deploy-key``, ``fetch-api``,
    ``docs``, ``site-b``, ``notebook``). Raises ``ValueError`` if ``path`` exists and is
    not empty, ``FileNotFoundError`` if git is missing.
    """
    repo = Path(path)
    if repo.exists() and any(repo.iterdir()):
        msg = f"{repo} exists and is not empty"
        raise ValueError(msg)
    repo.mkdir(parents=True, exist_ok=True)
    s = planted_secrets(seed)
    git(repo, "init", "-q", "-b", "main")
    commits = {}
    day = "2026-03-{:02d}T{}:00+01:00".format
    commits["initial"] = _commit(repo, day(2, "09:00"), "Initial analysis skeleton", {
        "README.md": "# Z-peak analysis\n\nRun `python analysis/run.py`.\n",
        "analysis/run.py": "from analysis.fetch import fetch\n\nprint(fetch())\n",
        ".gitignore": "__pycache__/\n",
    })  # fmt: skip
    commits["add-s3"] = _commit(repo, day(3, "10:15"), "Read raw data from S3", {
        "config/settings.py": (
            'BUCKET = "zpeak-raw"\n'
            f'AWS_ACCESS_KEY_ID = "{s["aws_key_id"]}"\n'
            f'AWS_SECRET_ACCESS_KEY = "{s["aws_secret"]}"\n'
        ),
        "docs/s3.md": f"Credentials look like `{AWS_DOCUMENTED_EXAMPLE}` (see the AWS docs).\n",
    })  # fmt: skip
    git(repo, "checkout", "-q", "-b", "experiment")
    commits["experiment-env"] = _commit(repo, day(4, "16:40"), "Try the GitHub API", {
        ".env": f"GITHUB_TOKEN={s['github_token']}\nREPO=zpeak/analysis\n",
    })  # fmt: skip
    git(repo, "checkout", "-q", "main")
    commits["remove-credentials"] = _commit(repo, day(5, "08:30"), "Remove credentials", {
        "config/settings.py": (
            "import os\n\n"
            'BUCKET = "zpeak-raw"\n'
            'AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n'
        ),
    })  # fmt: skip
    commits["add-deploy-key"] = _commit(repo, day(6, "11:00"), "Deploy key for the dashboard", {
        "deploy/dashboard_key.pem": s["private_key_pem"],
    })  # fmt: skip
    commits["remove-deploy-key"] = _commit(repo, day(6, "11:05"), "Oops, remove key", {
        "deploy/dashboard_key.pem": None,
    })  # fmt: skip
    commits["fetch-api"] = _commit(repo, day(9, "14:20"), "Fetch calibration constants", {
        "analysis/fetch.py": (
            "import urllib.request\n\n"
            f'API_TOKEN = "{s["api_token"]}"\n\n\n'
            "def fetch():\n"
            '    request = urllib.request.Request("https://conditions.example.org/zpeak")\n'
            '    request.add_header("Authorization", "Bearer " + API_TOKEN)\n'
            "    return urllib.request.urlopen(request).read()\n"
        ),
    })  # fmt: skip
    commits["docs"] = _commit(repo, day(10, "09:45"), "Document the configuration", {
        "docs/configuration.md": (
            "# Configuration\n\n"
            'Set `password = "changeme"` in a local file that git ignores.\n'
            'In CI, `token: "${CONDITIONS_TOKEN}"` comes from the secret store.\n'
            "Raw file digest: sha256 "
            "4e704b89635d5b1f05f08dac4ee790b63fb13404256c0b19bf97d792f3386f71\n"
        ),
    })  # fmt: skip
    commits["site-b"] = _commit(repo, day(12, "17:30"), "Settings for site B (from backup)", {
        "sites/site_b.py": f'AWS_ACCESS_KEY_ID = "{s["aws_key_id"]}"\nREGION = "site-b"\n',
    })  # fmt: skip
    commits["notebook"] = _commit(repo, day(16, "10:00"), "Exploration notebook", {
        "analysis/explore.ipynb": json.dumps(notebook_json(s), indent=1) + "\n",
    })  # fmt: skip
    return commits
