"""Upstream runner emission (worker/runner/diagnostics.py): ``record_runner_phase`` and ``runner_phase``.

A case is ``{"at": ISO, "context": {...wire...}, "memory": {...wire...} | null, "steps": [...]}``;
the result is a JSON array of the ``RunnerDiagnosticUpdate.model_dump_json(by_alias=True)`` texts
upstream sent, in order.

Upstream is configured as a runner configures it (``configure_runner_diagnostics``) with a sender
that keeps what it is given. What is not upstream's logic is fixed by the case: the clock
(``datetime.now`` as the module sees it), the runner's pid (``os.getpid()``, which upstream writes
into the context: the case's context pid) and the MLX memory reading (``capture_mlx_memory_snapshot``,
which needs MLX: the case's snapshot).

Steps:
- ``{"step": "record", "phase", "event", "detail", "attrs", "taskId", "commandId", "includeMemory"}``:
  ``record_runner_phase``.
- ``{"step": "scope", "phase", "detail", "attrs", "taskId", "commandId", "includeMemory", "body": [steps],
  "raise": null | {"type": name, "message": str | null}}``: ``with runner_phase(...)`` around the body
  steps, then raising an exception of a class named ``type`` (``message`` null: raised without
  arguments) when asked. An exception escaping the outermost scope ends the case.

Attribute values are tagged so that Python types JSON cannot tell apart survive:
``{"str": s}``, ``{"int": "123"}``, ``{"float": 1.5}`` or ``{"float": "nan" | "inf" | "-inf"}``,
``{"bool": b}``, ``{"none": null}``, ``{"list": [values]}``, ``{"dict": [[key, value], ...]}``.
"""
import datetime as _dt
import json
import types

import upstream_env  # noqa: F401  (installed by oracle_main before this module loads)

import skulk.worker.runner.diagnostics as diag  # noqa: E402
from skulk.shared.types.diagnostics import (  # noqa: E402
    MlxMemorySnapshot,
    RunnerDiagnosticContext,
)

_NOW = [None]


class _FakeDatetime:
    @staticmethod
    def now(tz=None):
        return _NOW[0]


diag.datetime = _FakeDatetime


class _Sender:
    def __init__(self):
        self.sent = []

    def send_nowait(self, update):
        self.sent.append(update)


def value(tagged):
    (kind, v), = tagged.items()
    if kind == "str":
        return v
    if kind == "int":
        return int(v)
    if kind == "float":
        return float(v)
    if kind == "bool":
        return bool(v)
    if kind == "none":
        return None
    if kind == "list":
        return [value(item) for item in v]
    if kind == "dict":
        return {value(k): value(item) for k, item in v}
    raise ValueError(kind)


def _attrs(tagged):
    if tagged is None:
        return None
    return {key: value(v) for key, v in tagged}


_CLASSES = {}


class _Raised(Exception):
    """Base of the exceptions a case raises (upstream looks only at the class's name)."""


def _exception(spec):
    cls = _CLASSES.get(spec["type"])
    if cls is None:
        cls = type(spec["type"], (_Raised,), {})
        _CLASSES[spec["type"]] = cls
    return cls() if spec["message"] is None else cls(spec["message"])


def _run(steps):
    for step in steps:
        if step["step"] == "record":
            diag.record_runner_phase(
                step["phase"], event=step["event"], detail=step["detail"],
                attrs=_attrs(step["attrs"]), task_id=step["taskId"],
                command_id=step["commandId"], include_memory=step["includeMemory"])
        else:
            with diag.runner_phase(
                    step["phase"], detail=step["detail"], attrs=_attrs(step["attrs"]),
                    task_id=step["taskId"], command_id=step["commandId"],
                    include_memory=step["includeMemory"]):
                _run(step["body"])
                if step["raise"] is not None:
                    raise _exception(step["raise"])


def run(case):
    _NOW[0] = _dt.datetime.fromisoformat(case["at"])
    context = RunnerDiagnosticContext.model_validate_json(json.dumps(case["context"]))
    memory = case["memory"]
    snapshot = None if memory is None else MlxMemorySnapshot.model_validate_json(json.dumps(memory))
    diag.capture_mlx_memory_snapshot = lambda: snapshot
    diag.os = types.SimpleNamespace(getpid=lambda: context.pid)
    sender = _Sender()
    diag.configure_runner_diagnostics(sender, context)
    try:
        _run(case["steps"])
    except _Raised:
        pass  # escaped the outermost scope, as it would the runner's task
    finally:
        diag.configure_runner_diagnostics(None, context)
    # Each update's text exactly as pydantic wrote it, as a JSON string.
    return json.dumps([update.model_dump_json(by_alias=True) for update in sender.sent],
                      ensure_ascii=False)
