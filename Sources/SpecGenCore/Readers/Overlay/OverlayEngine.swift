/// Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0) to a JSON document.
///
/// Actions run in order, each on the result of the previous one. `target` is a JSONPath query (see
/// `JSONPath` for the supported subset). `remove: true` deletes every selected node (and wins over `update`).
/// `update` merges into each selected node:
/// - object target: the update must be an object; members are merged recursively — objects into objects,
///   arrays appended to arrays, anything else replaced;
/// - array target: an array update's elements are appended (as common tools do), any other value is
///   appended as one entry;
/// - scalar target: replaced by the update.
/// Values the overlay inserts have offset -1 (synthetic), so they are never located in the target file.
/// A target that selects nothing is a warning located at the action's `target` in the overlay file.
public struct OverlayEngine: Sendable {
    /// An engine.
    public init() {}

    /// The document with every action applied, and the warnings found on the way.
    /// Throws when the overlay is not an Overlay 1.0 document or a target is not valid JSONPath.
    public func apply(_ overlay: JSONDocument, to document: JSONDocument) throws(DiagnosticsError) -> (JSONDocument, [Diagnostic]) {
        let actions = try Self.actions(of: overlay)
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        var root = document.root

        for action in actions {
            let pointer = action.pointer
            let path: JSONPath
            do {
                path = try JSONPath(action.target)
            } catch {
                errors.append(overlay.diagnostic(.error, "invalid JSONPath target \"\(action.target)\": \(error)", at: pointer.appending("target"), hint: "targets look like $.components.schemas['UpdateUserRequestContent'] or $.paths[*][?(@.operationId == 'x')]"))
                continue
            }
            let selected = path.select(in: root)
            if selected.isEmpty {
                warnings.append(overlay.diagnostic(.warning, "target \(action.target) selects nothing; the action changes nothing", at: pointer.appending("target"), hint: "check the target against the document, e.g. key spelling and ['/path'] quoting"))
                continue
            }
            if action.remove {
                if selected.contains([]) {
                    errors.append(overlay.diagnostic(.error, "the root of the document cannot be removed", at: pointer.appending("target")))
                    continue
                }
                // Deepest and last first, so removing one node never shifts another's index.
                for steps in selected.sorted(by: Self.removalOrder) { Self.remove(at: steps[...], in: &root) }
                if action.update != nil {
                    warnings.append(overlay.diagnostic(.warning, "the action has both \"remove\" and \"update\"; remove wins and the update is ignored", at: pointer.appending("update")))
                }
                continue
            }
            guard let update = action.update else {
                warnings.append(overlay.diagnostic(.warning, "the action has neither \"update\" nor \"remove: true\"; it changes nothing", at: pointer))
                continue
            }
            let value = update.withoutOffsets
            for steps in selected {
                Self.modify(at: steps[...], in: &root) { node in
                    if case .object = node.value, update.value.objectValue == nil {
                        warnings.append(overlay.diagnostic(.warning, "target \(JSONPath.pointer(steps)) is an object, so the update must be an object; found \(update.value.typeName), nothing changed", at: pointer.appending("update")))
                        return
                    }
                    Self.merge(value, into: &node)
                }
            }
        }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return (JSONDocument(source: document.source, root: root, warnings: document.warnings), warnings)
    }

    struct Action {
        var pointer: JSONPointer
        var target: String
        var update: JSONNode?
        var remove: Bool
    }

    /// Checks the overlay's shape and returns its actions.
    static func actions(of overlay: JSONDocument) throws(DiagnosticsError) -> [Action] {
        guard let object = overlay.root.value.objectValue else {
            throw DiagnosticsError(overlay.diagnostic(.error, "an Overlay document must be a JSON object, found \(overlay.root.value.typeName)", at: .root))
        }
        var errors: [Diagnostic] = []
        let versionPointer = JSONPointer(tokens: ["overlay"])
        if let version = object["overlay"]?.value.stringValue {
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count != 3 || parts[0] != "1" || parts[1] != "0" || Int(parts[2]) == nil {
                errors.append(overlay.diagnostic(.error, "overlay version \"\(version)\" is not supported; SpecGen reads Overlay 1.0.x", at: versionPointer, hint: "set \"overlay\": \"1.0.0\""))
            }
        } else {
            errors.append(overlay.diagnostic(.error, "an Overlay document needs \"overlay\": \"1.0.0\"", at: versionPointer, hint: "is this file an Overlay? it needs overlay, info and actions"))
        }
        if let info = object["info"]?.value.objectValue {
            for field in ["title", "version"] where info[field]?.value.stringValue == nil {
                errors.append(overlay.diagnostic(.error, "info.\(field) is required and must be a string", at: JSONPointer(tokens: ["info"])))
            }
        } else {
            errors.append(overlay.diagnostic(.error, "an Overlay document needs an \"info\" object with title and version", at: JSONPointer(tokens: ["info"])))
        }
        var actions: [Action] = []
        if let list = object["actions"]?.value.arrayValue, !list.isEmpty {
            for (position, entry) in list.enumerated() {
                let pointer = JSONPointer(tokens: ["actions", String(position)])
                guard let action = entry.value.objectValue else {
                    errors.append(overlay.diagnostic(.error, "an action must be an object, found \(entry.value.typeName)", at: pointer))
                    continue
                }
                guard let target = action["target"]?.value.stringValue else {
                    errors.append(overlay.diagnostic(.error, "an action needs a \"target\" JSONPath string", at: pointer))
                    continue
                }
                var remove = false
                if let flag = action["remove"] {
                    if let value = flag.value.boolValue { remove = value } else {
                        errors.append(overlay.diagnostic(.error, "\"remove\" must be true or false", at: pointer.appending("remove")))
                    }
                }
                actions.append(Action(pointer: pointer, target: target, update: action["update"], remove: remove))
            }
        } else {
            errors.append(overlay.diagnostic(.error, "an Overlay document needs a non-empty \"actions\" array", at: JSONPointer(tokens: ["actions"])))
        }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return actions
    }

    /// Deep merge as described on the type.
    static func merge(_ update: JSONNode, into node: inout JSONNode) {
        switch (node.value, update.value) {
        case (.object(var target), .object(let patch)):
            for entry in patch.entries {
                if var existing = target[entry.key], existing.value.objectValue != nil || existing.value.arrayValue != nil,
                   (existing.value.objectValue != nil && entry.value.value.objectValue != nil) || (existing.value.arrayValue != nil && entry.value.value.arrayValue != nil) {
                    merge(entry.value, into: &existing)
                    target.set(entry.key, existing)
                } else {
                    target.set(entry.key, entry.value)
                }
            }
            node.value = .object(target)
        case (.array(var items), .array(let extra)):
            items.append(contentsOf: extra)
            node.value = .array(items)
        case (.array(var items), _):
            items.append(update)
            node.value = .array(items)
        default:
            node = update
        }
    }

    static func modify(at steps: ArraySlice<JSONPath.Step>, in node: inout JSONNode, _ body: (inout JSONNode) -> Void) {
        guard let first = steps.first else { return body(&node) }
        switch (first, node.value) {
        case (.key(let key), .object(var object)):
            guard var child = object[key] else { return }
            node.value = .null  // release the old storage so the child is uniquely referenced
            modify(at: steps.dropFirst(), in: &child, body)
            object.set(key, child)
            node.value = .object(object)
        case (.index(let index), .array(var items)) where index < items.count:
            node.value = .null
            modify(at: steps.dropFirst(), in: &items[index], body)
            node.value = .array(items)
        default:
            return
        }
    }

    static func remove(at steps: ArraySlice<JSONPath.Step>, in node: inout JSONNode) {
        guard let last = steps.last else { return }
        modify(at: steps.dropLast(), in: &node) { parent in
            switch (last, parent.value) {
            case (.key(let key), .object(var object)):
                object.remove(key)
                parent.value = .object(object)
            case (.index(let index), .array(var items)) where index < items.count:
                items.remove(at: index)
                parent.value = .array(items)
            default:
                break
            }
        }
    }

    /// Orders paths so that later siblings and descendants come first.
    static func removalOrder(_ a: [JSONPath.Step], _ b: [JSONPath.Step]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case let (.index(i), .index(j)): return i > j
            case let (.key(k), .key(l)): return k > l
            case (.index, .key): return true
            case (.key, .index): return false
            }
        }
        return a.count > b.count
    }
}
