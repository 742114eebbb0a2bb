"""Swagger 2.0 → OpenAPI 3.0, for the wire server only (scripts/wire_server.py reads 3.x). Written from the two
specifications, independent of SpecGen's own converter: parameters get a `schema` and the style their
`collectionFormat` names (csv → form/simple not exploded, multi → form exploded, ssv → spaceDelimited, pipes →
pipeDelimited), `body` becomes the request body for each media type of `consumes`, `formData` parameters an
object schema for the form or multipart media types (`type: file` → binary string), response schemas a body
for each media type of `produces`, `definitions`/`parameters`/`responses` move under `components`."""
import copy, json

SCHEMA_KEYS = ("type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
               "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf")
REFS = {"#/definitions/": "#/components/schemas/", "#/parameters/": "#/components/parameters/", "#/responses/": "#/components/responses/"}


def rewrite_refs(node):
    if isinstance(node, list):
        return [rewrite_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            for old, new in REFS.items():
                if value.startswith(old):
                    value = new + value[len(old):]
        out[key] = rewrite_refs(value)
    if out.get("type") == "file":
        out["type"], out["format"] = "string", "binary"
    if out.get("x-nullable") is True:
        out["nullable"] = True
    return out


def parameter_schema(parameter):
    schema = {key: copy.deepcopy(parameter[key]) for key in SCHEMA_KEYS if key in parameter}
    if schema.get("type") == "file":
        schema = {"type": "string", "format": "binary"}
    return rewrite_refs(schema)


def convert_parameter(parameter):
    if "$ref" in parameter:
        return rewrite_refs(parameter)
    out = {key: parameter[key] for key in ("name", "in", "description", "required") if key in parameter}
    out["schema"] = parameter_schema(parameter)
    if parameter.get("type") == "array":
        collection = parameter.get("collectionFormat", "csv")
        if parameter["in"] in ("query", "formData"):
            out["style"], out["explode"] = {"multi": ("form", True), "ssv": ("spaceDelimited", False),
                                            "pipes": ("pipeDelimited", False)}.get(collection, ("form", False))
        else:
            out["style"], out["explode"] = "simple", False
    return out


def convert_operation(operation, path_parameters, document):
    out = {key: copy.deepcopy(value) for key, value in operation.items()
           if key not in ("parameters", "responses", "consumes", "produces", "schemes")}
    consumes = operation.get("consumes") or document.get("consumes") or ["application/json"]
    produces = operation.get("produces") or document.get("produces") or ["application/json"]
    parameters, form = [], []
    resolved = {p.get("$ref"): document.get("parameters", {}).get(p["$ref"].split("/")[-1], {}) for p in path_parameters + operation.get("parameters", []) if "$ref" in p}
    merged = {}
    for parameter in path_parameters + operation.get("parameters", []):
        actual = resolved.get(parameter.get("$ref"), parameter) if "$ref" in parameter else parameter
        merged[(actual.get("name"), actual.get("in"))] = actual
    for parameter in merged.values():
        if parameter.get("in") == "body":
            out["requestBody"] = {"required": parameter.get("required", False),
                                  "content": {m: {"schema": rewrite_refs(parameter.get("schema", {}))} for m in consumes}}
        elif parameter.get("in") == "formData":
            form.append(parameter)
        else:
            parameters.append(convert_parameter(parameter))
    if form:
        schema = {"type": "object", "properties": {p["name"]: parameter_schema(p) for p in form}}
        required = [p["name"] for p in form if p.get("required")]
        if required:
            schema["required"] = required
        encoding = {p["name"]: {"style": convert_parameter(p).get("style", "form"), "explode": convert_parameter(p).get("explode", True)}
                    for p in form if p.get("type") == "array"}
        types = [m for m in consumes if m.split(";")[0] in ("application/x-www-form-urlencoded", "multipart/form-data")] or ["application/x-www-form-urlencoded"]
        out["requestBody"] = {"required": bool(required), "content": {m: dict({"schema": schema}, **({"encoding": encoding} if encoding else {})) for m in types}}
    if parameters:
        out["parameters"] = parameters
    out["responses"] = {}
    for status, response in operation.get("responses", {}).items():
        if "$ref" in response:
            out["responses"][status] = rewrite_refs(response)
            continue
        converted = {"description": response.get("description", "")}
        if "schema" in response:
            converted["content"] = {m: {"schema": rewrite_refs(response["schema"])} for m in produces}
        out["responses"][status] = converted
    return out


def convert(document):
    out = {"openapi": "3.0.3", "info": document.get("info", {}), "paths": {},
           "components": {"schemas": rewrite_refs(document.get("definitions", {})), "securitySchemes": {}}}
    if "security" in document:
        out["security"] = document["security"]
    for name, scheme in document.get("securityDefinitions", {}).items():
        if scheme.get("type") == "basic":
            out["components"]["securitySchemes"][name] = {"type": "http", "scheme": "basic"}
        elif scheme.get("type") == "apiKey":
            out["components"]["securitySchemes"][name] = {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in")}
        else:
            out["components"]["securitySchemes"][name] = {"type": "oauth2", "flows": {}}
    for name, parameter in document.get("parameters", {}).items():
        out["components"].setdefault("parameters", {})[name] = convert_parameter(parameter)
    for path, item in document.get("paths", {}).items():
        converted = {}
        for method, operation in item.items():
            if method in ("get", "put", "post", "delete", "patch", "head", "options"):
                converted[method] = convert_operation(operation, item.get("parameters", []), document)
        out["paths"][path] = converted
    return json.loads(json.dumps(out))
