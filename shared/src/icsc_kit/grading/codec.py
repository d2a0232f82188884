"""Values between the trusted test process and the worker: plain data, never pickle.

:func:`encode` turns a value into a JSON tree plus a list of binary buffers;
:func:`decode` turns them back. What travels *by value*:

* JSON-like data: ``None``, ``bool``, ``int``, ``float`` (NaN and infinities too),
  ``str``, ``bytes``/``bytearray``, ``list``, ``tuple``, ``dict`` (any hashable keys;
  ``OrderedDict``, ``defaultdict`` with a builtin factory and ``Counter`` keep their
  type), ``set``/``frozenset``, ``collections.deque``, ``complex``, ``Decimal``,
  ``Fraction``, ``datetime``/``date``/``time``/``timedelta``, ``range``, ``slice``,
  ``Ellipsis`` and ``pathlib`` paths;
* numpy arrays, scalars and dtypes (a whitelist of dtypes: booleans, integers, floats,
  complex, fixed-width strings, datetimes; never object arrays), ``numpy.random``
  ``Generator``/``RandomState`` and ``random.Random`` (as their state);
* torch tensors (whitelisted dtypes, as raw bytes; rebuilt as tensors where torch is
  importable, else as numpy arrays), torch dtypes and devices;
* exceptions, rebuilt on the other side as the nearest *builtin* exception class with
  the same message (:func:`exception_from`).

Anything else goes through the side's ``fallback`` (a remote handle, a callable by
reference, or a ``TypeError``), and references come back through the side's
``resolve``. Every tagged node is a JSON object with a ``"$"`` key; plain lists are JSON
arrays. Decoding checks every field it reads: a malformed tree raises
:class:`CodecError`, never anything worse.
"""

from __future__ import annotations

import builtins
import collections
import datetime as dt
import decimal
import enum
import fractions
import pathlib
import random
import sys
from collections.abc import Callable
from typing import Any

from icsc_kit.grading import arrays

MAX_DEPTH = 100
MAX_MESSAGE = 4000

Fallback = Callable[[Any], dict[str, Any]]
Resolve = Callable[[dict[str, Any]], Any]

DICT_KINDS = {"dict": dict, "OrderedDict": collections.OrderedDict, "Counter": collections.Counter}
DEFAULT_FACTORIES = {"list": list, "dict": dict, "set": set, "int": int, "float": float, "str": str}
ABORTING_EXCEPTIONS = frozenset(
    {"BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "BaseExceptionGroup"}
)


class CodecError(Exception):
    """A tree that is not a valid encoding (hostile or corrupt)."""


class AbortedByException(Exception):
    """The other side raised SystemExit, KeyboardInterrupt or another non-``Exception``."""


# -- encoding ------------------------------------------------------------------------------
def encode(value: Any, fallback: Fallback) -> tuple[Any, list[bytes]]:
    """``value`` as (JSON tree, buffers); ``fallback`` handles what is not plain data."""
    encoder = _Encoder(fallback)
    return encoder.value(value, 0), encoder.buffers


def refuse(value: Any) -> dict[str, Any]:
    """A fallback that accepts nothing: raises ``TypeError`` naming the type."""
    msg = f"{type(value).__qualname__} is not plain data"
    raise TypeError(msg)


class _Encoder:
    def __init__(self, fallback: Fallback) -> None:
        self.fallback = fallback
        self.buffers: list[bytes] = []
        self.active: set[int] = set()

    def buffer(self, data: bytes) -> int:
        self.buffers.append(data)
        return len(self.buffers) - 1

    def value(self, value: Any, depth: int) -> Any:
        kind = type(value)
        if value is None or kind in (bool, int, str, float):
            return value
        if depth > MAX_DEPTH or id(value) in self.active:
            return self.fallback(value)
        if kind in (list, tuple, set, frozenset, collections.deque) or kind in (
            dict,
            collections.OrderedDict,
            collections.Counter,
            collections.defaultdict,
        ):
            self.active.add(id(value))
            try:
                return self.container(value, kind, depth + 1)
            finally:
                self.active.discard(id(value))
        if kind in (bytes, bytearray):
            return {"$": kind.__name__, "buf": self.buffer(bytes(value))}
        simple = _simple(value)
        if simple is not None:
            return simple
        if kind is slice:
            parts = (value.start, value.stop, value.step)
            return {"$": "slice", "items": [self.value(part, depth + 1) for part in parts]}
        if isinstance(value, BaseException):
            return self.exception(value)
        numpy = sys.modules.get("numpy")
        if numpy is not None:
            encoded = arrays.encode_numpy(self, numpy, value, depth)
            if encoded is not None:
                return encoded
        if kind is random.Random:
            return {"$": "pyrandom", "state": self.value(value.getstate(), depth + 1)}
        torch = sys.modules.get("torch")
        if torch is not None:
            encoded = arrays.encode_torch(self, torch, value)
            if encoded is not None:
                return encoded
        return self.fallback(value)

    def container(self, value: Any, kind: type, depth: int) -> Any:
        if kind is list:
            return [self.value(item, depth) for item in value]
        if kind in (tuple, set, frozenset):
            return {"$": kind.__name__, "items": [self.value(item, depth) for item in value]}
        if kind is collections.deque:
            items = [self.value(item, depth) for item in value]
            return {"$": "deque", "items": items, "maxlen": value.maxlen}
        items = [[self.value(key, depth), self.value(item, depth)] for key, item in value.items()]
        node: dict[str, Any] = {"$": "dict", "kind": kind.__name__, "items": items}
        if kind is collections.defaultdict:
            factory = value.default_factory
            names = {v: k for k, v in DEFAULT_FACTORIES.items()}
            node["factory"] = names.get(factory) if factory is not None else None
        return node

    def exception(self, error: BaseException) -> dict[str, Any]:
        try:
            message = str(error)
        except Exception:  # noqa: BLE001  (a hostile __str__ must not break the channel)
            message = f"<unprintable {type(error).__name__}>"
        args = list(error.args) if all(_scalar(arg) for arg in error.args) else None
        types = [
            f"{cls.__module__}.{cls.__qualname__}"
            for cls in type(error).__mro__
            if issubclass(cls, BaseException)
        ]
        return {"$": "exc", "types": types, "message": message[:MAX_MESSAGE], "args": args}


def _simple(value: Any) -> dict[str, Any] | None:
    """Tagged nodes of small immutable standard-library values, or None."""
    kind = type(value)
    if kind is complex:
        return {"$": "complex", "re": value.real, "im": value.imag}
    if kind is decimal.Decimal:
        return {"$": "decimal", "value": str(value)}
    if kind is fractions.Fraction:
        return {"$": "fraction", "num": value.numerator, "den": value.denominator}
    if kind in (dt.datetime, dt.date, dt.time):
        return {"$": "datetime", "kind": kind.__name__, "value": value.isoformat()}
    if kind is dt.timedelta:
        return {
            "$": "timedelta",
            "days": value.days,
            "seconds": value.seconds,
            "us": value.microseconds,
        }
    if kind is range:
        return {"$": "range", "items": [value.start, value.stop, value.step]}
    if value is Ellipsis:
        return {"$": "ellipsis"}
    if isinstance(value, pathlib.PurePath) and kind.__module__ == "pathlib":
        return {"$": "path", "value": str(value), "pure": not isinstance(value, pathlib.Path)}
    return None


# -- decoding ------------------------------------------------------------------------------
def decode(tree: Any, buffers: list[bytearray], resolve: Resolve) -> Any:
    """The value of ``tree``; references (handles, callables) go to ``resolve``."""
    try:
        return _Decoder(buffers, resolve).value(tree, 0)
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as error:
        msg = f"invalid encoded value ({type(error).__name__}: {str(error)[:200]})"
        raise CodecError(msg) from error


class _Decoder:
    def __init__(self, buffers: list[bytearray], resolve: Resolve) -> None:
        self.buffers = buffers
        self.resolve = resolve

    def buffer(self, node: dict[str, Any]) -> bytearray:
        index = node["buf"]
        if type(index) is not int or not 0 <= index < len(self.buffers):
            msg = "buffer index out of range"
            raise CodecError(msg)
        return self.buffers[index]

    def items(self, node: dict[str, Any], depth: int) -> list[Any]:
        items = node["items"]
        if type(items) is not list:
            msg = "items must be a list"
            raise CodecError(msg)
        return [self.value(item, depth) for item in items]

    def value(self, tree: Any, depth: int) -> Any:
        if tree is None or type(tree) in (bool, int, float, str):
            return tree
        if depth > MAX_DEPTH + 10:
            msg = "value nested too deeply"
            raise CodecError(msg)
        if type(tree) is list:
            return [self.value(item, depth + 1) for item in tree]
        if type(tree) is not dict or type(tree.get("$")) is not str:
            msg = "untagged object in encoded value"
            raise CodecError(msg)
        tag = tree["$"]
        if tag == "tuple":
            return tuple(self.items(tree, depth + 1))
        if tag in ("set", "frozenset"):
            return (set if tag == "set" else frozenset)(self.items(tree, depth + 1))
        if tag == "deque":
            maxlen = tree["maxlen"]
            if maxlen is not None and (type(maxlen) is not int or maxlen < 0):
                msg = "bad deque maxlen"
                raise CodecError(msg)
            return collections.deque(self.items(tree, depth + 1), maxlen)
        if tag == "dict":
            return self.mapping(tree, depth + 1)
        if tag in ("bytes", "bytearray"):
            data = self.buffer(tree)
            return bytes(data) if tag == "bytes" else bytearray(data)
        if tag == "slice":
            start, stop, step = self.items(tree, depth + 1)
            return slice(start, stop, step)
        if tag == "exc":
            return exception_from(tree)
        if tag in _SIMPLE_DECODERS:
            return _SIMPLE_DECODERS[tag](tree)
        if tag in ("ndarray", "npscalar", "npdtype", "npgenerator", "nprandomstate"):
            return arrays.decode_numpy(self, tree, depth)
        if tag == "pyrandom":
            generator = random.Random()
            generator.setstate(self.value(tree["state"], depth + 1))
            return generator
        if tag in ("tensor", "torchdtype", "torchdevice"):
            return arrays.decode_torch(self, tree)
        return self.resolve(tree)

    def mapping(self, tree: dict[str, Any], depth: int) -> Any:
        kind = tree.get("kind", "dict")
        if kind == "defaultdict":
            factory_name = tree.get("factory")
            if factory_name is not None and factory_name not in DEFAULT_FACTORIES:
                msg = "bad defaultdict factory"
                raise CodecError(msg)
            result: Any = collections.defaultdict(DEFAULT_FACTORIES.get(factory_name))
        elif kind in DICT_KINDS:
            result = DICT_KINDS[kind]()
        else:
            msg = f"unknown mapping kind {kind!r}"
            raise CodecError(msg)
        pairs = tree["items"]
        if type(pairs) is not list:
            msg = "mapping items must be a list"
            raise CodecError(msg)
        for pair in pairs:
            if type(pair) is not list or len(pair) != 2:
                msg = "mapping item must be a [key, value] pair"
                raise CodecError(msg)
            result[self.value(pair[0], depth)] = self.value(pair[1], depth)
        return result


def _typed(tree: dict[str, Any], key: str, *kinds: type) -> Any:
    value = tree[key]
    if type(value) not in kinds:
        msg = f"field {key!r} has the wrong type"
        raise CodecError(msg)
    return value


def _path(tree: dict[str, Any]) -> pathlib.PurePath:
    text = _typed(tree, "value", str)
    return pathlib.PurePosixPath(text) if tree.get("pure") else pathlib.Path(text)


def _datetime(tree: dict[str, Any]) -> Any:
    kinds = {"datetime": dt.datetime, "date": dt.date, "time": dt.time}
    kind = kinds.get(tree["kind"])
    if kind is None:
        msg = "bad datetime kind"
        raise CodecError(msg)
    return kind.fromisoformat(_typed(tree, "value", str))


def _range(tree: dict[str, Any]) -> range:
    items = tree["items"]
    if type(items) is not list or len(items) != 3 or any(type(i) is not int for i in items):
        msg = "bad range"
        raise CodecError(msg)
    return range(*items)


_SIMPLE_DECODERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "complex": lambda t: complex(_typed(t, "re", float, int), _typed(t, "im", float, int)),
    "decimal": lambda t: decimal.Decimal(_typed(t, "value", str)),
    "fraction": lambda t: fractions.Fraction(_typed(t, "num", int), _typed(t, "den", int)),
    "datetime": _datetime,
    "timedelta": lambda t: dt.timedelta(
        days=_typed(t, "days", int),
        seconds=_typed(t, "seconds", int),
        microseconds=_typed(t, "us", int),
    ),
    "range": _range,
    "ellipsis": lambda _: Ellipsis,
    "path": _path,
}


# -- exceptions ----------------------------------------------------------------------------
SAFE_EXCEPTIONS = {
    name: obj
    for name, obj in vars(builtins).items()
    if isinstance(obj, type)
    and issubclass(obj, BaseException)
    and name not in ABORTING_EXCEPTIONS
    and name != "ExceptionGroup"
}


def exception_from(tree: dict[str, Any]) -> Exception:
    """The nearest builtin exception to the encoded one, with the same message.

    The class is the first *builtin* class in the original's MRO (a student's
    ``class BadShape(ValueError)`` comes back as ``ValueError``), so ``pytest.raises``
    with ``match=`` behaves as it would in-process. ``SystemExit``, ``KeyboardInterrupt``
    and other non-``Exception`` classes come back as :class:`AbortedByException`.
    """
    types = tree["types"]
    message = _typed(tree, "message", str)
    if type(types) is not list or not all(type(name) is str for name in types):
        msg = "bad exception types"
        raise CodecError(msg)
    raw_args = tree.get("args")
    args = tuple(raw_args) if type(raw_args) is list and all(map(_scalar, raw_args)) else None
    original = types[0].rpartition(".")[2] if types else "Exception"
    for name in types:
        module, _, qualname = name.rpartition(".")
        if module != "builtins":
            continue
        if qualname in ABORTING_EXCEPTIONS:
            return AbortedByException(f"the exercise raised {original}: {message}".rstrip(": "))
        cls = SAFE_EXCEPTIONS.get(qualname)
        if cls is None:
            continue
        for attempt in ((*args,) if args is not None else None, (message,)):
            if attempt is None:
                continue
            try:
                error = cls(*attempt)
            except Exception:  # noqa: BLE001, S112  (try the next construction)
                continue
            if str(error) == message or attempt == (message,):
                return error
    return Exception(message)


def _scalar(value: Any) -> bool:
    return value is None or type(value) in (bool, int, float, str)


def is_enum_member(value: Any) -> bool:
    """True for members of ``enum.Enum`` subclasses (they travel by reference)."""
    return isinstance(value, enum.Enum)
