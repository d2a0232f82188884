"""Hidden tests for exercise 2: the two Ferraris, HP, countries, bad input."""

import numpy as np
import pytest


def test_homonyms_abbreviations_and_countries(exercise):
    ex = exercise("ex02_scoring")
    names = ["HP", "Hewlett-Packard Ltd.", "Ferrari S.p.A.", "Ferrari Fratelli Lunelli SpA",
             "FERRARI", "Müller Milch GmbH", "Mueller Milch AG"]  # fmt: skip
    countries = ["IE", "IE", "IT", "IT", "IT", "DE", "AT"]
    scores = ex.score_pairs(names, countries, [(0, 1), (2, 3), (2, 4), (5, 6)])
    assert scores[0] == pytest.approx(0.9)
    assert scores[1] < 0.5  # the car maker is not the wine maker
    assert scores[2] == pytest.approx(1.0)  # same name after normalisation
    a, b = ex.trigrams("Müller Milch"), ex.trigrams("Mueller Milch")
    assert scores[3] == pytest.approx(0.5 * len(a & b) / len(a | b))
    assert ex.score_pairs(names, countries, [(5, 6)], country_penalty=1.0)[0] > scores[3]


def test_empty_pairs_and_bad_arguments(exercise):
    ex = exercise("ex02_scoring")
    empty = ex.score_pairs(["a"], ["DE"], [])
    assert isinstance(empty, np.ndarray)
    assert empty.shape == (0,)
    with pytest.raises(ValueError, match="countries"):
        ex.score_pairs(["a", "b"], ["DE"], [(0, 1)])
    with pytest.raises(ValueError, match="out of range"):
        ex.score_pairs(["a", "b"], ["DE", "DE"], [(0, 2)])
    with pytest.raises(ValueError, match="country_penalty"):
        ex.score_pairs(["a", "b"], ["DE", "DE"], [(0, 1)], country_penalty=2.0)
    with pytest.raises(TypeError, match="str"):
        ex.trigrams(3)
