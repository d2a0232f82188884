"""Course READMEs get their slot table from the programme, never by hand."""

from types import SimpleNamespace

import pytest

from icsc_schedule import readmes
from icsc_schedule.loader import load_programme
from icsc_schedule.markdown import SLOTS_BEGIN, SLOTS_END


@pytest.fixture
def numba_checkout(tmp_path, monkeypatch):
    """A fake checked-out numba course whose README has an empty slots block."""
    (tmp_path / "README.md").write_text(f"# numba\n\n{SLOTS_BEGIN}\n{SLOTS_END}\n\nmore\n")
    course = SimpleNamespace(source_root=tmp_path)
    monkeypatch.setattr(readmes, "installed_courses", lambda: {"numba": course})
    return tmp_path / "README.md"


def test_check_reports_a_stale_block_and_write_fills_it(numba_checkout):
    """Is an empty block stale, and does writing put the Tuesday 09:00 lecture in it?"""
    programme = load_programme(None)
    assert [s.state for s in readmes.sync_readmes(programme, check=True)] == ["stale"]
    assert [s.state for s in readmes.sync_readmes(programme, check=False)] == ["updated"]
    text = numba_checkout.read_text()
    assert "09:00" in text
    assert text.endswith("more\n")
    assert [s.state for s in readmes.sync_readmes(programme, check=True)] == ["ok"]


def test_readme_without_block_is_broken(numba_checkout):
    """Is a README without the markers reported, not silently skipped?"""
    numba_checkout.write_text("# numba\n")
    (status,) = readmes.sync_readmes(load_programme(None), check=True)
    assert status.state == "broken"
    assert "exactly one" in status.detail
