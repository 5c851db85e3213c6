"""Upstream ``RunnerSupervisor`` (worker/runner/runner_supervisor.py), driven through its own methods.

A case is ``{"start": ISO instant, "identity": {...}, "ops": [...]}``; the result is a JSON array of strings,
the ``RunnerSupervisorDiagnostics.model_dump_json(by_alias=True)`` texts, one per ``snapshot`` op.

The supervisor is built with its real dataclass constructor (so ``__post_init__`` records
``supervisor_created``) from stand-ins for what it only touches through attributes: the bound
instance and shard (identity fields), the runner process (``pid``, ``is_alive()``, ``exitcode``)
and the channels. anyio, which the supervisor awaits on, is replaced by immediate stand-ins so that
each coroutine runs to completion in one step. Its clock: ``datetime.now`` and ``time.monotonic``
as the supervisor module sees them are replaced by a test clock that moves only on ``advance`` ops
(whole multiples of 125 ms, so that ``monotonic`` differences are exact binary fractions).

Ops, each calling what upstream's supervisor calls at that step:
- ``advance {ms}``: moves the clock.
- ``run {pid}``: ``run()`` (process_start_requested, the process starts with ``pid``, process_started;
  its task group then ends at once and the teardown runs, which records nothing).
- ``exit {code}``: the process has exited with ``code`` (no supervisor method: process state).
- ``send {task}`` / ``sendFails {task}``: ``start_task(task)``; the task pipe accepts / is closed.
- ``cancel {taskId}`` / ``cancelBlocked {taskId}``: ``cancel_task``; the cancel pipe accepts / blocks
  past its 0.5 s deadline (then upstream checks the runner with a ``TimeoutError``).
- ``check {cause}``: ``_check_runner(<exception of class cause>)``.
- ``shutdown``: ``shutdown()``.
- ``event {type, ...}``: ``_forward_events`` receives that one event (``RunnerStatusUpdated {status}``,
  ``TaskAcknowledged {taskId}``, ``TaskStatusUpdated {taskId, status}`` or any other type name).
- ``update {update}``: ``_apply_diagnostic_update`` of that ``RunnerDiagnosticUpdate`` (wire JSON).
- ``snapshot``: ``diagnostics()``.
"""
import datetime as _dt
import json
import sys
import types

import upstream_env  # noqa: F401  (installed by oracle_main before this module loads)


class ClosedResourceError(Exception):
    pass


class BrokenResourceError(Exception):
    pass


class WouldBlock(Exception):
    pass


class _Event:
    def __init__(self):
        self.is_set = False

    def set(self):
        self.is_set = True

    async def wait(self):
        return None


class _Scope:
    def __init__(self, *args, cancelled=False, **kwargs):
        self.cancel_called = cancelled

    def cancel(self):
        self.cancel_called = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_MOVE_ON_CANCELLED = [False]


def _move_on_after(_seconds):
    return _Scope(cancelled=_MOVE_ON_CANCELLED[0])


async def _run_sync(function, *args):
    return function(*args)


def _install_fake_anyio():
    anyio = types.ModuleType("anyio")
    anyio.__path__ = []
    anyio.ClosedResourceError = ClosedResourceError
    anyio.BrokenResourceError = BrokenResourceError
    anyio.WouldBlock = WouldBlock
    anyio.Event = _Event
    anyio.CancelScope = _Scope
    anyio.move_on_after = _move_on_after
    to_thread = types.ModuleType("anyio.to_thread")
    to_thread.run_sync = _run_sync
    anyio.to_thread = to_thread
    sys.modules["anyio"] = anyio
    sys.modules["anyio.to_thread"] = to_thread


_install_fake_anyio()

import skulk.worker.runner.runner_supervisor as rs  # noqa: E402
from skulk.shared.types import tasks as _tasks  # noqa: E402
from skulk.shared.types.diagnostics import RunnerDiagnosticUpdate  # noqa: E402
from skulk.shared.types.worker import runners as _runners  # noqa: E402
import skulk.shared.types.events as _events  # noqa: E402  (a stub module: stand-in event classes)


class _Clock:
    def __init__(self):
        self.base = None
        self.ms = 0

    def now(self):
        return self.base + _dt.timedelta(milliseconds=self.ms)

    def monotonic(self):
        return self.ms / 1000.0


_CLOCK = _Clock()


class _FakeDatetime:
    @staticmethod
    def now(tz=None):
        return _CLOCK.now().astimezone(tz) if tz is not None else _CLOCK.now()


class _Logger:
    """Stands in for loguru's logger (not installed here): every log call does nothing."""

    def opt(self, *args, **kwargs):
        return self

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


rs.logger = _Logger()
rs.datetime = _FakeDatetime
rs.time = types.SimpleNamespace(monotonic=_CLOCK.monotonic)


class _Process:
    def __init__(self):
        self.pid = None
        self.exitcode = None
        self._alive = False
        self._next_pid = None

    def start(self):
        self.pid = self._next_pid
        self._alive = True

    def is_alive(self):
        return self._alive

    def join(self, _timeout=None):
        return None

    def terminate(self):
        return None

    def kill(self):
        return None

    def close(self):
        return None


class _Sender:
    def __init__(self):
        self.fail = False
        self.sent = []

    async def send(self, item):
        self.sent.append(item)

    async def send_async(self, item):
        if self.fail:
            raise ClosedResourceError()
        self.sent.append(item)

    def close(self):
        return None


class _MpSender(_Sender):
    """A multiprocessing pipe's sending end: ``send`` is synchronous there."""

    def send(self, item):
        self.sent.append(item)


class _Receiver:
    def __init__(self, items=()):
        self.items = list(items)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)

    def close(self):
        return None


class _TaskGroup:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def start_soon(self, *args):
        return None

    def cancel_tasks(self):
        return None


def _complete(coroutine):
    """Runs a coroutine that never suspends (every awaited stand-in returns at once)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("an upstream coroutine suspended")


class _Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def _identity(identity):
    model_card = _Obj(model_id=identity["modelId"])
    shard = _Obj(model_card=model_card, device_rank=identity["deviceRank"],
                 world_size=identity["worldSize"], start_layer=identity["startLayer"],
                 end_layer=identity["endLayer"], n_layers=identity["nLayers"])
    bound = _Obj(bound_runner_id=identity["runnerId"], bound_node_id=identity["nodeId"],
                 instance=_Obj(instance_id=identity["instanceId"]), bound_shard=shard)
    return bound, shard


def _task(spec):
    kind = spec["kind"]
    common = dict(task_id=_tasks.TaskId(spec["taskId"]), instance_id=spec["instanceId"],
                  task_status=_tasks.TaskStatus(spec["status"]))
    if kind in ("TextGeneration", "ImageGeneration", "ImageEdits", "TextEmbedding"):
        # What _summarize_task reads for a log line, besides the model diagnostics reads.
        params = _Obj(model=spec["model"], input=[], chat_template_messages=None, images=[],
                      image_hashes={}, total_input_chunks=0, image_count=0)
        return getattr(_tasks, kind)(command_id=spec["commandId"], task_params=params, **common)
    if kind == "Shutdown":
        return _tasks.Shutdown(runner_id=spec["runnerId"], **common)
    return getattr(_tasks, kind)(**common)


def _status(name):
    return getattr(_runners, name)()


def _event(spec):
    kind = spec["type"]
    if kind == "RunnerStatusUpdated":
        return _events.RunnerStatusUpdated(runner_id="r", runner_status=_status(spec["status"]))
    if kind == "TaskAcknowledged":
        return _events.TaskAcknowledged(task_id=_tasks.TaskId(spec["taskId"]))
    if kind == "TaskStatusUpdated":
        return _events.TaskStatusUpdated(task_id=_tasks.TaskId(spec["taskId"]),
                                         task_status=_tasks.TaskStatus(spec["status"]))
    return getattr(_events, kind)()


def run(case):
    _CLOCK.base = _dt.datetime.fromisoformat(case["start"])
    _CLOCK.ms = 0
    bound, shard = _identity(case["identity"])
    process = _Process()
    task_sender, cancel_sender, event_sender = _MpSender(), _MpSender(), _Sender()
    supervisor = rs.RunnerSupervisor(
        shard_metadata=shard, bound_instance=bound, runner_process=process,
        initialize_timeout=400, _ev_recv=_Receiver(), _diag_recv=_Receiver(),
        _task_sender=task_sender, _event_sender=event_sender, _cancel_sender=cancel_sender)
    # The dataclass defaults took the real monotonic clock (bound before the test clock existed).
    supervisor._status_since_monotonic = _CLOCK.monotonic()
    supervisor._phase_started_monotonic = _CLOCK.monotonic()
    supervisor._created_monotonic = _CLOCK.monotonic()
    supervisor._tg = _TaskGroup()
    supervisor._cancel_watch_runner = _Scope()
    snapshots = []
    for op in case["ops"]:
        name = op["op"]
        if name == "advance":
            _CLOCK.ms += op["ms"]
        elif name == "run":
            process._next_pid = op["pid"]
            _complete(supervisor.run())
            supervisor._tg = _TaskGroup()
            supervisor._cancel_watch_runner = _Scope()
        elif name == "exit":
            process._alive = False
            process.exitcode = op["code"]
        elif name in ("send", "sendFails"):
            task_sender.fail = name == "sendFails"
            _complete(supervisor.start_task(_task(op["task"])))
        elif name in ("cancel", "cancelBlocked"):
            _MOVE_ON_CANCELLED[0] = name == "cancelBlocked"
            try:
                _complete(supervisor.cancel_task(_tasks.TaskId(op["taskId"])))
            finally:
                _MOVE_ON_CANCELLED[0] = False
        elif name == "check":
            cause = type(op["cause"], (Exception,), {})("checked")
            _complete(supervisor._check_runner(cause))
        elif name == "shutdown":
            supervisor.shutdown()
        elif name == "event":
            supervisor._ev_recv = _Receiver([_event(op)])
            _complete(supervisor._forward_events())
        elif name == "update":
            update = RunnerDiagnosticUpdate.model_validate_json(json.dumps(op["update"]))
            supervisor._apply_diagnostic_update(update)
        elif name == "snapshot":
            snapshots.append(supervisor.diagnostics().model_dump_json(by_alias=True))
        else:
            raise ValueError(f"unknown op {name}")
    # Each snapshot's text exactly as pydantic wrote it, as a JSON string.
    return json.dumps(snapshots, ensure_ascii=False)
