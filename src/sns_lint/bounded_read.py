"""Read files and streams with a size limit, in chunks, never blocking on a FIFO.

Everything sns-lint reads (drafts, stdin, config, rule and data files) comes
through here: at most ``limit`` bytes plus one chunk are ever held, and a path
that is not a regular file (a device such as ``/dev/zero``, a FIFO, a socket)
is refused before a single byte is read. Both problems are ``OSError``
subclasses with a Japanese ``strerror``, so callers that already turn
``OSError`` into a one-line error need nothing new.
"""

from __future__ import annotations

import os
import stat

MAX_BYTES = 64 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024


class NotARegularFile(OSError):
    def __init__(self, path: str):
        super().__init__(0, "通常のファイルではありません（デバイス・FIFO などは読みません）", path)


class TooLarge(OSError):
    def __init__(self, limit: int, path: str | None = None):
        super().__init__(0, f"{size_text(limit)} を超えています", path)
        self.limit = limit


def size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{limit // 1024} KB" if limit >= 1024 else f"{limit} バイト"


def is_regular_file(path: str | os.PathLike) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_stream(stream, limit: int | None = None) -> bytes:
    """All bytes of a binary stream (stdin), or ``TooLarge`` once more than ``limit`` arrive."""
    limit = MAX_BYTES if limit is None else limit
    chunks, total = [], 0
    while True:
        chunk = stream.read(min(CHUNK_BYTES, limit + 1 - total) or 1)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise TooLarge(limit)


def read_file(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of a regular file; ``NotARegularFile`` or ``TooLarge`` otherwise.

    The file is opened non-blocking, so a FIFO put in place of a file after the
    folder was listed is refused instead of waiting forever for a writer.
    """
    limit = MAX_BYTES if limit is None else limit
    with open(path, "rb", buffering=0, opener=_open_nonblocking) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(os.fspath(path))
        if info.st_size > limit:
            raise TooLarge(limit, os.fspath(path))
        wanted = min(info.st_size, limit) + 1
        first = handle.read(wanted)  # usually the whole file, one allocation
        chunks, total = [first], len(first)
        # usually all of it in one read: read on only when the size differs from what fstat said
        # (a file that grew, or a file system that returns short reads)
        while first and total <= limit and total != info.st_size:
            chunk = handle.read(min(CHUNK_BYTES, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:  # the file grew while it was read
        raise TooLarge(limit, os.fspath(path))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def read_text(path: str | os.PathLike, limit: int | None = None) -> str:
    """A UTF-8 text file (BOM allowed); ``UnicodeDecodeError`` when it is not UTF-8."""
    return read_file(path, limit).decode("utf-8-sig")
