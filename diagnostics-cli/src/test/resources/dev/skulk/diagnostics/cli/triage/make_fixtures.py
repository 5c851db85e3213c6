"""Writes the triage and diff fixtures, field for field as the spec orders them, the way a Python
Skulk node writes its bundles (json.dumps compact, Python float reprs, isoformat() timestamps).

Checked on 2026-12-01: each file, handed to the strict pydantic models of the interop tests
(diagnostics-testkit/src/test/resources/python/skulk_wire.py: extra="forbid", strict=True), validates
and comes back from model_dump_json(by_alias=True) byte for byte, so these are what a Python peer writes.

Run from this folder: python3 make_fixtures.py. The files are committed; this script only documents
how they were made and lets them be regenerated after a deliberate change.
"""
import json
from datetime import datetime, timedelta, timezone

GIB = 1024 ** 3
T0 = datetime(2026, 11, 27, 3, 13, 13, 500000, tzinfo=timezone.utc)
STUDIO = "12D3KooWStudioAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
KITE = "12D3KooWKiteBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
OFFLINE = "12D3KooWOfflineCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"
INSTANCE = "instance-7f3a9c2e-llama"
MODEL = "mlx-community/Llama-3.3-70B-Instruct-4bit"


def ts(seconds_before):
    return (T0 - timedelta(seconds=seconds_before)).isoformat()


def mem(n):
    return {"inBytes": n}


def memory(total, avail, swap_total, swap_avail):
    return {"ramTotal": mem(total), "ramAvailable": mem(avail), "swapTotal": mem(swap_total), "swapAvailable": mem(swap_avail)}


def runtime(node, name, master):
    return {"nodeId": node, "hostname": name + ".local", "friendlyName": name, "isMaster": node == master,
            "masterNodeId": master, "cwd": "/Users/ops", "configPath": "/Users/ops/.skulk/config.toml",
            "configFileExists": True, "skulkVersion": "1.3.0", "skulkCommit": "32275ad", "libp2PNamespace": None,
            "pythonUnbuffered": True, "tracingEnabled": False, "structuredLoggingConfigured": False,
            "loggingIngestUrl": None}


def resources(mem_usage, wired=None):
    return {"gatheredMemory": mem_usage, "currentMemory": mem_usage, "currentWired": None if wired is None else mem(wired),
            "disk": {"total": mem(1995218165760), "available": mem(412316860416)}, "system": None, "network": None}


def context(node, runner, rank, world, start, end, pid):
    return {"nodeId": node, "runnerId": runner, "pid": pid, "instanceId": INSTANCE, "modelId": MODEL, "rank": rank,
            "worldSize": world, "startLayer": start, "endLayer": end, "nLayers": 80}


def entry(at, phase, event, ctx, task=None, detail=None):
    return {"at": at, "phase": phase, "event": event, "detail": detail, "attrs": {}, "context": ctx,
            "taskId": task, "commandId": None, "mlxMemory": None}


def task(task_id, runner, status="Running"):
    return {"taskId": task_id, "taskKind": "TextGeneration", "taskStatus": status, "instanceId": INSTANCE,
            "commandId": "cmd-" + task_id, "runnerId": runner, "modelId": MODEL}


def runner(node, runner_id, rank, world, start, end, pid, alive, status, phase, seconds_in_phase, *,
           exit_code=None, last_progress=None, active_task=None, in_progress=(), completed=0, entries=(),
           instance=INSTANCE, seconds_in_status=600.0, now=None):
    now = T0 if now is None else now

    def at(seconds_before):
        return (now - timedelta(seconds=seconds_before)).isoformat()

    return {"runnerId": runner_id, "instanceId": instance, "nodeId": node, "modelId": MODEL, "deviceRank": rank,
            "worldSize": world, "startLayer": start, "endLayer": end, "nLayers": 80, "pid": pid,
            "processAlive": alive, "exitCode": exit_code, "statusKind": status, "statusSince": at(seconds_in_status),
            "secondsInStatus": seconds_in_status, "phase": phase, "phaseStartedAt": at(seconds_in_phase),
            "secondsInPhase": seconds_in_phase, "lastProgressAt": last_progress, "activeTaskId": active_task,
            "activeCommandId": None if active_task is None else "cmd-" + active_task, "phaseDetail": None,
            "lastMlxMemory": None, "flightRecorder": list(entries), "pendingTaskIds": [],
            "inProgressTasks": list(in_progress), "completedTaskCount": completed, "cancelledTaskIds": [],
            "lastTaskSentAt": None, "lastEventReceivedAt": None, "lastEventType": None, "milestones": []}


def placement_runner(node, runner_id, rank, world, start, end, master, local, status="RunnerRunning", tasks=()):
    return {"runnerId": runner_id, "nodeId": node, "friendlyName": None, "statusKind": status, "deviceRank": rank,
            "worldSize": world, "startLayer": start, "endLayer": end, "nLayers": 80, "isLocal": node == local,
            "isMaster": node == master, "tasks": list(tasks)}


def placement(master, local, nodes, runners, warnings=()):
    return {"instanceId": INSTANCE, "modelId": MODEL, "masterNodeId": master, "masterIsPlacementNode": master in nodes,
            "localNodeIsPlacementNode": local in nodes, "placementNodeIds": nodes, "runners": runners,
            "warnings": list(warnings)}


def process(pid, parent, role, command):
    return {"pid": pid, "parentPid": parent, "role": role, "command": command, "status": "running",
            "cpuPercent": 1.5, "memoryPercent": 0.5, "rss": mem(512 * 1024 * 1024), "elapsedSeconds": 3600.0,
            "isChildOfSkulk": True}


def node(generated_at, node_id, name, master, res, runners=(), placements=(), warnings=(), processes=()):
    return {"generatedAt": generated_at, "runtime": runtime(node_id, name, master), "identity": None, "resources": res,
            "processes": list(processes), "supervisorRunners": list(runners), "placements": list(placements),
            "warnings": sorted(warnings)}


def write(name, doc):
    with open(name, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, separators=(",", ":"), ensure_ascii=False))
        f.write("\n")


HEALTHY = memory(206158430208, 120 * GIB, 0, 0)

# A Python-written cluster view, three ranks across three nodes: rank 0 (studio) has waited in
# decode_barrier for 95.5 s, rank 1 (kite) streams tokens, rank 2's node (offline) did not answer.
r0 = "runner-0-studio-5d1e"
r1 = "runner-1-kite-77aa"
r2 = "runner-2-offline-0b3c"
t = task("task-91c4e0d2", r0)
place_runners = [placement_runner(STUDIO, r0, 0, 3, 0, 27, STUDIO, STUDIO, tasks=[t]),
                 placement_runner(KITE, r1, 1, 3, 27, 54, STUDIO, STUDIO, tasks=[t]),
                 placement_runner(OFFLINE, r2, 2, 3, 54, 80, STUDIO, STUDIO, tasks=[t])]
studio_ctx = context(STUDIO, r0, 0, 3, 0, 27, 4242)
kite_ctx = context(KITE, r1, 1, 3, 27, 54, 5151)
studio = node(ts(0.25), STUDIO, "studio", STUDIO, resources(HEALTHY, 40 * GIB),
              runners=[runner(STUDIO, r0, 0, 3, 0, 27, 4242, True, "RunnerRunning", "decode_barrier", 95.5,
                              last_progress=ts(95.5), active_task="task-91c4e0d2", in_progress=[t], completed=12,
                              entries=[entry(ts(96.0), "decode_stream", "token", studio_ctx, "task-91c4e0d2"),
                                       entry(ts(95.5), "decode_barrier", "enter", studio_ctx, "task-91c4e0d2")])],
              placements=[placement(STUDIO, STUDIO, [STUDIO, KITE, OFFLINE], place_runners)])
kite = node(ts(1.0), KITE, "kite", STUDIO, resources(HEALTHY, 38 * GIB),
            runners=[runner(KITE, r1, 1, 3, 27, 54, 5151, True, "RunnerRunning", "decode_stream", 2.25,
                            last_progress=ts(1.25), active_task="task-91c4e0d2", in_progress=[t], completed=12,
                            entries=[entry(ts(3.5), "decode_barrier", "exit", kite_ctx, "task-91c4e0d2"),
                                     entry(ts(1.25), "decode_stream", "token", kite_ctx, "task-91c4e0d2")])],
            placements=[placement(STUDIO, KITE, [STUDIO, KITE, OFFLINE], place_runners)])
write("python-cluster-unreachable-peer.json", {
    "generatedAt": T0.isoformat(), "localNodeId": STUDIO, "masterNodeId": STUDIO,
    "nodes": [{"nodeId": STUDIO, "url": None, "ok": True, "diagnostics": studio, "error": None},
              {"nodeId": KITE, "url": "http://192.168.1.21:52415", "ok": True, "diagnostics": kite, "error": None},
              {"nodeId": OFFLINE, "url": "http://192.168.1.22:52415", "ok": False, "diagnostics": None,
               "error": "ConnectError: All connection attempts failed"}]})

# One node with most things wrong at once: a dead runner with work, a dead runner its supervisor
# missed, a busy runner without progress, a lone rank stuck at a barrier, RAM and swap pressure,
# a master outside the placement and a failed collector.
other = "12D3KooWMasterDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD"
dead_task = task("task-dead-0001", "runner-dead-with-work")
quiet_task = task("task-quiet-0002", "runner-quiet")
lone = "instance-lone-stuck"
trouble = node(ts(0), STUDIO, "studio", other, resources(memory(64 * GIB, 3 * GIB, 8 * GIB, 2 * GIB)),
               runners=[
                   runner(STUDIO, "runner-dead-with-work", 0, 2, 0, 40, 4242, False, "RunnerRunning", "prefill_stream", 12.0,
                          exit_code=-9, last_progress=ts(12.0), active_task="task-dead-0001", in_progress=[dead_task]),
                   runner(STUDIO, "runner-dead-idle", 1, 2, 40, 80, 4343, False, "RunnerIdle", "idle", 400.0,
                          exit_code=1, last_progress=ts(400.0)),
                   runner(STUDIO, "runner-quiet", 0, 1, 0, 80, 4444, True, "RunnerRunning", "prefill_stream", 310.0,
                          last_progress=ts(300.0), active_task="task-quiet-0002", in_progress=[quiet_task],
                          instance="instance-quiet-prefill"),
                   runner(STUDIO, "runner-lonely", 0, 2, 0, 40, 4545, True, "RunnerConnecting", "connect_group", 120.0,
                          last_progress=ts(120.0), instance=lone)],
               placements=[placement(other, STUDIO, [STUDIO, KITE],
                                     [placement_runner(STUDIO, "runner-dead-with-work", 0, 2, 0, 40, other, STUDIO),
                                      placement_runner(KITE, "runner-dead-idle", 1, 2, 40, 80, other, STUDIO)],
                                     warnings=["Current master is not a placement node for this instance."])],
               warnings=["Current master is not a placement node for this instance.",
                         "Collector oshi-network failed: IllegalStateException: no interfaces"])
write("node-many-problems.json", trouble)

# No live runner and 7.5 GiB wired: the leak Python Skulk warns about, in its own words.
leak_text = ("Likely leaked wired memory: 7.5 GB wired with no live runners. An abnormal Metal termination "
             "(warmup wedge or GPU timeout) can leave wired memory the OS only reclaims on reboot, causing false "
             "'insufficient memory' placements and decode timeouts. Reboot this node to reclaim it.")
write("node-leaked-wired.json", node(ts(0), KITE, "kite", KITE, resources(HEALTHY, int(7.5 * GIB)),
                                     runners=[runner(KITE, "runner-gone", 0, 1, 0, 80, None, False, "RunnerFailed",
                                                     "error", 30.0)],
                                     warnings=[leak_text]))

# Clocks: the peer kite stamped its bundle 42.5 s after the cluster view was finished; offline is
# 31 s behind the start of the collection.
ok_studio = node(ts(2.0), STUDIO, "studio", STUDIO, resources(HEALTHY))
write("cluster-clock-offsets.json", {
    "generatedAt": T0.isoformat(), "localNodeId": STUDIO, "masterNodeId": STUDIO,
    "nodes": [{"nodeId": STUDIO, "url": None, "ok": True, "diagnostics": ok_studio, "error": None},
              {"nodeId": KITE, "url": "http://192.168.1.21:52415", "ok": True,
               "diagnostics": node(ts(-42.5), KITE, "kite", STUDIO, resources(HEALTHY)), "error": None},
              {"nodeId": OFFLINE, "url": "http://192.168.1.22:52415", "ok": True,
               "diagnostics": node(ts(33.0), OFFLINE, "offline", STUDIO, resources(HEALTHY)), "error": None}]})

# A timeline whose kite entries postdate it by 8.25 s.
write("timeline-clock-ahead.json", {
    "generatedAt": T0.isoformat(), "localNodeId": STUDIO, "masterNodeId": STUDIO,
    "runners": [{"nodeId": STUDIO, "runnerId": r0, "instanceId": INSTANCE, "modelId": MODEL, "deviceRank": 0,
                 "worldSize": 2, "pid": 4242, "processAlive": True, "statusKind": "RunnerRunning",
                 "phase": "decode_stream", "phaseDetail": None, "secondsInPhase": 0.5, "lastProgressAt": ts(0.5),
                 "activeTaskId": "task-91c4e0d2", "activeCommandId": None, "lastMlxMemory": None},
                {"nodeId": KITE, "runnerId": r1, "instanceId": INSTANCE, "modelId": MODEL, "deviceRank": 1,
                 "worldSize": 2, "pid": 5151, "processAlive": True, "statusKind": "RunnerRunning",
                 "phase": "decode_stream", "phaseDetail": None, "secondsInPhase": 0.25, "lastProgressAt": ts(-8.25),
                 "activeTaskId": "task-91c4e0d2", "activeCommandId": None, "lastMlxMemory": None}],
    "timeline": [{"at": ts(0.5), "nodeId": STUDIO, "runnerId": r0, "deviceRank": 0, "worldSize": 2,
                  "phase": "decode_stream", "event": "token", "detail": None, "attrs": {}, "taskId": "task-91c4e0d2",
                  "commandId": None, "mlxMemory": None},
                 {"at": ts(-8.25), "nodeId": KITE, "runnerId": r1, "deviceRank": 1, "worldSize": 2,
                  "phase": "decode_stream", "event": "token", "detail": None, "attrs": {}, "taskId": "task-91c4e0d2",
                  "commandId": None, "mlxMemory": None}],
    "unreachableNodes": []})

# Healthy: one node, two live ranks decoding, nothing to report.
h0 = runner(STUDIO, r0, 0, 2, 0, 40, 4242, True, "RunnerRunning", "decode_stream", 0.5, last_progress=ts(0.5),
            active_task="task-91c4e0d2", in_progress=[t], completed=3)
h1 = runner(STUDIO, r1, 1, 2, 40, 80, 4243, True, "RunnerRunning", "decode_stream", 0.25, last_progress=ts(0.25),
            active_task="task-91c4e0d2", in_progress=[t], completed=3)
write("node-healthy.json", node(ts(0), STUDIO, "studio", STUDIO, resources(HEALTHY, 40 * GIB), runners=[h0, h1],
                                placements=[placement(STUDIO, STUDIO, [STUDIO], [
                                    placement_runner(STUDIO, r0, 0, 2, 0, 40, STUDIO, STUDIO, tasks=[t]),
                                    placement_runner(STUDIO, r1, 1, 2, 40, 80, STUDIO, STUDIO, tasks=[t])])]))


# The same cluster 12.5 s later, for diff: rank 0 has not moved (wedged), rank 1 streamed 40 more
# tokens and finished a task, the offline node answers again, a resource tracker was replaced, kite's
# RAM shrank and a warning moved from kite to studio.
T1 = T0 + timedelta(seconds=12.5)


def ts1(seconds_before):
    return (T1 - timedelta(seconds=seconds_before)).isoformat()


TRACKER_OLD = process(4300, 812, "python", "/opt/homebrew/bin/python3 -c from multiprocessing.resource_tracker import main;main(7)")
TRACKER_NEW = process(4400, 812, "python", "/opt/homebrew/bin/python3 -c from multiprocessing.resource_tracker import main;main(9)")
SKULK = process(812, 1, "skulk", "/opt/homebrew/bin/python3 -m skulk --api-key <redacted>")
STALE = "Runner runner-1…77aa still reports TextGeneration:task-91c…e0d2 in progress, but cluster state no longer tracks that task."
WEDGED = "Runner runner-0…5d1e is still alive with 1 in-progress task(s), but event-sourced state shows no active tasks for instance instance…lama."
studio_before = dict(studio, processes=[SKULK, TRACKER_OLD])
kite_before = dict(kite, warnings=[STALE])
write("diff-old-cluster.json", {
    "generatedAt": T0.isoformat(), "localNodeId": STUDIO, "masterNodeId": STUDIO,
    "nodes": [{"nodeId": STUDIO, "url": None, "ok": True, "diagnostics": studio_before, "error": None},
              {"nodeId": KITE, "url": "http://192.168.1.21:52415", "ok": True, "diagnostics": kite_before, "error": None},
              {"nodeId": OFFLINE, "url": "http://192.168.1.22:52415", "ok": False, "diagnostics": None,
               "error": "ConnectError: All connection attempts failed"}]})
offline_ctx = context(OFFLINE, r2, 2, 3, 54, 80, 6161)
kite_entries = [entry(ts(3.5), "decode_barrier", "exit", kite_ctx, "task-91c4e0d2"),
                entry(ts(1.25), "decode_stream", "token", kite_ctx, "task-91c4e0d2")]
kite_entries += [entry(ts1(10.0 - i * 0.25), "decode_stream", "token", kite_ctx, "task-91c4e0d2") for i in range(39)]
kite_entries += [entry(ts1(0.5), "completion", "done", kite_ctx, "task-91c4e0d2")]
studio_after = node(ts1(0.25), STUDIO, "studio", STUDIO, resources(HEALTHY, 40 * GIB),
                    runners=[runner(STUDIO, r0, 0, 3, 0, 27, 4242, True, "RunnerRunning", "decode_barrier", 108.0,
                                    last_progress=ts(95.5), active_task="task-91c4e0d2", in_progress=[t], completed=12, now=T1, seconds_in_status=612.5,
                                    entries=[entry(ts(96.0), "decode_stream", "token", studio_ctx, "task-91c4e0d2"),
                                             entry(ts(95.5), "decode_barrier", "enter", studio_ctx, "task-91c4e0d2")])],
                    placements=[placement(STUDIO, STUDIO, [STUDIO, KITE, OFFLINE], place_runners)],
                    processes=[SKULK, TRACKER_NEW], warnings=[WEDGED])
kite_after = node(ts1(1.0), KITE, "kite", STUDIO, resources(memory(206158430208, int(118.5 * GIB), 0, 0), 41 * GIB),
                  runners=[runner(KITE, r1, 1, 3, 27, 54, 5151, True, "RunnerRunning", "completion", 0.5,
                                  last_progress=ts1(0.5), active_task="task-91c4e0d2", in_progress=[t], completed=13, now=T1,
                                  entries=kite_entries)],
                  placements=[placement(STUDIO, KITE, [STUDIO, KITE, OFFLINE], place_runners)])
offline_after = node(ts1(2.0), OFFLINE, "offline", STUDIO, resources(HEALTHY, 39 * GIB),
                     runners=[runner(OFFLINE, r2, 2, 3, 54, 80, 6161, True, "RunnerRunning", "decode_barrier", 104.0,
                                     last_progress=ts1(104.0), active_task="task-91c4e0d2", in_progress=[t],
                                     completed=12, now=T1)])
write("diff-new-cluster.json", {
    "generatedAt": T1.isoformat(), "localNodeId": STUDIO, "masterNodeId": STUDIO,
    "nodes": [{"nodeId": STUDIO, "url": None, "ok": True, "diagnostics": studio_after, "error": None},
              {"nodeId": KITE, "url": "http://192.168.1.21:52415", "ok": True, "diagnostics": kite_after, "error": None},
              {"nodeId": OFFLINE, "url": "http://192.168.1.22:52415", "ok": True, "diagnostics": offline_after,
               "error": None}]})
