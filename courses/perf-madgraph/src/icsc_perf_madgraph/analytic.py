"""Closed-form results for e+e- -> mu+mu- at lowest order: the independent references.

Nothing here samples anything; the generator (:mod:`icsc_perf_madgraph.naive`) and the
exercises are checked against these formulas.

With massless fermions, the differential cross section in the centre-of-mass frame, with
theta the angle between the incoming e- and the outgoing mu-, is

    dsigma/dOmega = alpha^2 / (4 s) * [A0 (1 + cos^2 theta) + A1 cos theta]

(PDG review "Cross-section formulae for specific processes", e+e- -> f fbar through
gamma and Z, with N_c = 1 and Q_f = -1):

    A0 = Q^2 - 2 Q v_e v_mu chi1 + (a_e^2 + v_e^2)(a_mu^2 + v_mu^2) chi2
    A1 = 2 (-2 Q a_e a_mu chi1 + 4 a_e a_mu v_e v_mu chi2)
    chi1 = kappa s (s - MZ^2) / ((s - MZ^2)^2 + GZ^2 MZ^2)
    chi2 = kappa^2 s^2 / ((s - MZ^2)^2 + GZ^2 MZ^2)
    kappa = sqrt(2) G_F MZ^2 / (4 pi alpha),  v = T3 - 2 Q sin^2 theta_W,  a = T3.

Pure QED is A0 = 1, A1 = 0, whose integral is the textbook sigma = 4 pi alpha^2 / (3 s)
(Peskin & Schroeder, section 5.1). Integrating over the full solid angle, the A1 term
vanishes and sigma = 4 pi alpha^2 A0 / (3 s); the forward-backward asymmetry is
A_FB = 3 A1 / (8 A0).
"""

from __future__ import annotations

import math

import numpy as np

from icsc_perf_madgraph.constants import (
    ALPHA,
    G_FERMI,
    GAMMA_Z,
    GEV2_TO_PB,
    MZ,
    Q_LEPTON,
    SIN2_THETA_W,
    T3_LEPTON,
)


def _check_sqrt_s(sqrt_s: float) -> float:
    if isinstance(sqrt_s, bool) or not isinstance(sqrt_s, int | float | np.floating):
        msg = f"sqrt_s must be a number (GeV), got {type(sqrt_s).__name__}"
        raise TypeError(msg)
    if not (math.isfinite(sqrt_s) and sqrt_s > 0):
        msg = f"sqrt_s must be a positive finite energy in GeV, got {sqrt_s!r}"
        raise ValueError(msg)
    return float(sqrt_s)


def lepton_couplings(sin2_theta_w: float = SIN2_THETA_W) -> tuple[float, float]:
    """Vector and axial couplings ``(v, a)`` of a charged lepton to the Z (PDG convention)."""
    return T3_LEPTON - 2.0 * Q_LEPTON * sin2_theta_w, T3_LEPTON


def propagator_factors(sqrt_s: float, alpha: float = ALPHA) -> tuple[float, float]:
    """``(chi1, chi2)``: the real part and squared modulus of the Z/photon propagator ratio."""
    s = _check_sqrt_s(sqrt_s) ** 2
    kappa = math.sqrt(2.0) * G_FERMI * MZ**2 / (4.0 * math.pi * alpha)
    denominator = (s - MZ**2) ** 2 + GAMMA_Z**2 * MZ**2
    return kappa * s * (s - MZ**2) / denominator, kappa**2 * s**2 / denominator


def angular_coefficients(
    sqrt_s: float, *, include_z: bool = False, alpha: float = ALPHA
) -> tuple[float, float]:
    """``(A0, A1)`` of dsigma/dOmega = alpha^2/(4 s) [A0 (1 + c^2) + A1 c] (module docstring)."""
    _check_sqrt_s(sqrt_s)
    if not include_z:
        return Q_LEPTON**2, 0.0
    chi1, chi2 = propagator_factors(sqrt_s, alpha)
    v, a = lepton_couplings()
    q = Q_LEPTON
    a0 = q**2 - 2.0 * q * v * v * chi1 + (a**2 + v**2) ** 2 * chi2
    a1 = 2.0 * (-2.0 * q * a * a * chi1 + 4.0 * a * a * v * v * chi2)
    return a0, a1


def cross_section_pb(sqrt_s: float, *, include_z: bool = False, alpha: float = ALPHA) -> float:
    """Total cross section in pb: 4 pi alpha^2 A0 / (3 s) times (hbar c)^2.

    Without the Z this is the QED result sigma = 4 pi alpha^2 / (3 s).
    Raises ``ValueError`` if ``sqrt_s`` is not a positive finite energy in GeV.
    """
    s = _check_sqrt_s(sqrt_s) ** 2
    a0, _ = angular_coefficients(sqrt_s, include_z=include_z, alpha=alpha)
    return 4.0 * math.pi * alpha**2 * a0 / (3.0 * s) * GEV2_TO_PB


def dsigma_dcos_pb(
    sqrt_s: float, cos_theta: np.ndarray | float, *, include_z: bool = False, alpha: float = ALPHA
) -> np.ndarray:
    """dsigma/dcos(theta) in pb (integrated over the azimuth: 2 pi dsigma/dOmega)."""
    s = _check_sqrt_s(sqrt_s) ** 2
    c = np.asarray(cos_theta, dtype=np.float64)
    a0, a1 = angular_coefficients(sqrt_s, include_z=include_z, alpha=alpha)
    return 2.0 * math.pi * alpha**2 / (4.0 * s) * (a0 * (1.0 + c**2) + a1 * c) * GEV2_TO_PB


def matrix_element_squared(
    sqrt_s: float, cos_theta: np.ndarray | float, *, include_z: bool = False, alpha: float = ALPHA
) -> np.ndarray:
    """Spin-averaged |M|^2 (dimensionless) = (4 pi alpha)^2 [A0 (1 + c^2) + A1 c].

    From dsigma/dOmega = |M|^2 / (64 pi^2 s) for a massless 2 -> 2 process.
    """
    c = np.asarray(cos_theta, dtype=np.float64)
    a0, a1 = angular_coefficients(sqrt_s, include_z=include_z, alpha=alpha)
    return (4.0 * math.pi * alpha) ** 2 * (a0 * (1.0 + c**2) + a1 * c)


def forward_backward_asymmetry(
    sqrt_s: float, *, include_z: bool = False, alpha: float = ALPHA
) -> float:
    """A_FB = (sigma_F - sigma_B) / (sigma_F + sigma_B) = 3 A1 / (8 A0)."""
    a0, a1 = angular_coefficients(sqrt_s, include_z=include_z, alpha=alpha)
    return 3.0 * a1 / (8.0 * a0)


def angular_cdf(cos_theta: np.ndarray | float, a0: float = 1.0, a1: float = 0.0) -> np.ndarray:
    """Normalised cumulative distribution of cos(theta) on [-1, 1] for A0 (1+c^2) + A1 c.

    F(c) = [A0 (c + c^3/3 + 4/3) + A1 (c^2 - 1)/2] / (8 A0 / 3); for QED (A0=1, A1=0)
    F(c) = (c^3 + 3 c + 4) / 8. Values outside [-1, 1] are clipped.
    """
    c = np.clip(np.asarray(cos_theta, dtype=np.float64), -1.0, 1.0)
    return (a0 * (c + c**3 / 3.0 + 4.0 / 3.0) + a1 * (c**2 - 1.0) / 2.0) / (8.0 * a0 / 3.0)


def z_peak_cross_section_pb() -> float:
    """The Breit-Wigner peak sigma(e+e- -> mu+mu-) = 12 pi Gamma_ll^2 / (MZ^2 GZ^2), in pb.

    Gamma_ll = G_F MZ^3 (v^2 + a^2) / (6 sqrt(2) pi) is the tree-level partial width
    (PDG review "Electroweak model and constraints on new physics"). A second route to
    the Z-pole cross section, independent of the angular coefficients above (the photon
    term and the interference, both small at the pole, are not included).
    """
    v, a = lepton_couplings()
    gamma_ll = G_FERMI * MZ**3 * (v**2 + a**2) / (6.0 * math.sqrt(2.0) * math.pi)
    return 12.0 * math.pi * gamma_ll**2 / (MZ**2 * GAMMA_Z**2) * GEV2_TO_PB
