"""Upstream ``API.get_node_diagnostics`` on one generated node scenario.

The case is one JSON object (built by ``NodeScenario`` on the Java side):

- ``nodeId``, ``master`` (null: the node's own id, as ``API.__init__`` sets ``_master_node_id``),
  ``tracing``;
- ``instances``: ``[{instanceId, modelId, assignments: [{runnerId, nodeId, deviceRank, worldSize,
  startLayer, endLayer, nLayers}]}]`` (one runner per node, as upstream's ``node_to_runner`` dict);
- ``runnerStatuses``: runner id to status class name; ``tasks``: ``[{taskId, taskKind,
  taskStatus, instanceId, commandId, modelId}]``;
- ``identities``, ``memory``, ``disk``, ``system``, ``network``: node id to the gathered reading's
  JSON (the telemetry view / state maps upstream reads);
- ``supervisors``: the provider's ``RunnerSupervisorDiagnostics`` JSON, in order;
- ``currentMemory`` / ``currentWired``: the live readings (a JSON object, ``null`` for a reading
  that is ``None``, or the string ``"fail"`` for one that raises);
- ``hostname``, ``cwd``, ``configPath``, ``configExists``, ``skulkVersion``, ``env`` (the two
  variables ``_runtime_diagnostics`` reads), ``logging`` (null, or ``{enabled, ingestUrl}``).

Everything upstream's methods read is built as upstream's own types (tasks, runner statuses and
the diagnostics models validated by pydantic); the instance, shard and config objects, whose
modules were not copied, are plain namespaces with the attributes upstream reads. Upstream's
``preferred_env_value`` (``skulk.shared.constants``, not copied) is taken as a plain environment
lookup. The result is ``{"placements", "warnings", "runtime", "resources", "supervisorRunners"}``,
each a string holding that section's JSON exactly as pydantic writes it.
"""
import asyncio
import json
import os
from types import SimpleNamespace

from pydantic import TypeAdapter

import upstream_env

_MODULE = upstream_env.load_api(
    [
        "_status_kind",
        "_friendly_name_for_node",
        "_task_kind",
        "_task_command_id",
        "_task_model_id",
        "_task_diagnostics",
        "_placement_diagnostics",
        "_short_diagnostics_id",
        "_augment_runner_divergence_warnings",
        "_collect_runner_supervisor_diagnostics",
        "_runtime_diagnostics",
        "_resource_diagnostics",
        "get_node_diagnostics",
    ],
    ["_leaked_wired_warning"],
    ["_LEAKED_WIRED_THRESHOLD_BYTES"],
)
API = _MODULE.API

import skulk.shared.types.tasks as task_types  # noqa: E402  (after upstream_env.install)
import skulk.shared.types.worker.runners as runner_types  # noqa: E402
from skulk.shared.types import diagnostics as diag  # noqa: E402
from skulk.shared.types import memory as memory_types  # noqa: E402
from skulk.shared.types import profiling  # noqa: E402

_PLACEMENTS = TypeAdapter(list[diag.InstancePlacementDiagnostics])
_SUPERVISORS = TypeAdapter(list[diag.RunnerSupervisorDiagnostics])
_STRINGS = TypeAdapter(list[str])

_MODEL_TASKS = {"TextGeneration", "ImageGeneration", "ImageEdits", "TextEmbedding"}


def _task(spec):
    kind = spec["taskKind"]
    cls = getattr(task_types, kind)
    fields = {
        "task_id": spec["taskId"],
        "task_status": task_types.TaskStatus(spec["taskStatus"]),
        "instance_id": spec["instanceId"],
    }
    model = spec.get("modelId")
    if kind in _MODEL_TASKS:
        fields["command_id"] = spec["commandId"]
        fields["task_params"] = SimpleNamespace(model=model)
    elif kind == "DownloadModel":
        fields["shard_metadata"] = SimpleNamespace(model_card=SimpleNamespace(model_id=model))
    elif kind == "CreateRunner":
        fields["bound_instance"] = SimpleNamespace(
            bound_shard=SimpleNamespace(model_card=SimpleNamespace(model_id=model)))
    elif kind == "CancelTask":
        fields["cancelled_task_id"] = "cancelled-task"
        fields["runner_id"] = "some-runner"
    elif kind == "Shutdown":
        fields["runner_id"] = "some-runner"
    return cls(**fields)


def _instance(spec):
    node_to_runner = {}
    runner_to_shard = {}
    for a in spec["assignments"]:
        node_to_runner[a["nodeId"]] = a["runnerId"]
        runner_to_shard[a["runnerId"]] = SimpleNamespace(
            device_rank=a["deviceRank"], world_size=a["worldSize"], start_layer=a["startLayer"],
            end_layer=a["endLayer"], n_layers=a["nLayers"])
    return SimpleNamespace(shard_assignments=SimpleNamespace(
        model_id=spec["modelId"], node_to_runner=node_to_runner, runner_to_shard=runner_to_shard))


def _models(mapping, model):
    return {node: model.model_validate_json(json.dumps(value)) for node, value in (mapping or {}).items()}


def _live(value, model):
    def read():
        if value == "fail":
            raise OSError("reading failed")
        return None if value is None else model.model_validate_json(json.dumps(value))
    return read


class _ConfigPath:
    def __init__(self, path, exists):
        self._path, self._exists = path, exists

    def __str__(self):
        return self._path

    def exists(self):
        return self._exists


def build_api(case):
    api = API.__new__(API)
    api.node_id = case["nodeId"]
    api._master_node_id = case["master"] if case.get("master") is not None else case["nodeId"]
    api.state = SimpleNamespace(
        instances={i["instanceId"]: _instance(i) for i in case.get("instances", [])},
        runners={r: getattr(runner_types, kind)() for r, kind in case.get("runnerStatuses", {}).items()},
        tasks={t["taskId"]: _task(t) for t in case.get("tasks", [])},
        tracing_enabled=case.get("tracing", False),
        node_network=_models(case.get("network"), profiling.NodeNetworkInfo),
    )
    api._telemetry_view = SimpleNamespace(
        node_identities=_models(case.get("identities"), profiling.NodeIdentity),
        node_memory=_models(case.get("memory"), profiling.MemoryUsage),
        node_disk=_models(case.get("disk"), profiling.DiskUsage),
        node_system=_models(case.get("system"), profiling.SystemPerformanceProfile),
    )
    supervisors = _SUPERVISORS.validate_json(json.dumps(case.get("supervisors", [])))
    api._runner_diagnostics_provider = lambda: supervisors
    api._collect_process_diagnostics = lambda runners: []  # processes are another area's
    logging = case.get("logging")
    api._skulk_config = None if logging is None else SimpleNamespace(
        logging=SimpleNamespace(enabled=logging["enabled"], ingest_url=logging.get("ingestUrl")))
    api._config_path = _ConfigPath(case.get("configPath", "config.yaml"), case.get("configExists", False))
    return api


def _patch_host(case):
    env = case.get("env", {})
    m = _MODULE.__dict__
    m["socket"] = SimpleNamespace(gethostname=lambda: case.get("hostname", "host"))
    m["Path"] = SimpleNamespace(cwd=lambda: case.get("cwd", "/"))
    m["get_skulk_version"] = lambda: case.get("skulkVersion", "1.3.0")
    m["preferred_env_value"] = lambda name: env.get(name)
    m["os"] = SimpleNamespace(environ=dict(env), getpid=os.getpid)
    current_memory = _live(case.get("currentMemory"), profiling.MemoryUsage)
    m["MemoryUsage"] = SimpleNamespace(from_psutil=lambda override_memory: current_memory())
    wired = case.get("currentWired")

    def read_wired():
        if wired == "fail":
            raise OSError("reading failed")
        return None if wired is None else memory_types.Memory.model_validate_json(json.dumps(wired)).in_bytes

    m["read_wired_memory_bytes"] = read_wired


def run(case):
    _patch_host(case)
    api = build_api(case)
    bundle = asyncio.run(api.get_node_diagnostics())
    # Each section as the exact text pydantic writes, so the Java side compares bytes.
    return json.dumps({
        "placements": _PLACEMENTS.dump_json(bundle.placements, by_alias=True).decode(),
        "warnings": _STRINGS.dump_json(bundle.warnings).decode(),
        "runtime": bundle.runtime.model_dump_json(by_alias=True),
        "resources": bundle.resources.model_dump_json(by_alias=True),
        "supervisorRunners": _SUPERVISORS.dump_json(bundle.supervisor_runners, by_alias=True).decode(),
    }, ensure_ascii=False)
