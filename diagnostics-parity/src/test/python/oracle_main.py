"""Differential-test driver: runs upstream Python Skulk functions on cases sent by the Java tests.

Usage: ``python3 oracle_main.py UPSTREAM_SRC AREA`` with one JSON case per stdin line. The module
``oracle_<AREA>.py`` next to this file defines ``run(case)``; for each case this driver writes one
line: ``OK `` followed by the result (a ``str`` is written as it is, so an area can return JSON
exactly as upstream's pydantic serializes it; anything else is written with ``json.dumps``), or
``ERR `` followed by the error and its traceback as a JSON string. A result is one line (JSON
escapes its newlines). Output is UTF-8 whatever the
locale.
"""
import importlib
import io
import json
import os
import sys
import traceback


def main():
    upstream_src, area = sys.argv[1], sys.argv[2]
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import upstream_env

    upstream_env.install(upstream_src)
    handler = importlib.import_module("oracle_" + area)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    for line in stdin:
        if not line.strip():
            continue
        try:
            result = handler.run(json.loads(line))
            text = result if isinstance(result, str) else json.dumps(
                result, ensure_ascii=False, separators=(",", ":"))
            if "\n" in text or "\r" in text:
                raise ValueError("a result must be one line of JSON")
            out.write("OK " + text + "\n")
        except Exception:  # the Java side reports it against the case
            out.write("ERR " + json.dumps(traceback.format_exc()) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
