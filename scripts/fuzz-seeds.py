#!/usr/bin/env python3
"""Writes a seed corpus for one fuzz target from ../shared/specs and ../shared/peers.

    scripts/fuzz-seeds.py TARGET OUTDIR [--shared DIR] [--max-bytes N]

Seeds are small (at most --max-bytes each, default 8192) so the fuzzer stays fast: whole files when
they are small, otherwise sub-documents cut from the big specs (path items, schemas, operations),
each written compact and pretty. The output folder is git-ignored (.fuzz/); a small hand-picked
corpus is committed in Fuzz/corpus/<target>/. Deterministic: the same inputs give the same seeds.
"""
import argparse
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files_under(folder, suffixes):
    if not os.path.isdir(folder):
        return []
    found = []
    for base, _, names in os.walk(folder):
        for name in names:
            if name.endswith(suffixes):
                found.append(os.path.join(base, name))
    return sorted(found)


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def subdocuments(value, limit, wanted):
    """Sub-trees whose compact form fits in `limit` bytes, biggest first, at most `wanted`."""
    picked = []

    def walk(node, depth):
        if isinstance(node, (dict, list)):
            text = json.dumps(node, ensure_ascii=False, separators=(",", ":"))
            if 64 <= len(text.encode()) <= limit:
                picked.append(node)
                return
            children = node.values() if isinstance(node, dict) else node
            for child in children:
                walk(child, depth + 1)

    walk(value, 0)
    # Spread the choice over the document instead of taking only the first sub-trees.
    picked.sort(key=lambda node: hashlib.sha1(json.dumps(node, sort_keys=True).encode()).hexdigest())
    return picked[:wanted]


def json_specs(shared):
    return [path for path in files_under(os.path.join(shared, "specs"), (".json",))]


def emit_subdocuments(paths, limit, per_file, emit):
    for path in paths:
        try:
            value = json.loads(read_bytes(path))
        except (ValueError, UnicodeDecodeError):
            continue
        for node in subdocuments(value, limit, per_file):
            emit(json.dumps(node, ensure_ascii=False, separators=(",", ":")).encode())
            emit(json.dumps(node, ensure_ascii=False, indent=2).encode())


def seeds_json(shared, limit, emit):
    for path in files_under(os.path.join(shared, "peers", "JSONTestSuite"), (".json",)):
        emit(read_bytes(path)[:limit])
    emit_subdocuments(json_specs(shared), limit, 60, emit)


def seeds_yaml(shared, limit, emit):
    for path in files_under(os.path.join(shared, "peers", "yaml-test-suite"), ("in.yaml",)):
        emit(read_bytes(path)[:limit])
    for path in files_under(os.path.join(shared, "specs"), (".yaml", ".yml")):
        text = read_bytes(path)
        # Cut the big YAML spec into chunks at line boundaries and keep a spread-out sample of them.
        chunks, chunk, size = [], [], 0
        for line in text.split(b"\n"):
            chunk.append(line)
            size += len(line) + 1
            if size > limit // 2:
                chunks.append(b"\n".join(chunk))
                chunk, size = [], 0
        chunks.sort(key=lambda data: hashlib.sha1(data).hexdigest())
        for data in chunks[:200]:
            emit(data)
    emit_subdocuments(json_specs(shared)[:3], limit, 20, emit)


def seeds_postman(shared, limit, emit):
    paths = files_under(os.path.join(shared, "peers", "postman-code-generators"), (".json",))
    for path in paths:
        data = read_bytes(path)
        if len(data) <= limit:
            emit(data)
    # Big collections: keep the envelope and one item at a time.
    for path in paths:
        try:
            collection = json.loads(read_bytes(path))
        except ValueError:
            continue
        items = collection.get("item") if isinstance(collection, dict) else None
        if not isinstance(items, list):
            continue
        for item in items[:40]:
            small = dict(collection)
            small["item"] = [item]
            data = json.dumps(small, ensure_ascii=False, indent=2).encode()
            if len(data) <= limit:
                emit(data)


def seeds_har(shared, limit, emit):
    for folder in ("requests", "requests-custom", "requests-readme-fork"):
        for path in files_under(os.path.join(shared, "peers", "httpsnippet", folder), (".json",)):
            emit(read_bytes(path)[:limit])


def seeds_openapi(shared, limit, emit):
    for path in json_specs(shared):
        data = read_bytes(path)
        if len(data) <= limit:
            emit(data)
            continue
        # A big spec reduced to its envelope and a few paths, with the components they need left out.
        try:
            spec = json.loads(data)
        except ValueError:
            continue
        paths = spec.get("paths") or {}
        keys = sorted(paths, key=lambda key: hashlib.sha1(key.encode()).hexdigest())
        for key in keys[:15]:
            small = {name: spec[name] for name in ("openapi", "swagger", "info") if name in spec}
            small["paths"] = {key: paths[key]}
            out = json.dumps(small, ensure_ascii=False, indent=1).encode()
            if len(out) <= limit:
                emit(out)


def seeds_overlay(shared, limit, emit):
    # Overlays are rare in the wild: the committed corpus holds hand-written ones. Add spec fragments
    # wrapped as update actions so the target meets realistic JSON values.
    for path in json_specs(shared)[:4]:
        try:
            spec = json.loads(read_bytes(path))
        except ValueError:
            continue
        for node in subdocuments(spec, limit // 2, 10):
            overlay = {"overlay": "1.0.0", "info": {"title": "seed", "version": "1"},
                       "actions": [{"target": "$.paths", "update": node}, {"target": "$.info.x-remove", "remove": True}]}
            emit(json.dumps(overlay, ensure_ascii=False, indent=2).encode())


def refs(node):
    """Every local `#/components/...` or `#/definitions/...` reference below node."""
    found = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                found.add(tuple(ref[2:].split("/")))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def spec_slices(spec, limit, wanted):
    """Whole small documents cut from a big spec: the envelope, one path item and every component it
    reaches (transitively), so the pipeline gets past the reader; the ones that fit in `limit` bytes."""
    paths = spec.get("paths") or {}
    keys = sorted(paths, key=lambda key: hashlib.sha1(key.encode()).hexdigest())
    slices = []
    for key in keys:
        small = {name: spec[name] for name in ("openapi", "swagger", "info", "servers", "host", "basePath",
                                                "security") if name in spec}
        small["paths"] = {key: paths[key]}
        seen, pending = set(), refs(paths[key])
        while pending:
            ref = pending.pop()
            if ref in seen or len(seen) > 40:
                continue
            seen.add(ref)
            node = spec
            for token in ref:
                node = node.get(token.replace("~1", "/").replace("~0", "~")) if isinstance(node, dict) else None
            if node is None:
                continue
            target = small
            for token in ref[:-1]:
                target = target.setdefault(token, {})
            target[ref[-1]] = node
            pending |= refs(node) - seen
        if "components" in spec and "securitySchemes" in (spec["components"] or {}):
            small.setdefault("components", {})["securitySchemes"] = spec["components"]["securitySchemes"]
        if len(json.dumps(small, ensure_ascii=False, separators=(",", ":")).encode()) <= limit:
            slices.append(small)
        if len(slices) >= wanted:
            break
    return slices


def all_specs(shared):
    """Every spec in ../shared/specs as a value (YAML ones through PyYAML when it is installed)."""
    values = []
    for path in files_under(os.path.join(shared, "specs"), (".json", ".yaml", ".yml")):
        try:
            if path.endswith(".json"):
                values.append(json.loads(read_bytes(path)))
            else:
                import yaml
                values.append(yaml.safe_load(read_bytes(path)))
        except Exception:
            continue
    return values


def seeds_pipeline_json(shared, limit, emit):
    for spec in all_specs(shared):
        for small in spec_slices(spec, limit, 25):
            emit(json.dumps(small, ensure_ascii=False, indent=1).encode())


def seeds_pipeline_yaml(shared, limit, emit):
    try:
        import yaml
    except ImportError:
        return
    for spec in all_specs(shared):
        for small in spec_slices(spec, limit // 2, 12):
            emit(yaml.safe_dump(small, allow_unicode=True, sort_keys=False).encode())


TARGETS = {
    "pipeline-json": seeds_pipeline_json,
    "pipeline-yaml": seeds_pipeline_yaml,
    "json": seeds_json,
    "yaml": seeds_yaml,
    "postman": seeds_postman,
    "har": seeds_har,
    "openapi": seeds_openapi,
    "overlay": seeds_overlay,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("outdir")
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--max-bytes", type=int, default=8192)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    written = set()

    def emit(data):
        if not data or len(data) > args.max_bytes:
            return
        digest = hashlib.sha1(data).hexdigest()
        if digest in written:
            return
        written.add(digest)
        with open(os.path.join(args.outdir, digest), "wb") as handle:
            handle.write(data)

    if not os.path.isdir(args.shared):
        print(f"fuzz-seeds: {args.shared} not found; only the committed corpus will be used", file=sys.stderr)
        return
    TARGETS[args.target](args.shared, args.max_bytes, emit)
    print(f"fuzz-seeds: {len(written)} seeds for {args.target} in {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
