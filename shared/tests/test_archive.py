"""Submission archives and folders are checked before anything is extracted or copied."""

import os
import stat
import zipfile

import pytest

from icsc_kit.archive import (
    ArchiveLimits,
    InvalidSubmission,
    copy_directory,
    extract_zip,
    validate_zip,
)

LIMITS = ArchiveLimits(max_files=20, max_file_bytes=1 << 20, max_total_bytes=2 << 20)


def make_zip(path, members):
    """Write ``members`` (name, data, unix mode) into a zip at ``path``."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data, mode in members:
            info = zipfile.ZipInfo(name)
            info.external_attr = mode << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


REGULAR = 0o100644


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        pytest.param([("../evil.py", b"x", REGULAR)], "climbs out", id="dotdot"),
        pytest.param([("a/../../evil.py", b"x", REGULAR)], "climbs out", id="nested-dotdot"),
        pytest.param([("/etc/evil.py", b"x", REGULAR)], "absolute path", id="absolute"),
        pytest.param([("C:/evil.py", b"x", REGULAR)], "absolute path", id="drive-letter"),
        pytest.param([("a\\..\\evil.py", b"x", REGULAR)], "invalid name", id="backslash"),
        pytest.param(
            [("ex01_add.py", b"../../solutions/ex01_add.py", stat.S_IFLNK | 0o777)],
            "symbolic link",
            id="symlink",
        ),
        pytest.param([("dev", b"", stat.S_IFCHR | 0o666)], "device file", id="device"),
        pytest.param([("fifo", b"", stat.S_IFIFO | 0o666)], "device file", id="fifo"),
        pytest.param(
            [(f"f{i}.md", b"x", REGULAR) for i in range(21)], "too many files", id="too-many"
        ),
        pytest.param([("big.md", b"x" * ((1 << 20) + 1), REGULAR)], "too large", id="big-file"),
        pytest.param(
            [(f"part{i}.md", os.urandom(900_000), REGULAR) for i in range(3)],
            "too large",
            id="too-large-in-total",
        ),
        pytest.param([("bomb.md", b"\0" * (900 << 10), REGULAR)], "zip bomb", id="zip-bomb"),
        pytest.param([("a.md", b"1", REGULAR), ("./a.md", b"2", REGULAR)], "twice", id="duplicate"),
    ],
)
def test_bad_zips_are_refused_with_a_reason(tmp_path, members, reason):
    """Is each defect refused before extraction, naming what is wrong?"""
    archive = make_zip(tmp_path / "bad.zip", members)
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(InvalidSubmission, match=reason):
        extract_zip(archive, target, LIMITS)
    assert list(target.iterdir()) == []


def test_not_a_zip_is_refused(tmp_path):
    """Is a file that is not a zip refused with one sentence?"""
    fake = tmp_path / "x.zip"
    fake.write_text("hello")
    with pytest.raises(InvalidSubmission, match="not a readable zip"):
        validate_zip(fake, LIMITS)


def test_good_zip_extracts_regular_files(tmp_path):
    """Are the files of a clean archive written where they belong?"""
    archive = make_zip(
        tmp_path / "ok.zip",
        [("ex01_add.py", b"x = 1\n", REGULAR), ("notes/", b"", stat.S_IFDIR | 0o755),
         ("notes/a.md", b"# a\n", REGULAR)],
    )  # fmt: skip
    target = tmp_path / "out"
    target.mkdir()
    assert extract_zip(archive, target, LIMITS) == ["ex01_add.py", "notes/a.md"]
    assert (target / "notes" / "a.md").read_text() == "# a\n"


def test_member_longer_than_declared_is_caught(tmp_path):
    """Is a member whose data exceeds its declared size stopped while copying?"""
    archive = make_zip(tmp_path / "lie.zip", [("a.md", b"x" * 100, REGULAR)])
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        info = opened.getinfo("a.md")
    # Shrink the declared size in the central directory (offset 24 of its entry).
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (10).to_bytes(4, "little")
    local = raw.find(b"PK\x03\x04")
    raw[local + 22 : local + 26] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(raw))
    assert info.file_size == 100
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(InvalidSubmission, match=r"cannot be read|larger than it declares"):
        extract_zip(archive, target, LIMITS)


def test_folder_with_a_symlink_is_refused(tmp_path):
    """Is a link in a folder submission refused, not followed?"""
    secret = tmp_path / "solution.py"
    secret.write_text("SECRET")
    folder = tmp_path / "student"
    folder.mkdir()
    (folder / "ex01_add.py").symlink_to(secret)
    with pytest.raises(InvalidSubmission, match="symbolic link"):
        copy_directory(folder, tmp_path / "copy", LIMITS)


def test_folder_with_a_hard_link_is_refused(tmp_path):
    """Is a hard link (which could share a solution's inode) refused?"""
    secret = tmp_path / "solution.py"
    secret.write_text("SECRET")
    folder = tmp_path / "student"
    folder.mkdir()
    os.link(secret, folder / "ex01_add.py")
    with pytest.raises(InvalidSubmission, match="hard link"):
        copy_directory(folder, tmp_path / "copy", LIMITS)


def test_folder_with_a_fifo_is_refused(tmp_path):
    """Is a FIFO (which would block a reader) refused?"""
    folder = tmp_path / "student"
    folder.mkdir()
    os.mkfifo(folder / "pipe")
    with pytest.raises(InvalidSubmission, match="device file, FIFO or socket"):
        copy_directory(folder, tmp_path / "copy", LIMITS)


def test_folder_with_too_many_files_is_refused(tmp_path):
    """Is a huge folder refused without walking all of it?"""
    folder = tmp_path / "student"
    folder.mkdir()
    for number in range(25):
        (folder / f"n{number}.md").write_text("x")
    with pytest.raises(InvalidSubmission, match="too many files"):
        copy_directory(folder, tmp_path / "copy", LIMITS)


def test_clean_folder_is_copied(tmp_path):
    """Are the regular files of a clean folder copied?"""
    folder = tmp_path / "student"
    (folder / "sub").mkdir(parents=True)
    (folder / "ex01_add.py").write_text("x = 1\n")
    (folder / "sub" / "n.md").write_text("n\n")
    assert copy_directory(folder, tmp_path / "copy", LIMITS) == ["ex01_add.py", "sub/n.md"]
    assert (tmp_path / "copy" / "ex01_add.py").read_text() == "x = 1\n"
