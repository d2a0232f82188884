"""Hidden tests use the same fixtures and references as the public checks."""

from icsc_cybersecurity.checks.conftest import *
