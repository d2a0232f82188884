"""Trusted-side stand-ins for objects that live in the worker.

``exercise(name)`` returns a :class:`ModuleProxy` in grading mode. Attribute access,
calls, indexing, iteration, ``len``, ``bool``, ``str``, numeric conversions, arithmetic
operators, ``numpy.asarray`` and ``with`` are forwarded to the worker; what comes back
is plain data or another :class:`RemoteObject`.

Deliberately *not* forwarded: ``==``, ``<`` and friends and ``hash`` (a student's object
must not decide whether it equals the expected value: handles compare by identity), and
``repr`` (local and fixed, so that assertion messages are deterministic and carry no
student text).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from icsc_kit.grading.session import RemoteSession

FORWARDED_DUNDERS = frozenset(
    {"__doc__", "__name__", "__qualname__", "__file__", "__version__", "__all__",
     "__wrapped__", "__dict__", "__annotations__", "__module__"}
)  # fmt: skip


class ExerciseAborted(BaseException):
    """The exercise process timed out, ended, broke the protocol or raised SystemExit.

    A ``BaseException`` so that ``pytest.raises(Exception)`` in a test never mistakes a
    grading failure for the error the test expects.
    """


class RemoteObject:
    """An object living in the worker, addressed by handle ``number`` of ``generation``.

    ``root`` names the exercise attribute it came from (``ex01_add.add``): a call that
    times out strikes its root, and later uses fail at once instead of waiting again.
    """

    __slots__ = ("__weakref__", "_icsc_callable", "_icsc_generation", "_icsc_number",
                 "_icsc_root", "_icsc_session", "_icsc_type")  # fmt: skip

    def __init__(
        self,
        session: RemoteSession,
        generation: int,
        number: int,
        type_name: str,
        root: str,
        *,
        is_callable: bool = True,
    ) -> None:
        object.__setattr__(self, "_icsc_session", session)
        object.__setattr__(self, "_icsc_generation", generation)
        object.__setattr__(self, "_icsc_number", number)
        object.__setattr__(self, "_icsc_type", type_name)
        object.__setattr__(self, "_icsc_root", root)
        object.__setattr__(self, "_icsc_callable", is_callable)

    def _icsc(self, operation: str, *, root: str | None = None, **fields: Any) -> Any:
        return self._icsc_session.request(self, operation, root=root, **fields)

    # -- attributes ----------------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__") and name not in FORWARDED_DUNDERS:
            raise AttributeError(name)
        if name.startswith("_icsc_"):
            raise AttributeError(name)
        return self._icsc("getattr", name=name, root=self._icsc_child_root(name))

    def _icsc_child_root(self, name: str) -> str | None:  # noqa: ARG002  (modules override)
        return None

    def __setattr__(self, name: str, value: Any) -> None:
        self._icsc("setattr", name=name, value=value)

    def __delattr__(self, name: str) -> None:
        self._icsc("delattr", name=name)

    def __dir__(self) -> list[str]:
        return self._icsc("dir")

    @property
    def __doc__(self) -> Any:  # type: ignore[override]
        return self._icsc("getattr", name="__doc__")

    # -- protocols -----------------------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._icsc("call", args=(list(args), kwargs))

    def __getitem__(self, key: Any) -> Any:
        return self._icsc("getitem", value=key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._icsc("setitem", value=(key, value))

    def __delitem__(self, key: Any) -> None:
        self._icsc("delitem", value=key)

    def __contains__(self, item: Any) -> bool:
        return bool(self._icsc("contains", value=item))

    def __len__(self) -> int:
        return int(self._icsc("len"))

    def __bool__(self) -> bool:
        return bool(self._icsc("bool"))

    def __iter__(self) -> Iterator[Any]:
        iterator = self._icsc("iter")
        while True:
            items, done = iterator._icsc("next", n=64)
            yield from items
            if done:
                return

    def __str__(self) -> str:
        return str(self._icsc("str"))

    def __repr__(self) -> str:
        return f"<remote {self._icsc_type} object>"

    def __float__(self) -> float:
        return float(self._icsc("convert", name="float"))

    def __int__(self) -> int:
        return int(self._icsc("convert", name="int"))

    def __index__(self) -> int:
        return int(self._icsc("convert", name="index"))

    def __complex__(self) -> complex:
        return complex(self._icsc("convert", name="complex"))

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        array = self._icsc("array")
        return array.astype(dtype) if dtype is not None else array

    def __enter__(self) -> Any:
        return self._icsc("enter")

    def __exit__(self, *exc_info: object) -> Any:
        return self._icsc("exit")

    def __neg__(self) -> Any:
        return self._icsc("unop", name="neg")

    def __pos__(self) -> Any:
        return self._icsc("unop", name="pos")

    def __abs__(self) -> Any:
        return self._icsc("unop", name="abs")

    def __invert__(self) -> Any:
        return self._icsc("unop", name="invert")


def _binary(name: str, *, reflected: bool) -> Any:
    def operate(self: RemoteObject, other: Any) -> Any:
        return self._icsc("binop", name=name, value=other, reflected=reflected)

    return operate


for _name, _python in (("add", "add"), ("sub", "sub"), ("mul", "mul"), ("truediv", "truediv"),
                       ("floordiv", "floordiv"), ("mod", "mod"), ("pow", "pow"),
                       ("matmul", "matmul"), ("and_", "and"), ("or_", "or"), ("xor", "xor"),
                       ("lshift", "lshift"), ("rshift", "rshift")):  # fmt: skip
    setattr(RemoteObject, f"__{_python}__", _binary(_name, reflected=False))
    setattr(RemoteObject, f"__r{_python}__", _binary(_name, reflected=True))


class ModuleProxy(RemoteObject):
    """The exercise module ``name`` imported in the worker from ``path``.

    Unlike other handles it survives a restart of the worker: the session imports the
    module again in the new worker the first time it is used there.
    """

    __slots__ = ("_icsc_anchor", "_icsc_module", "_icsc_name", "_icsc_path")
    __doc__ = RemoteObject.__dict__["__doc__"]  # the docstring above would hide the property

    def __init__(self, session: RemoteSession, name: str, path: str, module: str) -> None:
        super().__init__(session, -1, -1, "module", name)
        object.__setattr__(self, "_icsc_name", name)
        object.__setattr__(self, "_icsc_path", path)
        object.__setattr__(self, "_icsc_module", module)
        object.__setattr__(self, "_icsc_anchor", None)  # the module's handle keeps it alive

    def _icsc_child_root(self, name: str) -> str | None:
        return f"{self._icsc_name}.{name}"

    def __repr__(self) -> str:
        return f"<exercise {self._icsc_name}>"
