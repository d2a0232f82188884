"""Strict parsing of solution markers."""

import pytest

from icsc_kit.errors import MarkerError
from icsc_kit.markers import parse_regions


def test_finds_regions_with_hints_and_indent():
    """Are two regions found with their indentation and hints?"""
    source = "def f():\n    # BEGIN SOLUTION\n    # HINT: one\n    return 1\n    # END SOLUTION\n# BEGIN SOLUTION\nX = 2\n# END SOLUTION\n"
    regions = parse_regions(source, "s.py")
    assert [(r.begin, r.end, r.indent, r.hints) for r in regions] == [
        (2, 5, "    ", ("one",)),
        (6, 8, "", ()),
    ]


@pytest.mark.parametrize(
    ("source", "line", "problem"),
    [
        pytest.param(
            "# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", 2, "nested", id="nested"
        ),
        pytest.param("x = 1\n# END SOLUTION\n", 2, "without a matching", id="orphan-end"),
        pytest.param("x = 1\n# BEGIN SOLUTION\nx = 2\n", 2, "never closed", id="unterminated"),
        pytest.param(
            "def f():\n    # BEGIN SOLUTION\n    pass\n# END SOLUTION\n",
            4,
            "indented differently",
            id="indent",
        ),
        pytest.param("# BEGIN SOLUTIONS\n", 1, "unrecognised marker", id="typo"),
    ],
)
def test_defects_name_file_and_line(source, line, problem):
    """Does each marker defect raise with file:line and the problem?"""
    with pytest.raises(MarkerError, match=problem) as info:
        parse_regions(source, "bad.py")
    assert info.value.line == line
    assert str(info.value).startswith(f"bad.py:{line}:")
