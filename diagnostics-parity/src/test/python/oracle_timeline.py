"""Upstream ``API.get_cluster_timeline`` on one ``ClusterDiagnostics``.

Case: the ``ClusterDiagnostics`` JSON that ``get_cluster_diagnostics`` returns (the fan-out itself
is another area's). Result: ``{"localNodeId", "masterNodeId", "runners", "timeline",
"unreachableNodes"}``, each a string holding that section's JSON exactly as pydantic writes it.
"""
import asyncio
import json

from pydantic import TypeAdapter

import upstream_env

_MODULE = upstream_env.load_api(["get_cluster_timeline"])
API = _MODULE.API

from skulk.shared.types import diagnostics as diag  # noqa: E402

_RUNNERS = TypeAdapter(list[diag.ClusterTimelineRunner])
_ENTRIES = TypeAdapter(list[diag.ClusterTimelineEntry])
_UNREACHABLE = TypeAdapter(list[diag.ClusterTimelineUnreachable])


def run(case):
    cluster = diag.ClusterDiagnostics.model_validate_json(json.dumps(case, ensure_ascii=False))
    api = API.__new__(API)

    async def cluster_diagnostics():
        return cluster

    api.get_cluster_diagnostics = cluster_diagnostics
    timeline = asyncio.run(api.get_cluster_timeline())
    return json.dumps({
        "localNodeId": json.dumps(timeline.local_node_id, ensure_ascii=False),
        "masterNodeId": json.dumps(timeline.master_node_id, ensure_ascii=False),
        "runners": _RUNNERS.dump_json(timeline.runners, by_alias=True).decode(),
        "timeline": _ENTRIES.dump_json(timeline.timeline, by_alias=True).decode(),
        "unreachableNodes": _UNREACHABLE.dump_json(timeline.unreachable_nodes, by_alias=True).decode(),
    }, ensure_ascii=False)
