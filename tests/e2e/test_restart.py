"""Entries survive a killed ``lems serve``: a real server process, killed and started again."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import httpx

from tests.conftest import Persona, api_token


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "lems_companion", "serve", "--port", str(port)],
        env={**os.environ, "LEMS_DATABASE_URL": db_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("lems serve did not start")


def test_entries_survive_a_restart_of_the_server(db_url: str, patient: Persona) -> None:
    port = _free_port()
    server = _start_server(db_url, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            auth = api_token(client, patient)
            entry = {"recorded_at": "2026-03-01T08:30:00+01:00", "symptoms": {"dry_mouth": 2}}
            created = client.post("/api/v1/entries", json=entry, headers=auth).json()
    finally:
        server.send_signal(signal.SIGKILL)  # no clean shutdown: only what was committed counts
        server.wait(timeout=10)
    server = _start_server(db_url, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            again = client.get(
                f"/api/v1/entries/{created['id']}", headers=api_token(client, patient)
            )
            assert again.status_code == 200
            assert json.dumps(again.json(), sort_keys=True) == json.dumps(created, sort_keys=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
