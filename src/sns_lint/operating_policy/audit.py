"""``sns-lint policy check``: every item guideline 3-(1) asks an operating policy to define,
plus the comment handling of 7-(1) and the contact points of 7-(2), per account.

The findings are ordinary findings on the config file, so every reporter shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sns_lint.checking import FileResult, Report
from sns_lint.config.model import Config
from sns_lint.findings import Finding, Severity
from sns_lint.operating_policy import AccountPolicy, account_policy

RULE_ITEM = "policy-item"
RULE_CONTACTS = "policy-contacts"


@dataclass(frozen=True)
class PolicyItem:
    clause: str
    label: str  # what the policy must state, in the user's words
    keys: tuple[str, ...]  # where it is written in sns-lint.yaml
    present: Callable[[AccountPolicy], tuple[str, ...]]  # the keys that are missing
    severity: Severity = Severity.ERROR


def _missing(*keys: str) -> Callable[[AccountPolicy], tuple[str, ...]]:
    def check(policy: AccountPolicy) -> tuple[str, ...]:
        return tuple(key for key in keys if not _value(policy, key))

    return check


def _value(policy: AccountPolicy, key: str):
    if key in ("name", "platform", "hours"):
        return getattr(policy.account, key)
    return getattr(policy.texts, key)


ITEMS = (
    PolicyItem("3-1-ア", "運用するソーシャルメディアの種類", ("platform",), _missing("platform")),
    PolicyItem("3-1-イ", "アカウント名・URL・運用部署", ("name", "url", "department"), _missing("name", "url", "department")),
    PolicyItem("3-1-ウ", "発信の目的と掲載内容", ("purpose", "content"), _missing("purpose", "content")),
    PolicyItem("3-1-エ", "運用の方法（運用時間・コメントや質問への対応）", ("hours", "comments"), _missing("hours", "comments")),
    PolicyItem("3-1-オ", "禁止事項", ("prohibited",), _missing("prohibited")),
    PolicyItem("3-1-カ", "知的財産権の帰属", ("intellectual_property",), _missing("intellectual_property")),
    PolicyItem("3-1-キ", "免責事項", ("disclaimer",), _missing("disclaimer")),
    PolicyItem(
        "7-1", "フォロー・共有・「いいね」などの扱い", ("interactions",), _missing("interactions"), Severity.WARNING
    ),
)


def _as_given(path: str) -> str:
    """The policy's path relative to the working folder when it lies inside it (CI annotations
    and SARIF name files relative to the repository), else as it is."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def audit(config: Config, cite: Callable[[str], str], source_text: str) -> Report:
    """A report on the config file: one finding per missing item per account."""
    from sns_lint.text_positions import LineIndex

    path = _as_given(str(config.path))
    lines = LineIndex(source_text)
    result = FileResult(path=path, posts=len(config.accounts))

    def finding(rule: str, clause: str, severity: Severity, message: str, line: int) -> Finding:
        line = max(1, min(line, source_text.count("\n") + 1))
        text = lines.line_text(line)
        start = lines.offset(line, 1)
        return Finding(
            path=path, post=0, rule=rule, clause=cite(clause), severity=severity, message=message,
            start=start, end=start + len(text), line=line, column=1, end_line=line,
            end_column=len(text) + 1, text=text,
        )

    if not config.accounts:
        result.findings.append(
            finding(RULE_ITEM, "3-1", Severity.ERROR, "accounts にアカウントがありません（sns-lint init で作れます）。", 1)
        )
    for key, account in config.accounts.items():
        policy = account_policy(account, config)
        where = account.line or 1
        for item in ITEMS:
            missing = item.present(policy)
            if missing:
                message = (
                    f"アカウント「{key}」の運用ポリシーに「{item.label}」がありません"
                    f"（{', '.join(missing)} を書いてください）。"
                )
                result.findings.append(finding(RULE_ITEM, item.clause, item.severity, message, where))
        if policy.texts.comments == "none":
            absent = [name for name, values in (("電話番号", account.contacts.phones), ("メールアドレス", account.contacts.emails)) if not values]
            if absent:
                line = account.key_lines.get("comments", where)
                message = (
                    f"アカウント「{key}」はコメントに回答しない（comments: none）ので、問い合わせ先の"
                    f"{'と'.join(absent)}を contacts に書いてください。"
                )
                result.findings.append(finding(RULE_CONTACTS, "7-2", Severity.ERROR, message, line))
    result.findings.sort(key=Finding.sort_key)
    result.source_lines = {f.line: lines.line_text(f.line) for f in result.findings}
    return Report(files=[result])
