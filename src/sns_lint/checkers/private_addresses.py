"""``private_address``: a place followed by block and house numbers (6-5).

Candidates come from ``analysis.addresses``. A candidate is an address when
the token right before the numbers is a place: Sudachi tags it 地名, or it
ends with a town suffix from ``town_suffixes_file`` (町, 丁目, 字 …). It is not
a finding when its normalised form matches the account's
``contacts.addresses`` or a gazetteer facility (11番1号 = 11-1 = 十一番一号,
a building name after the number ignored), or when a gazetteer facility is
named right before it. An address written next to a facility word (公民館,
センター, ホール … from ``facility_words_file``: before it within a few tokens,
before the bracket it is written in, or as the building name after the number) is a venue that is not in the
gazetteer yet: information, asking to register it, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import WordSet, read_word_list
from sns_lint.findings import Severity

KEYS = ("town_suffixes_file", "facility_words_file")
PLACEHOLDERS = ()


@dataclass(frozen=True)
class AddressData:
    town_suffixes: tuple[str, ...]
    facility_words: WordSet


def prepare(raw: dict, context: RuleContext) -> AddressData:
    return AddressData(
        town_suffixes=read_word_list(raw, "town_suffixes_file", context),
        facility_words=WordSet(read_word_list(raw, "facility_words_file", context, required=False)),
    )


_BRACKET_REACH = 40  # characters from an opening bracket to the address inside it (〒 code and city)


def _enclosing_bracket(text: str, start: int) -> int | None:
    """Offset of the opening bracket the address sits in (on its line, not closed before it)."""
    low = max(0, start - _BRACKET_REACH, text.rfind("\n", 0, start) + 1)
    opening = max(text.rfind("（", low, start), text.rfind("(", low, start))
    if opening < 0 or max(text.find("）", opening, start), text.find(")", opening, start)) >= 0:
        return None
    return opening


def place_start(analysis: Any, candidate: Any, suffixes: tuple[str, ...]) -> int | None:
    """Start of the place token before the numbers, or None when that token is no place."""
    tokens = analysis.tokens
    index = analysis.token_index(candidate.numbers_start - 1)
    if index < 0 or tokens.end(index) != candidate.numbers_start or tokens.start(index) < candidate.start:
        return None
    surface = tokens.surfaces[index]
    if surface.endswith(suffixes) or tokens.pos(index)[2] == "地名":
        start = tokens.start(index)
        # take in the place names written before it (鹿児島市 山下町)
        while index > 0 and tokens.start(index - 1) >= candidate.start and tokens.pos(index - 1)[2] == "地名":
            index -= 1
            start = tokens.start(index)
        return start
    return None


class Checker:
    def __init__(self, rules: list[tuple[Any, AddressData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        candidates = analysis.addresses
        if not candidates:
            return
        from sns_lint.analysis.addresses import same_address

        published = analysis.published_address_keys
        for rule, data in self._rules:
            for candidate in candidates:
                start = place_start(analysis, candidate, data.town_suffixes)
                if start is None:
                    continue
                if any(same_address(candidate.key, key) for key in published):
                    continue
                venue = data.facility_words.near(analysis, start, candidate.end, before=6, after=3)
                if not venue:  # 〇〇県庁（〒890-8577 鹿児島市鴨池新町10番1号）: the name before the bracket
                    opening = _enclosing_bracket(analysis.text, start)
                    if opening is not None:
                        venue = data.facility_words.near(analysis, opening, opening + 1, before=6)
                yield Hit(rule.id, start, candidate.end, severity=Severity.INFO if venue else None)
