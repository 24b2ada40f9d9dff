"""``--format json``: one JSON document, contract version 1.

The document is written finding by finding (in batches), so a run with many
findings never builds one giant string. File names are escaped (``printable``)
so the output is valid UTF-8 whatever bytes a name holds; when the output
encoding cannot hold Japanese (an ASCII locale) non-ASCII text is written as
JSON ``\\u`` escapes, which keeps the document complete and valid.
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from typing import TextIO

from sns_lint.checking import Report
from sns_lint.display_text import printable
from sns_lint.findings import Finding, Severity, Suppressed

VERSION = 1
_BATCH = 500  # findings per write


def finding_dict(finding: Finding) -> dict:
    return {
        "path": printable(finding.path),
        "post": finding.post,
        "rule": finding.rule,
        "clause": finding.clause,
        "severity": finding.severity.label,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "replacements": list(finding.replacements),
    }


def suppressed_dict(item: Suppressed) -> dict:
    """A suppressed finding with its trace: why, who approved, where the suppression is written."""
    return {
        **finding_dict(item.finding),
        "suppression": {
            "kind": item.kind,
            "line": item.line,
            "reason": item.reason,
            "approved_by": item.approved_by,
        },
    }


def _summary(report: Report) -> dict:
    counts = Counter(f.severity for f in report.findings)
    return {
        "files": len(report.files),
        "posts": report.post_count,
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
        "suppressed": len(report.suppressed),
    }


def _input_errors(report: Report) -> list[dict]:
    return [{"path": printable(e.path) if e.path else e.path, "line": e.line, "message": e.message} for e in report.errors]


def document(report: Report) -> dict:
    """The contract as plain data (also the web page's ``POST /api/check`` answer)."""
    result = {
        "version": VERSION,
        "findings": [finding_dict(f) for f in report.findings],
        "suppressed": [suppressed_dict(s) for s in report.suppressed],
        "summary": _summary(report),
    }
    if report.errors:
        result["input_errors"] = _input_errors(report)
    return result


def _ascii_only(out: TextIO) -> bool:
    encoding = getattr(out, "encoding", None)
    if not encoding:
        return False
    try:
        return not codecs.lookup(encoding).name.startswith(("utf", "gb18030"))
    except LookupError:
        return True


def render(report: Report, out: TextIO) -> None:
    """The same document as ``document()``, written in batches of findings."""
    ensure_ascii = _ascii_only(out)

    def dumps(value, indent_level: int) -> str:
        text = json.dumps(value, ensure_ascii=ensure_ascii, indent=2)
        return text.replace("\n", "\n" + "  " * indent_level)

    def write_list(items: list, convert) -> None:
        if not items:
            out.write("[]")
            return
        out.write("[\n")
        for first in range(0, len(items), _BATCH):
            batch = items[first : first + _BATCH]
            pieces = ["    " + dumps(convert(item), 2) for item in batch]
            last = first + _BATCH >= len(items)
            out.write(",\n".join(pieces) + ("\n" if last else ",\n"))
        out.write("  ]")

    out.write(f'{{\n  "version": {VERSION},\n  "findings": ')
    write_list(report.findings, finding_dict)
    out.write(',\n  "suppressed": ')
    write_list(report.suppressed, suppressed_dict)
    out.write(',\n  "summary": ' + dumps(_summary(report), 1))
    if report.errors:
        out.write(',\n  "input_errors": ' + dumps(_input_errors(report), 1))
    out.write("\n}\n")
