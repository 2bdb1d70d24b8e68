"""structlog configuration: JSON lines off a terminal, readable console output on one."""

from __future__ import annotations

import logging
import sys

import structlog

from worker.settings import Settings


class StderrLogger:
    """Writes each rendered line to whatever `sys.stderr` is when it logs, not when logging was set up.

    structlog's PrintLogger keeps the stream it was given; when that stream is later replaced and closed
    (a test's captured output, a redirected daemon), every later log call raised instead of logging.
    """

    def msg(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    log = debug = info = warning = warn = error = critical = exception = fatal = msg


def _stderr_logger(*_args: object) -> StderrLogger:
    return StderrLogger()


def configure_logging(settings: Settings) -> None:
    level = logging.getLevelName(settings.log_level.upper())
    if not isinstance(level, int):
        raise ValueError(
            f"NEWSWIRE_LOG_LEVEL={settings.log_level!r} is not one of DEBUG, INFO, WARNING, ERROR"
        )
    use_json = settings.log_format == "json" or (settings.log_format == "auto" and not sys.stderr.isatty())
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if use_json else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=_stderr_logger,
        cache_logger_on_first_use=True,
    )
