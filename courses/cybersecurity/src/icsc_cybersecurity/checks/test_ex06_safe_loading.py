"""Public checks for exercise 6 (results without pickle).

References: numpy (``np.load(..., allow_pickle=False)``) and the json module reading
what the exercise wrote; the demonstrator pickle's marker shows whether code ran.
"""

import json
import pickle

import numpy as np
import pytest

from icsc_cybersecurity import pickles


@pytest.mark.points(2)
def test_results_round_trip_without_pickle(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    assert ex.save_results(tmp_path / "r", arrays, metadata) == ["arrays.npz", "metadata.json"]
    with np.load(tmp_path / "r" / "arrays.npz", allow_pickle=False) as npz:
        assert sorted(npz.files) == sorted(arrays)
    assert json.loads((tmp_path / "r" / "metadata.json").read_text()) == metadata
    loaded = ex.load_results(tmp_path / "r")
    assert loaded["metadata"] == metadata
    for name, array in arrays.items():
        np.testing.assert_array_equal(loaded["arrays"][name], array)
        assert loaded["arrays"][name].dtype == array.dtype


@pytest.mark.points(2)
def test_a_pickle_disguised_as_npz_is_refused_without_running(exercise, tmp_path, marker):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    ex.save_results(tmp_path / "r", arrays, metadata)
    (tmp_path / "r" / "arrays.npz").write_bytes(pickles.code_execution_pickle(marker))
    with pytest.raises(ValueError, match="pickle"):
        ex.load_results(tmp_path / "r")
    assert not marker.exists()


def test_object_arrays_are_refused(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    path = pickles.write_object_array_npz(tmp_path / "objects.npz")
    with pytest.raises(ValueError, match="pickle"):
        ex.load_arrays(path)


def test_restricted_loads_reads_plain_data_and_refuses_code(exercise, marker):
    ex = exercise("ex06_safe_loading")
    legacy = pickles.legacy_results_pickle()
    assert ex.restricted_loads(legacy) == pickle.loads(legacy)  # our own, trusted file
    with pytest.raises(ValueError, match="forbidden"):
        ex.restricted_loads(pickles.code_execution_pickle(marker))
    assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "keyword"),
    [('{"run": 1, "run": 2}', "duplicate"), ('{"run": NaN}', "NaN")],
)
def test_metadata_json_is_strict(exercise, tmp_path, text, keyword):
    ex = exercise("ex06_safe_loading")
    (tmp_path / "metadata.json").write_text(text)
    with pytest.raises(ValueError, match=keyword):
        ex.load_metadata(tmp_path / "metadata.json")
