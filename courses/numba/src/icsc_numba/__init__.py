"""Speed Without The Pain: Accelerating Python With Numba (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the hands-on notebook (``notebooks/``)
and one library module, :mod:`icsc_numba.workloads`, with the reference kernels the
exercises and benchmarks time.
"""

from icsc_kit import Course, Exercise, GradingLimits

COURSE = Course(
    slug="numba",
    title="Speed Without The Pain: Accelerating Python With Numba",
    presenters=("Kiran Jonathan",),
    lecture_hours=2,
    exercise_hours=1,
    package=__name__,
    summary=(
        "Why pure Python is slow, NumPy first, then @njit, prange and (optionally) "
        "numba CUDA for the loops NumPy cannot express."
    ),
    # numba compiles every kernel in the grading worker (seconds each on a busy machine),
    # and prange starts one thread per core, which RLIMIT_NPROC counts.
    limits=GradingLimits(timeout_s=240.0, cpu_seconds=480, processes=512),
    exercises=(
        Exercise("ex01_benchmark", "A benchmarking helper that separates compilation", 10),
        Exercise("ex02_vectorise", "Vector operations with NumPy", 10),
        Exercise("ex03_ising", "A 2D Ising Metropolis sweep with @njit", 20),
        Exercise("ex04_mandelbrot", "Mandelbrot escape time with prange", 15),
        Exercise("ex05_cuda", "A numba CUDA kernel (simulator or GPU)", 15, optional=True),
    ),
)

__all__ = ["COURSE"]
