"""One module per ``icsc`` verb; each exposes ``register(subparsers)``."""
