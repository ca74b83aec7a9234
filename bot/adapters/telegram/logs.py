"""Keep tokens, message text and invite codes out of the logs.

Our own log lines never carry content. Third-party loggers can: httpx logs every request URL
(which contains the bot token) and PTB logs request parameters and raw updates at DEBUG and
when an update can't be parsed. Those loggers get a floor level and a scrubbing filter."""

from __future__ import annotations

import logging

_CHATTY = ("httpx", "httpcore")
_PTB = (
    "telegram", "telegram.Bot", "telegram.ext", "telegram.ext.ExtBot", "telegram.ext.Updater",
    "telegram.ext.Application", "telegram.ext.AIORateLimiter", "telegram.request", "telegram.request.BaseRequest",
    "telegram.request.HTTPXRequest", "telegram.ext.JobQueue",
)
_PAYLOAD_HINTS = ("data", "parameters", "return value", "received", "update", "token")


class Scrub(logging.Filter):
    """Redacts secrets and drops payload arguments from third-party records."""

    def __init__(self, secrets: list[str] | None = None):
        super().__init__()
        self.secrets = [s for s in (secrets or []) if s]

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        template = str(record.msg)
        if record.args and any(hint in template.casefold() for hint in _PAYLOAD_HINTS):
            record.args = tuple("<omitted>" for _ in (record.args if isinstance(record.args, tuple) else (record.args,)))
        try:
            message = record.getMessage()
        except Exception:  # a broken third-party format string must not break logging
            message = template
        record.msg, record.args = self._redact(message), ()
        if record.exc_info:
            # The traceback says where; the exception text might carry a payload or URL.
            exc = record.exc_info[1]
            record.msg += f" [{type(exc).__name__}]" if exc is not None else ""
            record.exc_info, record.exc_text = None, None
        return True


_SCRUB: Scrub | None = None


def protect_logs(secrets: list[str]) -> Scrub:
    """Idempotent: later calls only add secrets to the one filter."""
    global _SCRUB
    if _SCRUB is not None:
        _SCRUB.secrets.extend(s for s in secrets if s and s not in _SCRUB.secrets)
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, _TokenOnly) for f in handler.filters):
                handler.addFilter(_TokenOnly(_SCRUB))
        return _SCRUB
    scrub = _SCRUB = Scrub(secrets)
    for name in _CHATTY:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
        logger.addFilter(scrub)
    for name in _PTB:
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
        logger.addFilter(scrub)
    for handler in logging.getLogger().handlers:  # anything else that mentions the token
        handler.addFilter(_TokenOnly(scrub))
    return scrub


class _TokenOnly(logging.Filter):
    def __init__(self, scrub: Scrub):
        super().__init__()
        self.scrub = scrub

    def filter(self, record: logging.LogRecord) -> bool:
        if self.scrub.secrets:
            try:
                message = record.getMessage()
            except Exception:
                return True
            redacted = self.scrub._redact(message)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True
