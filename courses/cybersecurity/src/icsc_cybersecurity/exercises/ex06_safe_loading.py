# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 6: store and load analysis results without pickle.

``pickle.load(open("results.pkl", "rb"))`` executes whatever the file says (see
:mod:`icsc_cybersecurity.pickles` for a harmless demonstration). Results shared
between groups, downloaded with a paper or attached to an issue must therefore be
stored in formats that can only describe *data*:

* numeric arrays in ``.npz`` (a zip of ``.npy`` files) loaded with ``allow_pickle=False``,
  restricted to booleans, integers, floats and complex numbers;
* metadata in strict JSON: no duplicate keys, no ``NaN``/``Infinity`` (not JSON at all),
  bounded size and nesting, and a schema check.

Old pickles that you cannot avoid reading go through a *restricted* unpickler that
refuses every import except a short allow-list (the pattern of the ``pickle`` module's
documentation, "Restricting Globals"); even then, only for files you have reasons to
trust.

You write :func:`save_results`, :func:`load_arrays`, :func:`load_metadata`,
:func:`load_results` and :func:`restricted_loads`. Every refusal is a ``ValueError``
whose message says why (the keywords the tests look for are in each docstring).
"""

from __future__ import annotations

import io
import json
import pickle
import re
from pathlib import Path
from typing import Any

import numpy as np

ALLOWED_KINDS = "biufc"
"""numpy dtype kinds that may be stored: bool, signed and unsigned int, float, complex."""

ARRAY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
MAX_ARRAY_BYTES = 256 << 20
MAX_METADATA_BYTES = 1 << 20
MAX_DEPTH = 32

METADATA_SCHEMA: dict[str, type] = {
    "experiment": str,
    "run": int,
    "created": str,
    "parameters": dict,
}
"""Required metadata keys and their JSON types (``bool`` does not count as ``int``)."""

ALLOWED_GLOBALS = frozenset(
    {
        ("builtins", "complex"),
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("builtins", "bytearray"),
    }
)
"""The only imports a legacy pickle may perform in :func:`restricted_loads`."""

NPZ_MAGIC = b"PK\x03\x04"
PICKLE_MAGIC = b"\x80"


def _check_schema(metadata: Any) -> None:
    if not isinstance(metadata, dict):
        msg = "metadata must be a JSON object (schema)"
        raise ValueError(msg)  # noqa: TRY004  (bad content, not a caller's type error)
    for key, kind in METADATA_SCHEMA.items():
        value = metadata.get(key)
        if value is None or isinstance(value, bool) or not isinstance(value, kind):
            msg = f"metadata key {key!r} must be a {kind.__name__} (schema)"
            raise ValueError(msg)


def _depth(value: Any, level: int = 1) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def save_results(folder: str | Path, arrays: dict[str, np.ndarray], metadata: dict) -> list[str]:
    """Write ``arrays.npz`` and ``metadata.json`` into ``folder`` (created if needed).

    Array names must match ``[A-Za-z_][A-Za-z0-9_]{0,63}`` (``"name"``) and dtypes be of a
    kind in :data:`ALLOWED_KINDS` (``"dtype"``); metadata must satisfy
    :data:`METADATA_SCHEMA` (``"schema"``) and contain no NaN or infinity (``"NaN"``).
    JSON is written with sorted keys, indented, UTF-8. Nothing is written if any check
    fails. Returns ``["arrays.npz", "metadata.json"]``.
    """
    # HINT: np.savez(stream, **arrays) writes no pickle for numeric dtypes; json.dumps(..., allow_nan=False).
    # TODO: your code here.
    raise NotImplementedError("ex06_safe_loading: this part is yours to write (icsc hint ex06)")


def load_arrays(path: str | Path, *, max_bytes: int = MAX_ARRAY_BYTES) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` file, never unpickling anything.

    Checks the first bytes before handing the file to numpy: a pickle (first byte
    ``0x80``) is refused with ``"pickle"`` in the message, anything else that is not a
    zip with ``"npz"``. Refuses a total uncompressed size above ``max_bytes``
    (``"too large"``, from the zip directory, before loading), object arrays
    (``"pickle"``: numpy stores them as pickles), other non-numeric dtypes (``"dtype"``)
    and bad names (``"name"``).
    """
    # HINT: np.load(path, allow_pickle=False) returns an NpzFile; its .zip.infolist() has file_size.
    # TODO: your code here.
    raise NotImplementedError("ex06_safe_loading: this part is yours to write (icsc hint ex06)")


def load_metadata(path: str | Path) -> dict[str, Any]:
    """Strict JSON metadata from ``path``.

    Refuses (``ValueError``, keyword in quotes): a file above :data:`MAX_METADATA_BYTES`
    (``"too large"``), invalid UTF-8 or JSON (``"JSON"``), duplicate keys in any object
    (``"duplicate"``), ``NaN``/``Infinity``/``-Infinity`` (``"NaN"``), nesting deeper than
    :data:`MAX_DEPTH` (``"deep"``; the top-level object is depth 1) and a schema violation
    (``"schema"``).
    """
    # HINT: json.loads(text, object_pairs_hook=..., parse_constant=...) sees duplicates and NaN.
    # TODO: your code here.
    raise NotImplementedError("ex06_safe_loading: this part is yours to write (icsc hint ex06)")


def load_results(folder: str | Path) -> dict[str, Any]:
    """``{"arrays": load_arrays(folder/"arrays.npz"), "metadata": load_metadata(folder/"metadata.json")}``.

    Raises ``FileNotFoundError`` if either file is missing and whatever the two loaders raise.
    """
    # TODO: your code here.
    raise NotImplementedError("ex06_safe_loading: this part is yours to write (icsc hint ex06)")


def restricted_loads(data: bytes) -> Any:
    """Unpickle ``data`` allowing no import except :data:`ALLOWED_GLOBALS`.

    Only protocols 4 and 5 are accepted (the data starts with ``0x80 0x04`` or
    ``0x80 0x05``; anything else: ``"protocol"``). Any other global (``os.system``,
    ``builtins.eval``, ``numpy...``) is refused *before* it is imported, with
    ``"forbidden"`` and the global's name in the message; persistent ids are refused
    too. A malformed or truncated pickle raises ``ValueError`` with ``"malformed"``.
    Raises ``TypeError`` if ``data`` is not bytes.
    """
    # HINT: subclass pickle.Unpickler and override find_class(module, name) (and persistent_load).
    # TODO: your code here.
    raise NotImplementedError("ex06_safe_loading: this part is yours to write (icsc hint ex06)")
