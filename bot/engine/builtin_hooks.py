"""Import every module that registers hooks, commands or buttons."""

from bot.engine.steps import checkin, coach, confide, data, onboarding  # noqa: F401
