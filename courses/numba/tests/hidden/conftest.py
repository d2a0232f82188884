"""Hidden tests use the same fixtures (and CUDA back-end choice) as the public checks."""

from icsc_numba.checks.conftest import *
