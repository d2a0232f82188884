"""Exercise 3: authorise storage requests with WLCG capabilities, paths done right.

A WLCG access token says what its bearer may do in its ``scope`` claim, e.g.
``"storage.read:/data storage.create:/home/alice"``. The storage decides each request
from that claim alone (WLCG Common JWT Profile, section 2.2.1). The rules:

* the four storage rights and what they include: ``storage.read`` (read),
  ``storage.create`` (create new files), ``storage.modify`` (create, overwrite, delete:
  a strict superset of ``storage.create``), ``storage.stage`` (a superset of
  ``storage.read``);
* a storage scope *must* name a path (``storage.read`` alone is invalid: the token must
  be rejected); other scopes (``openid``, ``compute.create``, ``wlcg.groups:/x``) are
  ignored here;
* paths are hierarchical by *segments*: ``/data`` covers ``/data`` and ``/data/x``, but
  not ``/database``; a scope path ending in ``/`` (``/data/``) is a directory and covers
  only what lies below it; ``/`` covers everything;
* request paths arrive URL-encoded: decode them once, collapse ``//`` and refuse any
  ``.`` or ``..`` segment (``/data/%2e%2e/home`` is an attack, not a file);
* the storage maps the issuer to a *base path* (section 4.1.1): scope paths are
  relative to it and nothing outside it is ever authorised.
"""

from __future__ import annotations

import urllib.parse

OPERATIONS = {
    "read": ("storage.read", "storage.stage"),
    "create": ("storage.create", "storage.modify"),
    "modify": ("storage.modify",),
    "stage": ("storage.stage",),
}
"""Each storage operation and the scopes that grant it (the superset rules above)."""

STORAGE_SCOPES = ("storage.read", "storage.create", "storage.modify", "storage.stage")


def normalise_path(path: str, *, keep_trailing_slash: bool = False) -> str:
    """The canonical form of an absolute, possibly percent-encoded path.

    Percent-decode once (UTF-8), drop empty segments (``//``), join with ``/``. A
    trailing ``/`` is kept only if ``keep_trailing_slash`` and the path is not ``/``.
    Raises ``ValueError`` if the path does not start with ``/``, contains a ``.`` or
    ``..`` segment after decoding, a NUL byte or a backslash, or is not valid UTF-8;
    ``TypeError`` if it is not a ``str``.

    >>> normalise_path("/data//run%201/")
    '/data/run 1'
    """
    # BEGIN SOLUTION
    # HINT: urllib.parse.unquote(path, errors="strict") decodes once; check segments AFTER decoding.
    if not isinstance(path, str):
        msg = f"path must be a str, got {type(path).__name__}"
        raise TypeError(msg)
    if not path.startswith("/"):
        msg = f"path {path!r} must be absolute"
        raise ValueError(msg)
    try:
        decoded = urllib.parse.unquote(path, errors="strict")
    except UnicodeDecodeError as exc:
        msg = f"path {path!r} is not valid UTF-8 once decoded"
        raise ValueError(msg) from exc
    if "\x00" in decoded or "\\" in decoded:
        msg = f"path {path!r} contains NUL or backslash"
        raise ValueError(msg)
    segments = [segment for segment in decoded.split("/") if segment]
    if any(segment in {".", ".."} for segment in segments):
        msg = f"path {path!r} contains a '.' or '..' segment (traversal)"
        raise ValueError(msg)
    result = "/" + "/".join(segments)
    if keep_trailing_slash and decoded.endswith("/") and result != "/":
        result += "/"
    return result
    # END SOLUTION


def parse_storage_scopes(scope_claim: str) -> list[tuple[str, str]]:
    """The storage capabilities of a ``scope`` claim as ``(right, normalised path)`` pairs.

    Paths keep a trailing ``/`` (it means "directory"). Non-storage scopes are skipped.
    Raises ``ValueError`` for a storage scope without a path (or with an empty one) and
    for a path :func:`normalise_path` refuses; ``TypeError`` if ``scope_claim`` is not
    a ``str``.

    >>> parse_storage_scopes("openid storage.read:/data storage.create:/home/alice/")
    [('storage.read', '/data'), ('storage.create', '/home/alice/')]
    """
    # BEGIN SOLUTION
    # HINT: split on whitespace; str.partition(":") splits "storage.read:/data" once.
    if not isinstance(scope_claim, str):
        msg = f"the scope claim must be a space-separated str, got {type(scope_claim).__name__}"
        raise TypeError(msg)
    capabilities = []
    for token in scope_claim.split():
        right, sep, path = token.partition(":")
        if right not in STORAGE_SCOPES:
            continue
        if not sep or not path:
            msg = f"storage scope {token!r} has no path"
            raise ValueError(msg)
        capabilities.append((right, normalise_path(path, keep_trailing_slash=True)))
    return capabilities
    # END SOLUTION


def is_authorised(scope_claim: str, operation: str, path: str, *, base_path: str = "/") -> bool:
    """Whether ``scope_claim`` allows ``operation`` on the request ``path``.

    ``operation`` is a key of :data:`OPERATIONS`; ``path`` the raw request path;
    ``base_path`` the namespace area of the token's issuer (scope paths are relative to
    it). Raises ``ValueError`` for an unknown operation and whatever
    :func:`parse_storage_scopes` / :func:`normalise_path` raise for bad scopes or paths.

    >>> is_authorised("storage.read:/data", "read", "/data/run1/events.csv")
    True
    >>> is_authorised("storage.read:/data", "read", "/database")
    False
    """
    # BEGIN SOLUTION
    # HINT: a scope path P covers a request path R if P == "/", or R == P, or R starts with P + "/";
    # HINT: with a trailing slash, P covers R only if R starts with P.
    if operation not in OPERATIONS:
        msg = f"unknown operation {operation!r}; expected one of {sorted(OPERATIONS)}"
        raise ValueError(msg)
    capabilities = parse_storage_scopes(scope_claim)
    request = normalise_path(path)
    base = normalise_path(base_path)

    def covers(scope_path: str, target: str) -> bool:
        if scope_path == "/":
            return True
        if scope_path.endswith("/"):
            return target.startswith(scope_path)
        return target == scope_path or target.startswith(scope_path + "/")

    if not covers(base, request):
        return False
    relative = request if base == "/" else "/" + request[len(base) :].lstrip("/")
    return any(
        right in OPERATIONS[operation] and covers(scope_path, relative)
        for right, scope_path in capabilities
    )
    # END SOLUTION
