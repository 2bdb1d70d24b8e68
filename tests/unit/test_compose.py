"""docker-compose.yml: the services the README promises, and only settings that exist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from worker.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return loaded


def test_compose_has_redis_worker_producer_and_flower() -> None:
    """The four services exist; the worker is built from the repo's Dockerfile."""
    services = compose()["services"]
    assert set(services) == {"redis", "worker", "producer", "flower"}
    assert services["worker"]["build"] == "."
    assert (ROOT / "Dockerfile").is_file()


def test_compose_redis_keeps_an_append_only_file_and_has_a_healthcheck() -> None:
    """Redis runs with AOF on, on a volume, and the other services wait for its healthcheck."""
    services = compose()["services"]
    command = services["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert "healthcheck" in services["redis"]
    assert any(v.endswith(":/data") for v in services["redis"]["volumes"])
    for name in ("worker", "producer", "flower"):
        assert services[name]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_compose_worker_can_be_scaled() -> None:
    """`--scale worker=N` needs no fixed container name and no published port on the worker."""
    worker = compose()["services"]["worker"]
    assert "container_name" not in worker
    assert "ports" not in worker


def test_compose_sets_only_newswire_variables_that_exist() -> None:
    """Every NEWSWIRE_ variable in the file is a field of Settings (no typo silently ignored)."""
    fields = {f"NEWSWIRE_{name.upper()}" for name in Settings.model_fields}
    used = {
        key
        for service in compose()["services"].values()
        for key in (service.get("environment") or {})
        if key.startswith("NEWSWIRE_")
    }
    assert used
    assert used <= fields, used - fields
