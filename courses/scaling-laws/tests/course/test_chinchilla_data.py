"""The shipped Chinchilla runs load, validate and match their documented shape."""

import numpy as np
import pytest

from icsc_scaling_laws.chinchilla_data import (
    REQUIRED_COLUMNS,
    data_path,
    load_chinchilla_runs,
    replication_subset,
)
from icsc_scaling_laws.published import BESIROGLU_2024_N_EXCLUDED, BESIROGLU_2024_N_RUNS

HEADER = "x,y,color,Model Size,Training FLOP,hex_color,loss\n"


def test_shipped_file_has_245_runs_with_tokens_derived():
    runs = load_chinchilla_runs()
    assert len(runs) == 245
    np.testing.assert_allclose(runs.tokens, runs.flops / (6 * runs.n_params), rtol=1e-15)
    # Hoffmann et al. (2022) trained models from about 70M to 16B parameters on 5B to 500B
    # tokens; the extracted points stay inside that box (reading errors included).
    assert runs.n_params.min() > 5e7
    assert runs.n_params.max() < 2e10
    assert runs.tokens.min() > 2e8
    assert runs.tokens.max() < 5e11
    assert runs.loss.min() > 1.8
    assert runs.loss.max() < 5.1


def test_shipped_file_has_its_attribution():
    readme = (data_path().parent / "README.md").read_text(encoding="utf-8")
    for needle in ("arXiv:2203.15556", "arXiv:2404.10102", "Epoch AI", "D = C / (6 N)"):
        assert needle in readme


def test_replication_subset_drops_the_five_highest_losses():
    runs = load_chinchilla_runs()
    kept = replication_subset(runs, BESIROGLU_2024_N_EXCLUDED)
    assert len(kept) == BESIROGLU_2024_N_RUNS
    assert kept.loss.max() < np.sort(runs.loss)[-BESIROGLU_2024_N_EXCLUDED]
    with pytest.raises(ValueError, match="n_excluded"):
        replication_subset(runs, -1)
    with pytest.raises(ValueError, match="cannot exclude"):
        replication_subset(runs, 245)


def _write(tmp_path, text):
    path = tmp_path / "runs.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "match"),
    [
        ("1,2,#000,1e9,-6e19,#000,3.0\n", "row 2, column 'Training FLOP'"),
        ("1,2,#000,0,6e19,#000,3.0\n", "row 2, column 'Model Size'"),
        ("1,2,#000,1e9,6e19,#000,nan\n", "row 2, column 'loss'"),
        ("1,2,#000,1e9,6e19,#000,abc\n", "not a number"),
        ("1,2,#000,1e9,6e19,#000,\n", "not a number"),
    ],
    ids=["negative-flops", "zero-size", "nan-loss", "text-loss", "empty-loss"],
)
def test_bad_values_name_the_row_and_column(tmp_path, row, match):
    with pytest.raises(ValueError, match=match):
        load_chinchilla_runs(_write(tmp_path, HEADER + row))


def test_missing_column_and_empty_file_are_rejected(tmp_path):
    with pytest.raises(ValueError, match="missing column"):
        load_chinchilla_runs(_write(tmp_path, "Model Size,loss\n1e9,3.0\n"))
    with pytest.raises(ValueError, match="no data rows"):
        load_chinchilla_runs(_write(tmp_path, HEADER))
    assert set(REQUIRED_COLUMNS) <= set(HEADER.strip().split(","))
