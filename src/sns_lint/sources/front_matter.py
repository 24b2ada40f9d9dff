"""YAML front matter between ``---`` lines at the top of a draft."""

from __future__ import annotations

import re
from datetime import datetime

from sns_lint.errors import InputError
from sns_lint.posts import PLATFORMS, SPEAKERS, PostMeta, Suppression
from sns_lint.sources.directives import split_arguments
from sns_lint.text_positions import LineIndex
from sns_lint.yaml_loading import LineDict, LineList, load_yaml

KNOWN_KEYS = ("account", "platform", "scheduled_at", "emergency", "approved_by", "published", "speaker", "allow")
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, path: str, warnings: list[str]) -> tuple[PostMeta, int]:
    """Return the metadata and the offset where the post body starts."""
    if not _FENCE.match(text):
        return PostMeta(), 0
    first_newline = text.find("\n")
    if first_newline == -1:
        raise InputError("フロントマターが閉じられていません（終わりの --- がありません）。", path, 1)
    close = _CLOSE.search(text, first_newline + 1)
    if close is None:
        raise InputError("フロントマターが閉じられていません（終わりの --- がありません）。", path, 1)
    block = text[first_newline + 1 : close.start()]
    body_start = close.end() + 1 if close.end() < len(text) else close.end()
    data = load_yaml(block, path, InputError, line_offset=1)
    if data is None:
        return PostMeta(), body_start
    if not isinstance(data, LineDict):
        raise InputError("フロントマターは「キー: 値」の形で書いてください。", path, 2)
    lines = LineIndex(text[:body_start]) if "scheduled_at" in data else None  # where a 5-9 finding points
    return meta_from(data, path, warnings, lines=lines), body_start


def meta_from(
    data: LineDict,
    path: str,
    warnings: list[str],
    where: str = "フロントマター",
    line_offset: int = 1,
    known_keys: tuple[str, ...] = KNOWN_KEYS,
    lines: LineIndex | None = None,
) -> PostMeta:
    """Validated metadata of one post: front matter, or one entry of a schedule file.
    ``lines`` (of the file) place where ``scheduled_at`` is written."""
    for key in data:
        if key not in known_keys:
            warnings.append(
                f"{path}:{data.line_of(key) + line_offset}: {where}の不明なキー「{key}」は無視します"
                f"（使えるキー: {', '.join(known_keys)}）。"
            )

    def line(key: str) -> int:
        return data.line_of(key) + line_offset

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InputError(f"{where}の {key} は文字列で書いてください。", path, line(key))
        return value.strip() or None

    platform = text_value("platform")
    if platform is not None:
        platform = platform.lower()
        if platform not in PLATFORMS:
            raise InputError(
                f"不明なプラットフォーム「{platform}」です（使えるもの: {', '.join(PLATFORMS)}）。",
                path,
                line("platform"),
            )
    def flag(key: str) -> bool:
        value = data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise InputError(f"{where}の {key} は true か false で書いてください。", path, line(key))
        return value

    speaker = text_value("speaker")
    if speaker is not None and speaker.lower() not in SPEAKERS:
        raise InputError(
            f"{where}の speaker「{speaker}」は不明です（使えるもの: {', '.join(SPEAKERS)}）。", path, line("speaker")
        )
    scheduled = text_value("scheduled_at")
    return PostMeta(
        account=text_value("account"),
        platform=platform,
        scheduled_at=parse_datetime(scheduled, path, line("scheduled_at")) if scheduled else None,
        scheduled_span=lines.content_span(line("scheduled_at")) if scheduled and lines is not None else None,
        emergency=flag("emergency"),
        approved_by=text_value("approved_by"),
        published=flag("published"),
        id=text_value("id") if "id" in known_keys else None,
        speaker=speaker.lower() if speaker else None,
        allow=parse_allow(data, path, where, line_offset=line_offset),
    )


def parse_allow(data: LineDict, path: str, what: str = "フロントマター", line_offset: int = 0) -> tuple[Suppression, ...]:
    """``allow: [{rule: 5-8, reason: "…"}]``; a string item is ``"5-8 理由"`` (a bare ``5-8`` lacks a reason).

    Shared by front matter and schedule entries; ``line_offset`` turns YAML lines into file lines.
    """
    value = data.get("allow")
    if value is None:
        return ()
    line = data.line_of("allow") + line_offset
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        raise InputError(f"{what}の allow は「- rule: 項番かルール ID / reason: 理由」のリストで書いてください。", path, line)
    item_lines = [n + line_offset for n in value.item_lines] if isinstance(value, LineList) else [line] * len(value)
    result = []
    for item, item_line in zip(value, item_lines):
        reason = None
        if isinstance(item, dict):
            for key in item:
                if key not in ("rule", "reason"):
                    raise InputError(
                        f"{what}の allow に不明なキー「{key}」があります（使えるキー: rule, reason）。",
                        path,
                        item.line_of(key) + line_offset if isinstance(item, LineDict) else item_line,
                    )
            rule, reason = item.get("rule"), item.get("reason")
        elif isinstance(item, str):  # "5-8 理由" reads like a directive comment (and fits a CSV cell)
            targets, reason = split_arguments(item.strip())
            rule = ",".join(targets)
        else:
            rule = item
        if isinstance(rule, (int, float)) and not isinstance(rule, bool):
            rule = str(rule)
        if not isinstance(rule, str) or not rule.strip():
            raise InputError(f"{what}の allow の各項目には rule:（項番かルール ID）を書いてください。", path, item_line)
        if reason is not None and not isinstance(reason, str):
            raise InputError(f"{what}の allow の reason は文字列で書いてください。", path, item_line)
        targets = tuple(t.strip() for t in rule.replace("、", ",").split(",") if t.strip())
        result.append(Suppression(targets, (reason or "").strip() or None, "allow", item_line))
    return tuple(result)


def parse_datetime(value: str, path: str, line: int) -> datetime:
    """ISO 8601 date-time; a naive value is later read in the config's time zone."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"日時「{value}」を読めません。存在する日時を ISO 8601（例: 2026-12-01T09:00+09:00）で書いてください。",
            path,
            line,
        ) from None
