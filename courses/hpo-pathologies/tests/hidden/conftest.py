"""Hidden tests use the public fixtures and helpers."""

from icsc_hpo_pathologies.checks.conftest import *
