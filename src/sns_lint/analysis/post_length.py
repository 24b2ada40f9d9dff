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
    body_end: int
    cut: int | None = None  # offset from ``body_start`` of the first character that no longer fits

    @property
    def remaining(self) -> int:
        return self.limit - self.length

    @property
    def over(self) -> int:
        return max(0, self.length - self.limit)


_EDGE = 4_096  # blank space is looked for this many characters at a time: a 10 MB post is not copied


def body_bounds(text: str) -> tuple[int, int]:
    """Start and end of the text without the blank space around it ((0, 0) when all blank)."""
    size = len(text)
    start = 0
    while start < size:
        head = text[start : start + _EDGE]
        kept = len(head.lstrip())
        start += len(head) - kept
        if kept:
            break
    if start >= size:
        return 0, 0
    end = size
    while end > start:
        tail = text[max(start, end - _EDGE) : end]
        kept = len(tail.rstrip())
        end -= len(tail) - kept
        if kept:
            break
    return start, end


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
    start, end = body_bounds(text)
    limit = limit_of(rule, platform, account)
    if rule.count == "weighted":
        if weighing is None:
            from sns_lint.analysis.weighted_length import weigh_post

            weighing = weigh_post(text)
        length = weighing.span_length(start, end)
        cut = weighing.overflow_offset(limit, start) if length > limit else None
        return Measurement(platform, length, limit, start, end, cut)
    length = end - start
    return Measurement(platform, length, limit, start, end, limit if length > limit else None)


def hashtags(text: str) -> list[re.Match]:
    return list(_HASHTAG.finditer(text))
