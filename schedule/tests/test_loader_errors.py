"""Bad data files: each gives one clear sentence that names the file and the entry."""

from pathlib import Path

import pytest

from icsc_schedule import load_programme, parse_programme

BAD = Path(__file__).parent / "data" / "bad"

CASES = {
    "missing-field": r"^missing-field\.toml: contribution 7: missing field 'kind'$",
    "bad-time": r"^bad-time\.toml: contribution 5: start '25:00' is not a time HH:MM",
    "unknown-course-slug": r"^unknown-course-slug\.toml: contribution 3: unknown course slug 'numbaa'",
    "duplicate-id": r"^duplicate-id\.toml: contribution 4: duplicate id \(entries 1 and 2 ",
    "bad-date": r"^bad-date\.toml: contribution 6: date '2026-02-30' is not a date",
    "partial-slot": r"^partial-slot\.toml: contribution 2: has date and start but no duration_minutes",
    "unknown-field": r"^unknown-field\.toml: contribution 9: unknown field 'strat'",
    "part-label-mismatch": (
        r"^part-label-mismatch\.toml: contribution 12: part 'lecture 1' does not match label "
        r"'Lecture 2', which normalises to 'lecture 2'$"
    ),
    "unrecognised-label": r"^unrecognised-label\.toml: contribution 13: part label 'Tutorial' is not",
    "nonexistent-local-time": (
        r"^nonexistent-local-time\.toml: contribution 14: start 2026-03-29 02:30 does not exist "
        r"in Europe/Zurich"
    ),
    "unknown-timezone": r"^unknown-timezone\.toml: \[programme\]: unknown timezone 'Europe/Geneva'",
    "ceremony-with-course": r"^ceremony-with-course\.toml: contribution 17: a ceremony has no course",
    "no-presenter": r"^no-presenter\.toml: contribution 15: field 'presenters' must be a non-empty list",
    "not-toml": r"^not-toml\.toml: not valid TOML: .*line 9",
}


def test_every_bad_file_has_a_case():
    assert {path.stem for path in BAD.glob("*.toml")} == set(CASES)


@pytest.mark.parametrize("defect", sorted(CASES))
def test_bad_file_gives_one_clear_message(defect):
    with pytest.raises(ValueError, match=CASES[defect]) as caught:
        load_programme(BAD / f"{defect}.toml")
    assert "\n" not in str(caught.value)


def test_entry_without_id_is_named_by_position():
    text = '[programme]\nname = "S"\ntimezone = "UTC"\n[[contributions]]\ntitle = "x"\n'
    with pytest.raises(
        ValueError,
        match=r"^s\.toml: contribution number 1 of \[\[contributions\]\]: missing field 'id'$",
    ):
        parse_programme(text, source="s.toml")


def test_unknown_course_in_declared_hours():
    text = '[programme]\nname = "S"\ntimezone = "UTC"\n[courses.nmba]\nlecture_hours = 1\nexercise_hours = 0\n'
    with pytest.raises(
        ValueError, match=r"^s\.toml: \[courses\.nmba\]: unknown course slug 'nmba'"
    ):
        parse_programme(text, source="s.toml")


def test_programme_without_contributions():
    with pytest.raises(ValueError, match=r"needs at least one \[\[contributions\]\] entry"):
        parse_programme('[programme]\nname = "S"\ntimezone = "UTC"\n', source="s.toml")


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_programme(tmp_path / "absent.toml")
