"""The host a reader sees, which can be longer than the URL a platform links.

twitter-text ends a URL where its last known top-level domain ends, so in
``https://www.city.kagoshima.lg.jp.evil.example/form`` X links only
``https://www.city.kagoshima.lg.jp``. The reader sees — and a browser that
follows the text would open — the whole host. Deciding whose page a link is
must use that host, so a URL that ends at its host and is followed directly
by more ``.label`` parts is widened over them (and the path after them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sns_lint.analysis.urls import UrlMatch

_MORE_HOST = re.compile(
    r"(?P<host>(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)(?P<rest>(?::\d{1,5})?(?:[/?#][!#-~]*)?)"
)


def _ends_at_host(url: "UrlMatch") -> bool:
    after_scheme = url.normalized.split("://", 1)[-1]
    return not any(mark in after_scheme for mark in "/?#") and not after_scheme.endswith(".")


def widen_to_visible_hosts(text: str, urls: "list[UrlMatch]") -> "list[UrlMatch]":
    widened = []
    for url in urls:
        if url.end < len(text) and text[url.end] == "." and _ends_at_host(url):
            more = _MORE_HOST.match(text, url.end)
            if more:
                tail = more.group()
                url = replace(
                    url,
                    end=more.end(),
                    url=url.url + tail,
                    normalized=url.normalized + tail,
                    host=(url.host + more.group("host")).lower(),
                )
        widened.append(url)
    return widened
