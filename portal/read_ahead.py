"""One Redis round trip for the cache reads of a page render instead of one per read.

A campaign page rendered for an anonymous visitor reads a dozen small cache entries one
after the other: its kept fragments, the tracker's aggregates, the press coverage list, the
site's root paths… Each ``cache.get`` is a network round trip to Redis. The route cache
(``portal.route_cache``) remembers, next to a kept route, which keys the last render of that
address read; the next render fetches them all with one ``get_many`` before the view runs,
and the cache backend below answers those reads from that batch.

It changes nothing a visitor sees: the batch holds what Redis held at the start of the
request (when the generation token was read, which is what the render is filed under anyway),
a key written during the request is dropped from the batch so the next read goes to Redis,
and a key the batch does not hold is read as usual. The batch lives in a context variable
for one request and one thread and is dropped when the response is complete.
"""

from contextvars import ContextVar

from django_redis.cache import RedisCache, omit_exception
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError, ResponseError, TimeoutError

MISSING = object()
_batch = ContextVar("portal_read_ahead", default=None)


class Batch:
    def __init__(self, values):
        self.values = values  # {(key, version): value or MISSING}
        self.read = {}  # (key, version) read during the request, in order


def start(entries, cache):
    """Begin a batch holding the ``(key, version)`` ``entries``, read from ``cache`` in one
    round trip (when it is a :class:`ReadAheadRedisCache`; else the batch starts empty)."""
    get_entries = getattr(cache, "get_entries", None)
    found = get_entries(entries) if entries and get_entries else {}
    _batch.set(Batch({entry: found.get(entry, MISSING) for entry in entries}))


def finish():
    """End the batch; return the entries read during the request, or None if none was open."""
    batch = _batch.get()
    _batch.set(None)
    return None if batch is None else list(batch.read)


class ReadAheadRedisCache(RedisCache):
    """django-redis' cache, answering ``get`` from the request's batch when one is open."""

    @omit_exception(return_value={})
    def get_entries(self, entries):
        """``{(key, version): value}`` for the entries found, in one MGET whatever their
        versions (``get_many`` takes one version)."""
        entries = [tuple(entry) for entry in entries]
        client = self.client
        raw = [client.make_key(key, version=version) for key, version in entries]
        connection = client.get_client(write=False)
        try:
            values = connection.mget(raw)
        except (ConnectionError, TimeoutError, ResponseError) as error:
            raise ConnectionInterrupted(connection=connection) from error  # a logged miss
        return {
            entry: client.decode(value)
            for entry, value in zip(entries, values, strict=True)
            if value is not None
        }

    def get(self, key, default=None, version=None, client=None):
        batch = _batch.get()
        if batch is None or client is not None:
            return super().get(key, default, version, client)
        entry = (key, version)
        batch.read[entry] = None
        value = batch.values.get(entry, MISSING)
        if value is not MISSING:
            return value
        if entry in batch.values:  # absent when the batch was read
            return default
        return super().get(key, default, version, client)

    def _forget(self, *keys):
        batch = _batch.get()
        if batch is not None:  # read them from Redis from now on, whatever their version
            for entry in [entry for entry in batch.values if entry[0] in keys]:
                del batch.values[entry]

    def set(self, key, *args, **kwargs):
        self._forget(key)
        return super().set(key, *args, **kwargs)

    def add(self, key, *args, **kwargs):
        self._forget(key)
        return super().add(key, *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        self._forget(key)
        return super().delete(key, *args, **kwargs)

    def incr(self, key, *args, **kwargs):
        self._forget(key)
        return super().incr(key, *args, **kwargs)

    def decr(self, key, *args, **kwargs):
        self._forget(key)
        return super().decr(key, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        self._forget(*data)
        return super().set_many(data, *args, **kwargs)

    def delete_many(self, keys, *args, **kwargs):
        keys = list(keys)
        self._forget(*keys)
        return super().delete_many(keys, *args, **kwargs)

    def clear(self):
        batch = _batch.get()
        if batch is not None:
            batch.values.clear()
        return super().clear()
