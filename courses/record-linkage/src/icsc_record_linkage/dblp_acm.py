"""Reader for the DBLP-ACM entity-matching benchmark shipped in ``data/``.

Files (``test``, ``valid``): one labelled candidate pair per line,
``COL title VAL ... COL authors VAL ... COL venue VAL ... COL year VAL ...`` for the DBLP
record, a TAB, the same for the ACM record, a TAB and the label (1 = same paper). The
pairs come from Köpcke, Thor and Rahm (PVLDB 2010) via the Magellan/DeepMatcher
benchmark, in the serialisation of the Ditto repository (Apache-2.0); see
``data/NOTICE.md``.
"""

from __future__ import annotations

import re
from importlib.resources import files

__all__ = ["SPLITS", "load_pairs", "parse_record"]

SPLITS = ("valid", "test")
_FIELD = re.compile(r"COL (\w+) VAL ?(.*?)(?= COL \w+ VAL|$)")


def parse_record(text: str) -> dict[str, str]:
    """``"COL title VAL abc COL year VAL 1999"`` -> {"title": "abc", "year": "1999"}."""
    return {name: value.strip() for name, value in _FIELD.findall(text.strip())}


def load_pairs(split: str) -> tuple[list[dict[str, str]], list[dict[str, str]], list[int]]:
    """(left records, right records, labels) of one split ("valid" or "test").

    Records are dicts with keys title, authors, venue, year (values may be ""); labels are
    0/1 ints. Raises ``ValueError`` for an unknown split.
    """
    if split not in SPLITS:
        msg = f"split must be one of {SPLITS}, got {split!r}"
        raise ValueError(msg)
    text = files("icsc_record_linkage").joinpath("data", f"{split}.txt").read_text("utf-8")
    left, right, labels = [], [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        a, b, label = line.split("\t")
        left.append(parse_record(a))
        right.append(parse_record(b))
        labels.append(int(label))
    return left, right, labels
