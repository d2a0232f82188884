"""Hidden tests of exercise 1: hot spots by inclusive time, filters, a real profile, bad input."""

import pytest

from icsc_perf_madgraph.checks.conftest import read_profile


def test_hot_spots_by_cumulative_time_break_ties_by_name(exercise, made_up_profile):
    ex = exercise("ex01_profile")
    spots = ex.hot_spots(made_up_profile, top=5, sort="cumtime")
    # generate 10, integrate 6, write_lhe 3, then matrix_element and phase_space_point tie at 2.5.
    assert [spot["function"] for spot in spots] == [
        "generate",
        "integrate",
        "write_lhe",
        "matrix_element",
        "phase_space_point",
    ]
    assert [spot["fraction"] for spot in spots] == pytest.approx([1.0, 0.6, 0.3, 0.25, 0.25])


def test_self_time_ties_sorted_by_name(exercise, made_up_profile):
    ex = exercise("ex01_profile")
    spots = ex.hot_spots(made_up_profile, top=7)
    assert [spot["function"] for spot in spots][4:] == ["__init__", "generate", "unweight"]


def test_min_fraction_filters(exercise, made_up_profile):
    ex = exercise("ex01_profile")
    spots = ex.hot_spots(made_up_profile, top=10, min_fraction=0.2)
    assert [spot["function"] for spot in spots] == [
        "write_lhe",
        "matrix_element",
        "phase_space_point",
    ]


@pytest.mark.points(2)
def test_hot_spots_of_a_real_profile_agree_with_pstats(exercise, generator_profile):
    ex = exercise("ex01_profile")
    spots = ex.hot_spots(generator_profile, top=6, sort="tottime")
    stats, total = read_profile(generator_profile)
    reference = sorted(
        stats.items(), key=lambda item: (-item[1][2], item[0][2], item[0][0], item[0][1])
    )[:6]
    assert [(s["function"], s["file"], s["line"]) for s in spots] == [
        (name, filename, line) for (filename, line, name), _ in reference
    ]
    assert [s["ncalls"] for s in spots] == [value[1] for _, value in reference]
    assert [s["fraction"] for s in spots] == pytest.approx(
        [value[2] / total for _, value in reference]
    )


def test_profile_generator_returns_the_path_and_profiles_only_generate(exercise, tmp_path):
    ex = exercise("ex01_profile")
    target = tmp_path / "only.prof"
    written = ex.profile_generator(target, n_events=50, seed=1)
    assert isinstance(written, str)
    assert written == str(target)
    stats, _ = read_profile(written)
    names = {name for (_, _, name) in stats}
    assert "generate" in names
    assert "profile_generator" not in names  # only the call to generate is profiled


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"top": 0}, ValueError, "top"),
        ({"min_fraction": 1.5}, ValueError, "min_fraction"),
    ],
)
def test_hot_spots_bad_arguments(exercise, made_up_profile, kwargs, error, match):
    ex = exercise("ex01_profile")
    with pytest.raises(error, match=match):
        ex.hot_spots(made_up_profile, **kwargs)


def test_hot_spots_missing_file(exercise, tmp_path):
    ex = exercise("ex01_profile")
    with pytest.raises(FileNotFoundError):
        ex.hot_spots(tmp_path / "absent.prof")


def test_profile_generator_bad_event_count(exercise, tmp_path):
    ex = exercise("ex01_profile")
    with pytest.raises(ValueError, match="n_events"):
        ex.profile_generator(tmp_path / "bad.prof", n_events=1)
