/// The constant part of the generated client beside `APIClient`, kept as templates like the support file (`ACCESS `
/// becomes the configured access level): its methods (sending, middlewares, retries, decoding, event streams,
/// pages), the `APIOperation` protocol, response reading, `APIError`, `APIRetryPolicy` and `APIMiddleware`.
enum ClientTemplate {
    /// The constant client code beside `APIClient`: the `APIOperation` protocol every operation conforms to,
    /// response decoding, and `APIError` (status, headers, the documented response, rate-limit headers).
    static func source(access: String) -> String {
        (template + SequenceTemplate.template).replacingOccurrences("ACCESS ", with: access == "public" ? "public " : "")
    }


    /// The constant methods of `APIClient` (sending, middlewares, retries, decoding), as an extension.
    static func methodsSource(access: String) -> String {
        methodsTemplate.replacingOccurrences("ACCESS ", with: access == "public" ? "public " : "")
    }

    /// The names of the methods `clientMethodsSource` declares, read from the template itself, so an operation's
    /// method never takes one of them.
    static let clientMethodNames: Set<String> = {
        var names: Set<String> = []
        for line in methodsTemplate.split(separator: "\n") where line.hasPrefix("    ") && !line.hasPrefix("     ") {
            guard let range = line.range(of: "func ") else { continue }
            let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }()

    private static let methodsTemplate = #"""

nonisolated extension APIClient {
    /// Sends a request with the credentials `security` asks for, through the middlewares, retried as `retryPolicy`
    /// says; returns the response of any status. `timeout` (else the client's) bounds each attempt.
    ACCESS func exchange(_ request: URLRequest, security: [[String]] = [], operationID: String = "", timeout: TimeInterval? = nil) async throws(APIError) -> (data: Data, response: HTTPURLResponse) {
        var request = request
        if let timeout = timeout ?? self.timeout { request.timeoutInterval = timeout }
        try await authorize(&request, security: security)
        let started = Date()
        var attempt = 1
        while true {
            if Task.isCancelled { throw APIError(kind: .cancelled, reason: "cancelled before attempt \(attempt)") }
            let outcome: Result<(Data, HTTPURLResponse), APIError>
            do { outcome = .success(try await through(middlewares[...], request, operationID: operationID)) } catch { outcome = .failure(error) }
            guard let wait = retryPolicy.wait(after: outcome, request: request, attempt: attempt, elapsed: Date().timeIntervalSince(started)) else {
                return try outcome.map { (data: $0.0, response: $0.1) }.get()
            }
            do { try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) } catch {
                throw APIError(kind: .cancelled, reason: "cancelled while waiting to retry")
            }
            attempt += 1
        }
    }

    /// The request through `middlewares` (the first outermost), then the session.
    func through(_ middlewares: ArraySlice<any APIMiddleware>, _ request: URLRequest, operationID: String) async throws(APIError) -> (Data, HTTPURLResponse) {
        guard let first = middlewares.first else { return try await transport(request) }
        let rest = middlewares.dropFirst()
        return try await first.intercept(request, operationID: operationID) { (request: URLRequest) async throws(APIError) -> (Data, HTTPURLResponse) in
            try await self.through(rest, request, operationID: operationID)
        }
    }

    /// One attempt over `session`; every failure becomes an `APIError`.
    func transport(_ request: URLRequest) async throws(APIError) -> (Data, HTTPURLResponse) {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            if Task.isCancelled || error is CancellationError || (error as? URLError)?.code == .cancelled {
                throw APIError(kind: .cancelled, reason: "cancelled during the request")
            }
            throw APIError(kind: .transport, reason: "\(error)")
        }
        guard let http = response as? HTTPURLResponse else { throw APIError(kind: .transport, rawBody: data, reason: "not an HTTP response") }
        return (data, http)
    }

    /// Sends a request with the credentials `security` asks for; throws `APIError` unless the status is 2xx.
    ACCESS func send(_ request: URLRequest, security: [[String]] = []) async throws(APIError) -> (data: Data, response: HTTPURLResponse) {
        let (data, http) = try await exchange(request, security: security)
        guard (200..<300).contains(http.statusCode) else {
            throw APIError(statusCode: http.statusCode, headers: SpecGenResponse.headers(of: http), rawBody: data)
        }
        return (data, http)
    }

    /// Sends an operation and returns its documented response for any status (`.undocumented` for the rest);
    /// throws `APIError` when no response arrives or a documented body does not decode.
    ACCESS func send<Operation: APIOperation>(_ operation: Operation, timeout: TimeInterval? = nil) async throws(APIError) -> Operation.Output {
        let (data, http) = try await exchange(operation, timeout: timeout)
        let headers = SpecGenResponse.headers(of: http)
        do { return try Operation.output(statusCode: http.statusCode, headers: headers, body: data) } catch {
            throw APIError(kind: .decoding, statusCode: http.statusCode, headers: headers, rawBody: data, reason: "the \(http.statusCode) response does not decode: \(error)")
        }
    }

    /// Sends an operation and returns its 2xx body as `Success` (`Data` and `String` as received, else decoded JSON);
    /// any other status throws `APIError` carrying the documented response in `output`.
    ACCESS func send<Operation: APIOperation, Success: Decodable>(_ operation: Operation, decoding type: Success.Type, timeout: TimeInterval? = nil) async throws(APIError) -> Success {
        let (data, http) = try await exchange(operation, timeout: timeout)
        let headers = SpecGenResponse.headers(of: http)
        guard (200..<300).contains(http.statusCode) else {
            let output = try? Operation.output(statusCode: http.statusCode, headers: headers, body: data)
            throw APIError(statusCode: http.statusCode, headers: headers, rawBody: data, output: output)
        }
        if Success.self == Data.self, let value = data as? Success { return value }
        if Success.self == String.self, let value = String(decoding: data, as: UTF8.self) as? Success { return value }
        do { return try SpecGenResponse.json(type, from: data) } catch {
            throw APIError(kind: .decoding, statusCode: http.statusCode, headers: headers, rawBody: data, reason: "the \(http.statusCode) response does not decode: \(error)")
        }
    }

    /// Sends an operation whose success is a `text/event-stream` and yields its events as they arrive, each `data`
    /// decoded as `Operation.Event`; a `[DONE]` data ends the stream. The request is authorized like any other but
    /// goes once, around no middleware. A non-2xx answer, a transport failure or an event that does not decode
    /// ends the stream with an `APIError`; cancelling the consuming task stops the request.
    ACCESS func events<Operation: APIEventStreamOperation>(_ operation: Operation) -> AsyncThrowingStream<APIServerSentEvent<Operation.Event>, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do throws(APIError) {
                    try await streamEvents(operation) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The body of `events(_:)`: calls `yield` for every event until the stream ends.
    func streamEvents<Operation: APIEventStreamOperation>(_ operation: Operation, yield: (APIServerSentEvent<Operation.Event>) -> Void) async throws(APIError) {
        var request = try request(for: operation)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        if let timeout { request.timeoutInterval = timeout }
        try await authorize(&request, security: Operation.security)
        let delegate = SpecGenStreamDelegate()
        let streaming = URLSession(configuration: session.configuration, delegate: delegate, delegateQueue: nil)
        defer { streaming.finishTasksAndInvalidate() }
        let task = streaming.dataTask(with: request)
        do {
            try await withTaskCancellationHandler {
                guard let http = try await delegate.response(task) as? HTTPURLResponse else { throw APIError(kind: .transport, reason: "not an HTTP response") }
                if !(200..<300).contains(http.statusCode) {
                    var body = Data()
                    for try await chunk in delegate.chunks { body += chunk }
                    let headers = SpecGenResponse.headers(of: http)
                    throw APIError(statusCode: http.statusCode, headers: headers, rawBody: body,
                                   output: try? Operation.output(statusCode: http.statusCode, headers: headers, body: body))
                }
                var parser = SpecGenEventParser()
                for try await chunk in delegate.chunks {
                    for event in parser.feed(chunk) {
                        if event.data == "[DONE]" { return task.cancel() }
                        let payload: Operation.Event
                        do { payload = try SpecGenResponse.json(Operation.Event.self, from: Data(event.data.utf8)) } catch {
                            throw APIError(kind: .decoding, statusCode: http.statusCode, rawBody: Data(event.data.utf8), reason: "an event does not decode: \(error)")
                        }
                        yield(APIServerSentEvent(event: event.event, id: event.id, retry: event.retry, data: event.data, payload: payload))
                    }
                }
            } onCancel: {
                task.cancel()
            }
        } catch let error as APIError {
            throw error
        } catch {
            if Task.isCancelled || (error as? URLError)?.code == .cancelled { throw APIError(kind: .cancelled, reason: "cancelled during the stream") }
            throw APIError(kind: .transport, reason: "\(error)")
        }
    }

    /// Every page of a list, fetched as the caller iterates: the next is asked for only after the caller took this one.
    /// A non-2xx answer or an undecodable page ends the loop with an `APIError`; so does cancelling the task.
    ACCESS func pages<Operation: APIPaginatedOperation>(_ operation: Operation) -> APIPages<Operation> {
        APIPages(client: self, first: operation)
    }

    /// Every element of every page of a list, in order (`pages(_:)` flattened).
    ACCESS func items<Operation: APIPaginatedOperation>(_ operation: Operation) -> APIItems<Operation> {
        APIItems(pages: APIPages(client: self, first: operation))
    }

    /// One page and its headers.
    func page<Operation: APIPaginatedOperation>(_ operation: Operation) async throws(APIError) -> (Operation.Page, [String: String]) {
        let (data, http) = try await exchange(operation, timeout: nil)
        let headers = SpecGenResponse.headers(of: http)
        guard (200..<300).contains(http.statusCode) else {
            throw APIError(statusCode: http.statusCode, headers: headers, rawBody: data, output: try? Operation.output(statusCode: http.statusCode, headers: headers, body: data))
        }
        do { return (try SpecGenResponse.json(Operation.Page.self, from: data), headers) } catch {
            throw APIError(kind: .decoding, statusCode: http.statusCode, headers: headers, rawBody: data, reason: "a page does not decode: \(error)")
        }
    }

    /// Builds the operation's request and exchanges it.
    func exchange<Operation: APIOperation>(_ operation: Operation, timeout: TimeInterval?) async throws(APIError) -> (data: Data, response: HTTPURLResponse) {
        try await exchange(request(for: operation), security: Operation.security, operationID: Operation.operationID, timeout: timeout)
    }

    /// The operation's request; a body that does not encode is an `APIError` of kind `.invalidRequest`.
    func request<Operation: APIOperation>(for operation: Operation) throws(APIError) -> URLRequest {
        do { return try operation.makeRequest(client: self) } catch let error as APIError { throw error } catch {
            throw APIError(kind: .invalidRequest, reason: "\(error)")
        }
    }
}
"""#

    private static let template = #"""

/// An operation `APIClient.send(_:)` can send: it builds its request and decodes its documented responses.
ACCESS nonisolated protocol APIOperation: Sendable {
    /// The documented responses, one case per status.
    associatedtype Output: Sendable
    /// The `operationId` (middlewares see it).
    static var operationID: String { get }
    /// The HTTP method.
    static var method: String { get }
    /// The path template, relative to the server URL.
    static var pathTemplate: String { get }
    /// The security requirement alternatives (scheme names).
    static var security: [[String]] { get }
    /// Builds the request without credentials (`APIClient` adds those).
    func makeRequest(client: APIClient) throws -> URLRequest
    /// Decodes a response of any status into its documented case.
    static func output(statusCode: Int, headers: [String: String], body: Data) throws -> Output
}

/// Reading responses: headers with lower-cased names, JSON bodies.
ACCESS nonisolated enum SpecGenResponse {
    /// The response's headers, names lower-cased.
    ACCESS static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields { headers[String(describing: name).lowercased()] = String(describing: value) }
        return headers
    }

    /// A JSON body decoded as `type` (an empty body decodes as JSON `null`, so optional types accept it).
    ACCESS static func json<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        try JSONDecoder().decode(type, from: body.isEmpty ? Data("null".utf8) : body)
    }
}

/// Every failure of a request, the only error the client throws (`throws(APIError)`): a non-2xx status (with the
/// headers, the body, the documented response it decodes into and rate-limit headers), or a failure before or
/// after it (`kind`).
ACCESS nonisolated struct APIError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    ACCESS enum Kind: Sendable, Hashable {
        /// The server answered with a status that is not 2xx.
        case status
        /// No HTTP response arrived (connection refused or lost, timeout, TLS, DNS).
        case transport
        /// The request could not be built (a body that does not encode, an invalid URL).
        case invalidRequest
        /// A credential provider failed.
        case credentials
        /// A 2xx (or documented) body did not decode into its type.
        case decoding
        /// The task was cancelled (during the request or while waiting to retry).
        case cancelled
    }

    /// What failed.
    ACCESS var kind: Kind
    /// The HTTP status (0 when no HTTP response arrived).
    ACCESS var statusCode: Int
    /// Response headers, names lower-cased.
    ACCESS var headers: [String: String]
    /// The body as received.
    ACCESS var rawBody: Data
    /// The operation's documented response for this status (its `Output`), when the body decoded into it.
    ACCESS var output: (any Sendable)?
    /// Why the request failed before reaching a status, or why its body did not decode.
    ACCESS var reason: String?

    ACCESS init(kind: Kind = .status, statusCode: Int = 0, headers: [String: String] = [:], rawBody: Data = Data(), output: (any Sendable)? = nil, reason: String? = nil) {
        self.kind = kind
        self.statusCode = statusCode
        self.headers = headers
        self.rawBody = rawBody
        self.output = output
        self.reason = reason
    }

    /// The documented response as the operation's `Output` type, e.g.
    /// `error.output(as: Operations.GetUser.Output.self)`; nil for another type or an undecodable body.
    ACCESS func output<Output>(as type: Output.Type) -> Output? { output as? Output }

    /// The body as JSON, whatever its shape (nil when it is not JSON).
    ACCESS var jsonBody: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: rawBody) }

    /// `X-RateLimit-Limit`: requests allowed in the window.
    ACCESS var rateLimitLimit: Int? { headers["x-ratelimit-limit"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    /// `X-RateLimit-Remaining`: requests left in the window.
    ACCESS var rateLimitRemaining: Int? { headers["x-ratelimit-remaining"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    /// `X-RateLimit-Reset`: when the window resets (the header holds UNIX seconds).
    ACCESS var rateLimitReset: Date? { headers["x-ratelimit-reset"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }.map { Date(timeIntervalSince1970: $0) } }
    /// `Retry-After` in seconds (the delay form; an HTTP-date is converted relative to now).
    ACCESS var retryAfter: TimeInterval? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = TimeInterval(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    ACCESS var description: String {
        if kind != .status && kind != .decoding { return "APIError (\(kind)): \(reason ?? "")" }
        let detail = reason ?? String(decoding: rawBody.prefix(200), as: UTF8.self)
        return "APIError \(statusCode): \(detail)"
    }
}

/// Code called around every request the client sends (each attempt of a retried request): logging, extra
/// headers, signing, refreshing a token. Call `next` to go on (zero, one or more times), or answer yourself.
ACCESS nonisolated protocol APIMiddleware: Sendable {
    func intercept(
        _ request: URLRequest, operationID: String,
        next: @Sendable (URLRequest) async throws(APIError) -> (Data, HTTPURLResponse)
    ) async throws(APIError) -> (Data, HTTPURLResponse)
}

/// When a failed request is sent again: on the statuses listed (429 and 503) and on transport failures, after an
/// exponential backoff with full jitter that is never shorter than the server's `Retry-After` (seconds or an
/// HTTP-date) or `X-RateLimit-Reset` (UNIX seconds, or seconds from now when small); only methods that are
/// idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) or requests carrying `idempotencyKeyHeader`.
ACCESS nonisolated struct APIRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1: never retry).
    ACCESS var maxAttempts: Int
    /// The first backoff's upper bound, in seconds; it doubles with each attempt.
    ACCESS var baseDelay: TimeInterval
    /// The backoff's cap, in seconds (a longer wait the server asks for is still honoured).
    ACCESS var maxDelay: TimeInterval
    /// No retry is made whose wait would end later than this many seconds after the first attempt began.
    ACCESS var maxTotalTime: TimeInterval
    /// Statuses that are retried.
    ACCESS var retryStatuses: Set<Int>
    /// A header whose presence makes a POST or PATCH safe to repeat (Stripe's `Idempotency-Key`).
    ACCESS var idempotencyKeyHeader: String?

    ACCESS init(maxAttempts: Int = 3, baseDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 30, maxTotalTime: TimeInterval = 120,
                retryStatuses: Set<Int> = [429, 503], idempotencyKeyHeader: String? = "Idempotency-Key") {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalTime = maxTotalTime
        self.retryStatuses = retryStatuses
        self.idempotencyKeyHeader = idempotencyKeyHeader
    }

    /// Three attempts, backoff from 0.5 s up to 30 s, two minutes in all.
    ACCESS static let standard = APIRetryPolicy()
    /// Every request is sent once.
    ACCESS static let never = APIRetryPolicy(maxAttempts: 1)

    /// True when `request` may be sent twice.
    ACCESS func isRepeatable(_ request: URLRequest) -> Bool {
        let method = (request.httpMethod ?? "GET").uppercased()
        if ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"].contains(method) { return true }
        guard let header = idempotencyKeyHeader else { return false }
        return request.value(forHTTPHeaderField: header) != nil
    }

    /// How long to wait before attempt `attempt + 1`, or nil when the outcome of attempt `attempt` is final.
    ACCESS func wait(after outcome: Result<(Data, HTTPURLResponse), APIError>, request: URLRequest, attempt: Int, elapsed: TimeInterval) -> TimeInterval? {
        guard attempt < maxAttempts, isRepeatable(request) else { return nil }
        var serverWait: TimeInterval = 0
        switch outcome {
        case .success(let (_, response)):
            guard retryStatuses.contains(response.statusCode) else { return nil }
            serverWait = Self.serverWait(SpecGenResponse.headers(of: response))
        case .failure(let error):
            guard error.kind == .transport else { return nil }
        }
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        let wait = max(ceiling > 0 ? Double.random(in: 0...ceiling) : 0, serverWait)
        return elapsed + wait <= maxTotalTime ? wait : nil
    }

    /// The wait the server asks for: `Retry-After`, else `X-RateLimit-Reset` (0 when neither says).
    ACCESS static func serverWait(_ headers: [String: String]) -> TimeInterval {
        let error = APIError(statusCode: 429, headers: headers)
        if let retryAfter = error.retryAfter { return max(0, retryAfter) }
        guard let text = headers["x-ratelimit-reset"]?.trimmingCharacters(in: .whitespaces), let value = TimeInterval(text) else { return 0 }
        return value > 1_000_000_000 ? max(0, value - Date().timeIntervalSince1970) : max(0, value)
    }
}


"""#
}
