"""``--select`` / ``--ignore``: narrow a run to some rules, by rule id or clause."""

from __future__ import annotations

from sns_lint.errors import SnsLintError
from sns_lint.rulebook.model import Rule


def split_keys(values: list[str] | None) -> list[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    keys = []
    for value in values or ():
        keys.extend(part.strip() for part in value.replace("、", ",").split(",") if part.strip())
    return keys


def select_rules(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    known = {r.id for r in rules} | {r.clause for r in rules}
    for option, keys in (("--select", select), ("--ignore", ignore)):
        unknown = [key for key in keys if key not in known]
        if unknown:
            raise SnsLintError(
                f"{option} の「{'」「'.join(unknown)}」に当たるルール ID・項番はありません（sns-lint rules で一覧を確認できます）。"
            )
    chosen = set(select)
    dropped = set(ignore)
    return [
        rule
        for rule in rules
        if (not chosen or rule.id in chosen or rule.clause in chosen)
        and rule.id not in dropped
        and rule.clause not in dropped
    ]
