"""Checker kinds: small modules that turn rule data into hits on a post.

Each kind module provides:

- ``KEYS``: the rule-file keys that hold the kind's data,
- ``PLACEHOLDERS``: names a rule message may use besides ``{text}``,
- ``prepare(raw: dict, context: RuleContext) -> object``: validate the data of one rule,
- ``Checker(rules)``: built once for all rules of the kind; ``check(analysis)``
  yields ``Hit`` objects. Combining the rules lets a kind share one index.

The table below is the whole registry: rule files name a kind, they never
name Python code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

KIND_MODULES = {
    "terms": "sns_lint.checkers.terms",
    "pattern": "sns_lint.checkers.pattern",
}


@dataclass(frozen=True, slots=True)
class Hit:
    rule_id: str
    start: int  # code-point offsets into the post text
    end: int
    values: dict = field(default_factory=dict)
    suggestion: str | None = None
    severity: Any = None  # a Severity that overrides the rule's own, for this hit only


@dataclass
class RuleContext:
    """Where a rule's data came from, to report validation errors."""

    path: Path
    fail: Callable[[str, Any, Any], None]  # (message, mapping, key) -> raises


def kind_module(kind: str) -> ModuleType:
    return importlib.import_module(KIND_MODULES[kind])
