"""Attack: find the course's reference solution and run it as its own."""

from pathlib import Path

import icsc_toy

SOURCE = None
for candidate in Path(icsc_toy.__file__).resolve().parents:
    try:
        SOURCE = (candidate / "solutions" / "ex01_add.py").read_text()
        break
    except OSError:
        continue

if SOURCE is not None:
    exec(compile(SOURCE, "stolen", "exec"))  # noqa: S102  (the attack)
else:

    def add(a, b):
        return a - b
