"""A local fake of the Discord HTTP routes the adapter calls, plus realistic gateway payloads.

The fake is an aiohttp server on 127.0.0.1; tests point discord.py at it by
patching `discord.http.Route.BASE` (the REST client and the interaction webhooks
both build their URLs from it). Gateway events are fed straight to the
client's parser (`client._connection.parse_message_create(...)` etc.).
Nothing here talks to discord.com."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

BOT_ID = 900000000000000001
APP_ID = 900000000000000002
GUILD_ID = 700000000000000001
_ids = itertools.count(800000000000000000)


def snowflake() -> int:
    return next(_ids)


def user_payload(user_id: int, name: str, bot: bool = False) -> dict[str, Any]:
    return {"id": str(user_id), "username": name, "global_name": name.title(), "discriminator": "0",
            "avatar": None, "bot": bot, "public_flags": 0}


BOT_USER = user_payload(BOT_ID, "backbone", bot=True)


def message_payload(
    channel_id: int, content: str = "", *, author: dict[str, Any] | None = None, message_id: int | None = None,
    components: list[Any] | None = None, guild_id: int | None = None, attachments: list[Any] | None = None,
    mentions: list[Any] | None = None, msg_type: int = 0,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(message_id or snowflake()), "channel_id": str(channel_id), "author": author or BOT_USER,
        "content": content, "timestamp": "2026-01-01T12:00:00.000000+00:00", "edited_timestamp": None,
        "tts": False, "mention_everyone": False, "mentions": mentions or [], "mention_roles": [],
        "attachments": attachments or [], "embeds": [], "pinned": False, "type": msg_type,
        "components": components or [], "flags": 0,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    return data


def attachment_payload(filename: str = "photo.png") -> dict[str, Any]:
    aid = snowflake()
    return {"id": str(aid), "filename": filename, "size": 1234, "url": f"https://cdn.invalid/{aid}/{filename}",
            "proxy_url": f"https://media.invalid/{aid}/{filename}", "content_type": "image/png"}


def interaction_payload(
    *, kind: int, data: dict[str, Any], user: dict[str, Any], channel_id: int, guild_id: int | None = None,
    message: dict[str, Any] | None = None, guild_member_roles: list[str] | None = None,
) -> dict[str, Any]:
    iid = snowflake()
    payload: dict[str, Any] = {
        "id": str(iid), "application_id": str(APP_ID), "type": kind, "data": data,
        "token": f"itoken-{iid}-secret", "version": 1, "channel_id": str(channel_id),
        "locale": "en-US", "app_permissions": "0", "entitlements": [], "context": 0 if guild_id else 1,
        "authorizing_integration_owners": {"0": str(guild_id)} if guild_id else {"1": user["id"]},
        "attachment_size_limit": 8388608,
    }
    if guild_id is not None:
        payload["guild_id"] = str(guild_id)
        payload["member"] = {"user": user, "roles": guild_member_roles or [], "joined_at": "2025-01-01T00:00:00+00:00",
                             "deaf": False, "mute": False, "flags": 0, "permissions": "3072"}
        payload["channel"] = {"id": str(channel_id), "type": 0, "guild_id": str(guild_id), "name": "us",
                              "position": 0, "permission_overwrites": []}
    else:
        payload["user"] = user
        payload["channel"] = {"id": str(channel_id), "type": 1, "recipients": [user]}
    if message is not None:
        payload["message"] = message
    return payload


def slash_payload(name: str, *, user: dict[str, Any], channel_id: int, guild_id: int | None = None,
                  text: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": str(snowflake()), "name": name, "type": 1}
    if text is not None:
        data["options"] = [{"name": "text", "type": 3, "value": text}]
    return interaction_payload(kind=2, data=data, user=user, channel_id=channel_id, guild_id=guild_id)


def button_payload(custom_id: str, *, user: dict[str, Any], channel_id: int, message: dict[str, Any],
                   guild_id: int | None = None) -> dict[str, Any]:
    return interaction_payload(kind=3, data={"custom_id": custom_id, "component_type": 2}, user=user,
                               channel_id=channel_id, guild_id=guild_id, message=message)


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    files: list[str]
    at: float

    @property
    def content(self) -> str:
        return (self.body or {}).get("content") or "" if isinstance(self.body, dict) else ""

    @property
    def custom_ids(self) -> list[str]:
        out = []
        for row in (self.body or {}).get("components") or [] if isinstance(self.body, dict) else []:
            for comp in row.get("components", []):
                if comp.get("custom_id"):
                    out.append(comp["custom_id"])
        return out


@dataclass
class FakeDiscord:
    calls: list[Call] = field(default_factory=list)
    # (method, path regex) -> function(call) -> (status, json) ; consulted before the defaults
    overrides: list[tuple[str, str, Callable[[Call], tuple[int, Any]]]] = field(default_factory=list)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    port: int = 0
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    def on(self, method: str, path: str, fn: Callable[[Call], tuple[int, Any]]) -> None:
        self.overrides.insert(0, (method, path, fn))

    def find(self, method: str, pattern: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and re.fullmatch(pattern, c.path)]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            result = predicate()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting; calls: " + ", ".join(f"{c.method} {c.path}" for c in self.calls))
            await asyncio.sleep(0.02)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path.removeprefix("/api/v10")
        body: Any = None
        files: list[str] = []
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            for name, value in form.items():
                if name == "payload_json":
                    body = json.loads(str(value))
                elif hasattr(value, "filename"):
                    files.append(value.filename)
        elif request.can_read_body:
            raw = await request.read()
            body = json.loads(raw) if raw else None
        call = Call(request.method, path, dict(request.query), body, files, time.monotonic())
        self.calls.append(call)
        for method, pattern, fn in self.overrides:
            if method == request.method and re.fullmatch(pattern, path):
                status, data = fn(call)
                return self._respond(status, data)
        status, data = self.default(call)
        return self._respond(status, data)

    @staticmethod
    def _respond(status: int, data: Any) -> web.StreamResponse:
        headers = {"Via": "1.1 google"} if status == 429 else {}
        if status == 204 or data is None:
            return web.Response(status=204, headers=headers)
        headers["Content-Type"] = "application/json"  # exactly: discord.py checks it verbatim
        return web.Response(body=json.dumps(data).encode(), status=status, headers=headers)

    def default(self, call: Call) -> tuple[int, Any]:
        m, p, body = call.method, call.path, call.body or {}
        if m == "GET" and p == "/users/@me":
            return 200, BOT_USER
        if m == "GET" and p == "/oauth2/applications/@me":
            return 200, {"id": str(APP_ID), "name": "Backbone", "description": "", "icon": None, "bot_public": True,
                         "bot_require_code_grant": False, "owner": user_payload(1, "owner"), "team": None,
                         "verify_key": "00", "flags": 0, "summary": "", "rpc_origins": []}
        if m == "PUT" and re.fullmatch(r"/applications/\d+/commands", p):
            return 200, [{**c, "id": str(snowflake()), "application_id": str(APP_ID), "version": "1"} for c in body]
        if m == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages", p)):
            return 200, self._store_message(int(match.group(1)), body)
        if m == "PATCH" and (match := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", p)):
            return 200, self._store_message(int(match.group(1)), body, int(match.group(2)))
        if m == "POST" and (match := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", p)):
            return 200, {"interaction": {"id": match.group(1), "type": 2}, "resource": {"type": body.get("type", 5)}}
        if m == "POST" and re.fullmatch(r"/webhooks/\d+/[^/]+", p):
            return 200, self._store_message(int(call.query.get("channel", 0) or 0), body)
        if m == "PATCH" and re.fullmatch(r"/webhooks/\d+/[^/]+/messages/[^/]+", p):
            return 200, self._store_message(0, body)
        if m == "DELETE" and re.fullmatch(r"/webhooks/\d+/[^/]+/messages/[^/]+", p):
            return 204, None
        return 404, {"code": 10003, "message": "Unknown (fake)"}

    def _store_message(self, channel_id: int, body: dict[str, Any] | None, message_id: int | None = None) -> dict[str, Any]:
        body = body or {}
        payload = message_payload(channel_id, body.get("content") or "", message_id=message_id,
                                  components=body.get("components"))
        self.messages[int(payload["id"])] = payload
        self.changed.set()
        return payload

    async def start(self) -> web.AppRunner:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return runner


def forbidden_closed_dm(call: Call) -> tuple[int, Any]:
    return 403, {"code": 50007, "message": "Cannot send messages to this user"}


def rate_limited(seconds: float) -> Callable[[Call], tuple[int, Any]]:
    def respond(call: Call) -> tuple[int, Any]:
        return 429, {"message": "You are being rate limited.", "retry_after": seconds, "global": False}
    return respond
