"""Upstream ``API._process_role`` on a fake psutil process.

Case ``{"pid": int, "argv": [str], "currentPid": int, "runnerPids": [int], "windows": bool}``;
result the role (a JSON string). The command passed is ``" ".join(argv)``, as upstream's
``_process_command`` makes it. ``windows`` runs the method with ``pathlib.PureWindowsPath`` as
its ``Path`` (what ``Path`` is on Windows), else ``PurePosixPath``.
"""
import json
import pathlib

import upstream_env

_MODULE = upstream_env.load_api(["_process_role"])
_API = _MODULE.API


class _FakeProcess:
    def __init__(self, pid, argv):
        self.pid = pid
        self._argv = argv

    def cmdline(self):
        return list(self._argv)


def run(case):
    _MODULE.Path = pathlib.PureWindowsPath if case.get("windows") else pathlib.PurePosixPath
    argv = case["argv"]
    role = _API._process_role(
        _FakeProcess(case["pid"], argv),
        " ".join(argv),
        current_pid=case["currentPid"],
        runner_pids=set(case["runnerPids"]),
    )
    return json.dumps(role)
