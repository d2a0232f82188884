"""The iCalendar export, read back by parsers independent of the `icalendar` writer.

`ical` parses the whole file strictly and resolves TZID=Europe/Zurich with the IANA
database; `vobject` interprets the VTIMEZONE written into the file. Expected UTC times
come from the EU summer-time rule, not from a time-zone library: summer time begins on
the last Sunday of March at 01:00 UTC (Directive 2000/84/EC, Art. 2), i.e. 29 March 2026,
so the school's week (16-19 March) is CET = UTC+1 and 30 March is CEST = UTC+2.
"""

import datetime as dt
import re

import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from icsc_schedule import to_ics
from icsc_schedule.ics_export import contribution_uid

UTC = dt.UTC
STAMP = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CET = dt.timedelta(hours=1)


def _parse(data: bytes):
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def _contribution_id(event) -> int:
    return int(re.search(r"Contribution (\d+) of", event.description)[1])


def _vtimezone(data: bytes):
    """tzinfo built by vobject/dateutil from the VTIMEZONE in the file (nothing else)."""
    return vobject.readOne(data.decode("utf-8")).vtimezone.gettzinfo()


@pytest.fixture(scope="module")
def exported(programme):
    return to_ics(programme, stamp=STAMP)


def test_every_dated_contribution_is_an_event(programme, exported):
    events = _parse(exported).events
    assert sorted(_contribution_id(e) for e in events) == sorted(c.id for c in programme.slotted)
    assert len(events) == 31
    assert 8 not in {_contribution_id(e) for e in events}  # no slot: not in the calendar


def test_local_and_utc_times_across_the_data(programme, exported):
    by_id = {c.id: c for c in programme.contributions}
    for event in _parse(exported).events:
        c = by_id[_contribution_id(event)]
        local_start = c.slot.start.replace(tzinfo=None)
        local_end = c.slot.end.replace(tzinfo=None)
        assert event.dtstart.replace(tzinfo=None) == local_start, c.id
        assert event.dtend.replace(tzinfo=None) == local_end, c.id
        # the whole week is before 29 March: CET, UTC+1
        assert event.dtstart.astimezone(UTC).replace(tzinfo=None) == local_start - CET, c.id
        assert event.dtend.astimezone(UTC).replace(tzinfo=None) == local_end - CET, c.id


@pytest.mark.parametrize(
    ("cid", "utc_start"),
    [
        (2, dt.datetime(2026, 3, 19, 9, 0, tzinfo=UTC)),  # I/O lecture 1, Thu 10:00 Zurich
        (17, dt.datetime(2026, 3, 16, 8, 0, tzinfo=UTC)),  # welcome, Mon 09:00 Zurich
        (30, dt.datetime(2026, 3, 17, 16, 30, tzinfo=UTC)),  # control exercises, Tue 17:30
        (25, dt.datetime(2026, 3, 19, 15, 40, tzinfo=UTC)),  # git exercises, Thu 16:40
    ],
)
def test_hand_checked_utc_times(exported, cid, utc_start):
    (event,) = [e for e in _parse(exported).events if _contribution_id(e) == cid]
    assert event.dtstart.astimezone(UTC) == utc_start


def test_the_file_vtimezone_gives_cet_for_every_event(programme, exported):
    text = exported.decode("utf-8")
    assert "BEGIN:VTIMEZONE" in text
    assert "TZID:Europe/Zurich" in text
    zone = _vtimezone(exported)
    for c in programme.slotted:
        assert c.slot.start.replace(tzinfo=None, fold=0).replace(tzinfo=zone).utcoffset() == CET


def test_slots_on_both_sides_of_the_summer_time_change(timetable):
    data = to_ics(timetable("slot-after-dst-change"), stamp=STAMP)
    events = {_contribution_id(e): e for e in _parse(data).events}
    assert events[1].dtstart.astimezone(UTC) == dt.datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
    assert events[2].dtstart.astimezone(UTC) == dt.datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    zone = _vtimezone(data)
    assert dt.datetime(2026, 3, 27, 10, 0, tzinfo=zone).utcoffset() == dt.timedelta(hours=1)
    assert dt.datetime(2026, 3, 30, 10, 0, tzinfo=zone).utcoffset() == dt.timedelta(hours=2)


def test_event_properties(programme, exported):
    (event,) = [e for e in _parse(exported).events if _contribution_id(e) == 2]
    assert event.summary == "Modern I/O and Storage Systems for Scientific Computing (Lecture 1)"
    assert event.organizer.common_name == "Gianmaria DEL MONTE (CERN)"
    assert event.organizer.uri.startswith("urn:uuid:")
    assert event.contacts == ["Gianmaria DEL MONTE (CERN)"]
    assert event.categories == ["lecture", "io-storage"]
    assert "Course: io-storage (lecture 1)" in event.description
    assert event.location is None  # the report gives no room
    assert event.uid == contribution_uid(
        programme, next(c for c in programme.contributions if c.id == 2)
    )
    assert event.dtstamp == STAMP


def test_location_and_several_presenters(timetable):
    events = {
        _contribution_id(e): e for e in _parse(to_ics(timetable("slot-after-dst-change"))).events
    }
    assert events[1].location == "CERN, Room 1"
    assert events[1].contacts == ["Kiran JONATHAN", "Presenter SECOND (Somewhere)"]
    assert events[1].organizer.common_name == "Kiran JONATHAN"


def test_uids_are_unique_and_stable(programme, exported):
    uids = [e.uid for e in _parse(exported).events]
    assert len(set(uids)) == len(uids)
    again = to_ics(programme, stamp=STAMP + dt.timedelta(days=3))
    assert [e.uid for e in _parse(again).events] == uids
    assert to_ics(programme, stamp=STAMP) == exported  # same stamp: byte-identical


def test_course_filter_keeps_the_track_and_the_ceremonies(programme):
    data = to_ics(programme, programme.select(["numba", "control"]), stamp=STAMP)
    assert sorted(_contribution_id(e) for e in _parse(data).events) == [
        11,
        12,
        17,
        18,
        29,
        30,
        35,
        36,
    ]


def test_nothing_to_export_is_refused(programme):
    with pytest.raises(ValueError, match="none of the chosen contributions has a slot"):
        to_ics(programme, programme.unslotted)
