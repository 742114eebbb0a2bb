import Foundation

/// The `swift-sdk` snippet: an operation's example request written against the SDK SpecGen generates from the
/// same spec (`import <Module>`, the typed body built from the example, `APIClient`, the short call, a `catch`
/// of the typed `APIError`). Unlike the request-only clients it needs the model: the generator's own names for
/// types, members and methods come from the same builders, in the same order, as `SwiftTypesEmitter`.
/// Built once per run; `render` is a pure function of an operation and its example.
public struct SwiftSDKSnippet {
    /// Who this client is; docs list it first.
    public static let info = SnippetClientInfo(id: "swift-sdk", displayName: "Swift SDK", language: "swift", fileExtension: "swift")

    /// A snippet and what it cannot say exactly (nil when it sends the example request as described).
    public struct Rendered: Sendable, Equatable {
        public var text: String
        public var limitation: String?
    }

    let moduleName: String
    let examples: OperationExampleBuilder
    let values: SwiftValueLiteral
    let declarations: [String: OperationDecl]
    let credentials: [ClientEmitter.Credential]

    /// The snippet writer for `operations` of `api`, whose SDK was generated from `components` into `moduleName`.
    public init(api: APIDocument, components: [String], operations: [Operation], moduleName: String, placeholders: [String: String]) {
        let builder = TypeBuilder(api: api, componentKeys: components)
        var decls: [String: Decl] = [:]
        for key in components {
            let decl = builder.declaration(forComponent: key)
            decls[decl.name] = decl
        }
        // The generator's own names (the declarations the Swift output renders).
        let emitter = OperationsEmitter(api: api, builder: builder, access: "public", specName: "")
        let declarations = Dictionary(zip(operations.map(\.id), emitter.declarations(operations)), uniquingKeysWith: { first, _ in first })
        self.moduleName = moduleName
        self.examples = OperationExampleBuilder(api: api, placeholders: placeholders)
        self.values = SwiftValueLiteral(components: decls)
        self.declarations = declarations
        self.credentials = ClientEmitter(api: api, access: "public", specName: "").credentials
    }

    /// The server URL the snippet's client uses (the first server, variables as placeholders), URL-safe.
    public var serverURL: String { OperationExampleBuilder.urlSafe(examples.serverURL()) }

    /// The snippet for `operation` (one of those given to `init`); `serverURL` replaces the spec's server
    /// (the execution suite points it at the echo server).
    public func render(_ operation: Operation, serverURL: String? = nil) -> Rendered {
        guard let decl = declarations[operation.id] else {
            return Rendered(text: "// The Swift SDK was not generated for \(SwiftTypesEmitter.sanitizedComment(operation.id)).\n", limitation: "no SDK operation")
        }
        var problems: [String] = []
        var writer = CodeWriter(indentUnit: "    ")
        writer.line("import Foundation")
        writer.line("import " + moduleName)
        writer.blank()
        let client = clientExpression(operation, serverURL: serverURL ?? self.serverURL, problems: &problems)
        writer.line("let client = " + client.layout(indent: "", used: 13))
        writer.blank()
        var arguments = parameterArguments(operation, decl, problems: &problems)
        if let (type, body) = bodyExpression(operation, decl, problems: &problems) {
            if hasNullableMembers(body) {
                writer.line("// Members left out are not sent; a Nullable member set to .null is sent as null.")
            }
            let isTypeCall = if case .call(let prefix, _) = body, !prefix.hasPrefix(".") { true } else { false }
            let head = isTypeCall ? "let body = " : "let body: \(type) = "
            writer.line(head + body.layout(indent: "", used: head.count))
            writer.blank()
            arguments.append(.init(label: "body", value: .atom("body")))
        }
        let call = SwiftExpression.call("Operations." + decl.typeName, arguments)
        writer.line("let operation = " + call.layout(indent: "", used: 16))
        writer.blank()
        let returnsData = if case .json? = decl.success?.payload { false } else { true }
        writer.line("do throws(APIError) {")
        writer.indented { writer in
            writer.line("let \(returnsData ? "data" : "response") = try await client.\(SwiftNaming.escaped(decl.methodName))(operation)")
            writer.line(returnsData ? "print(String(decoding: data, as: UTF8.self))" : "print(response)")
        }
        writer.line("} catch {")
        writer.indented { writer in
            writer.line("// `error` is an APIError: the status, headers and body the server answered with, or why no answer came.")
            writer.line("print(error.statusCode, String(decoding: error.rawBody, as: UTF8.self))")
        }
        writer.line("}")
        let limitation = problems.isEmpty ? nil : "the SDK call differs from the request shown: " + problems.joined(separator: "; ")
        return Rendered(text: writer.text, limitation: limitation)
    }

    /// A literal of a scalar shape (`0`, `false`, `""`), nil for other shapes.
    static func zero(of shape: Shape) -> SwiftExpression? {
        switch shape {
        case .integer, .number: .atom("0")
        case .boolean: .atom("false")
        case .string: .atom("\"\"")
        case .alias(_, let underlying): zero(of: underlying)
        default: nil
        }
    }

    /// True when the body is a struct with a three-state (`Nullable`) member, whose use the snippet explains.
    private func hasNullableMembers(_ body: SwiftExpression) -> Bool {
        guard case .call(let type, _) = body, !type.hasPrefix("."),
              let (_, decl, _) = values.resolve(type, scopes: []) ?? resolveQualified(type),
              case .structure(let structure) = decl else { return false }
        return structure.properties.contains { $0.mode == .nullable }
    }

    /// A declaration by its qualified name (`Operations.X.Body`, `Parent.Child`).
    private func resolveQualified(_ qualified: String) -> (String, Decl, [SwiftValueLiteral.Scope])? {
        let names = qualified.split(separator: ".").map(String.init)
        var scopes: [SwiftValueLiteral.Scope] = []
        var start = 0
        if names.first == "Operations", names.count > 2, let operation = declarations.values.first(where: { $0.typeName == names[1] }) {
            scopes = [SwiftValueLiteral.Scope(path: "Operations." + operation.typeName, nested: operation.nested)]
            start = 2
        }
        var found: (String, Decl, [SwiftValueLiteral.Scope])?
        for name in names[start...] {
            guard let next = values.resolve(name, scopes: scopes) else { return nil }
            found = next
            scopes = next.2
        }
        return found
    }

    /// `APIClient(baseURL: …, bearerToken: …)` or `credentials: Credentials(…)` for the scheme the example uses.
    private func clientExpression(_ operation: Operation, serverURL: String, problems: inout [String]) -> SwiftExpression {
        var arguments: [SwiftExpression.Argument] = [.init(label: "baseURL", value: .atom("URL(string: \(SwiftSource.stringLiteral(serverURL)))!"))]
        let placeholders = examples.placeholders
        for name in operation.security {
            guard let credential = credentials.first(where: { $0.scheme.name == name }) else { continue }
            let label = SwiftNaming.argumentLabel(credential.swiftName)
            switch credential.scheme.kind {
            case .bearer, .oauth2, .openIdConnect:
                let token = placeholders[name] ?? placeholders["bearerToken"] ?? "YOUR_ACCESS_TOKEN"
                arguments.append(.init(label: "bearerToken", value: .atom(SwiftSource.stringLiteral(token))))
            case .basic:
                let decoded = placeholders[name].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
                let pair = decoded?.split(separator: ":", maxSplits: 1).map(String.init)
                if pair?.count != 2 { problems.append("the SDK sends the base64 of a user name and password, not the placeholder text") }
                let user = pair?.count == 2 ? pair![0] : "USERNAME", password = pair?.count == 2 ? pair![1] : "PASSWORD"
                let value = SwiftExpression.call("SpecGenBasicCredentials", [.init(label: "username", value: .atom(SwiftSource.stringLiteral(user))),
                                                                            .init(label: "password", value: .atom(SwiftSource.stringLiteral(password)))])
                arguments.append(.init(label: "credentials", value: .call("Credentials", [.init(label: label, value: value)])))
            case .apiKey:
                let key = placeholders[name] ?? "YOUR_API_KEY"
                arguments.append(.init(label: "credentials", value: .call("Credentials", [.init(label: label, value: .atom(SwiftSource.stringLiteral(key)))])))
            case .other:
                continue
            }
            break
        }
        return .call("APIClient", arguments)
    }

    /// The operation's parameters the example sends (path, required query and header parameters) and every other
    /// required one, typed.
    private func parameterArguments(_ operation: Operation, _ decl: OperationDecl, problems: inout [String]) -> [SwiftExpression.Argument] {
        var arguments: [SwiftExpression.Argument] = []
        for field in decl.plan.fields {
            let parameter = field.parameter
            guard parameter.required || parameter.location == .path else { continue }
            let example = parameter.example ?? parameter.schema?.example
            var value: JSONValue = .string(examples.placeholder(for: parameter))
            if examples.placeholders[parameter.name] == nil, let example {
                if example.stringValue != nil || example.numberValue != nil || example.boolValue != nil {
                    value = example
                } else {
                    problems.append("parameter '\(parameter.name)': the request shows its example as JSON text, the SDK serializes it by its style")
                    value = example
                }
            }
            let scopes = [SwiftValueLiteral.Scope(path: "Operations." + decl.typeName, nested: decl.nested)]
            var trial: [String] = []
            var expression = values.expression(value, field.shape, scopes: scopes, pointer: "", problems: &trial)
            if !trial.isEmpty, let text = value.stringValue, let parsed = try? JSONReader().read(text: text) {
                // A placeholder such as "3" for an integer parameter.
                var again: [String] = []
                let typed = values.expression(parsed.root.value, field.shape, scopes: scopes, pointer: "", problems: &again)
                if again.isEmpty { (expression, trial) = (typed, []) }
            }
            if !trial.isEmpty, let schema = parameter.schema {
                // A placeholder such as `{team_id}` for an integer: the snippet passes a value of the type instead.
                let typed = examples.exampleValue(for: schema, depth: 0, forRequest: true)
                var again: [String] = []
                let fallback = values.expression(typed, field.shape, scopes: scopes, pointer: "", problems: &again)
                // Still not a value of the type (an example beyond Int): its zero, which compiles.
                expression = again.isEmpty ? fallback : Self.zero(of: field.shape) ?? fallback
                problems.append("parameter '\(parameter.name)' takes \(field.shape.swiftType): the snippet passes \(expression.inline) where the request shows \(SwiftValueLiteral.shown(value))")
            } else if !trial.isEmpty {
                problems.append("parameter '\(parameter.name)' takes \(field.shape.swiftType), so the SDK cannot send \(JSONWriter().string(value))")
            }
            arguments.append(.init(label: SwiftNaming.argumentLabel(field.swiftName), value: expression))
        }
        return arguments
    }
}
