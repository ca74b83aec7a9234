"""The one place that decides whether an action may leave the person it is about.

Anything addressed to someone other than the person the turn belongs to must
carry either a share created by an explicit consent step (and say exactly what
that share's preview said), or the name of a content-free notice ("your
partner unpaired"). Everything else is dropped and logged, without its text."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bot.engine.actions import Action, Address, EditMessage, SendFile, SendMessage
from bot.store.protocol import Store

log = logging.getLogger(__name__)

SHARES = "shares"

# Notices carry names and fixed wording only, never a person's own words.
NOTICES = frozenset(
    {
        "paired",
        "unpaired",
        "group_linked",
        "group_refused",
        "group_prompt",
        "group_help",
        "unreachable",
        "boundary_proposed",
        "boundary_agreed",
        "boundary_revisit",
        "boundary_talk",
        "boundary_removed",
        "group_unlinked",
        "heads_up",
        "nudge",
    }
)


def create_share(
    store: Store, *, share_id: str, owner: str, audience: Address, text: str, item: dict[str, Any], now: datetime,
    consented_by: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Record consent to show `text`, exactly, to `audience`. Call only from a step
    where the owner saw `text` as a preview and chose to share it."""
    share = {
        "id": share_id,
        "owner": owner,
        "consented_by": sorted(set(consented_by or [owner])),
        "audience": {"kind": audience.kind, "id": audience.id},
        "text": text,
        "item": item,
        "created_at": now.isoformat(),
    }
    store.put(SHARES, share_id, share)
    return share


def _text_of(action: Action) -> str:
    if isinstance(action, (SendMessage, EditMessage)):
        return action.text
    if isinstance(action, SendFile):
        return action.caption
    return ""


def allowed(store: Store, action: Action, on_behalf_of: str | None) -> bool:
    if action.to.kind == "person" and action.to.id == on_behalf_of:
        return True
    if action.notice is not None:
        return action.notice in NOTICES and action.share_id is None
    if action.share_id is None:
        return False
    share = store.get(SHARES, action.share_id)
    if share is None or share.get("revoked"):
        return False
    audience = share["audience"]
    if (audience["kind"], audience["id"]) != (action.to.kind, action.to.id):
        return False
    if on_behalf_of is not None and on_behalf_of not in share["consented_by"]:
        return False
    return _text_of(action) == share["text"]


def guard(store: Store, actions: Iterable[Action], on_behalf_of: str | None) -> list[Action]:
    kept = []
    for action in actions:
        if allowed(store, action, on_behalf_of):
            kept.append(action)
        else:
            log.warning(
                "confidentiality guard dropped a %s to a %s (share=%s notice=%s)",
                type(action).__name__, action.to.kind, action.share_id, action.notice,
            )
    return kept
