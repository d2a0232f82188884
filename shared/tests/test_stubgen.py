"""Stub generation: round trips, indentation, hints, sync checking."""

import ast

from icsc_kit.stubgen import generate_stubs, hints_of, render_stub

SOLUTION = '''import math


class Circle:
    def area(self):
        """Area."""
        # BEGIN SOLUTION
        # HINT: pi r squared
        return math.pi * self.r**2
        # END SOLUTION


def outer():
    def inner():
        # BEGIN SOLUTION
        return 1
        # END SOLUTION

    return inner()
'''


def test_stub_keeps_outside_and_replaces_regions_at_their_indent():
    """Is everything outside the regions kept and each region replaced at its indentation?"""
    stub = render_stub(SOLUTION, "ex02_shapes")
    ast.parse(stub)  # still valid Python
    assert "return math.pi" not in stub
    assert (
        '        # HINT: pi r squared\n        # TODO: your code here.\n        raise NotImplementedError("ex02_shapes'
        in stub
    )
    assert (
        '    def inner():\n        # TODO: your code here.\n        raise NotImplementedError("ex02_shapes'
        in stub
    )
    assert '        """Area."""' in stub
    assert "    return inner()" in stub


def test_stub_of_stub_region_free_solution_is_the_solution_plus_note():
    """Does a solution without regions come through unchanged (but for the note)?"""
    assert render_stub("x = 1\n", "ex01_a").endswith("x = 1\n")


def test_hints_are_collected_in_order():
    """Are hints returned in file order?"""
    assert hints_of(SOLUTION) == ["pi r squared"]


def test_check_reports_out_of_sync_and_stale_stubs(toy_course):
    """Does --check name a hand-edited stub and a stub without solution, and leave them?"""
    assert generate_stubs(toy_course, check=True) == []
    edited = toy_course.exercises_dir / "ex01_add.py"
    edited.write_text(edited.read_text() + "# edited by hand\n")
    stale = toy_course.exercises_dir / "ex09_gone.py"
    stale.write_text("x = 1\n")
    reasons = {d.exercise: d.reason for d in generate_stubs(toy_course, check=True)}
    assert reasons == {"ex01_add": "differs from its solution", "ex09_gone": "has no solution"}
    assert stale.exists()
    generate_stubs(toy_course)
    assert generate_stubs(toy_course, check=True) == []
    assert not stale.exists()
