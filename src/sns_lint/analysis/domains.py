"""Host names against domain lists: a host belongs to a domain when it equals it
or ends with ``.`` + the domain (never by substring or registrable domain)."""

from __future__ import annotations


MAX_LABEL_LENGTH = 63  # DNS


def decode_label(label: str) -> str:
    """An ``xn--`` label in Unicode; anything else, or a label longer than DNS allows, as it is.

    Punycode decoding takes time quadratic in the label's length: a label that cannot exist
    (``xn---`` + 800 KB) is never decoded."""
    if label[:4].lower() != "xn--" or len(label) > MAX_LABEL_LENGTH:
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label


class DomainSet:
    """Constant-time membership per label of the host.

    An entry may use ``*`` for exactly one whole label (``city.*.kagoshima.jp``):
    the host matches when it ends with labels that fit the entry.
    """

    __slots__ = ("_domains", "_wildcards", "_seen")

    def __init__(self, domains: "tuple[str, ...] | list[str] | set[str]"):
        cleaned = {d.lower().strip(".") for d in domains if d.strip(".")}
        self._domains = frozenset(d for d in cleaned if "*" not in d)
        self._wildcards = tuple(sorted(tuple(d.split(".")) for d in cleaned if "*" in d))
        self._seen: dict[str, str | None] = {}  # hosts repeat across a corpus

    def __bool__(self) -> bool:
        return bool(self._domains or self._wildcards)

    def match(self, host: str) -> str | None:
        """The listed domain that covers ``host`` (for a wildcard entry, the part of the
        host it matched), or None."""
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
        if self._wildcards:
            labels = host.split(".")
            for entry in self._wildcards:
                tail = labels[-len(entry) :]
                if len(labels) >= len(entry) and all(p == "*" or p == h for p, h in zip(entry, tail)):
                    return ".".join(tail)
        return None


def parse_domain_list(text: str) -> list[str]:
    """One domain per line; ``#`` starts a comment."""
    result = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            result.append(line.lower())
    return result
