"""What a test may do with ``exercise()`` in grading mode: the proxy's contract.

A hidden test file planted in the toy course exercises each behaviour against a
student module with matching functions; the file is graded like any submission and each
planted test's outcome is checked. The same file documents the constraints for course
test authors (see the :mod:`icsc_kit.grading` module documentation).
"""

import pytest

from icsc_kit.grading.job import JobSpec, collect_inventory, grade_submission

STUDENT = """
import collections
import dataclasses
import os


def add(a, b):
    if not isinstance(a, int) or not isinstance(b, int):
        raise TypeError("add takes two integers")
    return a + b


class Accumulator:
    def __init__(self, start):
        self.total = start

    def push(self, value):
        self.total += value
        return self

    def __len__(self):
        return self.total

    def __iter__(self):
        return iter(range(self.total))

    def __getitem__(self, index):
        return index * 10

    def __eq__(self, other):
        return True  # a cheat: in grading mode handles compare by identity


@dataclasses.dataclass
class Point:
    x: int
    y: int


class ShapeError(ValueError):
    pass


def same(obj):
    return obj


def apply(function, *args, **kwargs):
    return function(*args, **kwargs)


def describe(function):
    return callable(function), function.__name__


def append_to(items, value):
    items.append(value)


def fill(array, value):
    array[...] = value


def draw(rng):
    return rng.random()


def squares(n):
    import numpy as np

    return np.arange(n) ** 2


def pair():
    return (1, [2.5, "x"], {"k": None}, collections.Counter("aab"))


def count_up(n):
    yield from range(n)


def make_point():
    return Point(1, 2)


def shape_error(message):
    raise ShapeError(message)


def exit_now():
    raise SystemExit(3)


def spin():
    while True:
        pass


def die():
    os._exit(7)


def shout(source, target):
    target.write_text(source.read_text().upper())
    return target
"""

PLANTED = """
import math
import pathlib

import pytest


def test_plain_data(exercise):
    ex = exercise("ex01_add")
    import collections

    assert ex.pair() == (1, [2.5, "x"], {"k": None}, collections.Counter("aab"))


def test_handles_forward_attributes_and_protocols(exercise):
    acc = exercise("ex01_add").Accumulator(2)
    acc.push(3)
    assert acc.total == 5
    assert len(acc) == 5
    assert list(acc) == [0, 1, 2, 3, 4]
    assert acc[2] == 20
    acc.total = 1
    assert acc.total == 1
    assert repr(acc) == "<remote Accumulator object>"


def test_equality_is_identity(exercise):
    ex = exercise("ex01_add")
    acc = ex.Accumulator(0)
    assert ex.same(acc) is acc
    assert ex.Accumulator(0) != 42


def test_dataclass_attributes(exercise):
    point = exercise("ex01_add").make_point()
    assert (point.x, point.y) == (1, 2)


def test_callbacks_to_closures(exercise):
    seen = []

    def record(value):
        seen.append(value)
        return value * 2

    assert exercise("ex01_add").apply(record, 21) == 42
    assert seen == [21]


def test_callbacks_by_name_and_nested(exercise):
    ex = exercise("ex01_add")
    assert ex.apply(len, [1, 2, 3]) == 3
    assert ex.apply(math.sqrt, 16.0) == 4.0
    assert ex.apply(lambda v: ex.add(v, 1), 1) == 2
    assert ex.describe(lambda: 0) == (True, "<lambda>")


def test_exceptions_keep_type_and_message(exercise):
    ex = exercise("ex01_add")
    with pytest.raises(ValueError, match="bad shape"):
        ex.shape_error("bad shape")
    with pytest.raises(TypeError, match="integers"):
        ex.add("2", 3)


def test_a_function_that_raises_can_be_called_again(exercise):
    ex = exercise("ex01_add")
    for _ in range(4):
        with pytest.raises(TypeError, match="integers"):
            ex.add("2", 3)
    assert ex.add(2, 3) == 5


def test_in_place_changes_come_back(exercise):
    items = [1]
    exercise("ex01_add").append_to(items, 2)
    assert items == [1, 2]


def test_generators_and_paths(exercise):
    ex = exercise("ex01_add")
    assert list(ex.count_up(150)) == list(range(150))
    assert ex.apply(pathlib.Path, "/a") / "b" == pathlib.Path("/a/b")


def test_unsendable_argument_is_a_clear_type_error(exercise):
    with pytest.raises(TypeError, match="grading mode cannot pass a object"):
        exercise("ex01_add").same(object())


def test_numpy_arrays_and_generators(exercise):
    np = pytest.importorskip("numpy")
    ex = exercise("ex01_add")
    array = np.zeros(3)
    ex.fill(array, 7.0)
    assert array.tolist() == [7.0, 7.0, 7.0]
    rng, twin = np.random.default_rng(1), np.random.default_rng(1)
    assert ex.draw(rng) == twin.random()
    assert rng.random() == twin.random()
    result = ex.squares(4)
    assert isinstance(result, np.ndarray)
    assert result.tolist() == [0, 1, 4, 9]


def test_tmp_path_is_shared_with_the_worker(exercise, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("hi")
    (tmp_path / "sub").mkdir()
    written = exercise("ex01_add").shout(source, tmp_path / "sub" / "out.txt")
    assert written.read_text() == "HI"


def test_system_exit_fails_the_test(exercise):
    with pytest.raises(Exception):
        exercise("ex01_add").exit_now()


def test_endless_call_times_out(exercise):
    exercise("ex01_add").spin()


def test_struck_call_fails_at_once(exercise):
    exercise("ex01_add").spin()


def test_module_works_after_a_timeout(exercise):
    assert exercise("ex01_add").add(1, 2) == 3


def test_exit_fails_the_call(exercise):
    exercise("ex01_add").die()


def test_module_works_after_an_exit(exercise):
    assert exercise("ex01_add").add(2, 2) == 4
"""

EXPECTED_FAILURES = {
    "test_system_exit_fails_the_test": "the exercise raised SystemExit: 3",
    "test_endless_call_times_out": "ex01_add.spin: no answer within 2 s",
    "test_struck_call_fails_at_once": "ex01_add.spin: no answer within 2 s",
    "test_exit_fails_the_call": "ex01_add.die: the exercise process ended (exit status 7)",
}


@pytest.fixture
def graded(toy_course, tmp_path):
    """The planted tests' outcomes for the student module above, graded in isolation."""
    (toy_course.hidden_tests_dir / "test_ex01_proxy.py").write_text(PLANTED)
    submission = tmp_path / "student"
    submission.mkdir()
    (submission / "ex01_add.py").write_text(STUDENT)
    spec = JobSpec(
        slug="toy",
        submission=str(submission),
        out_dir=str(tmp_path / "out"),
        student="student",
        timeout_s=40,
        call_timeout_s=2,
        inventory=collect_inventory(toy_course),
    )
    result = grade_submission(spec)
    return {test.name.rpartition("::")[2]: test for test in result.tests}, result


def test_planted_behaviours(graded):
    """Does every forwarded behaviour work, and every failure fail with its reason?"""
    tests, result = graded
    planted = {name: test for name, test in tests.items() if name.startswith("test_") and
               name not in ("test_adds", "test_adds_negative", "test_rejects_strings")}  # fmt: skip
    for name, test in planted.items():
        if name in EXPECTED_FAILURES:
            assert test.status == "failed", name
            assert EXPECTED_FAILURES[name] in test.message, (name, test.message)
        elif name not in ("test_area", "test_perimeters"):
            assert test.status == "passed", (name, test.message)
    assert {"test_area", "test_perimeters"} <= set(tests)
    assert "the submission has no ex02_shapes.py" in tests["test_area"].message
    assert result.status == "graded"
