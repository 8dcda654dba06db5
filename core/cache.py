"""The Redis cache as a help the pages can do without.

When Redis does not answer, a read is a miss and a write is dropped instead of a 500: pages are
rendered from the database, members still sign in (the sign-in rate limits, kept in the cache,
do not count meanwhile: logged). After a failure the process leaves Redis alone for a few
seconds rather than wait on it at every call; `/healthz` says the cache is down.
"""

import logging
import time
from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
PAUSE_SECONDS = 5.0

_T = TypeVar("_T")


class ForgivingRedisCache(RedisCache):
    _down_until = 0.0  # per process: every cache object of it shares the one Redis

    def _try(self, method: str, fallback: _T, *args: Any, **kwargs: Any) -> _T:
        if time.monotonic() < ForgivingRedisCache._down_until:
            return fallback
        try:
            result: _T = getattr(super(), method)(*args, **kwargs)
            return result
        except UNAVAILABLE as error:
            ForgivingRedisCache._down_until = time.monotonic() + PAUSE_SECONDS
            logger.warning("cache unavailable (%s): working without it", error)
            return fallback

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self._try("get", default, key, default, version)

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        return self._try("get_many", {}, keys, version)

    def has_key(self, key: str, version: int | None = None) -> bool:
        return self._try("has_key", False, key, version)

    def set(self, *args: Any, **kwargs: Any) -> None:
        return self._try("set", None, *args, **kwargs)

    def set_many(self, data: dict[str, Any], *args: Any, **kwargs: Any) -> list[str]:
        return self._try("set_many", list(data), data, *args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        # As if it were stored: a caller that only wants to do something once does it, which
        # is the safe side for ours (asking for a PDF render the claim deduplicates).
        return self._try("add", True, *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        return self._try("touch", False, *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        return self._try("delete", False, *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        return self._try("delete_many", None, *args, **kwargs)

    def clear(self) -> None:
        self._try("clear", None)
