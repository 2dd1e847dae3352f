"""Registries that collect contributions once at start and reject duplicate names."""

from __future__ import annotations

from collections.abc import Iterator

from .contributions import Contribution


class DuplicateContribution(Exception):
    """Two plugins (or one plugin twice) claimed the same name in a registry."""


class Registry[T: Contribution]:
    """An ordered, name-keyed collection of one kind of contribution."""

    def __init__(self, kind: str, item_type: type[T]) -> None:
        self.kind = kind
        self.item_type = item_type
        self._items: dict[str, T] = {}

    def register(self, item: T) -> T:
        if not isinstance(item, self.item_type):
            raise TypeError(
                f"Plugin '{item.plugin if isinstance(item, Contribution) else '?'}' returned "
                f"{type(item).__name__} for the {self.kind} registry; expected {self.item_type.__name__}"
            )
        existing = self._items.get(item.name)
        if existing is not None:
            raise DuplicateContribution(
                f"Plugin '{item.plugin}' registers {self.kind} '{item.name}', "
                f"already registered by plugin '{existing.plugin}'"
            )
        self._items[item.name] = item
        return item

    def get(self, name: str) -> T:
        return self._items[name]

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def for_plugins(self, slugs: set[str] | frozenset[str]) -> list[T]:
        return [item for item in self._items.values() if item.plugin in slugs]
