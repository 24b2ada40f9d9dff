"""``quote``: quoting or reposting another account's post (5-8).

Fires on links to posts (per the social-media table) whose account is not in
the policy's ``own_accounts`` (also when the URL does not name the owner,
as with Instagram's ``/p/`` links), and on lines that start ``RT @user`` or
``QT @user`` for a user that is not the city's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.social_links import SocialLinkTable, load_table
from sns_lint.checkers import Hit, RuleContext

KEYS = ("platforms_file",)
PLACEHOLDERS = ("account", "platform", "url")
_REPOST_LINE = re.compile(r"^[ \t\u3000]*(?:RT|QT|ＲＴ|ＱＴ)[ \t\u3000:：]*[@＠](?P<account>[A-Za-z0-9_]{1,15})", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class QuoteData:
    platforms: SocialLinkTable


def prepare(raw: dict, context: RuleContext) -> QuoteData:
    if raw.get("platforms_file") is None:
        context.fail("platforms_file（SNS の URL の表）を指定してください。", raw, None)
    return QuoteData(load_table(raw, "platforms_file", context))


class Checker:
    def __init__(self, rules: list[tuple[Any, QuoteData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        reposts = "@" in text or "＠" in text  # a repost line names the account
        if not reposts and not analysis.urls:
            return
        own = frozenset(analysis.config.own_accounts)
        for rule, data in self._rules:
            for url in analysis.urls:
                social = data.platforms.classify(url.normalized, url.host)
                data.platforms.report_timeouts(rule, analysis.notes)
                if social is None or not social.is_post or social.account in own:
                    continue
                account = "@" + social.account if social.account else "URL からは不明"
                yield Hit(rule.id, url.start, url.end, {"account": account, "platform": social.platform, "url": url.url})
            for match in _REPOST_LINE.finditer(text) if reposts else ():
                handle = match.group("account").lower()
                if handle not in own:
                    yield Hit(rule.id, match.start(), match.end(), {"account": "@" + match.group("account"), "platform": "X", "url": ""})
