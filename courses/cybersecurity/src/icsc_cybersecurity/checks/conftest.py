"""Shared fixtures and independent references of the cybersecurity checks.

The hidden tests import everything from here. Expected values come from outside the
reference solution wherever such a source exists:

* RFC 6962 Merkle tree heads: the Certificate Transparency test vectors (as published
  in transparency-dev/merkle, ``testonly/constants.go``) and :func:`rfc6962_root`, a
  second implementation written for the tests;
* RFC 8032 section 7.1, Ed25519 test vectors 1 to 3;
* ``hashlib`` for every digest, ``packaging`` for PEP 503 names;
* Python's own ``tarfile`` ``data`` filter (PEP 706) as a peer extractor;
* ``git log -S`` (git's "pickaxe") for the commit that introduced a string.
"""

from __future__ import annotations

import hashlib
import shutil
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from icsc_cybersecurity import archives, datasets, leaks, packages, pipeline
from icsc_cybersecurity.gitcli import git

# -- exercise 1: RFC 6962 --------------------------------------------------------------------
CT_LEAVES = [bytes.fromhex(h) for h in (
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
)]  # fmt: skip
"""Leaf inputs of the Certificate Transparency reference tree."""

CT_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
"""Published tree heads of the first 0..8 leaves of :data:`CT_LEAVES` (index = tree size)."""


def rfc6962_root(leaves: list[bytes]) -> str:
    """RFC 6962 Merkle Tree Hash, computed bottom-up with an explicit stack of subtrees.

    Deliberately a different algorithm from the recursive definition: leaves are pushed
    one by one and equal-sized subtrees merged (as a Merkle log appends entries), then
    the remaining subtrees are folded from the right.
    """
    stack: list[tuple[int, bytes]] = []  # (size, hash), sizes strictly decreasing
    for leaf in leaves:
        node = (1, hashlib.sha256(b"\x00" + leaf).digest())
        while stack and stack[-1][0] == node[0]:
            size, left = stack.pop()
            node = (size * 2, hashlib.sha256(b"\x01" + left + node[1]).digest())
        stack.append(node)
    if not stack:
        return hashlib.sha256(b"").hexdigest()
    root = stack.pop()[1]
    while stack:
        root = hashlib.sha256(b"\x01" + stack.pop()[1] + root).digest()
    return root.hex()


def manifest_line(digest: str, path: str) -> bytes:
    """One ``sha256sum`` line, the Merkle leaf of exercise 1."""
    return f"{digest}  {path}\n".encode()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A fresh copy of the toy dataset (``datasets.make_dataset``) in this test's tmp_path."""
    root = tmp_path / "dataset"
    datasets.make_dataset(root)
    return root


def hashlib_manifest(root: Path) -> dict[str, str]:
    """The manifest of ``root`` computed here with hashlib (regular files, POSIX paths)."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# -- exercise 2: RFC 8032 --------------------------------------------------------------------
RFC8032_VECTORS = [
    pytest.param(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
        "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        id="TEST-1",
    ),
    pytest.param(
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        id="TEST-2",
    ),
    pytest.param(
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
        "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        id="TEST-3",
    ),
]
"""RFC 8032 section 7.1: (SECRET KEY, PUBLIC KEY, MESSAGE, SIGNATURE) in hex."""

PIPELINE = "zpeak-fit"


def independent_canonical_bytes(statement: dict[str, Any]) -> bytes:
    """The signed bytes of a statement, rebuilt here from the format's description."""
    import json  # noqa: PLC0415

    body = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return b"icsc-cybersecurity/pipeline-outputs/v1\n" + body.encode("utf-8")


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    """A folder with the toy pipeline's outputs."""
    folder = tmp_path / "outputs"
    pipeline.run_pipeline(folder)
    return folder


@pytest.fixture(scope="session")
def pipeline_seed() -> bytes:
    return pipeline.demo_seed("zpeak pipeline")


@pytest.fixture(scope="session")
def attacker_seed() -> bytes:
    return pipeline.demo_seed("attacker")


@pytest.fixture(scope="session")
def trusted_keys(pipeline_seed: bytes) -> dict[str, bytes]:
    """The consumer's trust store: the pipeline's key under its id, computed with hashlib."""
    public = pipeline.public_key_bytes(pipeline_seed)
    return {hashlib.sha256(public).hexdigest(): public}


# -- exercise 3 ------------------------------------------------------------------------------
@pytest.fixture
def artifacts(tmp_path: Path) -> tuple[Path, str]:
    """(folder of downloaded artifacts, the requirements text that should describe them)."""
    folder = tmp_path / "artifacts"
    scenario = packages.make_artifact_folder(folder)
    return folder, str(scenario["requirements"])


@pytest.fixture(scope="session")
def popular() -> list[str]:
    return packages.popular_packages()


# -- exercise 4 ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def archive_set(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """All course archives, built once: ``{"tar": {defect: path}, "zip": {...}, "benign_tar", "benign_zip"}``."""
    base = tmp_path_factory.mktemp("archives")
    (base / "tar").mkdir()
    (base / "zip").mkdir()
    return {
        "tar": archives.hostile_tars(base / "tar"),
        "zip": archives.hostile_zips(base / "zip"),
        "benign_tar": archives.benign_tar(base),
        "benign_zip": archives.benign_zip(base),
    }


@pytest.fixture
def new_dest(tmp_path: Path) -> Callable[[], Path]:
    """``new_dest()``: a new empty folder three levels below tmp_path (escapes stay in tmp_path)."""
    counter = iter(range(1000))

    def make() -> Path:
        folder = tmp_path / f"x{next(counter)}" / "y" / "dest"
        folder.mkdir(parents=True)
        return folder

    return make


def tree(folder: Path) -> dict[str, bytes]:
    """Relative path -> content of every regular file below ``folder``."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def data_filter_verdict(archive: Path, dest: Path) -> str | None:
    """``None`` if ``tarfile``'s ``data`` filter (PEP 706) extracts ``archive``, else the error name."""
    if not hasattr(tarfile, "data_filter"):
        pytest.skip("this Python has no tarfile extraction filters (PEP 706, Python >= 3.11.4)")
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(dest, filter="data")
    except (tarfile.TarError, OSError) as error:
        return type(error).__name__
    return None


# -- exercise 5 ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def leaky_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The leaky repository (built once with the git command line) and its commit ids by label."""
    if shutil.which("git") is None:
        pytest.fail("the git command line is needed for exercise 5; install git and run again")
    path = tmp_path_factory.mktemp("leaky") / "repo"
    return path, leaks.make_leaky_repository(path)


@pytest.fixture(scope="session")
def secrets() -> dict[str, str]:
    return leaks.planted_secrets()


def sha16(secret: str) -> str:
    """The fingerprint of a secret, computed here (first 16 hex digits of SHA-256)."""
    return hashlib.sha256(secret.encode()).hexdigest()[:16]


def pickaxe(repo: Path, secret: str) -> tuple[str, str]:
    """(first commit, path) that added ``secret``, according to ``git log -S`` (the peer)."""
    out = git(repo, "log", "--all", "-S", secret, "--reverse", "--date-order",
              "--format=%x00%H", "--name-only")  # fmt: skip
    first = out.split("\x00")[1].split()
    return first[0], first[1]


@pytest.fixture
def leaky_notebook(tmp_path: Path) -> Path:
    return leaks.make_leaky_notebook(tmp_path / "explore.ipynb")


# -- exercise 6 ------------------------------------------------------------------------------
@pytest.fixture
def marker(tmp_path: Path) -> Iterator[Path]:
    """A path that must NOT exist after a test: the demonstrator pickle creates it."""
    path = tmp_path / "PICKLE-RAN-CODE"
    yield path
    if path.exists():
        path.rmdir()
