"""Hidden tests use the same fixtures as the public checks."""

from icsc_dim_reduction.checks.conftest import *
