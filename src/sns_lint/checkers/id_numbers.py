"""``id_number``: My Number, payment card and bank account numbers (6-5). Values are masked.

- ``number: my_number``: 12 digits near a context word (マイナンバー, 個人番号 …):
  the rule's severity; 12 digits written 4-4-4 whose check digit holds
  (``stdnum.jp.in_``) without context: warning. A valid 法人番号 (13 digits,
  ``stdnum.jp.cn``) is public by law and never taken for one.
- ``number: card``: 13–19 digits that pass Luhn (``stdnum.luhn``) and start like
  a card (2–6), or any digits near a card context word.
- ``number: bank``: digits near an account context word (口座番号 …). An
  account whose holder (the words after 名義) is a public body is published on
  purpose and not personal: a city's donation account (義援金の振込先, 名義
  鹿児島市災害義援金) or its fee account (名義 鹿児島市会計管理者). Public means
  a word from ``public_holders_file`` (社会福祉協議会, 日本赤十字社, ギエンキン …)
  or a first word that is a municipality name (two or more kanji and
  市・町・村・県…, so 中村 is not one). Every holder named in the post must be
  public; an account with no holder named stays a finding.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.numbers import may_hold_run
from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import WordSet, read_word_list
from sns_lint.findings import Severity

KEYS = ("number", "context_file", "public_holders_file")
PLACEHOLDERS = ()
NUMBERS = ("my_number", "card", "bank")
MASK_KEEP = 4
_MUNICIPALITY = re.compile(r"[\u4e00-\u9fffヶ々]{2,10}[都道府県市区町村]")
_HOLDER = re.compile(r"(?:口座)?名義(?:人)?[ \u3000]*[:：は]?[ \u3000]*(?P<holder>[^\n、。]{2,40})")


@dataclass(frozen=True)
class IdNumberData:
    number: str
    context: WordSet
    public_holders: tuple[str, ...]


def prepare(raw: dict, context: RuleContext) -> IdNumberData:
    number = raw.get("number")
    if number not in NUMBERS:
        context.fail(f"number は {', '.join(NUMBERS)} のいずれかで書いてください。", raw, "number" if "number" in raw else None)
    return IdNumberData(
        number=number,
        context=WordSet(read_word_list(raw, "context_file", context)),
        public_holders=read_word_list(raw, "public_holders_file", context, required=False),
    )


def _grouped_444(groups: tuple[str, ...]) -> bool:
    return tuple(len(g) for g in groups) == (4, 4, 4)


class Checker:
    def __init__(self, rules: list[tuple[Any, IdNumberData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        if not may_hold_run(analysis.text, 4):
            return
        runs = [run for run in analysis.numbers if len(run.digits) >= 4]
        if not runs:
            return
        taken: set[tuple[int, int]] = set()
        for rule, data in self._rules:
            handler = {"my_number": self._my_number, "card": self._card, "bank": self._bank}[data.number]
            for hit in handler(rule, data, analysis, runs):
                if (hit.start, hit.end) not in taken:
                    taken.add((hit.start, hit.end))
                    yield hit

    def _my_number(self, rule: Any, data: IdNumberData, analysis: Any, runs: list) -> Iterator[Hit]:
        for run in runs:
            if len(run.digits) != 12:
                continue
            from stdnum.jp import in_

            if data.context.near(analysis, run.start, run.end, before=6):
                yield Hit(rule.id, run.start, run.end, mask=MASK_KEEP)
            elif _grouped_444(run.groups) and in_.is_valid(run.digits):
                yield Hit(rule.id, run.start, run.end, mask=MASK_KEEP, severity=Severity.WARNING)

    def _card(self, rule: Any, data: IdNumberData, analysis: Any, runs: list) -> Iterator[Hit]:
        for run in runs:
            digits = run.digits
            if 13 <= len(digits) <= 19 and digits[0] in "23456":
                from stdnum import luhn
                from stdnum.jp import cn

                if luhn.is_valid(digits) and not (len(digits) == 13 and cn.is_valid(digits)):
                    yield Hit(rule.id, run.start, run.end, mask=MASK_KEEP)
                    continue
            if len(digits) >= 4 and data.context.near(analysis, run.start, run.end, before=5):
                yield Hit(rule.id, run.start, run.end, mask=MASK_KEEP)

    def _bank(self, rule: Any, data: IdNumberData, analysis: Any, runs: list) -> Iterator[Hit]:
        public_account = None  # decided once per post, only when an account number is seen
        for run in runs:
            if not data.context.near(analysis, run.start, run.end, before=5):
                continue
            if public_account is None:
                public_account = self._public_account(data, analysis.text)
            if public_account:
                continue
            yield Hit(rule.id, run.start, run.end, mask=MASK_KEEP)

    @staticmethod
    def _public_account(data: IdNumberData, text: str) -> bool:
        """Every holder (名義) the post names is a public body."""
        holders = [unicodedata.normalize("NFKC", m.group("holder")).strip() for m in _HOLDER.finditer(text)]
        return bool(holders) and all(_public_holder(holder, data.public_holders) for holder in holders)


def _public_holder(holder: str, words: tuple[str, ...]) -> bool:
    if any(word in holder for word in words):
        return True
    first = re.split(r"[ \u3000（(]", holder, maxsplit=1)[0]
    return _MUNICIPALITY.fullmatch(first) is not None or _MUNICIPALITY.match(first) is not None and any(
        word in first for word in words
    )
