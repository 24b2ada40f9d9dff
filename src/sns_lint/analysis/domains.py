"""Host names against domain lists: a host belongs to a domain when it equals it
or ends with ``.`` + the domain (never by substring or registrable domain)."""

from __future__ import annotations


class DomainSet:
    """Constant-time membership per label of the host."""

    __slots__ = ("_domains", "_seen")

    def __init__(self, domains: "tuple[str, ...] | list[str] | set[str]"):
        self._domains = frozenset(d.lower().strip(".") for d in domains if d.strip("."))
        self._seen: dict[str, str | None] = {}  # hosts repeat across a corpus

    def __bool__(self) -> bool:
        return bool(self._domains)

    def match(self, host: str) -> str | None:
        """The listed domain that covers ``host``, or None."""
        try:
            return self._seen[host]
        except KeyError:
            pass
        if len(self._seen) > 4096:
            self._seen.clear()
        result = self._seen[host] = self._match(host)
        return result

    def _match(self, host: str) -> str | None:
        host = host.lower().rstrip(".")
        domains = self._domains
        if host in domains:
            return host
        dot = host.find(".")
        while dot != -1:
            suffix = host[dot + 1 :]
            if suffix in domains:
                return suffix
            dot = host.find(".", dot + 1)
        return None


def parse_domain_list(text: str) -> list[str]:
    """One domain per line; ``#`` starts a comment."""
    result = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            result.append(line.lower())
    return result
