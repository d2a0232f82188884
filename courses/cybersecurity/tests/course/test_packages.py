"""Course wheels and sdists are valid and reproducible; the scenario plants what it says."""

import base64
import csv
import hashlib
import io
import tarfile
import zipfile

from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

from icsc_cybersecurity import packages


def test_wheels_are_reproducible_and_valid(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = packages.build_wheel(tmp_path / "a", "Demo_Pkg", "1.0")
    second = packages.build_wheel(tmp_path / "b", "Demo_Pkg", "1.0")
    assert first.read_bytes() == second.read_bytes()
    name, version, _, _ = parse_wheel_filename(first.name)
    assert (name, str(version)) == ("demo-pkg", "1.0")
    with zipfile.ZipFile(first) as wheel:
        record = wheel.read("demo_pkg-1.0.dist-info/RECORD").decode()
        for path, digest, size in csv.reader(io.StringIO(record)):
            if digest:
                data = wheel.read(path)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                assert digest == "sha256=" + expected.decode()
                assert int(size) == len(data)
        assert "Name: Demo_Pkg" in wheel.read("demo_pkg-1.0.dist-info/METADATA").decode()


def test_sdists_are_reproducible(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = packages.build_sdist(tmp_path / "a", "six", "1.16.0")
    assert first.read_bytes() == packages.build_sdist(tmp_path / "b", "six", "1.16.0").read_bytes()
    assert parse_sdist_filename(first.name)[0] == "six"
    with tarfile.open(first) as sdist:
        assert "six-1.16.0/PKG-INFO" in sdist.getnames()


def test_popular_names_are_normalised_and_unique():
    names = packages.popular_packages()
    assert len(names) == len(set(names)) > 150
    assert all(canonicalize_name(n) == n for n in names)
    assert {"numpy", "requests", "scikit-learn", "uproot"} <= set(names)


def test_scenario_plants_a_tampered_wheel_and_a_typosquat(tmp_path):
    scenario = packages.make_artifact_folder(tmp_path / "s")
    text = scenario["requirements"]
    folder = tmp_path / "s"
    assert (folder / "requirements.txt").read_text() == text
    tampered = hashlib.sha256(
        (folder / "matplotlib-3.9.2-py3-none-any.whl").read_bytes()
    ).hexdigest()
    squat = hashlib.sha256((folder / "reqeusts-2.32.3-py3-none-any.whl").read_bytes()).hexdigest()
    assert tampered not in text
    assert squat in text
    assert not (folder / ".genuine").exists()
    assert "requirements.txt" not in scenario["artifacts"]
