// Queues one answer per documented form of response on the echo server given as the first argument, sends
// the operation of Tests/Fixtures/wire/responses.openapi.json that receives it with the generated client, and
// prints what the client decoded; WireTests compares the lines.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ResponsesAPI

let root = CommandLine.arguments[1]
let client = APIClient(baseURL: URL(string: root + "/v1")!, retryPolicy: .never)

/// The echo server answers the next request with `answer` (`status`, `headers`, `body` or `chunks`).
func post(_ answer: [String: Any]) async throws {
    var request = URLRequest(url: URL(string: root + "/__next")!)
    request.httpMethod = "POST"
    request.httpBody = try JSONSerialization.data(withJSONObject: answer)
    _ = try await URLSession.shared.data(for: request)
}

/// The echo server answers the next request with this status, these headers and this body.
func queueWithHeaders(_ status: Int, _ headers: [[String]], _ body: String) async throws {
    try await post(["status": status, "headers": headers, "body": body])
}

/// The echo server answers the next request with this status, content type and body.
func queue(_ status: Int, _ contentType: String?, _ body: String) async throws {
    try await queueWithHeaders(status, contentType.map { [["Content-Type", $0]] } ?? [], body)
}

func describe(_ output: Operations.GetThing.Output) -> String {
    switch output {
    case .ok(let thing): return "ok \(thing.id) \(thing.size.map(String.init) ?? "-")"
    case .created(let text): return "created \(text)"
    case .noContent: return "noContent"
    case .notFound(let problem): return "notFound \(problem.code) \(problem.message ?? "-")"
    case .clientError(let status, let body): return "clientError \(status) \(body.title ?? "-")"
    case .serverError(let status): return "serverError \(status)"
    case .default(let status, let problem): return "default \(status) \(problem.code)"
    case .undocumented(let status, let body): return "undocumented \(status) \(body.count)"
    }
}

func attempt(_ label: String, _ body: () async throws -> String) async {
    do { print("\(label): \(try await body())") } catch let error as APIError {
        print("\(label): APIError \(error.statusCode) \((error.reason ?? "").components(separatedBy: ":").prefix(2).joined(separator: ":")) \(error.output(as: Operations.GetThing.Output.self).map(describe) ?? "no output")")
    } catch {
        print("\(label): \(error)")
    }
}

let answers: [(Int, String?, String)] = [
    (200, "application/json", #"{"id":"t1","size":3}"#),
    (201, "text/plain", "made"),
    (204, nil, ""),
    (404, "application/json", #"{"code":44,"message":"no such thing"}"#),
    (418, "application/problem+json", #"{"title":"teapot"}"#),
    (503, "text/html", "<p>down</p>"),
    (202, "application/json", #"{"code":3}"#),
]
for (status, type, body) in answers {
    await attempt("send \(status)") {
        try await queue(status, type, body)
        return describe(try await client.send(Operations.GetThing(id: "t1")))
    }
}
await attempt("short 200") {
    try await queue(200, "application/json", #"{"id":"t2"}"#)
    return "Thing \(try await client.getThing(Operations.GetThing(id: "t2")).id)"
}
await attempt("short 404") {
    try await queue(404, "application/json", #"{"code":44}"#)
    return "Thing \(try await client.getThing(Operations.GetThing(id: "t3")).id)"
}
await attempt("short 200 undecodable") {
    try await queue(200, "application/json", #"{"size":1}"#)
    return "Thing \(try await client.getThing(Operations.GetThing(id: "t4")).id)"
}
await attempt("report 200") {
    try await queue(200, "application/pdf", "%PDF-1.7")
    guard case .ok(let data) = try await client.send(Operations.GetReport(id: "r1")) else { return "not ok" }
    return "ok \(String(decoding: data, as: UTF8.self))"
}
await attempt("report 500") {
    try await queue(500, "text/plain", "boom")
    guard case .undocumented(let status, let body) = try await client.send(Operations.GetReport(id: "r1")) else { return "documented" }
    return "undocumented \(status) \(String(decoding: body, as: UTF8.self))"
}
await attempt("report short") {
    try await queue(200, "application/pdf", "%PDF")
    return "Data \(try await client.getReport(Operations.GetReport(id: "r2")).count)"
}
for mediaType in Operations.CreateThing.BodyMediaType.allCases {
    await attempt("create as \(mediaType.rawValue)") {
        try await queue(201, "application/json", #"{"id":"t9"}"#)
        return "Thing \(try await client.createThing(Operations.CreateThing(body: Thing(id: "a b&c", size: 2), bodyMediaType: mediaType)).id)"
    }
}
// Server-Sent Events: the first event reaches the caller while the server still sleeps before the second.
let stream = ": a comment\r\nevent: made\r\nid: 1\r\ndata: {\"id\":\r\ndata: \"s1\"}\r\n\r\n"
try await post(["status": 200, "headers": [["Content-Type", "text/event-stream"]],
    "chunks": [[0, stream], [1.5, "retry: 3000\nid: 2\ndata: {\"id\":\"s2\",\"size\":2}\n\ndata: [DONE]\n\n"], [0, "data: {\"id\":\"after-done\"}\n\n"]]])
let started = Date()
var lines: [String] = []
do {
    for try await event in client.events(Operations.StreamThings()) {
        let early = Date().timeIntervalSince(started) < 1.2 ? "early" : "late"
        lines.append("\(event.event) \(event.id ?? "-") \(event.retry.map(String.init) ?? "-") \(event.payload.id) \(early) data=\(event.data.replacingOccurrences(of: "\n", with: "|"))")
    }
    lines.append("ended after \(Date().timeIntervalSince(started) >= 1.5 ? "the server's pause" : "too soon")")
} catch {
    lines.append("stream failed: \(error)")
}
for line in lines { print("event " + line) }
// The parser on its own: a BOM, CR-only and CRLF endings split across chunks, ignored fields, a data-less event,
// `retry` with a non-digit, an `id` with NUL, a field without a colon, and an unfinished event at the end.
var parser = SpecGenEventParser()
var parsed: [String] = []
for chunk in ["\u{FEFF}data: a\r", "\ndata:b\r\r", "event: x\n\n", "retry: 12a\nid: 7\u{0}\ndata\n\n", "id: 8\nretry: 40\ndata:  two spaces\n\n", "data: unfinished"] {
    for event in parser.feed(Data(chunk.utf8)) {
        parsed.append("\(event.event)/\(event.id ?? "-")/\(event.retry.map(String.init) ?? "-")/\(event.data.replacingOccurrences(of: "\n", with: "|"))")
    }
}
print("parser " + parsed.joined(separator: " "))
// Pagination, the three schemes real APIs use, each walked to its end.
func walk<Operation: APIPaginatedOperation>(_ label: String, _ operation: Operation, id: (Operation.Item) -> String) async {
    var ids: [String] = []
    do {
        for try await item in client.items(operation) { ids.append(id(item)) }
        print("\(label): \(ids.joined(separator: " "))")
    } catch {
        print("\(label): failed \(error)")
    }
}
let json = "application/json"
try await queue(200, json, #"{"data":[{"id":"a"},{"id":"b"}],"has_more":true,"object":"list","url":"/v1/customers"}"#)
try await queue(200, json, #"{"data":[{"id":"c"}],"has_more":false,"object":"list","url":"/v1/customers"}"#)
await walk("cursor", Operations.ListCustomers(limit: 2)) { $0.id }
try await queueWithHeaders(200, [["Content-Type", json], ["Link", #"<https://api.example.com/v1/issues?per_page=2&page=2>; rel="next", <https://api.example.com/v1/issues?per_page=2&page=2>; rel="last""#]], #"[{"id":"a"},{"id":"b"}]"#)
try await queueWithHeaders(200, [["Content-Type", json], ["Link", #"<https://api.example.com/v1/issues?per_page=2&page=1>; rel="prev""#]], #"[{"id":"c"},{"id":"d"}]"#)
await walk("link", Operations.ListIssues(perPage: 2)) { $0.id }
try await queue(200, json, #"[{"id":"a"},{"id":"b"}]"#)
try await queue(200, json, #"[]"#)
await walk("page, last page exactly full", Operations.ListUsers(perPage: 2)) { $0.id }
try await queue(200, json, #"{"start":0,"limit":2,"total":0,"users":[]}"#)
await walk("page, empty first page", Operations.ListUsers(perPage: 2, includeTotals: true)) { $0.id }
try await queue(200, json, #"{"next":"n1","grants":[{"id":"a"},{"id":"b"}]}"#)
try await queue(200, json, #"{"grants":[{"id":"c"}]}"#)
await walk("checkpoint", Operations.ListGrants(take: 2)) { $0.id }
try await queue(500, "text/plain", "down")
await walk("failing page", Operations.ListGrants(take: 2)) { $0.id }

try await queue(401, "application/json", #"{"code":401,"message":"no"}"#)
do {
    for try await _ in client.events(Operations.StreamThings()) {}
    print("refused stream: no error")
} catch let error as APIError {
    print("refused stream: \(error.statusCode) \(error.output(as: Operations.StreamThings.Output.self).map { "\($0)".hasPrefix("clientError") ? "clientError" : "other" } ?? "no output")")
}
print("done")
