"""``python -m icsc_aai_tokens``: start issuer, CA and storage and print where they listen."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from icsc_aai_tokens.cli import run_all  # noqa: PLC0415  (keep `import icsc_aai_tokens` light)

    return run_all(argv)


if __name__ == "__main__":
    raise SystemExit(main())
