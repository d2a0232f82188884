"""Exercise ex01: add two integers."""


def add(a: int, b: int) -> int:
    """Return a + b; TypeError for non-integers."""
    # BEGIN SOLUTION
    # HINT: check the types first, then use +.
    if not isinstance(a, int) or not isinstance(b, int):
        msg = "add takes two integers"
        raise TypeError(msg)
    return a + b
    # END SOLUTION
