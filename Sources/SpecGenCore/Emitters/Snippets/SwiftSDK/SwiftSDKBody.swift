import Foundation

extension SwiftSDKSnippet {
    /// The body's Swift type (as the snippet names it) and the expression that builds it from the example.
    func bodyExpression(_ operation: Operation, _ decl: OperationDecl, problems: inout [String]) -> (String, SwiftExpression)? {
        guard let body = decl.plan.body, let (content, value) = examples.bodyExample(for: operation) else { return nil }
        if MediaTypes.base(content.mediaType) != MediaTypes.base(body.mediaType) {
            problems.append("the request shows the \(content.mediaType) body, the SDK sends \(body.mediaType)")
        }
        let scopes = [SwiftValueLiteral.Scope(path: "Operations." + decl.typeName, nested: decl.nested)]
        switch body {
        case .json(_, let shape):
            return (decl.qualified(shape), values.expression(value, shape, scopes: scopes, pointer: "", problems: &problems))
        case .form(_, let shape, _):
            // The SDK writes a form through its JSON encoder, whose keys are sorted.
            let keys = value.objectValue?.keys ?? []
            if keys != keys.sorted() {
                problems.append("the SDK sends the form fields in alphabetical order (\(keys.sorted().joined(separator: ", "))), the request shown in the example's order")
            }
            return (decl.qualified(shape), values.expression(value, shape, scopes: scopes, pointer: "", problems: &problems))
        case .multipart(_, let formName, let parts):
            let type = "Operations.\(decl.typeName).\(formName)"
            return (type, multipart(value, type: type, parts: parts, scopes: scopes, problems: &problems))
        case .text:
            return ("String", .atom(SwiftSource.stringLiteral(value.stringValue ?? JSONWriter().string(value))))
        case .binary:
            let text = SwiftSource.stringLiteral(value.stringValue ?? JSONWriter().string(value))
            return ("Data", .call("Data", [.init(label: nil, value: .atom(text + ".utf8"))]))
        }
    }

    /// The multipart form's init: each part the example holds, typed as the form declares it.
    private func multipart(_ value: JSONValue, type: String, parts: [RequestPlan.Part], scopes: [SwiftValueLiteral.Scope], problems: inout [String]) -> SwiftExpression {
        let object = value.objectValue ?? JSONObject()
        var arguments: [SwiftExpression.Argument] = []
        for part in parts {
            guard let member = object[part.name]?.value else {
                if part.required { problems.append("the example has no '\(part.name)' part, which the SDK requires") }
                continue
            }
            let label = SwiftNaming.argumentLabel(part.swiftName)
            if part.isFile || part.isFileArray {
                // The request shows the example text as a field; the SDK sends a file part (with a file name).
                problems.append("part '\(part.name)' is a file in the SDK, a text field in the request shown")
                let file = SwiftExpression.call("SpecGenFile", [
                    .init(label: "data", value: .atom("Data(\(SwiftSource.stringLiteral(member.stringValue ?? JSONWriter().string(member)))" + ".utf8)")),
                    .init(label: "fileName", value: .atom(SwiftSource.stringLiteral(part.name))),
                ])
                arguments.append(.init(label: label, value: part.isFileArray ? .array([file]) : file))
                continue
            }
            let shape = Self.shape(ofPartType: part.swiftType)
            arguments.append(.init(label: label, value: values.expression(member, shape, scopes: scopes, pointer: "/" + JSONPointer.escape(part.name), problems: &problems)))
        }
        return .call(type, arguments)
    }

    /// The shape of a multipart part's Swift type (`String`, `[Int]`, a declared type's name).
    static func shape(ofPartType type: String) -> Shape {
        let schema = Schema(pointer: JSONPointer(tokens: []), offset: -1)
        if type.hasPrefix("["), type.hasSuffix("]"), !type.contains(":") {
            return .array(shape(ofPartType: String(type.dropFirst().dropLast())), schema)
        }
        switch type {
        case "String": return .string(schema)
        case "Int": return .integer(schema)
        case "Double": return .number(schema)
        case "Bool": return .boolean
        case "JSONValue": return .json
        default: return .named(type)
        }
    }
}
