"""Regular expressions written by users (rule files, data tables): compiled with file and
line on error, and run with a time limit, since a user's pattern is never trusted to be fast.

Patterns use the ``regex`` module (Python ``re`` syntax, plus Unicode properties such
as ``\\p{Han}``), whose matching methods take a ``timeout``.
"""

from __future__ import annotations

from typing import Any

TIME_LIMIT_S = 1.0  # per pattern and post


def compile_user_regex(source: str, flags: int, path: Any, line: int | None) -> Any:
    """A regex from a rule or data file, or a RuleFileError naming the file and line.

    ``regex`` raises more than ``regex.error`` on some inputs: ``(?V1)`` set operations
    mixed with the V0 flag (KeyError), parentheses nested thousands deep (RecursionError)."""
    import regex

    from sns_lint.errors import RuleFileError

    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        where = f"（{exc.pos + 1} 文字目）" if getattr(exc, "pos", None) is not None else ""
        message = exc.msg if hasattr(exc, "msg") else str(exc)
    except RecursionError:
        where, message = "", "入れ子が深すぎます"
    except KeyError as exc:
        where = ""
        if "V0" in str(exc) and "V1" in str(exc):
            message = "V0 と V1 の構文（(?V1) の集合演算など）が混ざっています"
        else:
            message = f"解釈できません（{exc}）"
    except (ValueError, TypeError, OverflowError, MemoryError) as exc:
        where, message = "", f"解釈できません（{exc}）"
    shown = source if len(source) <= 80 else source[:40] + f"…（{len(source):,} 文字）"
    raise RuleFileError(f"正規表現「{shown}」が不正です: {message}{where}", path, line)
