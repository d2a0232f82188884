"""The untrusted worker: the only process that imports and runs a student's code.

Started by the trusted test process as ``python -m icsc_kit.grading.worker PLAN`` with a
pipe pair; it confines itself (:func:`icsc_kit.grading.sandbox.confine`), says hello, then
answers requests one at a time: import an exercise file, get or set an attribute, call,
index, iterate, convert. Results go back through :mod:`icsc_kit.grading.codec`: plain
data by value, everything else as a *handle* (an id in this process's table) that the
trusted side can use in later requests.

Arguments that are mutable plain data (lists, dicts, sets, bytearrays, numpy arrays,
tensors, random generators) are compared before and after each call; what changed is
sent back so that the trusted side can update its own objects in place, as an
in-process call would have.

A student's code may exit, fork, loop or write to the channel: the trusted side treats
each of these as that call's failure. A process forked from this one never answers:
:func:`os.register_at_fork` silences the channel in children.
"""

from __future__ import annotations

import collections
import operator
import os
import random
import sys
import threading
from pathlib import Path
from typing import Any

from icsc_kit.grading import codec
from icsc_kit.grading.sandbox import SandboxPlan, confine
from icsc_kit.grading.wire import Connection, WireClosed
from icsc_kit.targets import load_module_from

BINARY_OPERATORS = {
    name: getattr(operator, name)
    for name in (
        "add",
        "sub",
        "mul",
        "truediv",
        "floordiv",
        "mod",
        "pow",
        "matmul",
        "and_",
        "or_",
        "xor",
        "lshift",
        "rshift",
    )
}
UNARY_OPERATORS = {"neg": operator.neg, "pos": operator.pos, "abs": abs, "invert": operator.inv}
CONVERSIONS = {"float": float, "int": int, "index": operator.index, "complex": complex}
MUTABLE_TYPES = (list, dict, set, bytearray, random.Random, collections.deque,
                 collections.OrderedDict, collections.Counter, collections.defaultdict)  # fmt: skip


class TrustedCallable:
    """A callable living in the trusted process; calling it asks the trusted side to run it.

    Only calls travel: there is no attribute access into the trusted process.
    """

    def __init__(self, worker: Worker, ref: int, name: str, qualname: str) -> None:
        self._icsc_worker = worker
        self._icsc_ref = ref
        self.__name__ = name
        self.__qualname__ = qualname

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._icsc_worker.callback(self._icsc_ref, args, kwargs)

    def __repr__(self) -> str:
        return f"<trusted callable {self.__qualname__}>"


class Worker:
    """The request loop and the handle table of one worker process."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.pid = os.getpid()
        self.objects: dict[int, Any] = {}
        self.ids: dict[int, int] = {}
        self.next_id = 1
        self.next_request = 1
        self.silenced = False
        self.lock = threading.RLock()
        os.register_at_fork(after_in_child=self._silence)

    def _silence(self) -> None:
        self.silenced = True

    # -- handles -------------------------------------------------------------------------
    def fallback(self, value: Any) -> dict[str, Any]:
        """Encode what is not plain data: trusted callables go home, the rest as handles."""
        if isinstance(value, TrustedCallable):
            return {"$": "tref", "id": value._icsc_ref}
        node = self.handle(value)
        if codec.is_enum_member(value):
            kind = type(value)
            return {"$": "enum", "module": kind.__module__, "qualname": kind.__qualname__,
                    "name": value.name, "handle": node}  # fmt: skip
        return node

    def handle(self, value: Any) -> dict[str, Any]:
        number = self.ids.get(id(value))
        if number is None:
            number = self.next_id
            self.next_id += 1
            self.objects[number] = value
            self.ids[id(value)] = number
        kind = type(value)
        return {"$": "handle", "id": number, "type": kind.__qualname__, "callable": callable(value)}

    def resolve(self, node: dict[str, Any]) -> Any:
        tag = node["$"]
        if tag == "handle":
            return self.target(node["id"])
        if tag == "tref":
            return TrustedCallable(self, node["id"], str(node.get("name", "callable")),
                                   str(node.get("qualname", "callable")))  # fmt: skip
        if tag == "ref":
            return _import_reference(node["module"], node["qualname"])
        msg = f"unknown tag {tag!r}"
        raise codec.CodecError(msg)

    def target(self, number: Any) -> Any:
        if type(number) is not int or number not in self.objects:
            msg = "unknown handle"
            raise codec.CodecError(msg)
        return self.objects[number]

    def release(self, numbers: list[int]) -> None:
        for number in numbers:
            value = self.objects.pop(number, None)
            if value is not None:
                self.ids.pop(id(value), None)

    # -- the channel ---------------------------------------------------------------------
    def send(self, header: dict[str, Any], buffers: list[bytes]) -> None:
        if self.silenced or os.getpid() != self.pid:
            os._exit(0)
        self.connection.send(header, buffers)

    def decode(self, tree: Any, buffers: list[bytearray]) -> Any:
        return codec.decode(tree, buffers, self.resolve)

    def reply(self, number: int, outcome: Any, error: BaseException | None,
              writeback: list[tuple[Any, Any]]) -> None:  # fmt: skip
        header: dict[str, Any] = {"re": number}
        try:
            if error is not None:
                header["err"], buffers = codec.encode(error, codec.refuse)
            else:
                header["ok"], buffers = codec.encode(outcome, self.fallback)
            if writeback:
                header["wb"], more = codec.encode(writeback, self.fallback)
                header["wb_offset"] = len(buffers)
                buffers = buffers + more
        except Exception as failure:  # noqa: BLE001  (an unencodable result fails the call)
            problem = TypeError(f"the grader cannot transfer this result: {failure}")
            header = {"re": number, "err": codec.encode(problem, codec.refuse)[0]}
            buffers = []
        self.send(header, buffers)

    def serve(self) -> None:
        """Answer requests until the trusted side closes the channel."""
        while True:
            try:
                header, buffers = self.connection.recv()
            except WireClosed:
                return
            self.dispatch(header, buffers)

    def dispatch(self, header: dict[str, Any], buffers: list[bytearray]) -> None:
        number = header.get("id")
        self.release(header.get("release", []))
        writeback: list[tuple[Any, Any]] = []
        try:
            outcome = self.perform(header, buffers, writeback)
        except BaseException as error:  # noqa: BLE001  (SystemExit too: reported, not obeyed)
            self.reply(number, None, error, writeback)
        else:
            self.reply(number, outcome, None, writeback)

    def callback(self, ref: int, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Run trusted callable ``ref``; serve nested requests until its answer arrives.

        One callback at a time: student code may call from several threads.
        """
        with self.lock:
            number = -self.next_request
            self.next_request += 1
            tree, buffers = codec.encode((list(args), kwargs), self.fallback)
            self.send({"op": "callback", "id": number, "target": ref, "args": tree}, buffers)
            while True:
                header, received = self.connection.recv()
                if header.get("re") == number:
                    if "err" in header:
                        raise codec.exception_from(header["err"])
                    return self.decode(header["ok"], received)
                self.dispatch(header, received)

    # -- operations ----------------------------------------------------------------------
    def perform(self, header: dict[str, Any], buffers: list[bytearray],
                writeback: list[tuple[Any, Any]]) -> Any:  # fmt: skip
        operation = header["op"]
        if operation == "import":
            path = Path(header["path"])
            return load_module_from(path, str(header["module"]))
        obj = self.target(header["target"])
        if operation == "call":
            args, kwargs = self.decode(header["args"], buffers)
            watched = _snapshots(args, kwargs)
            try:
                return obj(*args, **kwargs)
            finally:
                writeback.extend(_changed(watched))
        value = self.decode(header["value"], buffers) if "value" in header else None
        return self.simple(operation, obj, header, value)

    def simple(self, operation: str, obj: Any, header: dict[str, Any], value: Any) -> Any:
        if operation == "getattr":
            return getattr(obj, header["name"])
        if operation == "setattr":
            return setattr(obj, header["name"], value)
        if operation == "delattr":
            return delattr(obj, header["name"])
        if operation == "getitem":
            return obj[value]
        if operation == "setitem":
            key, item = value
            obj[key] = item
            return None
        if operation == "delitem":
            del obj[value]
            return None
        if operation == "contains":
            return value in obj
        if operation == "len":
            return len(obj)
        if operation == "bool":
            return bool(obj)
        if operation == "str":
            return str(obj)
        if operation == "dir":
            return sorted(str(name) for name in dir(obj))
        if operation == "iter":
            return _Iterator(iter(obj))
        if operation == "next":
            return _next_batch(obj, int(header.get("n", 64)))
        if operation == "binop":
            function = BINARY_OPERATORS[header["name"]]
            return function(value, obj) if header.get("reflected") else function(obj, value)
        if operation == "unop":
            return UNARY_OPERATORS[header["name"]](obj)
        if operation == "convert":
            return CONVERSIONS[header["name"]](obj)
        if operation == "array":
            import numpy as np  # noqa: PLC0415

            return np.asarray(obj)
        if operation == "enter":
            return obj.__enter__()
        if operation == "exit":
            return obj.__exit__(None, None, None)
        msg = f"unknown operation {operation!r}"
        raise codec.CodecError(msg)


class _Iterator:
    """An iterator the trusted side pulls from in batches (always a handle)."""

    def __init__(self, iterator: Any) -> None:
        self.iterator = iterator


def _next_batch(obj: Any, count: int) -> tuple[list[Any], bool]:
    iterator = obj.iterator if isinstance(obj, _Iterator) else obj
    items = []
    for _ in range(max(1, min(count, 1024))):
        try:
            items.append(next(iterator))
        except StopIteration:
            return items, True
    return items, False


def _import_reference(module: Any, qualname: Any) -> Any:
    if type(module) is not str or type(qualname) is not str:
        msg = "bad reference"
        raise codec.CodecError(msg)
    import importlib  # noqa: PLC0415

    value = importlib.import_module(module)
    for part in qualname.split("."):
        value = getattr(value, part)
    return value


def _is_mutable(value: Any) -> bool:
    """Is ``value`` plain data that a call may change in place (and we can send back)?"""
    if type(value) in MUTABLE_TYPES:
        return True
    numpy = sys.modules.get("numpy")
    if numpy is not None and type(value) in (numpy.ndarray, numpy.random.Generator,
                                             numpy.random.RandomState):  # fmt: skip
        return True
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(value, torch.Tensor)


def _fingerprint(value: Any) -> Any:
    try:
        return codec.encode(value, lambda obj: {"$": "opaque", "id": id(obj)})
    except Exception:  # noqa: BLE001
        return None


def _snapshots(args: list[Any], kwargs: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    places = [(("args", i), value) for i, value in enumerate(args)]
    places += [(("kwargs", key), value) for key, value in kwargs.items()]
    return [(where, value, _fingerprint(value)) for where, value in places if _is_mutable(value)]


def _changed(watched: list[tuple[Any, Any, Any]]) -> list[tuple[Any, Any]]:
    return [(list(where), value) for where, value, before in watched
            if _fingerprint(value) != before]  # fmt: skip


def main() -> None:
    """Entry point: confine, say hello with the sandbox report, serve."""
    plan = SandboxPlan.from_json(sys.argv[1])
    try:
        report = confine(plan)
    except Exception as error:  # noqa: BLE001  (reported to the trusted side, then exit)
        failure = Connection(plan.read_fd, plan.write_fd)
        failure.send({"hello": None, "error": f"{type(error).__name__}: {error}"}, [])
        raise SystemExit(3) from None
    connection = Connection(plan.read_fd, plan.write_fd)
    connection.send({"hello": report}, [])
    sys.stdin = open(os.devnull)  # noqa: PTH123, SIM115  (student code must not read our stdin)
    Worker(connection).serve()


if __name__ == "__main__":
    main()
