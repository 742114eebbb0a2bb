"""Shared pieces of scripts/schema-differential and scripts/example-roundtrip: reading the documents of
../shared/specs, pruning one API down to the schemas under test, the plain JSON Schema hypothesis-jsonschema
reads, and the reference validators (openapi-schema-validator OAS 3.0 for 3.0 documents, jsonschema
Draft 2020-12 for 3.1), each with and without format assertions."""
import copy, importlib.machinery, importlib.util, json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECS = os.path.join(ROOT, "..", "shared", "specs")


def load_suite_runner():
    """scripts/schema-suite/run as a module: its generate-compile-run harness and its `specgen validate` driver."""
    path = os.path.join(ROOT, "scripts", "schema-suite", "run")
    loader = importlib.machinery.SourceFileLoader("schema_suite_run", path)
    spec = importlib.util.spec_from_loader("schema_suite_run", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def read_document(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    import yaml
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def is_31(document):
    return str(document.get("openapi", "")).startswith("3.1")


def resolve_pointer(document, ref):
    node = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def component_refs(node, found):
    """Names of the component schemas `node` refers to, directly; False for a `$ref` we cannot prune to."""
    ok = True
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                match = re.match(r"^#/components/schemas/([^/]+)", value)
                if match:
                    found.add(match.group(1).replace("~1", "/").replace("~0", "~"))
                else:
                    ok = False
            elif key not in ("example", "examples", "enum", "const", "default"):
                ok = component_refs(value, found) and ok
    elif isinstance(node, list):
        for item in node:
            ok = component_refs(item, found) and ok
    return ok


def reachable_components(document, roots):
    """Every component schema reachable from `roots` (schemas), or None when a `$ref` leaves components/schemas."""
    schemas = document.get("components", {}).get("schemas", {})
    names, queue = set(), []
    for root in roots:
        found = set()
        if not component_refs(root, found):
            return None
        queue += list(found)
    while queue:
        name = queue.pop()
        if name in names or name not in schemas:
            continue
        names.add(name)
        found = set()
        if not component_refs(schemas[name], found):
            return None
        queue += list(found - names)
    return names


def pruned_document(document, subjects):
    """An OpenAPI document of the same version holding each subject schema as component `CNNNN`, an operation
    `cNNNN` with it as JSON request body, a wrapper `WNNNN {value: CNNNN}` (what the generated harness decodes),
    and every component schema the subjects reach, copied unchanged."""
    schemas = document.get("components", {}).get("schemas", {})
    keep = reachable_components(document, subjects) or set()
    components = {name: schemas[name] for name in sorted(keep)}
    paths = {}
    for index, schema in enumerate(subjects):
        name = f"C{index:04d}"
        components[name] = schema
        components[f"W{index:04d}"] = {"type": "object", "required": ["value"],
                                       "properties": {"value": {"$ref": f"#/components/schemas/{name}"}}}
        paths[f"/c{index:04d}"] = {"post": {
            "operationId": f"c{index:04d}",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/W{index:04d}"}}}}}}}
    return {"openapi": document.get("openapi", "3.0.3"), "info": {"title": "schema differential", "version": "1"},
            "paths": paths, "components": {"schemas": components}}


# --- reference validators -------------------------------------------------------------------------------

def reference(document, name):
    """(validate without formats, validate with formats) for component `name` of a pruned `document`."""
    root = {"components": document["components"], "$ref": f"#/components/schemas/{name}"}
    if is_31(document):
        from jsonschema import Draft202012Validator
        plain = Draft202012Validator(root)
        formats = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
    else:
        from openapi_schema_validator import OAS30Validator, oas30_format_checker
        plain = OAS30Validator(root)
        formats = OAS30Validator(root, format_checker=oas30_format_checker)
    return plain, formats


def with_nullable(node):
    """A 3.1 schema where OpenAPI 3.0's `nullable: true` (which 3.1 dropped, but documents such as OpenAI's still
    write) adds null to what the schema allows, as SpecGen reads it: `{anyOf: [{type: null}, schema]}`."""
    if isinstance(node, list):
        return [with_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: (value if key in ("enum", "const", "example", "examples", "default") else with_nullable(value))
           for key, value in node.items() if not (key == "nullable" and value is True)}
    return {"anyOf": [{"type": "null"}, out]} if node.get("nullable") is True else out


def nullable_reference(document, name):
    """Draft 2020-12 with `nullable` honoured, for a 3.1 document that uses it; None otherwise."""
    if not is_31(document) or '"nullable": true' not in json.dumps(document["components"]):
        return None
    from jsonschema import Draft202012Validator
    return Draft202012Validator({"components": with_nullable(document["components"]), "$ref": f"#/components/schemas/{name}"})


def reference_verdicts(plain, formats, instance):
    """(valid without format assertions, valid with them, the first error message without formats)."""
    try:
        error = next(iter(plain.iter_errors(instance)), None)
        with_formats = formats.is_valid(instance)
    except Exception as failure:  # a reference crash is a result too (RecursionError, a bad pattern)
        return None, None, f"reference raised {type(failure).__name__}: {str(failure)[:200]}"
    return error is None, with_formats, (None if error is None else f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")


# --- a plain JSON Schema for hypothesis-jsonschema ------------------------------------------------------

DROPPED = {"discriminator", "xml", "externalDocs", "example", "examples", "deprecated", "readOnly", "writeOnly",
           "description", "title", "default", "$schema", "$id", "$comment", "contentEncoding", "contentMediaType",
           "nullable", "unevaluatedProperties", "$defs", "definitions"}
KNOWN_FORMATS = {"date-time", "date", "time", "email", "uuid", "ipv4", "ipv6", "hostname", "uri"}


def plain_schema(schema, document, openapi31, depth=0, seen=()):
    """`schema` with `$ref`s inlined (a cycle is cut after two turns: `{}`), OpenAPI 3.0 `nullable` and boolean
    exclusive bounds turned into JSON Schema, annotations and unknown formats dropped."""
    if isinstance(schema, bool) or not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        ref = schema["$ref"]
        if seen.count(ref) >= 2 or depth > 40:
            return {}
        target = plain_schema(resolve_pointer(document, ref), document, openapi31, depth + 1, seen + (ref,))
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        if not siblings or not openapi31 and not siblings.get("nullable"):
            return target
        rest = plain_schema(siblings, document, openapi31, depth + 1, seen)
        return {"allOf": [target, rest]} if rest else target
    out = {}
    for key, value in schema.items():
        if key in DROPPED or key.startswith("x-"):
            continue
        if key == "format" and value not in KNOWN_FORMATS:
            continue
        if key in ("properties", "patternProperties", "dependentSchemas"):
            out[key] = {k: plain_schema(v, document, openapi31, depth + 1, seen) for k, v in value.items()}
        elif key in ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                     "additionalItems") and isinstance(value, (dict, bool)):
            out[key] = plain_schema(value, document, openapi31, depth + 1, seen)
        elif key in ("allOf", "anyOf", "oneOf", "prefixItems") and isinstance(value, list):
            out[key] = [plain_schema(v, document, openapi31, depth + 1, seen) for v in value]
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            bound = schema.get("minimum" if key == "exclusiveMinimum" else "maximum")
            if value and bound is not None:
                out[key] = bound
        else:
            out[key] = copy.deepcopy(value)
    if schema.get("exclusiveMinimum") is True and "minimum" in out:
        del out["minimum"]
    if schema.get("exclusiveMaximum") is True and "maximum" in out:
        del out["maximum"]
    if not openapi31 and schema.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else list(out["type"]) + ["null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = list(out["enum"]) + [None]
        if any(k in out for k in ("allOf", "anyOf", "oneOf")) and "type" not in out:
            out = {"anyOf": [{"type": "null"}, out]}
    return out


# --- decode and re-encode through the generated types ------------------------------------------------------

ROUNDTRIP_RUNNER = """import Foundation
import SuiteTypes

/// Decodes `{"value": example}` into the wrapper type and encodes it again; "!undecodable" when it does not decode.
func roundTrip<T: Codable>(_ type: T.Type, _ data: Data) -> String {
    guard let value = try? JSONDecoder().decode(T.self, from: data) else { return "!undecodable" }
    guard let encoded = try? JSONEncoder().encode(value) else { return "!unencodable" }
    return String(decoding: encoded, as: UTF8.self)
}

let cases = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))) as! [[Any]]
var results: [String] = []
for entry in cases {
    results.append(checkers[entry[0] as! Int](Data((entry[1] as! String).utf8)))
}
FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: results))
"""


def run_roundtrip(runner, specgen, document_path, scratch, count, cases):
    """Generates the Swift for `document_path`, compiles it once, and returns per case the re-encoded wrapper JSON
    text or "!undecodable"/"!unencodable"."""
    import subprocess
    out = os.path.join(scratch, "out")
    process = subprocess.run([specgen, "generate", "--spec", document_path, "--output", out, "--swift-only",
                              "--group-files", "0", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if process.returncode != 0:
        raise RuntimeError("specgen generate failed:\n" + process.stdout[-4000:])
    os.makedirs(os.path.join(scratch, "Runner"), exist_ok=True)
    with open(os.path.join(scratch, "Package.swift"), "w") as handle:
        handle.write(runner.PACKAGE)
    checkers = ",\n".join(f"    {{ roundTrip(W{index:04d}.self, $0) }}" for index in range(count))
    with open(os.path.join(scratch, "Runner", "main.swift"), "w") as handle:
        handle.write(ROUNDTRIP_RUNNER.replace("import SuiteTypes\n", "import SuiteTypes\n\nlet checkers: [(Data) -> String] = [\n" + checkers + "\n]\n", 1))
    build = subprocess.run(["nice", "-n", "10", "swift", "build", "--product", "SuiteRunner"], cwd=scratch,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if build.returncode != 0:
        errors = [line for line in build.stdout.splitlines() if ": error: " in line]
        raise RuntimeError("the generated package does not compile:\n" + "\n".join(errors[:30] or [build.stdout[-4000:]]))
    cases_path = os.path.join(scratch, "cases.json")
    with open(cases_path, "w") as handle:
        json.dump([[case["group"], json.dumps({"value": case["data"]})] for case in cases], handle)
    binary = os.path.join(subprocess.run(["swift", "build", "--show-bin-path"], cwd=scratch, stdout=subprocess.PIPE,
                                         text=True, check=True).stdout.strip(), "SuiteRunner")
    run = subprocess.run([binary, cases_path], stdout=subprocess.PIPE, check=True)
    return json.loads(run.stdout)


def json_equal(a, b):
    """JSON equality: numbers by value (1 == 1.0), booleans apart from numbers, member order ignored."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    return type(a) == type(b) and a == b


def first_difference(a, b, path=""):
    """Where two JSON values first differ, as a pointer and the two values (for reports)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in b:
                return f"{path}/{key}: dropped"
            if key not in a:
                return f"{path}/{key}: added {json.dumps(b[key])[:80]}"
            found = first_difference(a[key], b[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}/{index}")
            if found:
                return found
        return None
    return None if json_equal(a, b) else f"{path or '/'}: {json.dumps(a)[:80]} became {json.dumps(b)[:80]}"
