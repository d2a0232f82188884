"""Trigram-Jaccard baseline on the DBLP-ACM benchmark: P/R/F1 on test.txt.

Run from the repository root::

    uv run python courses/record-linkage/benchmarks/dblp_acm_baseline.py

Score of a pair: the character-trigram Jaccard similarity of the two titles
(solutions/ex02_scoring.py), averaged with that of the author lists. The threshold is the
one with the best F1 on ``valid.txt`` (a grid of 0.01 steps); precision, recall and F1
on ``test.txt`` are computed with solutions/ex04_evaluation.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

from icsc_record_linkage.dblp_acm import load_pairs

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"


def load_solution(name: str) -> ModuleType:
    """Import ``solutions/<name>.py``."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", SOLUTIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def scores(split: str, scoring: ModuleType) -> tuple[np.ndarray, np.ndarray]:
    """(scores, labels) of every pair of ``split``."""
    left, right, labels = load_pairs(split)
    out = []
    for a, b in zip(left, right, strict=True):
        title = scoring.jaccard(scoring.trigrams(a["title"]), scoring.trigrams(b["title"]))
        authors = scoring.jaccard(scoring.trigrams(a["authors"]), scoring.trigrams(b["authors"]))
        out.append((title + authors) / 2)
    return np.array(out), np.array(labels)


def main() -> None:
    scoring, evaluation = load_solution("ex02_scoring"), load_solution("ex04_evaluation")
    valid_scores, valid_labels = scores("valid", scoring)
    grid = np.round(np.arange(0.05, 1.0, 0.01), 2)
    f1 = [evaluation.binary_prf(valid_labels, valid_scores >= t)["f1"] for t in grid]
    threshold = float(grid[int(np.argmax(f1))])
    test_scores, test_labels = scores("test", scoring)
    result = evaluation.binary_prf(test_labels, test_scores >= threshold)
    print(f"threshold (best F1 on valid, {max(f1):.3f}): {threshold:.2f}")
    print(
        f"test: precision {result['precision']:.3f} recall {result['recall']:.3f} "
        f"F1 {result['f1']:.3f} ({len(test_labels)} pairs, {int(test_labels.sum())} matches)"
    )


if __name__ == "__main__":
    main()
