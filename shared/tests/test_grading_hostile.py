"""The hostile suite: every attack in ``hostile/`` graded in ONE batch with honest work.

Each hostile submission carries the honest ``ex02_shapes.py`` and an attacking
``ex01_add.py`` (or a conftest.py, or an attacking archive), so a correct grader gives it
exactly the 3 points of ex02. The honest submissions must be graded byte-for-byte as in
a batch without the attackers.
"""

import math
import os
import shutil
import stat
import sys
import time
import zipfile
from pathlib import Path

import pytest

from icsc_kit.discovery import get_course
from icsc_kit.grading.batch import BatchOptions, run_batch
from icsc_kit.grading.sandbox import privileged
from icsc_kit.stubgen import generate_stubs
from icsc_kit.submission import build_submission

HOSTILE = Path(__file__).parent / "hostile"
FIXTURE_COURSE = Path(__file__).parent / "fixture_course"
TIMEOUT, CALL_TIMEOUT, JOBS = 10.0, 2.0, 2
EX02_POINTS, FULL = 3.0, 8.0
# Without root these would reach the grader itself (same user, same files): they only run
# where the worker gets a user, PID namespace and mount namespace of its own.
NEED_ROOT = {"fork_bomb", "kills_everything", "reads_solutions", "reads_hidden_tests"}
CODE_ATTACKS = sorted(
    path.stem
    for path in HOSTILE.glob("*.py")
    if not path.stem.startswith("conftest_") and (privileged() or path.stem not in NEED_ROOT)
)
REGULAR = 0o100644


def install_toy(base: Path, monkeypatch: pytest.MonkeyPatch):
    """The toy course copied under ``base`` and made importable (as conftest's toy_course)."""
    checkout = base / "courses" / "toy"
    shutil.copytree(FIXTURE_COURSE, checkout)
    dist_info = base / "site" / "icsc_toy-1.0.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: icsc-toy\nVersion: 1.0.0\n")
    (dist_info / "entry_points.txt").write_text("[icsc.courses]\ntoy = icsc_toy:COURSE\n")
    for name in [n for n in sys.modules if n == "icsc_toy" or n.startswith("icsc_toy.")]:
        monkeypatch.delitem(sys.modules, name)
    for path in (checkout / "src", base / "site"):
        monkeypatch.syspath_prepend(str(path))
    old = os.environ.get("PYTHONPATH")
    paths = [str(base / "site"), str(checkout / "src"), *([old] if old else [])]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    course = get_course("toy")
    generate_stubs(course)
    return course


def folder_submission(base: Path, name: str, files: dict[str, str]) -> Path:
    folder = base / name
    folder.mkdir()
    for file_name, text in files.items():
        (folder / file_name).write_text(text)
    return folder


def make_zip(path: Path, members: list[tuple[str, bytes, int]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data, mode in members:
            info = zipfile.ZipInfo(name)
            info.external_attr = mode << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def archive_attacks(course, base: Path) -> dict[str, str]:
    """Write each archive attack as ``toy-<attack>.zip``; return attack -> expected reason."""
    honest = {
        name: (course.solutions_dir / name).read_bytes()
        for name in ("ex01_add.py", "ex02_shapes.py")
    }
    solution = str(course.solutions_dir / "ex01_add.py")
    attacks = {
        "zip-dotdot-path": ([("../../ex01_add.py", honest["ex01_add.py"], REGULAR)], "climbs out"),
        "zip-absolute-path": (
            [("/tmp/ex01_add.py", honest["ex01_add.py"], REGULAR)],
            "absolute path",
        ),
        "zip-symlink": (
            [("ex01_add.py", solution.encode(), stat.S_IFLNK | 0o777)],
            "symbolic link",
        ),
        "zip-device-file": ([("ex01_add.py", b"", stat.S_IFCHR | 0o644)], "device file"),
        "zip-too-many-files": ([(f"n{i}.md", b"x", REGULAR) for i in range(250)], "too many files"),
        "zip-bomb": ([("ex01_add.py", b"#" * (3 << 20), REGULAR)], "zip bomb"),
        "zip-without-manifest": (
            [("ex01_add.py", honest["ex01_add.py"], REGULAR)],
            "has no icsc-manifest",
        ),
    }
    reasons = {}
    for attack, (members, reason) in attacks.items():
        make_zip(base / f"toy-{attack}.zip", members)
        reasons[attack] = reason
    # A genuine icsc submit archive whose exercise file was swapped afterwards.
    workspace = folder_submission(base / "ws", "tampered", {})
    for name, data in honest.items():
        (workspace / name).write_bytes(data)
    genuine = build_submission(course, workspace, "tampered", base / "tmp-tampered.zip")
    with zipfile.ZipFile(genuine) as source:
        members = [(n, source.read(n), REGULAR) for n in source.namelist()]
    members = [
        (n, b"def add(a, b):\n    return 0\n" if n == "ex01_add.py" else d, m)
        for n, d, m in members
    ]
    make_zip(base / "toy-zip-manifest-mismatch.zip", members)
    genuine.unlink()
    reasons["zip-manifest-mismatch"] = "manifest mismatch: ex01_add.py does not match"
    other = [(n, d.replace(b'"course": "toy"', b'"course": "numba"'), m) for n, d, m in members]
    make_zip(base / "toy-zip-for-another-course.zip", other)
    reasons["zip-for-another-course"] = "made for course numba"
    return reasons


def honest_submissions(course, base: Path) -> dict[str, float]:
    """alice (solution folder), carol (icsc submit zip), dave (ex02 only), bob (stub)."""
    solution = {p.name: p.read_text() for p in course.solutions_dir.glob("ex*.py")}
    stub = {p.name: p.read_text() for p in course.exercises_dir.glob("ex*.py")}
    folder_submission(base, "alice", solution)
    folder_submission(base, "bob", stub)
    folder_submission(base, "dave", {**stub, "ex02_shapes.py": solution["ex02_shapes.py"]})
    workspace = folder_submission(base / "ws", "carol", solution)
    build_submission(course, workspace, "carol", base)
    return {"alice": FULL, "bob": 0.0, "carol": FULL, "dave": EX02_POINTS}


@pytest.fixture(scope="module")
def batches(tmp_path_factory):
    """The hostile batch and a clean batch of the same honest submissions."""
    base = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as monkeypatch:
        course = install_toy(base / "checkout", monkeypatch)
        honest_ex02 = (course.solutions_dir / "ex02_shapes.py").read_text()
        everyone = base / "submissions"
        (everyone / "ws").mkdir(parents=True)
        expected = honest_submissions(course, everyone)
        for attack in CODE_ATTACKS:
            files = {
                "ex01_add.py": (HOSTILE / f"{attack}.py").read_text(),
                "ex02_shapes.py": honest_ex02,
            }
            folder_submission(everyone, attack.replace("_", "-"), files)
            expected[attack.replace("_", "-")] = EX02_POINTS
        folder_submission(everyone, "ships-conftest", {
            "ex01_add.py": (HOSTILE / "conftest_companion.py").read_text(),
            "ex02_shapes.py": honest_ex02,
            "conftest.py": (HOSTILE / "conftest_marks_everything_passed.py").read_text(),
        })  # fmt: skip
        expected["ships-conftest"] = EX02_POINTS
        linked = folder_submission(everyone, "symlink-to-solution", {"ex02_shapes.py": honest_ex02})
        (linked / "ex01_add.py").symlink_to(course.solutions_dir / "ex01_add.py")
        reasons = archive_attacks(course, everyone)
        reasons["symlink-to-solution"] = "symbolic link"
        shutil.rmtree(everyone / "ws")
        started = time.monotonic()
        options = BatchOptions((everyone,), base / "out", JOBS, TIMEOUT, CALL_TIMEOUT)
        hostile = {r.student: r for r in run_batch(course, options)}
        seconds = time.monotonic() - started
        clean_inputs = base / "clean"
        clean_inputs.mkdir()
        for name in ("alice", "bob", "dave", "toy-carol.zip"):
            source = everyone / name
            copy = shutil.copytree if source.is_dir() else shutil.copy2
            copy(source, clean_inputs / name)
        clean = {r.student: r for r in run_batch(course, BatchOptions((clean_inputs,), base / "clean-out", JOBS, TIMEOUT, CALL_TIMEOUT))}  # fmt: skip
        yield {
            "course": course,
            "hostile": hostile,
            "clean": clean,
            "expected": expected,
            "reasons": reasons,
            "seconds": seconds,
            "out": base / "out",
            "clean_out": base / "clean-out",
        }


def test_the_batch_finishes_within_its_time_bound(batches):
    """Does the whole batch end within timeout x (submissions / j) plus a small overhead?"""
    count = len(batches["hostile"])
    bound = TIMEOUT * math.ceil(count / JOBS) + 60
    assert count == len(batches["expected"]) + len(batches["reasons"])
    assert batches["seconds"] < bound
    print(f"hostile batch: {count} submissions in {batches['seconds']:.1f} s (bound {bound:.0f} s)")


@pytest.mark.parametrize("attack", [a.replace("_", "-") for a in CODE_ATTACKS] + ["ships-conftest"])
def test_each_attacker_gets_exactly_its_honest_part(batches, attack):
    """Does each code attack score 0 for ex01 and keep the honest ex02's 3 points?"""
    result = batches["hostile"][attack]
    assert result.status == "graded"
    assert result.by_exercise() == {"ex01_add": (0.0, 5.0), "ex02_shapes": (EX02_POINTS, 3.0)}


@pytest.mark.parametrize("student", ["alice", "bob", "carol", "dave"])
def test_honest_work_is_graded_as_if_the_attackers_were_absent(batches, student):
    """Are the honest results and feedback byte-identical to a batch without attackers?"""
    assert batches["hostile"][student].score == batches["expected"][student]
    for folder, suffix in (("results", ".json"), ("feedback", ".md")):
        mine = (batches["out"] / folder / f"{student}{suffix}").read_bytes()
        alone = (batches["clean_out"] / folder / f"{student}{suffix}").read_bytes()
        assert mine == alone


def test_archive_attacks_are_invalid_with_their_reason(batches):
    """Is every bad archive reported invalid, with the reason, and scored zero?"""
    for attack, reason in batches["reasons"].items():
        result = batches["hostile"][attack]
        assert result.status == "invalid", attack
        assert reason in result.reason, (attack, result.reason)
        assert result.score == 0
        assert result.max_score == FULL


def test_time_wasters_fail_with_a_clear_reason(batches):
    """Do the endless loop, the exits and the bombs show why ex01 failed?"""
    messages = {
        attack: " ".join(
            t.message for t in batches["hostile"][attack].tests if t.exercise == "ex01_add"
        )
        for attack in (
            "loops-forever-in-call",
            "exit-in-call",
            "system-exit-in-call",
            "memory-bomb",
        )
    }
    assert "no answer within 2 s" in messages["loops-forever-in-call"]
    assert "exit status 0" in messages["exit-in-call"]
    assert "SystemExit" in messages["system-exit-in-call"]
    # Filling 2 GiB may take longer than the 2 s call limit on a busy machine: either way.
    assert "MemoryError" in messages["memory-bomb"] or "no answer within" in messages["memory-bomb"]


def test_the_conftest_was_dropped_and_said_so(batches):
    """Is a shipped conftest.py left out of grading, and named in the feedback?"""
    result = batches["hostile"]["ships-conftest"]
    assert any("conftest.py" in note for note in result.notes)
    feedback = (batches["out"] / "feedback" / "ships-conftest.md").read_text()
    assert "not graded (only exercise files count): conftest.py" in feedback


def test_no_report_was_faked(batches):
    """Did the fake reports written by an attacker change nothing the grader wrote?"""
    grades = (batches["out"] / "grades.csv").read_text().splitlines()
    row = next(line for line in grades if line.startswith("fakes-reports-and-patches-pytest,"))
    assert row.split(",")[1:4] == ["0", "3", "3"]
    assert not (batches["out"] / "report.json").exists()
