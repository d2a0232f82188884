"""The one terminal console of the CLI and its small printing helpers."""

from __future__ import annotations

from rich.console import Console

console = Console(highlight=False)
error_console = Console(stderr=True, highlight=False)

TICK = "[green]✓[/green]"
CROSS = "[red]✗[/red]"
DASH = "[yellow]-[/yellow]"


def fail(message: str) -> None:
    """Print a one-sentence error for the user on stderr."""
    error_console.print(f"[bold red]icsc: error:[/bold red] {message}", soft_wrap=True)
