"""Fingerprints that identify a finding across runs, for CI systems that track them.

A fingerprint hashes the rule, the file (as a POSIX path), the flagged text and how
many identical findings came before it in the same file. Line numbers are left out
on purpose: adding a line above a finding does not make it a new one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from sns_lint.findings import Finding


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One hex digest per finding, in order; distinct findings get distinct digests."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        key = (finding.path.replace("\\", "/"), finding.rule, finding.text)
        occurrence = seen[key]
        seen[key] += 1
        data = "\0".join((*key, str(occurrence))).encode("utf-8", "surrogatepass")
        result.append(hashlib.sha256(data).hexdigest())
    return result
