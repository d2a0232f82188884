"""Markdown exports: the timetable by day and the slots of one course for its README."""

import pytest

from icsc_schedule import (
    course_slots_markdown,
    parse_programme,
    replace_slots_block,
    timetable_markdown,
)


def _section(text: str, heading: str) -> list[str]:
    lines = text.split("## " + heading, 1)[1].split("\n## ", 1)[0].splitlines()
    return [line for line in lines if line.startswith("| ") and not line.startswith("| ---")][1:]


def test_timetable_has_a_table_per_day_then_the_unslotted(programme):
    text = timetable_markdown(programme)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Monday 16 March 2026",
        "## Tuesday 17 March 2026",
        "## Wednesday 18 March 2026",
        "## Thursday 19 March 2026",
        "## Without a slot",
    ]
    assert [len(_section(text, h[3:])) for h in headings] == [8, 7, 8, 8, 1]
    assert "Times are local time in Europe/Zurich." in text


def test_timetable_rows_in_time_order(programme):
    rows = _section(timetable_markdown(programme), "Thursday 19 March 2026")
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == [
        "09:00-10:00", "10:00-11:00", "11:30-12:30", "14:00-15:00",
        "15:00-15:15", "15:40-16:40", "16:40-17:40", "16:40-17:40",
    ]  # fmt: skip
    assert rows[4].startswith(
        "| 15:00-15:15 | Closing remarks | ceremony |  | Alberto PACE (CERN) | 18 |"
    )


def test_filtered_timetable(programme):
    text = timetable_markdown(programme, programme.select(["record-linkage"]))
    assert "## Without a slot" in text
    assert "Graphical Record Linkage with Big Data" in text
    assert "Numba" not in text


def test_course_slots_markdown_for_a_readme(programme):
    assert course_slots_markdown("numba", programme) == (
        "| Day | Time (Europe/Zurich) | Session | Presenter | # |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| Tue 17 Mar 2026 | 09:00-10:00 | lecture 1 | Kiran JONATHAN | 12 |\n"
        "| Tue 17 Mar 2026 | 10:00-11:00 | lecture 2 | Kiran JONATHAN | 35 |\n"
        "| Tue 17 Mar 2026 | 16:30-17:30 | exercises 1 | Kiran JONATHAN | 36 |\n"
    )


def test_course_slots_of_an_unslotted_course():
    text = course_slots_markdown("record-linkage")  # the shipped programme by default
    assert "| — | no slot in the programme | lecture 1 |" in text


def test_course_slots_unknown_slug():
    with pytest.raises(ValueError, match=r"unknown course slug 'numbaa'; known: numba"):
        course_slots_markdown("numbaa")


def test_pipes_in_cells_are_escaped():
    programme = parse_programme(
        '[programme]\nname = "S"\ntimezone = "Europe/Zurich"\n[[contributions]]\nid = 1\n'
        'title = "Pipes | in titles"\nkind = "ceremony"\ndate = 2026-03-16\nstart = "09:00"\n'
        'duration_minutes = 15\npresenters = [{ name = "PACE, Alberto" }]\n'
    )
    assert "| 09:00-09:15 | Pipes \\| in titles | ceremony |" in timetable_markdown(programme)


def test_replace_slots_block(programme):
    readme = "# Numba\n\n## Schedule\n\n<!-- schedule:slots:begin -->\nold\n<!-- schedule:slots:end -->\n\nMore.\n"
    updated = replace_slots_block(readme, "numba", programme)
    assert updated.startswith("# Numba\n\n## Schedule\n\n<!-- schedule:slots:begin -->\n| Day |")
    assert updated.endswith("| 36 |\n<!-- schedule:slots:end -->\n\nMore.\n")
    assert replace_slots_block(updated, "numba", programme) == updated


def test_replace_slots_block_needs_one_block(programme):
    with pytest.raises(ValueError, match=r"exactly one .* block, found 0"):
        replace_slots_block("# README without markers\n", "numba", programme)
