"""Exercise ex02: methods, nested functions and several regions."""

import math


class Circle:
    """A circle of a given radius (metres)."""

    def __init__(self, radius: float) -> None:
        self.radius = radius

    def area(self) -> float:
        """Area in square metres."""
        # BEGIN SOLUTION
        # HINT: pi r squared.
        return math.pi * self.radius**2
        # END SOLUTION


def perimeters(radii: list[float]) -> list[float]:
    """Perimeter of each circle."""

    def one(radius: float) -> float:
        # BEGIN SOLUTION
        # HINT: two pi r.
        return 2 * math.pi * radius
        # END SOLUTION

    return [one(radius) for radius in radii]
