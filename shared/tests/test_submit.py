"""``icsc submit``: a reproducible zip of exercise files and notes with a SHA-256 manifest."""

import hashlib
import json
import zipfile

import pytest

from icsc_kit.cli import main
from icsc_kit.submission import MANIFEST_NAME, Manifest
from icsc_kit.workspace import start_workspace


@pytest.fixture
def workspace(toy_course, tmp_path, monkeypatch):
    """A started toy workspace with an edited exercise and a stray file; cwd is inside it."""
    root = tmp_path / "ws"
    start_workspace(toy_course, root)
    (root / "ex01_add.py").write_text("def add(a, b):\n    return a + b\n")
    (root / "conftest.py").write_text("raise SystemExit\n")
    (root / "notes.md").write_text("# my notes\n")
    (root / "data.bin").write_bytes(b"\0" * 10)
    monkeypatch.chdir(root)
    monkeypatch.delenv("ICSC_STUDENT", raising=False)
    return root


def test_without_a_student_id_there_is_one_clear_error(workspace, capsys):
    """Does submit without --student or ICSC_STUDENT say what to do, exit 2, no traceback?"""
    assert main(["submit"]) == 2
    err = capsys.readouterr().err
    assert "pass --student YOUR_ID or set ICSC_STUDENT" in err
    assert "Traceback" not in err


def test_unsafe_student_id_is_refused(workspace, capsys):
    """Is an id that could escape a folder refused?"""
    assert main(["submit", "--student", "../../etc"]) == 2
    assert "is not usable" in capsys.readouterr().err


def test_zip_holds_exercises_notes_and_a_matching_manifest(workspace, capsys):
    """Are only exNN files and notes packed, each with its SHA-256 in the manifest?"""
    assert main(["submit", "--student", "alice"]) == 0
    assert "toy-alice.zip" in capsys.readouterr().out
    with zipfile.ZipFile(workspace / "toy-alice.zip") as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(MANIFEST_NAME))
        contents = {name: archive.read(name) for name in names}
    assert names == sorted(names)
    assert set(names) == {"README.md", "ex01_add.py", "ex02_shapes.py", "notes.md", MANIFEST_NAME}
    assert manifest["course"] == "toy"
    assert manifest["course_version"] == "1.0.0"
    assert manifest["student"] == "alice"
    for name, sha in manifest["files"].items():
        assert hashlib.sha256(contents[name]).hexdigest() == sha


def test_student_from_environment_and_reproducible_bytes(workspace, monkeypatch, tmp_path):
    """Does ICSC_STUDENT work, and do two runs give byte-identical zips?"""
    monkeypatch.setenv("ICSC_STUDENT", "bob")
    first, second = tmp_path / "one.zip", tmp_path / "two.zip"
    assert main(["submit", "--output", str(first)]) == 0
    assert main(["submit", "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_oversized_file_is_refused(workspace, capsys):
    """Is an exercise file over the size limit refused with its name?"""
    (workspace / "ex02_shapes.py").write_text("#" * (2 << 20))
    assert main(["submit", "--student", "alice"]) == 2
    assert "ex02_shapes.py is larger than" in capsys.readouterr().err


def test_manifest_finds_tampering(workspace, tmp_path):
    """Does the manifest name a changed, a missing and an added file?"""
    assert main(["submit", "--student", "alice"]) == 0
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(workspace / "toy-alice.zip") as archive:
        archive.extractall(unpacked)
    manifest = Manifest.parse((unpacked / MANIFEST_NAME).read_text())
    assert manifest.mismatches(unpacked) == []
    (unpacked / "ex01_add.py").write_text("changed\n")
    (unpacked / "notes.md").unlink()
    (unpacked / "ex03_new.py").write_text("x = 1\n")
    assert manifest.mismatches(unpacked) == [
        "ex01_add.py does not match its SHA-256",
        "ex03_new.py is not in the manifest",
        "notes.md is missing",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[]", "format 1"),
        ('{"format": 1, "course": "toy"}', "lacks course"),
        (
            '{"format": 1, "course": "t", "course_version": "1", "student": "a", "files": []}',
            "map names",
        ),
    ],
)
def test_malformed_manifests_are_refused(text, reason):
    """Is a manifest of the wrong shape refused with the reason?"""
    with pytest.raises(ValueError, match=reason):
        Manifest.parse(text)
