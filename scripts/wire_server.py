"""The validating loopback server of scripts/wire-conformance (docs/WIRE.md).

Reads the OpenAPI 3.x document itself (not SpecGen's model) and checks every request against it: the path
against the operation's template, path/query/header/cookie parameters deserialized by their style and explode
(the "Style Values" table of the OpenAPI specification), form bodies by their Encoding Object (deepObject
brackets to any depth, `a[]` arrays), multipart bodies read with Python's `email` package, JSON bodies, and
the operation's security. Deserialized values are coerced by their schema (query text "5" for an integer) and
validated with `jsonschema` (Draft 4 for OpenAPI 3.0 with `nullable` rewritten, 2020-12 for 3.1).

Each request names its case in `X-Wire-Case` (and `X-Wire-Want: success|error`); the server answers with the
case's documented response from wire-cases.json, after validating that body against the spec too.
"""
import base64, copy, email, email.policy, json, re, threading, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def rewrite_nullable(node):
    """OpenAPI 3.0 `nullable: true` as JSON Schema: `null` added to `type` (and `enum`), else `anyOf` with null."""
    if isinstance(node, list):
        return [rewrite_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: rewrite_nullable(value) for key, value in node.items()}
    if isinstance(out.get("pattern"), str):
        out["pattern"] = python_pattern(out["pattern"])
        if out["pattern"] is None:
            del out["pattern"]
    if out.get("nullable") is True:
        del out["nullable"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        elif "type" not in out:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def rewrite_patterns(node):
    if isinstance(node, list):
        return [rewrite_patterns(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: rewrite_patterns(value) for key, value in node.items()}
    if isinstance(out.get("pattern"), str):
        out["pattern"] = python_pattern(out["pattern"])
        if out["pattern"] is None:
            del out["pattern"]
    return out


def python_pattern(pattern):
    """An ECMA-262 pattern as Python `re` reads it: `-` after a class escape (`[\\w-.]`) escaped; None when Python
    still cannot compile it (the pattern is then not checked, which only makes the server more lenient)."""
    for candidate in (pattern, re.sub(r"(\\[wdsWDS])-", r"\1\\-", pattern)):
        try:
            re.compile(candidate)
            return candidate
        except re.error:
            continue
    return None


class Spec:
    def __init__(self, document):
        if str(document.get("swagger", "")).startswith("2"):
            import wire_swagger2
            document = wire_swagger2.convert(document)
        self.is31 = str(document.get("openapi", "")).startswith("3.1")
        if not str(document.get("openapi", "")).startswith("3."):
            raise ValueError("the wire server reads OpenAPI 3.x and Swagger 2.0 documents only")
        self.raw = document
        self.doc = rewrite_nullable(document) if not self.is31 else rewrite_patterns(document)
        spec = DRAFT202012 if self.is31 else DRAFT4
        self.registry = Registry().with_resource("urn:spec", Resource.from_contents(self.doc, default_specification=spec))
        self.validator_class = jsonschema.Draft202012Validator if self.is31 else jsonschema.Draft4Validator
        self.validators = {}

    def pointer(self, pointer):
        node = self.doc
        for token in pointer.split("/")[1:]:
            token = urllib.parse.unquote(token).replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def deref(self, node, pointer):
        """Follows `$ref` (local) for parameter, body and response objects; returns (node, its pointer)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 20:
            pointer = node["$ref"][1:]
            node = self.pointer(pointer)
            seen += 1
        return node, pointer

    def resolve(self, schema):
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 30:
            schema = self.pointer(schema["$ref"][1:]) if schema["$ref"].startswith("#") else {}
            seen += 1
        return schema if isinstance(schema, dict) else {}

    def validate(self, value, pointer):
        """jsonschema's messages for `value` against the schema at `pointer` (empty when valid)."""
        validator = self.validators.get(pointer)
        if validator is None:
            fragment = urllib.parse.quote(pointer, safe="/~")
            validator = self.validator_class({"$ref": "urn:spec#" + fragment}, registry=self.registry, format_checker=self.validator_class.FORMAT_CHECKER)
            self.validators[pointer] = validator
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        return ["/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200] for e in errors[:3]]

    # Schema facts for coercion (strings on the wire to the JSON types the schema wants).
    def types(self, schema, depth=0):
        schema = self.resolve(schema)
        found = set()
        kind = schema.get("type")
        if isinstance(kind, str):
            found.add(kind)
        elif isinstance(kind, list):
            found.update(kind)
        if depth < 8:
            for key in ("oneOf", "anyOf", "allOf"):
                for branch in schema.get(key, []):
                    found |= self.types(branch, depth + 1)
        if not found:
            for value in schema.get("enum", []):
                found.add({str: "string", bool: "boolean", int: "integer", float: "number"}.get(type(value), "string"))
            if "properties" in schema or "additionalProperties" in schema:
                found.add("object")
            if "items" in schema:
                found.add("array")
        return found

    def member_schema(self, schema, name, depth=0):
        schema = self.resolve(schema)
        if name in schema.get("properties", {}):
            return schema["properties"][name]
        if depth < 8:
            for key in ("allOf", "oneOf", "anyOf"):
                for branch in schema.get(key, []):
                    found = self.member_schema(branch, name, depth + 1)
                    if found is not None:
                        return found
        additional = schema.get("additionalProperties")
        return additional if isinstance(additional, dict) else None

    def item_schema(self, schema, depth=0):
        schema = self.resolve(schema)
        if isinstance(schema.get("items"), dict):
            return schema["items"]
        if depth < 8:
            for key in ("allOf", "oneOf", "anyOf"):
                for branch in schema.get(key, []):
                    found = self.item_schema(branch, depth + 1)
                    if found is not None:
                        return found
        return None

    def takes_string(self, value, schema, depth=0):
        """True when some branch of the schema accepts the text as a string (its type and enum allow it)."""
        schema = self.resolve(schema)
        branches = schema.get("oneOf", []) + schema.get("anyOf", [])
        if branches and depth < 8:
            return any(self.takes_string(value, branch, depth + 1) for branch in branches)
        kind = schema.get("type")
        kinds = {kind} if isinstance(kind, str) else set(kind or [])
        if kinds and "string" not in kinds:
            return False
        if not kinds and (self.types(schema) - {"string"}):
            return False
        return "enum" not in schema or value in schema["enum"]

    def coerce(self, value, schema, depth=0):
        if schema is None or depth > 40:
            return value
        types = self.types(schema)
        if isinstance(value, dict) and "array" in types and "object" not in types and all(k.isdigit() for k in value):
            value = [value[k] for k in sorted(value, key=int)]
        if isinstance(value, list):
            if "array" not in types and len(value) == 1 and types:
                return self.coerce(value[0], schema, depth + 1)
            item = self.item_schema(schema)
            return [self.coerce(v, item, depth + 1) for v in value]
        if isinstance(value, dict):
            return {k: self.coerce(v, self.member_schema(schema, k), depth + 1) for k, v in value.items()}
        if isinstance(value, str):
            if self.takes_string(value, schema):
                return value
            if value == "" and "null" in types:
                return None
            if "integer" in types and re.fullmatch(r"-?\d+", value):
                return int(value)
            if "number" in types and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", value):
                return float(value) if any(c in value for c in ".eE") else int(value)
            if "boolean" in types and value in ("true", "false"):
                return value == "true"
            if types & {"object", "array"} and value[:1] in ("{", "["):
                # A container nested where the style rules have none (an object inside a form array): SpecGen's
                # documented convention is its JSON text.
                try:
                    return self.coerce(json.loads(value), schema, depth + 1)
                except ValueError:
                    pass
            if "array" in types and "," in value:
                return self.coerce(value.split(","), schema, depth + 1)
        return value


def unquote(text):
    return urllib.parse.unquote(text, errors="strict")


def split_pairs(text):
    pairs = []
    for component in text.split("&") if text else []:
        name, _, value = component.partition("=")
        pairs.append((unquote(name), unquote(value), "=" in component))
    return pairs


def deep_insert(root, tokens, value):
    """`a[b][0][c]` (tokens b, 0, c) into nested dicts; `[]` appends to a list."""
    node = root
    for position, token in enumerate(tokens):
        last = position == len(tokens) - 1
        if token == "":
            if not isinstance(node, list):
                return False
            if last:
                node.append(value)
                return True
            node.append({})
            node = node[-1]
            continue
        if not isinstance(node, dict):
            return False
        if last:
            node[token] = value
            return True
        if token not in node:
            node[token] = [] if tokens[position + 1] == "" else {}
        node = node[token]
    return True


def bracket_tokens(key):
    """`a[b][c]` → ("a", ["b", "c"]); a key without brackets → (key, [])."""
    match = re.fullmatch(r"([^\[\]]*)((?:\[[^\[\]]*\])*)", key)
    if not match:
        return key, None
    return match.group(1), re.findall(r"\[([^\[\]]*)\]", match.group(2))


def deep_object(name, pairs):
    """The deepObject members of `name` among query/form pairs; (value or None, consumed indexes)."""
    holder, consumed, ok = {}, set(), True
    for index, (key, value, _) in enumerate(pairs):
        base, tokens = bracket_tokens(key)
        if base != name or not tokens:
            continue
        consumed.add(index)
        ok = deep_insert(holder, ["v"] + tokens, value) and ok
    return holder.get("v"), consumed, ok


def style_value(raw, style, explode, kind, name, members=None):
    """A path/header value (already cut out) by its style: primitive, array or object. Returns a JSON value."""
    if style == "label":
        if not raw.startswith("."):
            raise ValueError("label style value must start with '.'")
        raw = raw[1:]
        separator = "." if explode else ","
    elif style == "matrix":
        prefix = ";" + name + "="
        if kind == "object" and explode:
            if not raw.startswith(";"):
                raise ValueError("matrix style value must start with ';'")
            return {unquote(k): unquote(v) for k, _, v in (p.partition("=") for p in raw[1:].split(";"))}
        if kind == "array" and explode:
            parts = raw.split(";")[1:]
            if not all(p.startswith(name + "=") for p in parts):
                raise ValueError("matrix exploded array must repeat ;%s=" % name)
            return [unquote(p[len(name) + 1:]) for p in parts]
        if raw == ";" + name:
            return ""
        if not raw.startswith(prefix):
            raise ValueError("matrix style value must start with %r" % prefix)
        raw = raw[len(prefix):]
        separator = ","
    else:
        separator = ","
    if kind == "array":
        return [unquote(p) for p in raw.split(separator)] if raw else []
    if kind == "object":
        parts = raw.split(separator) if raw else []
        if explode:
            return {unquote(k): unquote(v) for k, _, v in (p.partition("=") for p in parts)}
        if len(parts) % 2:
            raise ValueError("object value needs name,value pairs")
        return {unquote(parts[i]): unquote(parts[i + 1]) for i in range(0, len(parts), 2)}
    return unquote(raw)


def kind_of(spec, schema):
    types = spec.types(schema) if schema is not None else {"string"}
    if "array" in types and "object" not in types:
        return "array"
    if "object" in types and "array" not in types and not (types & {"string", "integer", "number", "boolean"}):
        return "object"
    return "primitive"


class WireServer:
    """Holds the document and the cases; `start()` serves on 127.0.0.1 (a free port) in a thread."""

    def __init__(self, document, cases):
        self.spec = Spec(document)
        self.cases = {c["case"]: c for c in cases["cases"]}
        self.server_path = cases.get("serverPath", "")
        self.log = []
        self.lock = threading.Lock()

    def start(self):
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, content_type, payload = owner.handle(self.command, self.path, self.headers, body)
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_TRACE = handle_any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return "http://127.0.0.1:%d" % self.httpd.server_address[1]

    def stop(self):
        self.httpd.shutdown()

    def handle(self, method, target, headers, body):
        try:
            number = int(headers.get("X-Wire-Case", "0"))
        except ValueError:
            number = 0
        want = headers.get("X-Wire-Want", "success")
        case = self.cases.get(number)
        if case is None:
            return 400, "text/plain", b"no such case"
        try:
            problems = self.check(case, method, target, headers, body)
        except Exception as error:  # a request the checks cannot even read is a finding, not a crash
            problems = ["unreadable request: %r" % (error,)]
        response = case["error"] if want == "error" and case.get("error") else case["success"]
        try:
            response_problems = self.check_response(case, response)
        except Exception as error:
            response_problems = ["unreadable response: %r" % (error,)]
        with self.lock:
            self.log.append({"case": number, "want": want, "problems": problems, "responseProblems": response_problems})
        if response is None:
            return 204, None, b""
        content = response.get("body")
        if content is None or response.get("contentType") is None:
            return response["status"], None, b""
        if "json" in response["contentType"]:
            return response["status"], response["contentType"], json.dumps(content).encode()
        return response["status"], response["contentType"], str(content).encode()

    def check_response(self, case, response):
        if response is None or response.get("body") is None or "json" not in (response.get("contentType") or ""):
            return []
        operation_pointer = "/paths/" + case["path"].replace("~", "~0").replace("/", "~1") + "/" + case["method"].lower()
        responses = self.spec.pointer(operation_pointer).get("responses", {})
        key = response["documented"]
        node, pointer = self.spec.deref(responses.get(key), operation_pointer + "/responses/" + key)
        media = (node or {}).get("content", {}).get(response["contentType"])
        if not media or "schema" not in media:
            return []
        return self.spec.validate(response["body"], pointer + "/content/" + response["contentType"].replace("~", "~0").replace("/", "~1") + "/schema")

    # MARK: request checks

    def check(self, case, method, target, headers, body):
        problems = []
        spec = self.spec
        path_key = case["path"]
        item_pointer = "/paths/" + path_key.replace("~", "~0").replace("/", "~1")
        item = spec.pointer(item_pointer)
        operation_pointer = item_pointer + "/" + case["method"].lower()
        operation = item[case["method"].lower()]
        if method != case["method"].upper():
            problems.append("method %s, expected %s" % (method, case["method"].upper()))
        parameters = {}
        for owner, pointer in ((item, item_pointer), (operation, operation_pointer)):
            for index, parameter in enumerate(owner.get("parameters", [])):
                node, node_pointer = spec.deref(parameter, "%s/parameters/%d" % (pointer, index))
                parameters[(node["name"], node["in"])] = (node, node_pointer)
        raw_path, _, query = target.partition("?")
        if not raw_path.startswith(self.server_path):
            problems.append("path %s is not below the server path %s" % (raw_path, self.server_path))
        raw_path = raw_path[len(self.server_path):]
        pairs = split_pairs(query)
        consumed = set()
        security_problems, security_consumed = self.check_security(operation, headers, pairs)
        problems += security_problems
        consumed |= security_consumed
        path_values = self.match_path(path_key, raw_path, problems)
        cookies = self.cookies(headers)
        for (name, location), (parameter, pointer) in parameters.items():
            value, present = None, False
            try:
                if location == "path":
                    present = name in path_values
                    if present:
                        value = self.path_parameter(parameter, path_values[name])
                elif location == "query":
                    value, used = self.query_parameter(parameter, pairs, consumed)
                    present = bool(used)
                    consumed |= used
                elif location == "header":
                    if name.lower() in ("accept", "content-type", "authorization"):
                        continue
                    raw = headers.get(name)
                    present = raw is not None
                    if present:
                        value = style_value(raw, "simple", parameter.get("explode", False), kind_of(spec, parameter.get("schema")), name)
                elif location == "cookie":
                    present = name in cookies
                    if present:
                        value = cookies[name]
            except ValueError as error:
                problems.append("%s parameter %s: %s" % (location, name, error))
                continue
            if not present:
                if parameter.get("required"):
                    problems.append("required %s parameter %s missing" % (location, name))
                continue
            if "content" in parameter:
                media_type, media = next(iter(parameter["content"].items()))
                try:
                    value = json.loads(value)
                except (TypeError, ValueError):
                    problems.append("%s parameter %s: not JSON text" % (location, name))
                    continue
                schema_pointer = pointer + "/content/" + media_type.replace("~", "~0").replace("/", "~1") + "/schema"
            else:
                value = spec.coerce(value, parameter.get("schema"))
                schema_pointer = pointer + "/schema"
            if "schema" in parameter or "content" in parameter:
                problems += ["%s parameter %s%s" % (location, name, m) for m in spec.validate(value, schema_pointer)]
        for index, (key, _, _) in enumerate(pairs):
            if index not in consumed:
                problems.append("undeclared query parameter %s" % key)
        problems += self.check_body(operation, operation_pointer, headers, body)
        return problems

    def match_path(self, template, raw_path, problems):
        pattern, names = "", []
        for literal, name in re.findall(r"([^{]*)(?:\{([^}]*)\})?", template):
            pattern += re.escape(literal)
            if name:
                names.append(name)
                pattern += "([^/?#]*)"
        match = re.fullmatch(pattern, raw_path)
        if not match:
            match = re.fullmatch(pattern, unquote(raw_path)) if "%" in raw_path else None
            if not match:
                problems.append("path %s does not match %s" % (raw_path, template))
                return {}
        return dict(zip(names, match.groups()))

    def path_parameter(self, parameter, raw):
        style = parameter.get("style", "simple")
        kind = kind_of(self.spec, parameter.get("schema"))
        return style_value(raw, style, parameter.get("explode", False), kind, parameter["name"])

    def query_parameter(self, parameter, pairs, consumed):
        """The value of a query parameter by its style; (value, indexes of the pairs it used)."""
        name = parameter["name"]
        style = parameter.get("style", "form")
        explode = parameter.get("explode", style == "form")
        kind = kind_of(self.spec, parameter.get("schema"))
        if style == "deepObject":
            value, used, ok = deep_object(name, pairs)
            if not ok:
                raise ValueError("deepObject keys mix objects and arrays")
            if not used and kind == "primitive":
                # deepObject has no rule for a primitive (Stripe's `anyOf: [integer, ""]`): `name=value`.
                used = {i for i, (k, _, _) in enumerate(pairs) if k == name and i not in consumed}
                value = pairs[min(used)][1] if used else None
            return value, used
        if kind == "object" and explode:
            schema = self.spec.resolve(parameter.get("schema"))
            names = set(schema.get("properties", {}))
            used = {i for i, (k, _, _) in enumerate(pairs) if i not in consumed and (k in names or (not names and "[" not in k))}
            return {pairs[i][0]: pairs[i][1] for i in used}, used
        used = {i for i, (k, _, _) in enumerate(pairs) if k == name and i not in consumed}
        values = [pairs[i][1] for i in sorted(used)]
        if not used:
            return None, used
        delimiter = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
        if kind == "array":
            if explode:
                return values, used
            return (values[0].split(delimiter) if values[0] else []), used
        if kind == "object":
            parts = values[0].split(delimiter)
            if len(parts) % 2:
                raise ValueError("object value needs name,value pairs")
            return {parts[i]: parts[i + 1] for i in range(0, len(parts), 2)}, used
        if len(values) > 1:
            raise ValueError("sent %d times" % len(values))
        return values[0], used

    def cookies(self, headers):
        found = {}
        for header in headers.get_all("Cookie") or []:
            for pair in header.split(";"):
                name, _, value = pair.strip().partition("=")
                if name:
                    found[name] = unquote(value)
        return found

    def check_security(self, operation, headers, pairs):
        requirements = operation.get("security", self.spec.doc.get("security", []))
        if not requirements:
            return [], set()
        schemes = self.spec.doc.get("components", {}).get("securitySchemes", {})
        authorization = headers.get("Authorization") or ""
        cookies = self.cookies(headers)
        for alternative in requirements:
            met, used = True, set()
            for name in alternative:
                scheme, _ = self.spec.deref(schemes.get(name, {}), "")
                kind = scheme.get("type")
                if kind == "http" and scheme.get("scheme", "").lower() == "basic":
                    ok = authorization.startswith("Basic ") and b":" in base64.b64decode(authorization[6:] + "==")
                elif kind in ("oauth2", "openIdConnect") or (kind == "http" and scheme.get("scheme", "").lower() == "bearer"):
                    ok = authorization.startswith("Bearer ") and len(authorization) > 7
                elif kind == "http":
                    ok = authorization.lower().startswith(scheme.get("scheme", "").lower() + " ")
                elif kind == "apiKey":
                    where, key = scheme.get("in"), scheme.get("name")
                    if where == "query":
                        hits = {i for i, (k, _, _) in enumerate(pairs) if k == key}
                        used |= hits
                        ok = bool(hits)
                    elif where == "cookie":
                        ok = key in cookies
                    else:
                        ok = bool(headers.get(key))
                else:
                    ok = False
                met = met and ok
            if met:
                return [], used
        return ["no security alternative met (%s)" % " or ".join("+".join(a) or "none" for a in requirements)], set()

    def check_body(self, operation, operation_pointer, headers, body):
        request_body = operation.get("requestBody")
        if request_body is None:
            return ["unexpected body (%d bytes)" % len(body)] if body else []
        node, pointer = self.spec.deref(request_body, operation_pointer + "/requestBody")
        if not body:
            return ["required body missing"] if node.get("required") else []
        content_type = headers.get("Content-Type") or ""
        base = content_type.split(";")[0].strip().lower()
        content = node.get("content", {})
        media_type = next((m for m in content if m.split(";")[0].strip().lower() == base), None)
        if media_type is None:
            media_type = next((m for m in content if m.endswith("/*") and base.startswith(m[:-1]) or m == "*/*"), None)
        if media_type is None:
            return ["Content-Type %r is not one of %s" % (content_type, ", ".join(content))]
        media = content[media_type] or {}
        schema_pointer = pointer + "/content/" + media_type.replace("~", "~0").replace("/", "~1") + "/schema"
        schema = media.get("schema")
        if schema is None:
            return []
        try:
            if "json" in base:
                value = json.loads(body)
            elif base == "application/x-www-form-urlencoded":
                value = self.form_value(body.decode("utf-8"), media, schema)
            elif base == "multipart/form-data":
                value, problems = self.multipart_value(content_type, body, schema)
                if problems:
                    return problems
            else:
                return []
        except ValueError as error:
            return ["body does not parse as %s: %s" % (base, error)]
        return ["body" + m for m in self.spec.validate(value, schema_pointer)]

    def form_value(self, text, media, schema):
        pairs = split_pairs(text)
        encoding = media.get("encoding", {})
        names = []
        for key, _, _ in pairs:
            base, _ = bracket_tokens(key)
            if base not in names:
                names.append(base)
        value = {}
        properties = set(self.spec.resolve(schema).get("properties", {}))
        for name in list(names):
            if name in properties or self.spec.member_schema(schema, name) is not None:
                continue
            # An object member written `form`, exploded (the default): its own members are top-level pairs.
            owner = next((p for p in properties if kind_of(self.spec, self.spec.member_schema(schema, p)) == "object"
                          and encoding.get(p, {}).get("style", "form") == "form" and encoding.get(p, {}).get("explode", True)
                          and self.spec.member_schema(self.spec.member_schema(schema, p), name) is not None), None)
            if owner is not None:
                names.remove(name)
                value.setdefault(owner, {})[name] = next(v for k, v, _ in pairs if k == name)
        for name in names:
            if name in value:
                continue
            rule = encoding.get(name, {})
            style = rule.get("style", "form")
            explode = rule.get("explode", style == "form")
            member_schema = self.spec.member_schema(schema, name)
            kind = kind_of(self.spec, member_schema)
            plain = [v for k, v, _ in pairs if k == name]
            if any(bracket_tokens(k)[0] == name and bracket_tokens(k)[1] for k, _, _ in pairs):
                if style != "deepObject":
                    raise ValueError("member %s sent with brackets but its encoding style is %s" % (name, style))
                member, _, ok = deep_object(name, pairs)
                if not ok:
                    raise ValueError("member %s mixes objects and arrays" % name)
                value[name] = member
            elif kind == "array" and style != "deepObject":
                value[name] = plain if explode else (plain[0].split({"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")) if plain[0] else [])
            elif len(plain) > 1:
                raise ValueError("member %s sent %d times" % (name, len(plain)))
            else:
                value[name] = plain[0]
        return self.spec.coerce(value, schema)

    def multipart_value(self, content_type, body, schema):
        message = email.message_from_bytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body, policy=email.policy.HTTP)
        if message.defects:
            return None, ["multipart defects: %s" % message.defects]
        if not message.is_multipart():
            return None, ["multipart body has no parts"]
        value = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name is None:
                return None, ["multipart part without a name"]
            payload = part.get_payload(decode=True) or b""
            if part.get_filename() is not None:
                member = payload.decode("latin-1")
            elif "json" in (part.get_content_type() or ""):
                member = json.loads(payload)
            else:
                member = self.spec.coerce(payload.decode("utf-8"), self.spec.member_schema(schema, name))
            if name in value:
                value[name] = (value[name] if isinstance(value[name], list) else [value[name]]) + [member]
            else:
                member_schema = self.spec.member_schema(schema, name)
                is_array = member_schema is not None and kind_of(self.spec, member_schema) == "array"
                value[name] = [member] if is_array and not isinstance(member, list) else member
        return value, []
