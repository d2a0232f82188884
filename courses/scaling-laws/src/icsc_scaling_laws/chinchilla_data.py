"""The 245 Chinchilla training runs extracted by Epoch AI, loaded and validated.

Source and attribution: ``data/README.md`` beside this module (Hoffmann et al. 2022,
arXiv:2203.15556, Figure 4; extraction by Epoch AI for Besiroglu et al. 2024,
arXiv:2404.10102). Tokens are derived as D = C / (6 N).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from icsc_scaling_laws.validation import positive_array

DATA_FILE = "chinchilla_fig4_extracted.csv"
#: Columns the loader needs (others are ignored).
REQUIRED_COLUMNS: tuple[str, ...] = ("Model Size", "Training FLOP", "loss")
#: FLOPs per parameter per training token in the approximation C = 6 N D.
FLOPS_PER_PARAM_TOKEN = 6.0


@dataclass(frozen=True)
class ChinchillaRuns:
    """Training runs as parallel float64 arrays of one length (one entry per run).

    ``n_params``: parameters N; ``flops``: training compute C (FLOPs); ``tokens``: training
    tokens D = C / (6 N); ``loss``: final loss in nats per token.
    """

    n_params: np.ndarray
    flops: np.ndarray
    tokens: np.ndarray
    loss: np.ndarray

    def __len__(self) -> int:
        return int(self.loss.size)

    def subset(self, keep: np.ndarray) -> ChinchillaRuns:
        """The runs selected by ``keep`` (a boolean mask or integer indices)."""
        return ChinchillaRuns(
            self.n_params[keep], self.flops[keep], self.tokens[keep], self.loss[keep]
        )


def data_path() -> Path:
    """Path of the shipped CSV file inside the installed package."""
    return Path(str(resources.files("icsc_scaling_laws") / "data" / DATA_FILE))


def load_chinchilla_runs(path: str | Path | None = None) -> ChinchillaRuns:
    """Read the runs from ``path`` (default: the shipped file) and validate them.

    Returns a :class:`ChinchillaRuns` with D = C / (6 N) derived. Raises
    ``FileNotFoundError`` if the file is missing and ``ValueError`` naming the row
    (counting the header as row 1) if a required column is missing, a value is not a
    number, is NaN or infinite, or is not positive, or if the file has no data rows.
    """
    file = Path(path) if path is not None else data_path()
    with file.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            msg = f"{file.name}: missing column(s) {', '.join(missing)}; found {header}"
            raise ValueError(msg)
        columns: dict[str, list[float]] = {column: [] for column in REQUIRED_COLUMNS}
        for row_number, row in enumerate(reader, start=2):
            for column in REQUIRED_COLUMNS:
                columns[column].append(_number(file.name, row_number, column, row[column]))
    if not columns["loss"]:
        msg = f"{file.name}: no data rows"
        raise ValueError(msg)
    n_params = positive_array("Model Size", columns["Model Size"])
    flops = positive_array("Training FLOP", columns["Training FLOP"])
    loss = positive_array("loss", columns["loss"])
    tokens = flops / (FLOPS_PER_PARAM_TOKEN * n_params)
    return ChinchillaRuns(n_params=n_params, flops=flops, tokens=tokens, loss=loss)


def _number(file_name: str, row_number: int, column: str, text: str | None) -> float:
    try:
        value = float(text) if text is not None else float("nan")
    except ValueError:
        msg = f"{file_name}: row {row_number}, column {column!r}: {text!r} is not a number"
        raise ValueError(msg) from None
    if not np.isfinite(value) or value <= 0:
        msg = f"{file_name}: row {row_number}, column {column!r}: {text!r} is not a positive finite number"
        raise ValueError(msg)
    return value


def replication_subset(runs: ChinchillaRuns, n_excluded: int = 5) -> ChinchillaRuns:
    """The runs Besiroglu et al. (2024) fitted: all but the ``n_excluded`` highest losses.

    Their analysis drops the five runs with the largest loss (245 -> 240 runs), which sit
    far from the law. Raises ``ValueError`` if ``n_excluded`` is negative or leaves no
    run.
    """
    if isinstance(n_excluded, bool) or not isinstance(n_excluded, int) or n_excluded < 0:
        msg = f"n_excluded must be a non-negative integer, got {n_excluded!r}"
        raise ValueError(msg)
    if n_excluded >= len(runs):
        msg = f"cannot exclude {n_excluded} of {len(runs)} runs"
        raise ValueError(msg)
    order = np.argsort(runs.loss, kind="stable")
    keep = np.sort(order[: len(runs) - n_excluded])
    return runs.subset(keep)
