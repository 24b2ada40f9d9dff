"""``person_name``: a private person's name with private context (6-5).

Sudachi's 名詞,固有名詞,人名 tokens (a family and a given name next to each
other are one name) are candidates. A name alone is never a finding: it needs
a private-context signal, and each kind of signal counts once:

- ``honorific``: さん / くん / ちゃん / 様 right after the name,
- ``house``: 宅 / 方 after the name (「石田様宅」), or a street address in the sentence,
- ``age``: （45） after the name, or 45歳 in the sentence,
- ``school``: a school word and a grade (3年) in the sentence,
- ``incident``: fire, accident, crime, illness, lost item, victim words in the sentence.

One signal: warning; two or more: the rule's severity. Officials and public
figures acting in public are never findings: a title or role within a few
tokens (市長, 議員, 講師, 教授, 氏 …, ``titles_file``), a name that is part of a
facility, event or place name (永守重信市民会館, 紫原小学校: ``name_suffixes_file``), or a
name in a sentence dated a century back (history, not a resident). The posts
without any signal word are passed over before any part of speech is read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.literal_patterns import longest_first
from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import WordSet, read_word_list
from sns_lint.findings import Severity

KEYS = ("titles_file", "name_suffixes_file", "context_file")
PLACEHOLDERS = ("signals",)
CONTEXT_KEYS = ("honorifics", "house", "incident", "schools")
SIGNAL_NAMES_JA = {"honorific": "敬称", "house": "住所・自宅", "age": "年齢", "school": "学校・学年", "incident": "事故・事件など"}
_NAME_CHARS = "\u4e00-\u9fff々ヶ\u30a1-\u30fa\u30fc"
_NAMEISH = re.compile(f"^[{_NAME_CHARS}]{{1,6}}$")
_NAME_CHAR = re.compile(f"[{_NAME_CHARS}]")
_AGE_AFTER = re.compile(r"[ \u3000]?[（(][0-9０-９]{1,3}[歳才]?[）)]")
_AGE = re.compile(r"[0-9０-９]{1,3}[歳才]")
_DIGITS = "0123456789０１２３４５６７８９"
_GRADE = re.compile(r"[0-9０-９一二三四五六][ \u3000]?年")
MAX_SENTENCE = 400  # characters looked at either side for the sentence a name stands in
_SENTENCE_MARKS = "。！？!?\n"
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")


@dataclass(frozen=True)
class NameData:
    titles: WordSet
    suffixes: tuple[str, ...]
    honorifics: tuple[str, ...]
    house: tuple[str, ...]
    incident: WordSet
    schools: WordSet
    quick: re.Pattern  # any signal word at all
    after_name: frozenset[str] = frozenset()  # the signal words that follow a name (honorifics, house)


def prepare(raw: dict, context: RuleContext) -> NameData:
    from sns_lint.errors import RuleFileError
    from sns_lint.yaml_loading import load_yaml

    if not isinstance(raw.get("context_file"), str):
        context.fail("context_file に私的な文脈の語（honorifics, house, incident, schools）のファイルを書いてください。", raw, None)
    text, path = context.read_data_file(raw, "context_file")
    loaded = load_yaml(text, path, RuleFileError)
    if not isinstance(loaded, dict):
        raise RuleFileError(f"{', '.join(CONTEXT_KEYS)} の語リストを書いてください。", path, 1)
    lists = {}
    for key in CONTEXT_KEYS:
        values = loaded.get(key)
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
            raise RuleFileError(f"{key}: に語のリストを書いてください。", path, getattr(loaded, "line_of", lambda k: 1)(key))
        lists[key] = tuple(values)
    # Every alternative starts with a literal character, so the engine skips in C to the
    # characters that can start one (a named group or a class in front would forbid that).
    after_name = lists["honorifics"] + lists["house"]
    quick = re.compile(
        "|".join(
            [longest_first(after_name), longest_first(lists["incident"] + lists["schools"])]
            + [re.escape(digit + mark) for digit in _DIGITS for mark in "歳才"]
            + [r"（[0-9０-９]{1,3}[）)]", r"\([0-9０-９]{1,3}[）)]"]
        )
    )
    return NameData(
        titles=WordSet(read_word_list(raw, "titles_file", context)),
        suffixes=read_word_list(raw, "name_suffixes_file", context),
        honorifics=lists["honorifics"],
        house=lists["house"],
        incident=WordSet(lists["incident"]),
        schools=WordSet(lists["schools"]),
        quick=quick,
        after_name=frozenset(after_name),
    )


def person_names(analysis: Any, spans: list[tuple[int, int]], honorifics: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every run of 人名 tokens (a family and a given name are one run) inside ``spans``.

    A proper noun that Sudachi reads as a place but that carries an honorific (石田様宅: 石田 is
    tagged 地名 there) is a name too."""
    tokens = analysis.tokens
    surfaces = tokens.surfaces
    text = analysis.text

    def is_name(index: int, end: int) -> bool:
        if not _NAMEISH.match(surfaces[index]):
            return False
        pos = tokens.pos(index)
        if pos[2] == "人名":
            return True
        return pos[1] == "固有名詞" and pos[2] == "地名" and text.startswith(honorifics, end)

    names = []
    for low, high in spans:
        index = max(0, tokens.index_at(low))
        position = tokens.start(index)
        while position < high and index < len(surfaces):
            end = position + len(surfaces[index])
            if is_name(index, end):
                name_start = position
                index, position = index + 1, end
                while index < len(surfaces) and is_name(index, position + len(surfaces[index])):
                    position += len(surfaces[index])
                    index += 1
                names.append((name_start, position))
            else:
                index, position = index + 1, end
    return names


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(0, start - MAX_SENTENCE)
    sentence_start = max(max(text.rfind(mark, low, start) for mark in _SENTENCE_MARKS) + 1, low)
    stop = _SENTENCE_END.search(text, end, end + MAX_SENTENCE)
    return sentence_start, stop.start() if stop else min(len(text), end + MAX_SENTENCE)


def signal_sentences(text: str, quick: re.Pattern, after_name: frozenset[str]) -> list[tuple[int, int]]:
    """Sentences that hold a signal word: the only places a name can be a finding."""
    spans: list[tuple[int, int]] = []
    for match in quick.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        if match.group() in after_name:  # the alternation tries these words first
            before = text[match.start() - 1 : match.start()]
            if not before or before == "皆" or not _NAME_CHAR.match(before):
                continue  # an honorific or 方/家 needs a kanji or katakana name before it (皆さん is none)
        spans.append(_sentence(text, match.start(), match.end()))
    return spans


HISTORY_YEARS = 100  # a sentence dated this long before the reference day tells history


def _historical(analysis: Any, sentence: tuple[int, int]) -> bool:
    """Whether the name's sentence carries a written date a century or more before the reference day."""
    sentence_start, sentence_end = sentence
    mentions = [m for m in analysis.dates.mentions if sentence_start <= m.start < sentence_end and m.year_written]
    if not mentions:
        return False
    limit = analysis.reference_day.year - HISTORY_YEARS
    return any(m.year is not None and m.year <= limit for m in mentions)


class Checker:
    def __init__(self, rules: list[tuple[Any, NameData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        for rule, data in self._rules:
            spans = signal_sentences(text, data.quick, data.after_name)
            if not spans:
                continue
            for start, end in person_names(analysis, spans, data.honorifics):
                sentence = _sentence(text, start, end)
                signals = self._signals(analysis, data, start, end, sentence)
                if not signals:
                    continue
                if data.titles.near(analysis, start, end, before=3, after=2):
                    continue  # an official or a public figure in a public role
                if text.startswith(data.suffixes, end):
                    continue  # part of a facility or event name
                if _historical(analysis, sentence):
                    continue  # 西郷隆盛は明治10年9月24日、51歳で: history, not a resident
                yield Hit(
                    rule.id, start, end,
                    values={"signals": "・".join(SIGNAL_NAMES_JA[s] for s in signals)},
                    severity=None if len(signals) >= 2 else Severity.WARNING,
                )

    @staticmethod
    def _signals(analysis: Any, data: NameData, start: int, end: int, bounds: tuple[int, int]) -> list[str]:
        text = analysis.text
        sentence_start, sentence_end = bounds
        sentence = text[sentence_start:sentence_end]
        after = end
        signals = []
        honorific = next((h for h in data.honorifics if text.startswith(h, after)), None)
        if honorific:
            signals.append("honorific")
            after += len(honorific)
        addresses = analysis.addresses
        nearest = bisect_left(addresses, sentence_start, key=lambda a: a.start)
        if text.startswith(data.house, after) or (nearest < len(addresses) and addresses[nearest].start < sentence_end):
            signals.append("house")
        if _AGE_AFTER.match(text, after) or _AGE.search(sentence):
            signals.append("age")
        if data.schools.search(sentence) and _GRADE.search(sentence):
            signals.append("school")
        if data.incident.search(sentence):
            signals.append("incident")
        return signals
