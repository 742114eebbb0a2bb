#!/usr/bin/env python3
"""Snippet execution suite: builds and runs every generated snippet against the loopback echo server.

Input is a manifest written by Tests/SpecGenCoreTests/SnippetExecutionTests.swift (the Swift side renders the
snippets with SpecGenCore; this side builds, runs and compares):

  {"echo_url": "http://127.0.0.1:PORT", "out_dir": DIR, "cache_dir": DIR, "ci": false,
   "fixtures": [{"id": "auth0/update-user", "files": {"rel/path": "base64"}, "expected": EXPECTED}],
   "cases": [{"client": "go-native", "fixture": "auth0/update-user", "file": "rel/path.go", "limitation": null}]}

  EXPECTED = {"method": "PATCH", "path": "/api/v2/users/USER_ID", "query": [[name, value]...],
              "headers": [[name, value]...], "multipart": false,
              "body": {"kind": "none"} | {"kind": "json", "value": ...} | {"kind": "text", "base64": "..."}
                    | {"kind": "urlencoded", "pairs": [[n, v]...]}
                    | {"kind": "multipart", "parts": [{"name", "filename", "content_type", "base64"}]}}

Every language's programs are built once per run (one Go module, one cargo project, one javac run per
library, one kotlinc run); then each case runs alone: POST /__reset, run, GET /__requests, compare.

Comparison: method exactly; path percent-decoded; query as (name, value) pairs, order-insensitive across
names but in order for one name; headers by case-insensitive name with every value (repeats kept, or
joined with ", " as HTTP allows); body bytes, JSON compared as JSON, forms as ordered pairs, multipart
part by part (name, file name, content type when described, bytes). Text is compared as UTF-8.

Prints the client x fixture table and totals; exits 1 on any mismatch, run error or build error (and, with
"ci": true, on any missing runtime), else 0.
"""
import base64, concurrent.futures, decimal, json, os, re, shutil, subprocess, sys, time, urllib.parse, urllib.request

HINT = "run scripts/install-snippet-runtimes"
JAVA_LIBS = "/usr/share/java"
OKHTTP_CP = f"{JAVA_LIBS}/okhttp.jar:{JAVA_LIBS}/okio.jar"
UNIREST_CP = ":".join(f"{JAVA_LIBS}/{name}.jar" for name in [
    "unirest-java", "httpclient", "httpcore", "httpasyncclient", "httpcore-nio", "httpmime", "com.android.json",
    "commons-logging", "commons-codec"])
KOTLIN_STDLIB = f"{JAVA_LIBS}/kotlin-stdlib.jar"
GUZZLE_AUTOLOAD = "/usr/share/php/GuzzleHttp/autoload.php"
RUN_TIMEOUT = 60
# Short-lived programs: skip the optimising JIT tier and use the serial collector (faster start, same behaviour).
JVM_FAST_START = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]

# Clients whose programs cannot run on this machine whatever is installed, with the reason.
# GNUstep 1.28's NSURLSession.h lacks two methods Apple's SDK has had since 10.9; the check declares them
# exactly as Apple's headers do, and everything else is checked against GNUstep's own declarations.
APPLE_SESSION_DECLARATIONS = """@interface NSURLSession (AppleSDKDeclarations)
+ (NSURLSession *)sharedSession;
- (NSURLSessionDataTask *)dataTaskWithRequest:(NSURLRequest *)request
    completionHandler:(void (^)(NSData *data, NSURLResponse *response, NSError *error))completionHandler;
@end
"""

NOT_RUNNABLE = {
    "csharp-restsharp": "RestSharp is not packaged for Debian (NuGet is unreachable); emitted, not compiled",
    "objc-nsurlsession": "Debian's GNUstep is built without NSURLSession (and NSURLConnection refuses PATCH): compiled against its headers "
                         "(plus Apple's +sharedSession and -dataTaskWithRequest:completionHandler: declarations, absent in GNUstep 1.28), not run",
}


def strict_json(text):
    """JSON as exact values: numbers as int or Decimal (1e400 stays 1E+400, 0.1e-400 is not 0), and the
    non-JSON constants NaN/Infinity refused, so a client that rounds or overflows a number is caught."""
    def refuse(name):
        raise ValueError("%s is not JSON" % name)
    return json.loads(text, parse_float=decimal.Decimal, parse_constant=refuse)


def same_json(a, b):
    """JSON equality by value: objects by members (order aside), numbers by exact value (1 == 1.0, -0 == 0)."""
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return type(a) is type(b) and a == b
    if isinstance(a, (int, decimal.Decimal)) and isinstance(b, (int, decimal.Decimal)):
        return decimal.Decimal(a) == decimal.Decimal(b)
    if isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[key], b[key]) for key in a)
    return False


def log(message):
    print(message, flush=True)


# ---------------------------------------------------------------------------------------------- echo server

def http(url, method="GET", data=None):
    request = urllib.request.Request(url, method=method, data=data)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def reset(echo):
    http(echo + "/__reset", "POST", b"")


def recorded(echo):
    return json.loads(http(echo + "/__requests"))


# ---------------------------------------------------------------------------------------------- comparison

def header_values(headers, name):
    return [value for key, value in headers if key.lower() == name.lower()]


def split_params(value):
    """Parameters of a header such as Content-Disposition, quoted or not."""
    params = {}
    for match in re.finditer(r';\s*([^=;\s]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)', value):
        key = match.group(1).lower()
        params[key] = match.group(3) if match.group(3) is not None else match.group(2).strip()
    return params


def parse_multipart(content_type, body):
    boundary = split_params(content_type).get("boundary")
    if not boundary:
        return None, "no boundary in Content-Type %r" % content_type
    delimiter = b"--" + boundary.encode()
    if body.strip() in (b"", delimiter + b"--"):
        return [], None
    pieces = body.split(delimiter)
    parts = []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            break
        if piece.startswith(b"\r\n"):
            piece = piece[2:]
        head, separator, content = piece.partition(b"\r\n\r\n")
        if not separator:
            return None, "part without a blank line"
        if content.endswith(b"\r\n"):
            content = content[:-2]
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            if ":" in line:
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
        disposition = split_params("x" + headers.get("content-disposition", "")[len("form-data"):])
        filename = disposition.get("filename")
        if filename is None and "filename*" in disposition:
            filename = urllib.parse.unquote(disposition["filename*"].split("''", 1)[-1])
        name = disposition.get("name")
        if name is None and "name*" in disposition:
            name = urllib.parse.unquote(disposition["name*"].split("''", 1)[-1])
        parts.append({"name": name, "filename": filename,
                      "content_type": headers.get("content-type"), "content": content})
    return parts, None


def compare(expected, got):
    """A list of differences between the described request and the received one (empty when they match)."""
    problems = []
    if got["method"] != expected["method"]:
        problems.append("method %r, expected %r" % (got["method"], expected["method"]))
    # Segment by segment, so an encoded slash (%2F) stays inside its segment.
    segments = lambda path: [urllib.parse.unquote(segment) for segment in path.split("/")]
    if segments(got["path"]) != segments(expected["path"]):
        problems.append("path %r, expected %r" % (got["path"], expected["path"]))
    got_query = urllib.parse.parse_qsl(got["query"], keep_blank_values=True)
    want_query = [tuple(pair) for pair in expected["query"]]
    def by_name(pairs):
        grouped = {}
        for name, value in pairs:
            grouped.setdefault(name, []).append(value)
        return grouped
    if by_name(got_query) != by_name(want_query):
        problems.append("query %r, expected %r" % (got_query, want_query))
    received = got["headers"]
    wanted = {}
    for name, value in expected["headers"]:
        wanted.setdefault(name.lower(), []).append(value)
    for name, values in wanted.items():
        have = header_values(received, name)
        # One field per value, or one field with the values joined by commas (RFC 9110 5.3: same meaning).
        joined = lambda items: re.sub(r"\s*,\s*", ",", ",".join(items))
        if have != values and joined(have) != joined(values):
            problems.append("header %s: %r, expected %r" % (name, have, values))
    body = base64.b64decode(got["body_base64"])
    spec = expected["body"]
    kind = spec["kind"]
    if kind == "none":
        if body:
            problems.append("a body of %d bytes, expected none" % len(body))
    elif kind == "text":
        want = base64.b64decode(spec["base64"])
        if body != want:
            problems.append("body %r, expected %r" % (body[:120], want[:120]))
    elif kind == "json":
        try:
            value = strict_json(body.decode("utf-8"))
            if not same_json(value, spec["value"]):
                problems.append("JSON body %s, expected %s" % (json.dumps(value, default=str)[:160], json.dumps(spec["value"], default=str)[:160]))
        except (UnicodeDecodeError, ValueError) as error:
            problems.append("body is not JSON (%s): %r" % (error, body[:120]))
    elif kind == "urlencoded":
        try:
            pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            pairs = None
        want = [tuple(pair) for pair in spec["pairs"]]
        if pairs != want:
            problems.append("form %r, expected %r" % (pairs, want))
    elif kind == "multipart":
        types = header_values(received, "content-type")
        if len(types) != 1 or not types[0].lower().startswith("multipart/form-data"):
            problems.append("Content-Type %r, expected multipart/form-data with a boundary" % types)
        else:
            parts, error = parse_multipart(types[0], body)
            if error:
                problems.append("multipart: " + error)
            else:
                want = spec["parts"]
                if len(parts) != len(want):
                    problems.append("%d parts %r, expected %d" % (len(parts), [p["name"] for p in parts], len(want)))
                for have, part in zip(parts, want):
                    content = base64.b64decode(part["base64"])
                    if have["name"] != part["name"]:
                        problems.append("part name %r, expected %r" % (have["name"], part["name"]))
                    if part["filename"] is not None and have["filename"] != part["filename"]:
                        problems.append("part %s file name %r, expected %r" % (part["name"], have["filename"], part["filename"]))
                    if part["content_type"] is not None and (have["content_type"] or "").split(";")[0].strip().lower() != part["content_type"].lower():
                        problems.append("part %s content type %r, expected %r" % (part["name"], have["content_type"], part["content_type"]))
                    if have["content"] != content:
                        problems.append("part %s content %r, expected %r" % (part["name"], have["content"][:80], content[:80]))
    return problems


# ---------------------------------------------------------------------------------------------- runners

def tool(*names):
    for name in names:
        if shutil.which(name):
            return shutil.which(name)
    return None


def run(command, cwd, env=None, timeout=RUN_TIMEOUT, stdin=None):
    merged = dict(os.environ)
    merged.update(env or {})
    try:
        result = subprocess.run(command, cwd=cwd, env=merged, capture_output=True, timeout=timeout, input=stdin)
        return result.returncode, (result.stdout + result.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "timed out after %ds" % timeout


class Case:
    def __init__(self, entry, fixture, out_dir):
        self.client = entry["client"]
        self.fixture = fixture
        self.source = os.path.join(out_dir, entry["file"])
        self.workdir = os.path.dirname(self.source)
        self.limitation = entry.get("limitation")
        self.echo = entry.get("echo_url")
        self.status = None      # ok | mismatch | error | build-error | compiled | unsupported | not-runnable | missing
        self.detail = ""
        self.command = None      # how to run it once built
        self.env = None
        self.slug = re.sub(r"[^A-Za-z0-9]", "_", fixture["id"])
        self.module = entry.get("module")          # swift-sdk: the generated module the snippet imports
        self.module_dir = entry.get("module_dir")  # its sources, relative to out_dir


def requires(case, *tools):
    missing = [name for name in tools if not tool(name)]
    if missing:
        case.status, case.detail = "missing", "%s not installed (%s)" % (", ".join(missing), HINT)
        return False
    return True


def prepare(cases, out_dir, cache_dir):
    """Builds what needs building, language by language, and sets each case's run command or final status."""
    by_client = {}
    for case in cases:
        if case.limitation:
            # Not built or run: the client cannot express this request (the reason is printed).
            case.status, case.detail = "unsupported", case.limitation
            continue
        by_client.setdefault(case.client, []).append(case)
    build_root = os.path.join(out_dir, "build")
    os.makedirs(build_root, exist_ok=True)
    python = sys.executable or "python3"

    def simple(client, interpreter, extra_env=None, args=()):
        for case in by_client.get(client, []):
            if requires(case, interpreter):
                case.command = [interpreter, *args, case.source]
                case.env = extra_env

    simple("shell-curl", "sh")
    for case in by_client.get("shell-curl", []):
        if case.command and not tool("curl"):
            case.command, case.status, case.detail = None, "missing", "curl not installed (%s)" % HINT
    simple("shell-wget", "sh")
    for case in by_client.get("shell-wget", []):
        if case.command and not tool("wget"):
            case.command, case.status, case.detail = None, "missing", "wget not installed (%s)" % HINT
    simple("shell-httpie", "sh")
    for case in by_client.get("shell-httpie", []):
        if case.command and not tool("http"):
            case.command, case.status, case.detail = None, "missing", "HTTPie (http) not installed (%s)" % HINT
    for client in ("python-http-client", "python-requests", "python-httpx"):
        for case in by_client.get(client, []):
            case.command = [python, case.source]
    simple("node-fetch", "node")
    simple("javascript-fetch", "node")
    simple("node-axios", "node", {"NODE_PATH": "/usr/share/nodejs"})
    for case in by_client.get("node-axios", []):
        if case.command and not os.path.isdir("/usr/share/nodejs/axios"):
            case.command, case.status, case.detail = None, "missing", "node-axios not installed (%s)" % HINT
    simple("ruby-native", "ruby")
    simple("php-curl", "php")
    # R reads non-ASCII text (and \u escapes of it) only in a UTF-8 locale, as users' machines have.
    simple("r-httr2", "Rscript", {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    for case in by_client.get("r-httr2", []):
        if case.command and not os.path.isdir("/usr/lib/R/site-library/httr2"):
            case.command, case.status, case.detail = None, "missing", "httr2 not installed (r-cran-httr2; %s)" % HINT
    simple("php-guzzle", "php")
    for case in by_client.get("php-guzzle", []):
        if case.command and not os.path.exists(GUZZLE_AUTOLOAD):
            case.command, case.status, case.detail = None, "missing", "Guzzle not installed (php-guzzlehttp-guzzle; %s)" % HINT
        elif case.command:
            # The snippet loads Composer's autoloader; Debian's package provides its own.
            os.makedirs(os.path.join(case.workdir, "vendor"), exist_ok=True)
            with open(os.path.join(case.workdir, "vendor", "autoload.php"), "w") as handle:
                handle.write("<?php\nrequire '%s';\n" % GUZZLE_AUTOLOAD)
    simple("powershell-restmethod", "pwsh", None, ("-NoProfile", "-File"))
    for case in by_client.get("powershell-restmethod", []):
        if case.status == "missing":
            case.status, case.detail = "not-runnable", "PowerShell is not packaged for Debian 12 (pwsh absent); emitted, not run"
    for case in by_client.get("http-raw", []):
        case.command = "raw"

    def timed(label, function, *arguments):
        started = time.time()
        function(*arguments)
        log("snippet suite: %s prepared in %.1f s" % (label, time.time() - started))

    timed("go", build_go, by_client.get("go-native", []), build_root)
    timed("java-httpclient", build_java, by_client.get("java-httpclient", []), build_root, "java-httpclient", "")
    timed("java-okhttp", build_java, by_client.get("java-okhttp", []), build_root, "java-okhttp", OKHTTP_CP, f"{JAVA_LIBS}/okhttp.jar")
    timed("java-unirest", build_java, by_client.get("java-unirest", []), build_root, "java-unirest", UNIREST_CP, f"{JAVA_LIBS}/unirest-java.jar")
    timed("kotlin", build_kotlin, by_client.get("kotlin-okhttp", []), build_root)
    timed("csharp", build_each, by_client.get("csharp-httpclient", []), build_root, "mcs", lambda case, output: [
        "mcs", "-nologo", "-codepage:utf8", "-r:System.Net.Http.dll", "-out:" + output + ".exe", case.source],
        lambda output: ["mono", output + ".exe"], ("mcs", "mono"))
    timed("swift", build_each, by_client.get("swift-urlsession", []), build_root, "swiftc", lambda case, output: [
        "swiftc", "-swift-version", "6", "-o", output, case.source], lambda output: [output], ("swiftc",))
    timed("c", build_each, by_client.get("c-libcurl", []), build_root, "gcc", lambda case, output: [
        "gcc", "-std=c11", "-Wall", "-Werror", "-o", output, case.source, "-lcurl"], lambda output: [output], ("gcc",),
        lambda: os.path.exists("/usr/include/x86_64-linux-gnu/curl/curl.h") or os.path.exists("/usr/include/curl/curl.h"),
        "libcurl headers (libcurl4-openssl-dev)")
    timed("rust", build_rust, by_client.get("rust-reqwest", []), build_root, cache_dir)
    timed("objc", compile_objc, by_client.get("objc-nsurlsession", []), build_root)
    timed("swift-sdk", build_swift_sdk, by_client.get("swift-sdk", []), out_dir, cache_dir)
    for case in by_client.get("csharp-restsharp", []):
        case.status, case.detail = "not-runnable", NOT_RUNNABLE["csharp-restsharp"]


def mark_build_failure(cases, output):
    for case in cases:
        if case.status is None:
            case.status, case.detail = "build-error", output.strip()[-1500:]


def build_go(cases, build_root):
    if not cases:
        return
    if not tool("go"):
        for case in cases:
            case.status, case.detail = "missing", "go not installed (%s)" % HINT
        return
    root = os.path.join(build_root, "go")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "go.mod"), "w") as handle:
        handle.write("module snippets\n\ngo 1.19\n")
    for case in cases:
        directory = os.path.join(root, "cmd", case.slug)
        os.makedirs(directory, exist_ok=True)
        shutil.copy(case.source, os.path.join(directory, "main.go"))
    env = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GO111MODULE": "on", "CGO_ENABLED": "0"}
    code, output = run(["go", "build", "-o", os.path.join(root, "bin") + "/", "./..."], root, env, timeout=600)
    if code != 0:
        # Build one by one to pin the failure on the right case.
        for case in cases:
            one, text = run(["go", "build", "-o", os.path.join(root, "bin", case.slug), "./cmd/" + case.slug], root, env, timeout=300)
            if one != 0:
                case.status, case.detail = "build-error", text.strip()[-1500:]
    for case in cases:
        if case.status is None:
            case.command = [os.path.join(root, "bin", case.slug)]


def build_java(cases, build_root, name, classpath, jar_check=None):
    if not cases:
        return
    if not tool("javac") or (jar_check and not os.path.exists(jar_check)):
        for case in cases:
            case.status, case.detail = "missing", "javac or %s missing (%s)" % (jar_check or "JDK", HINT)
        return
    root = os.path.join(build_root, name)
    classes = os.path.join(root, "classes")
    os.makedirs(classes, exist_ok=True)
    sources = []
    for case in cases:
        directory = os.path.join(root, "src", case.slug)
        os.makedirs(directory, exist_ok=True)
        target = os.path.join(directory, "Main.java")
        with open(case.source, encoding="utf-8") as handle:
            text = handle.read()
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("package %s;\n" % case.slug + text)
        sources.append((case, target))
    # No -encoding flag: the Java client writes ASCII-only source, so the platform default must not matter.
    base = ["javac", "-nowarn", "-d", classes] + (["-cp", classpath] if classpath else [])
    code, output = run(base + [target for _, target in sources], root, timeout=600)
    if code != 0:
        for case, target in sources:
            one, text = run(base + [target], root, timeout=300)
            if one != 0:
                case.status, case.detail = "build-error", text.strip()[-1500:]
    runtime_cp = classes + (":" + classpath if classpath else "")
    for case, _ in sources:
        if case.status is None:
            case.command = ["java", *JVM_FAST_START, "-cp", runtime_cp, case.slug + ".Main"]


def build_kotlin(cases, build_root):
    if not cases:
        return
    if not tool("kotlinc") or not os.path.exists(f"{JAVA_LIBS}/okhttp.jar"):
        for case in cases:
            case.status, case.detail = "missing", "kotlinc or OkHttp missing (%s)" % HINT
        return
    root = os.path.join(build_root, "kotlin")
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    sources = []
    for case in cases:
        target = os.path.join(root, "src", case.slug + ".kt")
        with open(case.source, encoding="utf-8") as handle:
            text = handle.read()
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("package %s\n\n" % case.slug + text)
        sources.append((case, target))
    jar = os.path.join(root, "snippets.jar")
    base = ["kotlinc", "-nowarn", "-cp", OKHTTP_CP]
    code, output = run(base + ["-d", jar] + [target for _, target in sources], root, timeout=600)
    if code != 0:
        for case, target in sources:
            one, text = run(base + ["-d", os.path.join(root, case.slug + ".jar"), target], root, timeout=300)
            if one != 0:
                case.status, case.detail = "build-error", text.strip()[-1500:]
        jar = None
    for case, _ in sources:
        if case.status is None:
            own = jar or os.path.join(root, case.slug + ".jar")
            main_class = case.slug + "." + case.slug[:1].upper() + case.slug[1:] + "Kt"
            case.command = ["java", *JVM_FAST_START, "-cp", ":".join([own, KOTLIN_STDLIB, OKHTTP_CP]), main_class]


def build_each(cases, build_root, name, compile_command, run_command, needs, check=None, check_hint=None):
    if not cases:
        return
    missing = [tool_name for tool_name in needs if not tool(tool_name)]
    if missing or (check and not check()):
        for case in cases:
            case.status, case.detail = "missing", "%s not installed (%s)" % (", ".join(missing) or check_hint, HINT)
        return
    root = os.path.join(build_root, name)
    os.makedirs(root, exist_ok=True)

    def build(case):
        output = os.path.join(root, case.slug)
        code, text = run(compile_command(case, output), root, timeout=600)
        if code != 0:
            case.status, case.detail = "build-error", text.strip()[-1500:]
        else:
            case.command = run_command(output)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(build, cases))


def build_rust(cases, build_root, cache_dir):
    if not cases:
        return
    if not tool("cargo") or not os.path.isdir("/usr/share/cargo/registry") or not any(
            entry.startswith("reqwest-") for entry in os.listdir("/usr/share/cargo/registry")):
        for case in cases:
            case.status, case.detail = "missing", "cargo or librust-reqwest-dev missing (%s)" % HINT
        return
    root = os.path.join(build_root, "rust")
    os.makedirs(os.path.join(root, "src", "bin"), exist_ok=True)
    os.makedirs(os.path.join(root, ".cargo"), exist_ok=True)
    with open(os.path.join(root, "Cargo.toml"), "w") as handle:
        handle.write('[package]\nname = "snippets"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'
                     'reqwest = { version = "0.11", default-features = false, features = ["blocking", "multipart"] }\n')
    with open(os.path.join(root, ".cargo", "config.toml"), "w") as handle:
        handle.write('[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n'
                     '[net]\noffline = true\n')
    for case in cases:
        shutil.copy(case.source, os.path.join(root, "src", "bin", case.slug + ".rs"))
    target = os.path.join(cache_dir, "rust-target")
    env = {"CARGO_TARGET_DIR": target}
    code, output = run(["nice", "-n", "10", "cargo", "build", "--offline", "--bins", "-q"], root, env, timeout=900)
    if code != 0:
        for case in cases:
            one, text = run(["cargo", "build", "--offline", "-q", "--bin", case.slug], root, env, timeout=600)
            if one != 0:
                case.status, case.detail = "build-error", text.strip()[-1500:]
    for case in cases:
        if case.status is None:
            case.command = [os.path.join(target, "debug", case.slug)]


def write_if_changed(path, data):
    """Writes only when the bytes differ, so SwiftPM's incremental build keeps what did not change."""
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def sync_tree(root, files):
    """Makes `root` hold exactly `files` ({relative path: bytes})."""
    for relative, data in files.items():
        write_if_changed(os.path.join(root, relative), data)
    for directory, _, names in os.walk(root, topdown=False):
        for name in names:
            relative = os.path.relpath(os.path.join(directory, name), root)
            if relative not in files:
                os.remove(os.path.join(directory, name))
        if directory != root and not os.listdir(directory):
            os.rmdir(directory)


def build_swift_sdk(cases, out_dir, cache_dir):
    """One SwiftPM package for every swift-sdk case: a library target per generated SDK module and an executable
    per snippet (its text as main.swift, unchanged). Kept in the cache folder, so unchanged modules are not
    rebuilt; a failing build is retried product by product to pin the failure on the right snippet."""
    if not cases:
        return
    if not tool("swift"):
        for case in cases:
            case.status, case.detail = "missing", "swift not installed (%s)" % HINT
        return
    root = os.path.join(cache_dir, "swift-sdk-package")
    files = {}
    modules = {}
    for case in cases:
        modules[case.module] = case.module_dir
        with open(case.source, "rb") as handle:
            files["Snippet_%s/main.swift" % case.slug] = handle.read()
    for module, relative in modules.items():
        source = os.path.join(out_dir, relative)
        for directory, _, names in os.walk(source):
            for name in names:
                path = os.path.join(directory, name)
                with open(path, "rb") as handle:
                    files[os.path.join(module, os.path.relpath(path, source))] = handle.read()
    sync_tree(os.path.join(root, "Sources"), files)
    targets = ["        .target(name: \"%s\")," % module for module in sorted(modules)]
    targets += ["        .executableTarget(name: \"Snippet_%s\", dependencies: [\"%s\"])," % (case.slug, case.module) for case in cases]
    manifest = ("// swift-tools-version:6.0\n// Written by scripts/snippet-suite/run_suite.py: the swift-sdk snippets and the SDKs they import.\n"
                "import PackageDescription\n\nlet package = Package(\n    name: \"SwiftSDKSnippets\",\n    targets: [\n"
                + "\n".join(targets) + "\n    ]\n)\n")
    write_if_changed(os.path.join(root, "Package.swift"), manifest.encode())
    base = ["nice", "-n", "10", "swift", "build", "--package-path", root, "-j", "2"]
    code, output = run(base, root, timeout=1800)
    if code != 0:
        for case in cases:
            one, text = run(base + ["--product", "Snippet_" + case.slug], root, timeout=900)
            if one != 0:
                case.status, case.detail = "build-error", text.strip()[-1500:]
    # A docs snippet must compile cleanly: a warning in a snippet's own file fails its case.
    for case in cases:
        warnings = [line for line in output.splitlines() if "warning:" in line and "Snippet_%s/main.swift" % case.slug in line]
        if warnings and case.status is None:
            case.status, case.detail = "build-error", "compiler warnings: " + " | ".join(warnings)[-1500:]
    for case in cases:
        if case.status is None:
            case.command = [os.path.join(root, ".build", "debug", "Snippet_" + case.slug)]


def compile_objc(cases, build_root):
    if not cases:
        return
    compiler = "/opt/swift/usr/bin/clang" if os.path.exists("/opt/swift/usr/bin/clang") else tool("clang")
    if not compiler or not os.path.exists("/usr/include/GNUstep/Foundation/Foundation.h"):
        for case in cases:
            case.status, case.detail = "missing", "clang or GNUstep headers missing (%s)" % HINT
        return
    root = os.path.join(build_root, "objc")
    os.makedirs(root, exist_ok=True)
    flags = subprocess.run(["gnustep-config", "--objc-flags"], capture_output=True, text=True).stdout.split() if tool("gnustep-config") else []
    flags = [flag for flag in flags if not flag.startswith("-fobjc-runtime") and flag not in ("-fexec-charset=UTF-8",)]
    import glob
    # Debian's GNUstep uses gcc's Objective-C runtime headers (gobjc).
    gcc_objc = ["-I" + os.path.dirname(path) for path in sorted(glob.glob("/usr/lib/gcc/x86_64-linux-gnu/*/include/objc"))[-1:]]
    # GNUstep's headers look for libobjc2's <objc/blocks_runtime.h> when blocks are on; Debian's gcc runtime has
    # none, so point it at the Blocks runtime header (libblocksruntime-dev). Only declarations are involved.
    shim = os.path.join(root, "include", "objc")
    os.makedirs(shim, exist_ok=True)
    with open(os.path.join(shim, "blocks_runtime.h"), "w") as handle:
        handle.write("#include <Block.h>\n")

    def build(case):
        # GNUstep's NSURLSession.h is guarded by GS_HAVE_NSURLSESSION, 0 in Debian's build: lift the guard so
        # the snippet is type-checked against the real declarations; the object file is never linked.
        wrapper = os.path.join(root, case.slug + "_check.m")
        with open(wrapper, "w") as handle:
            handle.write('#import <GNUstepBase/GSConfig.h>\n#undef GS_HAVE_NSURLSESSION\n#define GS_HAVE_NSURLSESSION 1\n'
                         '#import <Foundation/Foundation.h>\n' + APPLE_SESSION_DECLARATIONS + '#include "%s"\n' % case.source)
        code, text = run([compiler, "-fobjc-runtime=gcc", "-fblocks", "-DGNUSTEP", "-I" + os.path.join(root, "include"), *gcc_objc, "-I/usr/include/GNUstep",
                          "-Werror", "-Wno-unused-command-line-argument", *flags,
                          "-c", wrapper, "-o", os.path.join(root, case.slug + ".o")], root, timeout=300)
        if code != 0:
            case.status, case.detail = "build-error", text.strip()[-1500:]
        else:
            case.status, case.detail = "compiled", NOT_RUNNABLE["objc-nsurlsession"]

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(build, cases))


def send_raw(case, echo):
    """Sends the raw HTTP/1.1 message: header lines get CRLF endings, the body is sent byte for byte."""
    import socket
    with open(case.source, "rb") as handle:
        text = handle.read()
    head, _, body = text.partition(b"\n\n")
    message = head.replace(b"\n", b"\r\n") + b"\r\n\r\n" + body
    host, port = urllib.parse.urlsplit(echo).hostname, urllib.parse.urlsplit(echo).port
    with socket.create_connection((host, port), timeout=RUN_TIMEOUT) as connection:
        connection.sendall(message)
        connection.shutdown(socket.SHUT_WR)
        response = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            response += chunk
    return 0 if response.startswith(b"HTTP/1.") else 1, response[:200].decode("utf-8", "replace")


def execute(case, echo=None):
    echo = case.echo or echo
    if case.status is not None:
        return
    if case.limitation:
        case.status, case.detail = "unsupported", case.limitation
        return
    for relative, content in case.fixture.get("files", {}).items():
        path = os.path.join(case.workdir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(content))
    reset(echo)
    if case.command == "raw":
        code, output = send_raw(case, echo)
    else:
        code, output = run(case.command, case.workdir, case.env)
    got = recorded(echo)
    if len(got) != 1:
        case.status = "error"
        case.detail = "the program made %d requests (exit %s): %s" % (len(got), code, output.strip()[-800:])
        return
    problems = compare(case.fixture["expected"], got[0])
    if problems:
        case.status, case.detail = "mismatch", "; ".join(problems)
    elif code != 0:
        case.status, case.detail = "error", "request matched but the program exited %s: %s" % (code, output.strip()[-400:])
    else:
        case.status = "ok"


# ---------------------------------------------------------------------------------------------- report

SYMBOL = {"ok": "+", "mismatch": "X", "error": "E", "build-error": "B", "compiled": "c", "unsupported": "u",
          "not-runnable": "-", "missing": "s"}
LABEL = {"ok": "ran ok", "mismatch": "mismatch", "error": "run error", "build-error": "build error",
         "compiled": "compiled only", "unsupported": "client cannot express the request",
         "not-runnable": "not runnable here", "missing": "skipped: runtime missing"}


def report(cases, fixtures, clients, ci, elapsed):
    fixture_ids = [fixture["id"] for fixture in fixtures]
    width = max(len(client) for client in clients)
    log("")
    log("Snippet execution suite: %d clients x %d fixtures = %d cases (%.0f s)" % (len(clients), len(fixture_ids), len(cases), elapsed))
    log("Fixtures (columns):")
    for index, fixture_id in enumerate(fixture_ids, 1):
        log("  %2d %s" % (index, fixture_id))
    header = " " * width + "  " + "".join("%3d" % index for index in range(1, len(fixture_ids) + 1)) + "   ok"
    log(header)
    table = {(case.client, case.fixture["id"]): case for case in cases}
    for client in clients:
        row = [table.get((client, fixture_id)) for fixture_id in fixture_ids]
        cells = "".join("%3s" % (SYMBOL.get(case.status, "?") if case else " ") for case in row)
        passed = sum(1 for case in row if case and case.status == "ok")
        log("%-*s  %s  %3d" % (width, client, cells, passed))
    log("Legend: " + ", ".join("%s %s" % (SYMBOL[key], LABEL[key]) for key in SYMBOL))
    totals = {key: sum(1 for case in cases if case.status == key) for key in SYMBOL}
    executed_clients = sorted({case.client for case in cases if case.status == "ok"})
    log("Totals: " + ", ".join("%s %d" % (LABEL[key], totals[key]) for key in SYMBOL if totals[key] or key in ("ok", "mismatch")))
    log("Clients executed with at least one passing run: %d" % len(executed_clients))
    # Every case that did not run ok, with its reason: nothing passes silently.
    reasons = {}
    for case in cases:
        if case.status != "ok":
            reasons.setdefault((case.status, case.client, case.detail if case.status in ("compiled", "not-runnable", "missing", "unsupported") else None), []).append(case)
    if reasons:
        log("Not run ok, with reasons:")
        for (status, client, shared), group in sorted(reasons.items(), key=lambda item: (item[0][0], item[0][1])):
            if shared is not None:
                log("  [%s] %s (%d): %s -- %s" % (LABEL[status], client, len(group), shared, ", ".join(case.fixture["id"] for case in group)))
            else:
                for case in group:
                    log("  [%s] %s / %s: %s" % (LABEL[status], client, case.fixture["id"], case.detail[:1200]))
    failing = totals["mismatch"] + totals["error"] + totals["build-error"] + (totals["missing"] if ci else 0)
    return failing


def main():
    manifest_path = sys.argv[1]
    with open(manifest_path, encoding="utf-8") as handle:
        manifest = json.loads(handle.read(), parse_float=decimal.Decimal)
    echo = manifest.get("echo_url")
    out_dir = manifest["out_dir"]
    cache_dir = manifest.get("cache_dir") or os.path.join(out_dir, "cache")
    os.makedirs(cache_dir, exist_ok=True)
    ci = bool(manifest.get("ci"))
    only = os.environ.get("SNIPPET_SUITE_CLIENTS")
    fixtures = {fixture["id"]: fixture for fixture in manifest["fixtures"]}
    cases = [Case(entry, fixtures[entry["fixture"]], out_dir) for entry in manifest["cases"]
             if not only or entry["client"] in only.split(",")]
    clients = []
    for case in cases:
        if case.client not in clients:
            clients.append(case.client)
    started = time.time()
    prepare(cases, out_dir, cache_dir)
    log("snippet suite: built in %.0f s" % (time.time() - started))
    # One worker per echo server: each server sees one case at a time.
    groups = {}
    for case in cases:
        groups.setdefault(case.echo or echo, []).append(case)
    def work(group):
        for case in group:
            execute(case)
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(groups) or 1) as pool:
        list(pool.map(work, groups.values()))
    failing = report(cases, manifest["fixtures"], clients, ci, time.time() - started)
    with open(os.path.join(out_dir, "results.json"), "w") as handle:
        json.dump([{"client": case.client, "fixture": case.fixture["id"], "status": case.status, "detail": case.detail}
                   for case in cases], handle, indent=1)
    sys.exit(1 if failing else 0)


if __name__ == "__main__":
    main()
