"""Schedule files in YAML or JSON: ``posts:`` is a list of posts with their publish time.

Each entry has ``text`` and optionally ``id``, ``account``, ``platform``, ``scheduled_at``,
``emergency``, ``approved_by`` and ``published``. A post's text keeps a map back to the file,
so findings point at the right line and column inside block scalars (``|``, ``>``), quoted
scalars and JSON strings with escapes.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sns_lint.errors import InputError, NotASchedule
from sns_lint.posts import Post, SourceFile
from sns_lint.sources.front_matter import KNOWN_KEYS, meta_from
from sns_lint.text_positions import OffsetMap
from sns_lint.yaml_loading import LineDict, LineList, compose_yaml, load_yaml

ENTRY_KEYS = ("id", *KNOWN_KEYS, "text")
YAML_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json",)
_YAML_POSTS = re.compile(r"^posts[ \t]*:", re.MULTILINE)
_JSON_POSTS = re.compile(r'"posts"\s*:')
_VERBATIM_RUN = re.compile(r"[^\s\"'\\]+")  # stretches of a YAML value that appear as they are in the file
_JSON_ESCAPE = re.compile(r'\\(?:u[0-9a-fA-F]{4}|.)')


def looks_like_schedule(text: str, suffix: str) -> bool:
    """Whether a file found in a folder is worth reading as a schedule (cheap, no parsing)."""
    pattern = _JSON_POSTS if suffix in JSON_SUFFIXES else _YAML_POSTS
    return pattern.search(text) is not None


# ----------------------------------------------------------------------------- YAML


def posts_from_yaml(source: SourceFile, warnings: list[str]) -> list[Post]:
    data = load_yaml(source.text, source.path, InputError)
    entries = _entries(data, source.path, "posts:")
    node = compose_yaml(source.text)
    entry_nodes = _yaml_entry_nodes(node)
    posts = []
    for index, entry in enumerate(entries):
        text_node = _yaml_value_node(entry_nodes[index], "text") if index < len(entry_nodes) else None
        text_map = None
        offset = 0
        text = _entry_text(entry, index, source.path)
        if text_node is not None:
            text_map = _align(text, source.text, text_node.start_mark.index, text_node.end_mark.index)
            offset = text_map.to_file(0)
        posts.append(_post(source, index, entry, text, offset, text_map, warnings))
    return posts


def _yaml_entry_nodes(node: Any) -> list[Any]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "posts" and isinstance(value, yaml.SequenceNode):
            return list(value.value)
    return []


def _yaml_value_node(entry: Any, name: str) -> Any:
    import yaml

    if not isinstance(entry, yaml.MappingNode):
        return None
    for key, value in entry.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name and isinstance(value, yaml.ScalarNode):
            return value
    return None


def _align(value: str, text: str, start: int, end: int) -> OffsetMap:
    """Anchor each verbatim stretch of ``value`` at its place in ``text[start:end]``.

    Indentation, folding, quotes and escapes fall between the stretches; one ``find`` per
    stretch, moving forward only, so the cost is linear in the scalar's size.
    """
    anchors = [(0, _content_start(text, start, end))]
    position = anchors[0][1]
    for run in _VERBATIM_RUN.finditer(value):
        found = text.find(run.group(), position, end)
        if found == -1:
            continue
        anchors.append((run.start(), found))
        position = found + len(run.group())
    return OffsetMap(anchors)


def _content_start(text: str, start: int, end: int) -> int:
    """Skip a block scalar's header line (``|``, ``>-``) and a quote: where the value begins."""
    if start < end and text[start] in "|>":
        newline = text.find("\n", start, end)
        start = end if newline == -1 else newline + 1
        while start < end and text[start] == " ":
            start += 1
    elif start < end and text[start] in "\"'":
        start += 1
    return start


# ----------------------------------------------------------------------------- JSON


class _PlacedStr(str):
    """A JSON string value that remembers where its characters start in the file."""

    start: int = 0


def _json_decoder() -> json.JSONDecoder:
    from json import scanner
    from json.decoder import scanstring

    decoder = json.JSONDecoder(object_pairs_hook=_json_object)

    def parse_string(text: str, end: int, strict: bool) -> tuple[str, int]:
        value, after = scanstring(text, end, strict)
        placed = _PlacedStr(value)
        placed.start = end
        return placed, after

    decoder.parse_string = parse_string
    decoder.scan_once = scanner.py_make_scanner(decoder)  # the C scanner would not call parse_string
    return decoder


def _json_object(pairs: list[tuple[str, Any]]) -> LineDict:
    result = LineDict(pairs)
    result.key_lines = {}
    return result


def posts_from_json(source: SourceFile, warnings: list[str]) -> list[Post]:
    text = source.text
    try:
        data, end = _json_decoder().raw_decode(text, _skip_space(text, 0))
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON を読めません: {exc.msg}（{exc.colno} 文字目）", source.path, exc.lineno) from None
    except RecursionError:
        raise InputError("JSON の入れ子が深すぎます。", source.path) from None
    if _skip_space(text, end) != len(text):
        raise InputError("JSON の後ろに余分な文字があります。", source.path, text.count("\n", 0, end) + 1)
    entries = _entries(data, source.path, '"posts"')
    lines = source.lines
    posts = []
    for index, entry in enumerate(entries):
        value = entry.get("text")
        # lines for messages about the entry: where its text (or first string) is
        anchor = next((v.start for v in (value, *entry.values()) if isinstance(v, _PlacedStr)), 0)
        line = lines.position(anchor)[0]
        entry.line = line
        entry.key_lines = dict.fromkeys(entry, line)
        for key, item in entry.items():
            if isinstance(item, _PlacedStr):
                entry.key_lines[key] = lines.position(item.start)[0]
        text = _entry_text(entry, index, source.path)
        text_map = _json_map(text, source.text, value.start) if isinstance(value, _PlacedStr) else None
        offset = text_map.to_file(0) if text_map else 0
        posts.append(_post(source, index, entry, str(text), offset, text_map, warnings))
    return posts


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n\r\ufeff":
        position += 1
    return position


def _json_map(value: str, text: str, start: int) -> OffsetMap:
    """Exact map of a JSON string: verbatim stretches between escapes."""
    anchors = [(0, start)]
    produced = 0  # characters of the value before the current file position
    position = start
    closing = _closing_quote(text, start)
    for escape in _JSON_ESCAPE.finditer(text, start, closing):
        produced += escape.start() - position
        anchors.append((produced, escape.start()))
        high = escape.group()
        # a surrogate pair (\ud83c\udf0b) is two escapes for one character
        pair = high.startswith("\\u") and 0xD800 <= int(high[2:], 16) <= 0xDBFF
        if not pair:
            produced += 1
        position = escape.end()
        anchors.append((produced, position))
    return OffsetMap(anchors)


def _closing_quote(text: str, start: int) -> int:
    position = start
    while True:
        quote = text.find('"', position)
        if quote == -1:
            return len(text)
        backslashes = 0
        while quote - backslashes - 1 >= start and text[quote - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return quote
        position = quote + 1


# ----------------------------------------------------------------------------- shared


def _entries(data: Any, path: str, what: str) -> list[Any]:
    if not isinstance(data, dict) or "posts" not in data:
        raise InputError(f"予約投稿ファイルには {what} のリストが必要です（posts: の下に投稿を並べます）。", path, 1)
    entries = data["posts"]
    line = data.line_of("posts") if isinstance(data, LineDict) and data.key_lines else 1
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise InputError("posts は投稿のリストで書いてください（各投稿を「- text: …」で始めます）。", path, line)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            entry_line = entries.item_lines[index] if isinstance(entries, LineList) else line
            raise InputError(f"posts[{index}] は「text: 本文」などのキーを持つ形で書いてください。", path, entry_line)
    return entries


def _entry_text(entry: Any, index: int, path: str) -> str:
    value = entry.get("text")
    if not isinstance(value, str):
        line = entry.line_of("text") if isinstance(entry, LineDict) else None
        what = "がありません" if value is None else "は文字列で書いてください"
        raise InputError(f"posts[{index}] の text {what}。", path, line)
    return value


def _post(
    source: SourceFile, index: int, entry: Any, text: str, offset: int, text_map: OffsetMap | None, warnings: list[str]
) -> Post:
    meta = meta_from(
        entry, source.path, warnings, where=f"posts[{index}] ", line_offset=0, known_keys=ENTRY_KEYS, lines=source.lines
    )
    account_line = entry.line_of("account") if "account" in entry else entry.line
    return Post(
        source=source,
        index=index,
        offset=offset,
        text=text,
        meta=meta,
        meta_line=account_line - 1,  # errors about the account name the line after meta_line
        text_map=text_map,
    )
