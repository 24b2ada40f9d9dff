"""``obscured_url``: URLs that hide where they lead (5-7).

- user-info before the host (``https://city.kagoshima.lg.jp@evil.example/``):
  the browser goes to the part after ``@``;
- a bare IP address (or a decimal/hex integer) as the host;
- a host name that imitates another by script mixing or look-alike letters
  (``аpple.com`` with a Cyrillic а, also when written as ``xn--`` punycode);
  Japanese domain names (Latin with Han, Hiragana, Katakana) are fine;
- a redirect parameter whose value is another URL (``?url=https://…``).

twitter-text does not extract user-info or IP-address URLs, so this kind
scans the text for ``scheme://`` runs itself, on a width-folded copy whose
offsets equal the original's, and also looks at the URLs X finds.
"""

from __future__ import annotations

import ipaddress
from bisect import bisect_right
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from sns_lint.analysis.domains import decode_label
from sns_lint.checkers import Hit, RuleContext
from sns_lint.checkers.text_folding import fold_ascii_width

KEYS = ("redirect_parameters", "confusable_letters")
PLACEHOLDERS = ("reason", "host", "url")

_SCHEME_URL = re.compile(r"(?i)\b(?:https?|ftp)://(?:\[[0-9a-f:.]+\])?[^\s<>\"'「」『』【】（）()［］\[\]、。，．！？\u3000-\u30ff\u4e00-\u9fff\uff5e\uff61-\uff9f]+")
_URL_VALUE = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*:)?//|^www\.|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)")
_TRAILING = ".,;:!?)]}'\""
# UTS #39 "highly restrictive" script sets that are normal in Japanese (and East Asian) domain names
_ALLOWED_MIXES = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)


@dataclass(frozen=True)
class ObscuredUrlData:
    redirect_parameters: frozenset[str]
    confusable_letters: frozenset[str]


def prepare(raw: dict, context: RuleContext) -> ObscuredUrlData:
    params = context.strings(raw, "redirect_parameters", required=True)
    letters = "".join(context.strings(raw, "confusable_letters", required=True))
    return ObscuredUrlData(frozenset(p.lower() for p in params), frozenset(letters))


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN" if char.isalpha() else "COMMON"
    if char in "ー・々〆":
        return "COMMON"
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first == "CJK":
        return "HAN"
    return first or "UNKNOWN"


def homograph_reason(host: str, confusables: frozenset[str]) -> str | None:
    for raw_label in host.split("."):
        label = decode_label(raw_label.lower())
        if label.isascii():
            continue
        scripts = {_script(c) for c in label if c.isalpha()} - {"COMMON"}
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _ALLOWED_MIXES):
            return f"ホスト名の「{label}」に複数の文字体系（{'・'.join(sorted(scripts))}）が混ざっています（偽装ドメインの疑い）"
        letters = [c for c in label if c.isalpha()]
        if letters and all(c in confusables for c in letters) and not scripts & {"LATIN", "HAN", "HIRAGANA", "KATAKANA", "HANGUL"}:
            return f"ホスト名の「{label}」は英字に見える別の文字でできています（偽装ドメインの疑い）"
    return None


# A character no IP address (v4, or decimal/hex integers) holds; IPv6 has ":" (zone ids any).
_NOT_IPV4 = re.compile(r"[^\d.a-fA-FxX]")


def _ip_host(host: str) -> bool:
    host = host.strip("[]")
    if ":" not in host and _NOT_IPV4.search(host):
        return False  # a host name (the usual case): no address parser, no exception
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    # http://3232235521/ and http://0xC0A80001/ also reach an IP address
    return bool(re.fullmatch(r"(?i)(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}", host))


def _redirect_target(query: str, names: frozenset[str]) -> str | None:
    for name, value in parse_qsl(query, keep_blank_values=False):
        if name.lower() in names:
            value = unquote(value).strip()
            if _URL_VALUE.match(value):
                return value
    return None


def reasons(url: str, data: ObscuredUrlData) -> tuple[str, str] | None:
    """(reason, host) when the URL hides its destination."""
    try:
        parts = urlsplit(url if "//" in url.split("?", 1)[0] else "http://" + url)
        host = parts.hostname or ""
    except ValueError:
        return None
    if "@" in parts.netloc:
        real = parts.netloc.rsplit("@", 1)[1]
        return f"「@」の前の「{parts.netloc.rsplit('@', 1)[0]}」は飾りで、実際の行き先は「{real}」です", real
    if host and _ip_host(host):
        return "ドメイン名ではなく IP アドレスで書かれています", host
    if host:
        reason = homograph_reason(host, data.confusable_letters)
        if reason:
            return reason, host
    target = _redirect_target(parts.query, data.redirect_parameters) if parts.query else None
    if target:
        return f"転送用のパラメータで別の URL（{target}）へ飛ばしています", host
    return None


@lru_cache(maxsize=4096)
def _cached_reasons(url: str, data: ObscuredUrlData) -> tuple[str, str] | None:
    return reasons(url, data)  # the same links recur across a content repository


class Checker:
    def __init__(self, rules: list[tuple[Any, ObscuredUrlData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        text = analysis.text
        if "//" not in text and "／／" not in text and not analysis.urls:
            return  # no scheme (in any width) and no URL
        spans: dict[tuple[int, int], str] = {}
        if "：／／" in text or ":／／" in text or "：//" in text:
            folded = fold_ascii_width(text)  # a scheme typed in full width
        elif "://" in text:
            folded = text
        else:
            folded = ""
        for match in _SCHEME_URL.finditer(folded):
            end = match.end()
            while end > match.start() and folded[end - 1] in _TRAILING:
                end -= 1
            spans[(match.start(), end)] = folded[match.start() : end]
        # URLs X finds without a scheme, unless inside a span already scanned
        scanned = sorted(spans)
        starts = [start for start, _end in scanned]
        for url in analysis.urls:
            at = bisect_right(starts, url.start) - 1
            if at < 0 or not (scanned[at][0] <= url.start < scanned[at][1]):
                spans[(url.start, url.end)] = url.normalized
        for (start, end), url in sorted(spans.items()):
            for rule, data in self._rules:
                found = _cached_reasons(url, data)
                if found:
                    yield Hit(rule.id, start, end, {"reason": found[0], "host": found[1], "url": analysis.text[start:end]})
