"""Attack: end the worker process in the middle of a call, with status 0."""

import os


def add(a, b):
    os._exit(0)
