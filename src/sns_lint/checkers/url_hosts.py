"""``url_hosts``: flag URLs whose host is in a domain list (e.g. URL shorteners, 5-7).

A host matches a listed domain when it equals it or is a subdomain of it.
Domains come inline (``domains``) and/or from a one-per-line file
(``domains_file``: one file or a list, relative to the rule file); ``except_domains`` are left to
other rules (an official link service treated on its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.domains import DomainSet, parse_domain_list
from sns_lint.checkers import Hit, RuleContext

KEYS = ("domains", "domains_file", "except_domains", "require_path")
PLACEHOLDERS = ("host", "domain", "url")


@dataclass(frozen=True)
class HostListData:
    domains: DomainSet
    excepted: DomainSet
    require_path: bool  # a bare "bit.ly" names the service; "bit.ly/abc" is a short link


def prepare(raw: dict, context: RuleContext) -> HostListData:
    domains = list(context.strings(raw, "domains"))
    files = raw.get("domains_file")
    names = [files] if isinstance(files, str) else (files or [])
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        context.fail("domains_file はファイル名、またはそのリストで書いてください。", raw, "domains_file")
    for name in names:
        text, _path = context.read_data_file(raw, "domains_file", name)
        domains.extend(parse_domain_list(text))
    if not domains:
        context.fail("domains または domains_file でドメインを 1 つ以上指定してください。", raw, None)
    require_path = raw.get("require_path", False)
    if not isinstance(require_path, bool):
        context.fail("require_path は true か false で書いてください。", raw, "require_path")
    return HostListData(DomainSet(domains), DomainSet(context.strings(raw, "except_domains")), require_path)


def _has_path(normalized_url: str) -> bool:
    rest = normalized_url.split("//", 1)[-1]
    cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i != -1), default=-1)
    return cut != -1 and rest[cut:].strip("/") != ""


class Checker:
    def __init__(self, rules: list[tuple[Any, HostListData]]):
        self._rules = rules

    def check(self, analysis: Any) -> Iterator[Hit]:
        for url in analysis.urls:
            for rule, data in self._rules:
                domain = data.domains.match(url.host)
                if domain and not data.excepted.match(url.host) and (not data.require_path or _has_path(url.normalized)):
                    yield Hit(rule.id, url.start, url.end, {"host": url.host, "domain": domain, "url": url.url})
