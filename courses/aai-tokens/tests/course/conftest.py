"""The library tests use the same fixtures (the running deployment, openssl, joserfc) as the public checks."""

from icsc_aai_tokens.checks.conftest import *
