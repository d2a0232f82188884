"""Attack: patch pytest in its own process, print and write fake passing reports."""

import contextlib
import json
import os
import sys
from pathlib import Path

import pytest

pytest.approx = lambda *_, **__: True
pytest.raises = lambda *_, **__: None
FAKE = {
    "meta": {},
    "tests": [
        {
            "nodeid": "x",
            "exercise": "ex01",
            "outcome": "passed",
            "points": 100.0,
            "message": "",
            "duration": 0.0,
        }
    ],
}
print("===== 5 passed in 0.01s =====")
sys.stderr.write("5 passed\n")
for folder in {
    Path.cwd(),
    Path.cwd().parent,
    Path(os.environ.get("TMPDIR", "/tmp")),
    Path("/tmp"),
    Path.cwd().parent / "trusted",
}:
    for name in ("report.json", "results.json", "inventory.json", "grades.csv"):
        with contextlib.suppress(OSError):
            (folder / name).write_text(json.dumps(FAKE))


def add(a, b):
    return a * b
