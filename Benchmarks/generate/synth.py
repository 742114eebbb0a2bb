#!/usr/bin/env python3
"""Writes an N-times copy of an OpenAPI document: components.schemas, paths and operationIds duplicated
with renamed keys (suffix _cK, path prefix /cK) and every local $ref rewritten to its copy.
Usage: synth.py DOC.json N OUT.json"""
import json, sys

def rename_refs(node, suffix):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/"):
                parts = value.split("/")
                out[key] = "/".join(parts[:3] + [parts[3] + suffix] + parts[4:])
            else:
                out[key] = rename_refs(value, suffix)
        return out
    if isinstance(node, list):
        return [rename_refs(item, suffix) for item in node]
    return node

doc = json.load(open(sys.argv[1]))
copies = int(sys.argv[2])
result = dict(doc)
result["paths"] = {}
components = {kind: {} for kind in doc.get("components", {})}
for k in range(copies):
    suffix = "" if k == 0 else f"_c{k}"
    for kind, entries in doc.get("components", {}).items():
        if isinstance(entries, dict) and kind != "securitySchemes":
            for name, value in entries.items():
                components[kind][name + suffix] = rename_refs(value, suffix)
        else:
            components[kind] = entries
    for path, item in doc.get("paths", {}).items():
        item = rename_refs(item, suffix)
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                operation["operationId"] += suffix
        result["paths"][("" if k == 0 else f"/c{k}") + path] = item
result["components"] = components
json.dump(result, open(sys.argv[3], "w"), indent=2)  # one line per member, like the original
