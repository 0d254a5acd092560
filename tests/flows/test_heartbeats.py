"""`lingflow run` against a server sends its flow run's heartbeats itself (flows.healing.heartbeats).

The server's crash automation watches them (tests/server/test_killed_run_is_crashed.py checks a real
`lingflow run` against `prefect server`); here: when they are sent, that the thread has ended when the
flow returns (no second of waiting on a sleeping thread), and that a served run or a flow called from
Python, where Prefect sends them, gets no second sender.
"""

from __future__ import annotations

import threading

from prefect import flow
from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from flows.healing import heartbeats, own_heartbeats


def _senders() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "lingflow-heartbeat"]


@flow
def _beating(beats: float) -> tuple[bool, int]:
    with heartbeats(seconds=beats) as on:
        alive = len(_senders())
    return on, alive


def test_a_run_against_a_server_sends_heartbeats_and_stops_at_once(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())  # the harness's server
    with own_heartbeats():  # as `lingflow run` calls the flow
        on, alive = _beating(3600)
    assert on and alive == 1
    assert not _senders()  # joined when the block ended, although its next beat was an hour away


def test_a_temporary_server_gets_no_heartbeats(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with own_heartbeats():
        assert _beating(1) == (False, 0)


def test_a_flow_called_from_python_keeps_prefects_own_heartbeats(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())
    assert _beating(1) == (False, 0)  # Prefect's default: every 180 s from its own thread


def test_a_served_run_keeps_prefects_own_heartbeats(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 30}):  # what `serve` sets for its runs
        assert _beating(1) == (False, 0)
