"""The command line: `python -m icsc_schedule ...` and the `icsc schedule` registration."""

import argparse
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream

from icsc_schedule import cli

DATA = Path(__file__).parent / "data"


@pytest.fixture
def no_installed_courses(monkeypatch):
    """Run `check` as if no course package were installed."""
    monkeypatch.setattr(cli, "discover_courses", lambda: ({}, []))


def test_check_real_programme_lists_oddities_and_passes(capsys, no_installed_courses):
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    for code in (
        "duplicate-part", "missing-part", "after-closing", "contribution-without-slot",
        "hours-unscheduled", "label-variant", "parallel-tracks",
    ):  # fmt: skip
        assert f"[{code}]" in out
    assert "schedule check passed: 0 error(s), 9 warning(s)" in out


def test_check_real_programme_against_the_installed_courses(capsys):
    """The installed course packages declare the hours the programme schedules."""
    status = cli.main(["check"])
    out = capsys.readouterr().out
    assert status == 0, out


def test_check_overlapping_lectures_exits_1(capsys, no_installed_courses):
    assert cli.main(["check", "--programme", str(DATA / "overlapping-lectures.toml")]) == 1
    out = capsys.readouterr().out
    assert "[overlapping-lectures] lectures 1 (numba lecture 1, Tue 17 Mar 10:00)" in out
    assert "schedule check failed: 1 error(s)" in out


def test_check_bad_data_exits_2_with_one_sentence(capsys):
    assert cli.main(["check", "--programme", str(DATA / "bad" / "bad-time.toml")]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "error: bad-time.toml: contribution 5: start '25:00' is not a time HH:MM (00:00 to 23:59)\n"
    )


def test_missing_programme_file_exits_2(capsys, tmp_path):
    assert cli.main(["show", "--programme", str(tmp_path / "absent.toml")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_show_one_day(capsys):
    assert cli.main(["show", "--day", "tue"]) == 0
    out = capsys.readouterr().out
    assert "Tue 17 Mar" in out
    assert "Mon 16 Mar" not in out
    assert "numba" in out
    assert "dim-reduction" in out


def test_show_one_course(capsys):
    assert cli.main(["show", "--course", "record-linkage"]) == 0
    out = capsys.readouterr().out
    assert "no slot" in out
    assert "record-linkage" in out
    assert "numba" not in out


def test_show_unknown_day_is_a_user_error(capsys):
    assert cli.main(["show", "--day", "friday"]) == 2
    assert (
        "the programme has no day 'friday'; its days are Mon 2026-03-16" in capsys.readouterr().err
    )


def test_unknown_course_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["export", "--format", "ics", "--courses", "numba,numbaa", "-o", "-"])
    assert caught.value.code == 2
    assert "unknown course slug(s) numbaa" in capsys.readouterr().err


def test_export_markdown_and_ics_files(tmp_path, capsys):
    md, ics = tmp_path / "timetable.md", tmp_path / "track.ics"
    assert cli.main(["export", "--format", "md", "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith(
        "# Inverted CERN School of Computing 2026: timetable"
    )
    assert (
        cli.main(["export", "--format", "ics", "--courses", "control,numba", "-o", str(ics)]) == 0
    )
    events = IcsCalendarStream.calendar_from_ics(ics.read_text(encoding="utf-8")).events
    assert len(events) == 8  # 3 numba + 3 control + welcome + closing
    assert "wrote" in capsys.readouterr().err


def test_export_to_stdout(capsysbinary):
    assert cli.main(["export", "--format", "ics", "--courses", "record-linkage", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR\r\n")
    assert out.count(b"BEGIN:VEVENT") == 2  # only the ceremonies: record-linkage has no slot


def test_export_into_a_missing_folder_is_a_user_error(tmp_path, capsys):
    target = tmp_path / "nope" / "t.md"
    assert cli.main(["export", "--format", "md", "-o", str(target)]) == 2
    assert "folder" in capsys.readouterr().err


def test_register_adds_schedule_verbs_to_the_kit_parser():
    parser = argparse.ArgumentParser(prog="icsc")
    cli.register(parser.add_subparsers(dest="command"))
    for verb, func in (("check", cli.cmd_check), ("show", cli.cmd_show)):
        assert parser.parse_args(["schedule", verb]).func is func
    args = parser.parse_args(
        ["schedule", "export", "--format", "md", "--courses", "numba", "-o", "x"]
    )
    assert args.func is cli.cmd_export
    assert args.courses == ["numba"]
    with pytest.raises(SystemExit):
        parser.parse_args(["schedule"])  # a verb is required


def test_entry_point_is_registered():
    (entry_point,) = [
        ep for ep in importlib.metadata.entry_points(group="icsc.commands") if ep.name == "schedule"
    ]
    assert entry_point.load() is cli.register


def test_python_dash_m_runs_standalone():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "icsc_schedule",
            "check",
            "--programme",
            str(DATA / "overlapping-lectures.toml"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "overlapping-lectures" in result.stdout
