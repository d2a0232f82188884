"""``icsc verify`` on the toy course: clean, then with each planted defect."""

import pytest

from icsc_kit.stubgen import generate_stubs
from icsc_kit.verify import verify


def _findings(course):
    return {finding.code: finding.message for step in verify(course) for finding in step.findings}


def test_clean_course_verifies(toy_course):
    """Does the toy course pass every step?"""
    results = verify(toy_course)
    assert [r.name for r in results if not r.ok] == []
    notes = " ".join(note for r in results for note in r.notes)
    assert "5/5 tests pass on the solution" in notes
    assert "5/5 tests fail on the stub" in notes


def test_vacuous_test_is_named(toy_course):
    """Is a test that passes on the stub reported by name?"""
    planted = toy_course.hidden_tests_dir / "test_ex01_vacuous.py"
    planted.write_text(
        "def test_asserts_nothing(exercise):\n    exercise('ex01_add')\n    assert True\n"
    )
    findings = _findings(toy_course)
    assert "V402" in findings
    assert "test_asserts_nothing" in findings["V402"]


def test_out_of_sync_stub_is_found(toy_course):
    """Is a hand-edited stub reported?"""
    stub = toy_course.exercises_dir / "ex02_shapes.py"
    stub.write_text(stub.read_text().replace("TODO", "todo"))
    assert "V201" in _findings(toy_course)


def test_leaking_wheel_is_found(toy_course):
    """Is a solution shipped in the wheel reported?"""
    leak = toy_course.package_dir / "solutions"
    leak.mkdir()
    (leak / "ex01_add.py").write_text("x = 1\n")
    assert "ships" in _findings(toy_course).get("V502", "")


def test_failing_solution_is_found(toy_course):
    """Is a test failing on the reference reported?"""
    solution = toy_course.solutions_dir / "ex01_add.py"
    solution.write_text(solution.read_text().replace("return a + b", "return a - b"))
    generate_stubs(toy_course)
    assert "V302" in _findings(toy_course)


@pytest.mark.parametrize(
    ("defect", "code"),
    [
        pytest.param(
            lambda c: (c.solutions_dir / "ex01_add.py").write_text(
                "def add(a, b):\n    return a + b\n"
            ),
            "V104",
            id="no-region",
        ),
        pytest.param(
            lambda c: (c.checks_dir / "test_ex01_add.py").unlink(), "V106", id="no-public-check"
        ),
        pytest.param(
            lambda c: (c.checks_dir / "test_ex07_x.py").write_text("def test_x():\n    assert 0\n"),
            "V108",
            id="test-of-unknown-exercise",
        ),
    ],
)
def test_metadata_defects(toy_course, defect, code):
    """Are missing regions, missing checks and stray test files reported?"""
    defect(toy_course)
    assert code in _findings(toy_course)


def test_stray_file_in_exercises_is_found(toy_course):
    """Is a hand-written file among the generated stubs reported?"""
    (toy_course.exercises_dir / "notes.txt").write_text("scratch\n")
    assert "V111" in _findings(toy_course)
