"""Public checks for exercise 3: connected components and cutting a planted chain."""

import itertools

import networkx as nx
import pytest


def _truth_labels(entities):
    first = {}
    return [first.setdefault(e, i) for i, e in enumerate(entities)]


def test_components_match_networkx(exercise):
    ex = exercise("ex03_clustering")
    pairs = [(0, 1), (2, 3), (3, 4), (5, 6), (1, 7)]
    scores = [0.9, 0.8, 0.4, 0.7, 0.95]
    labels = ex.connected_clusters(9, pairs, scores, 0.5)
    graph = nx.Graph([p for p, s in zip(pairs, scores, strict=True) if s >= 0.5])
    graph.add_nodes_from(range(9))
    expected = [0] * 9
    for component in nx.connected_components(graph):
        for node in component:
            expected[node] = min(component)
    assert list(labels) == expected == [0, 0, 2, 2, 4, 5, 5, 0, 8]


@pytest.mark.points(2)
def test_a_planted_chain_merges_two_entities_and_the_cut_splits_them(exercise, small_register):
    ex = exercise("ex03_clustering")
    entities = small_register.entities
    n = len(entities)
    # Perfect links inside every entity (cliques), plus one weak link between two
    # entities with at least two records each: a chain reaction that merges them.
    pairs = [(i, j) for i, j in itertools.combinations(range(n), 2) if entities[i] == entities[j]]
    scores = [0.9] * len(pairs)
    big = [e for e in sorted(set(entities)) if entities.count(e) >= 2][:2]
    first = [i for i in range(n) if entities[i] == big[0]]
    second = [i for i in range(n) if entities[i] == big[1]]
    pairs.append((first[0], second[0]))
    scores.append(0.6)
    merged = ex.connected_clusters(n, pairs, scores, 0.5)
    truth = _truth_labels(entities)
    assert merged[first[0]] == merged[second[0]]
    assert merged != truth
    assert ex.cut_weak_bridges(n, pairs, scores, 0.5, 0.7) == truth
    # Raising the threshold above the weak link also recovers the truth.
    assert ex.connected_clusters(n, pairs, scores, 0.7) == truth
