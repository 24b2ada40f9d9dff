"""What keeps the local page local: host and origin checks, a size limit, strict headers.

One plain ASGI middleware around the whole app:

* ``Host`` must name this machine (unless the server was bound to every address), so a
  web site that re-points its own name at 127.0.0.1 (DNS rebinding) cannot reach the API;
* a request that names an ``Origin`` (every browser POST does) must come from the page
  itself; so must one a browser marks ``Sec-Fetch-Site: cross-site``;
* a body larger than the limit is refused before it is read, when its length is declared
  (``read_body`` enforces the same limit on a streamed body);
* every response forbids outside scripts, framing and referrers, and nothing that
  carries a draft may be cached on disk by the browser.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def too_large_message(limit: int) -> str:
    return f"送られたデータが大きすぎます（上限 {limit // (1024 * 1024)} MB）。ファイルを分けてください。"


def json_error_body(message: str) -> bytes:
    return json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")


def split_host(host: str) -> str:
    """``[::1]:8765`` -> ``::1``, ``localhost:8765`` -> ``localhost``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guards:
    def __init__(self, app: Callable, max_bytes: int, allowed_hosts: frozenset[str] | None = LOCAL_HOSTS):
        self.app = app
        self.max_bytes = max_bytes
        self.allowed_hosts = allowed_hosts  # None: any (the server listens on every address)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, message = refusal
            await _send_json(send, status, message, headers=_HEADERS)
            return
        is_static = scope["path"].startswith("/static/")

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                extra = list(_HEADERS)
                if not is_static:
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.allowed_hosts is not None and split_host(host) not in self.allowed_hosts:
            return 421, "このアドレス（ホスト名）では利用できません。http://127.0.0.1 で開いてください。"
        origin = headers.get("origin")
        own = f"{scope.get('scheme', 'http')}://{host}".lower()
        if origin is not None and origin.lower() != own:
            return 403, "ほかのサイトからの要求は受け付けません（このページからだけ使えます）。"
        if headers.get("sec-fetch-site") == "cross-site":
            return 403, "ほかのサイトからの要求は受け付けません（このページからだけ使えます）。"
        if scope["method"] not in SAFE_METHODS:
            length = headers.get("content-length")
            if length is not None:
                if not length.isdigit():
                    return 400, "Content-Length が正しくありません。"
                if int(length) > self.max_bytes:
                    return 413, too_large_message(self.max_bytes)
        return None


async def _send_json(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = json_error_body(message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def read_body(request: Any, max_bytes: int) -> bytes:
    """The request body, refused past ``max_bytes`` even when its length was not declared."""
    from sns_lint.web.draft_requests import BadRequest

    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise BadRequest(too_large_message(max_bytes), 413)
        chunks.append(chunk)
    return b"".join(chunks)
