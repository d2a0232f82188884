"""Public checks for exercise 1 (SHA-256 manifest and Merkle root).

References: hashlib for digests; the Certificate Transparency test vectors and an
independent RFC 6962 implementation (conftest) for Merkle roots.
"""

import hashlib

import pytest

from icsc_cybersecurity.checks.conftest import (
    CT_LEAVES,
    CT_ROOTS,
    hashlib_manifest,
    manifest_line,
    rfc6962_root,
)


def test_sha256_file_matches_hashlib(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    for path in [dataset / "README.txt", dataset / "runs" / "run-0003" / "empty.dat"]:
        assert ex.sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_manifest_has_every_file_under_its_posix_path(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = ex.build_manifest(dataset)
    assert manifest == hashlib_manifest(dataset)
    assert "notes/shift log.txt" in manifest
    assert list(manifest) == sorted(manifest)


@pytest.mark.points(3)
def test_merkle_root_matches_certificate_transparency_vectors(exercise):
    ex = exercise("ex01_dataset_manifest")
    for size, expected in enumerate(CT_ROOTS):
        assert ex.merkle_root(CT_LEAVES[:size]) == expected, f"tree of the first {size} leaves"


def test_manifest_root_agrees_with_an_independent_computation(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = hashlib_manifest(dataset)
    leaves = [manifest_line(manifest[path], path) for path in sorted(manifest)]
    assert ex.manifest_root(manifest) == rfc6962_root(leaves)


@pytest.mark.points(2)
def test_changed_missing_and_extra_files_are_reported(exercise, dataset):
    ex = exercise("ex01_dataset_manifest")
    manifest = hashlib_manifest(dataset)
    (dataset / "calibration" / "pedestals.csv").write_text("channel,pedestal\n0,0.0\n")
    (dataset / "runs" / "run-0002" / "meta.json").unlink()
    (dataset / "runs" / "run-0002" / "meta.json.bak").write_text("{}")
    assert ex.verify_dataset(dataset, manifest) == {
        "changed": ["calibration/pedestals.csv"],
        "missing": ["runs/run-0002/meta.json"],
        "extra": ["runs/run-0002/meta.json.bak"],
    }
