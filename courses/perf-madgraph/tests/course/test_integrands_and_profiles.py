"""Test integrands integrate to what they claim; made-up profiles read back through pstats."""

import pstats

import numpy as np
import pytest

from icsc_perf_madgraph import integrands
from icsc_perf_madgraph.profiles import FunctionTiming, function_label, write_profile


def _midpoints(n):
    return ((np.arange(n) + 0.5) / n)[:, None]


def test_one_dimensional_integrals_by_quadrature():
    x = _midpoints(400_000)
    assert integrands.gaussian_peak(x, 0.3, 0.02).mean() == pytest.approx(
        integrands.gaussian_peak_integral(1, 0.3, 0.02), rel=1e-8
    )
    assert integrands.breit_wigner(x).mean() == pytest.approx(
        integrands.breit_wigner_integral(), rel=1e-8
    )


def test_gaussian_peak_is_a_product():
    x = np.array([[0.5, 0.5], [0.45, 0.6]])
    one = integrands.gaussian_peak(x[:, :1]) * integrands.gaussian_peak(x[:, 1:])
    np.testing.assert_allclose(integrands.gaussian_peak(x), one)


def test_integrands_refuse_wrong_shapes():
    with pytest.raises(ValueError, match="shape"):
        integrands.gaussian_peak(np.zeros(5))
    with pytest.raises(ValueError, match=r"\(n, 1\)"):
        integrands.breit_wigner(np.zeros((5, 2)))


def test_made_up_profile_reads_back(tmp_path):
    functions = [
        FunctionTiming("main", 1, 1.0, 4.0, ()),
        FunctionTiming("work", 10, 3.0, 3.0, ("main",), "work.py", 7),
    ]
    path = write_profile(tmp_path / "p.prof", functions)
    stats = pstats.Stats(str(path))
    assert stats.total_tt == pytest.approx(4.0)
    assert stats.total_calls == 11
    assert stats.stats[("work.py", 7, "work")][:4] == (10, 10, 3.0, 3.0)
    callers = stats.stats[("work.py", 7, "work")][4]
    assert list(callers) == [("generator.py", 0, "main")]


def test_function_label():
    assert function_label(("work.py", 7, "work")) == "work.py:7(work)"
    assert (
        function_label(("~", 0, "<built-in method math.sqrt>")) == "{<built-in method math.sqrt>}"
    )


@pytest.mark.parametrize(
    ("functions", "match"),
    [
        ([FunctionTiming("a", 1, 2.0, 1.0)], "tottime"),
        ([FunctionTiming("a", 1, 1.0, 1.0, ("b",))], "caller"),
        ([FunctionTiming("a", 1, 1.0, 1.0), FunctionTiming("a", 1, 1.0, 1.0)], "unique"),
    ],
    ids=["cumtime-below-tottime", "unknown-caller", "duplicate"],
)
def test_bad_profiles(tmp_path, functions, match):
    with pytest.raises(ValueError, match=match):
        write_profile(tmp_path / "bad.prof", functions)
