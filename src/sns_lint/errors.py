"""Errors the user must fix before sns-lint can run (exit code 2).

Every error carries a Japanese message and, where known, the file and line it
comes from, so the CLI can print one readable line instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path


class SnsLintError(Exception):
    """Base class: a problem with the input, the config or a rule file."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return where + self.message


class InputError(SnsLintError):
    """A post file that cannot be read or parsed."""


class ConfigError(SnsLintError):
    """An operating-policy config (sns-lint.yaml) that is broken."""


class RuleFileError(SnsLintError):
    """A rule YAML file that fails validation."""


class NotASchedule(InputError):
    """A YAML/JSON/CSV file that does not hold posts (no ``posts:``, no text column): skipped
    when found in a folder, an error when named on the command line."""
