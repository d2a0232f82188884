"""The iCSC course kit.

Course packages declare a :class:`Course` as ``COURSE`` in their top-level module and
register it under the entry-point group ``icsc.courses``; everything else in the kit
(stub generation, the pytest plugin, verification, grading, the student CLI) works from
that one object.
"""

from icsc_kit.course import Course, Exercise, GradingLimits

__version__ = "0.1.0"

__all__ = ["Course", "Exercise", "GradingLimits", "__version__"]
