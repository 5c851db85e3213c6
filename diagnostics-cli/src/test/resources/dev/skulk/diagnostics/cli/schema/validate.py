"""Validates documents against a JSON Schema with Python's jsonschema (an independent validator).

Usage: validate.py SCHEMA DOC... ; prints one line per document: "valid NAME" or
"invalid NAME: <first error>". Exit 0 unless the schema itself is not a valid draft 2020-12 schema (2).
"""
import json
import os
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
try:
    jsonschema.Draft202012Validator.check_schema(schema)
except jsonschema.SchemaError as e:
    print("bad schema: " + e.message)
    sys.exit(2)
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    name = os.path.basename(path)
    if errors:
        print("invalid " + name + ": " + "/".join(str(p) for p in errors[0].absolute_path) + ": " + errors[0].message)
    else:
        print("valid " + name)
