"""A toy course for the kit's tests."""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="toy",
    title="Toy course",
    presenters=("Test Presenter",),
    lecture_hours=1,
    exercise_hours=1,
    package=__name__,
    exercises=(
        Exercise("ex01_add", "Add two numbers", minutes=5),
        Exercise("ex02_shapes", "Methods, nesting and several regions", minutes=10),
    ),
)
