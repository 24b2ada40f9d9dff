"""``--help`` in Japanese, wrapped to the terminal in cells, and usage errors as one line.

Typer/Click print English headings (``Usage:``, ``Options:``), Typer's internal
argument names (``{paths}...``), type names (``<int range>``) and wrap by code
points. The two classes below render help themselves from the parameters Click
already knows; ``usage_error_line`` turns any Click usage error into one
Japanese line. Works with Typer's vendored Click and with standalone Click.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

from rich.cells import cell_len
from typer.core import TyperCommand, TyperGroup

from sns_lint.reporters.text_wrapping import wrap

MAX_HELP_WIDTH = 100
OPTION_COLUMN = 28  # cells; longer option names put their description on the next line
BUILTIN_HELP = {
    "help": "この説明を表示して終了します。",
    "install_completion": "シェルの補完（Tab キー）を設定します（bash・zsh・fish・PowerShell）。",
    "show_completion": "補完の設定内容を表示します（手で設定するとき）。",
}


def help_width() -> int:
    return max(40, min(MAX_HELP_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def _metavar(param: Any) -> str:
    if getattr(param, "metavar", None):
        return param.metavar
    choices = getattr(param.type, "choices", None)
    if choices:
        return "{" + "|".join(str(getattr(c, "value", c)) for c in choices) + "}"
    if getattr(param, "is_flag", False):
        return ""
    return "VALUE"


def _argument_label(param: Any) -> str:
    label = param.metavar or param.name.upper()
    return label + ("..." if param.nargs == -1 and not label.endswith("...") else "")


def _option_label(param: Any) -> str:
    names = sorted(param.opts, key=lambda name: (len(name) > 2, name)) + list(param.secondary_opts)
    label = ", ".join(names)
    metavar = _metavar(param)
    return f"{label} {metavar}" if metavar and not getattr(param, "is_flag", False) else label


def _description(param: Any) -> str:
    text = BUILTIN_HELP.get(param.name) or (getattr(param, "help", None) or "")
    default = getattr(param, "default", None)
    show_default = getattr(param, "show_default", True)
    if (
        param.param_type_name == "option"
        and show_default is not False
        and default not in (None, False, (), [])
        and not getattr(param, "is_flag", False)
    ):
        text += f"（既定: {getattr(default, 'value', default)}）"
    if param.required:
        text += "（必須）"
    return text


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    out = []
    column = min(OPTION_COLUMN, max((cell_len(name) for name, _ in rows), default=0) + 2)
    for name, text in rows:
        lead = "  " + name
        room = width - column - 2
        if cell_len(lead) + 2 > column + 2:
            out.append(lead)
            lines = wrap(text, room, room) if text else []
        else:
            lines = wrap(text, room, room) if text else [""]
            out.append(lead + " " * (column + 2 - cell_len(lead)) + lines.pop(0))
        out.extend(" " * (column + 2) + line for line in lines)
    return out


def _paragraphs(text: str, width: int) -> list[str]:
    lines = []
    for paragraph in (text or "").strip().splitlines():
        lines.extend("  " + line for line in wrap(paragraph.strip(), width - 2, width - 2))
    return lines


def _usage(command: Any, ctx: Any, pieces: str) -> str:
    return f"使い方: {ctx.command_path} {pieces}".rstrip()


def _write(formatter: Any, lines: list[str]) -> None:
    formatter.write("\n".join(lines) + "\n")


def _param_sections(command: Any, ctx: Any, width: int) -> list[str]:
    params = command.get_params(ctx)
    arguments = [(_argument_label(p), _description(p)) for p in params if p.param_type_name == "argument"]
    options = [
        (_option_label(p), _description(p))
        for p in params
        if p.param_type_name == "option" and not getattr(p, "hidden", False)
    ]
    lines: list[str] = []
    if arguments:
        lines += ["", "引数:", *_rows(arguments, width)]
    if options:
        lines += ["", "オプション:", *_rows(options, width)]
    return lines


class JapaneseCommand(TyperCommand):
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[オプション]"]
        pieces += [_argument_label(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return pieces

    def format_help(self, ctx: Any, formatter: Any) -> None:
        width = help_width()
        lines = [_usage(self, ctx, " ".join(self.collect_usage_pieces(ctx))), ""]
        lines += _paragraphs(self.help or "", width)
        lines += _param_sections(self, ctx, width)
        if self.epilog:
            lines += ["", *_paragraphs(self.epilog, width)]
        _write(formatter, lines)


class JapaneseGroup(TyperGroup):
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[オプション]", "コマンド", "[引数]..."]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        width = help_width()
        lines = [_usage(self, ctx, " ".join(self.collect_usage_pieces(ctx))), ""]
        lines += _paragraphs(self.help or "", width)
        lines += _param_sections(self, ctx, width)
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            summary = (command.short_help or command.help or "").strip().splitlines()
            commands.append((name, summary[0] if summary else ""))
        if commands:
            lines += ["", "コマンド:", *_rows(commands, width)]
        lines += ["", f"  各コマンドの説明: {ctx.command_path} コマンド --help"]
        _write(formatter, lines)


# ---------------------------------------------------------------------------
# usage errors
# ---------------------------------------------------------------------------

_QUOTED_VALUE = re.compile(r"^'?(?P<value>.*?)'? is not")


def _names(error: Any) -> set[str]:
    return {cls.__name__ for cls in type(error).__mro__}


def _param_name(param: Any) -> str:
    if param is None:
        return "値"
    if param.param_type_name == "argument":
        return "引数 " + _argument_label(param)
    return max(param.opts, key=len)


def _usage_problem(error: Any) -> str:
    names = _names(error)
    message = getattr(error, "message", "") or str(error)
    param = getattr(error, "param", None)
    if "NoSuchOption" in names:
        text = f"不明なオプション {error.option_name} です"
        if getattr(error, "possibilities", None):
            text += f"（もしかして: {', '.join(sorted(error.possibilities))}）"
        return text
    if "MissingParameter" in names:
        return f"{_param_name(param)} を指定してください"
    if "BadParameter" in names:
        value = _QUOTED_VALUE.match(message)
        shown = f"「{value.group('value')}」" if value else ""
        choices = getattr(getattr(param, "type", None), "choices", None)
        if choices:
            allowed = ", ".join(str(getattr(c, "value", c)) for c in choices)
            return f"{_param_name(param)} の値{shown}は使えません（使える値: {allowed}）"
        return f"{_param_name(param)} の値{shown}が正しくありません"
    if "BadOptionUsage" in names:
        option = getattr(error, "option_name", "")
        if "requires an argument" in message or "requires" in message:
            return f"{option} には値が必要です"
        return f"{option} の使い方が正しくありません"
    if "BadArgumentUsage" in names:
        return "引数が多すぎるか、足りません"
    command = re.match(r"No such command '([^']+)'", message)
    if command:
        guess = re.search(r"Did you mean '([^']+)'", message)
        return f"「{command.group(1)}」というコマンドはありません" + (f"（もしかして: {guess.group(1)}）" if guess else "")
    if message.startswith("Got unexpected extra argument"):
        extra = re.findall(r"\(([^)]*)\)", message)
        return f"余分な引数があります（{extra[-1] if extra else ''}）"
    return "コマンドの使い方が正しくありません"


def usage_error_line(error: Any, fallback_path: str = "sns-lint") -> str:
    """One Japanese line for a Click usage error, naming what to fix and where help is
    (``fallback_path`` when Click did not say which command it was parsing)."""
    ctx = getattr(error, "ctx", None)
    where = ctx.command_path if ctx is not None else fallback_path
    return f"sns-lint: エラー: {_usage_problem(error)}（{where} --help で使い方を表示します）。"


def is_no_args_help(error: Any) -> bool:
    return "NoArgsIsHelpError" in _names(error)
