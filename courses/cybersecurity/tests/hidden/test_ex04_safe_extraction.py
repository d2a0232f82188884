"""Hidden tests for exercise 4: every hostile archive, the peer's verdicts, all-or-nothing.

Reference: ``tarfile``'s ``data`` filter (PEP 706). The cases where the course policy is
deliberately stricter than the peer are listed in POLICY_STRICTER_THAN_PEP706.
"""

import stat
import zipfile

import pytest

from icsc_cybersecurity.archives import BENIGN_FILES
from icsc_cybersecurity.checks.conftest import data_filter_verdict, tree

TAR_CASES = {
    # defect: (keyword in our message, what PEP 706's data filter does)
    "traversal": ("traversal", "OutsideDestinationError"),
    "symlink-absolute": ("link", "AbsoluteLinkError"),
    "symlink-escape": ("link", "LinkOutsideDestinationError"),
    "symlink-then-write": ("link", "LinkOutsideDestinationError"),
    "hardlink-escape": ("link", "LinkOutsideDestinationError"),
    "hardlink-absolute": ("link", "AbsoluteLinkError"),
    "device": ("special file", "SpecialFileError"),
    "fifo": ("special file", "SpecialFileError"),
    "truncated": ("corrupt", "ReadError"),
}


def escaped(dest):
    """Files that appeared next to the destination (two levels up, all inside tmp_path)."""
    top = dest.parent.parent
    return [p for p in top.rglob("*") if p not in (dest, dest.parent) and dest not in p.parents]


POLICY_STRICTER_THAN_PEP706 = {
    # PEP 706 strips the leading "/" and extracts inside the destination; we refuse.
    "absolute": "absolute path",
    # PEP 706 lets the second member overwrite the first; we refuse.
    "duplicate": "duplicate",
    # PEP 706 sets no size or count limits (it is a filter, not a quota); the
    # archive has 150 members and the test allows 100.
    "many-members": "too many members",
}


@pytest.mark.parametrize("defect", sorted(TAR_CASES))
def test_hostile_tars_are_refused_like_the_data_filter(exercise, archive_set, new_dest, defect):
    ex = exercise("ex04_safe_extraction")
    keyword, peer_error = TAR_CASES[defect]
    archive = archive_set["tar"][defect]
    assert data_filter_verdict(archive, new_dest()) == peer_error
    dest = new_dest()
    with pytest.raises(ValueError, match=keyword):
        ex.safe_extract_tar(archive, dest)
    assert list(dest.iterdir()) == []
    assert escaped(dest) == []


@pytest.mark.parametrize("defect", sorted(POLICY_STRICTER_THAN_PEP706))
def test_refusals_stricter_than_the_data_filter(exercise, archive_set, new_dest, defect):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["tar"][defect]
    assert data_filter_verdict(archive, new_dest()) is None
    dest = new_dest()
    with pytest.raises(ValueError, match=POLICY_STRICTER_THAN_PEP706[defect]):
        ex.safe_extract_tar(archive, dest, max_members=100)
    assert list(dest.iterdir()) == []


def test_setuid_is_dropped_like_the_data_filter(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    archive = archive_set["tar"]["setuid"]
    ours, peer = new_dest(), new_dest()
    assert ex.safe_extract_tar(archive, ours) == ["dataset/tool"]
    assert data_filter_verdict(archive, peer) is None
    mode = stat.S_IMODE((ours / "dataset" / "tool").stat().st_mode)
    assert mode == 0o755
    assert mode & 0o7000 == stat.S_IMODE((peer / "dataset" / "tool").stat().st_mode) & 0o7000 == 0


def test_extracted_modes_are_normalised(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    dest = new_dest()
    ex.safe_extract_tar(archive_set["benign_tar"], dest)
    assert stat.S_IMODE((dest / "dataset" / "bin" / "analyse.sh").stat().st_mode) == 0o755
    assert stat.S_IMODE((dest / "dataset" / "README.txt").stat().st_mode) == 0o644


def test_member_count_and_size_limits_are_parameters(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    with pytest.raises(ValueError, match="too many members"):
        ex.safe_extract_tar(archive_set["benign_tar"], new_dest(), max_members=3)
    with pytest.raises(ValueError, match="too large"):
        ex.safe_extract_tar(archive_set["benign_tar"], new_dest(), max_total_bytes=50)
    assert (
        len(ex.safe_extract_tar(archive_set["tar"]["bomb"], new_dest(), max_total_bytes=11 << 20))
        == 1
    )


@pytest.mark.parametrize(
    ("defect", "keyword"),
    [
        ("traversal", "traversal"),
        ("absolute", "absolute path"),
        ("backslash", "backslash"),
        ("symlink", "link"),
        ("duplicate", "duplicate"),
        ("bomb", "compression ratio"),
        ("many-members", "too many members"),
        ("lying-size", "corrupt"),
    ],
)
def test_hostile_zips(exercise, archive_set, new_dest, defect, keyword):
    ex = exercise("ex04_safe_extraction")
    dest = new_dest()
    with pytest.raises(ValueError, match=keyword):
        ex.safe_extract_zip(archive_set["zip"][defect], dest)
    assert list(dest.iterdir()) == []


def test_zip_bomb_declared_size_limit(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    with pytest.raises(ValueError, match="too large"):
        ex.safe_extract_zip(archive_set["zip"]["bomb"], new_dest(), max_total_bytes=1 << 20)


def test_benign_zip_extracts_like_zipfile(exercise, archive_set, new_dest):
    ex = exercise("ex04_safe_extraction")
    ours, peer = new_dest(), new_dest()
    assert ex.safe_extract_zip(archive_set["benign_zip"], ours) == sorted(BENIGN_FILES)
    with zipfile.ZipFile(archive_set["benign_zip"]) as archive:
        archive.extractall(peer)
    assert tree(ours) == tree(peer) == BENIGN_FILES
    assert stat.S_IMODE((ours / "dataset" / "bin" / "analyse.sh").stat().st_mode) == 0o755


def test_destination_must_be_an_empty_directory(exercise, archive_set, new_dest, tmp_path):
    ex = exercise("ex04_safe_extraction")
    dest = new_dest()
    (dest / "existing.txt").write_text("keep me\n")
    with pytest.raises(ValueError, match="not empty"):
        ex.safe_extract_tar(archive_set["benign_tar"], dest)
    assert (dest / "existing.txt").read_text() == "keep me\n"
    with pytest.raises(NotADirectoryError):
        ex.safe_extract_zip(archive_set["benign_zip"], tmp_path / "no-such-folder")


def test_a_file_that_is_no_archive_is_corrupt(exercise, new_dest, tmp_path):
    ex = exercise("ex04_safe_extraction")
    (tmp_path / "junk.tar").write_bytes(b"this is not a tar archive at all" * 40)
    with pytest.raises(ValueError, match="corrupt"):
        ex.safe_extract_tar(tmp_path / "junk.tar", new_dest())
    with pytest.raises(ValueError, match="corrupt"):
        ex.safe_extract_zip(tmp_path / "junk.tar", new_dest())


def test_safe_member_path_cleans(exercise):
    ex = exercise("ex04_safe_extraction")
    for name, clean in [("data/x.csv", "data/x.csv"), ("./data//x.csv", "data/x.csv"),
                        ("a/./b/", "a/b"), ("./", ""), ("..data/x", "..data/x"),
                        ("d\u00e9j\u00e0/vu", "d\u00e9j\u00e0/vu")]:  # fmt: skip
        assert ex.safe_member_path(name) == clean, name


@pytest.mark.parametrize(
    ("name", "keyword"),
    [("/etc/passwd", "absolute path"), ("C:/Windows/x", "absolute path"), ("c:x", "absolute path"),
     ("a/../../b", "traversal"), ("..", "traversal"), ("a/..", "traversal"),
     ("a\\..\\b", "backslash"), ("a\x00b", "invalid name")],
)  # fmt: skip
def test_safe_member_path_refuses(exercise, name, keyword):
    ex = exercise("ex04_safe_extraction")
    with pytest.raises(ValueError, match=keyword):
        ex.safe_member_path(name)
