"""The toy dataset is reproducible and refuses to overwrite anything."""

import hashlib

import pytest

from icsc_cybersecurity import datasets


def _digests(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


def test_same_seed_same_bytes(tmp_path):
    first = datasets.make_dataset(tmp_path / "a")
    second = datasets.make_dataset(tmp_path / "b")
    assert first == second
    assert _digests(tmp_path / "a") == _digests(tmp_path / "b")


def test_other_seed_other_bytes(tmp_path):
    datasets.make_dataset(tmp_path / "a", seed=1)
    datasets.make_dataset(tmp_path / "b", seed=2)
    assert _digests(tmp_path / "a") != _digests(tmp_path / "b")


def test_layout_has_the_edge_cases(tmp_path):
    paths = datasets.make_dataset(tmp_path / "d", runs=2)
    assert paths == sorted(paths)
    assert "notes/shift log.txt" in paths
    assert "notes/\u00e9nergie.txt" in paths
    assert (tmp_path / "d" / "runs" / "run-0002" / "empty.dat").stat().st_size == 0
    assert (tmp_path / "d" / "runs" / "run-0001" / "events.bin").stat().st_size % 16 == 0


def test_refuses_non_empty_folders_and_bad_run_counts(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(ValueError, match="not an empty directory"):
        datasets.make_dataset(tmp_path / "full")
    with pytest.raises(ValueError, match="runs"):
        datasets.make_dataset(tmp_path / "new", runs=0)


def test_flip_byte(tmp_path):
    target = tmp_path / "f"
    target.write_bytes(b"\x00\x01")
    datasets.flip_byte(target, 1)
    assert target.read_bytes() == b"\x00\xfe"
    with pytest.raises(ValueError, match="outside"):
        datasets.flip_byte(target, 2)
