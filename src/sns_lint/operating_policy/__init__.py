"""The operating policy as a document (guideline section 3): what it must state, whether an
account's policy states it (``policy check``), the page to publish (``policy render``) and a
first ``sns-lint.yaml`` for a new account (``init``)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sns_lint.config.model import Account, Config, PolicyTexts

PLATFORM_LABELS = {"x": "X（旧 Twitter）", "facebook": "Facebook", "instagram": "Instagram", "line": "LINE", "threads": "Threads"}
ACCOUNT_ONLY = ("url", "department")


@dataclass(frozen=True)
class AccountPolicy:
    """One account's policy: its own texts, with the shared ``policy:`` texts filling the gaps."""

    account: Account
    texts: PolicyTexts
    organization: str | None

    @property
    def title(self) -> str:
        return self.account.name or self.account.key

    @property
    def platform_label(self) -> str:
        return PLATFORM_LABELS.get(self.account.platform, self.account.platform)


def account_policy(account: Account, config: Config) -> AccountPolicy:
    merged = {}
    for item in fields(PolicyTexts):
        own = getattr(account.policy, item.name)
        shared = None if item.name in ACCOUNT_ONLY else getattr(config.policy, item.name)
        merged[item.name] = own if own else shared
    return AccountPolicy(account=account, texts=PolicyTexts(**merged), organization=config.organization)
