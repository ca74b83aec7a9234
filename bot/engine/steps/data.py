"""Hooks for a person's own data: export it all, forget it all."""

from __future__ import annotations

import json

from bot.engine.actions import Address, SendFile
from bot.engine.context import TurnContext
from bot.engine.hooks import HookResult, hook
from bot.engine.personal_data import export_person, forget_person


@hook("export_data")
def export_data(ctx: TurnContext) -> HookResult:
    data = {"exported_at": ctx.clock.now().isoformat(), "person_id": ctx.person_id, "data": export_person(ctx.store, ctx.person_id)}
    data["data"]["people"] = {ctx.person_id: ctx.person}  # this turn's own view of the profile
    blob = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    return HookResult(actions=[SendFile(
        to=Address.person(ctx.person_id), filename="backbone-export.json", data=blob,
        caption="Everything I keep about you.", mime="application/json",
    )])


@hook("forget_me")
def forget_me(ctx: TurnContext) -> HookResult:
    forget_person(ctx.store, ctx.person_id)
    return HookResult()
