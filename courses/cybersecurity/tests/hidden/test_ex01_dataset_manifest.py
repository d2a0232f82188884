"""Hidden tests for exercise 1: edge cases, failure paths, more Merkle trees, sha256sum.

References: hashlib, the independent RFC 6962 implementation of the conftest, and the
coreutils ``sha256sum -c`` command as a second reader of the manifest format.
"""

import hashlib
import os
import random
import shutil
import subprocess

import pytest


def test_large_file_is_hashed_in_chunks(exercise, tmp_path):
    ex = exercise("ex01_dataset_manifest")
    data = random.Random(1).randbytes((3 << 20) + 1)  # 48 chunks of 64 KiB and one byte
    (tmp_path / "big.bin").write_bytes(data)
    assert ex.sha256_file(tmp_path / "big.bin") == hashlib.sha256(data).hexdigest()


def test_empty_file_digest_is_the_sha256_of_nothing(exercise, tmp_path):
    ex = exercise("ex01_dataset_manifest")
    (tmp_path / "empty").write_bytes(b"")
    assert ex.sha256_file(tmp_path / "empty") == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_sha256_file_failure_paths(exercise, tmp_path):
    ex = exercise("ex01_dataset_manifest")
    with pytest.raises(FileNotFoundError):
        ex.sha256_file(tmp_path / "missing")
    with pytest.raises(IsADirectoryError):
        ex.sha256_file(tmp_path)


def test_a_symlink_in_the_dataset_is_refused(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    (dataset / "runs" / "hostname").symlink_to("/etc/hostname")
    with pytest.raises(ValueError, match="link"):
        ex.build_manifest(dataset)


def test_a_symlinked_folder_is_refused(exercise, dataset, tmp_path):
    ex = exercise("ex01_dataset_manifest")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text("not part of the dataset\n")
    (dataset / "linked").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ValueError, match="link"):
        ex.build_manifest(dataset)


def test_a_fifo_in_the_dataset_is_refused(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    os.mkfifo(dataset / "runs" / "pipe")
    with pytest.raises(ValueError, match="special"):
        ex.build_manifest(dataset)


def test_build_manifest_needs_a_directory(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    with pytest.raises(NotADirectoryError):
        ex.build_manifest(dataset / "README.txt")
    with pytest.raises(NotADirectoryError):
        ex.build_manifest(dataset / "no-such-folder")


def test_empty_folders_are_not_entries(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    (dataset / "empty-folder" / "deeper").mkdir(parents=True)
    assert not any(key.startswith("empty-folder") for key in ex.build_manifest(dataset))


@pytest.mark.points(2)
def test_merkle_root_of_larger_trees(exercise):
    ex = exercise("ex01_dataset_manifest")
    from icsc_cybersecurity.checks.conftest import rfc6962_root  # noqa: PLC0415

    for size in [9, 10, 13, 16, 17, 31, 32, 33, 64, 100]:
        rng = random.Random(size)
        leaves = [rng.randbytes(rng.randrange(0, 40)) for _ in range(size)]
        assert ex.merkle_root(leaves) == rfc6962_root(leaves), f"tree of {size} leaves"


def test_leaf_and_node_prefixes_prevent_confusion(exercise):
    """A two-leaf tree and the one leaf made of the two leaf hashes must differ (RFC 6962 2.1)."""
    ex = exercise("ex01_dataset_manifest")
    a, b = b"alpha", b"beta"
    forged = hashlib.sha256(b"\x00" + a).digest() + hashlib.sha256(b"\x00" + b).digest()
    assert ex.merkle_root([a, b]) != ex.merkle_root([forged])
    assert ex.merkle_root([a, b]) != hashlib.sha256(forged).hexdigest()


def test_merkle_root_refuses_non_bytes(exercise):
    ex = exercise("ex01_dataset_manifest")
    with pytest.raises(TypeError, match="bytes"):
        ex.merkle_root(["not bytes"])


def test_manifest_root_is_independent_of_insertion_order(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = ex.build_manifest(dataset)
    reordered = dict(reversed(list(manifest.items())))
    assert ex.manifest_root(reordered) == ex.manifest_root(manifest)


def test_one_changed_byte_changes_the_root(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    before = ex.manifest_root(ex.build_manifest(dataset))
    from icsc_cybersecurity.datasets import flip_byte  # noqa: PLC0415

    flip_byte(dataset / "runs" / "run-0001" / "events.bin", 100)
    assert ex.manifest_root(ex.build_manifest(dataset)) != before


@pytest.mark.parametrize(
    "bad",
    [
        {"/etc/passwd": "0" * 64},
        {"runs/../../x": "0" * 64},
        {"runs\\x": "0" * 64},
        {"runs//x": "0" * 64},
        {"./x": "0" * 64},
        {"x": "0" * 63},
        {"x": "A" * 64},
        {"x": "g" * 64},
    ],
)
def test_malformed_manifests_are_refused(exercise, bad):
    ex = exercise("ex01_dataset_manifest")
    with pytest.raises(ValueError, match="manifest"):
        ex.manifest_root(bad)


def test_manifest_must_be_a_dict(exercise):
    ex = exercise("ex01_dataset_manifest")
    with pytest.raises(TypeError):
        ex.manifest_root([("x", "0" * 64)])


def test_an_intact_dataset_has_no_differences(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = ex.build_manifest(dataset)
    assert ex.verify_dataset(dataset, manifest) == {"changed": [], "missing": [], "extra": []}


def test_a_renamed_file_is_missing_and_extra(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = ex.build_manifest(dataset)
    (dataset / "notes" / "\u00e9nergie.txt").rename(dataset / "notes" / "energie.txt")
    assert ex.verify_dataset(dataset, manifest) == {
        "changed": [],
        "missing": ["notes/\u00e9nergie.txt"],
        "extra": ["notes/energie.txt"],
    }


def test_a_silently_corrupted_file_is_changed(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = ex.build_manifest(dataset)
    from icsc_cybersecurity.datasets import flip_byte  # noqa: PLC0415

    flip_byte(dataset / "runs" / "run-0003" / "events.bin", 7)
    assert ex.verify_dataset(dataset, manifest)["changed"] == ["runs/run-0003/events.bin"]


def test_verify_dataset_refuses_a_malformed_manifest(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    with pytest.raises(ValueError, match="manifest"):
        ex.verify_dataset(dataset, {"../x": "0" * 64})


@pytest.mark.points(2)
def test_sha256sum_accepts_the_manifest(exercise, dataset):
    """coreutils sha256sum, a second program, checks every line of the manifest."""
    ex = exercise("ex01_dataset_manifest")
    binary = shutil.which("sha256sum")
    if binary is None:
        pytest.skip("the coreutils sha256sum command is not installed")
    manifest_text = ex.format_manifest(ex.build_manifest(dataset))
    (dataset.parent / "SHA256SUMS").write_text(manifest_text)
    done = subprocess.run(
        [binary, "--check", "--strict", str(dataset.parent / "SHA256SUMS")],
        cwd=dataset, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == sum(1 for p in dataset.rglob("*") if p.is_file())
