"""Schema versions of the stored data, one function per version.

`MIGRATIONS[n]` turns data at version n-1 into version n. It receives the
store inside the migration transaction (reads see earlier steps' writes) and
uses only the protocol (get/put/delete/keys/scan), so it works on every
backend. Every store runs `migrate` when it opens: all pending steps and the
new version number are committed as ONE transaction, so a crash or a failing
step leaves the data exactly at the old version.

To change the shape of stored documents: add a function `_vN(store)` below,
register it as `MIGRATIONS[N]`, bump nothing else (the target version is the
highest key), and add a test that a folder at version N-1 is migrated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.store.protocol import Store, StoreError

log = logging.getLogger("bot.store")

META_TABLE = "meta"
META_KEY = "schema"


def _v1(store: Store) -> None:
    """0 -> 1: the first versioned schema. Data from before versioning has
    the same shape; only the version record is added (by `migrate`)."""


MIGRATIONS: dict[int, Callable[[Store], None]] = {
    1: _v1,
}

SCHEMA_VERSION = max(MIGRATIONS)


def current_version(store: Store) -> int:
    meta = store.get(META_TABLE, META_KEY)
    if meta is None:
        return 0
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise StoreError(f"The schema record {META_TABLE}/{META_KEY} is damaged: {meta!r}.")
    return version


def migrate(store: Store) -> int:
    """Bring the store to the newest schema version; return that version."""
    target = max(MIGRATIONS)
    with store.transaction():
        version = current_version(store)
        if version > target:
            raise StoreError(
                f"This data was written by a newer Backbone (schema version {version}); this one knows "
                f"up to version {target}. Upgrade Backbone, or restore a backup made with this version."
            )
        for n in range(version + 1, target + 1):
            step = MIGRATIONS.get(n)
            if step is None:
                raise StoreError(f"No migration to schema version {n} exists.")
            try:
                step(store)
            except StoreError:
                raise
            except Exception as exc:
                raise StoreError(
                    f"Upgrading the data to schema version {n} failed ({exc!r}); nothing was changed."
                ) from exc
            store.put(META_TABLE, META_KEY, {"schema_version": n})
        if version != target:
            log.info("store schema migrated from version %d to %d", version, target)
    return target
