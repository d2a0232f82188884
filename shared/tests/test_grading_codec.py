"""The grading channel: values through the codec, frames through the wire, never pickle."""

import collections
import datetime as dt
import decimal
import fractions
import math
import os
import pathlib
import random
import time

import pytest

from icsc_kit.grading import codec
from icsc_kit.grading.references import merge_into, trusted_reference
from icsc_kit.grading.wire import Connection, WireClosed, WireError, WireLimits, WireTimeout


def roundtrip(value):
    tree, buffers = codec.encode(value, codec.refuse)
    return codec.decode(tree, [bytearray(b) for b in buffers], lambda node: node)


PLAIN = [
    None,
    True,
    0,
    -(10**30),
    1.5,
    "ünïcode",
    b"\x00\xff",
    bytearray(b"ab"),
    [1, [2, [3]]],
    (1, (2, "x")),
    {"a": 1, 2: "b", (3, 4): [5]},
    collections.OrderedDict(b=1, a=2),
    collections.Counter("hello"),
    {1, 2, 3},
    frozenset({"x"}),
    collections.deque([1, 2], maxlen=5),
    3 + 4j,
    decimal.Decimal("1.10"),
    fractions.Fraction(3, 7),
    dt.datetime(2026, 3, 19, 9, 0, tzinfo=dt.UTC),
    dt.date(2026, 3, 19),
    dt.timedelta(days=1, seconds=2, microseconds=3),
    range(1, 10, 2),
    slice(1, None, 2),
    Ellipsis,
    pathlib.Path("/tmp/x.txt"),
    pathlib.PurePosixPath("a/b"),
]


@pytest.mark.parametrize("value", PLAIN, ids=lambda v: f"{type(v).__name__}-{v!r:.12}")
def test_plain_values_round_trip_with_their_type(value):
    """Does every plain value come back equal and of the same type?"""
    back = roundtrip(value)
    assert back == value
    assert type(back) is type(value)


def test_special_floats_round_trip():
    """Do NaN, infinities and -0.0 survive?"""
    nan, inf, neg, zero = roundtrip([math.nan, math.inf, -math.inf, -0.0])
    assert math.isnan(nan)
    assert (inf, neg) == (math.inf, -math.inf)
    assert math.copysign(1, zero) == -1


def test_defaultdict_keeps_a_builtin_factory():
    """Does a defaultdict(list) come back with its factory?"""
    back = roundtrip(collections.defaultdict(list, {"a": [1]}))
    assert back["missing"] == []


def test_python_random_state_travels():
    """Does a random.Random come back in the same state?"""
    generator = random.Random(5)
    generator.random()
    back = roundtrip(generator)
    assert back.random() == generator.random()


def test_unknown_objects_go_to_the_fallback():
    """Is a non-plain object handed to the side's fallback, not pickled?"""

    class Opaque:
        pass

    with pytest.raises(TypeError, match="Opaque is not plain data"):
        codec.encode([Opaque()], codec.refuse)
    tree, _ = codec.encode([Opaque()], lambda _: {"$": "handle", "id": 7})
    assert tree == [{"$": "handle", "id": 7}]


def test_a_cycle_goes_to_the_fallback():
    """Does a self-containing list end in the fallback instead of recursing forever?"""
    loop = []
    loop.append(loop)
    tree, _ = codec.encode(loop, lambda _: {"$": "handle", "id": 1})
    assert tree == [{"$": "handle", "id": 1}]


@pytest.mark.parametrize(
    "tree",
    [
        {"no": "tag"},
        {"$": "bytes", "buf": 3},
        {"$": "dict", "kind": "evil", "items": []},
        {"$": "dict", "items": [[1]]},
        {"$": "range", "items": [1, "x", 2]},
        {"$": "defaultdict", "items": []},
        {"$": "dict", "kind": "defaultdict", "factory": "os.system", "items": []},
        {"$": "exc", "types": "builtins.ValueError", "message": "x"},
        {"$": "path", "value": 3},
    ],
    ids=lambda tree: str(tree)[:40],
)
def test_malformed_trees_raise_codec_error(tree):
    """Is a hostile or corrupt tree refused with CodecError, and nothing resolved?"""

    def resolve(node):
        msg = f"refused {node}"
        raise codec.CodecError(msg)

    with pytest.raises(codec.CodecError):
        codec.decode(tree, [], resolve)


def test_student_exception_comes_back_as_nearest_builtin():
    """Does a ValueError subclass come back as ValueError with the same message?"""

    class BadShape(ValueError):
        pass

    tree, _ = codec.encode(BadShape("coordinates must match"), codec.refuse)
    error = codec.exception_from(tree)
    assert type(error) is ValueError
    with pytest.raises(ValueError, match="coordinates must match"):
        raise error


def test_oserror_keeps_its_subclass_and_message():
    """Does OSError(errno, text) keep FileNotFoundError and its message?"""
    original = FileNotFoundError(2, "No such file or directory")
    error = codec.exception_from(codec.encode(original, codec.refuse)[0])
    assert type(error) is FileNotFoundError
    assert str(error) == str(original)


@pytest.mark.parametrize("raised", [SystemExit(0), KeyboardInterrupt(), GeneratorExit()])
def test_exits_come_back_as_aborts(raised):
    """Is a SystemExit from the worker never re-raised as a SystemExit here?"""
    error = codec.exception_from(codec.encode(raised, codec.refuse)[0])
    assert isinstance(error, codec.AbortedByException)
    assert type(raised).__name__ in str(error)


def test_numpy_arrays_and_scalars_round_trip():
    """Do arrays keep dtype, shape, order and values; scalars their numpy type?"""
    np = pytest.importorskip("numpy")
    array = np.arange(12, dtype=np.int16).reshape(3, 4)
    fortran = np.asfortranarray(np.linspace(0, 1, 6).reshape(2, 3))
    back = roundtrip([array, fortran, np.float32(1.5), np.dtype("<M8[ns]"), np.array(["ab", "c"])])
    np.testing.assert_array_equal(back[0], array)
    assert back[0].dtype == np.int16
    assert back[0].flags.writeable
    assert back[1].flags.f_contiguous
    np.testing.assert_array_equal(back[1], fortran)
    assert type(back[2]) is np.float32
    assert back[3] == np.dtype("<M8[ns]")
    assert back[4].tolist() == ["ab", "c"]


def test_numpy_object_arrays_never_travel_by_value():
    """Is an object array handed to the fallback (it could hold anything)?"""
    np = pytest.importorskip("numpy")
    with pytest.raises(TypeError, match="not plain data"):
        codec.encode(np.array([object()], dtype=object), codec.refuse)


@pytest.mark.parametrize("dtype", ["|O", "V8", "<f8,<i4", "|O8"])
def test_numpy_dtypes_outside_the_whitelist_are_refused(dtype):
    """Is an array claiming an object or void dtype refused on decoding?"""
    pytest.importorskip("numpy")
    tree = {"$": "ndarray", "dtype": dtype, "shape": [1], "buf": 0}
    with pytest.raises(codec.CodecError, match="not allowed"):
        codec.decode(tree, [bytearray(8)], lambda node: node)


def test_numpy_data_must_match_its_shape():
    """Is an array whose bytes do not fit its shape refused?"""
    pytest.importorskip("numpy")
    tree = {"$": "ndarray", "dtype": "<f8", "shape": [1000, 1000], "buf": 0}
    with pytest.raises(codec.CodecError, match="does not match"):
        codec.decode(tree, [bytearray(8)], lambda node: node)


def test_numpy_generator_state_round_trips():
    """Does a Generator come back producing the same numbers?"""
    np = pytest.importorskip("numpy")
    generator = np.random.default_rng(3)
    back = roundtrip(generator)
    assert back.random() == generator.random()


def test_write_back_updates_arrays_lists_and_generators_in_place():
    """Does merge_into change the original objects, keeping their identity?"""
    np = pytest.importorskip("numpy")
    array, items, rng = np.zeros(3), [1, [2]], np.random.default_rng(1)
    moved = np.random.default_rng(1)
    moved.random()
    assert merge_into(array, np.ones(3)) is array
    assert merge_into(items, [1, [2, 3]]) is items
    assert merge_into(rng, moved) is rng
    assert array.tolist() == [1.0, 1.0, 1.0]
    assert items == [1, [2, 3]]
    assert rng.random() == moved.random()


def test_importable_functions_travel_by_name_and_closures_do_not():
    """Do len and math.sqrt go by name, a local function not?"""

    def local(x):
        return x

    assert trusted_reference(len, []) == {"$": "ref", "module": "builtins", "qualname": "len"}
    assert trusted_reference(math.sqrt, [])["qualname"] == "sqrt"
    assert trusted_reference(local, []) is None
    assert trusted_reference(lambda: 0, []) is None


# -- wire --------------------------------------------------------------------------------
@pytest.fixture
def pipe_pair():
    """Two connected Connections (a -> b and b -> a), closed afterwards."""
    ab, ba = os.pipe(), os.pipe()
    a = Connection(ba[0], ab[1], nonblocking=True)
    b = Connection(ab[0], ba[1], WireLimits(max_header_bytes=1000, max_buffers_bytes=100))
    yield a, b
    a.close()
    b.close()


def test_frames_carry_header_and_buffers(pipe_pair):
    """Does a frame arrive whole, buffers included?"""
    a, b = pipe_pair
    a.send({"op": "x", "n": [1, 2]}, [b"abc", b""])
    header, buffers = b.recv()
    assert header == {"op": "x", "n": [1, 2]}
    assert buffers == [bytearray(b"abc"), bytearray()]


def test_oversized_frames_are_refused_before_reading(pipe_pair):
    """Is a frame bigger than the reader's limits refused?"""
    a, b = pipe_pair
    a.send({"data": "x" * 2000}, [])
    with pytest.raises(WireError, match="larger than allowed"):
        b.recv()


def test_too_many_buffer_bytes_are_refused(pipe_pair):
    """Are buffers over the limit refused?"""
    a, b = pipe_pair
    a.send({}, [b"x" * 60, b"y" * 60])
    with pytest.raises(WireError, match="buffers larger"):
        b.recv()


def test_garbage_is_a_wire_error(pipe_pair):
    """Is a stream that is not our frames refused?"""
    _, b = pipe_pair
    os.write(pipe_pair[0].write_fd, b"GARBAGE-GARBAGE-GARBAGE")
    with pytest.raises(WireError, match="bad frame marker"):
        b.recv()


def test_reading_times_out_and_notices_a_closed_peer(pipe_pair):
    """Does recv honour its deadline, and report a closed channel?"""
    a, b = pipe_pair
    started = time.monotonic()
    with pytest.raises(WireTimeout):
        a.recv(deadline=time.monotonic() + 0.2)
    assert time.monotonic() - started < 2
    os.close(b.write_fd)
    with pytest.raises(WireClosed):
        a.recv(deadline=time.monotonic() + 2)


def test_enum_members_from_imported_modules_come_home():
    """Does an enum member the worker returns become the trusted member, and nothing else?"""
    import http  # noqa: PLC0415  (an enum of the standard library)

    from icsc_kit.grading.session import _enum_member  # noqa: PLC0415

    assert (
        _enum_member({"module": "http", "qualname": "HTTPStatus", "name": "OK"})
        is http.HTTPStatus.OK
    )
    assert _enum_member({"module": "os", "qualname": "system", "name": "x"}) is None
    assert _enum_member({"module": "not.imported", "qualname": "X", "name": "Y"}) is None
