"""``token_pattern``: short token sequences, confirmed or dismissed by their context.

A rule lists entries; each entry matches one or more short Sudachi token
sequences (``words``: phrases; ``patterns``: sequences of token specs, see
``token_specs``), and may require or forbid *cues* around the match:

    cues:
      encouraging: {after: 3, label: 勧める言い方が続く, phrases: [しよう, しても大丈夫]}
      prohibition: {around: sentence, label: 禁止・否定の言い方, phrases: [禁止, ない]}
    entries:
      - words: [飲酒運転]
        when: [encouraging]      # at least one of these cues is found
        unless: [prohibition]    # none of these cues is found

A cue's scope is ``after``/``before``/``around`` the match: a number of tokens
(never past the sentence), ``sentence`` (up to 。！？ or the end of the line), or
``post`` (``around`` only). A forbidding cue found inside the match or inside a
requiring cue's own match is ignored (バレない's ない is not a prohibition).

Every post token is looked up once in one index shared by every rule of the
kind, keyed by the first token of each sequence (folded surface, normalised
form, dictionary form); sequences and cues are only tried at the tokens that
index returns. ``masked: true`` entries also match 伏せ字 spellings (ま○こ):
one regular expression over the text, run only when a mask character follows
a Japanese letter. ``exempt_speakers`` names speakers (the account's or the
post's ``speaker``, e.g. ``mayor``) for whom the rule does not apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from sns_lint.checkers import Hit, RuleContext, string_list
from sns_lint.checkers.text_folding import is_kana
from sns_lint.checkers.token_specs import TokenSpec, TokenView, fold, parse_sequence
from sns_lint.findings import SEVERITY_NAMES, Severity
from sns_lint.posts import SPEAKERS

KEYS = ("cues", "entries", "entries_file", "exempt_speakers", "lookalikes_file")
PLACEHOLDERS = ("word", "note", "preferred")
ENTRY_KEYS = ("words", "patterns", "label", "preferred", "note", "when", "unless", "severity", "masked")
CUE_KEYS = ("after", "before", "around", "label", "phrases", "at_end")
SENTENCE_ENDS = frozenset({"。", "．", "！", "？", "!", "?", "♪"})
MASK_CHARS = "○◯〇●■□×✗✕＊*⚪OoXx"
# a disguised spelling has a mask character right after a letter, or a look-alike letter
_DISGUISE = re.compile(rf"[\u3041-\u30ff\u4e00-\u9fff\uff66-\uff9f][{re.escape(MASK_CHARS)}]|[\u3100-\u312f\u31a0-\u31bf]")
MIN_MASKED_LENGTH = 3


@dataclass(frozen=True)
class Cue:
    name: str
    side: str  # after | before | around
    reach: int | None  # tokens; None = the sentence (or the post, see ``whole_post``)
    whole_post: bool
    label: str
    phrases: tuple[tuple[TokenSpec, ...], ...]
    at_end: bool = False  # an ``after`` cue also holds where the sentence (or line) ends


@dataclass(frozen=True)
class Entry:
    rule_id: str
    label: str
    words: tuple[str, ...]
    sequences: tuple[tuple[TokenSpec, ...], ...]
    preferred: tuple[str, ...]
    note: str
    when: tuple[Cue, ...]
    unless: tuple[Cue, ...]
    severity: Severity | None
    masked: bool


@dataclass(frozen=True)
class TokenPatternData:
    entries: tuple[Entry, ...]
    cues: dict[str, Cue]
    exempt_speakers: frozenset[str] = field(default_factory=frozenset)
    lookalikes: dict[str, str] = field(default_factory=dict)  # letter -> letters that look like it


def prepare(raw: dict, context: RuleContext) -> TokenPatternData:
    from sns_lint.errors import RuleFileError

    rule_id = raw["id"]
    cues_raw = raw.get("cues") or {}
    if not isinstance(cues_raw, dict):
        context.fail("cues は「名前: 定義」の形で書いてください。", raw, "cues")
    cues = {str(name): _cue(str(name), value, context) for name, value in cues_raw.items()}
    entries_context = context
    entries_raw, loaded, target = context.inline_or_file(raw, "entries", "パターン")
    if target is not None:
        entries_context = RuleContext(path=target, fail=_fail_in(target))
        file_cues = loaded.get("cues") or {}
        if not isinstance(file_cues, dict):
            raise RuleFileError("cues は「名前: 定義」の形で書いてください。", target, 1)
        cues.update({str(name): _cue(str(name), value, entries_context) for name, value in file_cues.items()})
    if not isinstance(entries_raw, list) or not entries_raw:
        context.fail("entries にパターンのリストを書いてください。", raw, "entries")
    entries = tuple(_entry(rule_id, item, cues, entries_context) for item in entries_raw)
    speakers = context.strings(raw, "exempt_speakers")
    for speaker in speakers:
        if speaker not in SPEAKERS:
            context.fail(f"exempt_speakers の「{speaker}」は不明です（使えるもの: {', '.join(SPEAKERS)}）。", raw, "exempt_speakers")
    lookalikes: dict[str, str] = {}
    if raw.get("lookalikes_file") is not None:
        text, target = context.read_data_file(raw, "lookalikes_file")
        for number, line in enumerate(text.splitlines(), 1):
            letters = [part.strip() for part in line.split(",")] if line.strip() and not line.startswith("#") else []
            if letters and (len(letters) < 2 or not all(len(letter) == 1 for letter in letters)):
                raise RuleFileError("似た文字の表は 1 行に「文字,似た文字,…」（各 1 文字）で書いてください。", target, number)
            if letters:
                lookalikes[letters[0]] = lookalikes.get(letters[0], "") + "".join(letters[1:])
    return TokenPatternData(entries=entries, cues=cues, exempt_speakers=frozenset(speakers), lookalikes=lookalikes)


def _fail_in(path: Any) -> Any:
    """A ``fail`` that names the data file and the line of the offending key."""
    from sns_lint.errors import RuleFileError
    from sns_lint.yaml_loading import line_in

    def fail(message: str, mapping: Any = None, key: Any = None) -> None:
        raise RuleFileError(message, path, line_in(mapping, key))

    return fail


def _cue(name: str, value: Any, context: RuleContext) -> Cue:
    def fail(message: str) -> None:
        context.fail(f"cues.{name}: {message}", value if isinstance(value, dict) else None, None)

    if not isinstance(value, dict):
        fail("after・before・around のどれか 1 つと phrases を書いてください。")
    for key in value:
        if key not in CUE_KEYS:
            fail(f"不明なキー「{key}」があります（使えるキー: {', '.join(CUE_KEYS)}）。")
    sides = [side for side in ("after", "before", "around") if side in value]
    if len(sides) != 1:
        fail("範囲は after・before・around のどれか 1 つで書いてください（数か sentence、around は post も可）。")
    side = sides[0]
    reach = value[side]
    whole_post = reach == "post"
    if whole_post and side != "around":
        fail("post（投稿全体）は around でだけ使えます。")
    if not (reach in ("sentence", "post") or (isinstance(reach, int) and not isinstance(reach, bool) and 1 <= reach <= 30)):
        fail(f"{side} には 1〜30 のトークン数か sentence を書いてください。")
    phrases = value.get("phrases")
    if not isinstance(phrases, list) or not phrases:
        fail("phrases に語句（またはトークン列）のリストを書いてください。")
    label = value.get("label", name)
    if not isinstance(label, str):
        fail("label は文字列で書いてください。")
    at_end = value.get("at_end", False)
    if not isinstance(at_end, bool) or (at_end and side != "after"):
        fail("at_end は after の手がかりにだけ true で書けます。")
    return Cue(
        name=name,
        side=side,
        reach=reach if isinstance(reach, int) else None,
        whole_post=whole_post,
        label=label.strip(),
        phrases=tuple(parse_sequence(p, fail) for p in phrases),
        at_end=at_end,
    )


def _entry(rule_id: str, item: Any, cues: dict[str, Cue], context: RuleContext) -> Entry:
    def fail(message: str, key: str | None = None) -> None:
        context.fail(message, item if isinstance(item, dict) else None, key)

    if not isinstance(item, dict):
        fail("entries の各項目は words: や patterns: などのキーを持つ形で書いてください。")
    for key in item:
        if key not in ENTRY_KEYS:
            fail(f"entries の項目に不明なキー「{key}」があります（使えるキー: {', '.join(ENTRY_KEYS)}）。", key)

    def strings(key: str) -> tuple[str, ...]:
        return string_list(item, key, fail)

    words = strings("words")
    patterns = item.get("patterns") or []
    if not isinstance(patterns, list):
        fail("patterns はトークン列のリストで書いてください。", "patterns")
    sequences = [parse_sequence(w, lambda m: fail(m, "words")) for w in words]
    sequences += [parse_sequence(p, lambda m: fail(m, "patterns")) for p in patterns]
    if not sequences:
        fail("entries の項目には words か patterns を書いてください。")
    for sequence in sequences:
        if not sequence[0].indexable:
            fail("トークン列の最初のトークンには text・norm・lemma のどれかを書き、省略可（? *）にしないでください。")

    def cue_list(key: str) -> tuple[Cue, ...]:
        names = strings(key)
        for name in names:
            if name not in cues:
                fail(f"{key} の「{name}」は cues に定義されていません（定義済み: {', '.join(cues) or 'なし'}）。", key)
        return tuple(cues[n] for n in names)

    severity = item.get("severity")
    if severity is not None and (not isinstance(severity, str) or severity.lower() not in SEVERITY_NAMES):
        fail(f"severity は {', '.join(SEVERITY_NAMES)} のいずれかにしてください。", "severity")
    masked = item.get("masked", False)
    if not isinstance(masked, bool):
        fail("masked は true か false で書いてください。", "masked")
    label = item.get("label") or (words[0] if words else "")
    if not isinstance(label, str):
        fail("label は文字列で書いてください。", "label")
    note = item.get("note", "")
    if not isinstance(note, str):
        fail("note は文字列で書いてください。", "note")
    return Entry(
        rule_id=rule_id,
        label=label.strip(),
        words=words,
        sequences=tuple(sequences),
        preferred=strings("preferred"),
        note=note.strip(),
        when=cue_list("when"),
        unless=cue_list("unless"),
        severity=Severity.parse(severity) if severity else None,
        masked=masked,
    )


def lookup(data: TokenPatternData, word: str) -> list[dict]:
    """Entries that list ``word`` (for ``sns-lint explain WORD``)."""
    key = fold(word.strip())
    return [
        {"listed": word.strip(), "preferred": e.preferred, "note": e.note, "condition": describe(e) or e.label}
        for e in data.entries
        if key in {fold(w) for w in e.words}
    ]


def describe(entry: Entry) -> str:
    """The conditions of an entry, in words."""
    parts = []
    if entry.when:
        parts.append("近くに次のどれかがあるとき: " + "／".join(c.label for c in entry.when))
    if entry.unless:
        parts.append("次があれば指摘しない: " + "／".join(c.label for c in entry.unless))
    return "。".join(parts)


@dataclass(frozen=True, slots=True)
class _Sequence:
    entry: Entry
    specs: tuple[TokenSpec, ...]
    # spellings the second token must have, when that alone decides it (a quick test
    # that spares most attempts: ご + 借り is tried only where 借り follows)
    second: frozenset[str] | None = None

    @classmethod
    def of(cls, entry: Entry, specs: tuple[TokenSpec, ...]) -> "_Sequence":
        second = None
        if len(specs) > 1:
            spec = specs[1]
            plain = TokenSpec(texts=spec.texts)
            if spec.texts and spec.low >= 1 and spec == plain:
                second = spec.texts
        return cls(entry, specs, second)


class _CueIndex:
    """The phrases of one cue, keyed by their first token's folded surface."""

    def __init__(self, cue: Cue):
        self.cue = cue
        self.by_key: dict[str, list[tuple[TokenSpec, ...]]] = {}
        self.by_norm: dict[str, list[tuple[TokenSpec, ...]]] = {}
        self.norm_letters: set[str] = set()  # first letters of the normalised forms above
        self.other: list[tuple[TokenSpec, ...]] = []
        for phrase in cue.phrases:
            first = phrase[0]
            if first.low >= 1 and first.texts:
                for key in first.texts:
                    self.by_key.setdefault(key, []).append(phrase)
                if first.phrase_norm and fold(first.phrase_norm) not in first.texts:
                    self.by_norm.setdefault(first.phrase_norm, []).append(phrase)
                    self.norm_letters.add(fold(first.phrase_norm)[0])
            else:
                self.other.append(phrase)

    def spans(self, view: TokenView, low: int, high: int, limit: int) -> list[tuple[int, int]]:
        """(start, end) of every occurrence starting in [low, high) and ending by ``limit``."""
        found = []
        for p in range(low, high):
            key = view.key(p)
            phrases = self.by_key.get(key, ())
            if self.by_norm and key[:1] in self.norm_letters:
                extra = self.by_norm.get(view.tokens.normalized_form(p))
                if extra:
                    phrases = [*phrases, *extra]
            if self.other:
                phrases = [*phrases, *self.other]
            for phrase in phrases:
                end = view.match(phrase, p, limit)
                if end > p:
                    found.append((p, end))
                    break
        return found


class Checker:
    """One index over the first tokens of every sequence of every ``token_pattern`` rule."""

    def __init__(self, rules: list[tuple[Any, TokenPatternData]]):
        self._by_key: dict[str, list[_Sequence]] = {}
        self._by_norm: dict[str, list[_Sequence]] = {}
        self._by_lemma: dict[str, list[_Sequence]] = {}
        # a token is asked for its normalised or dictionary form only if its surface starts
        # like one of the listed forms (first letter; first two for kana)
        self._gate: set[str] = set()
        self._kana_gate: set[str] = set()  # first kana of kana forms (お勧め for おすすめ)
        self._readings: set[str] = set()  # kana forms: a kana token must be one of them
        # per distinct surface, remembered across posts: seen at all, its flags if it can
        # start a sequence, its folded form
        self._known: dict[str, bool] = {}
        self._starters: set[str] = set()
        self._flag_cache: dict[str, int] = {}
        self._folded: dict[str, str] = {}
        self._cues: dict[int, _CueIndex] = {}
        self._exempt: dict[str, frozenset[str]] = {}
        self._masked: list[_MaskedWords] = []
        for rule, data in rules:
            self._exempt[rule.id] = data.exempt_speakers
            for cue in data.cues.values():
                self._cues[id(cue)] = _CueIndex(cue)
            masked_words: list[tuple[Entry, str]] = []
            for entry in data.entries:
                for specs in entry.sequences:
                    self._index(_Sequence.of(entry, specs))
                if entry.masked:
                    masked_words.extend((entry, w) for w in entry.words if len(w) >= MIN_MASKED_LENGTH)
            if masked_words:
                self._masked.append(_MaskedWords(masked_words, data.lookalikes))

    def _index(self, sequence: _Sequence) -> None:
        first = sequence.specs[0]
        for key in first.texts:
            self._by_key.setdefault(key, []).append(sequence)
        norms = set(first.norms) | ({first.phrase_norm} if first.phrase_norm else set())
        for norm in norms:
            self._by_norm.setdefault(norm, []).append(sequence)
        for lemma in first.lemmas:
            self._by_lemma.setdefault(lemma, []).append(sequence)
        # other spellings are reached through the normalised or dictionary form; a phrase
        # token whose normalised form is its own spelling has no other spelling to reach
        starts = set(first.norms) | set(first.lemmas)
        if first.phrase_norm and fold(first.phrase_norm) not in first.texts:
            starts.update((first.phrase_norm, first.phrase_reading))
        for start in starts:
            folded = fold(start)
            if is_kana(folded):
                self._readings.add(folded)  # a token spelt in kana must read exactly so
                self._kana_gate.add(folded[0])
            else:
                self._gate.add(folded[0])

    def _flags(self, surface: str) -> int:
        """What a token may start: a sequence by its spelling (1), or one to look up by its
        normalised or dictionary form (2)."""
        if not surface:
            return 0
        key = self._folded[surface] = fold(surface)
        flags = 1 if key in self._by_key else 0
        if is_kana(key):
            if key in self._readings:
                flags |= 2
        elif key[0] in self._gate or (key[0] in self._kana_gate and len(key) > 1):
            flags |= 2  # お勧め may be a spelling of おすすめ: kana, then a kanji
        self._flag_cache[surface] = flags
        return flags

    def wants_normalized_form(self, surface: str) -> bool:
        """Whether this checker may ask for the normalised form of a token spelt so (a hint
        for very large drafts; a form asked for anyway is still found)."""
        flags = self._flag_cache.get(surface)
        if flags is None:
            flags = self._flags(surface)
        if flags & 2:
            return True
        key = self._folded.get(surface, "")[:1]
        return any(key in cue.norm_letters for cue in self._cues.values())

    def check(self, analysis: Any) -> Iterator[Hit]:
        exempt = self._speaker_exempt(analysis)
        if self._masked and _DISGUISE.search(analysis.text):  # a mask after a letter, or a look-alike
            for masked in self._masked:
                yield from (h for h in masked.hits(analysis.text) if h.rule_id not in exempt)
        tokens = analysis.tokens
        surfaces = tokens.surfaces
        known = self._known
        if len(known) > 200_000:
            for cache in (known, self._starters, self._flag_cache, self._folded):
                cache.clear()
        distinct = set(surfaces)
        for surface in distinct.difference(known):
            if self._flags(surface):
                self._starters.add(surface)
            known[surface] = True
        if self._starters.isdisjoint(distinct):
            return  # most posts: no token can start a sequence
        starters = self._starters
        candidates = [i for i, s in enumerate(surfaces) if s in starters]
        view = TokenView(tokens, self._folded)
        last = len(surfaces)
        context = _Context(view, self._cues)
        reached: dict[str, int] = {}  # rule -> end of its last hit: one hit per rule per stretch of text
        for i in candidates:
            sequences = list(self._by_key.get(view.key(i), ()))
            if self._flag_cache[surfaces[i]] & 2:
                sequences += self._by_norm.get(tokens.normalized_form(i), ())
                if self._by_lemma:
                    sequences += self._by_lemma.get(tokens.dictionary_form(i), ())
            best: dict[str, tuple[int, Entry]] = {}  # the longest confirmed match of each rule here
            for sequence in sequences:
                entry = sequence.entry
                if entry.rule_id in exempt or reached.get(entry.rule_id, -1) > i:
                    continue
                if sequence.second is not None and (i + 1 >= last or view.key(i + 1) not in sequence.second):
                    continue
                end = view.match(sequence.specs, i)
                if end <= best.get(entry.rule_id, (i, None))[0]:
                    continue
                if context.confirms(entry, i, end):
                    best[entry.rule_id] = (end, entry)
            for rule_id, (end, entry) in best.items():
                reached[rule_id] = end
                yield _hit(entry, tokens.start(i), tokens.end(end - 1))

    def _speaker_exempt(self, analysis: Any) -> set[str]:
        speaker = analysis.post.meta.speaker or (analysis.account.speaker if analysis.account else None)
        if not speaker:
            return set()
        return {rule_id for rule_id, speakers in self._exempt.items() if speaker in speakers}


def _hit(entry: Entry, start: int, end: int) -> Hit:
    return Hit(
        rule_id=entry.rule_id,
        start=start,
        end=end,
        values={
            "word": entry.label,
            "note": entry.note,
            "preferred": "、".join(entry.preferred) or "（言い換えてください）",
        },
        suggestion="、".join(entry.preferred) or None,
        severity=entry.severity,
    )


class _Context:
    """Cue look-ups for one post: sentence bounds and cue spans, each computed once."""

    def __init__(self, view: TokenView, cues: dict[int, _CueIndex]):
        self.view = view
        self.cues = cues
        self._sentences: dict[int, tuple[int, int]] = {}
        self._spans: dict[tuple[int, int, int], list[tuple[int, int]]] = {}

    def sentence(self, index: int) -> tuple[int, int]:
        if index in self._sentences:
            return self._sentences[index]
        tokens = self.view.tokens
        low, high = tokens.line_bounds(index)
        surfaces = tokens.surfaces
        start = index
        while start > low and surfaces[start - 1] not in SENTENCE_ENDS:
            start -= 1
        end = index
        while end < high and surfaces[end] not in SENTENCE_ENDS:
            end += 1
        bounds = self._sentences[index] = (start, min(high, end + 1))
        return bounds

    def _cue_spans(self, cue: Cue, start: int, end: int) -> list[tuple[int, int]]:
        if cue.whole_post:
            low, high, limit = 0, len(self.view), len(self.view)
        else:
            s_low, s_high = self.sentence(start)
            limit = s_high
            if cue.side == "after":
                low, high = end, s_high if cue.reach is None else min(s_high, end + cue.reach)
            elif cue.side == "before":
                low, high = (s_low if cue.reach is None else max(s_low, start - cue.reach)), start
                limit = start
            else:
                low = s_low if cue.reach is None else max(s_low, start - cue.reach)
                high = s_high if cue.reach is None else min(s_high, end + cue.reach)
        key = (id(cue), low, high)
        if key not in self._spans:
            spans = self.cues[id(cue)].spans(self.view, low, high, limit) if low < high else []
            if cue.at_end and low >= limit:
                spans.append((end, end))
            self._spans[key] = spans
        return self._spans[key]

    def confirms(self, entry: Entry, start: int, end: int) -> bool:
        """Every ``when`` cue group finds one cue outside the match, and no ``unless`` cue is
        found. An ``unless`` cue inside the match (違反 in スピード違反) or overlapping a ``when``
        cue (ない in バレない) does not count; one that reaches past the match (バカ正直) does."""
        shields = []
        if entry.when:
            found = [span for cue in entry.when for span in self._cue_spans(cue, start, end)]
            found = [s for s in found if not _overlaps(s, start, end)]
            if not found:
                return False
            shields.extend(found)
        for cue in entry.unless:
            for span in self._cue_spans(cue, start, end):
                inside = start <= span[0] and span[1] <= end
                if not inside and not any(_overlaps(span, a, b) for a, b in shields):
                    return False
        return True


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]




class _MaskedWords:
    """Disguised spellings of listed words (伏せ字): letters after the first replaced by mask
    characters (ま○こ), or any letter by a look-alike (ㄘんこ). At least two letters stay as
    written, and no fewer letters than are masked, so ○○こ is never a word.

    Only the places where a mask or look-alike character stands are tried: each listed word
    that could cover that place is compared letter by letter (no large regular expression
    to compile at start-up)."""

    def __init__(self, words: list[tuple[Entry, str]], lookalikes: dict[str, str]):
        from sns_lint.checkers.text_folding import fold_width, to_hiragana, to_katakana

        # first letter (any accepted form) -> (entry, accepted letters per position)
        self._by_first: dict[str, list[tuple[Entry, tuple[frozenset[str], ...]]]] = {}
        self._longest = 0
        for entry, word in words:
            word = fold_width(word)
            letters = []
            for char in word:
                forms = {char, to_hiragana(char), to_katakana(char)}
                letters.append(frozenset(forms | {similar for form in forms for similar in lookalikes.get(form, "")}))
            for first in letters[0]:
                self._by_first.setdefault(first, []).append((entry, tuple(letters)))
            self._longest = max(self._longest, len(word))
        self._lookalikes = frozenset(c for alts in lookalikes.values() for c in alts)
        marks = re.escape(MASK_CHARS + "".join(sorted(self._lookalikes)))
        self._places = re.compile(f"[{marks}]")

    def hits(self, text: str) -> Iterator[Hit]:
        reached = -1
        for place in self._places.finditer(text):
            p = place.start()
            if p < reached:
                continue
            found = self._word_over(text, p)
            if found:
                entry, start, end = found
                reached = end
                yield _hit(entry, start, end)

    def _word_over(self, text: str, p: int) -> tuple[Entry, int, int] | None:
        masks, lookalikes = MASK_CHARS, self._lookalikes
        for start in range(max(0, p - self._longest + 1), p + 1):
            for entry, letters in self._by_first.get(text[start], ()):
                end = start + len(letters)
                if end <= p or end > len(text):
                    continue
                disguised = 0
                for k, char in enumerate(text[start:end]):
                    if k and char in masks:
                        disguised += 1
                    elif char not in letters[k]:
                        break
                    elif char in lookalikes:
                        disguised += 1
                else:
                    if disguised and len(letters) - disguised >= max(2, disguised):
                        return entry, start, end
        return None
