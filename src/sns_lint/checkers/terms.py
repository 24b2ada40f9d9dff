"""``terms``: flag listed words, matched on Sudachi tokens rather than substrings.

A listed word matches a run of whole tokens, so 片手 does not fire inside
「片手で持てる」's neighbour 片手落ち's entry and 盲 does not fire inside 盲導犬.
Each post token is looked up once, by surface and by normalised form, in an
index shared by every ``terms`` rule.

- Surface match: the word as written, also in the other kana script and in
  half-width or full-width forms.
- Normalised-form match: catches variant spellings (ｷﾁｶﾞｲ, めくら → 盲),
  except where the text uses one of the preferred spellings (障がい者 has the
  normalised form 障害者; a preferred spelling is never flagged).
- Kana match: a word spelt in kana that Sudachi splits oddly or does not know
  (かんごふ → かん|ごふ, カンゴフ unknown) is found from the word's reading,
  across whole kana tokens; only for readings of 3 or more kana, and entries
  can turn it off where the kana spelling is an everyday word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext, string_list
from sns_lint.findings import SEVERITY_NAMES, Severity
from sns_lint.checkers.text_folding import (
    WIDTH_FORMS,
    fold_width,
    is_kana,
    to_hiragana,
    to_katakana,
)

KEYS = ("terms", "terms_file", "allow")
PLACEHOLDERS = ("preferred", "category", "note", "source", "word")
ENTRY_KEYS = (
    "words", "preferred", "category", "note", "source", "unless_next", "unless_prev", "pos", "kana", "severity",
)
MIN_KANA_MATCH = 3
MAX_TOKENS = 8
MAX_WORD_CHARS = 100  # a listed word or phrase; Sudachi refuses very long input outright


@dataclass(frozen=True)
class Entry:
    rule_id: str
    words: tuple[str, ...]
    preferred: tuple[str, ...]
    category: str
    note: str
    source: str
    unless_next: frozenset[str]
    unless_prev: frozenset[str]
    pos: str | None
    kana: bool
    severity: Severity | None  # a context-dependent word can be a warning in an error rule
    # (surface, normalised form, reading) of each token of each word, read once with the rule
    # (and kept with it in the built-in rules cache): the index needs no Sudachi call
    tokens: tuple[tuple[tuple[str, str, str], ...], ...] = ()


@dataclass(frozen=True)
class TermsData:
    entries: tuple[Entry, ...]
    allow: tuple[str, ...]


def prepare(raw: dict, context: RuleContext) -> TermsData:
    rule_id = raw["id"]
    terms, _loaded, target = context.inline_or_file(raw, "terms", "語リスト")
    if target is not None:
        context = RuleContext(path=target, fail=context.fail)
    if not isinstance(terms, list) or not terms:
        context.fail("terms には語のリストを書いてください。", raw, "terms")
    entries = tuple(_entry(rule_id, item, context, terms, i) for i, item in enumerate(terms))
    allow = raw.get("allow") or []
    if not isinstance(allow, list) or not all(isinstance(a, str) for a in allow):
        context.fail("allow は文字列のリストで書いてください。", raw, "allow")
    return TermsData(entries=entries, allow=tuple(allow))


def _entry(rule_id: str, item: Any, context: RuleContext, terms: Any, index: int) -> Entry:
    def fail(message: str, key: str | None = None) -> None:
        where = item if isinstance(item, dict) else None
        if where is None and hasattr(terms, "item_lines"):
            from sns_lint.errors import RuleFileError

            raise RuleFileError(message, context.path, terms.item_lines[index])
        context.fail(message, where, key)

    if not isinstance(item, dict):
        fail("terms の各項目は words: などのキーを持つ形で書いてください。")
    for key in item:
        if key not in ENTRY_KEYS:
            fail(f"terms の項目に不明なキー「{key}」があります（使えるキー: {', '.join(ENTRY_KEYS)}）。", key)

    def strings(key: str, required: bool) -> tuple[str, ...]:
        return string_list(item, key, fail, f"terms の項目に {key} がありません。" if required else None)

    def text(key: str) -> str:
        value = item.get(key, "")
        if not isinstance(value, str):
            fail(f"{key} は文字列で書いてください。", key)
        return value.strip()

    for word in item.get("words") if isinstance(item.get("words"), list) else [item.get("words")]:
        if isinstance(word, str) and len(word) > MAX_WORD_CHARS:
            fail(f"words の語が長すぎます（{len(word):,} 文字。1 語 {MAX_WORD_CHARS} 文字まで）。", "words")
    kana = item.get("kana", True)
    if not isinstance(kana, bool):
        fail("kana は true か false で書いてください。", "kana")
    severity = item.get("severity")
    if severity is not None and (not isinstance(severity, str) or severity.lower() not in SEVERITY_NAMES):
        fail(f"severity は {', '.join(SEVERITY_NAMES)} のいずれかにしてください。", "severity")
    pos = item.get("pos")
    if pos is not None and not isinstance(pos, str):
        fail("pos は品詞名の文字列で書いてください（例: 普通名詞）。", "pos")
    from sns_lint.analysis.tokens import tokenize_word

    words = strings("words", True)
    return Entry(
        rule_id=rule_id,
        words=words,
        preferred=strings("preferred", False),
        category=text("category"),
        note=text("note"),
        source=text("source"),
        unless_next=frozenset(strings("unless_next", False)),
        unless_prev=frozenset(strings("unless_prev", False)),
        pos=pos,
        kana=kana,
        severity=Severity.parse(severity) if severity else None,
        tokens=tuple(tuple(tokenize_word(word)) for word in words),
    )


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry: Entry
    word: str
    sequence: tuple[str, ...]
    reading: str | None  # set for normalised-form patterns: the text must also read the same
    written: tuple[str, ...] = ()  # the word's own tokens, for inflected forms (女々しく → 女々しい)


class Checker:
    """One index over every entry of every ``terms`` rule."""

    def __init__(self, rules: list[tuple[Any, TermsData]]):
        self._by_surface: dict[str, list[_Pattern]] = {}
        self._by_normalized: dict[str, list[_Pattern]] = {}
        self._kana: dict[str, list[tuple[Entry, str]]] = {}
        # every prefix of every kana reading, in both scripts: a token that is none of them
        # cannot start a kana match, and is skipped with one set look-up
        self._kana_prefixes: frozenset[str] = frozenset()
        # A token can only be an inflection or a variant of a listed word if it starts like the
        # word or its normalised form (first letter; first two for kana): only such tokens have
        # their normalised form looked up. Kana spellings are found by reading, below.
        self._norm_first_letters: set[str] = set()
        self._norm_first_pairs: set[str] = set()
        self._protected: set[str] = set()  # preferred and allowed spellings, never flagged
        self._known_flags: dict[str, int] = {}
        for _rule, data in rules:
            self._protected.update(data.allow)
            for entry in data.entries:
                self._protected.update(entry.preferred)
        for _rule, data in rules:
            for entry in data.entries:
                for word, tokens in zip(entry.words, entry.tokens):
                    self._add_word(entry, word, list(tokens))
        prefixes = {reading[:k] for reading in self._kana for k in range(1, len(reading) + 1)}
        self._kana_prefixes = frozenset(prefixes | {to_hiragana(p) for p in prefixes})

    def _add_word(self, entry: Entry, word: str, tokens: list[tuple[str, str, str]]) -> None:
        if len(tokens) > MAX_TOKENS:
            return
        surfaces = tuple(s for s, _n, _r in tokens)
        for variant in {surfaces, tuple(map(to_katakana, surfaces)), tuple(map(to_hiragana, surfaces))}:
            self._by_surface.setdefault(variant[0], []).append(_Pattern(entry, word, variant, None))
        normalized = tuple(n for _s, n, _r in tokens)
        reading = to_katakana("".join(r for _s, _n, r in tokens))
        # A short kana word normalises to an everyday word (おし → 押す): match it as written only.
        # So does a phrase whose first token normalises to another single letter (お → 御,
        # かた → 方, 三 → 3): its spelling variants are already covered as written.
        ambiguous = (is_kana(word) and len(word) <= 2) or (
            len(tokens) > 1 and len(normalized[0]) == 1 and normalized[0] != surfaces[0]
        )
        if not ambiguous and "".join(normalized) not in self._protected:
            self._by_normalized.setdefault(normalized[0], []).append(
                _Pattern(entry, word, normalized, reading, surfaces)
            )
            for start in (surfaces[0], normalized[0]):
                if is_kana(start[0]):
                    self._norm_first_pairs.update((to_katakana(start[:2]), to_hiragana(start[:2])))
                else:
                    self._norm_first_letters.add(start[0])
        if entry.kana and len(reading) >= MIN_KANA_MATCH and is_kana(reading):
            self._kana.setdefault(reading, []).append((entry, word))

    def _flags(self, surface: str) -> int:
        """What a token with this surface may start: a listed spelling (1), an inflection or
        variant to confirm through its normalised form (2), a kana spelling (4)."""
        flags = 0
        if not surface:  # Sudachi can emit an empty token (before a lone joiner, say)
            return flags
        if surface in self._by_surface:
            flags |= 1
        if surface[0] in self._norm_first_letters or surface[:2] in self._norm_first_pairs:
            flags |= 2
        if surface in self._kana_prefixes:
            flags |= 4
        return flags

    def wants_normalized_form(self, surface: str) -> bool:
        """Whether this checker may ask for the normalised form of a token spelt so (a hint
        for very large drafts; a form asked for anyway is still found)."""
        if self._flags(surface) & 2:
            return True
        return bool(WIDTH_FORMS.search(surface)) and bool(self._flags(fold_width(surface)) & 2)

    def check(self, analysis: Any) -> Iterator[Hit]:
        tokens = analysis.tokens
        surfaces = tokens.surfaces
        if WIDTH_FORMS.search(analysis.text):
            surfaces = [fold_width(s) if WIDTH_FORMS.search(s) else s for s in surfaces]
        # Most tokens start nothing; the answer per distinct surface is remembered across posts.
        known = self._known_flags
        if len(known) > 200_000:
            known.clear()
        kana_prefixes = self._kana_prefixes
        found: set[tuple[int, int, int]] = set()
        last = len(surfaces) - 1
        for i, surface in enumerate(surfaces):
            flags = known.get(surface)
            if flags is None:
                flags = known[surface] = self._flags(surface)
            if not flags:
                continue
            found.clear()  # every hit found from token i starts at token i: duplicates are only among them
            if flags & 1:
                yield from self._sequence_hits(tokens, surfaces, False, self._by_surface[surface], i, found)
            if flags & 2:
                patterns = self._by_normalized.get(tokens.normalized_form(i))
                if patterns:
                    yield from self._sequence_hits(tokens, surfaces, True, patterns, i, found)
            # particles (は, に, て) are prefixes too: a one-letter token must join the next one
            if flags & 4 and (len(surface) > 1 or (i < last and surface + surfaces[i + 1] in kana_prefixes)):
                yield from self._kana_hits(tokens, surfaces, i, found)

    def _sequence_hits(
        self, tokens: Any, surfaces: list[str], by_normalized: bool, patterns: list[_Pattern], i: int, found: set
    ) -> Iterator[Hit]:
        for pattern in patterns:
            n = len(pattern.sequence)
            if i + n > len(surfaces):
                continue
            if by_normalized:
                if tuple(tokens.normalized_form(k) for k in range(i, i + n)) != pattern.sequence:
                    continue
            elif tuple(surfaces[i : i + n]) != pattern.sequence:
                continue
            if pattern.reading is not None and not self._same_word(tokens, surfaces, i, n, pattern):
                continue
            hit = self._hit(tokens, surfaces, pattern.entry, pattern.word, i, n, found)
            if hit:
                yield hit

    def _same_word(self, tokens: Any, surfaces: list[str], i: int, n: int, pattern: _Pattern) -> bool:
        """Validate a normalised-form match: the text is not a preferred spelling, is not a
        short kana word (らい in らいねん normalises to 癩), and is either an inflection of
        the listed spelling or reads like it (片端 shares 片輪's normalised form, not its reading)."""
        written = "".join(surfaces[i : i + n])
        if written in self._protected or (is_kana(written) and len(written) <= 2):
            return False
        span = range(i, i + n)
        if tuple(fold_width(tokens.dictionary_form(k)) for k in span) == pattern.written:
            return True
        return to_katakana("".join(tokens.reading(k) for k in span)) == pattern.reading

    def _kana_hits(self, tokens: Any, surfaces: list[str], i: int, found: set) -> Iterator[Hit]:
        joined = ""
        for j in range(i, min(len(surfaces), i + MAX_TOKENS)):
            if j > i and not is_kana(surfaces[j]):
                break
            joined += to_katakana(surfaces[j])  # surfaces are width-folded already
            if joined not in self._kana_prefixes:
                break
            for entry, word in self._kana.get(joined, ()):
                if "".join(surfaces[i : j + 1]) in self._protected:
                    continue
                hit = self._hit(tokens, surfaces, entry, word, i, j - i + 1, found)
                if hit:
                    yield hit

    def _hit(self, tokens: Any, surfaces: list[str], entry: Entry, word: str, i: int, n: int, found: set) -> Hit | None:
        start, end = tokens.start(i), tokens.end(i + n - 1)
        key = (id(entry), start, end)
        if key in found:
            return None
        if entry.unless_next and i + n < len(surfaces) and surfaces[i + n] in entry.unless_next:
            return None
        if entry.unless_prev and i > 0 and surfaces[i - 1] in entry.unless_prev:
            return None
        if entry.pos and entry.pos not in tokens.pos(i):
            return None
        found.add(key)
        return Hit(
            rule_id=entry.rule_id,
            start=start,
            end=end,
            values={
                "word": word,
                "preferred": "、".join(entry.preferred) or "（言い換えてください）",
                "category": entry.category,
                "note": entry.note,
                "source": entry.source,
            },
            suggestion="、".join(entry.preferred) or None,
            severity=entry.severity,
            replacements=tuple(entry.preferred),
        )


def lookup(data: TermsData, word: str) -> list[dict]:
    """Entries that list ``word`` in any kana script or width (for ``sns-lint explain WORD``)."""
    key = to_katakana(fold_width(word.strip()))
    return [
        {"listed": word.strip(), "preferred": e.preferred, "note": e.note, "condition": e.category}
        for e in data.entries
        if any(to_katakana(fold_width(w)) == key for w in e.words)
    ]
