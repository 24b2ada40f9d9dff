"""A rule as read from its YAML file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from sns_lint.findings import Severity


@dataclass(frozen=True)
class Example:
    text: str
    platform: str | None = None
    account: str | None = None
    # the schedule an example stands for (5-9 and date rules): ISO date-times as written
    scheduled_at: str | None = None
    at: str | None = None  # --at: the moment the example is judged at
    emergency: bool = False
    published: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    clause: str
    severity: Severity
    kind: str
    summary: str
    rationale: str
    message: str
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    path: Path
    line: int = 1
    suggestion: str | None = None  # template, optional
    supersedes: tuple[str, ...] = ()  # rule ids whose findings on the same span this one replaces
    data: Any = field(default=None, compare=False, repr=False)  # the kind's own data, validated
    builtin: bool = True

    def names(self, cite: "Callable[[str], str] | None" = None) -> tuple[str, ...]:
        """What a policy or the command line may call this rule: its id, its clause, and the
        clause as the guideline profile cites it (``cite``), in that order."""
        return (self.id, self.clause) if cite is None else (self.id, self.clause, cite(self.clause))

    def with_severity(self, severity: Severity) -> "Rule":
        return replace(self, severity=severity)
