import math

import pytest


@pytest.mark.points(2)
def test_area(exercise):
    assert exercise("ex02_shapes").Circle(1.0).area() == pytest.approx(math.pi)
