"""Attack: never return from the exercise function."""


def add(a, b):
    while True:
        pass
