"""Decode the bytes of a draft: UTF-8 (with or without BOM), UTF-16 with BOM, CP932."""

from __future__ import annotations

import re

from sns_lint.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
_CP932_STRAY = re.compile("[\uf8f0-\uf8f3]")


def _line_of_byte(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text with LF newlines, encoding name). Raise InputError when unreadable."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(data[3:], "utf-8", path), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(data, "utf-16", path), "utf-16"
    elif b"\x00" in data:
        raise InputError(
            "バイナリファイルのようです（NUL バイトを含みます）。テキストの下書きを指定してください。",
            path,
            _line_of_byte(data, data.index(b"\x00")),
        )
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _mostly_utf8(data):
                raise InputError(
                    f"UTF-8 として不正なバイト列があります（{exc.start} バイト目）。"
                    "文字コードを UTF-8 で保存し直してください。",
                    path,
                    _line_of_byte(data, exc.start),
                ) from None
            try:
                text, encoding = data.decode("cp932"), "cp932"
            except UnicodeDecodeError:
                raise InputError(
                    "文字コードを判別できません（UTF-8 でも Shift_JIS/CP932 でもありません）。",
                    path,
                    _line_of_byte(data, exc.start),
                ) from None
            # Python's CP932 maps the single bytes 0xA0 and 0xFD-0xFF, which Shift_JIS text
            # never contains, to U+F8F0-U+F8F3: such a file is neither UTF-8 nor CP932.
            stray = _CP932_STRAY.search(text)
            if stray:
                raise InputError(
                    "文字コードを判別できません（UTF-8 でも Shift_JIS/CP932 でもありません）。",
                    path,
                    text.count("\n", 0, stray.start()) + 1,
                )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(
            f"制御文字 U+{ord(bad.group()):04X} を含みます。バイナリファイルか、文字コードの誤りです。",
            path,
            line,
        )
    return text, encoding


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes, rather than Shift_JIS (which decodes as UTF-8 to mostly errors)."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for char in decoded if char > "\x7f") - bad
    return good > bad


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{encoding} として不正なバイト列があります（{exc.start} バイト目）。",
            path,
            _line_of_byte(data, exc.start),
        ) from None
