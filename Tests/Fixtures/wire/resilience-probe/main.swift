// The generated client's retries, middlewares, timeouts, cancellation and typed errors against the echo server
// given as the first argument (Tests/Fixtures/wire/responses.openapi.json); prints one line per scenario and
// WireTests compares the lines and what the server received.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ResponsesAPI

let root = CommandLine.arguments[1]
let base = URL(string: root + "/v1")!

/// The echo server answers the next request with this.
func queue(_ status: Int, headers: [[String]] = [], body: String = "", delay: Double = 0) async throws {
    var request = URLRequest(url: URL(string: root + "/__next")!)
    request.httpMethod = "POST"
    request.httpBody = try JSONSerialization.data(withJSONObject: ["status": status, "headers": headers, "body": body, "delay": delay])
    _ = try await URLSession.shared.data(for: request)
}

/// Seconds `body` took, rounded down to tenths, so lines stay stable.
func timed<T>(_ body: () async throws(APIError) -> T) async -> (Result<T, APIError>, Double) {
    let start = Date()
    let result: Result<T, APIError>
    do { result = .success(try await body()) } catch { result = .failure(error) }
    return (result, Date().timeIntervalSince(start))
}

func line(_ label: String, _ result: Result<Operations.GetThing.Output, APIError>) -> String {
    switch result {
    case .success(.ok(let thing)): return "\(label): ok \(thing.id)"
    case .success(.clientError(let status, let body)): return "\(label): clientError \(status) \(body.title ?? "-")"
    case .success(let other): return "\(label): \(other)"
    case .failure(let error): return "\(label): \(error.kind) \(error.statusCode)"
    }
}

let thing = #"{"id":"t1"}"#
let fast = APIRetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05)
let client = APIClient(baseURL: base, retryPolicy: fast)

// 1. 429 with Retry-After: 1 → waits at least a second, then succeeds.
try await queue(429, headers: [["Retry-After", "1"]])
try await queue(200, headers: [["Content-Type", "application/json"]], body: thing)
var (result, seconds) = await timed { () async throws(APIError) in try await client.send(Operations.GetThing(id: "retry-after")) }
print(line("retry-after", result), seconds >= 1.0 && seconds < 4 ? "waited-as-told" : "waited \(seconds)")

// 2. 503 with X-RateLimit-Reset two seconds ahead (UNIX seconds) → waits until then.
let reset = Int(Date().timeIntervalSince1970) + 2
try await queue(503, headers: [["X-RateLimit-Reset", "\(reset)"]])
try await queue(200, headers: [["Content-Type", "application/json"]], body: thing)
(result, seconds) = await timed { () async throws(APIError) in try await client.send(Operations.GetThing(id: "reset")) }
print(line("ratelimit-reset", result), Date().timeIntervalSince1970 >= Double(reset) - 0.05 && seconds < 4 ? "waited-as-told" : "waited \(seconds)")

// 3. A POST without an idempotency key is sent once; with one it is retried.
try await queue(503)
let post = await timed { () async throws(APIError) in try await client.createThing(Operations.CreateThing(body: Thing(id: "p1"))) }
print("post-without-key:", (try? post.0.get()).map { "ok \($0.id)" } ?? "failed once")
let keyed = APIClient(baseURL: base, additionalHeaders: ["Idempotency-Key": "k-1"], retryPolicy: fast)
try await queue(503)
try await queue(201, headers: [["Content-Type", "application/json"]], body: #"{"id":"p2"}"#)
let post2 = await timed { () async throws(APIError) in try await keyed.createThing(Operations.CreateThing(body: Thing(id: "p2"))) }
print("post-with-key:", (try? post2.0.get()).map { "ok \($0.id)" } ?? "failed")

// 4. Retries switched off: the 429 is the answer.
let once = APIClient(baseURL: base, retryPolicy: .never)
try await queue(429, headers: [["Retry-After", "1"], ["Content-Type", "application/json"]], body: #"{"title":"slow down"}"#)
(result, _) = await timed { () async throws(APIError) in try await once.send(Operations.GetThing(id: "never")) }
print(line("never", result))

// 5. A middleware sees every attempt: transport failures (nothing listens on the port) are retried up to maxAttempts.
final class Attempts: APIMiddleware, @unchecked Sendable {
    let lock = NSLock()
    var seen: [String] = []
    func intercept(_ request: URLRequest, operationID: String, next: @Sendable (URLRequest) async throws(APIError) -> (Data, HTTPURLResponse)) async throws(APIError) -> (Data, HTTPURLResponse) {
        lock.withLock { seen.append("\(operationID) \(request.httpMethod ?? "") \(request.url?.path ?? "")") }
        return try await next(request)
    }
}
let attempts = Attempts()
let closed = APIClient(baseURL: URL(string: "http://127.0.0.1:9/v1")!, middlewares: [attempts], retryPolicy: fast)
(result, _) = await timed { () async throws(APIError) in try await closed.send(Operations.GetThing(id: "down")) }
print(line("transport", result), attempts.seen.count, attempts.seen.first ?? "")

// 6. Header injection, signing and refresh-on-401-once, as middlewares, in order (the first outermost).
struct Inject: APIMiddleware {
    func intercept(_ request: URLRequest, operationID: String, next: @Sendable (URLRequest) async throws(APIError) -> (Data, HTTPURLResponse)) async throws(APIError) -> (Data, HTTPURLResponse) {
        var request = request
        request.setValue("trace-1", forHTTPHeaderField: "X-Trace")
        return try await next(request)
    }
}
struct Sign: APIMiddleware {
    func intercept(_ request: URLRequest, operationID: String, next: @Sendable (URLRequest) async throws(APIError) -> (Data, HTTPURLResponse)) async throws(APIError) -> (Data, HTTPURLResponse) {
        var request = request
        let text = (request.httpMethod ?? "") + " " + (request.url?.path ?? "") + " " + (request.value(forHTTPHeaderField: "X-Trace") ?? "")
        request.setValue(String(text.utf8.reduce(UInt32(5381)) { ($0 &* 33) &+ UInt32($1) }, radix: 16), forHTTPHeaderField: "X-Signature")
        return try await next(request)
    }
}
struct RefreshOn401: APIMiddleware {
    func intercept(_ request: URLRequest, operationID: String, next: @Sendable (URLRequest) async throws(APIError) -> (Data, HTTPURLResponse)) async throws(APIError) -> (Data, HTTPURLResponse) {
        let (data, response) = try await next(request)
        guard response.statusCode == 401 else { return (data, response) }
        var again = request
        again.setValue("Bearer refreshed", forHTTPHeaderField: "Authorization")
        return try await next(again)
    }
}
let chained = APIClient(baseURL: base, bearerToken: "stale", middlewares: [Inject(), Sign(), RefreshOn401()], retryPolicy: fast)
try await queue(401)
try await queue(200, headers: [["Content-Type", "application/json"]], body: thing)
(result, _) = await timed { () async throws(APIError) in try await chained.send(Operations.GetThing(id: "mw")) }
print(line("middlewares", result))

// 7. A per-request timeout shorter than the server's delay fails as a transport error; the client's own applies otherwise.
try await queue(200, headers: [["Content-Type", "application/json"]], body: thing, delay: 3)
(result, seconds) = await timed { () async throws(APIError) in try await once.send(Operations.GetThing(id: "slow"), timeout: 0.5) }
print(line("timeout", result), seconds < 2.5 ? "gave-up-in-time" : "took \(seconds)")

// 8. Cancelling the task stops the wait before a retry.
try await queue(429, headers: [["Retry-After", "30"]])
let patient = APIClient(baseURL: base, retryPolicy: APIRetryPolicy(maxAttempts: 3, baseDelay: 0.01))
let started = Date()
let task = Task { () async -> Result<Operations.GetThing.Output, APIError> in
    do throws(APIError) { return .success(try await patient.send(Operations.GetThing(id: "cancel"))) } catch { return .failure(error) }
}
try await Task.sleep(nanoseconds: 500_000_000)
task.cancel()
let cancelled = await task.value
print(line("cancelled", cancelled), Date().timeIntervalSince(started) < 3 ? "stopped" : "kept waiting")
print("done")
