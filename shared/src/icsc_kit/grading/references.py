"""Trusted-side rules for what crosses to the worker by name, and for write-back.

:func:`trusted_reference` sends classes, builtin functions, numpy ufuncs, enum members
and module-level functions *by name* (``module:qualname``) when their top-level package
is one the worker may import (the standard library, numpy, the course's own package):
the worker then uses its own copy, with no round trip per call. Anything else that is
callable (a lambda, a closure, a bound method, a numba dispatcher made in a test) stays
in the trusted process and is called back when the worker calls it.

:func:`merge_into` applies the worker's changes to mutable arguments in place (numpy
arrays, tensors, lists, dicts, sets, bytearrays, random generators), so that a test that
checks an array the exercise filled in works as it does in-process.
"""

from __future__ import annotations

import collections
import enum
import random
import sys
import types
from typing import Any


def _resolves_to(module: str, qualname: str, value: Any) -> bool:
    found: Any = sys.modules.get(module)
    for part in qualname.split("."):
        if found is None:
            return False
        found = getattr(found, part, None)
    return found is value


def trusted_reference(value: Any, importable: list[str]) -> dict[str, Any] | None:
    """``{"$": "ref", "module", "qualname"}`` for ``value`` if it may travel by name."""
    if isinstance(value, enum.Enum):
        module = type(value).__module__
        qualname = f"{type(value).__qualname__}.{value.name}"
    elif isinstance(value, type | types.BuiltinFunctionType | types.FunctionType) or _is_ufunc(
        value
    ):
        module = getattr(value, "__module__", None) or ("numpy" if _is_ufunc(value) else "")
        qualname = getattr(value, "__qualname__", None) or getattr(value, "__name__", "")
    else:
        return None
    top = module.partition(".")[0]
    allowed = top in sys.stdlib_module_names or top in importable
    if not allowed or "<" in qualname or not _resolves_to(module, qualname, value):
        return None
    return {"$": "ref", "module": module, "qualname": qualname}


def _is_ufunc(value: Any) -> bool:
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(value, numpy.ufunc)


def merge_into(original: Any, new: Any) -> Any:
    """Make ``original`` hold ``new``'s content where possible; the object to keep.

    Returns ``original`` when it was updated in place, else ``new`` (immutable values, or
    a changed type or shape, which the caller stores in place of ``original``).
    """
    numpy = sys.modules.get("numpy")
    torch = sys.modules.get("torch")
    if numpy is not None and isinstance(original, numpy.ndarray):
        return _merge_array(numpy, original, new)
    if torch is not None and isinstance(original, torch.Tensor):
        return _merge_tensor(torch, original, new)
    if type(original) is list and type(new) is list:
        if len(original) == len(new):
            original[:] = [merge_into(old, item) for old, item in zip(original, new, strict=True)]
        else:
            original[:] = new
        return original
    if isinstance(original, dict) and isinstance(new, dict):
        for key in [key for key in original if key not in new]:
            del original[key]
        for key, item in new.items():
            original[key] = merge_into(original[key], item) if key in original else item
        return original
    if isinstance(original, set | bytearray | collections.deque) and type(new) is type(original):
        return _merge_collection(original, new)
    return _merge_generator(numpy, original, new)


def _merge_array(numpy: Any, original: Any, new: Any) -> Any:
    if (
        isinstance(new, numpy.ndarray)
        and new.shape == original.shape
        and new.dtype == original.dtype
        and original.flags.writeable
    ):
        numpy.copyto(original, new)
        return original
    return new


def _merge_tensor(torch: Any, original: Any, new: Any) -> Any:
    if (
        isinstance(new, torch.Tensor)
        and new.shape == original.shape
        and new.dtype == original.dtype
    ):
        with torch.no_grad():
            original.copy_(new.to(original.device))
        return original
    return new


def _merge_collection(original: Any, new: Any) -> Any:
    if isinstance(original, bytearray):
        original[:] = new
    else:
        original.clear()
        original.extend(new) if isinstance(original, collections.deque) else original.update(new)
    return original


def _merge_generator(numpy: Any, original: Any, new: Any) -> Any:
    if type(original) is random.Random and type(new) is random.Random:
        original.setstate(new.getstate())
        return original
    if numpy is not None and type(original) is type(new):
        if isinstance(original, numpy.random.Generator):
            original.bit_generator.state = new.bit_generator.state
            return original
        if isinstance(original, numpy.random.RandomState):
            original.set_state(new.get_state(legacy=False))
            return original
    return new
