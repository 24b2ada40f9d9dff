"""``pattern``: flag text matching regular expressions (Python ``re`` syntax).

Patterns are compiled when the rule loads; an invalid pattern is reported
with its file and line. Named groups become message placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext

KEYS = ("patterns", "ignore_case")
PLACEHOLDERS = ("match",)


@dataclass(frozen=True)
class PatternData:
    patterns: tuple[re.Pattern, ...]


def prepare(raw: dict, context: RuleContext) -> PatternData:
    patterns = raw.get("patterns")
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        context.fail("patterns には正規表現のリストを書いてください。", raw, "patterns")
    flags = re.MULTILINE
    if raw.get("ignore_case"):
        flags |= re.IGNORECASE
    compiled = []
    for index, source in enumerate(patterns):
        try:
            compiled.append(re.compile(source, flags))
        except re.error as exc:
            line = patterns.item_lines[index] if hasattr(patterns, "item_lines") else None
            from sns_lint.errors import RuleFileError

            raise RuleFileError(
                f"正規表現「{source}」が不正です: {exc.msg}（{exc.pos} 文字目）", context.path, line
            ) from None
    return PatternData(patterns=tuple(compiled))


class Checker:
    def __init__(self, rules: list[tuple[Any, PatternData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        for rule, data in self._rules:
            for pattern in data.patterns:
                for match in pattern.finditer(text):
                    if match.end() == match.start():
                        continue
                    values = {"match": match.group()}
                    values.update({k: v or "" for k, v in match.groupdict().items()})
                    yield Hit(rule_id=rule.id, start=match.start(), end=match.end(), values=values)
