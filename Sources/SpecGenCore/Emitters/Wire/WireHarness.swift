/// The wire conformance harness (a test tool, see docs/WIRE.md): for the operations of a document, the Swift
/// source of an executable that builds each typed input and sends it with the generated client, and the cases
/// file the loopback server answers from. Pure: model in, text out.
public enum WireHarness {
    /// How the harness decodes responses: the short call (`client.x(op)`, the first 2xx JSON body; an error is
    /// an `APIError` with the documented status) or `client.send(op)` into the operation's `Output` enum.
    public enum CallStyle: String, Sendable {
        case shortCall, outputEnum
    }

    /// The harness's Swift files and the cases file (JSON) for the server.
    public struct Files: Sendable {
        /// `main.swift` (the run loop), `Support.swift` (helpers) and `Cases000.swift`… (the cases, a few dozen
        /// per file, so the compiler's jobs stay small).
        public var swiftFiles: [(name: String, text: String)]
        public var casesJSON: String
        /// Every Swift file's text, in order (for tests that look for a line).
        public var mainSwift: String { swiftFiles.map(\.text).joined(separator: "\n") }
    }

    /// The harness for `operations` of `api` (components: the schemas the SDK was generated with).
    public static func files(api: APIDocument, operations: [Operation], components: [String], moduleName: String, callStyle: CallStyle = .outputEnum) -> Files {
        let cases = WireCaseBuilder(api: api, components: components).cases(operations)
        let credentials = ClientEmitter(api: api, access: "public", specName: "").credentials
        let source = WireHarnessSource(moduleName: moduleName, serverPath: serverPath(api), credentials: credentials, callStyle: callStyle)
        return Files(swiftFiles: source.render(cases), casesJSON: casesJSON(cases, api: api))
    }

    /// The path of the first server URL, variables at their defaults (`https://{tenant}/api/v2` → `/api/v2`).
    static func serverPath(_ api: APIDocument) -> String {
        guard let server = api.servers.first else { return "" }
        var url = server.url
        for variable in server.variables { url = url.replacingOccurrences("{\(variable.name)}", with: variable.defaultValue.isEmpty ? "x" : variable.defaultValue) }
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            url = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    static func casesJSON(_ cases: [WireCase], api: APIDocument) -> String {
        func response(_ response: WireCase.Response?) -> JSONValue {
            guard let response else { return .null }
            var object = JSONObject()
            object.append(.init(key: "status", value: JSONNode(.number(JSONNumber(response.status)))))
            object.append(.init(key: "documented", value: JSONNode(.string(response.documented))))
            object.append(.init(key: "caseName", value: JSONNode(.string(response.caseName))))
            object.append(.init(key: "contentType", value: JSONNode(response.contentType.map(JSONValue.string) ?? .null)))
            object.append(.init(key: "body", value: JSONNode(response.body ?? .null)))
            return .object(object)
        }
        let items = cases.map { item -> JSONNode in
            var object = JSONObject()
            object.append(.init(key: "case", value: JSONNode(.number(JSONNumber(item.number)))))
            object.append(.init(key: "operationId", value: JSONNode(.string(item.operation.id))))
            object.append(.init(key: "method", value: JSONNode(.string(item.operation.method))))
            object.append(.init(key: "path", value: JSONNode(.string(item.operation.path))))
            object.append(.init(key: "pointer", value: JSONNode(.string(item.operation.pointer.description))))
            object.append(.init(key: "success", value: JSONNode(response(item.success))))
            object.append(.init(key: "error", value: JSONNode(response(item.error))))
            object.append(.init(key: "alternatives", value: JSONNode(.array(item.alternatives.map { JSONNode(.string($0)) }))))
            object.append(.init(key: "excluded", value: JSONNode(item.exclusion.map(JSONValue.string) ?? .null)))
            return JSONNode(.object(object))
        }
        var root = JSONObject()
        root.append(.init(key: "title", value: JSONNode(.string(api.title))))
        root.append(.init(key: "serverPath", value: JSONNode(.string(serverPath(api)))))
        root.append(.init(key: "cases", value: JSONNode(.array(items))))
        return JSONWriter(style: .pretty(indent: 2)).string(.object(root)) + "\n"
    }
}

/// Writes the harness's Swift text.
struct WireHarnessSource {
    let moduleName: String
    let serverPath: String
    let credentials: [ClientEmitter.Credential]
    let callStyle: WireHarness.CallStyle

    /// Cases per `CasesNNN.swift` file.
    static let casesPerFile = 40

    func render(_ cases: [WireCase]) -> [(name: String, text: String)] {
        let sent = cases.filter { $0.exclusion == nil }
        var main = SwiftWriter()
        main.line("// Generated by SpecGen's wire conformance harness (`specgen wire-harness`, a test tool). Do not edit.")
        main.line("// Usage: Harness BASE_URL loopback|target [CASE…]: sends every operation's typed input to BASE_URL + \(SwiftSource.stringLiteral(serverPath))")
        main.line("// and prints one JSON line per request. The cases are in Cases000.swift…, the helpers in Support.swift.")
        main.line()
        // A table, not a `switch` of `await`s: 771 suspension points in one async function made the compiler
        // need 13 GB and three minutes for GitHub's main.swift; the table has one.
        main.line("let cases: [Int: () async -> Void] = [")
        for item in sent { main.line("    \(item.number): case\(item.number),") }
        main.line("]")
        main.block("for number in selected(cases.keys.sorted())") { writer in
            writer.line("await cases[number]?()")
        }
        var files: [(name: String, text: String)] = [("main.swift", main.text), ("Support.swift", support())]
        for start in stride(from: 0, to: sent.count, by: Self.casesPerFile) {
            var writer = SwiftWriter()
            writer.raw(header().components(separatedBy: "\n"))
            for item in sent[start..<min(start + Self.casesPerFile, sent.count)] { renderCase(item, into: &writer) }
            let number = String(start / Self.casesPerFile)
            files.append((name: "Cases" + String(repeating: "0", count: max(0, 3 - number.count)) + number + ".swift", text: writer.text))
        }
        return files
    }

    private func header() -> String {
        """
        // Generated by SpecGen's wire conformance harness (`specgen wire-harness`, a test tool). Do not edit.
        import Foundation
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif
        import \(moduleName)

        """
    }

    private func credentialArguments() -> String {
        credentials.map { credential -> String in
            let value: String
            if case .basic = credential.scheme.kind { value = "SpecGenBasicCredentials(username: \"wire-user\", password: \"wire-pass\")" } else { value = "\"wire-\(credential.swiftName.filter(\.isLetter))\"" }
            return "\(SwiftNaming.escaped(credential.swiftName)): \(value)"
        }.joined(separator: ", ")
    }

    private func support() -> String {
        header() + """
        let base = URL(string: CommandLine.arguments[1] + \(SwiftSource.stringLiteral(serverPath)))!
        let targetMode = CommandLine.arguments.count > 2 && CommandLine.arguments[2] == "target"

        func selected(_ all: [Int]) -> [Int] {
            let numbers = CommandLine.arguments.dropFirst(3).compactMap { Int($0) }
            return numbers.isEmpty ? all : numbers
        }

        func wireDecode<T: Decodable>(_ text: String) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                let formatter = ISO8601DateFormatter()
                if let date = formatter.date(from: text) { return date }
                formatter.formatOptions = [.withFullDate]
                if let date = formatter.date(from: text) { return date }
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \\(text)"))
            }
            return try decoder.decode(T.self, from: Data(text.utf8))
        }

        /// For a parameter of type `T?`: returns `T?`, so the compiler infers `T` alone.
        func wireDecodeSome<T: Decodable>(_ text: String) throws -> T? {
            let value: T = try wireDecode(text)
            return value
        }

        func wireFile(_ name: String) -> SpecGenFile {
            SpecGenFile(data: Data("wire file \\(name)\\n".utf8), fileName: name + ".txt", contentType: "text/plain")
        }

        func client(_ number: Int, _ want: String) -> APIClient {
            APIClient(baseURL: base, bearerToken: "wire-token", credentials: Credentials(\(credentialArguments())),
                      additionalHeaders: ["X-Wire-Case": String(number), "X-Wire-Want": want])
        }

        func report(_ number: Int, _ want: String, _ outcome: String, status: Int? = nil, detail: String = "") {
            let object: [String: Any] = ["case": number, "want": want, "outcome": outcome, "status": status ?? -1, "detail": String(detail.prefix(400))]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }

        /// `--target` mode: one request, the status it got; no decoding.
        func sendOnly(_ number: Int, _ make: (APIClient) throws -> URLRequest, security: [[String]]) async {
            let client = client(number, "target")
            do {
                var request = try make(client)
                try await client.authorize(&request, security: security)
                let (_, response) = try await client.session.data(for: request)
                report(number, "target", "sent", status: (response as? HTTPURLResponse)?.statusCode)
            } catch {
                report(number, "target", "failed", detail: "\\(error)")
            }
        }

        /// The status and case of an `Output` value (its case name, e.g. `ok` or `undocumented`).
        func caseName(_ value: Any) -> String {
            Mirror(reflecting: value).children.first?.label ?? String(describing: value)
        }


        """
    }

    private func renderCase(_ item: WireCase, into writer: inout SwiftWriter) {
        let type = "Operations.\(item.typeName)"
        writer.line("/// \(item.operation.method) \(SwiftTypesEmitter.sanitizedComment(item.operation.path)) (`\(SwiftTypesEmitter.sanitizedComment(item.operation.id))`)")
        writer.block("func case\(item.number)() async") { writer in
            if item.arguments.isEmpty {
                writer.line("let input = \(type)()")
            } else {
                writer.line("let input: \(type)")
                writer.line("do { input = try \(type)(\(item.arguments.map(argument).joined(separator: ", "))) }")
                writer.line("catch { report(\(item.number), \"input\", \"failed\", detail: \"\\(error)\"); return }")
            }
            writer.line("if targetMode { await sendOnly(\(item.number), { try input.makeRequest(client: $0) }, security: \(type).security); return }")
            renderCall(item, want: "success", expected: item.success, into: &writer)
            if let error = item.error { renderCall(item, want: "error", expected: error, into: &writer) }
            for alternative in item.alternatives {
                writer.line("var \(alternative)Input = input")
                writer.line("\(alternative)Input.bodyMediaType = .\(alternative)")
                renderCall(item, want: alternative, expected: item.success, input: "\(alternative)Input", into: &writer)
            }
        }
        writer.line()
    }

    private func renderCall(_ item: WireCase, want: String, expected: WireCase.Response?, input: String = "input", into writer: inout SwiftWriter) {
        let number = item.number
        let status = expected?.status ?? 200
        switch callStyle {
        case .shortCall:
            writer.block("do") { writer in
                writer.line("let value = try await client(\(number), \"\(want)\").\(SwiftNaming.escaped(item.methodName))(\(input))")
                writer.line("_ = value")
                writer.line(want != "error" ? "report(\(number), \"\(want)\", \"decoded\", status: \(status))"
                            : "report(\(number), \"error\", \"failed\", status: \(status), detail: \"no error thrown\")")
            }
            writer.block("catch let error as APIError") { writer in
                writer.line(want != "error" ? "report(\(number), \"\(want)\", \"failed\", status: error.statusCode, detail: \"\\(error)\")"
                            : "report(\(number), \"error\", error.statusCode == \(status) ? \"decoded\" : \"failed\", status: error.statusCode, detail: \"\\(error)\")")
            }
            writer.line("catch { report(\(number), \"\(want)\", \"failed\", detail: \"\\(error)\") }")
        case .outputEnum:
            writer.block("do") { writer in
                writer.line("let output = try await client(\(number), \"\(want)\").send(\(input))")
                writer.line("let name = caseName(output)")
                let expectedCase = expected?.caseName ?? "undocumented"
                writer.line("report(\(number), \"\(want)\", name == \(SwiftSource.stringLiteral(expectedCase)) ? \"decoded\" : \"failed\", status: \(status), detail: name)")
            }
            writer.line("catch { report(\(number), \"\(want)\", \"failed\", detail: \"\\(error)\") }")
        }
    }

    private func argument(_ argument: WireCase.Argument) -> String {
        "\(SwiftNaming.escaped(argument.label)): " + value(argument.value)
    }

    private func value(_ value: WireCase.Value) -> String {
        switch value {
        case .json(let text, let optional): return "\(optional ? "wireDecodeSome" : "wireDecode")(\(SwiftSource.stringLiteral(text)))"
        case .text(let text): return SwiftSource.stringLiteral(text)
        case .binary(let bytes): return "Data([\(bytes.map(String.init).joined(separator: ", "))])"
        case .form(let typeName, let parts):
            let arguments = parts.map { part -> String in
                let text: String
                switch part.value {
                case .file(let name): text = "wireFile(\(SwiftSource.stringLiteral(name)))"
                case .files(let name): text = "[wireFile(\(SwiftSource.stringLiteral(name)))]"
                case .json(let json, let optional): text = "\(optional ? "wireDecodeSome" : "wireDecode")(\(SwiftSource.stringLiteral(json)))"
                }
                return "\(SwiftNaming.escaped(part.label)): \(text)"
            }
            return "\(typeName)(\(arguments.joined(separator: ", ")))"
        }
    }
}
