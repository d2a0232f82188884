"""Keep the course list of the nightly workflow equal to the folders in ``courses/``.

Usage: ``python tools/ci_matrix.py`` rewrites the ``course: [...]`` line of
``.github/workflows/nightly.yml``; ``--check`` only compares and exits 1 if it differs.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "nightly.yml"
MATRIX_LINE = re.compile(r"^(?P<indent>\s*)course: \[.*\]$", re.MULTILINE)


def courses() -> list[str]:
    """Slugs of the course packages present in ``courses/``."""
    return sorted(path.parent.name for path in ROOT.glob("courses/*/pyproject.toml"))


def rendered(text: str) -> str:
    """The workflow text with its course matrix line listing :func:`courses`."""
    if len(MATRIX_LINE.findall(text)) != 1:
        msg = f"{WORKFLOW} needs exactly one 'course: [...]' matrix line"
        raise SystemExit(msg)
    return MATRIX_LINE.sub(lambda m: f"{m.group('indent')}course: [{', '.join(courses())}]", text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only compare; exit 1 if the matrix is stale"
    )
    args = parser.parse_args()
    text = WORKFLOW.read_text(encoding="utf-8")
    new = rendered(text)
    if new == text:
        print("nightly.yml course matrix is up to date")
        return 0
    if args.check:
        print("nightly.yml course matrix is stale; run: python tools/ci_matrix.py")
        return 1
    WORKFLOW.write_text(new, encoding="utf-8")
    print("nightly.yml course matrix updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
