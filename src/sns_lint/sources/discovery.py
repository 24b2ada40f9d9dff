"""Turn command-line paths into the list of files to check."""

from __future__ import annotations

import os
from pathlib import Path

from sns_lint.errors import InputError

POST_SUFFIXES = (".txt", ".md")
STDIN = "-"


def discover(paths: list[str], notes: list[str]) -> list[str]:
    """Files to check, in a stable order, as paths the user will recognise.

    Directories are walked recursively for post files, following directory
    symlinks once each (a symlink loop is noted and skipped). Hidden
    directories such as ``.git`` are not entered.
    """
    found: list[str] = []
    for given in paths:
        if given == STDIN:
            found.append(STDIN)
            continue
        path = Path(given)
        if path.is_dir():
            before = len(found)
            found.extend(_walk(given, notes))
            if len(found) == before:
                notes.append(f"{given}: 点検する投稿ファイル（{'、'.join(POST_SUFFIXES)}）がありません。")
        elif path.exists() or path.is_symlink():
            found.append(given)
        else:
            raise InputError("ファイルが見つかりません。", given)
    return found


def _walk(root: str, notes: list[str]) -> list[str]:
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
            elif entry.name.lower().endswith(POST_SUFFIXES):
                result.append(child)

    visit(root)
    return result
