"""Start the page: load the policy and rules, bind the socket, run uvicorn quietly.

Only ``serve()`` imports Starlette and uvicorn, so a missing ``[web]`` extra is a
clear message, and the other commands never pay for them.
"""

from __future__ import annotations

import socket
import sys
from importlib.util import find_spec
from typing import TextIO

from sns_lint.errors import SnsLintError

WEB_PACKAGES = {"starlette": "starlette", "uvicorn": "uvicorn", "jinja2": "Jinja2"}
EVERY_ADDRESS = ("0.0.0.0", "::", "")


def missing_packages() -> list[str]:
    return [name for module, name in WEB_PACKAGES.items() if find_spec(module) is None]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or one Japanese sentence saying why not."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        raise SnsLintError(f"アドレス「{host}」が分かりません（--host には 127.0.0.1 などを指定します）。") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)  # the browser may connect while the dictionary is still loading
    except OSError as error:
        sock.close()
        if error.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise SnsLintError(f"ポート {port} はほかのプログラムが使っています。--port で別の番号を指定してください。") from None
        if error.errno in (13, 10013):
            raise SnsLintError(f"ポート {port} を使う権限がありません。1024 以上の番号を --port で指定してください。") from None
        raise SnsLintError(f"{host}:{port} で待ち受けられません（{error.strerror}）。") from None
    return sock


def page_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in EVERY_ADDRESS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def allowed_hosts(host: str) -> frozenset[str] | None:
    from sns_lint.web.guards import LOCAL_HOSTS, split_host

    if host in EVERY_ADDRESS:
        return None  # reachable under any name the network gives this machine
    return LOCAL_HOSTS | {split_host(host if ":" not in host else f"[{host}]")}


def serve(
    host: str,
    port: int,
    config_path: str | None,
    open_browser: bool,
    max_mb: int,
    err: TextIO | None = None,
) -> None:
    """Run until Ctrl-C. Raises SnsLintError for anything the user must fix first."""
    err = err or sys.stderr
    missing = missing_packages()
    if missing:
        raise SnsLintError(
            f"sns-lint serve には追加のパッケージ（{', '.join(missing)}）が必要です。"
            '「pip install "sns-lint[web]"」でインストールしてください。'
        )
    from sns_lint.config.loading import load_config
    from sns_lint.linter import RuleSet
    from sns_lint.rulebook.loading import load_rules

    config = load_config(config_path)
    rules = load_rules(config.rules.paths)
    warnings: list[str] = []
    RuleSet.build(rules, config, warnings)
    for message in warnings:
        err.write(f"sns-lint: 警告: {message}\n")
    if host in EVERY_ADDRESS:
        err.write(
            "sns-lint: 警告: すべてのネットワークから接続できるアドレスで待ち受けます。"
            "同じネットワークのほかの人も下書きを送れます。この PC だけで使うなら --host は指定しないでください。\n"
        )
    sock = bind(host, port)
    url = page_url(host, sock.getsockname()[1])

    import uvicorn

    from sns_lint.web.app import create_app
    from sns_lint.web.check_pool import CheckPool

    def ready() -> None:
        err.write(f"sns-lint: {url} で点検ページを開いています（方針: {config.display_path}）。Ctrl+C で終了します。\n")
        err.flush()
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    app = create_app(CheckPool(rules, config), max_mb * 1024 * 1024, allowed_hosts(host), on_ready=ready)
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            access_log=False,  # request lines never reach a log
            log_level="warning",
            server_header=False,
            proxy_headers=False,
            ws="none",
            lifespan="on",
        )
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C once it has shut down: the normal way out
        pass
    err.write("sns-lint: 点検ページを終了しました。\n")
