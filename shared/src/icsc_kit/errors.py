"""Errors a user can make and fix.

The CLI prints a :class:`UserError` as one sentence and exits with status 2; anything
else reaching the top level is a bug in the kit.
"""


class UserError(Exception):
    """A mistake the user can fix: unknown course, no workspace here, a corrupt file.

    The message is one sentence that says what is wrong and, where possible, what to do.
    """


class MarkerError(UserError):
    """A solution file whose ``# BEGIN SOLUTION`` / ``# END SOLUTION`` markers are wrong."""

    def __init__(self, path: str, line: int, problem: str, fix: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {problem}; {fix}.")
