#!/usr/bin/env python3
"""Baseline: Python Skulk's per-request node-diagnostics path, for NodeAssemblyBenchmark.

What Python Skulk 1.3.0's ``get_node_diagnostics`` does per request on a node with no runners and
no placements (re-implemented here, not copied):

  * ``current_memory``: live, ``psutil.virtual_memory()`` + ``psutil.swap_memory()``;
  * ``identity``, ``disk``, ``system``, ``network``: taken from the node's gossiped state (read
    once at start here, as the state holds them), not re-read per request;
  * ``runtime``: host name, cwd, config-file ``exists``, a few environment variables;
  * ``processes``: ``_collect_process_diagnostics`` -- ``collect()`` of
    ``../shared/bench/py_process_collect.py`` (fresh ``psutil.Process``, recursive children, a full
    ``process_iter()`` sweep for ``vector``, per-process details);
  * the pydantic ``NodeDiagnostics`` built (validation included) with the wire-contract models of
    ``diagnostics-testkit/src/test/resources/python/skulk_wire.py`` (configured as Skulk configures
    its own) and serialized with ``model_dump_json(by_alias=True)``, as FastAPI serves it.

Needs psutil and pydantic 2 in one interpreter. On this project's machines pydantic is in the
pyenv Python and psutil in Debian's (``apt-get install python3-psutil``); run with:

  PYTHONPATH=/usr/lib/python3/dist-packages python3 diagnostics-benchmarks/python/py_node_diagnostics.py

Output: one JSON object: wall-clock median/min/p90 milliseconds over --iterations (after
--warmups), and the median process CPU time per bundle (``time.process_time``), which a busy
shared machine inflates far less than wall time.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import socket
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "diagnostics-testkit/src/test/resources/python"))
for bench in (REPO.parent / "shared/bench", Path("/work/shared/bench")):
    if (bench / "py_process_collect.py").exists():
        sys.path.insert(0, str(bench))
        break

import psutil  # noqa: E402
import skulk_wire as w  # noqa: E402
from py_process_collect import Spawned, collect  # noqa: E402


def gathered_state() -> dict:
    """What the node's state holds for it (gathered once, as gossip does)."""
    du = psutil.disk_usage(os.path.expanduser("~"))
    interfaces = []
    for name, addrs in psutil.net_if_addrs().items():
        for a in addrs:
            if a.family in (socket.AF_INET, socket.AF_INET6):
                interfaces.append(w.NetworkInterfaceInfo(name=name, ip_address=a.address))
    return {
        "identity": w.NodeIdentity(friendly_name=socket.gethostname()),
        "disk": w.DiskUsage(total=w.Memory(in_bytes=du.total), available=w.Memory(in_bytes=du.free)),
        "system": w.SystemPerformanceProfile(),
        "network": w.NodeNetworkInfo(interfaces=interfaces),
    }


def node_diagnostics(node_id: str, state: dict, with_processes: bool = True) -> str:
    vm = psutil.virtual_memory()
    sm = psutil.swap_memory()
    current = w.MemoryUsage(
        ram_total=w.Memory(in_bytes=vm.total), ram_available=w.Memory(in_bytes=vm.available),
        swap_total=w.Memory(in_bytes=sm.total), swap_available=w.Memory(in_bytes=sm.free))
    cwd = os.getcwd()
    runtime = w.NodeRuntimeDiagnostics(
        node_id=node_id, hostname=socket.gethostname(), friendly_name=None, is_master=True,
        master_node_id=node_id, cwd=cwd, config_path="config.yaml",
        config_file_exists=(Path(cwd) / "config.yaml").exists(), skulk_version="1.3.0",
        skulk_commit="Unknown", libp2p_namespace=os.environ.get("SKULK_LIBP2P_NAMESPACE"),
        python_unbuffered=os.environ.get("PYTHONUNBUFFERED") in ("1", "true", "True"),
        tracing_enabled=False, structured_logging_configured=False, logging_ingest_url=None)
    processes = []
    for p in collect() if with_processes else []:
        rss = p.pop("rss")
        processes.append(w.DiagnosticsProcess(
            pid=p["pid"], parent_pid=p["parentPid"], role=p["role"], command=p["command"],
            status=p["status"], cpu_percent=p["cpuPercent"], memory_percent=p["memoryPercent"],
            rss=None if rss is None else w.Memory(in_bytes=rss["inBytes"]),
            elapsed_seconds=p["elapsedSeconds"], is_child_of_skulk=p["isChildOfSkulk"]))
    bundle = w.NodeDiagnostics(
        generated_at=datetime.datetime.now(tz=datetime.timezone.utc).isoformat(),
        runtime=runtime, identity=state["identity"],
        resources=w.NodeResourceDiagnostics(
            current_memory=current, current_wired=None, disk=state["disk"], system=state["system"],
            network=state["network"]),
        processes=processes, supervisor_runners=[], placements=[], warnings=[])
    return bundle.model_dump_json(by_alias=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--warmups", type=int, default=20)
    ap.add_argument("--children", type=int, default=0)
    ap.add_argument("--no-processes", action="store_true",
                    help="leave processes out (to compare with NodeAssemblyBenchmark collectors=noProcesses)")
    args = ap.parse_args()
    spawned = Spawned(300)
    try:
        spawned.children(args.children, 0)
        time.sleep(0.2)
        state = gathered_state()
        for _ in range(args.warmups):
            node_diagnostics("12D3KooWBenchmarkNode", state, not args.no_processes)
        times = []
        cpu = []
        size = 0
        for _ in range(args.iterations):
            t = time.perf_counter()
            c = time.process_time()
            size = len(node_diagnostics("12D3KooWBenchmarkNode", state, not args.no_processes))
            cpu.append((time.process_time() - c) * 1e3)
            times.append((time.perf_counter() - t) * 1e3)
        times.sort()
        print(json.dumps({
            "bench": "py_node_diagnostics",
            "iterations": args.iterations,
            "children": args.children,
            "processes": not args.no_processes,
            "processes_on_machine": len(psutil.pids()),
            "json_chars": size,
            "median_ms": round(statistics.median(times), 4),
            "min_ms": round(times[0], 4),
            "p90_ms": round(times[int(round(0.9 * (len(times) - 1)))], 4),
            "cpu_median_ms": round(statistics.median(cpu), 4),
            "python": sys.version.split()[0],
            "psutil": psutil.__version__,
        }))
    finally:
        spawned.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
