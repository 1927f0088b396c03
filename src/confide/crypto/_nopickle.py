"""A mixin for objects that hold key material and must never be serialised by accident."""

from __future__ import annotations

from typing import NoReturn


class NoPickle:
    """Refuse pickling and copying.

    A pickled key ends up in caches, task queues and crash dumps. Export is
    only possible through a method whose name says it is unsafe.
    """

    __slots__ = ()

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be pickled")

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be pickled")

    def __getstate__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be pickled")
