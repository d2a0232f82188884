"""Attack: raise SystemExit(0) from the exercise function."""


def add(a, b):
    raise SystemExit(0)
