"""A list of functions the apps contribute, each app in a module of one name (``notices.py``,
``search.py``), found at start-up so that adding an app touches no file of ``core``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from django.utils.module_loading import autodiscover_modules

F = TypeVar("F", bound=Callable[..., object])


class Sources(Generic[F]):
    """The functions registered with ``register``, in the order the apps were loaded."""

    def __init__(self, module: str) -> None:
        self.module = module
        self._functions: list[F] = []

    def register(self, function: F) -> F:
        if function not in self._functions:
            self._functions.append(function)
        return function

    def autodiscover(self) -> None:
        autodiscover_modules(self.module)

    def __iter__(self) -> Iterator[F]:
        return iter(self._functions)
