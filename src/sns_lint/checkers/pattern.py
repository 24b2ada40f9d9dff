"""``pattern``: flag text matching regular expressions.

Patterns use the ``regex`` module (Python ``re`` syntax, plus Unicode
properties such as ``\\p{Han}``). Rule files come from users, so a pattern is
never trusted to be fast: each pattern gets a time limit per post
(``TIME_LIMIT_S``); when it runs out, the pattern is skipped for that post and
a warning names the rule and its file. Built-in patterns, reviewed and tested
with the package, run without the limit (it costs a few microseconds a post). An invalid pattern is reported with its
file and line when the rule loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext
from sns_lint.user_regex import TIME_LIMIT_S, compile_user_regex

KEYS = ("patterns", "ignore_case")
PLACEHOLDERS = ("match",)


@dataclass(frozen=True)
class PatternData:
    patterns: tuple[Any, ...]


def prepare(raw: dict, context: RuleContext) -> PatternData:
    import regex

    patterns = raw.get("patterns")
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        context.fail("patterns には正規表現のリストを書いてください。", raw, "patterns")
    flags = regex.MULTILINE | regex.VERSION0
    if raw.get("ignore_case"):
        flags |= regex.IGNORECASE
    compiled = []
    for index, source in enumerate(patterns):
        line = patterns.item_lines[index] if hasattr(patterns, "item_lines") else None
        compiled.append(compile_user_regex(source, flags, context.path, line))
    return PatternData(patterns=tuple(compiled))


class Checker:
    def __init__(self, rules: list[tuple[Any, PatternData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        for rule, data in self._rules:
            # the built-in patterns are reviewed and tested here; a user's pattern may backtrack forever
            timeout = None if rule.builtin else TIME_LIMIT_S
            for pattern in data.patterns:
                try:
                    matches = list(pattern.finditer(text, timeout=timeout))
                except TimeoutError:
                    analysis.notes.append(
                        f"ルール {rule.id}（{rule.path}）の正規表現「{pattern.pattern}」が {TIME_LIMIT_S:g} 秒で終わらないため、"
                        "この投稿では省きました（パターンを見直してください）。"
                    )
                    continue
                for match in matches:
                    if match.end() == match.start():
                        continue
                    values = {"match": match.group()}
                    values.update({k: v or "" for k, v in match.groupdict().items()})
                    yield Hit(rule_id=rule.id, start=match.start(), end=match.end(), values=values)
