"""The WLCG Common JWT Profile: claim names, scopes, path semantics and group selection.

Facts taken from *WLCG Common JWT Profiles* v1.0 (Altunay et al., 2019,
doi:10.5281/zenodo.3460258), with the clarifications of v1.1 (2025):

* every token carries ``wlcg.ver`` (``"1.0"``), ``iss``, ``sub``, ``aud``, ``exp``,
  ``iat`` and ``jti`` (section 2.1.1); ``aud`` may be the special
  :data:`ANY_AUDIENCE`;
* capabilities travel in the space-separated ``scope`` claim as ``$AUTHZ:$PATH``
  (section 2.2.1); for ``storage.*`` the path is mandatory and hierarchical:
  ``storage.read:/foo`` covers ``/foo`` and ``/foo/x`` but not ``/foobar``, and a path
  with a trailing ``/`` names a directory only;
* ``storage.modify`` is a strict superset of ``storage.create`` and ``storage.stage``
  of ``storage.read``;
* ``wlcg.groups`` is an ordered list selected by ``wlcg.groups[:/group]`` scopes
  (section 3.1).

Bad input raises ``ValueError`` with a message that names the offending value.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WLCG_VERSION = "1.0"
#: Audience meaning "any relying party" (profile section 2.1.1).
ANY_AUDIENCE = "https://wlcg.cern.ch/jwt/v1/any"
#: Claims every WLCG access token must carry (section 2.1.1; ``nbf`` is optional there).
REQUIRED_CLAIMS = ("wlcg.ver", "iss", "sub", "aud", "exp", "iat", "jti")

STORAGE_AUTHZ = ("storage.read", "storage.create", "storage.modify", "storage.stage")
COMPUTE_AUTHZ = ("compute.read", "compute.modify", "compute.create", "compute.cancel")
#: Each authorization and the narrower ones it includes (section 2.2.1).
IMPLIED = {
    "storage.read": frozenset({"storage.read"}),
    "storage.create": frozenset({"storage.create"}),
    "storage.modify": frozenset({"storage.modify", "storage.create"}),
    "storage.stage": frozenset({"storage.stage", "storage.read"}),
    **{name: frozenset({name}) for name in COMPUTE_AUTHZ},
}
#: Storage operation -> the scope that is needed for it.
OPERATION_SCOPE = {
    "read": "storage.read",
    "create": "storage.create",
    "modify": "storage.modify",
    "stage": "storage.stage",
}

GROUP_PATTERN = re.compile(r"^(/[a-zA-Z0-9][a-zA-Z0-9_.-]*)+$")
_VERSION_PATTERN = re.compile(r"^[0-9]+\.[0-9]+$")


def normalise_path(raw: str, *, keep_trailing_slash: bool = False) -> str:
    """Canonical absolute path: percent-decoded once, ``//`` collapsed, traversal refused.

    ``raw`` must start with ``/``. Segments that are ``.`` or ``..`` after decoding
    (``%2e%2e`` included), NUL bytes and backslashes raise ``ValueError``: a relying
    party must never let a request escape the directory a scope names. A trailing slash
    is dropped unless ``keep_trailing_slash`` (scope paths use it to mean "directory").
    """
    if not isinstance(raw, str):
        msg = f"path must be str, got {type(raw).__name__}"
        raise TypeError(msg)
    if not raw.startswith("/"):
        msg = f"path {raw!r} is not absolute (must start with '/')"
        raise ValueError(msg)
    try:
        decoded = urllib.parse.unquote(raw, errors="strict")
    except UnicodeDecodeError as exc:
        msg = f"path {raw!r} is not valid percent-encoded UTF-8"
        raise ValueError(msg) from exc
    if "\x00" in decoded or "\\" in decoded:
        msg = f"path {raw!r} contains a NUL byte or a backslash"
        raise ValueError(msg)
    segments = [segment for segment in decoded.split("/") if segment]
    if any(segment in {".", ".."} for segment in segments):
        msg = f"path {raw!r} contains a '.' or '..' segment (path traversal)"
        raise ValueError(msg)
    path = "/" + "/".join(segments)
    if keep_trailing_slash and decoded.endswith("/") and path != "/":
        path += "/"
    return path


def path_covers(scope_path: str, request_path: str) -> bool:
    """Whether a (normalised) scope path authorises a (normalised) request path.

    ``/data`` covers ``/data`` and ``/data/x``, not ``/database``; ``/data/`` covers
    only what lies below ``/data``; ``/`` covers everything.
    """
    if scope_path == "/":
        return True
    if scope_path.endswith("/"):
        return request_path.startswith(scope_path)
    return request_path == scope_path or request_path.startswith(scope_path + "/")


@dataclass(frozen=True)
class Scope:
    """One capability: ``authz`` such as ``storage.read`` and an optional normalised path."""

    authz: str
    path: str | None = None

    def __str__(self) -> str:
        return self.authz if self.path is None else f"{self.authz}:{self.path}"

    @property
    def is_storage(self) -> bool:
        return self.authz in STORAGE_AUTHZ

    def includes(self, other: Scope) -> bool:
        """Whether holding ``self`` entitles one to ``other`` (same or narrower right and path)."""
        if other.authz not in IMPLIED.get(self.authz, frozenset()):
            return False
        if self.path == other.path:
            return True
        if self.path is None or other.path is None:
            return self.path is None
        return path_covers(self.path, other.path.rstrip("/") or "/")


def parse_scope(text: str) -> Scope | None:
    """Parse one scope token; ``None`` for tokens that are not WLCG capabilities.

    ``storage.*`` needs a path (``ValueError`` otherwise, as the profile requires the
    token to be rejected); ``compute.*`` may have one. Other tokens (``openid``,
    ``wlcg``, ``wlcg.groups:/x``, ...) are not capabilities and give ``None``.
    """
    authz, sep, path = text.partition(":")
    if authz in STORAGE_AUTHZ:
        if not sep or not path:
            msg = f"scope {text!r}: storage scopes must name a path, e.g. {authz}:/"
            raise ValueError(msg)
        return Scope(authz, normalise_path(path, keep_trailing_slash=True))
    if authz in COMPUTE_AUTHZ:
        return Scope(authz, normalise_path(path, keep_trailing_slash=True) if sep else None)
    return None


def parse_scope_claim(claim: str | Sequence[str]) -> list[Scope]:
    """All capabilities in a ``scope`` claim (space-separated string, or a list of tokens)."""
    if isinstance(claim, str):
        tokens = claim.split()
    elif isinstance(claim, Sequence) and all(isinstance(item, str) for item in claim):
        tokens = list(claim)
    else:
        msg = f"scope claim must be a space-separated string, got {type(claim).__name__}"
        raise ValueError(msg)
    return [scope for scope in map(parse_scope, tokens) if scope is not None]


def authorises(
    scopes: Iterable[Scope], operation: str, request_path: str, *, base_path: str = "/"
) -> bool:
    """Whether ``scopes`` allow ``operation`` (read/create/modify/stage) on ``request_path``.

    ``base_path`` is the area the storage assigns to the token's issuer (profile
    section 4.1.1): scope paths are relative to it and requests outside it are denied.
    ``request_path`` is normalised here (so traversal raises ``ValueError``).
    """
    if operation not in OPERATION_SCOPE:
        msg = f"unknown storage operation {operation!r}; expected one of {sorted(OPERATION_SCOPE)}"
        raise ValueError(msg)
    path = normalise_path(request_path)
    base = normalise_path(base_path)
    if not path_covers(base, path):
        return False
    relative = "/" + path[len(base) :].lstrip("/") if base != "/" else path
    needed = OPERATION_SCOPE[operation]
    return any(
        scope.path is not None
        and needed in IMPLIED.get(scope.authz, frozenset())
        and path_covers(scope.path, relative)
        for scope in scopes
    )


def check_version(value: object) -> None:
    """Accept ``wlcg.ver`` values of major version 1 (profile section 4.3.3), else ``ValueError``."""
    if not isinstance(value, str) or not _VERSION_PATTERN.match(value):
        msg = f"wlcg.ver must look like '1.0', got {value!r}"
        raise ValueError(msg)
    if value.split(".")[0] != "1":
        msg = f"unsupported WLCG token profile major version {value!r} (this code knows 1.x)"
        raise ValueError(msg)


def select_groups(
    requested: Sequence[str], member_of: Iterable[str], default_groups: Sequence[str]
) -> list[str]:
    """The ``wlcg.groups`` claim for a scope request (profile section 3.1).

    ``requested`` are the ``wlcg.groups`` and ``wlcg.groups:/g`` scope tokens in the order
    asked. A plain ``wlcg.groups`` stands for the default groups; it is appended
    implicitly when only parametric ones are asked for; duplicates are dropped. Asking
    for a group one is not a member of raises ``PermissionError``.
    """
    tokens = [token for token in requested if token.partition(":")[0] == "wlcg.groups"]
    if not tokens:
        return []
    if "wlcg.groups" not in tokens:
        tokens.append("wlcg.groups")
    members = set(member_of) | set(default_groups)
    result: list[str] = []
    for token in tokens:
        _, sep, group = token.partition(":")
        wanted = [group] if sep else list(default_groups)
        for name in wanted:
            if not GROUP_PATTERN.match(name):
                msg = f"malformed group name {name!r} in scope {token!r}"
                raise ValueError(msg)
            if name not in members:
                msg = f"not a member of group {name!r}"
                raise PermissionError(msg)
            if name not in result:
                result.append(name)
    return result


def identity_uri(issuer: str, subject: str) -> str:
    """A URI naming the identity ``(iss, sub)``: the issuer URL with the subject as fragment.

    OpenID Connect Core (section 2) makes only the pair (iss, sub) globally unique, so a
    certificate derived from a token carries both. The subject is percent-encoded.
    """
    if not issuer.startswith("https://"):
        msg = f"issuer must be an https URL, got {issuer!r}"
        raise ValueError(msg)
    if not subject:
        msg = "subject must be a non-empty string"
        raise ValueError(msg)
    return f"{issuer.rstrip('/')}#{urllib.parse.quote(subject, safe='')}"
