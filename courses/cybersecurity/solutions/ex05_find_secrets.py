"""Exercise 5: find secrets in a repository's history and in notebook outputs.

Deleting a file that held a password does not remove the password: every clone keeps
every commit, on every branch, forever (until the history is rewritten *everywhere*).
Notebooks add a second trap: a cell that *prints* a token keeps the token in the
``.ipynb`` file's outputs even when the source cell reads it from the environment.
The fix for a leaked credential is always to revoke it; a scanner tells you which ones
to revoke and stops new ones from being committed.

You write:

* :func:`shannon_entropy`: bits per character of a string (random tokens score high,
  words and placeholders low);
* :func:`scan_text`: the findings of :data:`RULES` in a piece of text, line by line;
* :func:`scan_repository`: every secret ever *added* in any commit of any branch, with
  the first commit and file that introduced it;
* :func:`scan_notebook`: secrets in a notebook's cell sources *and* outputs;
* :func:`strip_outputs`: the notebook without outputs (what should be committed).

The rules, the allow-list and the thresholds are given below; findings never carry the
secret itself to a report, only its :func:`fingerprint`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from icsc_cybersecurity.gitcli import git

RULES: dict[str, re.Pattern[str]] = {
    "aws-access-key-id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "github-token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "private-key": re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
    "credential-assignment": re.compile(
        r"(?i)\b[a-z0-9_]*(?:password|passwd|secret|token|api_?key)[a-z0-9_]*"
        r"\s*[:=]\s*(['\"])(?P<secret>[A-Za-z0-9+/=_.-]{8,})\1"
    ),
}
"""Rule name -> pattern. The secret is the ``secret`` group when the pattern has one,
else the whole match. Specific rules come first: a value already reported on a line by
an earlier rule is not reported again by a later one."""

ALLOWLIST = frozenset({"AKIAIOSFODNN7EXAMPLE"})
"""Values never reported (the access key id of the AWS documentation's examples)."""

ENTROPY_THRESHOLD = 3.0
"""``credential-assignment`` findings need at least this many bits per character."""

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
"""Terminal colour codes, as found in notebook tracebacks: remove them before scanning."""

TEXT_MIME = re.compile(r"^(text/.*|application/json)$")
"""Output mime types that are scanned (images and other binary data are not)."""


def fingerprint(secret: str) -> str:
    """What a report shows instead of a secret: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()[:16]


def shannon_entropy(text: str) -> float:
    """Shannon entropy of the characters of ``text``, in bits per character.

    ``-sum(p * log2(p))`` over the relative frequencies ``p`` of the distinct characters;
    ``0.0`` for an empty string. ``shannon_entropy("aaaa") == 0.0``,
    ``shannon_entropy("abcd") == 2.0``. Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    # BEGIN SOLUTION
    # HINT: collections.Counter(text) counts each character.
    if not isinstance(text, str):
        msg = f"entropy is defined here for str, got {type(text).__name__}"
        raise TypeError(msg)
    if not text:
        return 0.0
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in Counter(text).values()) + 0.0
    # END SOLUTION


def scan_text(text: str) -> list[dict[str, Any]]:
    """The secrets in ``text``: ``[{"rule", "secret", "line"}, ...]``.

    ``line`` counts from 1. Findings are ordered by line, then by position in the line.
    Values in :data:`ALLOWLIST` are skipped; a ``credential-assignment`` value is kept
    only if its :func:`shannon_entropy` is at least :data:`ENTROPY_THRESHOLD`; a value
    that an earlier rule of :data:`RULES` already reported on the same line is not
    reported again. Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    # BEGIN SOLUTION
    # HINT: for each line, for each rule in RULES order: pattern.finditer(line); match.group("secret") if the rule has that group.
    if not isinstance(text, str):
        msg = f"scan_text needs a str, got {type(text).__name__}"
        raise TypeError(msg)
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        reported: set[str] = set()
        found = []
        for rule, pattern in RULES.items():
            for match in pattern.finditer(line):
                has_group = "secret" in pattern.groupindex
                secret = match.group("secret") if has_group else match.group(0)
                start = match.start("secret") if has_group else match.start()
                if secret in ALLOWLIST or secret in reported:
                    continue
                if rule == "credential-assignment" and shannon_entropy(secret) < ENTROPY_THRESHOLD:
                    continue
                reported.add(secret)
                found.append((start, {"rule": rule, "secret": secret, "line": number}))
        findings.extend(finding for _, finding in sorted(found, key=lambda item: item[0]))
    return findings
    # END SOLUTION


def scan_repository(repo: str | Path) -> list[dict[str, str]]:
    """Every secret ever added to ``repo``, on any branch: ``[{"rule", "fingerprint", "commit", "path"}]``.

    Look at the lines each commit *adds* (the ``+`` lines of its patch), commit by
    commit in the order of ``git log --all --reverse --date-order``, and :func:`scan_text`
    them. One finding per (rule, secret): the first commit (full 40-hex id) that added
    it and the path of the file it was added to. Findings are in the order first found.
    Use :func:`icsc_cybersecurity.gitcli.git` to run git (it works in any environment
    and on repositories owned by another user). Raises ``NotADirectoryError`` if
    ``repo`` is not a directory and :class:`~icsc_cybersecurity.gitcli.GitError` if it
    is not a git repository.
    """
    # BEGIN SOLUTION
    # HINT: git(repo, "log", "--all", "--reverse", "--date-order", "-p", "--unified=0", "--format=%x00%H")
    # HINT: "diff --git" starts a file's header ("+++ b/PATH" names it); after "@@", "+" lines are added lines.
    base = Path(repo)
    if not base.is_dir():
        msg = f"{base} is not a directory"
        raise NotADirectoryError(msg)
    log = git(
        base, "-c", "core.quotePath=false", "log", "--all", "--reverse", "--date-order",
        "-p", "--unified=0", "--no-color", "--no-ext-diff", "--format=%x00%H",
    )  # fmt: skip
    findings: dict[tuple[str, str], dict[str, str]] = {}
    commit = path = ""
    in_header = False
    for line in log.splitlines():
        if line.startswith("\x00"):
            commit, path, in_header = line[1:].strip(), "", False
        elif line.startswith("diff --git "):
            path, in_header = "", True
        elif in_header and line.startswith("+++ "):
            target = line[4:]
            path = target[2:] if target.startswith("b/") else ""
        elif line.startswith("@@"):
            in_header = False
        elif not in_header and line.startswith("+") and path:
            for finding in scan_text(line[1:]):
                key = (finding["rule"], finding["secret"])
                if key not in findings:
                    findings[key] = {
                        "rule": finding["rule"],
                        "fingerprint": fingerprint(finding["secret"]),
                        "commit": commit,
                        "path": path,
                    }
    return list(findings.values())
    # END SOLUTION


def _output_texts(output: dict[str, Any]) -> list[str]:
    """Given helper: the texts of one notebook output that must be scanned, ANSI codes removed.

    Stream text; the ``text/*`` and ``application/json`` items of rich outputs; an error's
    value and traceback. Images and other binary data are skipped.
    """
    kind = output.get("output_type")
    texts: list[Any] = []
    if kind == "stream":
        texts.append(output.get("text", ""))
    elif kind in {"execute_result", "display_data", "update_display_data"}:
        for mime, value in output.get("data", {}).items():
            if TEXT_MIME.match(mime):
                texts.append(value if isinstance(value, str | list) else json.dumps(value))
    elif kind == "error":
        texts.extend([output.get("evalue", ""), output.get("traceback", [])])
    joined = ["".join(t) if isinstance(t, list) else str(t) for t in texts]
    return [ANSI_ESCAPE.sub("", text) for text in joined]


def scan_notebook(path: str | Path) -> list[dict[str, Any]]:
    """The secrets of a Jupyter notebook: ``[{"rule", "fingerprint", "cell", "where"}]``.

    ``cell`` is the 0-based cell index, ``where`` is ``"source"`` or ``"output"``. Scanned:
    every cell's source; for code cells, stream text, the ``text/*`` and
    ``application/json`` items of rich outputs (never images), and error values and
    tracebacks with ANSI colour codes removed (:data:`ANSI_ESCAPE`). Sources and
    texts may be a string or a list of strings (nbformat allows both). One finding per
    (rule, secret): the first occurrence, cells in order, a cell's source before its
    outputs. Raises ``ValueError`` if the file is not JSON or has no ``"cells"`` list.
    """
    # BEGIN SOLUTION
    # HINT: json.loads(Path(path).read_text()); outputs have an "output_type" of stream, execute_result, display_data or error.
    try:
        notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        msg = f"{path} is not a notebook (not JSON)"
        raise ValueError(msg) from error
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        msg = f"{path} is not a notebook (no 'cells' list)"
        raise ValueError(msg)  # noqa: TRY004  (bad content, not a caller's type error)
    findings: dict[tuple[str, str], dict[str, Any]] = {}

    def record(text: str, cell: int, where: str) -> None:
        for finding in scan_text(text):
            key = (finding["rule"], finding["secret"])
            if key not in findings:
                findings[key] = {
                    "rule": finding["rule"],
                    "fingerprint": fingerprint(finding["secret"]),
                    "cell": cell,
                    "where": where,
                }

    for index, cell in enumerate(notebook["cells"]):
        source = cell.get("source", "")
        record("".join(source) if isinstance(source, list) else str(source), index, "source")
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            for text in _output_texts(output):
                record(text, index, "output")
    return list(findings.values())
    # END SOLUTION


def strip_outputs(notebook: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``notebook`` (nbformat 4, as a dict) with every code cell's outputs
    removed and its ``execution_count`` set to ``None``; everything else is unchanged and
    the argument is not modified. Raises ``TypeError`` if ``notebook`` is not a dict and
    ``ValueError`` if it has no ``"cells"`` list."""
    # BEGIN SOLUTION
    if not isinstance(notebook, dict):
        msg = f"a notebook is a dict (parsed JSON), got {type(notebook).__name__}"
        raise TypeError(msg)
    if not isinstance(notebook.get("cells"), list):
        msg = "not a notebook: no 'cells' list"
        raise ValueError(msg)  # noqa: TRY004  (bad content, not a caller's type error)
    clean = copy.deepcopy(notebook)
    for cell in clean["cells"]:
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return clean
    # END SOLUTION
