"""Public checks for exercise 3 (uproot: needed branches, chunked iteration)."""

import numpy as np
import pytest


@pytest.mark.points(2)
def test_chunked_histogram_equals_numpy_on_the_written_arrays(exercise, root_file):
    ex = exercise("ex03_uproot")
    path, arrays = root_file(2500, seed=1)
    out = ex.selected_histogram(str(path), "Events", "pt", "eta", 2.4, 30, (0.0, 150.0), 1000)
    mask = np.abs(arrays["eta"]) < 2.4
    expected = np.histogram(arrays["pt"][mask], bins=30, range=(0.0, 150.0))[0]
    np.testing.assert_array_equal(out["counts"], expected)
    assert out["n_entries"] == 2500
    assert out["n_selected"] == int(mask.sum())
    assert out["n_chunks"] == 3  # ceil(2500 / 1000)


def test_missing_branch_is_reported(exercise, root_file):
    ex = exercise("ex03_uproot")
    path, _ = root_file(10)
    with pytest.raises(ValueError, match="branch 'mass'"):
        ex.selected_histogram(str(path), "Events", "mass", "eta", 2.4, 10, (0.0, 1.0), 5)
