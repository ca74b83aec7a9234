from __future__ import annotations

import asyncio

from tg_harness import Emulator, RunningBot


async def test_smoke(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    user = {"id": 501, "is_bot": False, "first_name": "Ann"}
    chat = {"id": 501, "type": "private", "first_name": "Ann"}
    await emulator.send(token, {"from": user, "chat": chat, "text": "/start",
                                "entities": [{"type": "bot_command", "offset": 0, "length": 6}]})
    for _ in range(100):
        state = await emulator.state(token)
        if state["messages"]:
            break
        await asyncio.sleep(0.05)
    print(state)
    assert state["messages"]
