"""``icsc grade`` on honest work: scores, the four outputs, reruns, the CLI."""

import csv
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from icsc_kit.cli import main
from icsc_kit.discovery import get_course
from icsc_kit.grading.batch import BatchOptions, run_batch
from icsc_kit.grading.job import JobSpec, collect_inventory, grade_submission
from icsc_kit.stubgen import generate_stubs
from icsc_kit.submission import build_submission

# The published field list of Gradescope's results.json
# (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format").
VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "simple_format", "html", "md", "ansi"}
NUMBER = (int, float)
TOP_LEVEL = {
    "score": NUMBER,
    "execution_time": NUMBER,
    "output": str,
    "output_format": FORMATS,
    "test_output_format": FORMATS,
    "test_name_format": FORMATS,
    "visibility": VISIBILITY,
    "stdout_visibility": VISIBILITY,
    "extra_data": dict,
    "tests": list,
    "leaderboard": list,
}
TEST_FIELDS = {
    "score": NUMBER,
    "max_score": NUMBER,
    "status": {"passed", "failed"},
    "name": str,
    "name_format": FORMATS,
    "number": str,
    "output": str,
    "output_format": FORMATS,
    "tags": list,
    "visibility": VISIBILITY,
    "extra_data": dict,
}


def schema_problems(document: dict) -> list[str]:
    """Fields of a results.json that the published format does not allow."""

    def check(where, obj, fields):
        problems = []
        for key, value in obj.items():
            rule = fields.get(key)
            if rule is None:
                problems.append(f"{where}: unknown field {key!r}")
            elif isinstance(rule, set) and value not in rule:
                problems.append(f"{where}: {key}={value!r} is not one of {sorted(rule)}")
            elif not isinstance(rule, set) and not isinstance(value, rule):
                problems.append(f"{where}: {key} has type {type(value).__name__}")
        return problems

    problems = check("top", document, TOP_LEVEL)
    for number, test in enumerate(document.get("tests", [])):
        problems += check(f"tests[{number}]", test, TEST_FIELDS)
        if "score" not in document and "score" not in test:
            problems.append(f"tests[{number}]: no score here nor at the top")
        problems += [
            f"tests[{number}]: tag {t!r}" for t in test.get("tags", []) if not isinstance(t, str)
        ]
    return problems


def install_toy(base: Path, monkeypatch: pytest.MonkeyPatch):
    """The toy course copied under ``base`` and importable (conftest's toy_course, but
    usable by a module-scoped fixture)."""
    checkout = base / "courses" / "toy"
    shutil.copytree(Path(__file__).parent / "fixture_course", checkout)
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


def make_submissions(course, folder: Path) -> Path:
    """alice: the solution; bob: the stub; carol: the solution as an icsc submit zip;
    erin: a wrong ex01 (subtracts) and no ex02."""
    folder.mkdir()
    for name, source in (("alice", course.solutions_dir), ("bob", course.exercises_dir)):
        (folder / name).mkdir()
        for path in source.glob("ex*.py"):
            (folder / name / path.name).write_text(path.read_text())
    build_submission(course, folder / "alice", "carol", folder)
    erin = folder / "erin"
    erin.mkdir()
    wrong = (course.solutions_dir / "ex01_add.py").read_text().replace("a + b", "a - b")
    (erin / "ex01_add.py").write_text(wrong)
    return folder


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The four submissions graded twice: -j 2 into first/, -j 1 into second/."""
    base = tmp_path_factory.mktemp("grading")
    with pytest.MonkeyPatch.context() as monkeypatch:
        course = install_toy(base / "checkout", monkeypatch)
        inputs = make_submissions(course, base / "submissions")
        first = run_batch(course, BatchOptions((inputs,), base / "first", jobs=2, timeout_s=30))
        run_batch(course, BatchOptions((inputs,), base / "second", jobs=1, timeout_s=30))
        yield course, first, base


def test_batch_scores_and_writes_the_four_outputs(graded):
    """Are solution, stub, zip and wrong work scored right, in every output?"""
    _, results, base = graded
    out = base / "first"
    assert [(r.student, r.score, r.max_score, r.status) for r in results] == [
        ("alice", 8, 8, "graded"),
        ("bob", 0, 8, "graded"),
        ("carol", 8, 8, "graded"),
        ("erin", 1, 8, "graded"),
    ]
    rows = list(csv.reader((out / "grades.csv").read_text().splitlines()))
    assert rows[0] == ["student", "ex01_add", "ex02_shapes", "total", "max", "status", "reason"]
    assert rows[1:] == [
        ["alice", "5", "3", "8", "8", "graded", ""],
        ["bob", "0", "0", "0", "8", "graded", ""],
        ["carol", "5", "3", "8", "8", "graded", ""],
        ["erin", "1", "0", "1", "8", "graded", ""],
    ]
    summary = (out / "summary.md").read_text()
    assert "| ex01_add | 7/12 | 58% | 2.75 | 5 |" in summary
    assert "| erin | graded | 1 / 8 |  |" in summary
    assert sorted(p.name for p in (out / "results").iterdir()) == [
        "alice.json", "bob.json", "carol.json", "erin.json",
    ]  # fmt: skip


def test_gradescope_json_follows_the_published_format(graded):
    """Does every results/<student>.json use only published fields, types and values?"""
    out = graded[2] / "first"
    for path in sorted((out / "results").glob("*.json")):
        document = json.loads(path.read_text())
        assert schema_problems(document) == [], path.name
        assert document["score"] == sum(test["score"] for test in document["tests"])
    erin = json.loads((out / "results" / "erin.json").read_text())
    visibility = {test["name"]: test["visibility"] for test in erin["tests"]}
    assert visibility["checks/test_ex01_add.py::test_adds"] == "visible"
    assert visibility["hidden/test_ex01_add.py::test_adds_negative"] == "after_due_date"
    statuses = {test["name"]: test["status"] for test in erin["tests"]}
    assert statuses["hidden/test_ex01_add.py::test_rejects_strings"] == "passed"
    assert statuses["hidden/test_ex01_add.py::test_adds_negative"] == "failed"


def test_validator_catches_a_field_gradescope_does_not_know():
    """Is the schema check itself able to fail?"""
    assert schema_problems({"score": 1, "tests": [{"status": "ok", "bogus": 1}]}) == [
        "tests[0]: status='ok' is not one of ['failed', 'passed']",
        "tests[0]: unknown field 'bogus'",
    ]


def test_feedback_shows_marks_points_messages_and_no_hidden_source(graded):
    """Does feedback give ✓/✗, points and the assertion, never a hidden test's code?"""
    course, _, base = graded
    feedback = (base / "first" / "feedback" / "erin.md").read_text()
    assert "Score: **1 / 8** points" in feedback
    assert "- ✓ `hidden/test_ex01_add.py::test_rejects_strings` (1 / 1)" in feedback
    assert "- ✗ `hidden/test_ex01_add.py::test_adds_negative` (0 / 3)" in feedback
    assert "assert 1 == -5" in feedback
    assert "the submission has no ex02_shapes.py" in feedback
    hidden_source = (course.hidden_tests_dir / "test_ex01_add.py").read_text()
    for line in hidden_source.splitlines():
        if line.strip().startswith(("def ", "with ", "assert ", "@")):
            assert line.strip() not in feedback


def test_rerun_writes_identical_files(graded):
    """Does a rerun (here with -j 1 after -j 2) give byte-identical outputs?"""
    base = graded[2]
    first, second = base / "first", base / "second"
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(files) == 11
    for relative in files:
        if relative.name != "timings.csv":  # the one file that holds durations
            assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_minimal_sandbox_grades_the_same(toy_course, tmp_path):
    """Without namespaces (the unprivileged path) is the solution still graded right?"""
    spec = JobSpec(
        slug="toy",
        submission=str(toy_course.solutions_dir),
        out_dir=str(tmp_path / "out"),
        student="solution",
        timeout_s=30,
        call_timeout_s=5,
        inventory=collect_inventory(toy_course),
        sandbox="minimal",
    )
    result = grade_submission(spec)
    assert (result.score, result.max_score) == (8, 8)
    assert result.isolation["dedicated_user"] is False


def test_grade_command(toy_course, tmp_path, capsys):
    """Does icsc grade print the table and write the reports?"""
    submissions = make_submissions(toy_course, tmp_path / "submissions")
    out = tmp_path / "cli"
    code = main(["grade", "toy", str(submissions / "alice"), str(submissions / "toy-carol.zip"),
                 "--out", str(out), "--timeout", "30"])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    assert "alice" in printed
    assert "8 / 8" in printed
    assert (out / "grades.csv").read_text().count("\n") == 3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["grade", "toy", "/nonexistent/x", "--out", "o"], "does not exist"),
        (["grade", "toy", ".", "--out", "o", "--timeout", "0"], "--timeout must be positive"),
        (["grade", "nosuchcourse", ".", "--out", "o"], "no course 'nosuchcourse'"),
    ],
)
def test_grade_usage_errors(toy_course, arguments, message, capsys, tmp_path, monkeypatch):
    """Are bad paths, limits and courses one sentence with exit code 2?"""
    monkeypatch.chdir(tmp_path)
    assert main(arguments) == 2
    assert message in capsys.readouterr().err
