"""Lecture notes: header, exercise boxes for every exercise, figures that exist, references."""

import re

import pytest

from icsc_cybersecurity import COURSE

NOTES = sorted(COURSE.lecture_dir.glob("[0-9][0-9]-*.md"))


def test_four_notes_add_up_to_the_scheduled_hours():
    teaching = exercises = 0
    for note in NOTES:
        header = note.read_text().split("---")[1]
        teaching += int(re.search(r"^teaching: (\d+)$", header, re.MULTILINE).group(1))
        exercises += int(re.search(r"^exercises: (\d+)$", header, re.MULTILINE).group(1))
    assert len(NOTES) == 4
    assert teaching == 60 * COURSE.lecture_hours
    assert exercises == 60 * COURSE.exercise_hours == sum(e.minutes for e in COURSE.exercises)


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_note_structure(note):
    text = note.read_text()
    assert text.startswith("---\ntitle: ")
    for field in ("questions:", "objectives:"):
        assert field in text.split("---")[1]
    assert "\n## Key points\n" in text
    assert "\n## References\n" in text
    for figure in re.findall(r"\]\((figures/[^)]+)\)", text):
        assert (COURSE.lecture_dir / figure).is_file(), figure


def test_every_exercise_has_exactly_one_box():
    text = "".join(note.read_text() for note in NOTES)
    for exercise in COURSE.exercises:
        boxes = re.findall(rf"> \*\*Exercise {exercise.name[:4]} \((\d+) minutes\)\*\*", text)
        assert boxes == [str(exercise.minutes)], exercise.name
        assert f"`{exercise.name}.py`" in text
