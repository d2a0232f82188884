"""Exercise 3: dependency hygiene: hash-pinned requirements, unpinned and typo-squatted names.

Installing a package runs somebody else's code on your account, often before you
import anything. Three cheap habits remove most of the risk:

1. **pin** every requirement to one version (``name==1.2.3``): the next release, good
   or malicious, arrives only when you decide;
2. **hash** every artifact (``--hash=sha256:...``): pip's hash-checking mode then refuses
   any file whose bytes differ from what you reviewed, whichever index served it;
3. **read the names**: hashes happily confirm a typo-squatted package if you pinned the
   typo. A name one keystroke away from a popular one deserves a second look.

You write:

* :func:`normalize_name`: the PEP 503 normalised form (``Scikit_Learn`` -> ``scikit-learn``);
* :func:`parse_requirements`: a requirements file (pip's format: comments, ``\\``
  continuations, ``--hash`` options, environment markers) into plain data;
* :func:`edit_distance`: the optimal-string-alignment distance (insertions, deletions,
  substitutions and swaps of neighbours each cost 1);
* :func:`find_typosquats`: which names sit suspiciously close to a popular name;
* :func:`check_artifacts`: downloaded files vs a hash-pinned requirements file, the
  way ``pip install --require-hashes`` decides, one verdict per file and per requirement.

The requirement syntax itself is parsed by :mod:`packaging` (the PyPA implementation of
PEP 508): do not write your own parser for it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

HASH_OPTION = re.compile(r"^--hash[=\s]?(?P<algorithm>[a-z0-9]+):(?P<digest>[0-9a-fA-F]+)$")

ARTIFACT_VERDICTS = (
    "ok",
    "not a distribution",
    "not required",
    "not pinned",
    "no hash",
    "version mismatch",
    "hash mismatch",
)
"""What :func:`check_artifacts` may say about a file, in the order the checks are made."""

REQUIREMENT_VERDICTS = ("ok", "not pinned", "no hash", "no valid artifact")
"""What :func:`check_artifacts` may say about a requirement."""


def normalize_name(name: str) -> str:
    """The PEP 503 normalised form of a distribution name.

    Runs of ``-``, ``_`` and ``.`` become a single ``-`` and the result is lower case:
    ``normalize_name("Scikit__Learn") == "scikit-learn"``. Raises ``TypeError`` if
    ``name`` is not a ``str`` and ``ValueError`` if it is empty.
    """
    # BEGIN SOLUTION
    # HINT: re.sub(r"[-_.]+", "-", name).lower()
    if not isinstance(name, str):
        msg = f"a distribution name must be a str, got {type(name).__name__}"
        raise TypeError(msg)
    if not name:
        msg = "a distribution name cannot be empty"
        raise ValueError(msg)
    return re.sub(r"[-_.]+", "-", name).lower()
    # END SOLUTION


def parse_requirements(text: str) -> dict[str, dict[str, object]]:
    """Parse a requirements file into ``{normalised name: entry}``.

    Each entry is ``{"specifier": str, "version": str | None, "hashes": list[str],
    "marker": str | None}``: the version specifier as ``packaging`` prints it
    (``"==2.1.0"``, ``">=2.0"``, ``""``), the pinned version when the specifier is
    exactly one ``==`` clause without a wildcard (else ``None``), the sorted, lower-case
    SHA-256 hex digests from ``--hash=sha256:...`` options, and the environment marker.

    The format (pip's requirements-file format, restricted): a line ending in ``\\`` is
    joined with the next; a ``#`` at the start of a line or after white space starts a
    comment; blank lines are ignored; a requirement is followed by zero or more
    ``--hash=sha256:<64 hex>`` options. Raises ``ValueError`` (naming the line) for: any
    other option (``-r``, ``-e``, ``--index-url``, ``--extra-index-url``, ...), a hash
    with another algorithm or not 64 hex digits, a requirement ``packaging`` refuses, a
    URL requirement (``name @ https://...``), and the same name twice.
    Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    # BEGIN SOLUTION
    # HINT: join continuations first: text.replace("\\\n", " ").
    # HINT: split a line at the first " --" into the requirement and its options.
    # HINT: Requirement(text) gives .name, .specifier (iterate it for clauses), .marker and .url.
    if not isinstance(text, str):
        msg = f"requirements must be a str, got {type(text).__name__}"
        raise TypeError(msg)
    entries: dict[str, dict[str, object]] = {}
    for raw in text.replace("\\\n", " ").splitlines():
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if not line:
            continue
        if line.startswith("-"):
            msg = f"option line not supported here: {line!r}"
            raise ValueError(msg)
        requirement_text, sep, option_text = line.partition(" --")
        options = ("--" + option_text).split() if sep else []
        hashes = []
        for option in options:
            match = HASH_OPTION.match(option)
            if match is None:
                msg = f"unsupported option {option!r} in line {line!r}"
                raise ValueError(msg)
            if match["algorithm"] != "sha256" or len(match["digest"]) != 64:
                msg = f"only --hash=sha256:<64 hex digits> is accepted, got {option!r}"
                raise ValueError(msg)
            hashes.append(match["digest"].lower())
        try:
            requirement = Requirement(requirement_text.strip())
        except InvalidRequirement as error:
            msg = f"invalid requirement {requirement_text.strip()!r}: {error}"
            raise ValueError(msg) from error
        if requirement.url:
            msg = f"URL requirements are not accepted: {line!r}"
            raise ValueError(msg)
        name = normalize_name(requirement.name)
        if name in entries:
            msg = f"requirement {name!r} appears twice"
            raise ValueError(msg)
        clauses = list(requirement.specifier)
        pinned = (
            clauses[0].version
            if len(clauses) == 1 and clauses[0].operator == "==" and "*" not in clauses[0].version
            else None
        )
        entries[name] = {
            "specifier": str(requirement.specifier),
            "version": pinned,
            "hashes": sorted(set(hashes)),
            "marker": str(requirement.marker) if requirement.marker else None,
        }
    return entries
    # END SOLUTION


def edit_distance(a: str, b: str) -> int:
    """The optimal string alignment distance between ``a`` and ``b``.

    The minimum number of single-character insertions, deletions, substitutions and
    transpositions of two *adjacent* characters that turn ``a`` into ``b``, with no
    substring edited twice (the "restricted" Damerau-Levenshtein distance):
    ``edit_distance("reqeusts", "requests") == 1``, ``edit_distance("CA", "ABC") == 3``.
    Case-sensitive. Raises ``TypeError`` unless both are ``str``.
    """
    # BEGIN SOLUTION
    # HINT: the Levenshtein dynamic programme, plus d[i-2][j-2] + 1 when a[i-1] == b[j-2] and a[i-2] == b[j-1].
    if not isinstance(a, str) or not isinstance(b, str):
        msg = "edit_distance compares two str"
        raise TypeError(msg)
    rows, cols = len(a) + 1, len(b) + 1
    d = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        d[i][0] = i
    for j in range(cols):
        d[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]
    # END SOLUTION


def find_typosquats(names: list[str], popular: list[str]) -> dict[str, str]:
    """The names that look like typos of a popular name: ``{name: popular name}``.

    Both lists are compared after :func:`normalize_name`; keys of the result are the
    normalised suspicious names. A name is suspicious when it is *not* itself in
    ``popular`` and some popular name ``p`` with ``len(p) >= 4`` is within
    ``edit_distance`` 1, or 2 when ``len(p) >= 9``. When several popular names qualify,
    the closest wins, then the one earlier in ``popular``. Short popular names are
    skipped: at three letters almost everything is one edit away from something.
    """
    # BEGIN SOLUTION
    # HINT: a set of normalised popular names makes the "is it popular itself" test fast.
    known = [normalize_name(p) for p in popular]
    known_set = set(known)
    result = {}
    for raw in names:
        name = normalize_name(raw)
        if name in known_set:
            continue
        best: tuple[int, int, str] | None = None
        for rank, candidate in enumerate(known):
            if len(candidate) < 4 or abs(len(candidate) - len(name)) > 2:
                continue
            limit = 2 if len(candidate) >= 9 else 1
            distance = edit_distance(name, candidate)
            if distance <= limit and (best is None or (distance, rank) < best[:2]):
                best = (distance, rank, candidate)
        if best is not None:
            result[name] = best[2]
    return result
    # END SOLUTION


def check_artifacts(requirements: str, folder: str | Path) -> dict[str, object]:
    """Check the files in ``folder`` against the hash-pinned ``requirements`` text.

    Returns ``{"artifacts": {file name: verdict}, "requirements": {name: verdict},
    "installable": bool}``. Every regular file directly in ``folder`` except
    ``requirements.txt`` gets the first verdict that applies, in this order:

    1. ``"not a distribution"``: not a wheel or sdist file name (see
       ``packaging.utils.parse_wheel_filename`` / ``parse_sdist_filename``);
    2. ``"not required"``: no requirement has its (normalised) name;
    3. ``"not pinned"``: its requirement has no pinned version;
    4. ``"no hash"``: its requirement lists no hash;
    5. ``"version mismatch"``: the file's version is not the pinned one;
    6. ``"hash mismatch"``: the file's SHA-256 is not among the requirement's hashes;
    7. ``"ok"``.

    Each requirement gets ``"not pinned"``, ``"no hash"``, ``"no valid artifact"`` (no
    file of it is ``"ok"``) or ``"ok"``. ``installable`` is true when every requirement
    is ``"ok"``: hash-checking is all or nothing. Raises what
    :func:`parse_requirements` raises, and ``NotADirectoryError`` for a bad ``folder``.
    """
    # BEGIN SOLUTION
    # HINT: compare versions as packaging.version.Version objects (parse_* return them), not strings.
    entries = parse_requirements(requirements)
    base = Path(folder)
    if not base.is_dir():
        msg = f"{base} is not a directory"
        raise NotADirectoryError(msg)
    artifacts: dict[str, str] = {}
    good: set[str] = set()
    for path in sorted(base.iterdir()):
        if not path.is_file() or path.name == "requirements.txt":
            continue
        try:
            if path.name.endswith(".whl"):
                name, version, _, _ = parse_wheel_filename(path.name)
            else:
                name, version = parse_sdist_filename(path.name)
        except (InvalidWheelFilename, InvalidSdistFilename):
            artifacts[path.name] = "not a distribution"
            continue
        entry = entries.get(normalize_name(name))
        if entry is None:
            verdict = "not required"
        elif entry["version"] is None:
            verdict = "not pinned"
        elif not entry["hashes"]:
            verdict = "no hash"
        elif version != Version(str(entry["version"])):
            verdict = "version mismatch"
        elif hashlib.sha256(path.read_bytes()).hexdigest() not in entry["hashes"]:
            verdict = "hash mismatch"
        else:
            verdict = "ok"
            good.add(normalize_name(name))
        artifacts[path.name] = verdict
    verdicts = {}
    for name, entry in entries.items():
        if entry["version"] is None:
            verdicts[name] = "not pinned"
        elif not entry["hashes"]:
            verdicts[name] = "no hash"
        elif name not in good:
            verdicts[name] = "no valid artifact"
        else:
            verdicts[name] = "ok"
    return {
        "artifacts": artifacts,
        "requirements": verdicts,
        "installable": all(v == "ok" for v in verdicts.values()),
    }
    # END SOLUTION
