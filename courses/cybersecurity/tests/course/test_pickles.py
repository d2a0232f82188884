"""The demonstrator really executes code when unpickled (that is the point of exercise 6)."""

import pickle

import numpy as np
import pytest

from icsc_cybersecurity import pickles


def test_loading_the_demonstrator_runs_code(tmp_path):
    marker = tmp_path / "ran"
    data = pickles.code_execution_pickle(marker)
    assert not marker.exists()
    assert pickle.loads(data) is None
    assert marker.is_dir()


def test_disassembly_shows_the_import_and_the_call(tmp_path):
    listing = pickles.disassemble(pickles.code_execution_pickle(tmp_path / "x"))
    assert "STACK_GLOBAL" in listing
    assert "REDUCE" in listing
    assert "mkdir" in listing
    assert not (tmp_path / "x").exists()


def test_eval_pickle_evaluates():
    assert pickle.loads(pickles.eval_pickle("6 * 7")) == 42


def test_sample_results_are_numeric_and_deterministic():
    arrays, metadata = pickles.sample_results()
    again, _ = pickles.sample_results()
    assert all(array.dtype.kind in "biuf" for array in arrays.values())
    assert all(np.array_equal(arrays[k], again[k]) for k in arrays)
    assert metadata["experiment"] == "zpeak"


def test_object_array_npz_needs_pickle(tmp_path):
    path = pickles.write_object_array_npz(tmp_path / "o.npz")
    with np.load(path, allow_pickle=False) as npz, pytest.raises(ValueError, match="allow_pickle"):
        npz["events"]
