"""Keep a served deployment able to run after crashes (used by ``lingflow serve`` at start-up).

- Runs of the deployment left PENDING, RUNNING or CANCELLING by a ``serve`` that died (SIGKILL,
  a machine restart, SIGTERM while a tick was being submitted) are marked CRASHED, which
  releases the deployment's concurrency slot. A run counts as dead when the output folder's
  lock is free: every live ingest run holds it.
- If the slot counter is still above zero with no live run (a server restart loses its
  in-memory leases but not the counter), it is reset to zero.
- Every ingest run, once it holds the output lock, marks CRASHED the ingest runs of the same
  output folder that the server still shows RUNNING or CANCELLING (:func:`crash_dead_runs`):
  they cannot be alive, since a live run holds the lock. So a ``lingflow run`` killed with
  kill -9 (which sends no heartbeats) is shown crashed as soon as the next run on that folder
  starts, by ``lingflow run`` or by a scheduled tick.
- An automation marks any flow run CRASHED when its heartbeats stop for ``ZOMBIE_AFTER``
  (``serve`` runs flows with Prefect's heartbeats every ``HEARTBEAT_SECONDS``; ``lingflow run``
  sends the same events itself (:func:`heartbeats`) when ``PREFECT_API_URL`` names a server; every
  run against such a server makes sure the automation exists): a flow-run process killed with
  kill -9 is shown as crashed within a few minutes.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import threading
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterator

HEARTBEAT_SECONDS = 30  # Prefect's minimum
ZOMBIE_AFTER = timedelta(seconds=90)
AUTOMATION_NAME = "lingflow: crash flow runs whose heartbeats stopped"
STALE_TYPES = ["PENDING", "RUNNING", "CANCELLING"]


LIVE_START_MARGIN = timedelta(seconds=30)  # a run this young may not have reached the lock yet


def crash_dead_runs(out_dir: str, own_run_id: str | None) -> list[str]:
    """Mark CRASHED the ingest runs into ``out_dir`` that are still RUNNING or CANCELLING on the
    server although this process holds the folder's lock (call it only then). Runs started
    less than ``LIVE_START_MARGIN`` ago are left alone. Returns the ids marked."""
    from datetime import datetime, timezone

    from prefect import get_client
    from prefect.client.schemas.filters import (FlowFilter, FlowFilterName, FlowRunFilter, FlowRunFilterState,
                                                FlowRunFilterStateType)
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    target = str(Path(out_dir).resolve())
    cutoff = datetime.now(timezone.utc) - LIVE_START_MARGIN
    marked: list[str] = []
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_filter=FlowFilter(name=FlowFilterName(any_=["ingest"])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(
                any_=[StateType.RUNNING, StateType.CANCELLING]))), limit=200)
        for run in runs:
            out = (run.parameters or {}).get("out_dir")
            if str(run.id) == str(own_run_id) or not out or str(Path(out).resolve()) != target:
                continue
            if run.start_time is None or run.start_time > cutoff:
                continue
            client.set_flow_run_state(run.id, Crashed(
                message=f"its process is gone: run {own_run_id} took the output lock of {target}, "
                        "which a live run would hold"), force=True)
            marked.append(str(run.id))
    return marked


def output_lock_is_free(out_dir: str) -> bool:
    """True when no process holds ``out_dir``'s lock (so no ingest run is writing there)."""
    from pipeline.io.tables import OutputLocked, TableStore

    try:
        TableStore(out_dir).lock().release()
    except OutputLocked:
        return False
    return True


async def heal_deployment(full_name: str, out_dir: str) -> dict[str, Any]:
    """Crash the dead runs of deployment ``flow/deployment`` and free its slot; returns what was done."""
    from prefect import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitUpdate
    from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterId, FlowRunFilter,
                                                FlowRunFilterState, FlowRunFilterStateType)
    from prefect.client.schemas.objects import StateType
    from prefect.exceptions import ObjectNotFound
    from prefect.states import Crashed

    done: dict[str, Any] = {"crashed": [], "slots_reset": False}
    async with get_client() as client:
        try:
            dep = await client.read_deployment_by_name(full_name)
        except ObjectNotFound:
            return done  # first start: nothing to heal
        runs = await client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[dep.id])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
                type=FlowRunFilterStateType(any_=[StateType(t) for t in STALE_TYPES]))))
        if runs and not output_lock_is_free(out_dir):
            return done  # a run is alive (it holds the lock): leave everything as it is
        for run in runs:
            await client.set_flow_run_state(run.id, Crashed(
                message="lingflow serve restarted and found this run's process gone (output lock free)"), force=True)
            done["crashed"].append(str(run.id))
        try:
            limit = await client.read_global_concurrency_limit_by_name(f"deployment:{dep.id}")
        except ObjectNotFound:
            return done
        if limit.active_slots:
            await client.update_global_concurrency_limit(limit.name, GlobalConcurrencyLimitUpdate(active_slots=0))
            done["slots_reset"] = True
    return done


def ensure_zombie_automation() -> bool:
    """Create the automation that crashes flow runs without heartbeats (once per server)."""
    from prefect import get_client
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import AutomationCore, EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    with get_client(sync_client=True) as client:
        if client.read_automations_by_name(AUTOMATION_NAME):
            return False
        client.create_automation(AutomationCore(
            name=AUTOMATION_NAME,
            description="Created by lingflow: a flow run whose process died stops sending heartbeats.",
            trigger=EventTrigger(
                after={"prefect.flow-run.heartbeat"},
                expect={"prefect.flow-run.heartbeat", "prefect.flow-run.Completed", "prefect.flow-run.Failed",
                        "prefect.flow-run.Cancelled", "prefect.flow-run.Crashed"},
                match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
                for_each={"prefect.resource.id"}, posture=Posture.Proactive, threshold=1, within=ZOMBIE_AFTER),
            actions=[ChangeFlowRunState(state=StateType.CRASHED,
                                        message=f"no heartbeat for {int(ZOMBIE_AFTER.total_seconds())} s: "
                                                "the flow run's process is gone")]))
    return True


@contextmanager
def own_heartbeats() -> Iterator[None]:
    """Flow runs started in the block get no heartbeat thread from Prefect (on by default, every
    180 s); the ingest flow sends the heartbeats itself when they matter (:func:`heartbeats`).
    ``lingflow run`` calls the flow in this block."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@contextmanager
def heartbeats(seconds: float = HEARTBEAT_SECONDS) -> Iterator[bool]:
    """Send the current flow run's ``prefect.flow-run.heartbeat`` events every ``seconds`` while the
    block runs, when ``PREFECT_API_URL`` names a server and Prefect is not sending them itself
    (inside :func:`own_heartbeats`; a served run or a call of the flow from Python keeps Prefect's).
    A temporary server dies with the run, so then none are sent. Yields whether it sends them.

    The same events as Prefect's own heartbeats (``prefect.flow_engine._send_heartbeats``), which
    the zombie automation watches; but the thread waits on an event, so the run ends as soon as the
    block does, where Prefect's thread sleeps in whole seconds and is joined for up to one more
    (half a second of every small run, on average)."""
    from prefect import __version__
    from prefect.context import FlowRunContext
    from prefect.events import emit_event
    from prefect.settings import get_current_settings

    ctx = FlowRunContext.get()
    run = ctx.flow_run if ctx else None
    if run is None or not os.environ.get("PREFECT_API_URL") or get_current_settings().flows.heartbeat_frequency:
        yield False
        return
    resource = {"prefect.resource.id": f"prefect.flow-run.{run.id}", "prefect.resource.name": run.name or "",
                "prefect.version": __version__}
    related = [{"prefect.resource.id": f"prefect.flow.{run.flow_id}", "prefect.resource.role": "flow",
                "prefect.resource.name": ctx.flow.name if ctx.flow else ""}] if run.flow_id else []
    stop = threading.Event()

    def beat() -> None:
        while True:
            try:
                emit_event(event="prefect.flow-run.heartbeat", resource=resource, related=related)
            except Exception:  # a missed heartbeat is not worth failing the run for
                pass
            if stop.wait(seconds):
                return

    # the thread sees this context's settings (the server's URL), as Prefect's own heartbeat thread does
    thread = threading.Thread(target=contextvars.copy_context().run, args=(beat,), daemon=True,
                              name="lingflow-heartbeat")
    thread.start()
    try:
        yield True
    finally:
        stop.set()
        thread.join(timeout=5)


def heal(full_name: str, out_dir: str) -> dict[str, Any]:
    done = asyncio.run(heal_deployment(full_name, out_dir))
    done["automation_created"] = ensure_zombie_automation()
    return done
