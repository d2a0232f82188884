"""The pytest plugin, driven through a child pytest (pytester)."""

import json

import pytest

pytest_plugins = ["pytester"]


def test_points_marker_and_report(pytester, toy_course, tmp_path):
    """Are points and outcomes written to the JSON report per test id?"""
    report = tmp_path / "r.json"
    result = pytester.runpytest_subprocess(
        str(toy_course.checks_dir),
        "--icsc-target=solution",
        f"--icsc-report={report}",
        "-p",
        "no:cacheprovider",
    )
    result.assert_outcomes(passed=2)
    tests = {t["nodeid"].split("::")[-1]: t for t in json.loads(report.read_text())["tests"]}
    assert tests["test_area"]["points"] == 2.0
    assert tests["test_adds"]["exercise"] == "ex01"


def test_stub_target_fails_with_the_exercise_name(pytester, toy_course):
    """Does the stub fail with a message naming the exercise?"""
    result = pytester.runpytest_subprocess(
        str(toy_course.checks_dir), "--icsc-target=stub", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*NotImplementedError: ex01_add: this part is yours to write*"])


def test_bad_target_is_a_usage_error(pytester):
    """Is a nonexistent target directory rejected with a precise message?"""
    result = pytester.runpytest_subprocess("--icsc-target=/no/such/dir")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*--icsc-target must be 'solution', 'stub' or an existing directory*"]
    )


def test_missing_exercise_file_fails_cleanly(pytester, toy_course, tmp_path):
    """Does a workspace without the exercise file fail with one line, not a traceback?"""
    result = pytester.runpytest_subprocess(
        str(toy_course.checks_dir), f"--icsc-target={tmp_path}", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*ex01_add: no file ex01_add.py in*"])


def test_gpu_marker_skips_with_reason(pytester, toy_course):
    """Is a gpu test skipped with a reason where there is no CUDA device?"""
    pytester.makepyfile(
        test_gpu="import pytest\n\n@pytest.mark.gpu\ndef test_needs_gpu():\n    assert False\n"
    )
    result = pytester.runpytest_subprocess("-rs", "-p", "no:cacheprovider")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*needs a CUDA GPU*"])


def test_bad_points_marker_is_a_usage_error(pytester):
    """Is @pytest.mark.points with a bad value rejected before any test runs?"""
    pytester.makepyfile(
        test_bad="import pytest\n\n@pytest.mark.points(-1)\ndef test_x():\n    pass\n"
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
