"""Writes the realistic bundle fixtures exactly as a Python Skulk node would serve them.

pydantic_core.to_json is the serializer behind model_dump_json: the same compact separators,
float digits (1e-7, 1e+16) and raw UTF-8. Dicts keep the spec's field order. Needs only a local
pydantic (no network); run from this directory:  python3 make-bundles.py
"""
import copy

import pydantic_core

NODE_A = "12D3KooWLocalNodeAaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
NODE_B = "12D3KooWPeerNodeBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
NODE_C = "12D3KooWDeadNodeCcccccccccccccccccccccccccccccc"
INSTANCE = "5f0c2a9e-8d41-4c8b-9a57-3e2f1d0c9b8a"
RUNNER_0 = "a1b2c3d4-0000-4000-8000-000000000000"
RUNNER_1 = "a1b2c3d4-1111-4111-8111-111111111111"
TASK = "7e57a5c3-9b1d-4f2e-8a6c-1d2e3f4a5b6c"
COMMAND = "chatcmpl-3f9a1c"
MODEL = "mlx-community/Llama-3.3-70B-Instruct-4bit"


def mem(n):
    return {"inBytes": n}


def mlx(at, active, cache, peak, wired):
    return {"generatedAt": at, "active": mem(active), "cache": mem(cache), "peak": mem(peak),
            "wiredLimit": None if wired is None else mem(wired), "source": "mlx.core"}


def context(rank, runner, pid):
    return {"nodeId": NODE_A, "runnerId": runner, "pid": pid, "instanceId": INSTANCE, "modelId": MODEL,
            "rank": rank, "worldSize": 2, "startLayer": 0 if rank == 0 else 40,
            "endLayer": 40 if rank == 0 else 80, "nLayers": 80}


def task(status, runner):
    return {"taskId": TASK, "taskKind": "TextGeneration", "taskStatus": status, "instanceId": INSTANCE,
            "commandId": COMMAND, "runnerId": runner, "modelId": MODEL}


def entry(at, phase, event, detail, attrs, rank, runner, pid, memory=None):
    return {"at": at, "phase": phase, "event": event, "detail": detail, "attrs": attrs,
            "context": context(rank, runner, pid), "taskId": TASK, "commandId": COMMAND, "mlxMemory": memory}


def node_bundle():
    decode_memory = mlx("2026-11-27T03:13:13.123456+00:00", 38654705664, 2147483648, 40802189312, None)
    return {
        "generatedAt": "2026-11-27T03:13:14.500000+00:00",
        "runtime": {
            "nodeId": NODE_A, "hostname": "studio-a.local", "friendlyName": "Studio A \u2014 rack 2",
            "isMaster": True, "masterNodeId": NODE_A, "cwd": "/Users/ops/skulk",
            "configPath": "/Users/ops/.skulk/config.toml", "configFileExists": True,
            "skulkVersion": "0.9.3", "skulkCommit": "4f1c2d9", "libp2PNamespace": "skulk-lab",
            "pythonUnbuffered": True, "tracingEnabled": False, "structuredLoggingConfigured": True,
            "loggingIngestUrl": "https://logs.example.net/ingest?tenant=lab",
        },
        "identity": {"modelId": "Mac15,14", "chipId": "Apple M2 Ultra", "friendlyName": "Studio A \u2014 rack 2",
                     "osVersion": "15.1", "osBuildVersion": "24B83", "skulkVersion": "0.9.3",
                     "skulkCommit": "4f1c2d9"},
        "resources": {
            "gatheredMemory": {"ramTotal": mem(206158430208), "ramAvailable": mem(61847529062),
                               "swapTotal": mem(0), "swapAvailable": mem(-1048576)},
            "currentMemory": {"ramTotal": mem(206158430208), "ramAvailable": mem(60129542144),
                              "swapTotal": mem(9007199254740993), "swapAvailable": mem(0)},
            "currentWired": mem(133143986176),
            "disk": {"total": mem(1995218165760), "available": mem(412316860416)},
            "system": {"gpuUsage": 97.5, "temp": 61.25, "sysPower": 143.0, "pcpuUsage": 12.000000000000002,
                       "ecpuUsage": 0.000015,
                       "accelerator": {"vendor": "apple", "name": "Apple GPU", "utilizationRatio": 0.975,
                                       "vramTotalBytes": None, "vramUsedBytes": None, "gttTotalBytes": None,
                                       "powerWatts": 88.4, "temperatureCelsius": 61.25, "clockMhz": 1398}},
            "network": {"interfaces": [
                {"name": "en0", "ipAddress": "192.168.1.20", "interfaceType": "ethernet"},
                {"name": "en0", "ipAddress": "fe80::1c2b:3d4e:5f60:7182", "interfaceType": "ethernet"},
                {"name": "en2", "ipAddress": "169.254.10.2", "interfaceType": "thunderbolt"},
                {"name": "en7", "ipAddress": "10.0.0.7", "interfaceType": "maybe_ethernet"},
                {"name": "utun3", "ipAddress": "100.64.0.3", "interfaceType": "unknown"},
            ]},
        },
        "processes": [
            {"pid": 812, "parentPid": 1, "role": "skulk",
             "command": "/opt/homebrew/bin/python3 -m skulk --api-key <redacted>", "status": "running",
             "cpuPercent": 3.1, "memoryPercent": 0.4, "rss": mem(734003200), "elapsedSeconds": 86400.0,
             "isChildOfSkulk": True},
            {"pid": 9911, "parentPid": 812, "role": "runner",
             "command": "/opt/homebrew/bin/python3 -c from multiprocessing.spawn import spawn_main",
             "status": "running", "cpuPercent": 101.7, "memoryPercent": 19.5, "rss": mem(40265318400),
             "elapsedSeconds": 1234.5678, "isChildOfSkulk": True},
            {"pid": 20001, "parentPid": None, "role": "vector", "command": "vector --config /etc/vector.toml",
             "status": None, "cpuPercent": None, "memoryPercent": None, "rss": None, "elapsedSeconds": None,
             "isChildOfSkulk": False},
        ],
        "supervisorRunners": [{
            "runnerId": RUNNER_0, "instanceId": INSTANCE, "nodeId": NODE_A, "modelId": MODEL,
            "deviceRank": 0, "worldSize": 2, "startLayer": 0, "endLayer": 40, "nLayers": 80,
            "pid": 9911, "processAlive": True, "exitCode": None, "statusKind": "RunnerRunning",
            "statusSince": "2026-11-27T03:12:58+00:00", "secondsInStatus": 16.5, "phase": "decode_stream",
            "phaseStartedAt": "2026-11-27T03:13:02.000001+00:00", "secondsInPhase": 12.499999,
            "lastProgressAt": "2026-11-27T03:13:13.123456+00:00", "activeTaskId": TASK,
            "activeCommandId": COMMAND, "phaseDetail": "token 412/2048 \u2026 38.2 tok/s",
            "lastMlxMemory": decode_memory,
            "flightRecorder": [
                entry("2026-11-27T03:13:01.900000+00:00", "prefill_stream", "prefill_done", None,
                      {"promptTokens": 3172, "prefillSeconds": 1.0000000000000002e-7, "cacheHit": False,
                       "chunks": ["0-2047", "2048-3171"]}, 0, RUNNER_0, 9911),
                entry("2026-11-27T03:13:02.000001+00:00", "decode_wait_first_token", "first_token",
                      "ttft 0.1s", {"ttftSeconds": 0.1, "rank": 0, "overlap": True}, 0, RUNNER_0, 9911),
                entry("2026-11-27T03:13:13.123456+00:00", "decode_stream", "tokens",
                      "token 412/2048 \u2026 38.2 tok/s \U0001F680",
                      {"generated": 412, "limit": 2048, "tokensPerSecond": 38.2, "stalled": False,
                       "note": "kv \u2248 61% \u2014 ok", "stops": ["</s>", "<|eot_id|>"], "empty": [],
                       "bigCount": 9007199254740993, "tiny": 9.99e-6, "huge": 1e+16, "negZero": -0.0,
                       "whole": 40.0},
                      0, RUNNER_0, 9911, decode_memory),
            ],
            "pendingTaskIds": [],
            "inProgressTasks": [task("Running", RUNNER_0)],
            "completedTaskCount": 17,
            "cancelledTaskIds": ["0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e"],
            "lastTaskSentAt": "2026-11-27T03:13:01+00:00",
            "lastEventReceivedAt": "2026-11-27T03:13:13.123456+00:00",
            "lastEventType": "ChunkGenerated",
            "milestones": [
                {"at": "2026-11-27T03:10:00+00:00", "name": "phase:load_model", "detail": "shards 0-39"},
                {"at": "2026-11-27T03:12:58.500000+00:00", "name": "phase:warmup", "detail": None},
                {"at": "2026-11-27T03:13:02.000001+00:00", "name": "phase:decode_stream", "detail": "first_token"},
            ],
        }],
        "placements": [{
            "instanceId": INSTANCE, "modelId": MODEL, "masterNodeId": NODE_A,
            "masterIsPlacementNode": True, "localNodeIsPlacementNode": True,
            "placementNodeIds": [NODE_A, NODE_B],
            "runners": [
                {"runnerId": RUNNER_0, "nodeId": NODE_A, "friendlyName": "Studio A \u2014 rack 2",
                 "statusKind": "RunnerRunning", "deviceRank": 0, "worldSize": 2, "startLayer": 0, "endLayer": 40,
                 "nLayers": 80, "isLocal": True, "isMaster": True, "tasks": [task("Running", RUNNER_0)]},
                {"runnerId": RUNNER_1, "nodeId": NODE_B, "friendlyName": None, "statusKind": None,
                 "deviceRank": 1, "worldSize": 2, "startLayer": 40, "endLayer": 80, "nLayers": 80,
                 "isLocal": False, "isMaster": False, "tasks": [task("Running", RUNNER_1)]},
            ],
            "warnings": [],
        }],
        "warnings": [
            "Runner a1b2c3d4\u20260000 still reports TextGeneration:7e57a5c3\u20265b6c in progress, "
            "but placement diagnostics show no active task on this runner. \U0001F914",
        ],
    }


def peer_bundle():
    bundle = copy.deepcopy(node_bundle())
    bundle["generatedAt"] = "2026-11-27T03:13:14.012345+00:00"
    runtime = bundle["runtime"]
    runtime.update({"nodeId": NODE_B, "hostname": "studio-b.local", "friendlyName": None, "isMaster": False,
                    "configFileExists": False, "libp2PNamespace": None, "loggingIngestUrl": None,
                    "structuredLoggingConfigured": False})
    bundle["identity"] = {"modelId": "Unknown", "chipId": "Unknown", "friendlyName": "Unknown",
                          "osVersion": "Unknown", "osBuildVersion": "Unknown", "skulkVersion": "Unknown",
                          "skulkCommit": "Unknown"}
    bundle["resources"] = {"gatheredMemory": None, "currentMemory": None, "currentWired": None, "disk": None,
                           "system": {"gpuUsage": 0.0, "temp": 0.0, "sysPower": 0.0, "pcpuUsage": 0.0,
                                      "ecpuUsage": 0.0, "accelerator": None},
                           "network": {"interfaces": []}}
    bundle["processes"] = []
    bundle["supervisorRunners"] = []
    bundle["placements"] = []
    bundle["warnings"] = []
    return bundle


def cluster_bundle():
    return {
        "generatedAt": "2026-11-27T03:13:24.987654+00:00",
        "localNodeId": NODE_A,
        "masterNodeId": NODE_A,
        "nodes": [
            {"nodeId": NODE_A, "url": None, "ok": True, "diagnostics": node_bundle(), "error": None},
            {"nodeId": NODE_B, "url": "http://192.168.1.21:52415", "ok": True, "diagnostics": peer_bundle(),
             "error": None},
            {"nodeId": NODE_C, "url": "http://192.168.1.22:52415", "ok": False, "diagnostics": None,
             "error": "ConnectError: [Errno 61] Connection refused"},
        ],
    }


def write(name, data, indent=None):
    with open(name, "wb") as out:
        out.write(pydantic_core.to_json(data, indent=indent))


write("node-mid-decode.json", node_bundle())
write("node-mid-decode-pretty.json", node_bundle(), indent=2)
write("cluster-with-failed-peer.json", cluster_bundle())
