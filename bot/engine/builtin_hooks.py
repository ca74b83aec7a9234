"""Import every module in bot.engine.steps, so each registers its hooks, commands and buttons.

A new conversation's Python lives in a new module there; nothing else needs editing."""

from __future__ import annotations

import importlib
import pkgutil

import bot.engine.steps as _steps

for _module in sorted(m.name for m in pkgutil.iter_modules(_steps.__path__)):
    importlib.import_module(f"{_steps.__name__}.{_module}")
