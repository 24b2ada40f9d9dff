"""``length``: a post must fit its platform (5-5: concise posts).

Rule data ``limits`` maps each platform to ``limit``, ``count``
(``weighted`` for X's twitter-text weights, or ``characters``) and optionally
``max_hashtags``. An account's ``max_length`` in the policy overrides the limit
for that account's platform. The finding underlines what does not fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.post_length import COUNT_METHODS, PlatformLimit, hashtags, limit_of, measure
from sns_lint.checkers import Hit, RuleContext
from sns_lint.posts import PLATFORMS

KEYS = ("limits",)
PLACEHOLDERS = ("platform", "length", "limit", "over", "unit")
PLATFORM_NAMES = {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "line": "LINE", "threads": "Threads"}
UNITS = {"weighted": "（X の数え方: 全角 2・URL 23）", "characters": ""}


@dataclass(frozen=True)
class LengthData:
    limits: dict[str, PlatformLimit]


def prepare(raw: dict, context: RuleContext) -> LengthData:
    limits = raw.get("limits")
    if not isinstance(limits, dict) or not limits:
        context.fail("limits にプラットフォームごとの上限を書いてください。", raw, "limits" if "limits" in raw else None)
    parsed = {}
    for platform, item in limits.items():
        if platform not in PLATFORMS:
            context.fail(f"limits の「{platform}」は不明なプラットフォームです。", limits, platform)
        if not isinstance(item, dict) or not isinstance(item.get("limit"), int) or item["limit"] <= 0:
            context.fail(f"limits.{platform} には正の整数の limit を書いてください。", limits, platform)
        method = item.get("count", "characters")
        if method not in COUNT_METHODS:
            context.fail(f"limits.{platform}.count は {' か '.join(COUNT_METHODS)} です。", item, "count")
        tags = item.get("max_hashtags")
        if tags is not None and (not isinstance(tags, int) or tags < 0):
            context.fail(f"limits.{platform}.max_hashtags は 0 以上の整数です。", item, "max_hashtags")
        parsed[platform] = PlatformLimit(item["limit"], method, tags)
    return LengthData(parsed)


class Checker:
    def __init__(self, rules: list[tuple[Any, LengthData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        platform = analysis.platform
        if platform is None:
            analysis.notes.append(
                "プラットフォームが分からないため、文字数（5-5）を点検していません"
                "（フロントマターの platform・account か --platform で指定してください）。"
            )
            return
        for rule, data in self._rules:
            limit = data.limits.get(platform)
            if limit is None:
                continue
            weighing = analysis.x_weighing if limit.count == "weighted" else None
            values = {"platform": PLATFORM_NAMES[platform], "unit": UNITS[limit.count]}
            # The counted body is the post without the blank space around it, never longer
            # than the whole post: a post that fits as a whole is not measured further.
            whole = weighing.length if weighing is not None else len(analysis.text)
            if whole > limit_of(limit, platform, analysis.account):
                measured = measure(analysis.text, platform, limit, analysis.account, weighing)
            else:
                measured = None
            if measured is not None and measured.cut is not None:
                yield Hit(
                    rule.id,
                    measured.body_start + measured.cut,
                    measured.body_end,
                    {**values, "length": measured.length, "limit": measured.limit, "over": measured.over},
                )
            if limit.max_hashtags is not None:
                tags = hashtags(analysis.text)
                if len(tags) > limit.max_hashtags:
                    first_extra = tags[limit.max_hashtags]
                    yield Hit(
                        rule.id,
                        first_extra.start(),
                        tags[-1].end(),
                        {**values, "unit": "（ハッシュタグの数）", "length": len(tags), "limit": limit.max_hashtags,
                         "over": len(tags) - limit.max_hashtags},
                    )
