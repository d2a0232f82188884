"""Modern I/O and Storage Systems for Scientific Computing (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the hands-on notebook (``notebooks/``)
and one library module, :mod:`icsc_io_storage.iocount`, with a read-counting file opener
and a generator of the binary event files the exercises read.
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="io-storage",
    title="Modern I/O and Storage Systems for Scientific Computing",
    presenters=("Gianmaria Del Monte",),
    lecture_hours=2,
    exercise_hours=1,
    package=__name__,
    summary=(
        "The Linux I/O stack, buffered, direct and memory-mapped reads, diagnosing I/O "
        "with system tools, and fixing the access patterns of analysis code."
    ),
    exercises=(
        Exercise("ex01_readers", "Buffered, O_DIRECT and mmap readers with checksums", 25),
        Exercise("ex02_io_patterns", "Diagnose and fix tiny unbuffered reads", 20),
        Exercise("ex03_uproot", "Needed branches only, chunked, with uproot", 15),
        Exercise("ex04_remote", "Vector and parallel HTTP range reads", 15, optional=True),
        Exercise("ex05_uring", "A durable batched append store on io_uring", 15, optional=True),
    ),
)

__all__ = ["COURSE"]
