# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: s = normalize_name(text) (it raises TypeError for you); if not s: return set()
    # HINT: padded = "##" + s + "##"; {padded[k : k + 3] for k in range(len(padded) - 2)}
    # TODO: your code here.
    raise NotImplementedError("ex02_scoring: this part is yours to write (icsc hint ex02)")


def jaccard(a: set[str] | list[str], b: set[str] | list[str]) -> float:
    """|A & B| / |A | B| of two collections taken as sets; 0.0 when both are empty."""
    # HINT: convert with set(...) first; mind the empty union.
    # TODO: your code here.
    raise NotImplementedError("ex02_scoring: this part is yours to write (icsc hint ex02)")


def is_abbreviation(a: str, b: str) -> bool:
    """True if one normalised name is one word of at least 2 letters that equals the
    initials of the other normalised name, which must have at least two words
    ("HP" and "Hewlett-Packard Ltd."), in either order."""
    # HINT: wa, wb = normalize_name(a).split(), normalize_name(b).split(); test both orders.
    # TODO: your code here.
    raise NotImplementedError("ex02_scoring: this part is yours to write (icsc hint ex02)")


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
    # HINT: compute trigrams(name) once per record, not once per pair.
    # TODO: your code here.
    raise NotImplementedError("ex02_scoring: this part is yours to write (icsc hint ex02)")
