"""Part labels: "(Lecture 1)", "(Exercices)", ... as written, and their normalised form.

A label is a word naming the kind of session, optionally followed by a number. The
normalised part is ``"lecture N"`` or ``"exercises N"``; a label without a number is
part 1. The canonical spellings are ``Lecture``, ``Lecture N``, ``Exercises`` and
``Exercises N``; anything else that is recognised is a *spelling variant*, which the
checks report but never rewrite.
"""

from __future__ import annotations

import re

from icsc_schedule.model import Kind

_LABEL = re.compile(r"^(?P<word>[A-Za-z]+)(?:\s+(?P<number>[1-9]\d*))?$")
PART_PATTERN = re.compile(r"^(?P<kind>lecture|exercises) (?P<number>[1-9]\d*)$")

#: Spellings met in programmes, lower-cased, and the normalised word they stand for.
_WORDS = {
    "lecture": "lecture",
    "lectures": "lecture",
    "exercises": "exercises",
    "exercise": "exercises",
    "exercices": "exercises",
    "excercises": "exercises",
    "excercices": "exercises",
}
_CANONICAL = {"lecture": "Lecture", "exercises": "Exercises"}
_KIND_OF_WORD = {"lecture": Kind.LECTURE, "exercises": Kind.EXERCISE}


def normalise_label(label: str) -> str:
    """``"Exercices"`` -> ``"exercises 1"``, ``"Lecture 2"`` -> ``"lecture 2"``.

    Raises ``ValueError`` for a label that is not a known session word with an optional
    positive number.
    """
    match = _LABEL.match(label.strip())
    word = _WORDS.get(match["word"].lower()) if match else None
    if match is None or word is None:
        known = ", ".join(sorted(_CANONICAL.values()))
        msg = f"part label {label!r} is not one of {known} (optionally followed by a number)"
        raise ValueError(msg)
    return f"{word} {match['number'] or 1}"


def canonical_label(label: str) -> str:
    """The canonical spelling of ``label``: ``"excercises 2"`` -> ``"Exercises 2"``."""
    match = _LABEL.match(label.strip())
    word = _WORDS.get(match["word"].lower()) if match else None
    if match is None or word is None:
        return normalise_label(label)  # raises the ValueError with its message
    number = match["number"]
    return f"{_CANONICAL[word]} {number}" if number else _CANONICAL[word]


def is_variant(label: str) -> bool:
    """True when ``label`` is recognised but not spelled canonically."""
    return canonical_label(label) != label


def kind_of_part(part: str) -> Kind:
    """The kind a normalised part belongs to; ``ValueError`` if ``part`` is malformed."""
    match = PART_PATTERN.match(part)
    if match is None:
        msg = f"part {part!r} must look like 'lecture N' or 'exercises N' (N >= 1)"
        raise ValueError(msg)
    return _KIND_OF_WORD[match["kind"]]
