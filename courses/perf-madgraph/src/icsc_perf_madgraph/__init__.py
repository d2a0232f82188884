"""How performance analysis of real software works: the case of MadGraph (iCSC 2026).

The package ships the lecture notes (``lecture/``), the exercise stubs (``exercises/``),
the public checks (``checks/``), the hands-on notebook (``notebooks/``) and a small but
real leading-order event generator for e+e- -> mu+mu- that is the object of study:

* :mod:`icsc_perf_madgraph.naive`: the generator, written the slow way (one event at a
  time, Python objects): phase space, matrix element (photon, optionally the Z),
  integration, unweighting, a histogram and a Les Houches Event file;
* :mod:`icsc_perf_madgraph.kinematics`: its four-vectors, particles and events;
* :mod:`icsc_perf_madgraph.analytic`: the closed-form cross sections and angular
  distributions that check it;
* :mod:`icsc_perf_madgraph.integrands`: peaked test integrands with known integrals;
* :mod:`icsc_perf_madgraph.profiles`: reading and writing ``pstats`` profile files;
* :mod:`icsc_perf_madgraph.constants`: physical constants, with their sources.
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="perf-madgraph",
    title="How performance analysis of real software works: the case of MadGraph",
    presenters=("Daniele Massaro",),
    lecture_hours=2,
    exercise_hours=1,
    package=__name__,
    summary=(
        "Profiling methods and tools, the anatomy of a Monte Carlo event generator, NLO as "
        "a computational challenge, and data-parallel computing, applied to a deliberately "
        "slow e+e- -> mu+mu- generator: profile it, vectorise it, adapt the sampling, "
        "parallelise it, and check the speed-up against Amdahl's law."
    ),
    exercises=(
        Exercise("ex01_profile", "Profile the slow generator and find its hot spots", 10),
        Exercise("ex02_vectorise", "Matrix element and phase space over arrays of events", 15),
        Exercise("ex03_vegas", "VEGAS adaptive importance sampling", 15),
        Exercise("ex04_parallel", "Parallel batch evaluation, identical to serial", 10),
        Exercise("ex05_amdahl", "Amdahl: predicted versus reached speed-up", 10),
    ),
)

__all__ = ["COURSE"]
