"""Upstream ``API._short_diagnostics_id``: case ``{"value": str}``, result the short id (a JSON string)."""
import json

import upstream_env

_API = upstream_env.load_api(["_short_diagnostics_id"]).API


def run(case):
    return json.dumps(_API._short_diagnostics_id(case["value"]), ensure_ascii=False)
