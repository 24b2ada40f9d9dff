"""Which files a run checks: gitignore-style ``include`` / ``exclude`` patterns.

Patterns are relative to the policy file's folder (the current folder without a
policy) and follow .gitignore: ``*`` and ``?`` stay within one path segment,
``**`` crosses segments, a pattern without ``/`` matches a file or folder name
at any depth, a leading or inner ``/`` anchors it to the base folder, a trailing
``/`` matches folders only (and so everything in them), ``!`` re-includes, and
the last matching pattern wins. Matching ignores case: ``readme.md`` is a README.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# Files that live in a content repository but are not posts.
DEFAULT_EXCLUDE = (
    "README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "NEWS*",
    "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "AUTHORS*",
    "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*",
    "requirements*.txt", "requirements/", "constraints*.txt",
)
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.yaml", "*.yml", "*.json", "*.csv")  # schedules: read only when they hold posts


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    negated: bool
    directory_only: bool


def _translate(glob: str) -> str:
    out = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("/**", i) and i + 3 == len(glob):
            out.append("/.*")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = glob.find("]", i + 2 if glob[i + 1 : i + 2] in ("!", "^") else i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = glob[i + 1 : end]
                if body[:1] in ("!", "^"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        elif char == "\\" and i + 1 < len(glob):
            i += 1
            out.append(re.escape(glob[i]))
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def compile_pattern(line: str) -> _Pattern | None:
    text = line.rstrip()
    if not text or text.startswith("#"):
        return None
    negated = text.startswith("!")
    if negated:
        text = text[1:]
    directory_only = text.endswith("/")
    text = text.rstrip("/")
    if not text:
        return None
    anchored = "/" in text
    body = _translate(text.lstrip("/"))
    regex = re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z", re.IGNORECASE | re.DOTALL)
    return _Pattern(regex, negated, directory_only)


class PatternList:
    def __init__(self, patterns: "tuple[str, ...] | list[str]"):
        self.source = tuple(patterns)
        self._patterns = [p for p in map(compile_pattern, patterns) if p is not None]
        # Without "!" the last-match-wins rule reduces to "any pattern matches": one regex for
        # file names, one for folders (remembered per folder: a run meets few folders).
        self._any_file: re.Pattern[str] | None = None
        self._any_folder: re.Pattern[str] | None = None
        self._folders: dict[str, bool] = {}
        if self._patterns and not any(p.negated for p in self._patterns):
            self._any_folder = _union(self._patterns)
            self._any_file = _union([p for p in self._patterns if not p.directory_only])

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def matches(self, relative: str) -> bool:
        """Whether a file at ``relative`` (POSIX, relative to the base) is matched."""
        if self._any_folder is not None:
            if self._any_file is not None and self._any_file.match(relative):
                return True
            folder = relative.rpartition("/")[0]
            return bool(folder) and self._folder_matches(folder)
        return self.matches_in_order(relative)

    def matches_in_order(self, relative: str) -> bool:
        """gitignore's rule as written: every pattern in turn, the last that matches wins."""
        parts = relative.split("/")
        folders = ["/".join(parts[: n + 1]) for n in range(len(parts) - 1)]
        result = False
        for pattern in self._patterns:
            hit = any(pattern.regex.match(folder) for folder in folders)
            if not hit and not pattern.directory_only:
                hit = bool(pattern.regex.match(relative))
            if hit:
                result = not pattern.negated
        return result


    def _folder_matches(self, folder: str) -> bool:
        """Whether this folder or one above it is matched (only without "!" patterns)."""
        pending = []  # this folder and those above it not met before, deepest first
        answer = False
        while folder:
            known = self._folders.get(folder)
            if known is not None:
                answer = known
                break
            pending.append(folder)
            folder = folder.rpartition("/")[0]
        for folder in reversed(pending):  # from the top down: matched once a folder above is
            answer = answer or bool(self._any_folder.match(folder))
            if len(self._folders) < 100_000:
                self._folders[folder] = answer
        return answer


def _union(patterns: list[_Pattern]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.regex.pattern})" for p in patterns), re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class FileSelection:
    """The policy's ``include`` / ``exclude`` lists with their base folder."""

    base: Path
    include: PatternList
    exclude: PatternList

    @classmethod
    def build(cls, base: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> "FileSelection":
        return cls(base.resolve(), PatternList(include or DEFAULT_INCLUDE), PatternList((*DEFAULT_EXCLUDE, *exclude)))

    @property
    def custom_include(self) -> bool:
        return self.include.source != DEFAULT_INCLUDE

    def relative(self, path: str) -> str:
        if os.sep == "/":  # the usual case, without building Path objects for every file
            absolute, base = os.path.abspath(path), str(self.base)
            if absolute.startswith(base) and absolute[len(base) : len(base) + 1] in ("/", ""):
                return absolute[len(base) :].lstrip("/") or "."
            if base == "/":
                return absolute.lstrip("/") or "."
            return absolute.lstrip("/")
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.base).as_posix()
        except ValueError:  # outside the base: only unanchored patterns can match
            return absolute.as_posix().lstrip("/")

    def excluded(self, path: str) -> bool:
        return self.exclude.matches(self.relative(path))

    def included(self, path: str) -> bool:
        return self.include.matches(self.relative(path))

    def wanted(self, path: str) -> bool:
        relative = self.relative(path)
        return self.include.matches(relative) and not self.exclude.matches(relative)
