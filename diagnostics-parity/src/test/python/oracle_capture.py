"""Upstream ``API.capture_local_node_diagnostics`` (with ``_match_capture_runner``) on one bundle.

Case: ``{"bundle": NodeDiagnostics JSON, "request": DiagnosticCaptureRequest JSON}``. The bundle
is what ``get_node_diagnostics`` returns; process sampling, another area's, is replaced by one
sample naming the pid (its command) and the duration it was asked for (its ``durationSeconds``).
Result: ``{"notFound": true, "status", "detail"}`` when upstream answers an HTTP error, else
``{"runner", "flightRecorder", "mlxMemory", "processSamples", "warnings", "nodeId"}``, each a
string holding that section's JSON exactly as pydantic writes it.
"""
import asyncio
import json

from pydantic import TypeAdapter

import upstream_env

_MODULE = upstream_env.load_api(["_match_capture_runner", "capture_local_node_diagnostics"])
API = _MODULE.API

from skulk.shared.types import diagnostics as diag  # noqa: E402


class _HttpError(Exception):
    def __init__(self, status_code, detail):
        super().__init__(detail)
        self.status_code, self.detail = status_code, detail


_MODULE.__dict__["HTTPException"] = _HttpError
_ENTRIES = TypeAdapter(list[diag.RunnerFlightRecorderEntry])
_SAMPLES = TypeAdapter(list[diag.DiagnosticProcessSample])
_STRINGS = TypeAdapter(list[str])


def run(case):
    bundle = diag.NodeDiagnostics.model_validate_json(json.dumps(case["bundle"], ensure_ascii=False))
    request = diag.DiagnosticCaptureRequest.model_validate_json(json.dumps(case["request"]))
    api = API.__new__(API)
    api.node_id = bundle.runtime.node_id

    async def node_diagnostics():
        return bundle

    async def samples(pid, duration):
        return [diag.DiagnosticProcessSample(name="sampled", command=[str(pid)], ok=True,
                                             duration_seconds=duration)]

    api.get_node_diagnostics = node_diagnostics
    api._collect_process_samples = samples
    try:
        response = asyncio.run(api.capture_local_node_diagnostics(request))
    except _HttpError as error:
        return json.dumps({"notFound": True, "status": error.status_code, "detail": error.detail})
    return json.dumps({
        "nodeId": json.dumps(str(response.node_id), ensure_ascii=False),
        "runner": "null" if response.runner is None else response.runner.model_dump_json(by_alias=True),
        "flightRecorder": _ENTRIES.dump_json(response.flight_recorder, by_alias=True).decode(),
        "mlxMemory": "null" if response.mlx_memory is None else response.mlx_memory.model_dump_json(by_alias=True),
        "processSamples": _SAMPLES.dump_json(response.process_samples, by_alias=True).decode(),
        "warnings": _STRINGS.dump_json(response.warnings).decode(),
    }, ensure_ascii=False)
