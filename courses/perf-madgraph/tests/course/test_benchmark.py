"""The benchmark runs end to end in its quick mode (validators included)."""

import subprocess
import sys

from icsc_perf_madgraph import COURSE


def test_benchmark_quick_mode():
    script = COURSE.benchmarks_dir / "bench_generator.py"
    result = subprocess.run(
        [sys.executable, str(script), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| naive (baseline) |" in result.stdout
    assert "| vectorised + VEGAS (ex03) |" in result.stdout
    assert "Karp-Flatt" in result.stdout
