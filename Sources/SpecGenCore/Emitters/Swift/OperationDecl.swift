/// One operation as a declaration, beside the type declarations: the input struct (`Operations.<Name>`: members,
/// request plan, security), its `Output` enum (one case per documented response) and the client's short method.
/// Built from the model by `OperationBuilder`, rendered by `OperationRenderer`; nothing edits rendered text.
struct OperationDecl {
    var operationID: String
    var typeName: String
    var methodName: String
    var doc: String
    var method: String
    var path: String
    /// Security requirement alternatives, scheme names in each.
    var security: [[String]]
    var requestDoc: String?
    var plan: RequestPlan
    var outputs: [OutputCase]
    /// The case whose body the short call returns (the first 2xx JSON response), nil when it returns `Data`.
    var success: OutputCase?
    /// The type each Server-Sent Event's data decodes into, when a 2xx response can be a `text/event-stream`
    /// with a schema (the operation then conforms to `APIEventStreamOperation`).
    var eventStream: Shape?
    /// How the operation pages, when it is a list the client can walk (`APIPaginatedOperation`).
    var pagination: PaginationPlan?
    /// Declarations nested in the input struct (inline parameter, body and response schemas).
    var nested: [Decl]
    var summary: String?
    var sourceComment: String

    /// A Swift type written outside the input struct: its nested declarations prefixed with `Operations.<Name>.`.
    func qualified(_ shape: Shape) -> String {
        let names = Set(nested.map(\.name))
        return shape.renamingTypes { names.contains($0) ? "Operations.\(typeName).\($0)" : $0 }.swiftType
    }
}

/// One documented response of an operation, as a case of its `Output` enum.
struct OutputCase {
    /// The status as the spec writes it: `200`, `4XX`, `default`.
    var status: String
    var caseName: String
    var payload: Payload
    var description: String?

    /// What the case carries.
    enum Payload {
        /// No content documented: the case has no body.
        case none
        /// A JSON body decoded into this shape.
        case json(Shape)
        /// A `text/*` body.
        case text
        /// Any other body, as bytes.
        case data
    }

    /// A range such as `4XX` (matched as `400..<500`); `default` catches every status not listed.
    var isRange: Bool { status.count == 3 && status.uppercased().hasSuffix("XX") }
    var isDefault: Bool { status == "default" }
    /// Ranges and `default` carry the actual status code.
    var carriesStatus: Bool { isRange || isDefault }

    /// The Swift type of the body, nil for `.none`.
    var bodyType: String? {
        switch payload {
        case .none: nil
        case .json(let shape): shape.swiftType
        case .text: "String"
        case .data: "Data"
        }
    }

    /// The enum case name for a status: the HTTP reason phrase in lower camel case, `clientError` for `4XX`,
    /// `default`, else `status` + the code.
    static func caseName(for status: String) -> String {
        if status == "default" { return "default" }
        let upper = status.uppercased()
        if upper.count == 3 && upper.hasSuffix("XX") {
            switch upper.first {
            case "1": return "informational"
            case "2": return "success"
            case "3": return "redirection"
            case "4": return "clientError"
            case "5": return "serverError"
            default: return "status" + upper
            }
        }
        return reasonPhrases[status] ?? "status" + status
    }

    /// RFC 9110's reason phrases (and 429 from RFC 6585) in lower camel case.
    static let reasonPhrases: [String: String] = [
        "100": "continue", "101": "switchingProtocols",
        "200": "ok", "201": "created", "202": "accepted", "203": "nonAuthoritativeInformation", "204": "noContent",
        "205": "resetContent", "206": "partialContent", "207": "multiStatus",
        "300": "multipleChoices", "301": "movedPermanently", "302": "found", "303": "seeOther", "304": "notModified",
        "307": "temporaryRedirect", "308": "permanentRedirect",
        "400": "badRequest", "401": "unauthorized", "402": "paymentRequired", "403": "forbidden", "404": "notFound",
        "405": "methodNotAllowed", "406": "notAcceptable", "407": "proxyAuthenticationRequired", "408": "requestTimeout",
        "409": "conflict", "410": "gone", "411": "lengthRequired", "412": "preconditionFailed", "413": "contentTooLarge",
        "414": "uriTooLong", "415": "unsupportedMediaType", "416": "rangeNotSatisfiable", "417": "expectationFailed",
        "421": "misdirectedRequest", "422": "unprocessableContent", "423": "locked", "424": "failedDependency",
        "425": "tooEarly", "426": "upgradeRequired", "428": "preconditionRequired", "429": "tooManyRequests",
        "431": "requestHeaderFieldsTooLarge", "451": "unavailableForLegalReasons",
        "500": "internalServerError", "501": "notImplemented", "502": "badGateway", "503": "serviceUnavailable",
        "504": "gatewayTimeout", "505": "httpVersionNotSupported",
    ]
}

/// Builds `OperationDecl`s from the model: names, request plan, documented responses.
struct OperationBuilder {
    let api: APIDocument
    let builder: TypeBuilder
    let specName: String
    /// Component declarations by Swift name (pagination reads their members).
    var components: [String: Decl] = [:]
    /// `swift.pagination` of the config: operationId → scheme or `none`.
    var paginationOverrides: [String: String] = [:]

    /// Member names of the input struct that parameters and bodies must not take.
    static let inputMemberNames: Set<String> = ["body", "bodyMediaType", "operationID", "init", "makeRequest", "method", "pathTemplate", "security", "output", "self", "Type"]
    /// Type names nested in the input struct that inline schemas must not take.
    static let inputTypeNames = ["Output", "BodyMediaType", "Event", "Page", "Item"]

    func declaration(for operation: Operation, typeName: String, methodName: String) -> OperationDecl {
        var nested: [Decl] = []
        var typeNamer = UniqueNamer(reserved: builder.reservedTopLevelNames)
        _ = typeNamer.claim(typeName)
        for name in Self.inputTypeNames { _ = typeNamer.claim(name) }
        let plan = plan(for: operation, nested: &nested, typeNamer: &typeNamer)
        let successStatus = operation.responses.first { $0.status.hasPrefix("2") && $0.json?.schema != nil }?.status
        var caseNamer = UniqueNamer(reserved: ["undocumented"])
        var outputs: [OutputCase] = []
        for response in Self.ordered(operation.responses) {
            let caseName = caseNamer.claim(OutputCase.caseName(for: response.status))
            let hint = response.status == successStatus ? "ResponseBody" : SwiftNaming.upperCamel(caseName) + "Body"
            let payload: OutputCase.Payload
            if let json = response.json {
                payload = .json(json.schema.map { builder.shape(for: $0, hint: hint, nested: &nested, namer: &typeNamer) } ?? .json)
            } else if let first = response.content.first {
                payload = MediaTypes.base(first.mediaType).hasPrefix("text/") ? .text : .data
            } else {
                payload = .none
            }
            outputs.append(OutputCase(status: response.status, caseName: caseName, payload: payload, description: response.description))
        }

        let stream = operation.responses.first { $0.status.hasPrefix("2") }.flatMap { response in
            response.content.first { MediaTypes.base($0.mediaType) == "text/event-stream" && $0.schema != nil }?.schema
        }
        let eventStream = stream.map { builder.shape(for: $0, hint: "StreamEvent", nested: &nested, namer: &typeNamer) }

        var documentation = [operation.summary, operation.description].compactMap { $0?.trimmingCharacters(in: " \n\r\t") }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        documentation += (documentation.isEmpty ? "" : "\n\n") + "`\(operation.method) \(operation.path)`"
        if operation.deprecated { documentation += "\n\n- Warning: deprecated." }
        var decl = OperationDecl(
            operationID: operation.id, typeName: typeName, methodName: methodName, doc: documentation, method: operation.method, path: operation.path,
            security: operation.securityRequirements, requestDoc: operation.requestBody?.description, plan: plan,
            outputs: outputs, success: outputs.first { $0.status == successStatus }, eventStream: eventStream, nested: nested, summary: operation.summary,
            sourceComment: "\(SwiftTypesEmitter.sanitizedComment(specName)) \(operation.method) \(SwiftTypesEmitter.sanitizedComment(operation.path))")
        decl.pagination = PaginationFinder(components: components).plan(for: decl, operation: operation, override: paginationOverrides[operation.id])
        return decl
    }

    /// Single statuses first (in the spec's order), then ranges, then `default`: the order `output` matches them.
    static func ordered(_ responses: [ResponseModel]) -> [ResponseModel] {
        let valid = responses.filter { response in
            let status = response.status.uppercased()
            return status == "DEFAULT" || (status.count == 3 && status.first.map { "12345".contains($0) } == true
                && (Int(status) != nil || status.hasSuffix("XX")))
        }
        var seen: Set<String> = []
        let unique = valid.filter { seen.insert($0.status.uppercased()).inserted }
        func rank(_ status: String) -> Int { status == "default" ? 2 : status.uppercased().hasSuffix("XX") ? 1 : 0 }
        return unique.enumerated().sorted { (rank($0.element.status), $0.offset) < (rank($1.element.status), $1.offset) }.map(\.element)
    }

    private func plan(for operation: Operation, nested: inout [Decl], typeNamer: inout UniqueNamer) -> RequestPlan {
        var fieldNamer = UniqueNamer(reserved: Self.inputMemberNames)
        var fields: [RequestPlan.Field] = []
        for parameter in operation.parameters {
            let shape = parameter.schema.map { builder.shape(for: $0, hint: SwiftNaming.upperCamel(parameter.name), nested: &nested, namer: &typeNamer) } ?? .string(Schema(pointer: parameter.pointer, offset: -1))
            fields.append(RequestPlan.Field(parameter: parameter, swiftName: fieldNamer.claim(SwiftNaming.lowerCamel(parameter.name)), shape: shape))
        }
        let chosen = operation.requestBody.flatMap { RequestPlan.chooseContent($0.content) }
        let body = chosen.map { RequestPlan.body(for: $0, builder: builder, api: api, nested: &nested, namer: &typeNamer) }
        let alternatives = chosen.map { RequestPlan.alternatives(to: $0, in: operation.requestBody?.content ?? [], api: api) } ?? []
        return RequestPlan(fields: fields, body: body, bodyRequired: operation.requestBody?.required ?? false, alternatives: alternatives)
    }
}
