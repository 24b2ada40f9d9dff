"""A ``.txt`` or ``.md`` draft is one post, with optional front matter."""

from __future__ import annotations

import hashlib
import os
import sys

from sns_lint import bounded_read
from sns_lint.errors import InputError
from sns_lint.posts import Post, SourceFile
from sns_lint.sources.decoding import decode_bytes
from sns_lint.sources.directives import split_directives
from sns_lint.sources.discovery import STDIN
from sns_lint.sources.front_matter import split_front_matter

MAX_BYTES = 64 * 1024 * 1024  # drafts and stdin


def read_source(path: str) -> SourceFile:
    try:
        if path == STDIN:
            if sys.stdin is None:  # started with stdin closed (<&-)
                raise InputError("標準入力が閉じています。", path)
            data = bounded_read.read_stream(sys.stdin.buffer, MAX_BYTES)
        else:
            data = bounded_read.read_file(path, MAX_BYTES)
    except bounded_read.TooLarge:
        raise InputError(f"{bounded_read.size_text(MAX_BYTES)} を超えるファイルは点検しません。", path) from None
    except bounded_read.NotARegularFile:
        raise InputError("通常のファイルではありません（デバイス・FIFO などは読みません）。", path) from None
    except PermissionError:
        raise InputError("読み取り権限がありません。", path) from None
    except IsADirectoryError:
        raise InputError("フォルダです。投稿ファイルを指定してください。", path) from None
    except FileNotFoundError:
        raise InputError("ファイルが見つかりません。", path) from None
    except OSError as exc:
        raise InputError(f"読み込めません（{exc.strerror}）。", path) from None
    return source_from_bytes(path, data)


def source_from_bytes(path: str, data: bytes) -> SourceFile:
    if len(data) > MAX_BYTES:
        raise InputError(f"{bounded_read.size_text(MAX_BYTES)} を超えるファイルは点検しません。", path)
    text, encoding = decode_bytes(data, path)
    return SourceFile(path=path, text=text, encoding=encoding, digest=hashlib.sha256(data).hexdigest())


def posts_from_text_file(source: SourceFile, warnings: list[str]) -> list[Post]:
    meta, body_start = split_front_matter(source.text, source.path, warnings)
    body, text_map, suppressions, problems = split_directives(source.text[body_start:], body_start, source.lines)
    return [
        Post(
            source=source,
            index=0,
            offset=body_start,
            text=body,
            meta=meta,
            text_map=text_map,
            suppressions=suppressions,
            problems=problems,
        )
    ]
