"""The ex01_add.py that travels with the conftest.py attack: it does nothing right."""


def add(a, b):
    raise NotImplementedError
