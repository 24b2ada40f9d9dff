"""Recognise links to social-media accounts and posts from a data table.

The table (``rules/data/social-platforms.yaml``) lists, per platform, its
hosts and path patterns for posts and for profiles, with a named group
``account`` where the URL carries the owner's handle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sns_lint.analysis.domains import DomainSet


@dataclass(frozen=True)
class SocialLink:
    platform: str
    account: str | None  # lower-case handle; None when the URL does not say
    is_post: bool


@dataclass(frozen=True)
class _Platform:
    name: str
    hosts: DomainSet
    posts: tuple[re.Pattern, ...]
    profiles: tuple[re.Pattern, ...]


class SocialLinkTable:
    def __init__(self, platforms: list[_Platform]):
        self._platforms = platforms
        self._seen: dict[tuple[str, str], SocialLink | None] = {}  # links recur across posts

    @classmethod
    def from_data(cls, data: list[dict]) -> "SocialLinkTable":
        return cls(
            [
                _Platform(
                    name=item["name"],
                    hosts=DomainSet(item["hosts"]),
                    posts=tuple(re.compile(p) for p in item.get("posts", ())),
                    profiles=tuple(re.compile(p) for p in item.get("profiles", ())),
                )
                for item in data
            ]
        )

    def classify(self, url: str, host: str) -> SocialLink | None:
        key = (url, host)
        if key not in self._seen:
            if len(self._seen) > 4096:
                self._seen.clear()
            self._seen[key] = self._classify(url, host)
        return self._seen[key]

    def _classify(self, url: str, host: str) -> SocialLink | None:
        platform = next((p for p in self._platforms if p.hosts.match(host)), None)
        if platform is None:
            return None
        parts = urlsplit(url)
        target = parts.path + ("?" + parts.query if parts.query else "")
        for patterns, is_post in ((platform.posts, True), (platform.profiles, False)):
            for pattern in patterns:
                match = pattern.match(target)
                if match:
                    account = match.groupdict().get("account")
                    return SocialLink(platform.name, account.lower().lstrip("@") if account else None, is_post)
        return None


def load_table(raw: dict, key: str, context) -> SocialLinkTable:
    """Read and validate the platform table named by ``raw[key]`` (used by rule kinds)."""
    from sns_lint.errors import RuleFileError
    from sns_lint.yaml_loading import load_yaml

    text, path = context.read_data_file(raw, key)
    data = load_yaml(text, path, RuleFileError)
    platforms = data.get("platforms") if isinstance(data, dict) else None
    if not isinstance(platforms, list) or not platforms:
        raise RuleFileError("platforms: のリストが必要です。", path, 1)
    for item in platforms:
        line = getattr(item, "line", None)
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("hosts"), list):
            raise RuleFileError("各プラットフォームには name と hosts を書いてください。", path, line)
        for key_name in ("posts", "profiles"):
            for pattern in item.get(key_name, ()) or ():
                try:
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    raise RuleFileError(f"{key_name} の正規表現「{pattern}」が不正です: {exc}", path, line) from None
    return SocialLinkTable.from_data(platforms)
