"""Reporters only read a finished report; the linter never imports them.

Every reporter module has ``render(report, out)`` (the human format takes
layout options too). ``reporter(name)`` imports only the one a run uses.
"""

from __future__ import annotations

from types import ModuleType

FORMATS = ("rich", "json", "sarif", "github", "gitlab", "junit")
HUMAN_FORMATS = frozenset({"rich"})


def reporter(name: str) -> ModuleType:
    if name == "rich":
        from sns_lint.reporters import rich_text as module
    elif name == "json":
        from sns_lint.reporters import json_report as module
    elif name == "sarif":
        from sns_lint.reporters import sarif as module
    elif name == "github":
        from sns_lint.reporters import github as module
    elif name == "gitlab":
        from sns_lint.reporters import gitlab as module
    elif name == "junit":
        from sns_lint.reporters import junit as module
    else:
        raise ValueError(name)
    return module
