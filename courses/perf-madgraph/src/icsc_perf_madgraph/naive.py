"""A small but real event generator for e+e- -> mu+mu-, deliberately written the slow way.

This is the object of study of the course. It does what every leading-order generator
does, one event at a time, with Python objects:

1. **phase space** (:func:`phase_space_point`): two uniform random numbers per event
   become the four momenta and a phase-space weight;
2. **matrix element** (:func:`matrix_element`): the spin-averaged |M|^2 from the
   invariants s, t, u (photon exchange, optionally also the Z);
3. **integration** (:func:`integrate`): the cross section is the mean of the event
   weights ``w = |M|^2 * phase-space weight / flux``, its error the standard error;
4. **unweighting** (:func:`unweight`): hit-or-miss against the largest weight turns
   weighted events into unweighted ones, distributed like nature;
5. **output** (:func:`histogram_cos_theta`, :func:`write_lhe`): an analysis histogram
   and a Les Houches Event file.

:func:`generate` runs all five. Random numbers come from one
``numpy.random.default_rng(seed)`` stream, drawn in this order: for each of the
``n_events`` phase-space points ``r1`` then ``r2`` (``cos theta = 2 r1 - 1``,
``phi = 2 pi r2``), then one uniform per event for unweighting. A vectorised code that
draws ``rng.random((n, 2))`` and then ``rng.random(n)`` therefore sees the same numbers.

Units: GeV for energies and momenta, pb for weights and cross sections.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np

from icsc_perf_madgraph import constants as c
from icsc_perf_madgraph.kinematics import Event, FourVector, Particle

PHASE_SPACE_WEIGHT = 1.0 / (8.0 * math.pi)
"""Massless two-body phase space volume: integral of dPhi_2 = 1 / (8 pi)."""


@dataclass
class IntegrationResult:
    """Cross section and standard error in pb, the number of points, and the weighted events."""

    sigma_pb: float
    error_pb: float
    n_events: int
    events: list[Event] = field(default_factory=list, repr=False)


@dataclass
class Run:
    """Everything :func:`generate` produces."""

    sigma_pb: float
    error_pb: float
    n_generated: int
    events: list[Event] = field(repr=False)
    histogram: list[int] = field(repr=False)
    lhe: str = field(repr=False)


def _check(sqrt_s: float, n_events: int) -> None:
    if not (isinstance(sqrt_s, int | float) and math.isfinite(sqrt_s) and sqrt_s > 0):
        msg = f"sqrt_s must be a positive finite energy in GeV, got {sqrt_s!r}"
        raise ValueError(msg)
    if isinstance(n_events, bool) or not isinstance(n_events, int) or n_events < 2:
        msg = f"n_events must be an int >= 2, got {n_events!r}"
        raise ValueError(msg)


def phase_space_point(sqrt_s: float, r1: float, r2: float) -> tuple[list[Particle], float]:
    """Particles ``[e-, e+, mu-, mu+]`` of one event and its phase-space weight.

    The e- travels along +z. The mu- has ``cos theta = 2 r1 - 1`` and ``phi = 2 pi r2``.
    The weight is the phase-space volume 1/(8 pi) (flat in the solid angle).
    """
    energy = sqrt_s / 2.0
    electron = Particle(c.PDG_ELECTRON, -1, FourVector(energy, 0.0, 0.0, energy))
    positron = Particle(c.PDG_POSITRON, -1, FourVector(energy, 0.0, 0.0, -energy))
    cos_theta = 2.0 * r1 - 1.0
    sin_theta = math.sqrt(max(0.0, 1.0 - cos_theta * cos_theta))
    phi = 2.0 * math.pi * r2
    direction = FourVector(0.0, sin_theta * math.cos(phi), sin_theta * math.sin(phi), cos_theta)
    p_muon = FourVector(energy, energy * direction.px, energy * direction.py, energy * direction.pz)
    p_antimuon = FourVector(energy, -p_muon.px, -p_muon.py, -p_muon.pz)
    muon = Particle(c.PDG_MUON, 1, p_muon, mothers=(1, 2))
    antimuon = Particle(c.PDG_ANTIMUON, 1, p_antimuon, mothers=(1, 2))
    return [electron, positron, muon, antimuon], PHASE_SPACE_WEIGHT


def z_propagator_ratio(s: float, alpha: float) -> complex:
    """kappa s / (s - MZ^2 + i GZ MZ): the Z propagator relative to the photon's."""
    kappa = math.sqrt(2.0) * c.G_FERMI * c.MZ**2 / (4.0 * math.pi * alpha)
    return kappa * s / complex(s - c.MZ**2, c.GAMMA_Z * c.MZ)


def matrix_element(
    particles: list[Particle], *, include_z: bool = False, alpha: float = c.ALPHA
) -> float:
    """Spin-summed and averaged |M|^2 (dimensionless) of e-(1) e+(2) -> mu-(3) mu+(4).

    From the invariants s = (p1+p2)^2, t = (p1-p3)^2, u = (p1-p4)^2 (massless):
    |M|^2 = e^4 [A0 * 2 (t^2 + u^2) / s^2 + A1 (t - u) / s], which is
    e^4 [A0 (1 + cos^2 theta) + A1 cos theta] (see :mod:`icsc_perf_madgraph.analytic`).
    """
    p1 = particles[0].momentum
    p2 = particles[1].momentum
    p3 = particles[2].momentum
    p4 = particles[3].momentum
    s = (p1 + p2).mass2()
    t = (p1 - p3).mass2()
    u = (p1 - p4).mass2()
    e2 = 4.0 * math.pi * alpha
    a0, a1 = 1.0, 0.0
    if include_z:
        # The couplings are recomputed for every event, as naive code does.
        v = c.T3_LEPTON - 2.0 * c.Q_LEPTON * c.SIN2_THETA_W
        a = c.T3_LEPTON
        chi = z_propagator_ratio(s, alpha)
        chi1, chi2 = chi.real, abs(chi) ** 2
        q = c.Q_LEPTON
        a0 = q * q - 2.0 * q * v * v * chi1 + (a * a + v * v) ** 2 * chi2
        a1 = 2.0 * (-2.0 * q * a * a * chi1 + 4.0 * a * a * v * v * chi2)
    return e2 * e2 * (a0 * 2.0 * (t * t + u * u) / (s * s) + a1 * (t - u) / s)


def event_weight(
    particles: list[Particle],
    phase_space_weight: float,
    *,
    include_z: bool = False,
    alpha: float = c.ALPHA,
) -> float:
    """Weight in pb: |M|^2 * phase-space weight / flux, flux = 2 s for massless beams."""
    s = (particles[0].momentum + particles[1].momentum).mass2()
    me = matrix_element(particles, include_z=include_z, alpha=alpha)
    return me * phase_space_weight / (2.0 * s) * c.GEV2_TO_PB


def integrate(
    sqrt_s: float,
    n_events: int,
    seed: int,
    *,
    include_z: bool = False,
    alpha: float = c.ALPHA,
    keep_events: bool = False,
    rng: np.random.Generator | None = None,
) -> IntegrationResult:
    """Monte Carlo estimate of sigma in pb from ``n_events`` flat phase-space points.

    ``sigma`` is the mean weight and ``error`` the standard error of the mean
    (sample variance with n - 1). ``rng`` overrides ``default_rng(seed)`` (used by
    :func:`generate` to continue one stream). Raises ``ValueError`` on a non-positive
    ``sqrt_s`` or ``n_events < 2``.
    """
    _check(sqrt_s, n_events)
    if rng is None:
        rng = np.random.default_rng(seed)
    events: list[Event] = []
    sum_w = 0.0
    sum_w2 = 0.0
    for number in range(n_events):
        r1 = rng.random()
        r2 = rng.random()
        particles, ps_weight = phase_space_point(sqrt_s, r1, r2)
        weight = event_weight(particles, ps_weight, include_z=include_z, alpha=alpha)
        sum_w += weight
        sum_w2 += weight * weight
        if keep_events:
            events.append(Event(number + 1, particles, weight))
    mean = sum_w / n_events
    variance = max(0.0, (sum_w2 - n_events * mean * mean) / (n_events - 1))
    return IntegrationResult(mean, math.sqrt(variance / n_events), n_events, events)


def chunk_sums(
    sqrt_s: float, n_events: int, seed: int, chunk: int, include_z: bool = False
) -> tuple[int, float, float]:
    """``(n, sum of weights, sum of squared weights)`` of chunk ``chunk`` of a parallel run.

    The chunk draws its random numbers from
    ``default_rng(numpy.random.SeedSequence(seed, spawn_key=(chunk,)))``, which is the
    ``chunk``-th child of ``SeedSequence(seed).spawn(...)``: its stream does not depend on
    how many chunks there are, nor on which process runs it. A top-level function, so
    that ``multiprocessing`` can send it to worker processes.
    """
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 0:
        msg = f"chunk must be a non-negative int, got {chunk!r}"
        raise ValueError(msg)
    if isinstance(n_events, bool) or not isinstance(n_events, int) or n_events < 0:
        msg = f"n_events must be a non-negative int, got {n_events!r}"
        raise ValueError(msg)
    _check(sqrt_s, 2)
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(chunk,)))
    sum_w = 0.0
    sum_w2 = 0.0
    for _ in range(n_events):
        particles, ps_weight = phase_space_point(sqrt_s, rng.random(), rng.random())
        weight = event_weight(particles, ps_weight, include_z=include_z)
        sum_w += weight
        sum_w2 += weight * weight
    return n_events, sum_w, sum_w2


def unweight(events: list[Event], rng: np.random.Generator) -> list[Event]:
    """Hit-or-miss unweighting: keep event i if ``rng.random() * w_max < w_i``.

    One uniform is drawn per event, in order. The kept events keep their weights; in the
    Les Houches file (:func:`write_lhe`) every unweighted event carries the same weight,
    the cross section.
    """
    w_max = 0.0
    for event in events:
        w_max = max(w_max, event.weight)
    kept = []
    for event in events:
        if rng.random() * w_max < event.weight:
            kept.append(event)
    return kept


def histogram_cos_theta(events: list[Event], n_bins: int = 20) -> list[int]:
    """Counts of cos(theta) of the mu- in ``n_bins`` equal bins of [-1, 1]."""
    counts = [0] * n_bins
    for event in events:
        cos_theta = event.find(c.PDG_MUON).momentum.cos_theta()
        index = min(int((cos_theta + 1.0) / 2.0 * n_bins), n_bins - 1)
        counts[index] += 1
    return counts


def write_lhe(
    events: list[Event], stream: TextIO, sqrt_s: float, sigma: float, error: float
) -> None:
    """Write the events as a Les Houches Event file (Alwall et al. 2007), one at a time."""
    stream.write('<LesHouchesEvents version="1.0">\n<init>\n')
    stream.write(f"{c.PDG_ELECTRON} {c.PDG_POSITRON} {sqrt_s / 2:.8e} {sqrt_s / 2:.8e} ")
    stream.write("0 0 0 0 3 1\n")
    stream.write(f"{sigma:.8e} {error:.8e} 1.00000000e+00 1\n</init>\n")
    for event in events:
        stream.write("<event>\n")
        stream.write(f"{len(event.particles)} 1 {sigma:+.8e} {-1:+.8e} {-1:+.8e} {-1:+.8e}\n")
        for particle in event.particles:
            p = particle.momentum
            stream.write(
                f"{particle.pdg_id:>9d} {particle.status:>2d} {particle.mothers[0]:>4d} "
                f"{particle.mothers[1]:>4d} {0:>4d} {0:>4d} {p.px:+.10e} {p.py:+.10e} "
                f"{p.pz:+.10e} {p.e:.10e} {particle.mass:.10e} {0.0:.4e} "
                f"{particle.helicity:.4e}\n"
            )
        stream.write("</event>\n")
    stream.write("</LesHouchesEvents>\n")


def generate(
    n_events: int,
    sqrt_s: float = 10.0,
    seed: int = 1,
    *,
    include_z: bool = False,
    lhe_path: str | Path | None = None,
    n_bins: int = 20,
) -> Run:
    """Integrate with ``n_events`` points, unweight, histogram cos(theta), write LHE.

    The LHE text goes to ``lhe_path`` if given (and is also returned in ``Run.lhe``).
    Raises ``ValueError`` on a non-positive ``sqrt_s`` or ``n_events < 2``.
    """
    _check(sqrt_s, n_events)
    rng = np.random.default_rng(seed)
    survey = integrate(sqrt_s, n_events, seed, include_z=include_z, keep_events=True, rng=rng)
    kept = unweight(survey.events, rng)
    histogram = histogram_cos_theta(kept, n_bins)
    buffer = io.StringIO()
    write_lhe(kept, buffer, sqrt_s, survey.sigma_pb, survey.error_pb)
    text = buffer.getvalue()
    if lhe_path is not None:
        Path(lhe_path).write_text(text, encoding="utf-8")
    return Run(survey.sigma_pb, survey.error_pb, n_events, kept, histogram, text)
