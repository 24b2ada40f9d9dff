"""A ``.txt`` or ``.md`` draft is one post, with optional front matter."""

from __future__ import annotations

import hashlib
import os
import sys

from sns_lint.errors import InputError
from sns_lint.posts import Post, SourceFile
from sns_lint.sources.decoding import decode_bytes
from sns_lint.sources.directives import split_directives
from sns_lint.sources.discovery import STDIN
from sns_lint.sources.front_matter import split_front_matter

MAX_BYTES = 64 * 1024 * 1024


def read_source(path: str) -> SourceFile:
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                # read(MAX_BYTES + 1) would allocate the whole maximum for every file
                if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                    raise InputError(f"{MAX_BYTES // (1024 * 1024)} MB を超えるファイルは点検しません。", path)
                data = handle.read()
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
        raise InputError(f"{MAX_BYTES // (1024 * 1024)} MB を超えるファイルは点検しません。", path)
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
