"""Findings: what a rule reports about a post, with its place in the file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def label_ja(self) -> str:
        return {Severity.INFO: "情報", Severity.WARNING: "警告", Severity.ERROR: "エラー"}[self]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(value) from None


SEVERITY_NAMES = ("error", "warning", "info")


MAX_FINDING_TEXT = 2_000  # characters a finding quotes; a longer stretch is cut, then "…" (a 10 MB post's overflow is not copied)


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    post: int
    rule: str
    clause: str
    severity: Severity
    message: str
    start: int  # code-point offsets into the file text (newlines normalised to LF)
    end: int
    line: int  # 1-based, code points
    column: int
    end_line: int
    end_column: int
    text: str  # the flagged text, at most MAX_FINDING_TEXT characters and then "…"
    suggestion: str | None = None
    replacements: tuple[str, ...] = ()  # each can replace ``text`` as it is (web page; --fix only when one)

    def sort_key(self) -> tuple:
        return (self.path, self.post, self.start, self.end, self.rule)

    @property
    def fix(self) -> str | None:
        return self.replacements[0] if len(self.replacements) == 1 else None


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding the author allowed, and the trace an auditor needs: why, who approved, where."""

    finding: Finding
    reason: str | None
    approved_by: str | None
    kind: str  # "allow", "disable-next-line", "disable"
    line: int  # where the suppression is written
