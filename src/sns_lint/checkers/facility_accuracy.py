"""``facility_accuracy``: a facility's phone number or address that differs from the gazetteer (5-4).

When a post names a facility of the gazetteer (``places:``) and gives, right
after the name, a phone number or an address that differs from the registered
one, the finding suggests the registered value. "Right after" means within a
few characters (``MAX_GAP``), in the same sentence, before the next facility
name, and with no other desk named in between (「図書館（問い合わせ：市民課
099-…）」: the number is the desk's, words in ``desk_words_file``). Numbers the
policy lists as published contacts (``contacts.phones``, ``published_phones``)
are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import WordSet, read_word_list

KEYS = ("labels_file", "not_phone_file", "desk_words_file")
MAX_GAP = 24  # characters between the facility name and its phone number or address
PLACEHOLDERS = ("facility", "what", "registered")


@dataclass(frozen=True)
class AccuracyData:
    labels: WordSet  # a number without area code is a phone number only after one of these
    not_phone: WordSet  # 〒, 口座番号 … before a number: not a phone number
    desks: WordSet  # 課, 係, 窓口 … between name and number: the number is that desk's


def prepare(raw: dict, context: RuleContext) -> AccuracyData:
    return AccuracyData(
        labels=WordSet(read_word_list(raw, "labels_file", context)),
        not_phone=WordSet(read_word_list(raw, "not_phone_file", context)),
        desks=WordSet(read_word_list(raw, "desk_words_file", context)),
    )


_SENTENCE_END = re.compile("[。！？!?\n]")
_policy_lists: dict = {}


def _policy_phones(analysis: Any) -> Any:
    """Published numbers of the policy alone (the gazetteer is what is being compared against)."""
    from sns_lint.analysis.phones import PhoneAllowList

    key = (id(analysis.config), analysis.account.key if analysis.account else None)
    if key not in _policy_lists:
        contacts = analysis.account.contacts.phones if analysis.account else ()
        _policy_lists[key] = (analysis.config, PhoneAllowList.build(contacts, analysis.config.published_phones))
    return _policy_lists[key][1]


def _between(items: list, low: int, high: int) -> list:
    """Items (sorted by start) that start in [low, high)."""
    first = bisect_left(items, low, key=lambda item: item.start)
    last = bisect_left(items, high, key=lambda item: item.start)
    return items[first:last]


class Checker:
    def __init__(self, rules: list[tuple[Any, AccuracyData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        gazetteer = analysis.gazetteer
        if gazetteer is None or gazetteer.name_pattern is None:
            return
        text = analysis.text
        mentions = list(gazetteer.name_pattern.finditer(text))
        if not mentions:
            return
        for number, mention in enumerate(mentions):
            facility = gazetteer.facility_named(mention.group())
            stop = mention.end() + MAX_GAP + 1
            sentence_end = _SENTENCE_END.search(text, mention.end(), stop)
            if sentence_end is not None:
                stop = sentence_end.start()
            if number + 1 < len(mentions):
                stop = min(stop, mentions[number + 1].start())
            for rule, data in self._rules:
                if facility.phone_digits:
                    yield from self._phones(rule, data, analysis, facility, mention.end(), stop)
                if facility.address_key:
                    yield from self._addresses(rule, data, analysis, facility, mention.end(), stop)

    @staticmethod
    def _phones(rule: Any, data: AccuracyData, analysis: Any, facility: Any, low: int, high: int) -> Iterator[Hit]:
        policy = _policy_phones(analysis)
        registered = facility.phone_digits
        for phone in _between(analysis.phones, low, high):
            if phone.foreign or policy.allows(phone):
                continue  # a department's published number written next to the facility
            if phone.local and not data.labels.near(analysis, phone.start, phone.end, before=4):
                continue
            if data.not_phone.near(analysis, phone.start, phone.end, before=3):
                continue
            if registered == phone.number or (phone.local and registered.endswith(phone.number)):
                continue
            if data.desks.search(analysis.text, low, phone.start):
                continue  # 図書館（問い合わせ：市民課 099-…）: another desk's number
            yield Hit(
                rule.id, phone.start, phone.end,
                values={"facility": facility.name, "what": "電話番号", "registered": facility.phone},
                suggestion=facility.phone,
            )

    @staticmethod
    def _addresses(rule: Any, data: AccuracyData, analysis: Any, facility: Any, low: int, high: int) -> Iterator[Hit]:
        from sns_lint.analysis.addresses import same_address

        for address in _between(analysis.addresses, low, high):
            if same_address(address.key, facility.address_key) or data.desks.search(analysis.text, low, address.start):
                continue
            if any(same_address(address.key, key) for key in analysis.published_address_keys):
                continue  # another listed address (the city hall's) next to the name
            yield Hit(
                rule.id, address.start, address.end,
                values={"facility": facility.name, "what": "所在地", "registered": facility.address},
                suggestion=facility.address,
            )
