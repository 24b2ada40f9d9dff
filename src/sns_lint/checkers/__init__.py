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
    "token_pattern": "sns_lint.checkers.token_patterns",
    "pattern": "sns_lint.checkers.pattern",
    "url_hosts": "sns_lint.checkers.url_hosts",
    "obscured_url": "sns_lint.checkers.obscured_url",
    "link_target": "sns_lint.checkers.link_target",
    "quote": "sns_lint.checkers.quotes",
    "length": "sns_lint.checkers.post_length",
    "schedule": "sns_lint.checkers.operating_hours",
    "dates": "sns_lint.checkers.dates",
    "phone_number": "sns_lint.checkers.phone_numbers",
    "email_address": "sns_lint.checkers.email_addresses",
    "id_number": "sns_lint.checkers.id_numbers",
    "private_address": "sns_lint.checkers.private_addresses",
    "person_name": "sns_lint.checkers.person_names",
    "secret": "sns_lint.checkers.secrets",
    "facility_accuracy": "sns_lint.checkers.facility_accuracy",
}


@dataclass(frozen=True, slots=True)
class Hit:
    rule_id: str
    start: int  # code-point offsets into the post text
    end: int
    values: dict = field(default_factory=dict)
    suggestion: str | None = None
    severity: Any = None  # a Severity that overrides the rule's own, for this hit only
    replacements: tuple[str, ...] = ()  # texts that can replace the span as they are (--fix: only when one)
    mask: int | None = None  # a secret: findings show only this many last characters (CI logs)
    # the problem is written outside the post text (a schedule entry's scheduled_at): file
    # offsets of what the finding underlines instead of start..end
    file_span: tuple[int, int] | None = None


@dataclass
class RuleContext:
    """Where a rule's data came from, to report validation errors."""

    path: Path
    fail: Callable[[str, Any, Any], None]  # (message, mapping, key) -> raises

    def read_data_file(self, raw: dict, key: str, name: Any = None) -> tuple[str, Path]:
        """Text of the data file named by ``raw[key]`` (or ``name``, one of a list there),
        relative to the rule file; at most 64 MB, a regular file."""
        from sns_lint.bounded_read import read_text

        value = raw[key] if name is None else name
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key} はファイル名（文字列）で書いてください。", raw, key)
        target = self.path.parent / value
        try:
            return read_text(target), target
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.fail(f"{key}「{value}」を読めません（{reason}）。", raw, key)
            raise  # fail() raises; this keeps type checkers content

    def inline_or_file(self, raw: dict, key: str, what: str) -> tuple[Any, dict | None, Path | None]:
        """``raw[key]`` written in the rule, or the YAML file named by ``raw[key + "_file"]``
        holding ``key:`` (a list): (that value, the file's whole mapping, the file's path); the
        last two are None when the value is written inline. ``what`` names the file in errors."""
        from sns_lint.errors import RuleFileError
        from sns_lint.yaml_loading import load_yaml

        value = raw.get(key)
        file_key = key + "_file"
        if raw.get(file_key) is None:
            return value, None, None
        if value is not None:
            self.fail(f"{key} と {file_key} はどちらか一方だけ書いてください。", raw, file_key)
        text, target = self.read_data_file(raw, file_key)
        loaded = load_yaml(text, target, RuleFileError)
        if not isinstance(loaded, dict) or not isinstance(loaded.get(key), list):
            raise RuleFileError(f"{what}のファイルには {key}: のリストを書いてください。", target, 1)
        return loaded[key], loaded, target

    def strings(self, raw: dict, key: str, required: bool = False) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(f"{key} がありません。", raw, None)
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{key} は空でない文字列のリストで書いてください。", raw, key)
        return tuple(v.strip() for v in value)


def string_list(item: dict, key: str, fail: Callable[..., Any], missing: str | None = None) -> tuple[str, ...]:
    """``item[key]`` of a word-list entry: one string or a list of non-empty strings, stripped.
    Absent: () or, when ``missing`` is given, ``fail(missing)``. ``fail(message, key)`` reports."""
    value = item.get(key)
    if value is None:
        if missing is not None:
            fail(missing)
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        fail(f"{key} は空でない文字列のリストで書いてください。", key)
    return tuple(v.strip() for v in value)


def kind_module(kind: str) -> ModuleType:
    return importlib.import_module(KIND_MODULES[kind])
