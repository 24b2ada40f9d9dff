"""Building the web app for tests: in-process (Starlette's test client) or on a real socket."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sns_lint.config.loading import load_config
from sns_lint.rulebook.loading import load_rules

ORIGIN = "http://127.0.0.1:8765"


def make_pool(config_path: Path | None = None, cwd: Path | None = None):
    from sns_lint.web.check_pool import CheckPool

    config = load_config(str(config_path) if config_path else None, cwd=cwd)
    return CheckPool(load_rules(config.rules.paths), config, workers=2)


def make_app(config_path: Path | None = None, cwd: Path | None = None, **options):
    from sns_lint.web.app import create_app

    return create_app(make_pool(config_path, cwd), **options)


@contextmanager
def live_server(config_path: Path | None = None, cwd: Path | None = None) -> Iterator[str]:
    """The app under uvicorn on an ephemeral port of 127.0.0.1; yields the page's URL."""
    import uvicorn

    from sns_lint.web.server import bind

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(make_app(config_path, cwd), access_log=False, log_level="warning", lifespan="on", ws="none")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
