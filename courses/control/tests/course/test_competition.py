"""The competition scorer: ranking, CSV, and robustness against hostile submissions."""

import csv
import json
import textwrap

import pytest

from icsc_control.competition import CSV_COLUMNS, load_plants, main
from icsc_control.plant import PlantConfig

GOOD = """
def make_controller(dt):
    gains = (-3.16, -4.46, -40.1, -10.28)  # an LQR gain of the nominal cart-pole
    def controller(observation, setpoint):
        error = (observation[0] - setpoint, observation[1], observation[2], observation[3])
        return -sum(k * e for k, e in zip(gains, error))
    return controller
"""
SOFT = GOOD.replace("(-3.16, -4.46, -40.1, -10.28)", "(-1.0, -2.32, -32.16, -8.21)")
SUBMISSIONS = {
    "good": GOOD,
    "soft": SOFT,
    "crash": "def make_controller(dt):\n    raise RuntimeError('boom')\n",
    "liar": "import sys\nprint('rank 1')\ndef make_controller(dt):\n"
    "    def c(o, r):\n        print('score 1e9'); sys.exit(0)\n    return c\n",
    "slow": "import time\ndef make_controller(dt):\n"
    "    def c(o, r):\n        time.sleep(5); return 0.0\n    return c\n",
    "garbage": "def make_controller(dt):\n    return lambda o, r: float('nan')\n",
}


@pytest.fixture
def plants_file(tmp_path):
    path = tmp_path / "plants.json"
    plants = [{"seed": 3, "config": PlantConfig.hardware_like(77).as_dict()}]
    path.write_text(json.dumps({"plants": plants}))
    return path


def test_leaderboard_ranks_good_entries_first_and_survives_hostile_ones(
    tmp_path, plants_file, capsys
):
    paths = []
    for name, source in SUBMISSIONS.items():
        path = tmp_path / f"{name}.py"
        path.write_text(textwrap.dedent(source))
        paths.append(str(path))
    out = tmp_path / "board.csv"
    assert (
        main([*paths, "--plants", str(plants_file), "--out", str(out), "--step-timeout", "0.5"])
        == 0
    )
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    teams = [row["team"] for row in rows]
    assert set(teams[:2]) == {"good", "soft"}
    assert float(rows[0]["upright_time_s"]) == pytest.approx(15.0)
    assert float(rows[0]["rms_position_m"]) <= float(rows[1]["rms_position_m"])
    by_team = {row["team"]: row for row in rows}
    for team in ("crash", "liar", "slow", "garbage"):
        assert float(by_team[team]["upright_time_s"]) < 1.0
        assert by_team[team]["status"] != "ok"
    assert "SystemExit" in by_team["liar"]["status"]
    assert "no answer" in by_team["slow"]["status"]
    printed = capsys.readouterr().out
    assert "rank 1" not in printed.splitlines()[0]
    assert "good" in printed


def test_workspace_folder_is_accepted(tmp_path, plants_file):
    workspace = tmp_path / "team-ada" / "exercises"
    workspace.mkdir(parents=True)
    (workspace / "ex06_competition.py").write_text(GOOD)
    out = tmp_path / "board.csv"
    assert main([str(workspace.parent), "--plants", str(plants_file), "--out", str(out)]) == 0
    assert "team-ada" in out.read_text()


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main([str(tmp_path / "missing.py")]) == 2
    bad = tmp_path / "plants.json"
    bad.write_text('{"plants": [{"config": {"mass": 1}}]}')
    good = tmp_path / "a.py"
    good.write_text(GOOD)
    assert main([str(good), "--plants", str(bad)]) == 2
    assert "unknown plant config keys" in capsys.readouterr().err


def test_practice_plants_are_the_default():
    plants = load_plants(None)
    assert len(plants) == 5
    assert plants[0].config == PlantConfig.hardware_like(1000)
