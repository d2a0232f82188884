def test_adds(exercise):
    assert exercise("ex01_add").add(2, 3) == 5
