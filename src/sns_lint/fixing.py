"""``--fix``: write the single suggested replacement of findings back into the draft.

Only findings with exactly one replacement are fixed. The file keeps everything else:
its encoding (CP932 stays CP932, a BOM stays), its newlines (CRLF, LF, even mixed), its
permissions. The write is atomic (a temporary file in the same folder, then a rename), and
refused when the file changed since it was checked or is marked read-only.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import tempfile
from bisect import bisect_left
from dataclasses import dataclass, field

from sns_lint.errors import SnsLintError
from sns_lint.findings import Finding

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class FixError(SnsLintError):
    """A file --fix must leave alone (changed meanwhile, read-only, unencodable)."""


@dataclass
class FileFix:
    path: str
    before: str  # decoded text, original newlines
    after: str
    data: bytes  # the new file contents
    applied: list[Finding] = field(default_factory=list)


def fixable(findings: list[Finding]) -> list[Finding]:
    """Findings with a single replacement, without overlaps (the first one wins)."""
    chosen: list[Finding] = []
    reach = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.fix is None or finding.start < reach or finding.start == finding.end:
            continue
        chosen.append(finding)
        reach = finding.end
    return chosen


def split_encoding(data: bytes, encoding: str) -> tuple[bytes, str]:
    """(BOM bytes, codec) to decode ``data`` and encode it back byte for byte the same way."""
    for bom, codec in _BOMS:
        if data.startswith(bom) and encoding in ("utf-8-sig", "utf-16"):
            return bom, codec
    return b"", "cp932" if encoding == "cp932" else "utf-8"


def plan_fix(path: str, data: bytes, encoding: str, findings: list[Finding]) -> FileFix | None:
    """The fixed file for ``data`` (the bytes that were checked); None when nothing applies."""
    chosen = fixable(findings)
    if not chosen:
        return None
    bom, codec = split_encoding(data, encoding)
    before = data[len(bom) :].decode(codec)
    # Findings count code points in the text with CRLF read as one newline; map them back.
    crlf = []
    position = before.find("\r\n")
    while position != -1:
        crlf.append(position - len(crlf))
        position = before.find("\r\n", position + 2)

    def raw(offset: int) -> int:
        return offset + bisect_left(crlf, offset)

    pieces, last, applied = [], 0, []
    for finding in chosen:
        start, end = raw(finding.start), raw(finding.end)
        if before[start:end].replace("\r\n", "\n").replace("\r", "\n") != finding.text:
            continue  # not the text that was checked: leave it reported
        pieces.append(before[last:start])
        pieces.append(finding.fix)
        last = end
        applied.append(finding)
    if not applied:
        return None
    pieces.append(before[last:])
    after = "".join(pieces)
    try:
        encoded = bom + after.encode(codec)
    except UnicodeEncodeError as exc:
        raise FixError(
            f"置き換え後の「{exc.object[exc.start:exc.end]}」は {encoding} で保存できないため、修正しませんでした。",
            path,
        ) from None
    return FileFix(path=path, before=before, after=after, data=encoded, applied=applied)


def read_checked(path: str, digest: str | None) -> bytes:
    """The file's bytes, provided they are still the ones that were checked."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise FixError(f"修正のために読み直せません（{exc.strerror}）。", path) from None
    if digest is not None and hashlib.sha256(data).hexdigest() != digest:
        raise FixError("点検のあとでファイルが変更されたため、修正しませんでした（もう一度実行してください）。", path)
    return data


def write_atomically(path: str, data: bytes, digest: str | None) -> None:
    """Replace the file's contents in one rename, keeping its permissions."""
    real = os.path.realpath(path)  # a symlinked draft stays a symlink; its target is fixed
    try:
        info = os.stat(real)
    except OSError as exc:
        raise FixError(f"修正できません（{exc.strerror}）。", path) from None
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise FixError("読み取り専用のファイルのため、修正しませんでした（ファイルは変更していません）。", path)
    directory = os.path.dirname(real) or "."
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".sns-lint-tmp", dir=directory)
    except OSError as exc:
        raise FixError(f"フォルダに一時ファイルを作れないため、修正しませんでした（{exc.strerror}）。", path) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                pass  # only the owner's group may differ; the mode is kept either way
        read_checked(real, digest)  # the last moment to notice an edit made meanwhile
        os.replace(temporary, real)
    except OSError as exc:
        _remove(temporary)
        raise FixError(f"書き込めなかったため、修正しませんでした（{exc.strerror}）。", path) from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def unified_diff(fix: FileFix) -> str:
    lines = difflib.unified_diff(
        fix.before.splitlines(keepends=True),
        fix.after.splitlines(keepends=True),
        fromfile=f"a/{fix.path}",
        tofile=f"b/{fix.path}",
    )
    text = "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
    return text


def fix_results(results: list, write: bool) -> tuple[list[FileFix], list[FixError]]:
    """Plan (and with ``write`` apply) the fixes of every checked file; one file's refusal
    never stops the others."""
    fixes: list[FileFix] = []
    errors: list[FixError] = []
    for result in results:
        if result.error is not None or not any(f.fix is not None for f in result.findings):
            continue
        try:
            data = read_checked(result.path, result.digest)
            fix = plan_fix(result.path, data, result.encoding or "utf-8", result.findings)
            if fix is None:
                continue
            if write:
                write_atomically(result.path, fix.data, result.digest)
            fixes.append(fix)
        except FixError as error:
            errors.append(error)
    return fixes, errors


@dataclass
class FixRun:
    """What ``--fix`` did to a report: the report checked again, the fixes, the refusals."""

    report: object
    fixes: list[FileFix]
    refusals: list[FixError]


def fix_report(report, ruleset, config, jobs: int | None, write: bool) -> FixRun:
    """Fix every file of ``report`` (or only plan it, for ``--diff``); fixed files are checked
    again so what is left is reported at its new place."""
    from sns_lint.checking import Report, check_paths

    fixes, refusals = fix_results(report.files, write=write)
    if write and fixes:
        fresh = {r.path: r for r in check_paths([item.path for item in fixes], ruleset, config, jobs).files}
        report = Report(files=[fresh.get(r.path, r) for r in report.files], rules=report.rules)
    return FixRun(report=report, fixes=fixes, refusals=refusals)


def fix_stdin(data: bytes, ruleset, config) -> tuple[bytes, FileFix | None, object]:
    """(the text to write back, the fix, the result of checking it): ``--fix`` on standard input."""
    from sns_lint.checking import check_source
    from sns_lint.sources.discovery import STDIN
    from sns_lint.sources.text_files import source_from_bytes

    source = source_from_bytes(STDIN, data)
    result = check_source(source, ruleset, config)
    if result.error is not None:
        raise result.error
    planned = plan_fix(STDIN, data, source.encoding, result.findings)
    if planned is None:
        return data, None, result
    return planned.data, planned, check_source(source_from_bytes(STDIN, planned.data), ruleset, config)
