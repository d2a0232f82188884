"""Hidden tests for exercise 5: what the bi-encoder sees, and bad input."""

import numpy as np
import pytest

from icsc_record_linkage.embeddings import shipped_embeddings


def test_abbreviation_transliteration_and_homonyms(exercise):
    ex = exercise("ex05_embeddings")
    shipped = shipped_embeddings()
    names, vectors = shipped["examples"], shipped["example_vectors"]
    pairs = [(0, 1), (2, 3), (4, 5), (0, 2)]
    scores = ex.cosine_scores(vectors, pairs)
    reference = [float(vectors[i] @ vectors[j]) for i, j in pairs]  # unit vectors
    assert scores == pytest.approx(reference, abs=1e-5)
    assert names[2:4] == ["Ferrari", "Ferrari Fratelli Lunelli"]
    # The bi-encoder rates the two Ferraris as close as HP and Hewlett-Packard: names
    # alone cannot separate homonyms, other fields (country, sector, ids) must.
    assert scores[1] > 0.6
    assert scores[0] > 0.6
    assert scores[3] < 0.5


def test_bad_arguments(exercise):
    ex = exercise("ex05_embeddings")
    with pytest.raises(ValueError, match="2D"):
        ex.cosine_scores(np.ones(3), [(0, 1)])
    with pytest.raises(ValueError, match="zero row"):
        ex.cosine_scores(np.array([[1.0, 0.0], [0.0, 0.0]]), [(0, 1)])
    with pytest.raises(ValueError, match="out of range"):
        ex.cosine_scores(np.eye(2), [(0, 2)])
    with pytest.raises(ValueError, match="k must be"):
        ex.nearest_neighbour_pairs(np.eye(3), 3)
    assert [tuple(p) for p in ex.nearest_neighbour_pairs(np.eye(3) + 0.1, 2)] == [
        (0, 1),
        (0, 2),
        (1, 2),
    ]
