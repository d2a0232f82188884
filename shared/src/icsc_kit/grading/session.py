"""The trusted side of the worker channel: start the worker, send requests, time them out.

One :class:`RemoteSession` serves one trusted pytest run (one submission). It starts the
worker lazily, restarts it after it dies (handles of the old worker become stale; exercise
modules are imported again), and enforces two clocks: each request gets at most
``call_timeout_s`` of worker time, and nothing runs past the job's ``deadline``. A root
(``ex01_add.add``) whose call timed out is *struck*: later calls through it fail at once,
so one endless function costs one timeout, not one per test.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import weakref
from pathlib import Path
from typing import Any

from icsc_kit.course import Course
from icsc_kit.grading import codec
from icsc_kit.grading.isolate import IsolateConfig
from icsc_kit.grading.launcher import WorkerProcess
from icsc_kit.grading.proxy import ExerciseAborted, ModuleProxy, RemoteObject
from icsc_kit.grading.references import merge_into, trusted_reference
from icsc_kit.grading.wire import WireClosed, WireError, WireTimeout
from icsc_kit.loading import ExerciseUnavailable
from icsc_kit.targets import Target, exercise_path, module_name_for


class RemoteSession:
    """Requests from one trusted pytest run to its (re)started worker."""

    def __init__(self, config: IsolateConfig) -> None:
        self.config = config
        self.worker: WorkerProcess | None = None
        self.generation = 0
        self.failures: dict[str, str] = {}
        self.struck: dict[str, str] = {}
        self.broken: str | None = None
        self.references: dict[int, Any] = {}
        self.reference_ids: dict[int, int] = {}
        self.proxies: weakref.WeakValueDictionary[tuple[int, int], RemoteObject] = (
            weakref.WeakValueDictionary()
        )
        self.released: list[int] = []
        self.next_id = 1
        self.root = ""
        self.sync = config.privileged and config.uid is not None

    # -- loading (the grader's loader for icsc_kit.loading) ------------------------------
    def load(self, course: Course, name: str, target: Target) -> ModuleProxy:
        """Import exercise ``name`` in the worker; ``ExerciseUnavailable`` if that fails."""
        if name in self.failures:
            raise ExerciseUnavailable(self.failures[name])
        path = exercise_path(course, name, target)
        if not path.is_file():
            self.failures[name] = f"{name}: the submission has no {path.name}"
            raise ExerciseUnavailable(self.failures[name])
        proxy = ModuleProxy(self, name, str(path), module_name_for(course, name, target))
        try:
            self.module_handle(proxy)
        except ExerciseAborted as error:
            self.failures[name] = f"{name}: {path.name} could not be imported: {error}"
            raise ExerciseUnavailable(self.failures[name]) from None
        except Exception as error:  # noqa: BLE001  (the student's import error, mapped)
            self.failures[name] = (
                f"{name}: {path.name} does not import: {type(error).__name__}: {error}"
            )
            raise ExerciseUnavailable(self.failures[name]) from None
        return proxy

    def module_handle(self, proxy: ModuleProxy) -> None:
        """Make sure ``proxy`` names its module in the current worker (import if not)."""
        worker = self.ensure_worker()
        if proxy._icsc_generation == worker.generation:
            return
        header = {"op": "import", "path": proxy._icsc_path, "module": proxy._icsc_module}
        handle = self.exchange(header, None, proxy._icsc_name)
        if not isinstance(handle, RemoteObject):
            msg = "the exercise module came back as plain data"
            raise ExerciseAborted(msg)
        object.__setattr__(proxy, "_icsc_generation", handle._icsc_generation)
        object.__setattr__(proxy, "_icsc_number", handle._icsc_number)
        object.__setattr__(proxy, "_icsc_anchor", handle)

    # -- requests ------------------------------------------------------------------------
    def request(self, obj: RemoteObject, operation: str, *, root: str | None, **fields: Any) -> Any:
        """Forward ``operation`` on ``obj`` to the worker and return the decoded answer."""
        if isinstance(obj, ModuleProxy):
            try:
                self.module_handle(obj)
            except ExerciseAborted:
                raise
            except Exception as error:  # noqa: BLE001  (the student's import error, mapped)
                msg = f"{obj._icsc_name} no longer imports: {type(error).__name__}: {error}"
                raise ExerciseAborted(msg) from None
        elif obj._icsc_generation != self.generation or self.worker is None:
            msg = (
                f"this {obj._icsc_type} came from an exercise process that has ended "
                "(it timed out, crashed or exited earlier in this run)"
            )
            raise ExerciseAborted(msg)
        root = root or obj._icsc_root
        if root in self.struck:
            raise ExerciseAborted(self.struck[root])
        payload = None
        for key in ("args", "value"):
            if key in fields:
                payload = (key, fields.pop(key))
        header = {"op": operation, "target": obj._icsc_number, **fields}
        return self.exchange(header, payload, root)

    def exchange(self, header: dict[str, Any], payload: tuple[str, Any] | None, root: str) -> Any:
        """Send one request, serve callbacks, return the answer or raise its error."""
        worker = self.ensure_worker()
        number = self.next_id
        self.next_id += 1
        header = {**header, "id": number}
        buffers: list[bytes] = []
        original = None
        if payload is not None:
            key, value = payload
            header[key], buffers = codec.encode(value, self.encode_reference)
            original = value if key == "args" else None
        if self.released:
            header["release"], self.released = self.released, []
        if self.sync:
            self.sync_files()
        self.root = root
        started = time.monotonic()
        try:
            worker.connection.send(header, buffers, self._deadline(started))
            while True:
                reply, received = worker.connection.recv(self._deadline(started))
                if reply.get("op") == "callback":
                    paused = time.monotonic()
                    self.serve_callback(worker, reply, received)
                    started += time.monotonic() - paused
                    continue
                if reply.get("re") != number:
                    msg = "answer to another request"
                    raise WireError(msg)
                return self.outcome(reply, received, original)
        except WireTimeout:
            self.stop_worker()
            message = self._timeout_message(root, started)
            self.struck[root] = message
            raise ExerciseAborted(message) from None
        except WireClosed:
            code = self.stop_worker(ended=True)
            msg = f"{root}: the exercise process ended (exit status {code})"
            raise ExerciseAborted(msg) from None
        except (WireError, codec.CodecError):
            self.stop_worker()
            msg = f"{root}: the exercise process sent an answer the grader cannot read; it was stopped"
            raise ExerciseAborted(msg) from None

    def outcome(self, reply: dict[str, Any], received: list[bytearray], original: Any) -> Any:
        if "wb" in reply and original is not None:
            offset = reply.get("wb_offset", 0)
            if type(offset) is not int or offset < 0:
                msg = "bad write-back offset"
                raise codec.CodecError(msg)
            for where, value in codec.decode(reply["wb"], received[offset:], self.resolve):
                _write_back(original, where, value)
        if "err" in reply:
            error = codec.exception_from(reply["err"])
            if isinstance(error, codec.AbortedByException):
                raise ExerciseAborted(str(error))
            raise error
        return codec.decode(reply["ok"], received, self.resolve)

    def serve_callback(
        self, worker: WorkerProcess, request: dict[str, Any], received: list[bytearray]
    ) -> None:
        """Run a trusted callable the worker was handed, and answer it."""
        target = self.references.get(request.get("target"))  # type: ignore[arg-type]
        if target is None:
            msg = "callback to an unknown callable"
            raise codec.CodecError(msg)
        args, kwargs = codec.decode(request["args"], received, self.resolve)
        reply: dict[str, Any] = {"re": request.get("id")}
        buffers: list[bytes] = []
        try:
            result = target(*args, **kwargs)
            reply["ok"], buffers = codec.encode(result, self.encode_reference)
        except Exception as error:  # noqa: BLE001  (handed to the exercise, as in-process)
            reply = {"re": request.get("id"), "err": codec.encode(error, codec.refuse)[0]}
        worker.connection.send(reply, buffers, time.monotonic() + self.config.call_timeout_s)

    # -- references in both directions ---------------------------------------------------
    def encode_reference(self, value: Any) -> dict[str, Any]:
        """Trusted -> worker: handles go home, importables by name, callables by reference."""
        if isinstance(value, ModuleProxy):
            self.module_handle(value)
        if isinstance(value, RemoteObject):
            if value._icsc_generation != self.generation:
                msg = "an object from an exercise process that has ended was passed back"
                raise ExerciseAborted(msg)
            return {"$": "handle", "id": value._icsc_number}
        by_name = trusted_reference(value, self.config.importable)
        if by_name is not None:
            return by_name
        if callable(value):
            number = self.reference_ids.get(id(value))
            if number is None:
                number = len(self.references) + 1
                self.references[number] = value
                self.reference_ids[id(value)] = number
            name = getattr(value, "__name__", type(value).__name__)
            qualname = getattr(value, "__qualname__", name)
            return {"$": "tref", "id": number, "name": str(name), "qualname": str(qualname)}
        msg = (
            f"grading mode cannot pass a {type(value).__qualname__} to the exercise: pass "
            "plain data (numbers, strings, lists, dicts, numpy arrays, tensors, paths), a "
            "callable, or an object the exercise returned"
        )
        raise TypeError(msg)

    def resolve(self, node: dict[str, Any]) -> Any:
        """Worker -> trusted: handles become proxies; our own callables come home."""
        tag = node["$"]
        if tag == "tref":
            number = node.get("id")
            if number not in self.references:
                msg = "unknown trusted reference"
                raise codec.CodecError(msg)
            return self.references[number]
        if tag == "enum":
            member = _enum_member(node)
            return member if member is not None else self.resolve(node["handle"])
        if tag != "handle":
            msg = f"unexpected tag {tag!r} from the worker"
            raise codec.CodecError(msg)
        number = node["id"]
        if type(number) is not int:
            msg = "bad handle id"
            raise codec.CodecError(msg)
        key = (self.generation, number)
        proxy = self.proxies.get(key)
        if proxy is None:
            # The worker hands out the same number again for the same object; a release of
            # that number queued by an earlier, now dead proxy must not reach it any more.
            if number in self.released:
                self.released = [queued for queued in self.released if queued != number]
            proxy = RemoteObject(self, self.generation, number, str(node.get("type", "object"))[:100],
                                 self.root, is_callable=bool(node.get("callable")))  # fmt: skip
            self.proxies[key] = proxy
            weakref.finalize(proxy, self._release, self.generation, number)
        return proxy

    def _release(self, generation: int, number: int) -> None:
        if generation == self.generation:
            self.released.append(number)

    # -- the worker process --------------------------------------------------------------
    def ensure_worker(self) -> WorkerProcess:
        if self.broken is not None:
            raise ExerciseAborted(self.broken)
        if self.worker is not None:
            return self.worker
        if time.monotonic() >= self.config.deadline:
            raise ExerciseAborted(self._limit_message())
        self.generation += 1
        worker = WorkerProcess(self.config, self.generation)
        deadline = min(time.monotonic() + self.config.startup_timeout_s, self.config.deadline)
        try:
            hello, _ = worker.connection.recv(deadline)
        except WireError:
            worker.kill()
            self.broken = "the exercise process could not be started"
            raise ExerciseAborted(self.broken) from None
        if not hello.get("hello"):
            worker.kill()
            self.broken = f"the exercise process could not be confined: {hello.get('error')}"
            raise ExerciseAborted(self.broken)
        worker.report = hello["hello"]
        if self.config.sandbox_report and self.generation == 1:
            Path(self.config.sandbox_report).write_text(json.dumps(worker.report), encoding="utf-8")
        self.worker = worker
        self.released = []
        return worker

    def stop_worker(self, *, ended: bool = False) -> int | None:
        """Stop the worker; with ``ended``, first wait for the exit status it chose."""
        worker, self.worker = self.worker, None
        if worker is None:
            return None
        status = worker.status() if ended else None
        worker.kill()
        return status

    def close(self) -> None:
        self.stop_worker()

    def sync_files(self) -> None:
        """Give the worker's user what the trusted tests made in pytest's tmp_path."""
        base = Path(self.config.basetemp)
        if not base.exists():
            return
        uid, gid = self.config.uid, self.config.gid
        assert uid is not None
        for folder, dirs, files in os.walk(base):
            for name in [folder, *(os.path.join(folder, e) for e in dirs + files)]:  # noqa: PTH118
                with contextlib.suppress(OSError):
                    if os.lstat(name).st_uid != uid:
                        os.lchown(name, uid, gid)

    # -- messages ------------------------------------------------------------------------
    def _deadline(self, started: float) -> float:
        return min(started + self.config.call_timeout_s, self.config.deadline)

    def _timeout_message(self, root: str, started: float) -> str:
        if started + self.config.call_timeout_s > self.config.deadline:
            return self._limit_message()
        seconds = f"{self.config.call_timeout_s:g}"
        return f"{root}: no answer within {seconds} s; the exercise process was stopped"

    def _limit_message(self) -> str:
        return f"the submission used up its time limit of {self.config.timeout_s:g} s"


def _write_back(original: Any, where: Any, value: Any) -> None:
    if type(where) is not list or len(where) != 2:
        return
    args, kwargs = original
    kind, key = where
    if kind == "args" and type(key) is int and 0 <= key < len(args):
        merge_into(args[key], value)
    elif kind == "kwargs" and key in kwargs:
        merge_into(kwargs[key], value)


def _enum_member(node: dict[str, Any]) -> Any:
    """The trusted twin of an enum member the worker returned, if this process has it.

    Only already-imported modules are looked at, through their ``__dict__`` first (no
    module ``__getattr__`` runs), and only classes are looked into after that.
    """
    import enum  # noqa: PLC0415

    module = sys.modules.get(str(node.get("module")))
    parts = str(node.get("qualname")).split(".")
    if module is None or not parts:
        return None
    value: Any = vars(module).get(parts[0])
    for part in parts[1:]:
        if not isinstance(value, type):
            return None
        value = vars(value).get(part)
    if isinstance(value, type) and issubclass(value, enum.Enum):
        return value.__members__.get(str(node.get("name")))
    return None
