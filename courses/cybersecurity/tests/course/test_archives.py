"""Each hostile archive really has the defect its name says (and nothing is extracted here)."""

import stat
import tarfile
import zipfile

import pytest

from icsc_cybersecurity import archives


@pytest.fixture(scope="module")
def tars(tmp_path_factory):
    return archives.hostile_tars(tmp_path_factory.mktemp("tars"))


@pytest.fixture(scope="module")
def zips(tmp_path_factory):
    return archives.hostile_zips(tmp_path_factory.mktemp("zips"))


def _members(path):
    with tarfile.open(path) as tar:
        return tar.getmembers()


def test_tar_defects(tars):
    assert _members(tars["traversal"])[0].name.startswith("dataset/../../")
    assert _members(tars["absolute"])[0].name.startswith("/")
    assert _members(tars["symlink-absolute"])[0].issym()
    link, planted = _members(tars["symlink-then-write"])
    assert link.issym()
    assert link.linkname == "../.."
    assert planted.name.startswith("dataset/escape/")
    assert _members(tars["hardlink-escape"])[0].islnk()
    assert _members(tars["device"])[0].isblk()
    assert _members(tars["fifo"])[0].isfifo()
    assert _members(tars["setuid"])[0].mode & stat.S_ISUID
    assert [m.name for m in _members(tars["duplicate"])] == ["dataset/a.txt"] * 2
    assert len(_members(tars["many-members"])) == 150
    assert sum(m.size for m in _members(tars["bomb"])) == 10 << 20
    assert tars["bomb"].stat().st_size < 64 << 10
    with pytest.raises(tarfile.ReadError, match="unexpected end of data"):
        _members(tars["truncated"])


def test_zip_defects(zips):
    with zipfile.ZipFile(zips["symlink"]) as archive:
        assert stat.S_ISLNK(archive.infolist()[0].external_attr >> 16)
    with zipfile.ZipFile(zips["lying-size"]) as archive:
        info = archive.getinfo("data.bin")
        assert info.file_size == 100
        with pytest.raises(zipfile.BadZipFile, match="CRC"):
            archive.read("data.bin")
    with zipfile.ZipFile(zips["bomb"]) as archive:
        info = archive.infolist()[0]
        assert info.file_size / info.compress_size > 500
    with zipfile.ZipFile(zips["backslash"]) as archive:
        assert "\\" in archive.namelist()[0]


def test_benign_archives_hold_the_benign_files(tmp_path):
    with tarfile.open(archives.benign_tar(tmp_path)) as tar:
        names = {m.name for m in tar.getmembers() if m.isreg()}
    with zipfile.ZipFile(archives.benign_zip(tmp_path)) as archive:
        assert set(archive.namelist()) == names == set(archives.BENIGN_FILES)
