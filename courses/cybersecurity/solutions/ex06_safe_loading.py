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
    # BEGIN SOLUTION
    # HINT: np.savez(stream, **arrays) writes no pickle for numeric dtypes; json.dumps(..., allow_nan=False).
    if not isinstance(arrays, dict) or not arrays:
        msg = "arrays must be a non-empty dict of name -> array (name)"
        raise ValueError(msg)
    for name, array in arrays.items():
        if not isinstance(name, str) or not ARRAY_NAME.match(name):
            msg = f"array name {name!r} is not allowed"
            raise ValueError(msg)
        if np.asarray(array).dtype.kind not in ALLOWED_KINDS:
            msg = f"array {name!r} has dtype {np.asarray(array).dtype}, not a numeric dtype"
            raise ValueError(msg)
    _check_schema(metadata)
    try:
        text = json.dumps(metadata, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError as error:
        msg = "metadata contains NaN or infinity, which JSON cannot represent"
        raise ValueError(msg) from error
    base = Path(folder)
    base.mkdir(parents=True, exist_ok=True)
    with (base / "arrays.npz").open("wb") as stream:
        np.savez(stream, **{name: np.asarray(array) for name, array in arrays.items()})
    (base / "metadata.json").write_text(text + "\n", encoding="utf-8")
    return ["arrays.npz", "metadata.json"]
    # END SOLUTION


def load_arrays(path: str | Path, *, max_bytes: int = MAX_ARRAY_BYTES) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` file, never unpickling anything.

    Checks the first bytes before handing the file to numpy: a pickle (first byte
    ``0x80``) is refused with ``"pickle"`` in the message, anything else that is not a
    zip with ``"npz"``. Refuses a total uncompressed size above ``max_bytes``
    (``"too large"``, from the zip directory, before loading), object arrays
    (``"pickle"``: numpy stores them as pickles), other non-numeric dtypes (``"dtype"``)
    and bad names (``"name"``).
    """
    # BEGIN SOLUTION
    # HINT: np.load(path, allow_pickle=False) returns an NpzFile; its .zip.infolist() has file_size.
    with Path(path).open("rb") as stream:
        head = stream.read(4)
    if head.startswith(PICKLE_MAGIC):
        msg = f"{path} is a pickle; refusing to unpickle it"
        raise ValueError(msg)
    if head != NPZ_MAGIC:
        msg = f"{path} is not an npz archive"
        raise ValueError(msg)
    result = {}
    with np.load(path, allow_pickle=False) as npz:
        total = sum(info.file_size for info in npz.zip.infolist())
        if total > max_bytes:
            msg = f"{path} expands to {total} bytes (too large, limit {max_bytes})"
            raise ValueError(msg)
        for name in npz.files:
            if not ARRAY_NAME.match(name):
                msg = f"array name {name!r} is not allowed"
                raise ValueError(msg)
            try:
                array = npz[name]
            except ValueError as error:
                msg = f"array {name!r} is an object array (stored as a pickle): {error}"
                raise ValueError(msg) from error
            if array.dtype.kind not in ALLOWED_KINDS:
                msg = f"array {name!r} has dtype {array.dtype}, not a numeric dtype"
                raise ValueError(msg)
            result[name] = array
    return result
    # END SOLUTION


def load_metadata(path: str | Path) -> dict[str, Any]:
    """Strict JSON metadata from ``path``.

    Refuses (``ValueError``, keyword in quotes): a file above :data:`MAX_METADATA_BYTES`
    (``"too large"``), invalid UTF-8 or JSON (``"JSON"``), duplicate keys in any object
    (``"duplicate"``), ``NaN``/``Infinity``/``-Infinity`` (``"NaN"``), nesting deeper than
    :data:`MAX_DEPTH` (``"deep"``; the top-level object is depth 1) and a schema violation
    (``"schema"``).
    """
    # BEGIN SOLUTION
    # HINT: json.loads(text, object_pairs_hook=..., parse_constant=...) sees duplicates and NaN.
    target = Path(path)
    if target.stat().st_size > MAX_METADATA_BYTES:
        msg = f"{target} is too large for metadata"
        raise ValueError(msg)

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            msg = f"duplicate key in metadata object: {min(k for k in keys if keys.count(k) > 1)!r}"
            raise ValueError(msg)
        return dict(pairs)

    def no_constants(name: str) -> Any:
        msg = f"{name} is not allowed in metadata (NaN and infinities are not JSON)"
        raise ValueError(msg)

    try:
        text = target.read_bytes().decode("utf-8")
        metadata = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
    except UnicodeDecodeError as error:
        msg = f"{target} is not UTF-8 JSON"
        raise ValueError(msg) from error
    except RecursionError as error:
        msg = f"{target} is nested too deep"
        raise ValueError(msg) from error
    except json.JSONDecodeError as error:
        msg = f"{target} is not valid JSON: {error}"
        raise ValueError(msg) from error
    if _depth(metadata) > MAX_DEPTH:
        msg = f"{target} is nested too deep (more than {MAX_DEPTH} levels)"
        raise ValueError(msg)
    _check_schema(metadata)
    return metadata
    # END SOLUTION


def load_results(folder: str | Path) -> dict[str, Any]:
    """``{"arrays": load_arrays(folder/"arrays.npz"), "metadata": load_metadata(folder/"metadata.json")}``.

    Raises ``FileNotFoundError`` if either file is missing and whatever the two loaders raise.
    """
    # BEGIN SOLUTION
    base = Path(folder)
    return {
        "arrays": load_arrays(base / "arrays.npz"),
        "metadata": load_metadata(base / "metadata.json"),
    }
    # END SOLUTION


def restricted_loads(data: bytes) -> Any:
    """Unpickle ``data`` allowing no import except :data:`ALLOWED_GLOBALS`.

    Only protocols 4 and 5 are accepted (the data starts with ``0x80 0x04`` or
    ``0x80 0x05``; anything else: ``"protocol"``). Any other global (``os.system``,
    ``builtins.eval``, ``numpy...``) is refused *before* it is imported, with
    ``"forbidden"`` and the global's name in the message; persistent ids are refused
    too. A malformed or truncated pickle raises ``ValueError`` with ``"malformed"``.
    Raises ``TypeError`` if ``data`` is not bytes.
    """
    # BEGIN SOLUTION
    # HINT: subclass pickle.Unpickler and override find_class(module, name) (and persistent_load).
    if not isinstance(data, bytes | bytearray):
        msg = f"restricted_loads needs bytes, got {type(data).__name__}"
        raise TypeError(msg)
    if len(data) < 2 or data[0] != 0x80 or data[1] not in (4, 5):
        msg = "only pickle protocols 4 and 5 are accepted (protocol)"
        raise ValueError(msg)

    class Restricted(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) in ALLOWED_GLOBALS:
                return super().find_class(module, name)
            msg = f"global {module}.{name} is forbidden"
            raise ValueError(msg)

        def persistent_load(self, pid: Any) -> Any:
            msg = f"persistent id {pid!r} is forbidden"
            raise ValueError(msg)

    try:
        return Restricted(io.BytesIO(bytes(data))).load()
    except ValueError:
        raise
    except Exception as error:  # a hostile byte stream can break the machine in many ways
        msg = f"malformed pickle: {type(error).__name__}: {error}"
        raise ValueError(msg) from error
    # END SOLUTION
