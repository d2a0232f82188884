# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 3: from scored pairs to entities, and cutting illogical links.

Accepted pairs form a graph: records are nodes, an edge joins two records whose score is
at least a threshold. Entities are the *connected components*. Matching is transitive in
this view, and that is its weakness: one wrong edge between two groups merges them, and
a chain A-B, B-C, C-D of individually plausible links can connect records that share
nothing ("chain reaction"). Graph topology shows such links: an edge whose removal
disconnects its component is a **bridge**; a weak bridge between two dense groups is
suspicious, an edge inside a group backed by many triangles is not.

Return plain labels: ``labels[i]`` is the smallest record index in the cluster of
record i, so that two clusterings can be compared with ``==``.
"""

from __future__ import annotations

import networkx as nx


def _graph(n: int, pairs: list[tuple[int, int]], scores: list[float], threshold: float) -> nx.Graph:
    if n < 0:
        msg = f"n must be >= 0, got {n}"
        raise ValueError(msg)
    if len(pairs) != len(scores):
        msg = f"{len(pairs)} pairs but {len(scores)} scores"
        raise ValueError(msg)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for (i, j), score in zip(pairs, scores, strict=True):
        if not (0 <= i < n and 0 <= j < n) or i == j:
            msg = f"pair ({i}, {j}) out of range for {n} records"
            raise ValueError(msg)
        if score >= threshold:
            graph.add_edge(int(i), int(j), weight=float(score))
    return graph


def _labels(graph: nx.Graph, n: int) -> list[int]:
    labels = [0] * n
    for component in nx.connected_components(graph):
        smallest = min(component)
        for node in component:
            labels[node] = smallest
    return labels


def connected_clusters(
    n: int, pairs: list[tuple[int, int]], scores: list[float], threshold: float
) -> list[int]:
    """Cluster labels of n records: connected components of the graph whose edges are the
    pairs with score >= ``threshold``.

    ``pairs``: (i, j) with 0 <= i, j < n, i != j; ``scores``: one float per pair. Returns a
    list of n ints, ``labels[i]`` = smallest index in i's component. Raises ``ValueError``
    if n < 0, lengths differ or a pair is out of range.
    """
    # HINT: nx.Graph(); add_nodes_from(range(n)) so that unmatched records are singletons.
    # HINT: for component in nx.connected_components(graph): label = min(component)
    # TODO: your code here.
    raise NotImplementedError("ex03_clustering: this part is yours to write (icsc hint ex03)")


def cut_weak_bridges(
    n: int,
    pairs: list[tuple[int, int]],
    scores: list[float],
    threshold: float,
    bridge_threshold: float,
) -> list[int]:
    """Like :func:`connected_clusters`, after cutting weak bridges between groups.

    Build the graph of edges with score >= ``threshold``. Remove, all at once, every
    bridge (``networkx.bridges``) whose weight is below ``bridge_threshold`` and whose
    removal leaves at least 2 records on *each* side (a bridge to a lone record is how a
    record with one good link looks; it is kept). Return the component labels of what
    remains. Raises ``ValueError`` like :func:`connected_clusters`, and if
    ``bridge_threshold < threshold``.
    """
    # HINT: for u, v in list(nx.bridges(graph)): check graph[u][v]["weight"], then the side sizes:
    # HINT: graph.remove_edge(u, v); len(nx.node_connected_component(graph, u)); add the edge back.
    # TODO: your code here.
    raise NotImplementedError("ex03_clustering: this part is yours to write (icsc hint ex03)")
