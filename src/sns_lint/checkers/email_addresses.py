"""``email_address``: e-mail addresses that are not the city's published contacts (6-5).

Listed contacts (``contacts.emails``), addresses under ``own_domains`` and
gazetteer addresses are fine. Free-mail domains (a list in the rule's data)
and personal-looking local parts (a birth year, ``given.family``) are errors;
any other address is the rule's own severity, asking to confirm it is a
published contact. Role words (info, koho, soudan …) in the local part keep
an address from looking personal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import inside_url_word, read_word_list
from sns_lint.findings import Severity

KEYS = ("free_mail_file", "role_words_file")
PLACEHOLDERS = ("domain", "reason")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９])"
    r"[A-Za-z0-9._%+\-Ａ-Ｚａ-ｚ０-９．＿－]{1,64}[@＠][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９－]+(?:[.．][A-Za-z0-9\-Ａ-Ｚａ-ｚ０-９－]+)*[.．][A-Za-zＡ-Ｚａ-ｚ]{2,}"
)
_QUICK = re.compile("[@＠]")
_BIRTH_YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20[01]\d)(?!\d)|(?<!\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")
_TWO_NAMES = re.compile(r"^[a-z]{2,}[._\-][a-z]{2,}\d*$")


@dataclass(frozen=True)
class EmailData:
    free_mail: tuple[str, ...]
    role_words: tuple[str, ...]


def prepare(raw: dict, context: RuleContext) -> EmailData:
    return EmailData(
        free_mail=tuple(d.lower() for d in read_word_list(raw, "free_mail_file", context)),
        role_words=tuple(w.lower() for w in read_word_list(raw, "role_words_file", context)),
    )


def _under(domain: str, parents: tuple[str, ...] | frozenset[str]) -> bool:
    return any(domain == p or domain.endswith("." + p) for p in parents)


class Checker:
    def __init__(self, rules: list[tuple[Any, EmailData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        if _QUICK.search(text) is None:
            return
        listed = set(analysis.account.contacts.emails) if analysis.account else set()
        if analysis.gazetteer is not None:
            listed |= analysis.gazetteer.emails
        own = analysis.config.own_domains
        for match in _EMAIL.finditer(text):
            if inside_url_word(text, match.start()):
                continue  # user info of a URL (https://a.example@b.example/): the URL rules report it
            address = unicodedata.normalize("NFKC", match.group()).lower()
            local, _at, domain = address.partition("@")
            if address in listed or _under(domain, own):
                continue
            for rule, data in self._rules:
                reason = None
                if _under(domain, data.free_mail):
                    reason = "フリーメールのアドレス"
                elif not any(word in local for word in data.role_words) and (
                    _BIRTH_YEAR.search(local) or _TWO_NAMES.match(local)
                ):
                    reason = "個人名や生年月日のようなアドレス"
                yield Hit(
                    rule_id=rule.id, start=match.start(), end=match.end(),
                    values={"domain": domain, "reason": reason or "運用ポリシーにないアドレス"},
                    severity=Severity.ERROR if reason else None,
                )
