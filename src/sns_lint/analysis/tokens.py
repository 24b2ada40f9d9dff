"""Sudachi tokens of a post, computed once and shared by every rule.

Sudachi is fed short segments (one line, or pieces of a long line cut at
sentence ends): it is fastest on short input and refuses input above 49,149
UTF-8 bytes. Each token keeps its code-point offset into the post text. Only
surface and normalised form are read for every token; part of speech and
dictionary form are read on demand, since each accessor call costs time.
"""

from __future__ import annotations

import re
import threading
from array import array
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import compress
from sys import intern
from typing import Any, Callable, Iterator

from sns_lint.analysis.hidden_characters import remove as remove_hidden

MAX_SEGMENT_CHARS = 2_000  # 4 bytes a char at most: far below Sudachi's byte limit
_SENTENCE_END = re.compile(r"[。．！？!?]\s*|\s+")
_CLAUSE_END = re.compile(r"[、，,」』）)】〕]")
_WINDOW = 64  # characters either side of a forced cut that Sudachi reads to find a word boundary
_local = threading.local()


def _tokenizer() -> Any:
    """One tokenizer per thread (a Sudachi tokenizer must not be shared)."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import Dictionary, SplitMode

        tokenizer = Dictionary().tokenizer(SplitMode.C)
        _local.tokenizer = tokenizer
    return tokenizer


def segments(text: str) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering every non-empty line of the text."""
    return list(iter_segments(text))


def iter_segments(text: str) -> Iterator[tuple[int, str]]:
    """``segments`` one at a time: a draft of a million short lines is never a million pieces at once."""
    position, find, size = 0, text.find, len(text)
    while position < size:
        end = find("\n", position)
        if end == -1:
            end = size
        if end > position:
            line = text[position:end]
            if len(line) <= MAX_SEGMENT_CHARS:
                yield position, line
            else:
                yield from ((position + offset, piece) for offset, piece in _split_long(line))
        position = end + 1


def _split_long(line: str) -> list[tuple[int, str]]:
    pieces = []
    start = 0
    while len(line) - start > MAX_SEGMENT_CHARS:
        limit = start + MAX_SEGMENT_CHARS
        cut = None
        for boundary in (_SENTENCE_END, _CLAUSE_END):
            for match in boundary.finditer(line, start + MAX_SEGMENT_CHARS // 2, limit):
                cut = match.end()
            if cut is not None:
                break
        if cut is None or cut <= start:
            # no punctuation: cut between two words, so no listed term is cut in half
            cut = _word_boundary(line, start + MAX_SEGMENT_CHARS // 2, limit) or limit
            # never separate a base character from its combining marks or joiners
            while cut > start + 1 and _joins_previous(line[cut]):
                cut -= 1
        pieces.append((start, line[start:cut]))
        start = cut
    pieces.append((start, line[start:]))
    return pieces


def _word_boundary(line: str, low: int, limit: int) -> int | None:
    """The last Sudachi token boundary in (low, limit], read from a window around ``limit``."""
    first = max(low, limit - _WINDOW)
    window = line[first : limit + _WINDOW]
    position, best = first, None
    for morpheme in _tokenizer().tokenize(_sudachi_safe(window)):
        position += len(morpheme.surface())
        if first < position <= limit:
            best = position
    return best


def _joins_previous(char: str) -> bool:
    return (
        unicodedata.combining(char) != 0
        or char in "\u200d\ufe0e\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or "\U000e0020" <= char <= "\U000e007f"
        or unicodedata.category(char) in ("Mn", "Mc", "Me")
    )


class Tokens:
    """Token surfaces of a post, with offsets and other forms on demand.

    Reading Sudachi's results token by token is the hot path of the whole
    linter, so the surfaces of a segment come from one call (a morpheme list
    prints its surfaces joined by spaces; pieces that contain an ASCII space
    take the token-by-token path). Normalised forms, part of speech, reading
    and dictionary form are read only for the tokens a rule asks about. For
    ordinary posts the morpheme lists are kept for that; for very large drafts
    they are dropped (about 1 KB a token): the forms of the tokens the rules may
    ask about (``wants_form``, decided by spelling) are read while the list is
    alive, any other token's re-tokenise the one short segment needed, and equal
    strings are stored once.
    """

    __slots__ = (
        "surfaces", "_text", "_starts", "_segment_offsets", "_segment_lengths", "_segment_firsts", "_lists",
        "_normalized", "_read", "_cached", "_hidden",
    )

    KEEP_LISTS_CHARS = 100_000

    def __init__(self, text: str, wants_form: "Callable[[str], bool] | None" = None):
        """``wants_form(surface)``: whether a rule may ask for the normalised form of a token
        spelt so. It matters for very large drafts only: their forms are read while Sudachi's list
        is alive for those tokens alone; any other token's form is read by tokenising its
        segment again. Without it every token's form is read."""
        # 看<ZWSP>護婦 is tokenised as 看護婦; offsets are mapped back to the post text
        self._hidden = remove_hidden(text)
        if self._hidden is not None:
            text = self._hidden.text
        if _SURROGATE.search(text) is not None:
            pieces = [(offset, _sudachi_safe(piece)) for offset, piece in iter_segments(text)]
        else:
            pieces = iter_segments(text)
        # 4 bytes an entry: inputs are capped far below 4 G characters
        kind = "I" if len(text) <= _MAX_UINT32 else "q"
        offsets, lengths, firsts = array(kind), array(kind), array(kind)
        self._text = text
        # offsets and lengths, not the pieces: no copy of the text, no object per segment
        self._segment_offsets = offsets
        self._segment_lengths = lengths
        self._segment_firsts = firsts
        self._starts: array | None = None
        self._normalized: dict[int, str] = {}
        self._cached: tuple[int, Any] | None = None
        if len(text) <= self.KEEP_LISTS_CHARS:
            self._lists: list[Any] | None = []
            self._read: _ReadForms | None = None
            self.surfaces = self._read_keeping_lists(pieces)
        else:
            self._lists = None
            self._read = _ReadForms()
            self.surfaces = self._read_dropping_lists(pieces, wants_form or _every_token)

    def _read_keeping_lists(self, pieces: Iterator[tuple[int, str]]) -> list[str]:
        tokenize = _tokenizer().tokenize
        surfaces: list[str] = []
        offsets, lengths, firsts, lists = self._segment_offsets, self._segment_lengths, self._segment_firsts, self._lists
        for offset, piece in pieces:
            offsets.append(offset)
            lengths.append(len(piece))
            firsts.append(len(surfaces))
            morphemes = tokenize(piece)
            surfaces.extend(_surfaces(piece, morphemes))
            lists.append(morphemes)
        return surfaces

    def _read_dropping_lists(self, pieces: Iterator[tuple[int, str]], wants_form: Callable[[str], bool]) -> list[str]:
        """A very large draft: one reusable morpheme list; equal strings are stored once. The
        normalised form, dictionary form and part of speech of the tokens rules may ask about
        (a few in a hundred) are read while the list is alive; any other token's are read by
        tokenising its one segment again."""
        tokenize = _tokenizer().tokenize
        reused = tokenize("")
        surfaces: list[str] = []
        offsets, lengths, firsts = self._segment_offsets, self._segment_lengths, self._segment_firsts
        read = self._read
        decided: dict[str, bool] = {}
        for offset, piece in pieces:
            offsets.append(offset)
            lengths.append(len(piece))
            first = len(surfaces)
            firsts.append(first)
            morphemes = tokenize(piece, out=reused)
            words = _surfaces(piece, morphemes)
            for word in set(words).difference(decided):
                decided[word] = bool(wants_form(word))
            wanted = list(map(decided.__getitem__, words))
            if any(wanted):
                for index in compress(range(len(words)), wanted):
                    read.add(first + index, morphemes[index])
            surfaces.extend(map(intern, words))
            if len(decided) > 200_000:
                decided.clear()
        return surfaces

    @property
    def starts(self) -> array:
        """Offset of every token in the post text (built on first use)."""
        if self._starts is None:
            starts = array(self._segment_offsets.typecode)
            surfaces = self.surfaces
            bounds = [*self._segment_firsts, len(surfaces)]
            for which, offset in enumerate(self._segment_offsets):
                position = offset
                for index in range(bounds[which], bounds[which + 1]):
                    starts.append(position)
                    position += len(surfaces[index])
            if self._hidden is not None:
                starts = array("q", map(self._hidden.start, starts))  # offsets in the original text
            self._starts = starts
        return self._starts

    def start(self, index: int) -> int:
        if self._starts is not None:
            return self._starts[index]
        start = self._start_in_text(index)
        return start if self._hidden is None else self._hidden.start(start)

    def _start_in_text(self, index: int) -> int:
        """Offset in the text Sudachi read (the post without invisible characters)."""
        which = bisect_right(self._segment_firsts, index) - 1
        first = self._segment_firsts[which]
        return self._segment_offsets[which] + sum(len(s) for s in self.surfaces[first:index])

    def index_at(self, offset: int) -> int:
        """Index of the token that holds ``offset`` (or the last one before it), -1 before the first.

        Without the offsets of every token (``starts``), only the tokens of one segment are walked:
        rules that look around a few candidates per post need no per-token work."""
        if self._starts is not None:
            return bisect_right(self._starts, offset) - 1
        which = bisect_right(self._segment_offsets, offset) - 1
        if which < 0:
            return -1
        index = self._segment_firsts[which]
        stop = self._segment_firsts[which + 1] if which + 1 < len(self._segment_firsts) else len(self.surfaces)
        position = self._segment_offsets[which]
        while index + 1 < stop and position + len(self.surfaces[index]) <= offset:
            position += len(self.surfaces[index])
            index += 1
        return index

    def normalized_form(self, index: int) -> str:
        """Sudachi's normalised form (lemma and standard spelling) of one token."""
        if self._read is not None:
            where = self._read.find(index)
            if where >= 0:
                return self._read.normalized(where)
        try:
            return self._normalized[index]
        except KeyError:
            form = self._normalized[index] = self._morpheme(index).normalized_form()
            return form

    def __len__(self) -> int:
        return len(self.surfaces)

    def end(self, index: int) -> int:
        if self._hidden is None:
            return self.start(index) + len(self.surfaces[index])
        return self._hidden.end(self._start_in_text(index) + len(self.surfaces[index]))

    def _morpheme(self, index: int) -> Any:
        which = bisect_right(self._segment_firsts, index) - 1
        if self._lists is not None:
            return self._lists[which][index - self._segment_firsts[which]]
        if self._cached is None or self._cached[0] != which:
            offset, length = self._segment_offsets[which], self._segment_lengths[which]
            self._cached = (which, _tokenizer().tokenize(_sudachi_safe(self._text[offset : offset + length])))
        return self._cached[1][index - self._segment_firsts[which]]

    def line_bounds(self, index: int) -> tuple[int, int]:
        """First and past-the-last token index of the line (segment) holding token ``index``."""
        which = bisect_right(self._segment_firsts, index) - 1
        firsts = self._segment_firsts
        return firsts[which], firsts[which + 1] if which + 1 < len(firsts) else len(self.surfaces)

    def pos(self, index: int) -> tuple[str, ...]:
        if self._read is not None:
            where = self._read.find(index)
            if where >= 0:
                return self._read.pos(where)
        return tuple(self._morpheme(index).part_of_speech())

    def dictionary_form(self, index: int) -> str:
        if self._read is not None:
            where = self._read.find(index)
            if where >= 0:
                return self._read.dictionary_form(where)
        return self._morpheme(index).dictionary_form()

    def reading(self, index: int) -> str:
        return self._morpheme(index).reading_form()


_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_UINT32 = 0xFFFF_FFFF


def _every_token(_surface: str) -> bool:
    return True


class _ReadForms:
    """Forms of chosen tokens of a large draft in two parallel arrays (8 bytes a token): token
    indexes in rising order, and the number of the token's (normalised form, dictionary form,
    part of speech) among the distinct ones, each stored once."""

    __slots__ = ("indexes", "form_ids", "_forms", "_form_ids")

    def __init__(self) -> None:
        self.indexes = array("I")
        self.form_ids = array("I")
        self._forms: list[tuple[str, str, tuple[str, ...]]] = []
        self._form_ids: dict[tuple[str, str, tuple[str, ...]], int] = {}

    def add(self, index: int, morpheme: Any) -> None:
        forms = (morpheme.normalized_form(), morpheme.dictionary_form(), tuple(morpheme.part_of_speech()))
        number = self._form_ids.get(forms)
        if number is None:
            number = self._form_ids[forms] = len(self._forms)
            self._forms.append(forms)
        self.indexes.append(index)
        self.form_ids.append(number)

    def find(self, index: int) -> int:
        where = bisect_left(self.indexes, index)
        return where if where < len(self.indexes) and self.indexes[where] == index else -1

    def normalized(self, where: int) -> str:
        return self._forms[self.form_ids[where]][0]

    def dictionary_form(self, where: int) -> str:
        return self._forms[self.form_ids[where]][1]

    def pos(self, where: int) -> tuple[str, ...]:
        return self._forms[self.form_ids[where]][2]


def _surfaces(piece: str, morphemes: Any) -> list[str]:
    """The surfaces of a segment's tokens: a morpheme list prints them joined by spaces, which
    is one call instead of one per token (pieces holding a space are read token by token)."""
    if " " not in piece:
        words = str(morphemes).split(" ")
        if len(words) == len(morphemes):
            return words
    return [m.surface() for m in morphemes]



def _sudachi_safe(piece: str) -> str:
    """Lone surrogates cannot cross into Sudachi; U+FFFD keeps every offset."""
    return _SURROGATE.sub("\ufffd", piece) if _SURROGATE.search(piece) else piece


def tokenize_word(word: str) -> list[tuple[str, str, str]]:
    """(surface, normalised form, reading) of each token of a short phrase (used by rule data)."""
    return [
        (m.surface(), m.normalized_form(), m.reading_form()) for m in _tokenizer().tokenize(word)
    ]
