"""Posts: the unit every rule checks — text plus the metadata that says where it goes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sns_lint.text_positions import LineIndex, OffsetMap

PLATFORMS = ("x", "facebook", "instagram", "line", "threads")
# Who speaks in a post. Staff write in the city's voice; the mayor's own account (or a post
# marked ``speaker: mayor``) speaks in the first person, and rules on personal views skip it.
SPEAKERS = ("staff", "mayor")


@dataclass(frozen=True, slots=True)
class Suppression:
    """A finding the author allows on purpose, with the reason an auditor reads.

    ``targets`` are rule ids or clause numbers. ``first_line``/``last_line`` bound the file
    lines it covers (``None``: the whole post). ``line`` is where it is written.
    """

    targets: tuple[str, ...]
    reason: str | None
    kind: str  # "allow" (front matter / schedule entry), "disable-next-line", "disable"
    line: int
    first_line: int | None = None
    last_line: int | None = None

    def covers(self, line: int) -> bool:
        if self.first_line is None:
            return True
        return self.first_line <= line and (self.last_line is None or line <= self.last_line)


@dataclass(frozen=True, slots=True)
class PostMeta:
    account: str | None = None
    platform: str | None = None
    scheduled_at: datetime | None = None
    # where scheduled_at is written: file offsets (start, end) of its line or CSV cells, for
    # findings about the time (5-9); None when the time did not come from the file
    scheduled_span: tuple[int, int] | None = None
    emergency: bool = False
    approved_by: str | None = None
    published: bool = False  # already sent: kept for the record, not judged for its time
    id: str | None = None  # the schedule file's own id for the post
    speaker: str | None = None  # who speaks in this post: staff (default) or mayor
    allow: tuple[Suppression, ...] = ()


@dataclass(slots=True)
class SourceFile:
    """A decoded input file. ``text`` has LF newlines; lines and columns match the original."""

    path: str  # as given on the command line ('-' for stdin)
    text: str
    encoding: str
    digest: str | None = None  # sha256 of the bytes read: --fix refuses a file changed since
    _lines: LineIndex | None = field(default=None, repr=False)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines


@dataclass(frozen=True, slots=True)
class Post:
    source: SourceFile
    index: int  # 0-based position of the post within its file
    offset: int  # where the post's text starts in source.text
    text: str
    meta: PostMeta
    meta_line: int = 1  # line of the metadata block, for errors about it
    # Where each stretch of ``text`` sits in the file, when the text is not a verbatim slice
    # of it (YAML block scalars, JSON escapes, quoted CSV cells); None means offset + i.
    text_map: OffsetMap | None = None

    def file_offset(self, offset: int) -> int:
        """Offset in ``source.text`` of the character at ``offset`` in the post text."""
        if self.text_map is None:
            return self.offset + offset
        return self.text_map.to_file(offset)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        if self.text_map is None:
            return self.offset + start, self.offset + end
        if end <= start:
            begin = self.text_map.to_file(start)
            return begin, begin
        return self.text_map.to_file(start), self.text_map.to_file(end - 1) + 1
    suppressions: tuple[Suppression, ...] = ()  # from directive comments
    problems: tuple[tuple[int, str], ...] = ()  # (file line, message): malformed directives
