"""Part labels as written in the report and their normalised form."""

import pytest

from icsc_schedule.labels import canonical_label, is_variant, kind_of_part, normalise_label
from icsc_schedule.model import Kind


@pytest.mark.parametrize(
    ("label", "part", "canonical"),
    [
        ("Lecture 1", "lecture 1", "Lecture 1"),
        ("Lecture", "lecture 1", "Lecture"),
        ("lecture", "lecture 1", "Lecture"),
        ("Exercises", "exercises 1", "Exercises"),
        ("Exercises 1", "exercises 1", "Exercises 1"),
        ("Exercices", "exercises 1", "Exercises"),
        ("Excercises", "exercises 1", "Exercises"),
        ("Excercises 2", "exercises 2", "Exercises 2"),
    ],
)
def test_labels_of_the_report(label, part, canonical):
    assert normalise_label(label) == part
    assert canonical_label(label) == canonical
    assert is_variant(label) is (label != canonical)


@pytest.mark.parametrize("label", ["Tutorial", "Lecture 0", "Lecture one", "", "Lecture 1 2"])
def test_unrecognised_labels(label):
    with pytest.raises(ValueError, match="is not one of Exercises, Lecture"):
        normalise_label(label)


def test_kind_of_part():
    assert kind_of_part("lecture 2") is Kind.LECTURE
    assert kind_of_part("exercises 1") is Kind.EXERCISE
    with pytest.raises(ValueError, match=r"must look like 'lecture N' or 'exercises N'"):
        kind_of_part("Lecture 1")
