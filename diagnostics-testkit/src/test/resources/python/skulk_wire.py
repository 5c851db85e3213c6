"""Pydantic models of the Skulk diagnostics wire contract, written from the published spec.

Used only by the interop tests: they hand bundles that Java wrote to these models, configured as
Python Skulk configures its own (camelCase aliases, populate_by_name, extra="forbid", strict=True),
and compare pydantic's own serialization with Java's, byte for byte.

Usage: python3 skulk_wire.py TYPE < documents.jsonl
Reads one JSON document per line; prints one line per document: "ok <pydantic json>" or
"error <message on one line>".
"""

import sys
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel


class CamelCaseModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        strict=True,
    )


RunnerPhaseName = Literal[
    "created", "idle", "connect_group", "load_model", "warmup", "task_submission",
    "task_agreement", "prompt_build", "vision_preprocess", "kv_cache_lookup",
    "prefill_barrier", "prefill_pipeline", "prefill_stream", "decode_barrier",
    "decode_wait_first_token", "decode_stream", "parser", "cancel_requested",
    "cancel_observed", "completion", "error", "shutdown_cleanup",
]
ProcessRole = Literal["skulk", "runner", "vector", "python", "other"]
RunnerDiagnosticValue = str | int | float | bool | list[str]


class Memory(CamelCaseModel):
    in_bytes: int = 0


class MemoryUsage(CamelCaseModel):
    ram_total: Memory
    ram_available: Memory
    swap_total: Memory
    swap_available: Memory


class DiskUsage(CamelCaseModel):
    total: Memory
    available: Memory


class AcceleratorMetrics(CamelCaseModel):
    vendor: Literal["apple", "amd", "nvidia", "intel", "cpu", "unknown"] = "unknown"
    name: str = "Unknown"
    utilization_ratio: float | None = None
    vram_total_bytes: int | None = None
    vram_used_bytes: int | None = None
    gtt_total_bytes: int | None = None
    power_watts: float | None = None
    temperature_celsius: float | None = None
    clock_mhz: int | None = None


class SystemPerformanceProfile(CamelCaseModel):
    gpu_usage: float = 0.0
    temp: float = 0.0
    sys_power: float = 0.0
    pcpu_usage: float = 0.0
    ecpu_usage: float = 0.0
    accelerator: AcceleratorMetrics | None = None


class NetworkInterfaceInfo(CamelCaseModel):
    name: str
    ip_address: str
    interface_type: Literal["wifi", "ethernet", "maybe_ethernet", "thunderbolt", "unknown"] = "unknown"


class NodeNetworkInfo(CamelCaseModel):
    interfaces: list[NetworkInterfaceInfo] = Field(default_factory=list)


class NodeIdentity(CamelCaseModel):
    model_id: str = "Unknown"
    chip_id: str = "Unknown"
    friendly_name: str = "Unknown"
    os_version: str = "Unknown"
    os_build_version: str = "Unknown"
    skulk_version: str = "Unknown"
    skulk_commit: str = "Unknown"


class MlxMemorySnapshot(CamelCaseModel):
    generated_at: str
    active: Memory | None = None
    cache: Memory | None = None
    peak: Memory | None = None
    wired_limit: Memory | None = None
    source: str


class RunnerDiagnosticContext(CamelCaseModel):
    node_id: str
    runner_id: str
    pid: int | None = None
    instance_id: str
    model_id: str
    rank: int
    world_size: int
    start_layer: int
    end_layer: int
    n_layers: int


class RunnerDiagnosticUpdate(CamelCaseModel):
    at: str
    phase: RunnerPhaseName
    event: str
    detail: str | None = None
    attrs: dict[str, RunnerDiagnosticValue] = Field(default_factory=dict)
    context: RunnerDiagnosticContext
    task_id: str | None = None
    command_id: str | None = None
    mlx_memory: MlxMemorySnapshot | None = None


class RunnerFlightRecorderEntry(RunnerDiagnosticUpdate):
    pass


class DiagnosticsProcess(CamelCaseModel):
    pid: int
    parent_pid: int | None = None
    role: ProcessRole
    command: str
    status: str | None = None
    cpu_percent: float | None = None
    memory_percent: float | None = None
    rss: Memory | None = None
    elapsed_seconds: float | None = None
    is_child_of_skulk: bool = False


class RunnerTaskDiagnostics(CamelCaseModel):
    task_id: str
    task_kind: str
    task_status: str
    instance_id: str
    command_id: str | None = None
    runner_id: str | None = None
    model_id: str | None = None


class RunnerLifecycleMilestone(CamelCaseModel):
    at: str
    name: str
    detail: str | None = None


class RunnerSupervisorDiagnostics(CamelCaseModel):
    runner_id: str
    instance_id: str
    node_id: str
    model_id: str
    device_rank: int
    world_size: int
    start_layer: int
    end_layer: int
    n_layers: int
    pid: int | None = None
    process_alive: bool
    exit_code: int | None = None
    status_kind: str
    status_since: str
    seconds_in_status: float
    phase: RunnerPhaseName
    phase_started_at: str
    seconds_in_phase: float
    last_progress_at: str | None = None
    active_task_id: str | None = None
    active_command_id: str | None = None
    phase_detail: str | None = None
    last_mlx_memory: MlxMemorySnapshot | None = None
    flight_recorder: list[RunnerFlightRecorderEntry] = Field(default_factory=list)
    pending_task_ids: list[str] = Field(default_factory=list)
    in_progress_tasks: list[RunnerTaskDiagnostics] = Field(default_factory=list)
    completed_task_count: int
    cancelled_task_ids: list[str] = Field(default_factory=list)
    last_task_sent_at: str | None = None
    last_event_received_at: str | None = None
    last_event_type: str | None = None
    milestones: list[RunnerLifecycleMilestone] = Field(default_factory=list)


class PlacementRunnerDiagnostics(CamelCaseModel):
    runner_id: str
    node_id: str
    friendly_name: str | None = None
    status_kind: str | None = None
    device_rank: int
    world_size: int
    start_layer: int
    end_layer: int
    n_layers: int
    is_local: bool
    is_master: bool
    tasks: list[RunnerTaskDiagnostics] = Field(default_factory=list)


class InstancePlacementDiagnostics(CamelCaseModel):
    instance_id: str
    model_id: str
    master_node_id: str | None = None
    master_is_placement_node: bool
    local_node_is_placement_node: bool
    placement_node_ids: list[str] = Field(default_factory=list)
    runners: list[PlacementRunnerDiagnostics] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class NodeRuntimeDiagnostics(CamelCaseModel):
    node_id: str
    hostname: str
    friendly_name: str | None = None
    is_master: bool
    master_node_id: str | None = None
    cwd: str
    config_path: str
    config_file_exists: bool
    skulk_version: str
    skulk_commit: str
    libp2p_namespace: str | None = None
    python_unbuffered: bool
    tracing_enabled: bool
    structured_logging_configured: bool
    logging_ingest_url: str | None = None


class NodeResourceDiagnostics(CamelCaseModel):
    gathered_memory: MemoryUsage | None = None
    current_memory: MemoryUsage | None = None
    current_wired: Memory | None = None
    disk: DiskUsage | None = None
    system: SystemPerformanceProfile | None = None
    network: NodeNetworkInfo | None = None


class NodeDiagnostics(CamelCaseModel):
    generated_at: str
    runtime: NodeRuntimeDiagnostics
    identity: NodeIdentity | None = None
    resources: NodeResourceDiagnostics
    processes: list[DiagnosticsProcess] = Field(default_factory=list)
    supervisor_runners: list[RunnerSupervisorDiagnostics] = Field(default_factory=list)
    placements: list[InstancePlacementDiagnostics] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ClusterNodeDiagnostics(CamelCaseModel):
    node_id: str
    url: str | None = None
    ok: bool
    diagnostics: NodeDiagnostics | None = None
    error: str | None = None


class ClusterDiagnostics(CamelCaseModel):
    generated_at: str
    local_node_id: str
    master_node_id: str | None = None
    nodes: list[ClusterNodeDiagnostics] = Field(default_factory=list)


class ClusterTimelineRunner(CamelCaseModel):
    node_id: str
    runner_id: str
    instance_id: str
    model_id: str
    device_rank: int
    world_size: int
    pid: int | None = None
    process_alive: bool
    status_kind: str
    phase: RunnerPhaseName
    phase_detail: str | None = None
    seconds_in_phase: float
    last_progress_at: str | None = None
    active_task_id: str | None = None
    active_command_id: str | None = None
    last_mlx_memory: MlxMemorySnapshot | None = None


class ClusterTimelineEntry(CamelCaseModel):
    at: str
    node_id: str
    runner_id: str
    device_rank: int
    world_size: int
    phase: RunnerPhaseName
    event: str
    detail: str | None = None
    attrs: dict[str, RunnerDiagnosticValue] = Field(default_factory=dict)
    task_id: str | None = None
    command_id: str | None = None
    mlx_memory: MlxMemorySnapshot | None = None


class ClusterTimelineUnreachable(CamelCaseModel):
    node_id: str
    url: str | None = None
    error: str


class ClusterTimeline(CamelCaseModel):
    generated_at: str
    local_node_id: str
    master_node_id: str | None = None
    runners: list[ClusterTimelineRunner] = Field(default_factory=list)
    timeline: list[ClusterTimelineEntry] = Field(default_factory=list)
    unreachable_nodes: list[ClusterTimelineUnreachable] = Field(default_factory=list)


class DiagnosticProcessSample(CamelCaseModel):
    name: str
    command: list[str]
    ok: bool
    exit_code: int | None = None
    duration_seconds: float
    stdout: str | None = None
    stderr: str | None = None
    error: str | None = None


class DiagnosticCaptureRequest(CamelCaseModel):
    runner_id: str | None = None
    task_id: str | None = None
    include_process_samples: bool = True
    sample_duration_seconds: float = Field(default=3.0, ge=1.0, le=10.0)


class DiagnosticCaptureResponse(CamelCaseModel):
    generated_at: str
    node_id: str
    node_diagnostics: NodeDiagnostics
    runner: RunnerSupervisorDiagnostics | None = None
    flight_recorder: list[RunnerFlightRecorderEntry] = Field(default_factory=list)
    mlx_memory: MlxMemorySnapshot | None = None
    process_samples: list[DiagnosticProcessSample] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def main() -> int:
    model = globals()[sys.argv[1]]
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            parsed = model.model_validate_json(line)
            print("ok " + parsed.model_dump_json(by_alias=True), flush=True)
        except ValidationError as error:
            print("error " + str(error).replace("\n", " | "), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
