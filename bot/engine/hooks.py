"""Python hooks, registered by name, for what dialog data cannot say."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.engine.actions import Action
    from bot.engine.context import TurnContext


@dataclass
class HookResult:
    vars: dict[str, Any] = field(default_factory=dict)
    goto: str | None = None  # jump to this state (must be listed in the state's branches)
    error: str | None = None  # for validate hooks: re-ask with this message
    value: Any = None  # for validate hooks: the cleaned answer to save
    options: list[str] | None = None  # for options hooks: extra button labels
    actions: list["Action"] = field(default_factory=list)


HookFn = Callable[["TurnContext"], HookResult | None]


@dataclass(frozen=True)
class HookSpec:
    name: str
    fn: HookFn
    sets: tuple[str, ...]  # template variables this hook may set


_REGISTRY: dict[str, HookSpec] = {}


def hook(name: str, *, sets: tuple[str, ...] = ()) -> Callable[[HookFn], HookFn]:
    def register(fn: HookFn) -> HookFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ValueError(f"hook {name!r} registered twice")
        _REGISTRY[name] = HookSpec(name, fn, tuple(sets))
        return fn

    return register


def get_hook(name: str) -> HookSpec | None:
    load_builtin_hooks()
    return _REGISTRY.get(name)


def hook_names() -> set[str]:
    load_builtin_hooks()
    return set(_REGISTRY)


def load_builtin_hooks() -> None:
    # Imported lazily so that hook modules may import engine pieces freely.
    import bot.engine.builtin_hooks  # noqa: F401
