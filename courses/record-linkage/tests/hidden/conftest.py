"""Hidden tests use the same fixtures as the public checks."""

from icsc_record_linkage.checks.conftest import *
