/// A model change with the operation it belongs to.
struct OperationChange: Sendable, Hashable {
    /// The operation id in NEW (in OLD when the operation was removed).
    var operation: String
    /// The operation id in OLD, when it existed there (for attributing Swift declarations).
    var oldOperation: String?
    var change: ModelChange
}

/// Compares the operations in scope: matched by id, else by method and path (a renamed operationId).
struct OperationDiff {
    /// The schema comparison, which holds both documents.
    let schemas: SchemaDiff
    var old: APIDocument { schemas.old }
    var new: APIDocument { schemas.new }

    init(old: APIDocument, new: APIDocument) {
        schemas = SchemaDiff(old: old, new: new)
    }

    /// The changes between the OLD operations and the NEW ones in scope.
    func compare(old oldOperations: [Operation], new newOperations: [Operation]) -> [OperationChange] {
        var result: [OperationChange] = []
        var matchedNew: Set<String> = []
        for operation in oldOperations {
            let counterpart = newOperations.first { $0.id == operation.id }
                ?? newOperations.first { $0.method == operation.method && $0.path == operation.path && old.operation(id: $0.id) == nil }
            guard let counterpart else {
                let change = ModelChange(rule: "operation-removed", wire: .breaking, message: "operation \(operation.id) (\(operation.method) \(operation.path)) was removed", oldPointer: operation.pointer, newPointer: nil)
                result.append(OperationChange(operation: operation.id, oldOperation: operation.id, change: change))
                continue
            }
            matchedNew.insert(counterpart.id)
            for change in compare(operation, counterpart) {
                result.append(OperationChange(operation: counterpart.id, oldOperation: operation.id, change: change))
            }
        }
        for operation in newOperations where !matchedNew.contains(operation.id) {
            let change = ModelChange(rule: "operation-added", wire: .compatible, message: "operation \(operation.id) (\(operation.method) \(operation.path)) was added", oldPointer: nil, newPointer: operation.pointer)
            result.append(OperationChange(operation: operation.id, oldOperation: nil, change: change))
        }
        return result
    }

    private func compare(_ a: Operation, _ b: Operation) -> [ModelChange] {
        var changes: [ModelChange] = []
        func add(_ rule: String, _ wire: WireVerdict, _ message: String, _ oldPointer: JSONPointer?, _ newPointer: JSONPointer?, names: [String] = []) {
            changes.append(ModelChange(rule: rule, wire: wire, message: message, oldPointer: oldPointer, newPointer: newPointer, names: names))
        }
        if a.id != b.id { add("operation-id-changed", .compatible, "operationId changed from \(a.id) to \(b.id)", a.pointer, b.pointer) }
        if a.path != b.path { add("operation-path-changed", .breaking, "path changed from \(a.path) to \(b.path)", a.pointer, b.pointer) }
        if a.method != b.method { add("operation-method-changed", .breaking, "method changed from \(a.method) to \(b.method)", a.pointer, b.pointer) }
        if !a.deprecated, b.deprecated { add("operation-deprecated", .compatible, "operation \(b.id) is deprecated", a.pointer, b.pointer) }
        if a.summary != b.summary || a.description != b.description { add("operation-description-changed", .compatible, "the summary or description of \(b.id) changed", a.pointer, b.pointer) }
        let oldSecurity = Set(a.security), newSecurity = Set(b.security)
        for scheme in newSecurity.subtracting(oldSecurity).sorted() where !oldSecurity.isEmpty || !newSecurity.isEmpty {
            add("security-requirement-added", oldSecurity.isEmpty ? .breaking : .compatible, "\(b.id) now accepts security scheme '\(scheme)'\(oldSecurity.isEmpty ? " and requires it" : "")", a.pointer, b.pointer)
        }
        for scheme in oldSecurity.subtracting(newSecurity).sorted() {
            add("security-requirement-removed", newSecurity.isEmpty ? .compatible : .breaking, "\(b.id) no longer accepts security scheme '\(scheme)'", a.pointer, b.pointer)
        }
        changes += compareParameters(a, b)
        changes += compareBody(a, b)
        changes += compareResponses(a, b)
        return changes
    }

    private func compareParameters(_ a: Operation, _ b: Operation) -> [ModelChange] {
        var changes: [ModelChange] = []
        let key = { (parameter: Parameter) in "\(parameter.location.rawValue):\(parameter.location == .header ? parameter.name.lowercased() : parameter.name)" }
        for parameter in a.parameters {
            let label = "\(parameter.location.rawValue) parameter '\(parameter.name)'"
            guard let counterpart = b.parameters.first(where: { key($0) == key(parameter) }) else {
                changes.append(ModelChange(rule: "request-parameter-removed", wire: parameter.location == .path ? .breaking : .compatible, message: "\(label) was removed", oldPointer: parameter.pointer, newPointer: b.pointer, names: [parameter.name]))
                continue
            }
            if !parameter.required, counterpart.required {
                changes.append(ModelChange(rule: "request-parameter-became-required", wire: .breaking, message: "\(label) became required", oldPointer: parameter.pointer, newPointer: counterpart.pointer, names: [parameter.name]))
            } else if parameter.required, !counterpart.required {
                changes.append(ModelChange(rule: "request-parameter-became-optional", wire: .compatible, message: "\(label) became optional", oldPointer: parameter.pointer, newPointer: counterpart.pointer, names: [parameter.name]))
            }
            if (parameter.style ?? "") != (counterpart.style ?? "") || (parameter.explode ?? true) != (counterpart.explode ?? true) {
                changes.append(ModelChange(rule: "request-parameter-style-changed", wire: .breaking, message: "\(label) is serialized differently (style/explode)", oldPointer: parameter.pointer, newPointer: counterpart.pointer, names: [parameter.name]))
            }
            if let oldSchema = parameter.schema, let newSchema = counterpart.schema {
                changes += schemas.compare(oldSchema, newSchema, .request, subject: label).map { change in
                    var change = change
                    change.rule = change.rule.replacingOccurrences("request-", with: "request-parameter-")
                    change.names.insert(parameter.name, at: 0)
                    return change
                }
            }
        }
        for parameter in b.parameters where !a.parameters.contains(where: { key($0) == key(parameter) }) {
            let label = "\(parameter.location.rawValue) parameter '\(parameter.name)'"
            changes.append(ModelChange(rule: parameter.required ? "request-parameter-added-required" : "request-parameter-added", wire: parameter.required ? .breaking : .compatible, message: "\(parameter.required ? "required" : "optional") \(label) was added", oldPointer: a.pointer, newPointer: parameter.pointer, names: [parameter.name]))
        }
        return changes
    }

    private func compareBody(_ a: Operation, _ b: Operation) -> [ModelChange] {
        switch (a.requestBody, b.requestBody) {
        case (nil, nil):
            return []
        case (nil, let body?):
            return [ModelChange(rule: body.required ? "request-body-added-required" : "request-body-added", wire: body.required ? .breaking : .compatible, message: "a \(body.required ? "required " : "")request body was added", oldPointer: a.pointer, newPointer: body.pointer, names: ["body"])]
        case (let body?, nil):
            return [ModelChange(rule: "request-body-removed", wire: .compatible, message: "the request body was removed", oldPointer: body.pointer, newPointer: b.pointer, names: ["body"])]
        case (let oldBody?, let newBody?):
            var changes: [ModelChange] = []
            if !oldBody.required, newBody.required {
                changes.append(ModelChange(rule: "request-body-became-required", wire: .breaking, message: "the request body became required", oldPointer: oldBody.pointer, newPointer: newBody.pointer, names: ["body"]))
            } else if oldBody.required, !newBody.required {
                changes.append(ModelChange(rule: "request-body-became-optional", wire: .compatible, message: "the request body became optional", oldPointer: oldBody.pointer, newPointer: newBody.pointer, names: ["body"]))
            }
            for content in oldBody.content where !newBody.content.contains(where: { $0.mediaType == content.mediaType }) {
                changes.append(ModelChange(rule: "request-body-media-type-removed", wire: .breaking, message: "the request body is no longer accepted as \(content.mediaType)", oldPointer: oldBody.pointer.appending("content").appending(content.mediaType), newPointer: newBody.pointer, names: ["body"]))
            }
            for content in newBody.content where !oldBody.content.contains(where: { $0.mediaType == content.mediaType }) {
                changes.append(ModelChange(rule: "request-body-media-type-added", wire: .compatible, message: "the request body is also accepted as \(content.mediaType)", oldPointer: oldBody.pointer, newPointer: newBody.pointer.appending("content").appending(content.mediaType), names: ["body"]))
            }
            for content in oldBody.content {
                guard let newContent = newBody.content.first(where: { $0.mediaType == content.mediaType }) else { continue }
                let pointers = (old: oldBody.pointer.appending("content").appending(content.mediaType), new: newBody.pointer.appending("content").appending(content.mediaType))
                if content.schema == nil, newContent.schema != nil {
                    // Without a schema any body was accepted; now what OLD's client sends must match one.
                    changes.append(ModelChange(rule: "request-body-media-type-schema-added", wire: .breaking, message: "the request body as \(content.mediaType) must match a schema now", oldPointer: pointers.old, newPointer: pointers.new, names: ["body"]))
                } else if content.schema != nil, newContent.schema == nil {
                    changes.append(ModelChange(rule: "request-body-media-type-schema-removed", wire: .compatible, message: "the request body as \(content.mediaType) no longer has a schema", oldPointer: pointers.old, newPointer: pointers.new, names: ["body"]))
                }
                guard let oldSchema = content.schema, let newSchema = newContent.schema else { continue }
                changes += schemas.compare(oldSchema, newSchema, .request, subject: "request body").map { change in
                    var change = change
                    change.rule = change.rule.replacingOccurrences("request-", with: "request-body-").replacingOccurrences("request-body-property", with: "request-property")
                    change.names.insert("body", at: 0)
                    return change
                }
            }
            return changes
        }
    }

    private func compareResponses(_ a: Operation, _ b: Operation) -> [ModelChange] {
        var changes: [ModelChange] = []
        for response in a.responses {
            guard let counterpart = b.responses.first(where: { $0.status == response.status }) else {
                let success = response.status.hasPrefix("2")
                changes.append(ModelChange(rule: success ? "response-success-status-removed" : "response-non-success-status-removed", wire: success ? .breaking : .compatible, message: "response \(response.status) was removed", oldPointer: response.pointer, newPointer: b.pointer, names: ["response"]))
                continue
            }
            for content in response.content where !counterpart.content.contains(where: { $0.mediaType == content.mediaType }) {
                changes.append(ModelChange(rule: "response-media-type-removed", wire: response.status.hasPrefix("2") ? .breaking : .compatible, message: "response \(response.status) is no longer sent as \(content.mediaType)", oldPointer: response.pointer, newPointer: counterpart.pointer, names: ["response"]))
            }
            for content in response.content {
                guard let newContent = counterpart.content.first(where: { $0.mediaType == content.mediaType }) else { continue }
                if content.schema != nil, newContent.schema == nil {
                    // OLD's client decodes a typed body; NEW promises nothing about it any more.
                    changes.append(ModelChange(rule: "response-media-type-schema-removed", wire: response.status.hasPrefix("2") ? .breaking : .compatible, message: "response \(response.status) as \(content.mediaType) no longer has a schema", oldPointer: response.pointer.appending("content").appending(content.mediaType), newPointer: counterpart.pointer.appending("content").appending(content.mediaType), names: ["response"]))
                }
                guard let oldSchema = content.schema, let newSchema = newContent.schema else { continue }
                let subject = "response \(response.status) body"
                changes += schemas.compare(oldSchema, newSchema, .response, subject: subject).map { change in
                    var change = change
                    if !response.status.hasPrefix("2") { change.wire = .compatible }
                    change.rule = change.rule.replacingOccurrences("response-", with: "response-body-").replacingOccurrences("response-body-property", with: "response-property")
                    change.names.insert("response", at: 0)
                    return change
                }
            }
        }
        for response in b.responses where !a.responses.contains(where: { $0.status == response.status }) {
            changes.append(ModelChange(rule: response.status.hasPrefix("2") ? "response-success-status-added" : "response-non-success-status-added", wire: .compatible, message: "response \(response.status) was added", oldPointer: a.pointer, newPointer: response.pointer, names: ["response"]))
        }
        return changes
    }
}
