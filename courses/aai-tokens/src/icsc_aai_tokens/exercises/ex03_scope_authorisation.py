# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: urllib.parse.unquote(path, errors="strict") decodes once; check segments AFTER decoding.
    # TODO: your code here.
    raise NotImplementedError("ex03_scope_authorisation: this part is yours to write (icsc hint ex03)")


def parse_storage_scopes(scope_claim: str) -> list[tuple[str, str]]:
    """The storage capabilities of a ``scope`` claim as ``(right, normalised path)`` pairs.

    Paths keep a trailing ``/`` (it means "directory"). Non-storage scopes are skipped.
    Raises ``ValueError`` for a storage scope without a path (or with an empty one) and
    for a path :func:`normalise_path` refuses; ``TypeError`` if ``scope_claim`` is not
    a ``str``.

    >>> parse_storage_scopes("openid storage.read:/data storage.create:/home/alice/")
    [('storage.read', '/data'), ('storage.create', '/home/alice/')]
    """
    # HINT: split on whitespace; str.partition(":") splits "storage.read:/data" once.
    # TODO: your code here.
    raise NotImplementedError("ex03_scope_authorisation: this part is yours to write (icsc hint ex03)")


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
    # HINT: a scope path P covers a request path R if P == "/", or R == P, or R starts with P + "/";
    # HINT: with a trailing slash, P covers R only if R starts with P.
    # TODO: your code here.
    raise NotImplementedError("ex03_scope_authorisation: this part is yours to write (icsc hint ex03)")
