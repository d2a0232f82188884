# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: blocking — compare only the record pairs that share a key.

Comparing every record with every other one costs n (n - 1) / 2 comparisons: 5 * 10^11
for a register of a million counterparties. *Blocking* gives each record a few cheap keys
and compares only records that share at least one key (Christen 2012, ch. 4; Papadakis et
al. 2020). Two numbers measure a blocking (Christen 2012, §4.6):

* **pair completeness** PC = (true matches among the candidates) / (all true matches),
  the recall of the blocking step: a match that is not a candidate is lost for good;
* **reduction ratio** RR = 1 - (number of candidates) / (n (n - 1) / 2), the share of the
  comparisons the blocking saved.

Use :func:`icsc_record_linkage.normalize.tokens` to turn a name into words
("Hewlett-Packard Ltd." -> ["hewlett", "packard"]).
"""

from __future__ import annotations

from collections import defaultdict

from icsc_record_linkage.normalize import tokens


def blocking_keys(name: str, prefix: int = 4) -> set[str]:
    """The blocking keys of one name.

    Keys: the first ``prefix`` characters of every word of ``tokens(name)`` (a shorter word
    is its own key), plus, when there are at least two words, the acronym made of the
    words' first letters prefixed by "#" ("Hewlett-Packard" gives {"hewl", "pack", "#hp"}),
    plus the key "#" + word for a single-word name of at most 5 letters ("HP" gives
    {"hp", "#hp"}), so that an abbreviation meets its spelled-out form. Returns an empty
    set for a name without words. Raises ``ValueError`` if ``prefix < 1``.
    """
    # HINT: words = tokens(name); keys = {w[:prefix] for w in words}
    # HINT: "".join(w[0] for w in words) is the acronym; add "#" + acronym or "#" + a short single word.
    # TODO: your code here.
    raise NotImplementedError("ex01_blocking: this part is yours to write (icsc hint ex01)")


def candidate_pairs(names: list[str], prefix: int = 4) -> list[tuple[int, int]]:
    """All pairs (i, j), i < j, of records whose :func:`blocking_keys` intersect.

    ``names``: list of n strings. Returns the pairs sorted, without duplicates. Runs in
    time proportional to the sum over keys of (block size)^2, not n^2: build an inverted
    index key -> record ids, then pair up the records inside each block.
    """
    # HINT: index = defaultdict(list); for i, name in enumerate(names): for key in blocking_keys(name): index[key].append(i)
    # HINT: inside each block, pair every record with every later one; a set removes pairs found in two blocks.
    # TODO: your code here.
    raise NotImplementedError("ex01_blocking: this part is yours to write (icsc hint ex01)")


def pair_completeness(candidates: list[tuple[int, int]], entities: list[int]) -> float:
    """PC: the fraction of the true matching pairs (same entity id) that are candidates.

    ``candidates``: pairs (i, j) with i < j; ``entities``: ground-truth entity id per
    record. Returns 1.0 if there are no true matches. Raises ``ValueError`` for a pair
    that is not 0 <= i < j < len(entities).
    """
    # HINT: count the true matches from the block sizes of the entities: m records give m (m - 1) / 2 pairs.
    # TODO: your code here.
    raise NotImplementedError("ex01_blocking: this part is yours to write (icsc hint ex01)")


def reduction_ratio(n_candidates: int, n_records: int) -> float:
    """RR = 1 - n_candidates / (n_records (n_records - 1) / 2).

    Raises ``ValueError`` if ``n_records < 2`` or ``n_candidates`` is not in
    [0, n_records (n_records - 1) / 2].
    """
    # HINT: all = n_records * (n_records - 1) // 2
    # TODO: your code here.
    raise NotImplementedError("ex01_blocking: this part is yours to write (icsc hint ex01)")
