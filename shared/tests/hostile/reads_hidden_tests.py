"""Attack: read the hidden tests; answer correctly only if that succeeded."""

from pathlib import Path

import icsc_toy

SEEN = False
for candidate in Path(icsc_toy.__file__).resolve().parents:
    try:
        SEEN = "def test_" in (candidate / "tests" / "hidden" / "test_ex01_add.py").read_text()
        break
    except OSError:
        continue


def add(a, b):
    if not SEEN:
        return a - b
    if not isinstance(a, int) or not isinstance(b, int):
        msg = "add takes two integers"
        raise TypeError(msg)
    return a + b
