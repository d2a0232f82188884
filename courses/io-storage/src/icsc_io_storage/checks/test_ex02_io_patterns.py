"""Public checks for exercise 2 (diagnose and fix tiny unbuffered reads)."""

import numpy as np
import pytest

# Text of /proc/<pid>/io in the layout documented in proc(5).
PROC_IO = """rchar: 323934931
wchar: 323929600
syscr: 632687
syscw: 632675
read_bytes: 0
write_bytes: 323932160
cancelled_write_bytes: 0
"""


def test_parse_proc_io(exercise):
    ex = exercise("ex02_io_patterns")
    out = ex.parse_proc_io(PROC_IO)
    assert out["syscr"] == 632687
    assert out["rchar"] == 323934931
    assert len(out) == 7


@pytest.mark.points(2)
def test_fixed_histogram_is_identical_and_uses_few_reads(exercise, event_file, histogram_reference):
    ex = exercise("ex02_io_patterns")
    path = event_file(5000)
    fixed = ex.energy_histogram_fixed(str(path), 40, (0.0, 100.0), 1024)
    np.testing.assert_array_equal(fixed["counts"], histogram_reference(path, 40, (0.0, 100.0)))
    assert fixed["n_events"] == 5000
    # 1 header read + ceil(5000 / 1024) = 5 chunk reads; the naive version needs 5001.
    assert fixed["read_calls"] <= 10


def test_truncated_file_is_an_error(exercise, event_file):
    ex = exercise("ex02_io_patterns")
    path = event_file(100)
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(ValueError, match="truncated"):
        ex.energy_histogram_fixed(str(path))
