"""Hidden tests for exercise 2 (diagnose and fix tiny unbuffered reads)."""

import os
from pathlib import Path

import numpy as np
import pytest


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("n", "chunk"), [(0, 10), (1, 10), (999, 100), (1000, 100), (20_000, 65536)]
)
def test_fixed_matches_an_independent_numpy_histogram(
    exercise, event_file, histogram_reference, n, chunk
):
    ex = exercise("ex02_io_patterns")
    path = event_file(n, seed=n)
    out = ex.energy_histogram_fixed(str(path), 25, (0.0, 150.0), chunk)
    np.testing.assert_array_equal(out["counts"], histogram_reference(path, 25, (0.0, 150.0)))
    assert out["n_events"] == n
    assert int(np.sum(out["counts"])) <= n
    # One header read plus ceil(n / chunk) block reads, with a little slack for an
    # extra end-of-file probe.
    assert out["read_calls"] <= 2 + -(-n // chunk)


def test_fixed_issues_far_fewer_reads_than_the_naive_script(exercise, event_file):
    ex = exercise("ex02_io_patterns")
    path = event_file(3000, seed=3)
    naive = ex.energy_histogram_naive(str(path))
    fixed = ex.energy_histogram_fixed(str(path))
    np.testing.assert_array_equal(fixed["counts"], naive["counts"])
    assert naive["read_calls"] >= 3000
    assert fixed["read_calls"] * 100 <= naive["read_calls"]


def test_parse_proc_io_of_this_process(exercise):
    ex = exercise("ex02_io_patterns")
    text = Path("/proc/self/io").read_text(encoding="ascii")
    out = ex.parse_proc_io(text)
    expected = {line.split(":")[0]: int(line.split(":")[1]) for line in text.splitlines() if line}
    assert out == expected


def test_parse_proc_io_ignores_blank_lines_and_spaces(exercise):
    ex = exercise("ex02_io_patterns")
    assert ex.parse_proc_io("\nsyscr:   12\n\n rchar: 3 \n") == {"syscr": 12, "rchar": 3}


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("syscr 12", "line 1"),
        ("rchar: 1\nsyscr: -3", "line 2"),
        ("rchar: 1", "syscr"),
        ("syscr: x", "line 1"),
    ],
)
def test_parse_proc_io_rejects_bad_text(exercise, text, match):
    ex = exercise("ex02_io_patterns")
    with pytest.raises(ValueError, match=match):
        ex.parse_proc_io(text)


@pytest.mark.parametrize(
    ("bins", "value_range"), [(0, (0.0, 1.0)), (10, (5.0, 5.0)), (10, (2.0, 1.0))]
)
def test_bad_histogram_arguments(exercise, event_file, bins, value_range):
    ex = exercise("ex02_io_patterns")
    path = event_file(10)
    with pytest.raises(ValueError, match=r"bins|value_range"):
        ex.energy_histogram_fixed(str(path), bins, value_range)


def test_not_an_event_file(exercise, tmp_path):
    ex = exercise("ex02_io_patterns")
    path = tmp_path / "junk.evts"
    path.write_bytes(os.urandom(64))
    with pytest.raises(ValueError, match="EVTS"):
        ex.energy_histogram_fixed(str(path))
    with pytest.raises(ValueError, match="chunk_records"):
        ex.energy_histogram_fixed(str(path), 10, (0.0, 1.0), 0)
