"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues).

Each issue has a fingerprint unique within the report and stable across runs
(see ``fingerprints``), so merge requests show what a change introduced or fixed.
Suppressed findings are not issues and are left out: Code Quality has no field for
an accepted one (SARIF, JSON and JUnit carry them with their reason).
"""

from __future__ import annotations

import json
from typing import TextIO

from sns_lint.checking import Report
from sns_lint.findings import Finding, Severity
from sns_lint.reporters.fingerprints import fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(finding: Finding, fingerprint: str) -> dict:
    description = f"[{finding.clause}] {finding.message}"
    if finding.suggestion:
        description += f"（提案: {finding.suggestion}）"
    return {
        "type": "issue",
        "check_name": finding.rule,
        "description": description,
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": finding.path.replace("\\", "/"),
            "positions": {
                "begin": {"line": finding.line, "column": finding.column},
                "end": {"line": finding.end_line, "column": finding.end_column},
            },
        },
    }


def document(report: Report) -> list[dict]:
    findings = report.findings
    return [issue(finding, digest) for finding, digest in zip(findings, fingerprints(findings))]


def render(report: Report, out: TextIO) -> None:
    out.write(json.dumps(document(report), ensure_ascii=False, indent=2))
    out.write("\n")
