"""``sns-lint count``: each post's length the way its platform counts it."""

from __future__ import annotations

from dataclasses import dataclass

from sns_lint.analysis.post_length import Measurement, PlatformLimit, measure
from sns_lint.checking import resolve_account
from sns_lint.config.model import Config
from sns_lint.errors import InputError, NotASchedule, SnsLintError
from sns_lint.posts import PLATFORMS, Post
from sns_lint.rulebook.model import Rule
from sns_lint.sources.discovery import discover
from sns_lint.sources.post_files import posts_from_source
from sns_lint.sources.text_files import read_source


@dataclass(frozen=True)
class PostCount:
    path: str
    post: int
    label: str
    measurement: Measurement


def platform_limits(rules: list[Rule]) -> dict[str, PlatformLimit]:
    for rule in rules:
        if rule.kind == "length":
            return rule.data.limits
    raise SnsLintError("文字数の上限を定めたルール（kind: length）がありません。")


def measure_post(
    post: Post, platform: str | None, config: Config, limits: dict[str, PlatformLimit], warnings: list[str]
) -> Measurement | None:
    """The post's length on ``platform``, else on its own or its account's platform (None: unknown)."""
    account = resolve_account(post, config, warnings)
    chosen = platform or post.meta.platform or (account.platform if account else None) or config.default_platform
    if chosen is None:
        return None
    if chosen not in limits:
        raise InputError(f"{chosen} の文字数の上限が定められていません。", post.source.path)
    return measure(post.text, chosen, limits[chosen], account)


def count_posts(paths: list[str], platform: str | None, config: Config, rules: list[Rule]) -> list[PostCount]:
    from sns_lint.checkers.post_length import PLATFORM_NAMES

    if platform is not None:
        platform = platform.lower()
        if platform not in PLATFORMS:
            raise SnsLintError(f"不明なプラットフォーム「{platform}」です（使えるもの: {', '.join(PLATFORMS)}）。")
    limits = platform_limits(rules)
    results = []
    for path in discover(paths, []):
        source = read_source(path)
        warnings: list[str] = []
        try:
            posts = posts_from_source(source, config, warnings)
        except NotASchedule:
            if path in paths:  # named on the command line: say it holds no posts
                raise
            continue  # a folder's YAML/CSV without posts
        for post in posts:
            measured = measure_post(post, platform, config, limits, warnings)
            if measured is None:
                raise InputError(
                    "プラットフォームが分かりません。--platform を指定するか、フロントマターか設定でアカウントを指定してください。",
                    path,
                )
            results.append(PostCount(path, post.index, PLATFORM_NAMES[measured.platform], measured))
    return results
