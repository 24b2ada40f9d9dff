"""Recognise links to social-media accounts and posts from a data table.

The table (``rules/data/social-platforms.yaml``) lists, per platform, its
hosts and path patterns for posts and for profiles, with a named group
``account`` where the URL carries the owner's handle. A user's table is checked
when it loads (file and line for every wrong value), and its patterns run with
the same time limit as ``pattern`` rules: a pattern that runs out is skipped for
that URL and reported through ``report_timeouts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sns_lint.analysis.domains import DomainSet
from sns_lint.user_regex import TIME_LIMIT_S, compile_user_regex


@dataclass(frozen=True)
class SocialLink:
    platform: str
    account: str | None  # lower-case handle; None when the URL does not say
    is_post: bool


@dataclass(frozen=True)
class _Platform:
    name: str
    hosts: DomainSet
    posts: tuple[Any, ...]  # compiled ``regex`` patterns
    profiles: tuple[Any, ...]


class SocialLinkTable:
    def __init__(self, platforms: list[_Platform]):
        self._platforms = platforms
        self._seen: dict[tuple[str, str], SocialLink | None] = {}  # links recur across posts
        self._timeouts: list[str] = []  # patterns that ran out of time since the last drain

    def classify(self, url: str, host: str) -> SocialLink | None:
        key = (url, host)
        if key not in self._seen:
            if len(self._seen) > 4096:
                self._seen.clear()
            timeouts = len(self._timeouts)
            result = self._classify(url, host)
            if len(self._timeouts) > timeouts:
                return result  # not remembered: the answer is incomplete
            self._seen[key] = result
        return self._seen[key]

    def report_timeouts(self, rule: Any, notes: list[str]) -> None:
        """Say which patterns ran out of time since the last call (a checker calls this)."""
        if not self._timeouts:
            return
        for pattern in self._timeouts:
            notes.append(
                f"ルール {rule.id}（{rule.path}）の SNS の表の正規表現「{pattern}」が {TIME_LIMIT_S:g} 秒で終わらないため、"
                "この URL では省きました（パターンを見直してください）。"
            )
        self._timeouts = []

    def _classify(self, url: str, host: str) -> SocialLink | None:
        platform = next((p for p in self._platforms if p.hosts.match(host)), None)
        if platform is None:
            return None
        parts = urlsplit(url)
        target = parts.path + ("?" + parts.query if parts.query else "")
        for patterns, is_post in ((platform.posts, True), (platform.profiles, False)):
            for pattern in patterns:
                try:
                    match = pattern.match(target, timeout=TIME_LIMIT_S)
                except TimeoutError:
                    self._timeouts.append(pattern.pattern)
                    continue
                if match:
                    account = match.groupdict().get("account")
                    return SocialLink(platform.name, account.lower().lstrip("@") if account else None, is_post)
        return None


def load_table(raw: dict, key: str, context) -> SocialLinkTable:
    """Read and validate the platform table named by ``raw[key]`` (used by rule kinds)."""
    import regex

    from sns_lint.errors import RuleFileError
    from sns_lint.yaml_loading import load_yaml

    text, path = context.read_data_file(raw, key)
    data = load_yaml(text, path, RuleFileError)
    platforms = data.get("platforms") if isinstance(data, dict) else None
    if not isinstance(platforms, list) or not platforms:
        raise RuleFileError("platforms: のリストが必要です。", path, 1)

    def line_of(item: Any, name: str | None = None) -> int | None:
        if name is not None and hasattr(item, "line_of"):
            return item.line_of(name)
        return getattr(item, "line", None)

    table = []
    for item in platforms:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("hosts"), list):
            raise RuleFileError("各プラットフォームには name と hosts を書いてください。", path, line_of(item))
        hosts = item["hosts"]
        if not hosts or not all(isinstance(h, str) and h.strip(".").strip() for h in hosts):
            raise RuleFileError("hosts はドメイン名（文字列）のリストで書いてください。", path, line_of(item, "hosts"))
        compiled: dict[str, tuple] = {}
        for key_name in ("posts", "profiles"):
            patterns = item.get(key_name)
            if patterns is None:
                patterns = []
            if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
                raise RuleFileError(f"{key_name} は正規表現（文字列）のリストで書いてください。", path, line_of(item, key_name))
            compiled[key_name] = tuple(
                compile_user_regex(p, regex.VERSION0, path, line_of(item, key_name)) for p in patterns
            )
        table.append(_Platform(item["name"], DomainSet(hosts), compiled["posts"], compiled["profiles"]))
    return SocialLinkTable(table)
