"""``secret``: passwords, PINs, login IDs, API keys and tokens, and confidentiality markers (6-5, 3-3-ウ).

- ``context_file``: words (パスワード, PW, 暗証番号, ログインID, トークン …) followed by a
  separator (``:`` ``：`` ``=`` ``は``) and a value of printable ASCII. A word
  followed by Japanese (「パスワードを入力して」) is an instruction, not a value.
  A value after a bare space counts only when it holds a digit.
- ``paired_context_file``: words too common to stand alone (ID, ユーザー名): their value
  counts only on a line where a value of ``context_file`` was found
  (「ID：abc パスワード：xyz」), so 「LINE ID：@kagoshima_city」 is not a finding.
- ``token_patterns``: shapes of issued credentials (``ghp_…``, ``AKIA…``, JWT …),
  never inside a URL.
- ``markers_file``: 部外秘, 取扱注意 … standing on their own or in brackets; inside a
  longer word (火気取扱注意) they are not markers.

Values are masked in machine output; the message never repeats them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator

from sns_lint.analysis.literal_patterns import longest_first
from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.context_words import inside_url_word, read_word_list

KEYS = ("context_file", "paired_context_file", "token_patterns", "markers_file")
PLACEHOLDERS = ("label",)
MASK_KEEP = 2
_VALUE = r"(?P<value>[!-~！-～]{3,128})"
_SEPARATOR = r"(?:[ \t\u3000]*(?:[:：=＝]|は|が)[ \t\u3000]*|[ \t\u3000]+(?=[!-~！-～]*[0-9０-９]))"
_ASCII_LETTER = re.compile("[A-Za-z]")
_ASCII_RUN = re.compile(r"[!-~][ -~]{11,}[!-~]")
_PLACEHOLDER = re.compile(r"^[*＊●○xX×?？・.…]+$")


@dataclass(frozen=True)
class SecretData:
    values: re.Pattern | None  # context words; a separator and a value must follow
    paired: re.Pattern | None  # context words that count only beside a value of ``values``
    tokens: tuple[re.Pattern, ...]
    markers: re.Pattern | None
    words: tuple[str, ...] = ()  # every literal word of ``values`` and ``markers``: one search finds none


def prepare(raw: dict, context: RuleContext) -> SecretData:
    value_words = _case_variants(read_word_list(raw, "context_file", context, required=False))
    values = re.compile(longest_first(value_words)) if value_words else None
    paired_words = _case_variants(read_word_list(raw, "paired_context_file", context, required=False))
    paired = re.compile(longest_first(paired_words)) if paired_words else None
    tokens = []
    for source in context.strings(raw, "token_patterns"):
        try:
            tokens.append(re.compile(source))
        except re.error as exc:
            context.fail(f"token_patterns の正規表現「{source}」が不正です: {exc}", raw, "token_patterns")
    markers_words = read_word_list(raw, "markers_file", context, required=False)
    markers = re.compile(longest_first(markers_words)) if markers_words else None
    if values is None and not tokens and markers is None:
        context.fail("context_file・token_patterns・markers_file のいずれかを書いてください。", raw, None)
    return SecretData(
        values=values, paired=paired, tokens=tuple(tokens), markers=markers, words=value_words + tuple(markers_words)
    )


def _case_variants(words: tuple[str, ...]) -> tuple[str, ...]:
    """Spelled-out case variants instead of IGNORECASE: a case-insensitive alternation is 20x slower."""
    return tuple(sorted({v for w in words for v in (w, w.lower(), w.upper(), w.capitalize(), w.title())}))


@cache
def _tail() -> re.Pattern:
    """Separator and value after a context word; compiled when a context word is first seen."""
    return re.compile(_SEPARATOR + _VALUE)


@cache
def _word_char() -> re.Pattern:
    return re.compile(r"[\u4e00-\u9fff々\u30a1-\u30fa\u30fc]")


class Checker:
    def __init__(self, rules: list[tuple[Any, SecretData]]):
        self._rules = rules
        words = [word for _rule, data in rules for word in data.words]
        # context words and markers of every rule in one search: most posts hold none of them
        self._any_word = re.compile(longest_first(words)) if words else None

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        words_seen = self._any_word is not None and self._any_word.search(text) is not None
        for rule, data in self._rules:
            if data.values is not None and words_seen:
                found = list(self._values(rule, data.values, text))
                yield from found
                if found and data.paired is not None:
                    lines = {(text.rfind("\n", 0, hit.start) + 1, _line_end(text, hit.start)) for hit in found}
                    seen = {(hit.start, hit.end) for hit in found}  # ID in ログインID names the same value
                    for low, high in sorted(lines):
                        for hit in self._values(rule, data.paired, text, low, high):
                            if (hit.start, hit.end) not in seen:
                                seen.add((hit.start, hit.end))
                                yield hit
            if data.tokens:
                yield from self._tokens(rule, data.tokens, analysis)
            if data.markers is not None and words_seen:
                yield from self._markers(rule, data.markers, text)

    @staticmethod
    def _values(rule: Any, pattern: re.Pattern, text: str, low: int = 0, high: int | None = None) -> Iterator[Hit]:
        for label in pattern.finditer(text, low, len(text) if high is None else high):
            start, end = label.start(), label.end()
            if label.group().isascii() and (
                (start and _ASCII_LETTER.match(text, start - 1)) or _ASCII_LETTER.match(text, end)
            ):
                continue  # inside a longer word: passport, compass
            match = _tail().match(text, end)
            if match is None:
                continue
            value = match.group("value").rstrip("。、，,.)）」』】")
            if len(value) < 3 or _PLACEHOLDER.match(value) or "://" in value:
                continue
            first = match.start("value")
            yield Hit(rule.id, first, first + len(value), values={"label": label.group()}, mask=MASK_KEEP)

    @staticmethod
    def _tokens(rule: Any, patterns: tuple[re.Pattern, ...], analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        urls = None
        for run in _ASCII_RUN.finditer(text):  # every token shape is a long run of printable ASCII
            if "/" in run.group():
                continue  # a URL or a path: its parts are not credentials given as values
            for pattern in patterns:
                for match in pattern.finditer(text, run.start(), run.end()):
                    if urls is None:
                        urls = [(u.start, u.end) for u in analysis.urls]
                    if inside_url_word(text, match.start()) or any(
                        start < match.end() and match.start() < end for start, end in urls
                    ):
                        continue
                    yield Hit(rule.id, match.start(), match.end(), values={"label": "トークン"}, mask=MASK_KEEP)

    @staticmethod
    def _markers(rule: Any, pattern: re.Pattern, text: str) -> Iterator[Hit]:
        for match in pattern.finditer(text):
            before = text[match.start() - 1] if match.start() else ""
            if before and _word_char().match(before):
                continue  # part of a longer word: 火気取扱注意
            yield Hit(rule.id, match.start(), match.end(), values={"label": match.group()})


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end

