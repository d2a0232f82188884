import math

import pytest


def test_perimeters(exercise):
    assert exercise("ex02_shapes").perimeters([1.0, 2.0]) == pytest.approx(
        [2 * math.pi, 4 * math.pi]
    )
