"""newswire: parse, enrich and classify news articles on Celery workers; publish to Redis streams."""

__version__ = "0.1.0"
