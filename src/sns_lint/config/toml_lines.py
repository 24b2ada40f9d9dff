"""Lines for ``[tool.sns-lint]`` in ``pyproject.toml``.

``tomllib`` gives values without positions. This module finds the line of each
table header and ``key = value`` in the text and rebuilds the section as
``LineDict`` / ``LineList`` (as YAML loading does), so a validation error in a
pyproject names its line like one in ``sns-lint.yaml``.
"""

from __future__ import annotations

import re
from typing import Any

from sns_lint.yaml_loading import LineDict, LineList

_KEY_PART = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*""")
_HEADER = re.compile(r"^\s*\[\[?(?P<keys>[^\]]+)\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"""^\s*(?P<keys>(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=""")


def _key_path(text: str) -> tuple[str, ...] | None:
    parts, position = [], 0
    while position < len(text):
        match = _KEY_PART.match(text, position)
        if match is None or match.end() == position:
            return None
        parts.append(next(g for g in match.groups() if g is not None))
        position = match.end()
        if position < len(text):
            if text[position] != ".":
                return None
            position += 1
    return tuple(parts)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """(table path + key path) -> 1-based line of its first appearance."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            path = _key_path(header.group("keys"))
            if path is not None:
                table = path
                lines.setdefault(table, number)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            path = _key_path(assign.group("keys"))
            if path is not None:
                for end in range(1, len(path) + 1):
                    lines.setdefault(table + path[:end], number)
    return lines


def with_lines(value: Any, lines: dict[tuple[str, ...], int], path: tuple[str, ...], default: int) -> Any:
    """``value`` (from tomllib) as LineDict / LineList carrying the lines found in the text."""
    line = lines.get(path, default)
    if isinstance(value, dict):
        result = LineDict()
        result.line = line
        result.key_lines = {}
        for key, item in value.items():
            result[key] = with_lines(item, lines, path + (key,), line)
            result.key_lines[key] = lines.get(path + (key,), line)
        return result
    if isinstance(value, list):
        result = LineList(with_lines(item, lines, path, line) for item in value)
        result.line = line
        result.item_lines = [line] * len(value)
        return result
    return value
