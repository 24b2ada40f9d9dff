"""``phone_number``: telephone numbers that may not be published contacts (6-5).

Candidates come from the post's shared number runs (``analysis.phones``).
A number is dropped when it is a published contact: the account's
``contacts.phones``, the policy's ``published_phones`` (numbers or prefixes)
or a gazetteer facility. Otherwise ``phonenumbers`` tells its type, and each
rule takes the types it lists. A number with a private-context word before it
(自宅, 携帯 …) goes to the rule with ``private_context_file`` whatever its
type. A number written without area code (74-8082) is a candidate only after
a phone label (電話, TEL …); ``not_phone_file`` words before a number (〒,
口座番号 …) rule it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import WordSet, read_word_list

KEYS = ("types", "labels_file", "not_phone_file", "private_context_file")
PLACEHOLDERS = ("phone_type",)
TYPES = (
    "mobile", "pager", "personal_number", "fixed_line", "toll_free", "uan", "voip", "premium_rate",
    "shared_cost", "voicemail", "local", "foreign", "unknown",
)
TYPE_NAMES_JA = {
    "mobile": "携帯電話", "pager": "ポケットベル", "personal_number": "パーソナル番号",
    "fixed_line": "固定電話", "toll_free": "フリーダイヤル", "uan": "ナビダイヤル", "voip": "IP 電話",
    "premium_rate": "有料番号", "shared_cost": "着信課金", "voicemail": "ボイスメール",
    "local": "市外局番のない番号", "foreign": "海外の番号", "unknown": "種別不明の番号",
}


@dataclass(frozen=True)
class PhoneRuleData:
    types: frozenset[str]
    labels: WordSet
    not_phone: WordSet
    private: WordSet | None


def prepare(raw: dict, context: RuleContext) -> PhoneRuleData:
    types = context.strings(raw, "types", required=True)
    for name in types:
        if name not in TYPES:
            context.fail(f"types の「{name}」は不明です（使えるもの: {', '.join(TYPES)}）。", raw, "types")
    private = read_word_list(raw, "private_context_file", context, required=False)
    return PhoneRuleData(
        types=frozenset(types),
        labels=WordSet(read_word_list(raw, "labels_file", context)),
        not_phone=WordSet(read_word_list(raw, "not_phone_file", context)),
        private=WordSet(private) if private else None,
    )


class Checker:
    def __init__(self, rules: list[tuple[Any, PhoneRuleData]]):
        self._rules = rules
        self._private = [(rule, data) for rule, data in rules if data.private is not None]
        self._phone_type = None

    def check(self, analysis: Any) -> Iterator[Hit]:
        phones = analysis.phones
        if not phones:
            return
        phone_type = self._phone_type
        if phone_type is None:  # the analysis module is loaded by now: the post has phones
            from sns_lint.analysis.phones import phone_type

            self._phone_type = phone_type
        allowed = analysis.published_phones
        text = analysis.text
        for phone in phones:
            if allowed.allows(phone):
                continue
            data = self._rules[0][1]
            if phone.local and not data.labels.near(analysis, phone.start, phone.end, before=4):
                continue
            if data.not_phone.near(analysis, phone.start, phone.end, before=3):
                continue
            kind = "local" if phone.local else "foreign" if phone.foreign else phone_type(phone.number)
            if kind is None:  # not a valid number: a date, an amount, a code
                continue
            chosen = None
            for rule, rule_data in self._private:
                if rule_data.private.near(analysis, phone.start, phone.end, before=5):
                    chosen = rule
                    break
            if chosen is None:
                chosen = next((rule for rule, rule_data in self._rules if kind in rule_data.types), None)
            if chosen is None:
                continue
            yield Hit(
                rule_id=chosen.id, start=phone.start, end=phone.end,
                values={"phone_type": TYPE_NAMES_JA.get(kind, kind), "number": text[phone.start : phone.end]},
            )
