"""Public checks of exercise 1: profiling the slow generator, reading hot spots."""

import pytest

from icsc_perf_madgraph.checks.conftest import calls_by_name


@pytest.mark.points(2)
def test_hot_spots_of_a_made_up_profile_by_self_time(exercise, made_up_profile):
    ex = exercise("ex01_profile")
    spots = ex.hot_spots(made_up_profile, top=4, sort="tottime")
    # Made-up profile: total 10 s; self times 3.0, 2.5, 2.0, 1.0 s lead.
    assert [spot["function"] for spot in spots] == [
        "write_lhe",
        "matrix_element",
        "phase_space_point",
        "integrate",
    ]
    assert [spot["fraction"] for spot in spots] == pytest.approx([0.3, 0.25, 0.2, 0.1])
    assert spots[1]["ncalls"] == 1000
    assert spots[1]["file"] == "generator.py"
    assert spots[1]["line"] == 40
    assert spots[1]["cumtime"] == pytest.approx(2.5)


@pytest.mark.points(2)
def test_profile_generator_records_every_call(exercise, tmp_path):
    ex = exercise("ex01_profile")
    written = ex.profile_generator(tmp_path / "run.prof", n_events=300, seed=3)
    # cProfile counts calls exactly: one phase-space point and one matrix element per event.
    calls = calls_by_name(written, "naive.py")
    assert calls["generate"] == 1
    assert calls["phase_space_point"] == 300
    assert calls["matrix_element"] == 300
    assert calls["write_lhe"] == 1


def test_hot_spots_refuses_an_unknown_sort_key(exercise, made_up_profile):
    ex = exercise("ex01_profile")
    with pytest.raises(ValueError, match="sort"):
        ex.hot_spots(made_up_profile, sort="ncalls")
