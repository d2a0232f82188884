"""Hidden tests use the same fixtures (made-up and real profiles, KS statistic) as the public checks."""

from icsc_perf_madgraph.checks.conftest import *
