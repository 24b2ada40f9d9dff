"""How long a post is for its platform, the way the platform counts.

X counts with twitter-text v3 weights (CJK 2, each URL 23, an emoji sequence
2); the other platforms count characters (code points). Leading and trailing
blank space of the draft file is not part of the post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sns_lint.analysis.weighted_length import Weighing
    from sns_lint.config.model import Account

COUNT_METHODS = ("weighted", "characters")
# "#" or "＃" not after a word character or "&" (the look-behind comes after the mark, so
# ``re`` scans for the mark itself), not followed by digits only, then the tag.
_HASHTAG = re.compile(r"[#＃](?<![\w&][#＃])(?![\d０-９]+(?:\W|$))[\w\u30fc\u3005]+")


@dataclass(frozen=True)
class PlatformLimit:
    limit: int
    count: str = "characters"
    max_hashtags: int | None = None


@dataclass(frozen=True)
class Measurement:
    platform: str
    length: int
    limit: int
    body_start: int  # offset of the counted text in the post
    body: str
    cut: int | None = None  # offset in ``body`` of the first character that no longer fits

    @property
    def remaining(self) -> int:
        return self.limit - self.length

    @property
    def over(self) -> int:
        return max(0, self.length - self.limit)


def body_of(text: str) -> tuple[int, str]:
    stripped = text.strip()
    return (text.find(stripped) if stripped else 0), stripped


def limit_of(rule: PlatformLimit, platform: str, account: "Account | None" = None) -> int:
    """The account's ``max_length`` replaces the platform's limit when it posts there."""
    override = account.max_length if account is not None and account.platform == platform else None
    return override or rule.limit


def measure(
    text: str,
    platform: str,
    rule: PlatformLimit,
    account: "Account | None" = None,
    weighing: "Weighing | None" = None,
) -> Measurement:
    """The account's ``max_length`` replaces the platform's limit when it posts there.

    For X, *weighing* is the post's ``weigh_post`` result when the caller has it
    (``PostAnalysis.x_weighing``): length and overflow come from that one pass.
    """
    start, body = body_of(text)
    limit = limit_of(rule, platform, account)
    if rule.count == "weighted":
        if weighing is None:
            from sns_lint.analysis.weighted_length import weigh_post

            weighing = weigh_post(text)
        counted = weighing.part(start, start + len(body))
        return Measurement(platform, counted.length, limit, start, body, counted.overflow_offset(limit))
    length = len(body)
    return Measurement(platform, length, limit, start, body, limit if length > limit else None)


def hashtags(text: str) -> list[re.Match]:
    return list(_HASHTAG.finditer(text))
