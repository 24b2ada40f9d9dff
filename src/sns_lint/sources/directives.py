"""Suppression comments in a draft: ``<!-- sns-lint-disable-next-line 5-8 理由 -->``,
``<!-- sns-lint-disable 5-8 理由 -->`` … ``<!-- sns-lint-enable 5-8 -->``.

A directive is a line of its own. Its line is not part of the post: it is cut out of the
text the rules see (and the length they count), and an ``OffsetMap`` keeps every finding
pointing at its line in the file. What a directive suppresses is decided later, once,
by the linter (``suppressing.py``).
"""

from __future__ import annotations

import re

from sns_lint.posts import Suppression
from sns_lint.text_positions import LineIndex, OffsetMap

MARKER = "sns-lint-"
_DIRECTIVE = re.compile(
    r"^[ \t]*<!--[ \t]*sns-lint-(disable-next-line|disable|enable)(?![\w-])[ \t]*(.*?)[ \t]*-->[ \t]*(?:\n|\Z)",
    re.MULTILINE,
)


def split_directives(
    body: str, body_start: int, lines: LineIndex
) -> tuple[str, OffsetMap | None, tuple[Suppression, ...], tuple[tuple[int, str], ...]]:
    """(text without directive lines, its map back to the file, suppressions, problems)."""
    if MARKER not in body:
        return body, None, (), ()
    matches = list(_DIRECTIVE.finditer(body))
    if not matches:
        return body, None, (), ()
    found = [(m, lines.position(body_start + m.start())[0]) for m in matches]
    directive_lines = {line for _m, line in found}
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = [(0, body_start)]  # (post offset, file offset)
    suppressions: list[Suppression] = []
    problems: list[tuple[int, str]] = []
    open_ranges: list[tuple[tuple[str, ...], str | None, int]] = []
    kept_until = removed = 0
    for match, line in found:
        pieces.append(body[kept_until : match.start()])
        post_offset = match.start() - removed  # where the next kept text starts in the post
        removed += match.end() - match.start()
        kept_until = match.end()
        anchors.append((post_offset, body_start + match.end()))
        kind, arguments = match.group(1), match.group(2).strip()
        targets, reason = split_arguments(arguments)
        if kind == "enable":
            closing = [r for r in open_ranges if not targets or set(r[0]) & set(targets)]
            if not closing:
                problems.append((line, "sns-lint-enable に対応する sns-lint-disable がありません。"))
            for item in closing:
                open_ranges.remove(item)
                suppressions.append(Suppression(item[0], item[1], "disable", item[2], item[2] + 1, line - 1))
            continue
        if not targets:
            problems.append(
                (line, f"sns-lint-{kind} にルール ID か項番がありません（例: <!-- sns-lint-{kind} 5-8 理由 -->）。")
            )
            continue
        if kind == "disable":
            open_ranges.append((targets, reason, line))
            continue
        target_line = line + 1
        while target_line in directive_lines:
            target_line += 1
        suppressions.append(Suppression(targets, reason, kind, line, target_line, target_line))
    pieces.append(body[kept_until:])
    for targets, reason, line in open_ranges:  # an unclosed disable runs to the end of the post
        suppressions.append(Suppression(targets, reason, "disable", line, line + 1, None))
    suppressions.sort(key=lambda s: s.line)
    return "".join(pieces), OffsetMap(anchors), tuple(suppressions), tuple(problems)


def split_arguments(text: str) -> tuple[tuple[str, ...], str | None]:
    """``5-8,shortened-url 県の発表のため`` -> (("5-8", "shortened-url"), "県の発表のため")."""
    if not text:
        return (), None
    head, _space, rest = text.partition(" ")
    if "\u3000" in head:  # a full-width space also separates the reason
        head, _space, more = head.partition("\u3000")
        rest = (more + " " + rest).strip()
    targets = tuple(t for t in (p.strip() for p in head.replace("、", ",").split(",")) if t)
    reason = rest.strip().strip("\u3000").strip() or None
    return targets, reason
