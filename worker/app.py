"""The Celery app that workers run: `celery -A worker.app worker` and `newswire worker` both use it.

Importing this module needs NEWSWIRE_REDIS_URL (or NEWSWIRE_BROKER_URL); code that only sends tasks
builds its own app with `worker.app_factory.make_app(settings)`.
"""

from __future__ import annotations

from worker.app_factory import make_app
from worker.settings import load_settings

app = make_app(load_settings())
