"""Bulk schedules in CSV: one post per row.

Three layouts are read (the README names the documentation each follows):

- sns-lint's own header row with ``scheduled_at, account, platform, text`` (and optionally
  ``id, emergency, approved_by, published``) in any order;
- Sprout Social's bulk-scheduling template: header ``date, time_24hr, message_text``;
- Hootsuite's bulk composer file: no header; date-time, message, optional URL.

``schedule_csv: {columns: {text: 本文, ...}, date_format: ...}`` in the policy maps any
other tool's column names. Every cell keeps a map back to the file, so a finding points at
the row and at the column inside the cell's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Iterator

from sns_lint.config.model import ScheduleCsv
from sns_lint.errors import InputError, NotASchedule
from sns_lint.posts import Post, SourceFile
from sns_lint.sources.front_matter import KNOWN_KEYS, meta_from
from sns_lint.text_positions import OffsetMap
from sns_lint.yaml_loading import LineDict

CSV_SUFFIXES = (".csv",)
ENTRY_KEYS = ("id", *KNOWN_KEYS, "text")
SPROUT_COLUMNS = {"date": "date", "time": "time_24hr", "text": "message_text"}
_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
_PLAIN = re.compile(r"[^,\n]*")
_DOUBLED_QUOTE = re.compile('""')
# Date-time forms people and tools write; ISO 8601 is tried first.
_DATE_TIME_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y年%m月%d日 %H:%M")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")
_TRUE = {"true", "1", "yes", "y", "はい", "○", "〇"}
_FALSE = {"false", "0", "no", "n", "いいえ", "", "×"}


@dataclass(frozen=True, slots=True)
class Cell:
    value: str
    start: int  # file offset of the value's first character
    raw_end: int  # file offset after the cell (closing quote included)
    anchors: tuple[tuple[int, int], ...]  # OffsetMap anchors of the value

    def offset_map(self) -> OffsetMap:
        return OffsetMap(list(self.anchors))


def rows(text: str, path: str) -> Iterator[tuple[int, list[Cell]]]:
    """(line, cells) of each record; quoted cells may hold commas, quotes and newlines."""
    position, length, line = 0, len(text), 1
    while position < length:
        row_line = line
        cells: list[Cell] = []
        while True:
            if position < length and text[position] == '"':
                match = _QUOTED.match(text, position)
                if match is None:
                    raise InputError("CSV の引用符（\"）が閉じられていません。", path, row_line)
                raw = match.group(1)
                start = position + 1
                cells.append(Cell(raw.replace('""', '"'), start, match.end(), _quoted_anchors(raw, start)))
                line += raw.count("\n")
            else:
                match = _PLAIN.match(text, position)
                cells.append(Cell(match.group(), position, match.end(), ((0, position),)))
            position = match.end()
            if position < length and text[position] == ",":
                position += 1
                continue
            if position < length and text[position] != "\n":
                raise InputError("CSV の引用符の後ろに余分な文字があります（\"\" と二重にしてください）。", path, line)
            position += 1
            line += 1
            break
        if any(cell.value.strip() for cell in cells):
            yield row_line, cells


def _quoted_anchors(raw: str, start: int) -> tuple[tuple[int, int], ...]:
    anchors = [(0, start)]
    produced, position = 0, 0
    for doubled in _DOUBLED_QUOTE.finditer(raw):
        produced += doubled.start() - position + 1
        position = doubled.end()
        anchors.append((produced, start + position))
    return tuple(anchors)


# ----------------------------------------------------------------------------- layouts


@dataclass(frozen=True)
class Layout:
    name: str
    columns: dict[str, int]  # our field -> column index
    header: bool
    url_column: int | None = None


def find_layout(first: list[str], settings: ScheduleCsv) -> Layout | None:
    names = [cell.strip().lstrip("\ufeff") for cell in first]
    folded = [name.lower() for name in names]
    if settings.columns:
        wanted = settings.columns
        columns = {field: folded.index(column.lower()) for field, column in wanted.items() if column.lower() in folded}
        if "text" in columns:
            _add_own_columns(columns, folded)
            return Layout("policy", columns, header=True)
    if all(name in folded for name in SPROUT_COLUMNS.values()):
        columns = {field: folded.index(column) for field, column in SPROUT_COLUMNS.items()}
        return Layout("sprout", columns, header=True)
    if "text" in folded:
        columns: dict[str, int] = {}
        _add_own_columns(columns, folded)
        return Layout("sns-lint", columns, header=True)
    if len(names) >= 2 and _parse_slashed(names[0], None) is not None:
        return Layout("hootsuite", {"scheduled_at": 0, "text": 1}, header=False, url_column=2 if len(names) >= 3 else None)
    return None


def _add_own_columns(columns: dict[str, int], folded: list[str]) -> None:
    for field in (*ENTRY_KEYS, "date", "time"):
        if field not in columns and field in folded:
            columns[field] = folded.index(field)


def looks_like_schedule(text: str, settings: ScheduleCsv) -> bool:
    """A CSV found in a folder is read only when its first row shows a layout we know."""
    head = text[: text.find("\n") if "\n" in text else len(text)]
    try:
        first = next(rows(head, ""), None)
    except InputError:
        return False
    return first is not None and find_layout([c.value for c in first[1]], settings) is not None


def posts_from_csv(source: SourceFile, settings: ScheduleCsv, warnings: list[str]) -> list[Post]:
    path = source.path
    records = list(rows(source.text, path))
    if not records:
        return []
    layout = find_layout([cell.value for cell in records[0][1]], settings)
    if layout is None:
        raise NotASchedule(
            "CSV に本文の列（text、message_text、または schedule_csv.columns.text）がありません。", path, records[0][0]
        )
    if layout.header:
        records = records[1:]
    day_first = _day_first(records, layout, settings)
    posts = []
    for index, (line, cells) in enumerate(records):
        def cell(field: str) -> Cell | None:
            column = layout.columns.get(field)
            return cells[column] if column is not None and column < len(cells) else None

        text_cell = cell("text")
        if text_cell is None:
            raise InputError(f"{line} 行目に本文の列がありません（列の数が足りません）。", path, line)
        entry = LineDict()
        entry.line = line
        entry.key_lines = {}
        for field in ENTRY_KEYS:
            found = cell(field)
            if found is None or field in ("text", "scheduled_at") or not found.value.strip():
                continue
            entry[field] = _flag(found.value, field, path, line) if field in ("emergency", "published") else found.value
            entry.key_lines[field] = line
        when = _scheduled_at(cell, layout, settings, day_first, path, line)
        meta = meta_from(entry, path, warnings, where=f"{line} 行目", line_offset=0, known_keys=ENTRY_KEYS)
        if when is not None:
            written = [c for c in (cell("scheduled_at"), cell("date"), cell("time")) if c is not None and c.value.strip()]
            span = (min(c.start for c in written), max(c.start + len(c.value.rstrip()) for c in written))
            meta = replace(meta, scheduled_at=when, scheduled_span=span)
        text, text_map = text_cell.value, text_cell.offset_map()
        if layout.url_column is not None and layout.url_column < len(cells) and cells[layout.url_column].value.strip():
            url = cells[layout.url_column]
            anchors = [*text_cell.anchors, (len(text) + 1, url.start)]
            text = f"{text}\n{url.value.strip()}"
            text_map = OffsetMap(anchors)
        posts.append(Post(source, index, text_cell.start, text, meta, meta_line=line - 1, text_map=text_map))
    return posts


def _flag(value: str, field: str, path: str, line: int) -> bool:
    folded = value.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise InputError(f"{line} 行目の {field}「{value}」は true か false で書いてください。", path, line)


def _day_first(records: list, layout: Layout, settings: ScheduleCsv) -> bool:
    """Slashed dates are month/day (the US order both tools default to) unless a first number
    above 12 in the file shows day/month."""
    if settings.date_format:
        return False
    column = layout.columns.get("date", layout.columns.get("scheduled_at"))
    if column is None:
        return False
    for _line, cells in records:
        if column < len(cells):
            match = re.match(r"\s*(\d{1,2})/(\d{1,2})/\d{4}", cells[column].value)
            if match and int(match.group(1)) > 12:
                return True
    return False


def _scheduled_at(cell, layout: Layout, settings: ScheduleCsv, day_first: bool, path: str, line: int) -> datetime | None:
    date_cell, time_cell, stamp_cell = cell("date"), cell("time"), cell("scheduled_at")
    if stamp_cell is not None and stamp_cell.value.strip():
        value = stamp_cell.value.strip()
    elif date_cell is not None and date_cell.value.strip():
        value = f"{date_cell.value.strip()} {time_cell.value.strip() if time_cell else '00:00'}"
    else:
        return None
    if settings.date_format:
        try:
            return datetime.strptime(value, settings.date_format)
        except ValueError:
            raise InputError(
                f"{line} 行目の日時「{value}」が schedule_csv.date_format「{settings.date_format}」に合いません。", path, line
            ) from None
    parsed = _parse_slashed(value, day_first)
    if parsed is None:
        parsed = _parse_common(value)
    if parsed is None:
        raise InputError(
            f"{line} 行目の日時「{value}」を読めません（例: 2026-12-01 09:00、12/01/2026 09:00。"
            "ほかの書式は schedule_csv.date_format で指定します）。",
            path,
            line,
        )
    return parsed


def _parse_slashed(value: str, day_first: bool | None) -> datetime | None:
    match = _SLASHED.match(value)
    if match is None:
        return None
    first, second, year, hour, minute = (int(match.group(i)) for i in range(1, 6))
    month, day = (second, first) if day_first or (day_first is None and first > 12) else (first, second)
    try:
        return datetime(year, month, day, hour, minute, int(match.group(6) or 0))
    except ValueError:
        return None


def _parse_common(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    for form in _DATE_TIME_FORMATS:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None
