"""Physical constants and process parameters, in natural units (GeV, hbar = c = 1).

Every number carries its source. Cross sections computed in GeV^-2 are converted to
picobarn with :data:`GEV2_TO_PB`.

* :data:`ALPHA`: fine-structure constant at zero momentum transfer, CODATA 2018 as quoted
  by the PDG table of physical constants (1/137.035 999 084).
* :data:`GEV2_TO_PB`: (hbar c)^2 = 0.389 379 3721 GeV^2 mbarn (PDG physical constants,
  CODATA 2018), i.e. 0.389 379 3721e9 GeV^2 pb.
* :data:`MZ`, :data:`GAMMA_Z`: Z mass and total width from the LEP/SLD combination
  (ALEPH, DELPHI, L3, OPAL, SLD, Phys. Rept. 427 (2006) 257): 91.1876 and 2.4952 GeV.
* :data:`G_FERMI`: Fermi constant, 1.166 3787e-5 GeV^-2 (PDG physical constants).
* :data:`SIN2_THETA_W`: effective leptonic weak mixing angle sin^2(theta_eff^lept) =
  0.23153 (same LEP/SLD combination).
"""

from __future__ import annotations

ALPHA: float = 1.0 / 137.035999084
"""Fine-structure constant (dimensionless)."""

GEV2_TO_PB: float = 0.3893793721e9
"""Multiply a cross section in GeV^-2 by this to get picobarn."""

MZ: float = 91.1876
"""Z boson mass, GeV."""

GAMMA_Z: float = 2.4952
"""Z boson total width, GeV."""

G_FERMI: float = 1.1663787e-5
"""Fermi constant, GeV^-2."""

SIN2_THETA_W: float = 0.23153
"""Effective leptonic weak mixing angle sin^2(theta_W)."""

T3_LEPTON: float = -0.5
"""Third component of weak isospin of the left-handed charged leptons."""

Q_LEPTON: float = -1.0
"""Electric charge of e- and mu- in units of the positron charge."""

PDG_ELECTRON, PDG_POSITRON, PDG_MUON, PDG_ANTIMUON = 11, -11, 13, -13
"""Particle Data Group Monte Carlo numbering scheme codes of the four particles."""
