"""The `newswire` command as a user runs it: real processes, real Redis."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from tests.integration.helpers import REPO_ROOT, queued_doc_ids, worker_env
from worker import keys

pytestmark = pytest.mark.integration


def newswire(
    redis_url: str, *args: str, stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args], input=stdin.decode() if stdin else None, capture_output=True,
        text=True, env=worker_env(redis_url, **env), cwd=REPO_ROOT, timeout=240, check=False,
    )  # fmt: skip


def test_cli_enqueue_rejects_bad_input_by_file_and_line_and_enqueues_the_rest(
    client: redis.Redis, redis_url: str, tmp_path: Path
) -> None:
    """Bad input is named with file (and line) and reason, none of it is queued, the rest is; exit 1."""
    (tmp_path / "good.txt").write_text("date 2020-03-01 A good article about rain.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Ein schöner Artikel.".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("word " * 400, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "A JSONL article."}) + "\n{oops\n", encoding="utf-8"
    )
    result = newswire(redis_url, "enqueue", str(tmp_path), NEWSWIRE_MAX_DOC_BYTES="1000")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "accepted 2, duplicate 0, rejected 5" in out
    assert f"{tmp_path / 'docs.jsonl'}:2: malformed JSON" in out
    assert f"{tmp_path / 'empty.txt'}: empty text" in out
    assert f"{tmp_path / 'latin1.txt'}: invalid UTF-8 at byte 7" in out
    assert f"{tmp_path / 'huge.txt'}: 2,000 bytes is above the limit of 1,000" in out
    assert f"{tmp_path / 'binary.txt'}: binary data" in out
    assert sorted(queued_doc_ids(client, keys.PARSE_QUEUE)) == sorted(
        ["j1", _content_id(tmp_path / "good.txt")]
    )


def test_cli_enqueue_reads_stdin_and_reports_repeats(client: redis.Redis, redis_url: str) -> None:
    """`-` reads stdin; the same document twice in one input is counted as a duplicate and sent once."""
    lines = (json.dumps({"id": "s1", "text": "From stdin."}) + "\n") * 2
    result = newswire(redis_url, "enqueue", "-", stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    assert "accepted 1, duplicate 1, rejected 0" in result.stdout
    assert queued_doc_ids(client, keys.PARSE_QUEUE) == ["s1"]


def test_cli_status_reports_queues_streams_and_dead_letters(client: redis.Redis, redis_url: str) -> None:
    """`status --json` shows queue depth, stream lengths, groups with pending, and the dead-letter count."""
    newswire(redis_url, "enqueue", "-", stdin=json.dumps({"id": "q1", "text": "Queued."}).encode())
    client.xadd(keys.DEAD_STREAM, {"doc_id": "x", "data": "{}"})
    client.xadd(keys.DOCUMENTS_STREAM, {"doc_id": "y", "data": "{}"})
    client.xgroup_create(keys.DOCUMENTS_STREAM, "readers", id="0")
    result = newswire(redis_url, "status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["queues"]["parse"] == 1
    assert status["streams"][keys.DEAD_STREAM] == 1
    [group] = status["groups"]
    assert (group["name"], group["pending"]) == ("readers", 0)


def test_cli_subscribe_writes_json_lines_and_acknowledges_them(client: redis.Redis, redis_url: str) -> None:
    """`subscribe` prints each entry as a JSON line, acknowledges it, and stops after --count."""
    for doc_id in ("a", "b", "c"):
        client.xadd(
            keys.DOCUMENTS_STREAM, {"doc_id": doc_id, "type": "document", "data": json.dumps({"n": doc_id})}
        )
    args = ("subscribe", "documents", "--group", "g", "--consumer", "c", "--from-start", "--count", "2")
    result = newswire(redis_url, *args)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["record"]["n"] for line in lines] == ["a", "b"]
    assert client.xpending(keys.DOCUMENTS_STREAM, "g")["pending"] == 0
    again = newswire(redis_url, "subscribe", "documents", "--group", "g", "--consumer", "c", "--count", "1")
    assert json.loads(again.stdout)["record"]["n"] == "c"


def _content_id(path: Path) -> str:
    from schemas import content_doc_id

    return content_doc_id(path.read_text(encoding="utf-8"))


def test_cli_worker_command_processes_documents(client: redis.Redis, redis_url: str, tmp_path: Path) -> None:
    """`newswire worker` runs a real worker that takes documents through to the documents stream."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "worker", "--concurrency", "1", "--loglevel", "WARNING"],
        env=worker_env(redis_url), cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        newswire(
            redis_url, "enqueue", "-", stdin=json.dumps({"id": "w1", "text": "Rain fell in Paris."}).encode()
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not client.xlen(keys.DOCUMENTS_STREAM):
            time.sleep(0.1)
        [(_, fields)] = client.xrange(keys.DOCUMENTS_STREAM)
        assert fields["doc_id"] == "w1"
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)


def test_cli_replay_sends_a_dead_letter_through_again(client: redis.Redis, redis_url: str) -> None:
    """`replay --doc-id` re-enqueues the dead letter's original document and removes it from the dead stream."""
    doc = {"doc_id": "r1", "text": "Replayed text.", "received_at": "2020-01-01T00:00:00Z"}
    letter = {"doc_id": "r1", "stage": "enrich", "payload": doc}
    client.xadd(keys.DEAD_STREAM, {"doc_id": "r1", "type": "dead_letter", "data": json.dumps(letter)})
    result = newswire(redis_url, "replay", "--doc-id", "r1")
    assert result.returncode == 0, result.stderr
    assert "replayed 1: r1" in result.stdout
    assert client.xlen(keys.DEAD_STREAM) == 0
    assert queued_doc_ids(client, keys.PARSE_QUEUE) == ["r1"]
