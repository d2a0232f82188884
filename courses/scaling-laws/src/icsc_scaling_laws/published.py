"""Published numbers the course compares against, each with its source.

Values are copied from the papers named in each comment; nothing here is fitted by us.
Parameter dicts use the keys of :data:`icsc_scaling_laws.laws.PARAM_NAMES`. They are plain
dicts (so that they pass through the grader as plain data): copy one before changing it.
"""

from __future__ import annotations

#: Besiroglu, Erdil, Barnett and You (2024), "Chinchilla Scaling: A replication attempt",
#: arXiv:2404.10102, table of estimates ("our estimate"): Huber loss (delta = 1e-3) on log-loss,
#: L-BFGS from the Hoffmann et al. grid of starts, 240 of the 245 extracted runs (the five
#: with the highest loss excluded). Standard errors from 4000 bootstrap resamples.
BESIROGLU_2024 = {"E": 1.8172, "A": 482.01, "B": 2085.43, "alpha": 0.3478, "beta": 0.3658}
#: Standard errors of :data:`BESIROGLU_2024` (same table, which rounds those of E, alpha
#: and beta to 0.03, 0.02 and 0.02).
BESIROGLU_2024_SE = {"E": 0.03, "A": 124.58, "B": 1293.23, "alpha": 0.02, "beta": 0.02}
#: Number of runs Besiroglu et al. fitted (245 extracted minus 5 excluded).
BESIROGLU_2024_N_RUNS = 240
#: How many of the highest-loss runs they excluded before fitting.
BESIROGLU_2024_N_EXCLUDED = 5

#: Hoffmann et al. (2022), "Training Compute-Optimal Large Language Models",
#: arXiv:2203.15556, Section 3.3 and Appendix D.2, as printed (rounded) in the paper.
HOFFMANN_2022 = {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}
#: The same estimate with the digits of the paper's TeX source, as reported by
#: Besiroglu et al. (2024): the rounding moves beta from 0.2849 to 0.28.
HOFFMANN_2022_UNROUNDED = {"E": 1.6934, "A": 406.4, "B": 410.7, "alpha": 0.3392, "beta": 0.2849}
#: Huber threshold of Hoffmann et al. (2022), Appendix D.2 (on log-loss residuals).
HOFFMANN_2022_HUBER_DELTA = 1e-3
#: The grid of starting points of Hoffmann et al. (2022), Appendix D.2, for the
#: log-parameters a = log A, b = log B, e = log E and the exponents alpha, beta
#: (5 * 5 * 5 * 6 * 6 = 4500 starts).
HOFFMANN_2022_START_GRID = {
    "a": (0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
    "b": (0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
    "e": (-1.0, -0.5, 0.0, 0.5, 1.0),
    "alpha": (0.0, 0.5, 1.0, 1.5, 2.0),
    "beta": (0.0, 0.5, 1.0, 1.5, 2.0),
}
#: Exponent a of N_opt ~ C**a for the three approaches of Hoffmann et al. (2022), Table 2
#: (b = 1 - a for D_opt), and the value they attribute to Kaplan et al. (2020).
HOFFMANN_2022_ALLOCATION_EXPONENT = {
    "approach 1": 0.50,
    "approach 2": 0.49,
    "approach 3": 0.46,
    "Kaplan et al. (2020)": 0.73,
}
#: Chinchilla and Gopher (Hoffmann et al. 2022, Section 4): parameters and training
#: tokens. Chinchilla was trained with the compute budget of Gopher, 5.76e23 FLOPs
#: (Hoffmann et al. 2022, Table 3); 6 N D for Chinchilla gives 5.88e23.
CHINCHILLA = {"n_params": 70e9, "tokens": 1.4e12}
GOPHER = {"n_params": 280e9, "tokens": 300e9}
CHINCHILLA_FLOPS = 5.76e23

#: Kaplan et al. (2020), "Scaling Laws for Neural Language Models", arXiv:2001.08361,
#: Section 1.2 and Table 5: L(N) = (N_c / N)**alpha_N with N the non-embedding
#: parameters, L(D) = (D_c / D)**alpha_D, and N_opt ~ C_min**0.73 (Section 1.2).
KAPLAN_2020 = {
    "alpha_N": 0.076,
    "N_c": 8.8e13,
    "alpha_D": 0.095,
    "D_c": 5.4e13,
    "N_opt_exponent": 0.73,
}
