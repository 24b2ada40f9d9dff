"""``cached_property`` without the lock: a derived fact computed on first use, then a plain attribute.

Python 3.11's ``functools.cached_property`` takes a lock around every first access (3.12
dropped it). The facts of a post are read by a dozen rules, about ten of them per post, so the
lock costs more than some of the facts. A post's analysis is only used by one thread at a time.
"""

from __future__ import annotations

from typing import Any, Callable


class cached_property:  # noqa: N801 - named like the standard one it stands in for
    __slots__ = ("func", "name", "__doc__")

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)  # later reads never reach here
        return value
