"""Exercise 3: read only the branches you need, in chunks, with uproot.

A ROOT ``TTree`` stores every branch in its own compressed baskets, so an analysis that
uses two branches out of many can read just those. :func:`selected_histogram` fills the
histogram of one branch for the entries that pass a cut on another branch, reading only
those two branches, ``step_size`` entries (or bytes, e.g. ``"50 MB"``) at a time with
:func:`uproot.iterate`, so memory stays bounded whatever the file size. Histograms add,
so the chunked result must equal the histogram of a full read exactly.
"""

from __future__ import annotations

import os

import numpy as np
import uproot


def selected_histogram(
    path: str | os.PathLike[str],
    tree: str,
    value_branch: str,
    cut_branch: str,
    cut_max: float,
    bins: int,
    value_range: tuple[float, float],
    step_size: int | str = 100_000,
) -> dict[str, object]:
    """Histogram of ``value_branch`` for entries with ``abs(cut_branch) < cut_max``.

    Reads the two branches only, with :func:`uproot.iterate` and ``step_size`` (entries
    if an int, a memory size if a string such as ``"10 MB"``). Returns
    ``{"counts": int64 array (bins,), "n_entries": int (all entries read),
    "n_selected": int (entries passing the cut), "n_chunks": int (chunks iterated)}``;
    the counts equal :func:`numpy.histogram` with ``bins`` equal bins over
    ``value_range`` (values outside the range are not counted).

    Raises ``ValueError`` (message contains ``"branch"``) if either branch is not in the
    tree, ``ValueError`` if ``bins`` < 1, ``value_range`` is empty or an int
    ``step_size`` < 1, and ``FileNotFoundError`` if ``path`` does not exist.
    """
    # BEGIN SOLUTION
    # HINT: uproot.open(path)[tree].keys() lists the branches: check both before iterating.
    # HINT: uproot.iterate(f"{path}:{tree}", [value_branch, cut_branch], step_size=step_size, library="np")
    # HINT: add np.histogram(values[mask], bins=bins, range=value_range)[0] chunk by chunk.
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        msg = f"bins must be a positive int, got {bins!r}"
        raise ValueError(msg)
    low, high = (float(v) for v in value_range)
    if not low < high:
        msg = f"value_range must satisfy low < high, got {value_range!r}"
        raise ValueError(msg)
    if isinstance(step_size, int) and (isinstance(step_size, bool) or step_size < 1):
        msg = f"step_size must be a positive number of entries or a size string, got {step_size!r}"
        raise ValueError(msg)
    path = os.fspath(path)
    if not os.path.exists(path):  # noqa: PTH110 (uproot takes a str path)
        msg = f"no such ROOT file: {path}"
        raise FileNotFoundError(msg)
    with uproot.open(path) as f:
        available = set(f[tree].keys())
    missing = [b for b in (value_branch, cut_branch) if b not in available]
    if missing:
        msg = f"branch {missing[0]!r} is not in tree {tree!r} (it has {sorted(available)})"
        raise ValueError(msg)
    counts = np.zeros(bins, dtype=np.int64)
    n_entries = n_selected = n_chunks = 0
    for chunk in uproot.iterate(
        f"{path}:{tree}", [value_branch, cut_branch], step_size=step_size, library="np"
    ):
        mask = np.abs(chunk[cut_branch]) < cut_max
        selected = chunk[value_branch][mask]
        counts += np.histogram(selected, bins=bins, range=(low, high))[0]
        n_entries += len(mask)
        n_selected += int(mask.sum())
        n_chunks += 1
    return {
        "counts": counts,
        "n_entries": n_entries,
        "n_selected": n_selected,
        "n_chunks": n_chunks,
    }
    # END SOLUTION
