"""Hidden tests for exercise 6: every refusal, and code never runs.

References: numpy and json reading the files; pickle.loads of the course's own legacy
file (trusted) as the expected value; the demonstrator's marker.
"""

import json
import pickle

import numpy as np
import pytest

from icsc_cybersecurity import pickles


def saved(ex, folder):
    arrays, metadata = pickles.sample_results()
    ex.save_results(folder, arrays, metadata)
    return arrays, metadata


def test_non_numeric_arrays_are_not_saved(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    with pytest.raises(ValueError, match="dtype"):
        ex.save_results(tmp_path / "r", {**arrays, "labels": np.array(["a", "b"])}, metadata)
    assert not (tmp_path / "r" / "arrays.npz").exists()


@pytest.mark.parametrize("name", ["1st", "has space", "../escape", "x" * 65, ""])
def test_bad_array_names_are_refused(exercise, tmp_path, name):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    with pytest.raises(ValueError, match="name"):
        ex.save_results(tmp_path / "r", {name: arrays["counts"]}, metadata)


@pytest.mark.parametrize(
    "change",
    [{"run": True}, {"run": "1"}, {"experiment": 3}, {"parameters": []}, {"created": None}],
)
def test_metadata_schema_on_save(exercise, tmp_path, change):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    with pytest.raises(ValueError, match="schema"):
        ex.save_results(tmp_path / "r", arrays, {**metadata, **change})
    assert not (tmp_path / "r" / "metadata.json").exists()


def test_nan_metadata_is_not_saved(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    with pytest.raises(ValueError, match="NaN"):
        ex.save_results(tmp_path / "r", arrays, {**metadata, "parameters": {"sigma": float("nan")}})


def test_metadata_is_written_as_sorted_utf8_json(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    arrays, metadata = pickles.sample_results()
    metadata = {**metadata, "parameters": {"z": 1, "a": "\u00e9nergie"}}
    ex.save_results(tmp_path / "r", arrays, metadata)
    text = (tmp_path / "r" / "metadata.json").read_text(encoding="utf-8")
    assert json.loads(text) == metadata
    assert list(json.loads(text)) == sorted(metadata)
    assert "\u00e9nergie" in text


def test_arrays_size_limit(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    saved(ex, tmp_path / "r")
    with pytest.raises(ValueError, match="too large"):
        ex.load_arrays(tmp_path / "r" / "arrays.npz", max_bytes=100)


def test_a_file_that_is_neither_npz_nor_pickle(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    (tmp_path / "arrays.npz").write_text("counts = [1, 2, 3]\n")
    with pytest.raises(ValueError, match="npz"):
        ex.load_arrays(tmp_path / "arrays.npz")


def test_npz_with_a_bad_array_name(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    with (tmp_path / "bad.npz").open("wb") as stream:
        np.savez(stream, **{"bad name": np.zeros(3)})
    with pytest.raises(ValueError, match="name"):
        ex.load_arrays(tmp_path / "bad.npz")


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ('{"a": {"b": 1, "b": 2}}', "duplicate"),
        ('{"x": Infinity}', "NaN"),
        ('{"x": -Infinity}', "NaN"),
        ("[" * 40 + "]" * 40, "deep"),
        ("[" * 100000, "deep"),
        ('{"experiment": "z", "run": 1,', "JSON"),
        ("[1, 2, 3]", "schema"),
        ('{"experiment": "z", "run": 1, "created": "today"}', "schema"),
    ],
)
def test_strict_metadata(exercise, tmp_path, text, keyword):
    ex = exercise("ex06_safe_loading")
    (tmp_path / "m.json").write_text(text)
    with pytest.raises(ValueError, match=keyword):
        ex.load_metadata(tmp_path / "m.json")


def test_metadata_not_utf8_or_too_large(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    (tmp_path / "latin1.json").write_bytes('{"experiment": "\u00e9"}'.encode("latin-1"))
    with pytest.raises(ValueError, match="JSON"):
        ex.load_metadata(tmp_path / "latin1.json")
    (tmp_path / "big.json").write_text('{"pad": "' + "x" * (1 << 20) + '"}')
    with pytest.raises(ValueError, match="too large"):
        ex.load_metadata(tmp_path / "big.json")


def test_missing_files(exercise, tmp_path):
    ex = exercise("ex06_safe_loading")
    saved(ex, tmp_path / "r")
    (tmp_path / "r" / "metadata.json").unlink()
    with pytest.raises(FileNotFoundError):
        ex.load_results(tmp_path / "r")


@pytest.mark.parametrize("protocol", [4, 5])
def test_restricted_loads_reads_both_modern_protocols(exercise, protocol):
    ex = exercise("ex06_safe_loading")
    legacy = pickles.legacy_results_pickle(protocol)
    assert ex.restricted_loads(legacy) == pickle.loads(legacy)  # our own, trusted file


@pytest.mark.parametrize(
    ("data", "keyword"),
    [
        (pickles.eval_pickle("__import__('os').getpid()"), "forbidden"),
        (pickles.legacy_results_pickle(2), "protocol"),
        (pickles.legacy_results_pickle(0), "protocol"),
        (pickles.legacy_results_pickle()[:-5], "malformed"),
        (b"\x80\x04\x95", "malformed"),
        (b"", "protocol"),
    ],
)
def test_restricted_loads_refusals(exercise, data, keyword):
    ex = exercise("ex06_safe_loading")
    with pytest.raises(ValueError, match=keyword):
        ex.restricted_loads(data)


def test_the_forbidden_global_is_named(exercise, marker):
    ex = exercise("ex06_safe_loading")
    with pytest.raises(ValueError, match=r"mkdir"):
        ex.restricted_loads(pickles.code_execution_pickle(marker, protocol=5))
    assert not marker.exists()


def test_persistent_ids_are_refused(exercise):
    ex = exercise("ex06_safe_loading")
    import io  # noqa: PLC0415

    class WithPersistentId(pickle.Pickler):
        def persistent_id(self, obj):
            return "external-object" if obj == "placeholder" else None

    buffer = io.BytesIO()
    WithPersistentId(buffer, protocol=4).dump(["placeholder"])
    with pytest.raises(ValueError, match="persistent"):
        ex.restricted_loads(buffer.getvalue())


def test_restricted_loads_needs_bytes(exercise):
    ex = exercise("ex06_safe_loading")
    with pytest.raises(TypeError):
        ex.restricted_loads("\x80\x04")


def test_an_object_array_disguised_in_results_is_refused(exercise, tmp_path, marker):
    ex = exercise("ex06_safe_loading")
    saved(ex, tmp_path / "r")
    pickles.write_object_array_npz(tmp_path / "r" / "arrays.npz")
    with pytest.raises(ValueError, match="pickle"):
        ex.load_results(tmp_path / "r")
    assert not marker.exists()
