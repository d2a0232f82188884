"""Public checks for exercise 4 (safe archive extraction).

Reference: Python's ``tarfile`` with the PEP 706 ``data`` filter, an independent
extractor. Where both should refuse an archive, both must; where both should accept it,
both must produce the same files.
"""

import tarfile
import zipfile

import pytest

from icsc_cybersecurity.archives import BENIGN_FILES
from icsc_cybersecurity.checks.conftest import data_filter_verdict, tree


@pytest.mark.points(2)
def test_benign_tar_extracts_like_the_data_filter(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    ours, peer = new_dest(), new_dest()
    files = ex.safe_extract_tar(archive_set["benign_tar"], ours)
    assert data_filter_verdict(archive_set["benign_tar"], peer) is None
    assert files == sorted(BENIGN_FILES)
    assert tree(ours) == tree(peer) == BENIGN_FILES


@pytest.mark.points(2)
def test_traversal_is_refused_like_the_data_filter(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["tar"]["traversal"]
    dest = new_dest()
    assert data_filter_verdict(archive, new_dest()) == "OutsideDestinationError"
    with pytest.raises(ValueError, match="traversal"):
        ex.safe_extract_tar(archive, dest)
    assert not (dest.parent.parent / "outside.txt").exists()
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize(
    ("defect", "peer_error"),
    [
        ("symlink-absolute", "AbsoluteLinkError"),
        ("symlink-escape", "LinkOutsideDestinationError"),
        ("hardlink-escape", "LinkOutsideDestinationError"),
    ],
)
def test_links_are_refused(exercise, archive_set, new_dest, defect, peer_error):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["tar"][defect]
    assert data_filter_verdict(archive, new_dest()) == peer_error
    with pytest.raises(ValueError, match="link"):
        ex.safe_extract_tar(archive, new_dest())


def test_device_files_are_refused(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["tar"]["device"]
    assert data_filter_verdict(archive, new_dest()) == "SpecialFileError"
    with pytest.raises(ValueError, match="special file"):
        ex.safe_extract_tar(archive, new_dest())


@pytest.mark.parametrize(("defect", "keyword"), [("traversal", "traversal"), ("symlink", "link")])
def test_hostile_zips_are_refused(exercise, archive_set, new_dest, defect, keyword):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["zip"][defect]
    assert zipfile.is_zipfile(archive)
    dest = new_dest()
    with pytest.raises(ValueError, match=keyword):
        ex.safe_extract_zip(archive, dest)
    assert list(dest.iterdir()) == []


def test_a_tar_bomb_is_refused_by_its_declared_size(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["tar"]["bomb"]
    with tarfile.open(archive) as tar:
        assert sum(member.size for member in tar) == 10 << 20  # 10 MiB inside ...
    assert archive.stat().st_size < 64 << 10  # ... of a file below 64 kB
    with pytest.raises(ValueError, match="too large"):
        ex.safe_extract_tar(archive, new_dest(), max_total_bytes=1 << 20)
