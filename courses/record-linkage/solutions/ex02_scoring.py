"""Exercise 2: scoring candidate pairs with string features.

Blocking leaves candidate pairs; a *matcher* gives each a similarity score, and pairs
above a threshold are declared matches (Fellegi and Sunter 1969 call the band between
two thresholds "possible matches", sent to a clerk). Here the score is built from cheap
string features, the "first pass" of a two-pass pipeline:

* character trigram Jaccard similarity, robust to typos and transliterations: the set of
  3-character substrings of ``"##" + s + "##"`` (s normalised), and
  J(A, B) = |A & B| / |A | B| (Christen 2012, §5.2);
* an abbreviation feature: one name is a single word equal to the initials of the
  other's words ("HP" and "Hewlett-Packard");
* the country: an entity has one country in the register, so a pair from two countries
  is penalised.
"""

from __future__ import annotations

import numpy as np

from icsc_record_linkage.normalize import normalize_name


def trigrams(text: str) -> set[str]:
    """The set of character 3-grams of ``"##" + normalize_name(text) + "##"``.

    ``trigrams("Ab")`` is {"##a", "#ab", "ab#", "b##"}; a name that normalises to ""
    gives the empty set.
    Raises ``TypeError`` if ``text`` is not a str.
    """
    # BEGIN SOLUTION
    # HINT: s = normalize_name(text) (it raises TypeError for you); if not s: return set()
    # HINT: padded = "##" + s + "##"; {padded[k : k + 3] for k in range(len(padded) - 2)}
    s = normalize_name(text)
    if not s:
        return set()
    padded = f"##{s}##"
    return {padded[k : k + 3] for k in range(len(padded) - 2)}
    # END SOLUTION


def jaccard(a: set[str] | list[str], b: set[str] | list[str]) -> float:
    """|A & B| / |A | B| of two collections taken as sets; 0.0 when both are empty."""
    # BEGIN SOLUTION
    # HINT: convert with set(...) first; mind the empty union.
    a, b = set(a), set(b)
    union = a | b
    return len(a & b) / len(union) if union else 0.0
    # END SOLUTION


def is_abbreviation(a: str, b: str) -> bool:
    """True if one normalised name is one word of at least 2 letters that equals the
    initials of the other normalised name, which must have at least two words
    ("HP" and "Hewlett-Packard Ltd."), in either order."""
    # BEGIN SOLUTION
    # HINT: wa, wb = normalize_name(a).split(), normalize_name(b).split(); test both orders.
    wa, wb = normalize_name(a).split(), normalize_name(b).split()

    def one_way(short: list[str], long: list[str]) -> bool:
        return (
            len(short) == 1
            and len(short[0]) >= 2
            and len(long) >= 2
            and short[0] == "".join(w[0] for w in long)
        )

    return one_way(wa, wb) or one_way(wb, wa)
    # END SOLUTION


def score_pairs(
    names: list[str],
    countries: list[str],
    pairs: list[tuple[int, int]],
    country_penalty: float = 0.5,
) -> np.ndarray:
    """Scores in [0, 1] for record pairs, float64 array of shape (len(pairs),).

    score = max(jaccard(trigrams(name_i), trigrams(name_j)), 0.9 if is_abbreviation else 0)
    multiplied by ``country_penalty`` when ``countries[i] != countries[j]``.
    Raises ``ValueError`` if ``names`` and ``countries`` differ in length, a pair index is
    out of range, or ``country_penalty`` is not in [0, 1].
    """
    # BEGIN SOLUTION
    # HINT: compute trigrams(name) once per record, not once per pair.
    if len(names) != len(countries):
        msg = f"{len(names)} names but {len(countries)} countries"
        raise ValueError(msg)
    if not 0.0 <= country_penalty <= 1.0:
        msg = f"country_penalty must be in [0, 1], got {country_penalty}"
        raise ValueError(msg)
    grams = [trigrams(name) for name in names]
    out = np.empty(len(pairs), dtype=np.float64)
    for k, (i, j) in enumerate(pairs):
        if not (0 <= i < len(names) and 0 <= j < len(names)):
            msg = f"pair ({i}, {j}) out of range for {len(names)} records"
            raise ValueError(msg)
        score = jaccard(grams[i], grams[j])
        if is_abbreviation(names[i], names[j]):
            score = max(score, 0.9)
        if countries[i] != countries[j]:
            score *= country_penalty
        out[k] = score
    return out
    # END SOLUTION
