// Queues one answer per documented form of response on the echo server given as the first argument, sends
// the operation of Tests/Fixtures/wire/responses.openapi.json that receives it with the generated client, and
// prints what the client decoded; WireTests compares the lines.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ResponsesAPI

let root = CommandLine.arguments[1]
let client = APIClient(baseURL: URL(string: root + "/v1")!)

/// The echo server answers the next request with this.
func queue(_ status: Int, _ contentType: String?, _ body: String) async throws {
    var request = URLRequest(url: URL(string: root + "/__next")!)
    request.httpMethod = "POST"
    let headers = contentType.map { [["Content-Type", $0]] } ?? []
    request.httpBody = try JSONSerialization.data(withJSONObject: ["status": status, "headers": headers, "body": body])
    _ = try await URLSession.shared.data(for: request)
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
print("done")
