"""Hidden tests use the same fixtures as the public checks."""

from icsc_scaling_laws.checks.conftest import *
