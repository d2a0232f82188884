"""Hidden tests for exercise 3 (uproot: needed branches, chunked iteration)."""

import numpy as np
import pytest


def reference(arrays, value, cut, cut_max, bins, value_range):
    mask = np.abs(arrays[cut]) < cut_max
    return np.histogram(arrays[value][mask], bins=bins, range=value_range)[0], int(mask.sum())


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("n", "step", "chunks"), [(1, 10, 1), (999, 100, 10), (1000, 1000, 1), (3001, 500, 7)]
)
def test_chunk_sizes_do_not_change_the_histogram(exercise, root_file, n, step, chunks):
    ex = exercise("ex03_uproot")
    path, arrays = root_file(n, seed=n, baskets=min(n, 4))
    out = ex.selected_histogram(str(path), "Events", "pt", "eta", 1.5, 20, (0.0, 100.0), step)
    counts, selected = reference(arrays, "pt", "eta", 1.5, 20, (0.0, 100.0))
    np.testing.assert_array_equal(out["counts"], counts)
    assert (out["n_entries"], out["n_selected"], out["n_chunks"]) == (n, selected, chunks)


def test_memory_size_step_and_an_integer_branch(exercise, root_file):
    ex = exercise("ex03_uproot")
    path, arrays = root_file(4000, seed=7)
    out = ex.selected_histogram(str(path), "Events", "nhit", "pt", 30.0, 50, (0.0, 50.0), "10 kB")
    counts, selected = reference(arrays, "nhit", "pt", 30.0, 50, (0.0, 50.0))
    np.testing.assert_array_equal(out["counts"], counts)
    assert out["n_selected"] == selected
    # 4000 entries of 8 + 4 bytes in 10 kB steps: more than one chunk.
    assert out["n_chunks"] > 1


def test_same_branch_as_value_and_cut(exercise, root_file):
    ex = exercise("ex03_uproot")
    path, arrays = root_file(500, seed=3)
    out = ex.selected_histogram(str(path), "Events", "eta", "eta", 1.0, 8, (-2.0, 2.0), 128)
    counts, _ = reference(arrays, "eta", "eta", 1.0, 8, (-2.0, 2.0))
    np.testing.assert_array_equal(out["counts"], counts)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("pt", "theta", 1.0, 10, (0.0, 1.0), 10), "branch 'theta'"),
        (("pt", "eta", 1.0, 0, (0.0, 1.0), 10), "bins"),
        (("pt", "eta", 1.0, 10, (1.0, 1.0), 10), "value_range"),
        (("pt", "eta", 1.0, 10, (0.0, 1.0), 0), "step_size"),
    ],
)
def test_bad_arguments(exercise, root_file, args, match):
    ex = exercise("ex03_uproot")
    path, _ = root_file(20)
    with pytest.raises(ValueError, match=match):
        ex.selected_histogram(str(path), "Events", *args)


def test_missing_file(exercise, tmp_path):
    ex = exercise("ex03_uproot")
    with pytest.raises(FileNotFoundError, match="no-such"):
        ex.selected_histogram(
            str(tmp_path / "no-such.root"), "Events", "pt", "eta", 1.0, 5, (0.0, 1.0)
        )
