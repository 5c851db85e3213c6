"""A stand-in Python runner for the channel interop test: emits RunnerDiagnosticUpdate JSON lines.

Usage: python3 fake_runner.py TOKENS > updates.jsonl
Writes, one compact JSON object per line as pydantic serializes it: a prefill phase (enter, exit
with an MLX snapshot), then TOKENS decode_stream updates with attrs of every kind, with one line
of garbage in the middle that a reader must skip. Flushes after every line, as a runner would.
"""

import sys
from datetime import datetime, timedelta, timezone

from skulk_wire import MlxMemorySnapshot, Memory, RunnerDiagnosticContext, RunnerDiagnosticUpdate

START = datetime(2026, 11, 27, 3, 13, 13, tzinfo=timezone.utc)


def emit(update: RunnerDiagnosticUpdate) -> None:
    sys.stdout.write(update.model_dump_json(by_alias=True) + "\n")
    sys.stdout.flush()


def main() -> int:
    tokens = int(sys.argv[1])
    context = RunnerDiagnosticContext(
        node_id="node-py", runner_id="runner-py", pid=4242, instance_id="instance-1",
        model_id="mlx-community/Llama-3.3-70B-Instruct-4bit", rank=1, world_size=2,
        start_layer=40, end_layer=80, n_layers=80,
    )
    at = lambda seconds: (START + timedelta(seconds=seconds)).isoformat()
    emit(RunnerDiagnosticUpdate(at=at(0), phase="prefill_stream", event="enter",
                                detail="prompt 1873 tokens", context=context, task_id="task-1"))
    emit(RunnerDiagnosticUpdate(
        at=at(1.5), phase="prefill_stream", event="exit", context=context, command_id="cmpl-1",
        mlx_memory=MlxMemorySnapshot(generated_at=at(1.5), active=Memory(in_bytes=38_654_705_664),
                                     peak=Memory(in_bytes=40_802_189_312), source="mlx.core")))
    for token in range(tokens):
        if token == tokens // 2:
            sys.stdout.write("this is not JSON\n")
        emit(RunnerDiagnosticUpdate(
            at=at(2 + token * 0.05), phase="decode_stream", event=f"token_{token}", context=context,
            attrs={"token": token, "tps": 18.25, "stop": token == tokens - 1, "peers": ["node-a", "node-py"],
                   "note": "kv cache hit…"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
