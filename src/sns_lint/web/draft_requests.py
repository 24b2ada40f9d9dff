"""What the page sends: a draft and the metadata chosen beside it, validated.

Every problem becomes ``BadRequest`` with one Japanese sentence the page can show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sns_lint.errors import InputError
from sns_lint.posts import PLATFORMS, PostMeta
from sns_lint.sources.front_matter import parse_datetime


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Draft:
    data: bytes  # the text as UTF-8, decoded again by the sources code like any file
    meta: PostMeta


def parse_json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadRequest("要求の本文が JSON として読めません。") from None
    if not isinstance(value, dict):
        raise BadRequest("要求の本文は JSON のオブジェクト（{…}）にしてください。")
    return value


def draft_from(value: dict[str, Any]) -> Draft:
    text = value.get("text")
    if not isinstance(text, str):
        raise BadRequest("text（下書きの本文）を文字列で送ってください。")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest("本文に不正な文字（対になっていないサロゲート）が含まれています。") from None
    return Draft(data=data, meta=meta_from(value))


def meta_from(value: dict[str, Any]) -> PostMeta:
    """Account, platform, scheduled time and the emergency flag chosen on the page."""
    account = _optional_text(value, "account", "アカウント")  # an unknown one is an input error of the report
    platform = _optional_text(value, "platform", "プラットフォーム")
    if platform is not None:
        platform = platform.lower()
        if platform not in PLATFORMS:
            raise BadRequest(f"不明なプラットフォーム「{platform}」です（使えるもの: {', '.join(PLATFORMS)}）。")
    scheduled = _optional_text(value, "scheduled_at", "予約日時")
    scheduled_at = None
    if scheduled is not None:
        try:
            scheduled_at = parse_datetime(scheduled, "予約日時", 1)
        except InputError as error:
            raise BadRequest(error.message) from None
    emergency = value.get("emergency", False)
    if not isinstance(emergency, bool):
        raise BadRequest("emergency（緊急の投稿）は true か false で送ってください。")
    return PostMeta(account=account, platform=platform, scheduled_at=scheduled_at, emergency=emergency)


def _optional_text(value: dict[str, Any], key: str, label: str) -> str | None:
    item = value.get(key)
    if item is None:
        return None
    if not isinstance(item, str):
        raise BadRequest(f"{key}（{label}）は文字列で送ってください。")
    return item.strip() or None


def file_name(raw: str | None) -> str:
    """The dropped file's own name, without any folder part the browser may send."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name or name in (".", ".."):
        raise BadRequest("ファイル名がありません（?name=ファイル名 を付けて送ってください）。")
    return name
