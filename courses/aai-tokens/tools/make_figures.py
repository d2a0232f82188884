"""Draw the lecture figures of the aai-tokens course into src/icsc_aai_tokens/lecture/figures/.

Run from the repository root:

    uv run --with matplotlib python courses/aai-tokens/tools/make_figures.py

Figures (PNG, 150 dpi):

* ``flow.png``: who talks to whom in the course deployment (token, certificate, resource);
* ``chain.png``: the chain of trust of a bridged client certificate;
* ``lifetimes.png``: credential lifetimes in the course deployment next to the WLCG
  profile's recommendations (v1.0, section 4.3.1 table), on a log scale.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

OUT = Path(__file__).resolve().parents[1] / "src" / "icsc_aai_tokens" / "lecture" / "figures"
BOX = {"boxstyle": "round,pad=0.12", "linewidth": 1.5}
LABEL = {"facecolor": "white", "edgecolor": "none", "pad": 1.0}


def _box(ax, x, y, text, colour, width=2.6, height=1.1):
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            facecolor=colour,
            edgecolor="black",
            **BOX,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=10)


def _arrow(ax, start, end, label, offset=(0.0, 0.18), rad=0.0):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, linewidth=1.4,
                                 connectionstyle=f"arc3,rad={rad}"))  # fmt: skip
    mx, my = (start[0] + end[0]) / 2 + offset[0], (start[1] + end[1]) / 2 + offset[1]
    ax.text(mx, my, label, ha="center", va="bottom", fontsize=8.5, bbox=LABEL)


def flow() -> None:
    fig, ax = plt.subplots(figsize=(9.5, 5.2))
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 7)
    ax.axis("off")
    _box(ax, 1.7, 3.5, "client\n(your code)", "#fff2cc", width=2.2)
    _box(ax, 6.0, 6.1, "token issuer\n/.well-known, /jwks, /token", "#dae8fc", width=3.8)
    _box(ax, 10.1, 3.5, "certificate authority\nPOST /certificate", "#d5e8d4", width=3.2)
    _box(ax, 6.0, 0.9, "storage\nbearer token or mTLS", "#f8cecc", width=3.2)
    _arrow(
        ax,
        (2.3, 4.1),
        (4.4, 5.5),
        "1  client credentials\n-> access token (JWT)",
        offset=(-1.3, 0.1),
    )
    _arrow(
        ax,
        (2.8, 3.5),
        (8.5, 3.5),
        "2  token (aud = CA) + CSR -> X.509 client certificate",
        offset=(0, 0.08),
    )
    _arrow(ax, (2.3, 2.9), (4.6, 1.5), "3a  Authorization:\nBearer <token>", offset=(-1.2, -0.6))
    _arrow(ax, (2.8, 3.0), (5.0, 1.5), "3b  TLS client\ncertificate", offset=(0.9, 0.0))
    ax.plot([7.2, 7.2], [5.5, 1.5], linestyle=":", color="grey")
    ax.plot([7.9, 9.6], [5.9, 4.1], linestyle=":", color="grey")
    ax.text(7.3, 2.4, "JWKS fetched by\nthe storage", fontsize=8, color="grey")
    ax.text(9.0, 5.2, "JWKS fetched\nby the CA", fontsize=8, color="grey")
    ax.set_title("One token, two credentials, one set of rights", fontsize=12)
    fig.tight_layout()
    fig.savefig(OUT / "flow.png", dpi=150)
    plt.close(fig)


def chain() -> None:
    fig, ax = plt.subplots(figsize=(7.5, 5.0))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 7)
    ax.axis("off")
    _box(
        ax,
        5,
        6.0,
        "root CA (self-signed)\nCA:TRUE, pathlen 1, keyCertSign\ntrust anchor: root.pem",
        "#dae8fc",
        width=5.4,
        height=1.3,
    )
    _box(
        ax,
        5,
        3.6,
        "intermediate CA\nCA:TRUE, pathlen 0\nsigned by the root",
        "#d5e8d4",
        width=5.4,
        height=1.3,
    )
    _box(ax, 5, 1.1, "client certificate (from a token)\nCN=<sub>, SAN URI=<iss>#<sub>, EKU clientAuth\ngroups + scopes extensions, notAfter <= exp",
         "#f8cecc", width=7.4, height=1.5)  # fmt: skip
    for top, bottom in ((5.35, 4.25), (2.95, 1.85)):
        ax.add_patch(
            FancyArrowPatch(
                (5, top), (5, bottom), arrowstyle="-|>", mutation_scale=14, linewidth=1.4
            )
        )
        ax.text(5.15, (top + bottom) / 2, "signs", fontsize=9, va="center")
    ax.set_title("Verification walks up the chain until it meets the trust anchor", fontsize=11)
    fig.tight_layout()
    fig.savefig(OUT / "chain.png", dpi=150)
    plt.close(fig)


def lifetimes() -> None:
    hour, day = 3600.0, 86400.0
    rows = [
        ("course root CA", 365 * day, "#dae8fc"),
        ("course intermediate CA", 180 * day, "#dae8fc"),
        ("course TLS server certificate", 30 * day, "#dae8fc"),
        ("WLCG issuer public key (recommended)", 182 * day, "#e1d5e7"),
        ("WLCG access token (maximum)", 6 * hour, "#e1d5e7"),
        ("WLCG access token (v1.0 default)", 20 * 60, "#e1d5e7"),
        ("course access token", 20 * 60, "#fff2cc"),
        ("course client certificate (<= token)", 20 * 60, "#f8cecc"),
    ]
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    labels = [row[0] for row in rows]
    ax.barh(labels, [row[1] for row in rows], color=[row[2] for row in rows], edgecolor="black")
    ax.set_xscale("log")
    ticks = [60, hour, day, 30 * day, 365 * day]
    ax.set_xticks(ticks, ["1 min", "1 h", "1 day", "1 month", "1 year"])
    ax.invert_yaxis()
    ax.set_xlabel("lifetime (log scale)")
    ax.set_title("Short lifetimes stand in for revocation", fontsize=11)
    fig.tight_layout()
    fig.savefig(OUT / "lifetimes.png", dpi=150)
    plt.close(fig)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    flow()
    chain()
    lifetimes()
    print(f"figures written to {OUT}")


if __name__ == "__main__":
    main()
