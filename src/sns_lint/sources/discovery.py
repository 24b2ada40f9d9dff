"""Turn command-line paths into the list of files to check."""

from __future__ import annotations

import os
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

    Directories are walked recursively for post files (``selection``'s include
    and exclude patterns when given, else ``.txt`` / ``.md``), following
    directory symlinks once each (a symlink loop is noted and skipped). Hidden
    directories such as ``.git`` are not entered. A file named on the command
    line that the policy excludes is skipped with a note unless ``force_include``.
    A path that does not exist stays in the list: reading it reports the error,
    and the other files are still checked.
    """
    found: list[str] = []
    for given in paths:
        if given == STDIN:
            found.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            before = len(found)
            found.extend(_walk(given, notes, selection, skipped))
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
            found.append(given)
    return found


def _left_out(path: str, selection: "FileSelection") -> bool:
    if selection.excluded(path):
        return True
    return selection.custom_include and not selection.included(path)


def _walk(root: str, notes: list[str], selection: "FileSelection | None", skipped: list[str] | None) -> list[str]:
    result: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(directory: str) -> None:
        try:
            stat = os.stat(directory)
        except OSError as exc:
            notes.append(f"{directory}: フォルダを開けません（{exc.strerror}）。")
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            notes.append(f"{directory}: シンボリックリンクの循環のため読み飛ばしました。")
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            notes.append(f"{directory}: フォルダを開けません（{exc.strerror}）。")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = os.path.join(directory, entry.name)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                visit(child)
            elif selection is not None:
                if selection.wanted(child):
                    result.append(child)
                elif skipped is not None and entry.name.lower().endswith(POST_SUFFIXES):
                    skipped.append(child)
            elif entry.name.lower().endswith(POST_SUFFIXES + SCHEDULE_SUFFIXES):
                result.append(child)

    visit(root)
    return result
