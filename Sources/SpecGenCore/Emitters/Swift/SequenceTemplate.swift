/// The constant code generated clients use for sequences: Server-Sent Events (the protocol, the event, the
/// WHATWG parser, the URLSession delegate that streams on Linux) and pagination (the protocol, `APIPages`,
/// `APIItems`, `Link` headers). Emitted with `ClientTemplate.source`.
enum SequenceTemplate {
    static let template = #"""
/// An operation whose success response can be a stream of Server-Sent Events (`text/event-stream`);
/// `APIClient.events(_:)` sends it and yields each event's data decoded as `Event`.
ACCESS nonisolated protocol APIEventStreamOperation: APIOperation {
    /// The type each event's `data` decodes into (the schema of the `text/event-stream` response).
    associatedtype Event: Decodable & Sendable
}

/// One Server-Sent Event: its type (`message` when the stream names none), the last event ID, the reconnection
/// time the server asked for, the data as sent (lines joined with `\n`) and decoded.
ACCESS nonisolated struct APIServerSentEvent<Payload: Sendable>: Sendable {
    ACCESS var event: String
    ACCESS var id: String?
    ACCESS var retry: Int?
    ACCESS var data: String
    ACCESS var payload: Payload
}

/// The event stream interpretation of the WHATWG HTML standard (§9.2.6): lines end in CRLF, LF or CR; a blank
/// line dispatches; `:` starts a comment; `data` lines join with `\n`; `id` without NUL sets the last event ID;
/// `retry` only when all digits; an event without data is not dispatched; an unfinished event at the end is dropped.
ACCESS nonisolated struct SpecGenEventParser: Sendable {
    private var line: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    private var data = ""
    private var hasData = false
    private var type = ""
    private var lastID: String?
    private var retry: Int?

    ACCESS init() {}

    /// The events completed by these bytes.
    ACCESS mutating func feed(_ bytes: Data) -> [(event: String, id: String?, retry: Int?, data: String)] {
        var events: [(event: String, id: String?, retry: Int?, data: String)] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            if byte == 0x0A || byte == 0x0D {
                afterCR = byte == 0x0D
                if let event = process() { events.append(event) }
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        return events
    }

    private mutating func process() -> (event: String, id: String?, retry: Int?, data: String)? {
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        if line.isEmpty {
            defer { data = ""; hasData = false; type = "" }
            guard hasData else { return nil }
            return (type.isEmpty ? "message" : type, lastID, retry, data.hasSuffix("\n") ? String(data.dropLast()) : data)
        }
        if line.first == UInt8(ascii: ":") { return nil }
        let text = String(decoding: line, as: UTF8.self)
        var field = text
        var value = ""
        if let colon = text.firstIndex(of: ":") {
            field = String(text[..<colon])
            value = String(text[text.index(after: colon)...])
            if value.hasPrefix(" ") { value.removeFirst() }
        }
        switch field {
        case "event": type = value
        case "data": data += value + "\n"; hasData = true
        case "id": if !value.contains("\u{0}") { lastID = value }
        case "retry": if !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { retry = Int(value) }
        default: break
        }
        return nil
    }
}

/// Delivers a data task's response and its bytes as they arrive (FoundationNetworking has no `bytes(for:)`).
nonisolated final class SpecGenStreamDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let chunks: AsyncThrowingStream<Data, any Error>
    private let chunkContinuation: AsyncThrowingStream<Data, any Error>.Continuation
    private let lock = NSLock()
    private var response: URLResponse?
    private var waiting: CheckedContinuation<URLResponse, any Error>?
    private var failure: (any Error)?

    override init() {
        (chunks, chunkContinuation) = AsyncThrowingStream.makeStream(of: Data.self)
        super.init()
    }

    /// The response's head, once it arrives.
    func response(_ task: URLSessionDataTask) async throws -> URLResponse {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let response { lock.unlock(); return continuation.resume(returning: response) }
            if let failure { lock.unlock(); return continuation.resume(throwing: failure) }
            waiting = continuation
            lock.unlock()
            task.resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        self.response = response
        let waiter = waiting
        waiting = nil
        lock.unlock()
        waiter?.resume(returning: response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        chunkContinuation.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        failure = error ?? URLError(.badServerResponse)
        let waiter = waiting
        waiting = nil
        lock.unlock()
        waiter?.resume(throwing: error ?? URLError(.badServerResponse))
        if let error { chunkContinuation.finish(throwing: error) } else { chunkContinuation.finish() }
    }
}


/// A list operation the client can walk page by page (`APIClient.pages(_:)`, `APIClient.items(_:)`).
ACCESS nonisolated protocol APIPaginatedOperation: APIOperation {
    /// One page: the operation's success body.
    associatedtype Page: Decodable & Sendable
    /// One element of a page.
    associatedtype Item: Sendable
    /// The elements of a page.
    static func items(in page: Page) -> [Item]
    /// The input asking for the page after `page` (its response headers given); nil when `page` is the last.
    func next(after page: Page, headers: [String: String]) -> Self?
}

/// The pages of a list operation, as an async sequence (`APIClient.pages(_:)`).
ACCESS nonisolated struct APIPages<Operation: APIPaginatedOperation>: AsyncSequence, Sendable {
    ACCESS typealias Element = Operation.Page
    ACCESS typealias Failure = APIError
    let client: APIClient
    let first: Operation

    ACCESS struct AsyncIterator: AsyncIteratorProtocol {
        let client: APIClient
        var current: Operation?

        ACCESS mutating func next() async throws(APIError) -> Operation.Page? {
            guard let input = current else { return nil }
            if Task.isCancelled { throw APIError(kind: .cancelled, reason: "cancelled between pages") }
            let (page, headers) = try await client.page(input)
            current = input.next(after: page, headers: headers)
            return page
        }
    }

    ACCESS func makeAsyncIterator() -> AsyncIterator { AsyncIterator(client: client, current: first) }
}

/// The elements of every page of a list, as an async sequence (`APIClient.items(_:)`).
ACCESS nonisolated struct APIItems<Operation: APIPaginatedOperation>: AsyncSequence, Sendable {
    ACCESS typealias Element = Operation.Item
    ACCESS typealias Failure = APIError
    let pages: APIPages<Operation>

    ACCESS struct AsyncIterator: AsyncIteratorProtocol {
        var pages: APIPages<Operation>.AsyncIterator
        var buffer: [Operation.Item] = []

        ACCESS mutating func next() async throws(APIError) -> Operation.Item? {
            while buffer.isEmpty {
                guard let page = try await pages.next() else { return nil }
                buffer = Operation.items(in: page).reversed()
            }
            return buffer.popLast()
        }
    }

    ACCESS func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pages: pages.makeAsyncIterator()) }
}

/// Reading an RFC 8288 `Link` header.
ACCESS nonisolated enum SpecGenLink {
    /// The `page` query value of the `rel="next"` link, when there is one.
    ACCESS static func nextPage(_ header: String?) -> Int? {
        guard let header else { return nil }
        for link in header.split(separator: ",") {
            let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">"),
                  parts.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "").lowercased() == "rel=\"next\"" || $0.lowercased() == "rel=next" }),
                  let components = URLComponents(string: String(target.dropFirst().dropLast())) else { continue }
            return components.queryItems?.first(where: { $0.name == "page" })?.value.flatMap { Int($0) }
        }
        return nil
    }
}

"""#
}
