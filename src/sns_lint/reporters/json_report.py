"""``--format json``: one JSON document, contract version 1."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from sns_lint.checking import Report
from sns_lint.findings import Finding, Severity, Suppressed

VERSION = 1


def finding_dict(finding: Finding) -> dict:
    return {
        "path": finding.path,
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


def render(report: Report, out: TextIO) -> None:
    findings = report.findings
    counts = Counter(f.severity for f in findings)
    document = {
        "version": VERSION,
        "findings": [finding_dict(f) for f in findings],
        "suppressed": [suppressed_dict(s) for s in report.suppressed],
        "summary": {
            "files": len(report.files),
            "posts": report.post_count,
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "suppressed": len(report.suppressed),
        },
    }
    if report.errors:
        document["input_errors"] = [
            {"path": e.path, "line": e.line, "message": e.message} for e in report.errors
        ]
    out.write(json.dumps(document, ensure_ascii=False, indent=2))  # one write, not one per token
    out.write("\n")
