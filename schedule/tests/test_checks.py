"""Clash detection, hour comparison and oddity reports, on constructed timetables and the real one."""

import pytest

from icsc_kit import Course, Exercise
from icsc_schedule import Level, exit_code, run_checks


def _codes(findings, level=None):
    return sorted(f.code for f in findings if level is None or f.level is level)


def _only(findings, code):
    (finding,) = [f for f in findings if f.code == code]
    return finding


def test_overlapping_lectures_are_an_error(timetable):
    findings = run_checks(timetable("overlapping-lectures"))
    finding = _only(findings, "overlapping-lectures")
    assert finding.level is Level.ERROR
    assert finding.ids == (1, 2)
    assert "Tue 17 Mar 10:30-11:00" in finding.message
    assert exit_code(findings) == 1


def test_parallel_exercises_are_tracks_not_errors(timetable):
    findings = run_checks(timetable("parallel-exercises"))
    assert _codes(findings) == ["parallel-tracks"]
    assert _only(findings, "parallel-tracks").ids == (2, 3)
    assert exit_code(findings) == 0


def test_one_presenter_in_two_places_is_an_error(timetable):
    findings = run_checks(timetable("presenter-double-booked"))
    assert _codes(findings, Level.ERROR) == ["presenter-clash"]
    assert "KOWALCZUK, Aleksandra presents" in _only(findings, "presenter-clash").message
    assert exit_code(findings) == 1


def test_session_overlapping_a_ceremony_is_an_error(timetable):
    findings = run_checks(timetable("exercise-overlaps-closing"))
    finding = _only(findings, "overlapping-sessions")
    assert finding.level is Level.ERROR
    assert "only exercise sessions may run in parallel" in finding.message


def test_duplicated_part_label(timetable):
    findings = run_checks(timetable("duplicated-part-label"))
    assert _codes(findings, Level.WARNING) == ["duplicate-part", "missing-part"]
    assert _only(findings, "duplicate-part").ids == (11, 29)
    assert "no lecture 2" in _only(findings, "missing-part").message
    assert exit_code(findings) == 0


def test_parts_out_of_order(timetable):
    finding = _only(run_checks(timetable("parts-out-of-order")), "parts-out-of-order")
    assert finding.ids == (2, 1)
    assert finding.level is Level.WARNING


def test_exercise_before_lecture(timetable):
    finding = _only(run_checks(timetable("exercise-before-lecture")), "exercise-before-lecture")
    assert finding.ids == (2, 1)


def test_sessions_before_welcome_and_after_closing(timetable):
    findings = run_checks(timetable("sessions-outside-welcome-and-closing"))
    assert _only(findings, "before-welcome").ids == (3,)
    assert _only(findings, "after-closing").ids == (4,)
    assert exit_code(findings) == 0


def test_label_spelling_variants_are_reported_per_spelling(timetable):
    findings = [
        f for f in run_checks(timetable("label-spelling-variants")) if f.code == "label-variant"
    ]
    assert [f.ids for f in findings] == [(3,), (2,), (1,)]
    messages = " ".join(f.message for f in findings)
    assert "'Exercices' (canonical spelling 'Exercises')" in messages
    assert "'Excercises 2' (canonical spelling 'Exercises 2')" in messages
    assert "'lecture' (canonical spelling 'Lecture')" in messages


def test_unslotted_contribution_is_a_warning_and_explains_the_hours(timetable):
    findings = run_checks(timetable("contribution-without-slot"))
    assert _codes(findings, Level.WARNING) == ["contribution-without-slot", "hours-unscheduled"]
    assert "contribution(s) 8 have no slot" in _only(findings, "hours-unscheduled").message
    assert exit_code(findings) == 0


def test_hours_declared_by_the_programme_must_match_the_slots(timetable):
    findings = [f for f in run_checks(timetable("hours-mismatch")) if f.code == "hours-mismatch"]
    assert [f.message for f in findings] == [
        "numba: the programme declares 2 lecture hour(s) but its lecture slots add up to 1 h",
        "numba: the programme declares 1 exercise hour(s) but its exercise slots add up to 1 h 30 min",
    ]
    assert all(f.level is Level.ERROR for f in findings)


def _course(slug, lecture_hours, exercise_hours):
    return Course(
        slug=slug,
        title=slug,
        presenters=("Someone",),
        lecture_hours=lecture_hours,
        exercise_hours=exercise_hours,
        package=f"icsc_{slug.replace('-', '_')}",
        exercises=(Exercise("ex01_first", "First"),),
    )


def test_installed_course_hours_are_compared(programme):
    installed = {"numba": _course("numba", 2, 1), "control": _course("control", 3, 1)}
    findings = run_checks(programme, installed)
    (mismatch,) = [f for f in findings if f.code == "hours-mismatch"]
    assert mismatch.message == (
        "control: its installed course package declares 3 lecture hour(s) but its lecture "
        "slots add up to 2 h"
    )
    note = _only(findings, "courses-not-installed")
    assert note.level is Level.INFO
    assert "11 course(s)" in note.message
    assert "numba" not in note.message.split(": ", 1)[1]


def test_installed_course_that_is_no_school_course_is_noted(programme):
    findings = run_checks(programme, {"demo": _course("demo", 1, 1)})
    assert "demo" in _only(findings, "foreign-courses").message


def test_title_variants_within_a_course(timetable):
    finding = _only(run_checks(timetable("title-variants")), "title-variant")
    assert finding.ids == (1, 2)


# The oddities of the real programme, found by reading the report: they must all be
# reported, as warnings or notes, and none of them is an error.
REAL_WARNINGS = {
    ("contribution-without-slot", (8,)),
    ("hours-unscheduled", (8,)),
    ("duplicate-part", (11, 29)),
    ("missing-part", (11, 29)),
    ("after-closing", (20, 3, 25)),
    ("label-variant", (20, 28, 30, 33)),  # Exercices
    ("label-variant", (26,)),  # Excercises
    ("label-variant", (24,)),  # Excercises 2
    ("label-variant", (7,)),  # lecture
}
REAL_NOTES = {
    ("parallel-tracks", (28, 33)),
    ("parallel-tracks", (23, 34)),
    ("parallel-tracks", (24, 26)),
    ("parallel-tracks", (3, 25)),
    ("missing-label", (8,)),
    ("missing-label", (10,)),
    ("id-gaps", ()),
}


def test_real_programme_oddities(programme):
    findings = run_checks(programme)
    assert {(f.code, f.ids) for f in findings if f.level is Level.WARNING} == REAL_WARNINGS
    assert {(f.code, f.ids) for f in findings if f.level is Level.INFO} == REAL_NOTES
    assert _codes(findings, Level.ERROR) == []
    assert exit_code(findings) == 0
    assert "ids 1, 4, 15, 31 are not" in _only(findings, "id-gaps").message


# Hours as COURSES.md states them (read by hand), for a course package with those hours.
@pytest.mark.parametrize(
    ("slug", "lecture_hours", "exercise_hours"),
    [("numba", 2, 1), ("cybersecurity", 2, 2), ("io-storage", 2, 1), ("control", 2, 1)],
)
def test_real_programme_gives_courses_their_hours(programme, slug, lecture_hours, exercise_hours):
    findings = run_checks(programme, {slug: _course(slug, lecture_hours, exercise_hours)})
    assert not [f for f in findings if f.code.startswith("hours") and f.message.startswith(slug)]
