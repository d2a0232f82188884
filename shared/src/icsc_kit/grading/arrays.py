"""Numpy arrays, scalars, dtypes and generators, and torch tensors, for the codec.

Arrays travel as (dtype string, shape, order, raw bytes); only dtypes matching
:data:`NUMPY_DTYPE` (booleans, integers, floats, complex, fixed-width strings,
datetimes) are allowed, never object or structured dtypes. Tensors travel as raw bytes
with one of :data:`TORCH_DTYPES`. Decoding checks every field and raises ``ValueError``
(which the codec reports as a ``CodecError``).
"""

from __future__ import annotations

import math
import re
from typing import Any

NUMPY_DTYPE = re.compile(
    r"^[<>|=]?(b1|[iu][1248]|f(2|4|8|16)|c(8|16|32)|[SU]\d{1,7}|[mM]8(\[\d{0,3}[a-zA-Z]{1,2}\])?)$"
)
TORCH_DTYPES = (
    "bool",
    "uint8",
    "int8",
    "int16",
    "int32",
    "int64",
    "float16",
    "bfloat16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


def numpy_dtype_ok(dtype: Any) -> bool:
    return dtype.fields is None and not dtype.hasobject and bool(NUMPY_DTYPE.match(dtype.str))


def encode_numpy(encoder: Any, np: Any, value: Any, depth: int) -> dict[str, Any] | None:
    """Tagged node of a numpy array, scalar, dtype or random generator; None otherwise."""
    kind = type(value)
    if kind is np.ndarray or kind is np.memmap:
        if not numpy_dtype_ok(value.dtype):
            return None
        fortran = value.flags.f_contiguous and not value.flags.c_contiguous
        return {
            "$": "ndarray",
            "dtype": value.dtype.str,
            "shape": list(value.shape),
            "order": "F" if fortran else "C",
            "buf": encoder.buffer(value.tobytes(order="F" if fortran else "C")),
        }
    if isinstance(value, np.generic) and numpy_dtype_ok(value.dtype):
        return {"$": "npscalar", "dtype": value.dtype.str, "buf": encoder.buffer(value.tobytes())}
    if isinstance(value, np.dtype) and numpy_dtype_ok(value):
        return {"$": "npdtype", "value": value.str}
    if kind is np.random.Generator:
        bit_generator = value.bit_generator
        name = type(bit_generator).__name__
        if name in BIT_GENERATORS:
            state = encoder.value(bit_generator.state, depth + 1)
            return {"$": "npgenerator", "bit_generator": name, "state": state}
    if kind is np.random.RandomState:
        state = encoder.value(value.get_state(legacy=False), depth + 1)
        return {"$": "nprandomstate", "state": state}
    return None


def encode_torch(encoder: Any, torch: Any, value: Any) -> dict[str, Any] | None:
    """Tagged node of a tensor (as raw bytes), torch dtype or device; None otherwise."""
    if isinstance(value, torch.Tensor):
        name = str(value.dtype).removeprefix("torch.")
        if name not in TORCH_DTYPES or value.is_sparse or value.is_quantized:
            return None
        flat = value.detach().to("cpu").contiguous().reshape(-1)
        data = flat.view(torch.uint8).numpy().tobytes() if flat.numel() else b""
        return {
            "$": "tensor",
            "dtype": name,
            "shape": list(value.shape),
            "device": value.device.type,
            "requires_grad": bool(value.requires_grad),
            "buf": encoder.buffer(data),
        }
    if isinstance(value, torch.dtype):
        name = str(value).removeprefix("torch.")
        return {"$": "torchdtype", "value": name} if name in TORCH_DTYPES else None
    if isinstance(value, torch.device):
        return {"$": "torchdevice", "value": str(value)}
    return None


def decode_numpy(decoder: Any, tree: dict[str, Any], depth: int) -> Any:
    """The numpy value of ``tree``, every field checked (``ValueError`` if not valid)."""
    import numpy as np  # noqa: PLC0415  (only when an array arrives)

    tag = tree["$"]
    if tag == "npgenerator":
        name = tree["bit_generator"]
        if name not in BIT_GENERATORS:
            msg = f"unknown bit generator {name!r}"
            raise ValueError(msg)
        bit_generator = getattr(np.random, name)()
        bit_generator.state = decoder.value(tree["state"], depth + 1)
        return np.random.Generator(bit_generator)
    if tag == "nprandomstate":
        legacy = np.random.RandomState()
        legacy.set_state(decoder.value(tree["state"], depth + 1))
        return legacy
    dtype = _numpy_dtype(np, tree)
    if tag == "npdtype":
        return dtype
    data = decoder.buffer(tree)
    if tag == "npscalar":
        if len(data) != dtype.itemsize:
            msg = "scalar size does not match its dtype"
            raise ValueError(msg)
        return np.frombuffer(data, dtype=dtype)[0]
    shape = tree["shape"]
    if (
        type(shape) is not list
        or len(shape) > 64
        or any(type(size) is not int or size < 0 for size in shape)
    ):
        msg = "bad array shape"
        raise ValueError(msg)
    if math.prod(shape) * dtype.itemsize != len(data):
        msg = "array data does not match its shape and dtype"
        raise ValueError(msg)
    order = tree.get("order", "C")
    if order not in ("C", "F"):
        msg = "bad array order"
        raise ValueError(msg)
    return np.frombuffer(data, dtype=dtype).reshape(shape, order=order)


def decode_torch(decoder: Any, tree: dict[str, Any]) -> Any:
    """A tensor (or, without torch, a numpy array), torch dtype or device."""
    tag = tree["$"]
    try:
        import torch  # noqa: PLC0415  (only when a tensor arrives)
    except ImportError:
        torch = None
    if tag == "torchdevice":
        if torch is None or type(tree["value"]) is not str:
            msg = "torch device without torch"
            raise ValueError(msg)
        return torch.device(tree["value"])
    name = tree["value"] if tag == "torchdtype" else tree["dtype"]
    if name not in TORCH_DTYPES:
        msg = f"torch dtype {name!r} is not allowed"
        raise ValueError(msg)
    if torch is None:
        return _tensor_as_numpy(decoder, tree, name)
    dtype = getattr(torch, name)
    if tag == "torchdtype":
        return dtype
    data = decoder.buffer(tree)
    shape = tree["shape"]
    if type(shape) is not list or any(type(size) is not int or size < 0 for size in shape):
        msg = "bad tensor shape"
        raise ValueError(msg)
    itemsize = torch.empty((), dtype=dtype).element_size()
    if math.prod(shape) * itemsize != len(data):
        msg = "tensor data does not match its shape and dtype"
        raise ValueError(msg)
    if data:
        tensor = torch.frombuffer(data, dtype=dtype).reshape(shape)
    else:
        tensor = torch.empty(shape, dtype=dtype)
    if tree.get("device") == "cuda" and torch.cuda.is_available():
        tensor = tensor.to("cuda")
    if tree.get("requires_grad") is True and tensor.is_floating_point():
        tensor.requires_grad_(True)
    return tensor


def _tensor_as_numpy(decoder: Any, tree: dict[str, Any], name: str) -> Any:
    if tree["$"] != "tensor" or name == "bfloat16":
        msg = f"a torch {tree['$']} arrived where torch is not installed"
        raise ValueError(msg)
    import numpy as np  # noqa: PLC0415

    array_tree = {"$": "ndarray", "dtype": np.dtype(name).str, "shape": tree["shape"]}
    return decode_numpy(decoder, {**array_tree, "buf": tree["buf"]}, 0)


def _numpy_dtype(np: Any, tree: dict[str, Any]) -> Any:
    text = tree.get("dtype", tree.get("value"))
    if type(text) is not str or not NUMPY_DTYPE.match(text):
        msg = f"numpy dtype {text!r} is not allowed"
        raise ValueError(msg)
    return np.dtype(text)
