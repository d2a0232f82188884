"""The shipped programme holds every contribution of the school's report, as written.

Expected values below were read by hand from the Report of Contributions (the seed
programme), not produced by the loader.
"""

import datetime as dt
from collections import Counter

import pytest

from icsc_schedule import COURSE_SLUGS, Kind

# id -> (local date, start, minutes) as the report gives them; id 8 has no date.
REPORT_SLOTS = {
    2: ("2026-03-19", "10:00", 60), 3: ("2026-03-19", "16:40", 60),
    5: ("2026-03-19", "11:30", 60), 6: ("2026-03-16", "09:15", 60),
    7: ("2026-03-16", "15:00", 60), 9: ("2026-03-16", "10:15", 60),
    10: ("2026-03-17", "15:00", 60), 11: ("2026-03-17", "11:30", 60),
    12: ("2026-03-17", "09:00", 60), 13: ("2026-03-18", "09:00", 60),
    14: ("2026-03-18", "14:00", 60), 16: ("2026-03-18", "10:00", 60),
    17: ("2026-03-16", "09:00", 15), 18: ("2026-03-19", "15:00", 15),
    19: ("2026-03-19", "14:00", 60), 20: ("2026-03-19", "15:40", 60),
    21: ("2026-03-19", "09:00", 60), 22: ("2026-03-18", "11:30", 60),
    23: ("2026-03-18", "15:30", 60), 24: ("2026-03-18", "16:30", 60),
    25: ("2026-03-19", "16:40", 60), 26: ("2026-03-18", "16:30", 60),
    27: ("2026-03-16", "14:00", 60), 28: ("2026-03-16", "16:30", 60),
    29: ("2026-03-17", "14:00", 60), 30: ("2026-03-17", "17:30", 60),
    32: ("2026-03-16", "11:40", 60), 33: ("2026-03-16", "16:30", 60),
    34: ("2026-03-18", "15:30", 60), 35: ("2026-03-17", "10:00", 60),
    36: ("2026-03-17", "16:30", 60),
}  # fmt: skip


def test_every_contribution_of_the_report_is_there(programme):
    ids = sorted(c.id for c in programme.contributions)
    assert ids == sorted([*REPORT_SLOTS, 8])
    assert len(ids) == 32


def test_slots_match_the_report(programme):
    for c in programme.contributions:
        if c.id == 8:
            assert c.slot is None, "the report gives contribution 8 no date; none may be invented"
            continue
        day, start, minutes = REPORT_SLOTS[c.id]
        assert c.slot.start.date().isoformat() == day, c.id
        assert f"{c.slot.start:%H:%M}" == start, c.id
        assert c.slot.minutes == minutes, c.id
        assert c.slot.start.tzinfo.key == "Europe/Zurich"


def test_counts_per_day_and_kind(programme):
    counts = Counter(
        (c.day.isoformat() if c.day else None, c.kind) for c in programme.contributions
    )
    assert counts == {
        ("2026-03-16", Kind.CEREMONY): 1,
        ("2026-03-16", Kind.LECTURE): 5,
        ("2026-03-16", Kind.EXERCISE): 2,
        ("2026-03-17", Kind.LECTURE): 5,
        ("2026-03-17", Kind.EXERCISE): 2,
        ("2026-03-18", Kind.LECTURE): 4,
        ("2026-03-18", Kind.EXERCISE): 4,
        ("2026-03-19", Kind.LECTURE): 4,
        ("2026-03-19", Kind.EXERCISE): 3,
        ("2026-03-19", Kind.CEREMONY): 1,
        (None, Kind.LECTURE): 1,
    }
    assert programme.days == tuple(dt.date(2026, 3, d) for d in (16, 17, 18, 19))


def test_every_course_has_contributions(programme):
    assert set(programme.courses) == set(COURSE_SLUGS)
    assert set(programme.declared_hours) == set(COURSE_SLUGS)


@pytest.mark.parametrize(
    ("cid", "title", "label", "part"),
    [
        (20, "Modern I/O and Storage Systems for Scientific Computing (Exercices)", "Exercices", "exercises 1"),
        (24, ("Cybersecurity in scientific computing: integrity, trust, and security principles "
              "in research environments (Excercises 2)"), "Excercises 2", "exercises 2"),
        (7, "Parallel computing with RISC-V vectors (lecture)", "lecture", "lecture 1"),
        (29, "Keeping Things Stable: How Controllers Tackle Complexity in Modern Physics (Lecture 1)",
         "Lecture 1", "lecture 1"),
        (10, "Dimensionality Reduction: Linear Transformations and Autoencoders", None, "lecture 1"),
        (18, "Closing remarks", None, None),
    ],
)  # fmt: skip
def test_titles_and_labels_are_kept_as_written(programme, cid, title, label, part):
    c = next(c for c in programme.contributions if c.id == cid)
    assert (c.title, c.label, c.part) == (title, label, part)


def test_presenters_with_affiliation(programme):
    by_id = {c.id: c for c in programme.contributions}
    assert by_id[11].presenter_names == "Alexander BOHMER (Vienna University of Technology (AT))"
    assert by_id[8].presenters[0].honorific == "Mr"
    assert by_id[8].presenter_names == "Isidro Javier GARCÍA FERNÁNDEZ (European Central Bank)"
    assert by_id[5].presenter_names == "Lizzie SALMON"  # the report gives no affiliation
    assert by_id[17].presenter_names == by_id[18].presenter_names == "Alberto PACE (CERN)"


def test_ceremonies_have_no_course(programme):
    ceremonies = [c for c in programme.contributions if c.kind is Kind.CEREMONY]
    assert [c.id for c in ceremonies] == [17, 18]
    assert all(c.course is None and c.part is None for c in ceremonies)


def test_select_keeps_ceremonies_and_rejects_unknown_slugs(programme):
    chosen = programme.select(["numba"])
    assert sorted(c.id for c in chosen) == [12, 17, 18, 35, 36]
    with pytest.raises(ValueError, match=r"unknown course slug\(s\) numbaa; known: numba"):
        programme.select(["numbaa"])
