"""Token specifications: what one position of a ``token_pattern`` sequence accepts.

Rule data describe a token by any of these keys (all that are given must hold):

- ``text``: the surface, folded (katakana = hiragana, full-width = half-width);
- ``norm``: Sudachi's normalised form (阿呆 for アホ, 為る for し);
- ``lemma``: the dictionary form (死ぬ for 死ね, but 死ねる for 死ねない);
- ``reading``: the reading, in either kana script;
- ``pos``: a part-of-speech prefix, levels joined by ``-`` (``名詞-固有名詞``), or a list of them;
- ``form``: a conjugation-form prefix (``命令形``, ``意志推量形``);
- ``regex``: a regular expression the folded surface must match in full;
- ``op``: ``?`` (optional), ``+`` (one or more), ``*`` (zero or more), as in spaCy's Matcher.

A plain string stands for a phrase: it is split into Sudachi tokens when the rule
loads, and each of those tokens matches its own spelling, or another spelling
with the same normalised form *and* the same reading (馬鹿 for ばか, but not
死ぬ for 死ね).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from sns_lint.checkers.text_folding import fold_width, is_kana, to_katakana

SPEC_KEYS = ("text", "norm", "lemma", "reading", "pos", "form", "regex", "op")
MAX_REPEAT = 6  # a ``+`` or ``*`` token matches at most this many tokens
_OPS = {"?": (0, 1), "+": (1, MAX_REPEAT), "*": (0, MAX_REPEAT)}


def fold(surface: str) -> str:
    """The key a surface is compared by: width-folded, in katakana."""
    return to_katakana(fold_width(surface))


@dataclass(frozen=True, slots=True)
class TokenSpec:
    texts: frozenset[str] = frozenset()
    norms: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    readings: frozenset[str] = frozenset()
    pos: tuple[tuple[str, ...], ...] = ()  # any of these prefixes
    form: str = ""
    regex: Any = None
    low: int = 1
    high: int = 1
    # a phrase token: its own spelling (texts), or this normalised form read this way
    phrase_norm: str = ""
    phrase_reading: str = ""

    @property
    def indexable(self) -> bool:
        return self.low >= 1 and bool(self.texts or self.norms or self.lemmas)


def phrase_specs(phrase: str) -> list[TokenSpec]:
    from sns_lint.analysis.tokens import tokenize_word

    specs = []
    for surface, norm, reading in tokenize_word(phrase):
        if (is_kana(surface) and len(surface) <= 2) or fold(norm) == fold(surface):
            # a short kana token (お, て) is matched as written: its normalised form (御, 手)
            # stands for too many other words; nor is there another spelling to reach
            specs.append(TokenSpec(texts=frozenset({fold(surface)})))
        else:
            specs.append(
                TokenSpec(texts=frozenset({fold(surface)}), phrase_norm=norm, phrase_reading=to_katakana(reading))
            )
    return specs


def parse_sequence(value: Any, fail: Callable[[str], None]) -> tuple[TokenSpec, ...]:
    """A phrase string, or a list whose items are phrase strings or token mappings."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        fail("トークン列は文字列か、文字列・トークン指定（text: など）のリストで書いてください。")
    specs: list[TokenSpec] = []
    for item in items:
        if isinstance(item, str) and item.strip():
            specs.extend(phrase_specs(item.strip()))
        elif isinstance(item, dict):
            specs.append(_spec(item, fail))
        else:
            fail("トークン列の各項目は文字列か、text: などのキーを持つトークン指定で書いてください。")
    if not specs:
        fail("トークン列が空です。")
    return tuple(specs)


def _spec(item: dict, fail: Callable[[str], None]) -> TokenSpec:
    for key in item:
        if key not in SPEC_KEYS:
            fail(f"トークン指定に不明なキー「{key}」があります（使えるキー: {', '.join(SPEC_KEYS)}）。")

    def strings(key: str) -> frozenset[str]:
        value = item.get(key)
        if value is None:
            return frozenset()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(f"トークン指定の {key} は空でない文字列かそのリストで書いてください。")
        return frozenset(v.strip() for v in value)

    op = item.get("op")
    if op is not None and op not in _OPS:
        fail(f"トークン指定の op「{op}」は不明です（使えるもの: ?, +, *）。")
    low, high = _OPS.get(op, (1, 1))
    pos = strings("pos")
    form = item.get("form", "")
    if not isinstance(form, str):
        fail("トークン指定の form は活用形の文字列で書いてください（例: 命令形）。")
    regex = None
    if item.get("regex") is not None:
        source = item["regex"]
        try:
            regex = re.compile(str(source))
        except re.error as exc:
            fail(f"トークン指定の regex「{source}」が不正です: {exc}")
    spec = TokenSpec(
        texts=frozenset(fold(t) for t in strings("text")),
        norms=strings("norm"),
        lemmas=strings("lemma"),
        readings=frozenset(to_katakana(r) for r in strings("reading")),
        pos=tuple(tuple(p.split("-")) for p in sorted(pos)),
        form=form.strip(),
        regex=regex,
        low=low,
        high=high,
    )
    if spec == TokenSpec(low=low, high=high):
        fail("トークン指定には text・norm・lemma・reading・pos・form・regex のどれかを書いてください。")
    return spec


class TokenView:
    """The forms of a post's tokens that specs ask about, each read at most once."""

    __slots__ = ("tokens", "_surfaces", "_folded", "_readings")

    def __init__(self, tokens: Any, folded: dict[str, str]):
        self.tokens = tokens
        self._surfaces = tokens.surfaces
        self._folded = folded  # surface -> folded surface, shared across posts
        self._readings: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._surfaces)

    def key(self, index: int) -> str:
        """The folded surface of one token."""
        surface = self._surfaces[index]
        key = self._folded.get(surface)
        if key is None:
            key = self._folded[surface] = fold(surface)
        return key

    def reading(self, index: int) -> str:
        try:
            return self._readings[index]
        except KeyError:
            value = self._readings[index] = to_katakana(self.tokens.reading(index))
            return value

    def accepts(self, spec: TokenSpec, index: int) -> bool:
        key = self.key(index)
        tokens = self.tokens
        if spec.texts and key not in spec.texts:
            if not spec.phrase_norm:
                return False
            if tokens.normalized_form(index) != spec.phrase_norm or self.reading(index) != spec.phrase_reading:
                return False
        if spec.norms and tokens.normalized_form(index) not in spec.norms:
            return False
        if spec.lemmas and tokens.dictionary_form(index) not in spec.lemmas:
            return False
        if spec.readings and self.reading(index) not in spec.readings:
            return False
        if spec.regex is not None and not spec.regex.fullmatch(key):
            return False
        if spec.pos or spec.form:
            pos = tokens.pos(index)
            if spec.pos and not any(pos[: len(p)] == p for p in spec.pos):
                return False
            if spec.form and not pos[5].startswith(spec.form):
                return False
        return True

    def match(self, specs: tuple[TokenSpec, ...], start: int, limit: int | None = None) -> int:
        """End (exclusive) of the longest match of ``specs`` at ``start``, or -1."""
        return self._match(specs, 0, start, len(self._surfaces) if limit is None else limit)

    def _match(self, specs: tuple[TokenSpec, ...], s: int, i: int, limit: int) -> int:
        if s == len(specs):
            return i
        spec = specs[s]
        # take as many tokens as the spec allows, then give back (greedy with backtracking)
        taken = 0
        while taken < spec.high and i + taken < limit and self.accepts(spec, i + taken):
            taken += 1
        while taken >= spec.low:
            end = self._match(specs, s + 1, i + taken, limit)
            if end >= 0:
                return end
            taken -= 1
        return -1
