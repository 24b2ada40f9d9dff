"""Turn command-line paths into the list of files to check."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sns_lint.sources.path_patterns import FileSelection

POST_SUFFIXES = (".txt", ".md")
SCHEDULE_SUFFIXES = (".yaml", ".yml", ".json", ".csv")  # read only when they hold posts
STDIN = "-"


def discover(
    paths: list[str],
    notes: list[str],
    selection: "FileSelection | None" = None,
    force_include: bool = False,
    skipped: list[str] | None = None,
) -> list[str]:
    """Files to check, in a stable order, as paths the user will recognise.

    Directories are walked for post files (``selection``'s include and exclude
    patterns when given, else ``.txt`` / ``.md``), iteratively (any depth),
    following directory symlinks once each (a symlink loop is noted and skipped).
    Hidden directories such as ``.git`` are not entered. A file named on the
    command line that the policy excludes is skipped with a note unless
    ``force_include``. A path that does not exist stays in the list: reading it
    reports the error, and the other files are still checked. Anything that is
    not a regular file (a device, a FIFO, a socket) is skipped with a note, and a
    file named twice (``d d/a.txt``, or through a link) is checked once.
    """
    found: list[str] = []
    seen: set[tuple[int, int] | str] = set()

    def add(path: str) -> None:
        try:
            info = os.stat(path)
        except OSError:
            found.append(path)  # reading it reports why (missing, link loop, ...)
            return
        if not stat.S_ISREG(info.st_mode):
            notes.append(f"{path}: 通常のファイルではないため読み飛ばしました（デバイス・FIFO などは読みません）。")
            return
        key = (info.st_dev, info.st_ino)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for given in paths:
        if given == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                found.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            before = len(found)
            _walk(given, notes, selection, skipped, add)
            if len(found) == before:
                notes.append(f"{given}: 点検する投稿ファイル（{'、'.join(POST_SUFFIXES + SCHEDULE_SUFFIXES)}）がありません。")
        elif selection is not None and not force_include and _left_out(given, selection):
            notes.append(
                f"{given}: 運用ポリシーの include / exclude により点検しません"
                "（点検するには --force-include を付けます）。"
            )
            if skipped is not None:
                skipped.append(given)
        else:
            add(given)
    return found


def _left_out(path: str, selection: "FileSelection") -> bool:
    if selection.excluded(path):
        return True
    return selection.custom_include and not selection.included(path)


def _walk(root: str, notes: list[str], selection: "FileSelection | None", skipped: list[str] | None, add) -> None:
    """Depth-first, entries in name order, with an explicit stack (no recursion limit)."""
    seen: set[tuple[int, int]] = set()

    def entries(directory: str) -> list[os.DirEntry] | None:
        try:
            info = os.stat(directory)
        except OSError as exc:
            notes.append(f"{directory}: フォルダを開けません（{exc.strerror}）。")
            return None
        key = (info.st_dev, info.st_ino)
        if key in seen:
            notes.append(f"{directory}: シンボリックリンクの循環のため読み飛ばしました。")
            return None
        seen.add(key)
        try:
            with os.scandir(directory) as listing:
                return sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            notes.append(f"{directory}: フォルダを開けません（{exc.strerror}）。")
            return None

    while root.startswith(("./", ".\\")):
        root = root[2:]
    root = root or "."
    first = entries(root)
    stack = [(root, iter(first))] if first is not None else []
    while stack:
        directory, pending = stack[-1]
        entry = next(pending, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        # `check .` and `check ./drafts` name drafts/a.txt, as `check drafts` does: the same path in
        # every report, so SARIF and GitLab fingerprints do not change with how the folder was typed
        child = entry.name if directory == "." else os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            listing = entries(child)
            if listing is not None:
                stack.append((child, iter(listing)))
        elif selection is not None:
            if selection.wanted(child):
                add(child)
            elif skipped is not None and entry.name.lower().endswith(POST_SUFFIXES):
                skipped.append(child)
        elif entry.name.lower().endswith(POST_SUFFIXES + SCHEDULE_SUFFIXES):
            add(child)
