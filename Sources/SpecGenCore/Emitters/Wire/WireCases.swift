/// What the wire conformance harness does for one operation: the typed input it builds (argument by argument,
/// in the order of the generated `init`), the response the loopback server answers with, the documented error
/// response it answers with the second time, or why the operation is excluded.
struct WireCase {
    /// One argument of `Operations.X.init`.
    struct Argument {
        var label: String
        var value: Value
    }

    /// How the harness writes an argument: JSON decoded into the parameter's type (type inference picks it;
    /// `optional` when the parameter is `T?`: the harness then calls a helper returning `T?`, so the compiler
    /// infers `T` alone instead of weighing `T` against `T?` for every argument),
    /// a multipart form's parts, a text body, or bytes.
    enum Value {
        case json(String, optional: Bool)
        case form(typeName: String, parts: [(label: String, value: PartValue)])
        case text(String)
        case binary([UInt8])
    }

    /// One part of a multipart form: a file, several files, or JSON decoded into the part's type.
    enum PartValue {
        case file(String)
        case files(String)
        case json(String, optional: Bool)
    }

    /// The response the server sends: status, media type and body (JSON text, plain text, or none).
    struct Response {
        var status: Int
        /// The status key as the spec writes it (`200`, `4XX`, `default`).
        var documented: String
        /// The `Output` case the client must decode it into.
        var caseName: String = ""
        var contentType: String?
        var body: JSONValue?
    }

    var number: Int
    var operation: Operation
    var typeName: String
    var methodName: String
    var arguments: [Argument]
    var success: Response?
    var error: Response?
    var exclusion: String?
    /// Other media types the body can be sent as (`bodyMediaType` cases, e.g. `form`): one more request each.
    var alternatives: [String] = []
}

/// Builds the cases of a run from the model, with the generator's own names for types, members and methods.
struct WireCaseBuilder {
    let api: APIDocument
    let builder: TypeBuilder
    let examples: WireExamples

    init(api: APIDocument, components: [String]) {
        self.api = api
        self.builder = TypeBuilder(api: api, componentKeys: components)
        self.examples = WireExamples(api: api)
    }

    func cases(_ operations: [Operation]) -> [WireCase] {
        let typeNames = OperationsEmitter(api: api, builder: builder, access: "public", specName: "").typeNames(operations)
        // The generator's own names: the same namers, in the same order, as OperationsEmitter.emit.
        var methodNamer = UniqueNamer(reserved: ClientEmitter(api: api, access: "public", specName: "").memberNames)
        let operationBuilder = OperationBuilder(api: api, builder: builder, specName: "")
        return operations.enumerated().map { index, operation in
            let typeName = typeNames[operation.id]!
            let decl = operationBuilder.declaration(for: operation, typeName: typeName, methodName: methodNamer.claim(SwiftNaming.lowerCamel(operation.id)))
            return build(operation, decl: decl, number: index + 1)
        }
    }

    private func build(_ operation: Operation, decl: OperationDecl, number: Int) -> WireCase {
        let typeName = decl.typeName
        var result = WireCase(number: number, operation: operation, typeName: typeName, methodName: decl.methodName, arguments: [])
        let plan = decl.plan
        var problems: [String] = []
        for field in plan.fields {
            let parameter = field.parameter
            guard let schema = parameter.schema else {
                if parameter.required { result.arguments.append(WireCase.Argument(label: field.swiftName, value: .json("\"abc\"", optional: false))) }
                continue
            }
            let (value, problem) = examples.value(for: schema, example: parameter.example, direction: .request)
            if let value {
                result.arguments.append(WireCase.Argument(label: field.swiftName, value: .json(JSONWriter().string(value), optional: !parameter.required)))
            } else if parameter.required {
                problems.append("no valid value for \(parameter.location.rawValue) parameter '\(parameter.name)': \(problem ?? "")")
            }
        }
        if let body = plan.body, let content = operation.requestBody.flatMap({ RequestPlan.chooseContent($0.content) }) {
            switch bodyArgument(body, content: content, typeName: typeName, optional: !plan.bodyRequired) {
            case .success(let value): result.arguments.append(WireCase.Argument(label: "body", value: value))
            case .failure(let problem): problems.append(problem.text)
            }
        }
        result.alternatives = result.arguments.contains { $0.label == "body" } ? plan.alternatives.map(\.caseName) : []
        func named(_ response: WireCase.Response) -> WireCase.Response {
            var named = response
            named.caseName = decl.outputs.first { $0.status == response.documented }?.caseName ?? "undocumented"
            return named
        }
        switch response(operation, success: true) {
        case .success(let response): result.success = named(response)
        case .failure(let problem): problems.append(problem.text)
        }
        if case .success(let response) = self.response(operation, success: false) { result.error = named(response) }
        if !problems.isEmpty { result.exclusion = problems.joined(separator: "; ") }
        return result
    }

    struct Problem: Error {
        var text: String
    }

    private func bodyArgument(_ body: RequestPlan.Body, content: MediaContent, typeName: String, optional: Bool) -> Result<WireCase.Value, Problem> {
        switch body {
        case .text: return .success(.text(content.example?.stringValue ?? "abc"))
        case .binary: return .success(.binary([0x77, 0x69, 0x72, 0x65, 0x00, 0xFF]))
        case .json, .form:
            guard let schema = content.schema else { return .success(.json("{}", optional: optional)) }
            let (value, problem) = examples.value(for: schema, example: content.example, direction: .request)
            guard let value else { return .failure(Problem(text: "no valid request body: \(problem ?? "")")) }
            return .success(.json(JSONWriter().string(value), optional: optional))
        case .multipart(_, let formName, let parts):
            guard let schema = content.schema else { return .failure(Problem(text: "multipart body without a schema")) }
            let (value, problem) = examples.value(for: schema, example: content.example, direction: .request)
            guard let object = value?.objectValue else { return .failure(Problem(text: "no valid multipart body: \(problem ?? "not an object")")) }
            var values: [(label: String, value: WireCase.PartValue)] = []
            for part in parts {
                let member = object[part.name]?.value
                guard member != nil || part.required else { continue }
                if part.isFile {
                    values.append((part.swiftName, .file(part.name)))
                } else if part.isFileArray {
                    values.append((part.swiftName, .files(part.name)))
                } else {
                    values.append((part.swiftName, .json(JSONWriter().string(member ?? .string("abc")), optional: !part.required)))
                }
            }
            return .success(.form(typeName: "Operations.\(typeName).\(formName)", parts: values))
        }
    }

    /// The documented response the server answers with: for success, the one the short call decodes (the first
    /// 2xx with a JSON schema, else the first 2xx, else `default` as 200); for the error, the first documented
    /// 4xx/5xx (or range, or `default`), JSON ones first.
    private func response(_ operation: Operation, success: Bool) -> Result<WireCase.Response, Problem> {
        let candidates = operation.responses.filter { response in
            success ? response.status.hasPrefix("2") : (response.status.hasPrefix("4") || response.status.hasPrefix("5") || response.status == "default")
        }
        // Only a redirect documented (GitHub's downloads): answered as it is, without `Location`, so URLSession
        // hands it to the client unfollowed.
        let redirect = success ? operation.responses.first { $0.status.hasPrefix("3") } : nil
        let chosen = candidates.first { $0.json?.schema != nil } ?? candidates.first
            ?? (success ? operation.responses.first { $0.status == "default" } ?? redirect : nil)
        if success, chosen == nil, operation.responses.isEmpty {
            // Nothing documented: any answer is `.undocumented`, which is what the client must say.
            return .success(WireCase.Response(status: 200, documented: "", contentType: nil, body: nil))
        }
        guard let chosen else { return .failure(Problem(text: success ? "no documented 2xx, 3xx or default response" : "no documented error response")) }
        let status: Int
        switch chosen.status.uppercased() {
        case "DEFAULT": status = success ? 200 : 500
        case let text where text.hasSuffix("XX"): status = (Int(text.prefix(1)) ?? 5) * 100
        default: status = Int(chosen.status) ?? 500
        }
        guard let content = chosen.json ?? chosen.content.first else {
            return .success(WireCase.Response(status: status, documented: chosen.status, contentType: nil, body: nil))
        }
        guard let schema = content.schema else {
            return .success(WireCase.Response(status: status, documented: chosen.status, contentType: content.mediaType, body: MediaTypes.isJSON(content.mediaType) ? .object(JSONObject()) : .string("abc")))
        }
        if !MediaTypes.isJSON(content.mediaType) {
            return .success(WireCase.Response(status: status, documented: chosen.status, contentType: content.mediaType, body: .string(content.example?.stringValue ?? "abc")))
        }
        let (value, problem) = examples.value(for: schema, example: content.example, direction: .response)
        guard let value else { return .failure(Problem(text: "no valid \(chosen.status) response body: \(problem ?? "")")) }
        return .success(WireCase.Response(status: status, documented: chosen.status, contentType: content.mediaType, body: value))
    }
}
