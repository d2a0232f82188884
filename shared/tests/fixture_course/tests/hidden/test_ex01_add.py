import pytest


@pytest.mark.points(3)
def test_adds_negative(exercise):
    assert exercise("ex01_add").add(-2, -3) == -5


def test_rejects_strings(exercise):
    with pytest.raises(TypeError, match="integers"):
        exercise("ex01_add").add("2", 3)
