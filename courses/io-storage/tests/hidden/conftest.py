"""Hidden tests use the same fixtures as the public checks."""

from icsc_io_storage.checks.conftest import *
