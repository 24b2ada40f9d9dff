"""``link_target``: links to pages the city does not run (5-8).

The operating policy decides what a host is: ``own_domains`` (the city's
own: never reported), ``trusted_domains`` (external but trusted) and the
rest (external). A host is the city's own only when it equals a listed
domain or ends with ``.`` + it: ``city.kagoshima.lg.jp.attacker.example`` is
external. Links to the city's own accounts on social media count as own;
links to other accounts' posts are left to the ``quote`` kind.

Rule data: ``target: external`` or ``target: trusted``, ``platforms_file``
(the social-media table) and optionally ``trusted_domains_file``: domains
trusted whatever the policy says, such as the names reserved for Japanese local
governments (``pref.kagoshima.jp``, ``city.kirishima.kagoshima.jp``; ``*`` is
one label). Both rules of a pair should name the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sns_lint.analysis.domains import DomainSet, parse_domain_list
from sns_lint.analysis.social_links import SocialLinkTable, load_table
from sns_lint.checkers import Hit, RuleContext

KEYS = ("target", "platforms_file", "trusted_domains_file")
PLACEHOLDERS = ("host", "url", "domain")
TARGETS = ("external", "trusted")


@dataclass(frozen=True)
class LinkTargetData:
    target: str
    platforms: SocialLinkTable
    trusted: DomainSet  # trusted in addition to the policy's trusted_domains


def prepare(raw: dict, context: RuleContext) -> LinkTargetData:
    target = raw.get("target")
    if target not in TARGETS:
        context.fail(f"target は {' か '.join(TARGETS)} で書いてください。", raw, "target" if "target" in raw else None)
    if raw.get("platforms_file") is None:
        context.fail("platforms_file（SNS の URL の表）を指定してください。", raw, None)
    trusted: list[str] = []
    if raw.get("trusted_domains_file") is not None:
        text, _path = context.read_data_file(raw, "trusted_domains_file")
        trusted = parse_domain_list(text)
    return LinkTargetData(target, load_table(raw, "platforms_file", context), DomainSet(trusted))


class Checker:
    def __init__(self, rules: list[tuple[Any, LinkTargetData]]):
        self._rules = rules
        self._policy: tuple[Any, DomainSet, DomainSet, frozenset[str]] | None = None

    def _domains(self, config: Any) -> tuple[DomainSet, DomainSet, frozenset[str]]:
        if self._policy is None or self._policy[0] is not config:
            self._policy = (config, DomainSet(config.own_domains), DomainSet(config.trusted_domains), frozenset(config.own_accounts))
        return self._policy[1:]

    def check(self, analysis: Any) -> Iterator[Hit]:
        if not analysis.urls:
            return
        own, trusted, own_accounts = self._domains(analysis.config)
        notes = analysis.notes
        for url in analysis.urls:
            if own.match(url.host):
                continue
            policy_trusted = trusted.match(url.host)
            for rule, data in self._rules:
                trusted_domain = policy_trusted or data.trusted.match(url.host)
                social = data.platforms.classify(url.normalized, url.host)
                data.platforms.report_timeouts(rule, notes)
                if social is not None and (social.account in own_accounts or social.is_post):
                    continue  # the city's own account, or a post: the quote rule's business
                if (data.target == "trusted") == bool(trusted_domain):
                    yield Hit(rule.id, url.start, url.end, {"host": url.host, "url": url.url, "domain": trusted_domain or url.host})
