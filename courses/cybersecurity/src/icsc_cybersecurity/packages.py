"""Tiny but real Python distributions, hash-pinned requirement files, popular names.

:func:`build_wheel` writes a valid pure-Python wheel (``METADATA``, ``WHEEL`` and a
``RECORD`` with digests, as the binary distribution format specifies) and
:func:`build_sdist` a source archive; both are byte-for-byte reproducible (fixed
timestamps, sorted members, fixed permissions), so their SHA-256 digests are the same
on every machine, as they must be for hash pinning to work at all.

:func:`make_artifact_folder` builds the exercise-3 scenario: a folder of downloaded
artifacts and the requirements file that is supposed to describe them, with the usual
problems planted (a tampered wheel, a wrong version, an unpinned and an unhashed
requirement, a typo-squatted name whose hash matches perfectly, an unrequested file).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import re
import tarfile
import zipfile
from importlib import resources
from pathlib import Path

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_TAR_TIME = 315532800  # 1980-01-01T00:00:00Z, the earliest time a zip can store


def popular_packages() -> list[str]:
    """The course's list of widely used distribution names (normalised), in list order."""
    text = resources.files("icsc_cybersecurity").joinpath("data/popular-packages.txt").read_text()
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _escape(name: str) -> str:
    """A distribution name as it appears in wheel and sdist file names (PEP 427 / PEP 625)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def build_wheel(folder: str | Path, name: str, version: str, *, payload: str = "") -> Path:
    """Write ``{name}-{version}-py3-none-any.whl`` into ``folder``; return its path.

    The wheel holds one module (``{name}/__init__.py`` with ``payload`` appended to a
    version line) and a complete ``.dist-info``. The same arguments give the same bytes.
    """
    escaped = _escape(name)
    dist_info = f"{escaped}-{version}.dist-info"
    files = {
        f"{escaped}/__init__.py": f'__version__ = "{version}"\n{payload}'.encode(),
        f"{dist_info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
            f"Summary: iCSC 2026 demonstration package\n"
        ).encode(),
        f"{dist_info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: icsc-cybersecurity\nRoot-Is-Purelib: true\n"
            b"Tag: py3-none-any\n"
        ),
    }
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files.items())
    files[f"{dist_info}/RECORD"] = (record + f"{dist_info}/RECORD,,\n").encode()
    target = Path(folder) / f"{escaped}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w") as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=FIXED_ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return target


def build_sdist(folder: str | Path, name: str, version: str) -> Path:
    """Write ``{name}-{version}.tar.gz`` (a minimal source distribution); return its path."""
    escaped = _escape(name)
    top = f"{escaped}-{version}"
    files = {
        f"{top}/PKG-INFO": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode(),
        f"{top}/pyproject.toml": (
            f'[project]\nname = "{name}"\nversion = "{version}"\n'
            '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
        ).encode(),
        f"{top}/{escaped}/__init__.py": f'__version__ = "{version}"\n'.encode(),
    }
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path, data in files.items():
            info = tarfile.TarInfo(path)
            info.size, info.mtime, info.mode = len(data), FIXED_TAR_TIME, 0o644
            info.uname = info.gname = "root"
            archive.addfile(info, io.BytesIO(data))
    target = Path(folder) / f"{top}.tar.gz"
    target.write_bytes(gzip.compress(raw.getvalue(), compresslevel=9, mtime=0))
    return target


def sha256_of(path: str | Path) -> str:
    """SHA-256 hex digest of a file (what pip's ``--hash=sha256:`` pins)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def make_artifact_folder(folder: str | Path) -> dict[str, object]:
    """Build the exercise-3 scenario in ``folder`` (created); return what was planted.

    Returns ``{"requirements": text, "artifacts": [file names]}``; the requirements are
    also written to ``folder/requirements.txt``.
    """
    base = Path(folder)
    base.mkdir(parents=True, exist_ok=True)
    staging = base / ".genuine"
    staging.mkdir()
    numpy = build_wheel(base, "numpy", "2.1.0")
    requests_whl = build_wheel(base, "requests", "2.32.3")
    requests_sdist = build_sdist(base, "requests", "2.32.3")
    scipy_pinned = build_wheel(staging, "scipy", "1.14.1")
    build_wheel(base, "scipy", "1.13.0")
    genuine_mpl = build_wheel(staging, "matplotlib", "3.9.2")
    build_wheel(base, "matplotlib", "3.9.2", payload="import os  # exfiltrate os.environ\n")
    squat = build_wheel(base, "reqeusts", "2.32.3", payload="# not the real requests\n")
    sklearn = build_wheel(base, "scikit-learn", "1.5.2")
    build_wheel(base, "pandas", "2.2.2")
    build_wheel(base, "astropy", "6.1.0")
    build_wheel(base, "leftpad", "1.0.0")
    (base / "notes.txt").write_text("downloaded on the login node, 2026-03-18\n")
    iminuit_hash = hashlib.sha256(b"iminuit 2.28.0 wheel that was never downloaded").hexdigest()
    requirements = (
        "# requirements.txt for the analysis (generated, then edited by hand)\n"
        f"numpy==2.1.0 --hash=sha256:{sha256_of(numpy)}\n"
        "requests==2.32.3 \\\n"
        f"    --hash=sha256:{sha256_of(requests_whl)} \\\n"
        f"    --hash=sha256:{sha256_of(requests_sdist)}\n"
        f"scipy==1.14.1 --hash=sha256:{sha256_of(scipy_pinned)}\n"
        f"matplotlib==3.9.2 --hash=sha256:{sha256_of(genuine_mpl)}\n"
        "pandas>=2.0  # TODO pin before the paper\n"
        "astropy==6.1.0\n"
        f"reqeusts==2.32.3 --hash=sha256:{sha256_of(squat)}\n"
        f"Scikit_Learn==1.5.2 --hash=sha256:{sha256_of(sklearn)}\n"
        f'iminuit==2.28.0 ; python_version >= "3.9" --hash=sha256:{iminuit_hash}\n'
    )
    for path in staging.iterdir():
        path.unlink()
    staging.rmdir()
    (base / "requirements.txt").write_text(requirements)
    artifacts = sorted(p.name for p in base.iterdir() if p.name != "requirements.txt")
    return {"requirements": requirements, "artifacts": artifacts}
