/// Which way a schema's values travel: a shipped client sends request values and decodes response values.
enum Direction: String, Sendable, Hashable {
    case request, response
}

/// A change found in the API model, before it is tied to operations and located in the documents.
struct ModelChange: Sendable, Hashable {
    var rule: String
    var wire: WireVerdict
    var message: String
    var oldPointer: JSONPointer?
    var newPointer: JSONPointer?
    /// The JSON member names leading to the change (`["address", "city"]`), to find its Swift declarations.
    var names: [String] = []
}

/// Compares two schemas the way a client generated from OLD meets a server implementing NEW:
/// in a request, NEW must accept everything OLD's client sends; in a response, OLD's client must decode
/// everything NEW's server sends. Each pair of schemas is compared once per direction (memoized), so a
/// component shared by many operations costs one comparison.
final class SchemaDiff {
    let old: APIDocument
    let new: APIDocument
    private var memo: [Key: [ModelChange]] = [:]
    private var inProgress: Set<Key> = []

    private struct Key: Hashable {
        var old: ObjectIdentifier
        var new: ObjectIdentifier
        var direction: Direction
    }

    init(old: APIDocument, new: APIDocument) {
        self.old = old
        self.new = new
    }

    /// The changes between two schemas in one direction; `subject` names the value in messages.
    func compare(_ oldSchema: Schema, _ newSchema: Schema, _ direction: Direction, subject: String) -> [ModelChange] {
        let a = old.dereference(oldSchema), b = new.dereference(newSchema)
        let key = Key(old: ObjectIdentifier(a), new: ObjectIdentifier(b), direction: direction)
        if let cached = memo[key] { return cached.map { relabel($0, subject) } }
        guard inProgress.insert(key).inserted else { return [] }
        var changes: [ModelChange] = []
        compareValue(a, b, direction, into: &changes)
        compareObject(a, b, direction, into: &changes)
        compareComposition(a, b, direction, into: &changes)
        if let oldItems = a.items, let newItems = b.items {
            changes += compare(oldItems, newItems, direction, subject: "items").map { nested($0, under: "[]") }
        }
        if case .schema(let oldValue) = a.additionalProperties, case .schema(let newValue) = b.additionalProperties {
            changes += compare(oldValue, newValue, direction, subject: "additional properties").map { nested($0, under: "*") }
        }
        compareAllOf(a, b, direction, into: &changes)
        inProgress.remove(key)
        memo[key] = changes
        return changes.map { relabel($0, subject) }
    }

    /// Messages are written with `%s` for the value's name, filled in for each use.
    private func relabel(_ change: ModelChange, _ subject: String) -> ModelChange {
        var change = change
        change.message = change.message.replacingOccurrences("%s", with: subject)
        return change
    }

    private func nested(_ change: ModelChange, under name: String) -> ModelChange {
        var change = change
        change.names.insert(name, at: 0)
        return change
    }

    private func make(_ rule: String, _ direction: Direction, breaksWhen breaking: Direction?, _ message: String, _ a: Schema, _ b: Schema) -> ModelChange {
        ModelChange(rule: "\(direction.rawValue)-\(rule)", wire: breaking == direction ? .breaking : .compatible, message: message, oldPointer: a.pointer, newPointer: b.pointer)
    }

    // MARK: Type, format, null, enum, constraints

    private func compareValue(_ a: Schema, _ b: Schema, _ direction: Direction, into changes: inout [ModelChange]) {
        let oldTypes = a.nonNullTypes ?? [], newTypes = b.nonNullTypes ?? []
        if oldTypes != newTypes, !oldTypes.isEmpty || !newTypes.isEmpty {
            let widened = newTypes.isSuperset(of: oldTypes) || (oldTypes == [.integer] && newTypes == [.number])
            let narrowed = oldTypes.isSuperset(of: newTypes) || (oldTypes == [.number] && newTypes == [.integer])
            let breaking = direction == .request ? !(widened || newTypes.isEmpty) : !(narrowed || oldTypes.isEmpty)
            let describe = { (types: Set<JSONType>) in types.isEmpty ? "any" : types.sorted().map(\.rawValue).joined(separator: "|") }
            changes.append(ModelChange(rule: "\(direction.rawValue)-type-changed", wire: breaking ? .breaking : .compatible, message: "%s changed type from \(describe(oldTypes)) to \(describe(newTypes))", oldPointer: a.pointer, newPointer: b.pointer))
        }
        if a.format != b.format, oldTypes == newTypes {
            let dates: Set<String> = ["date-time", "date"]
            // A server may now insist on a format the client never checked; a client decoding `Date` fails on other text.
            let breaking = direction == .request ? b.format != nil : dates.contains(a.format ?? "")
            changes.append(ModelChange(rule: "\(direction.rawValue)-format-changed", wire: breaking ? .breaking : .compatible, message: "%s changed format from \(a.format ?? "none") to \(b.format ?? "none")", oldPointer: a.pointer, newPointer: b.pointer))
        }
        if a.allowsNull != b.allowsNull {
            changes.append(b.allowsNull
                ? make("became-nullable", direction, breaksWhen: .response, "%s became nullable", a, b)
                : make("became-not-nullable", direction, breaksWhen: .request, "%s is no longer nullable", a, b))
        }
        compareEnum(a, b, direction, into: &changes)
        compareConstraints(a, b, direction, into: &changes)
    }

    private func compareEnum(_ a: Schema, _ b: Schema, _ direction: Direction, into changes: inout [ModelChange]) {
        let oldValues = (a.enumValues ?? []).filter { !$0.isNull }, newValues = (b.enumValues ?? []).filter { !$0.isNull }
        guard a.enumValues != nil || b.enumValues != nil else { return }
        if a.enumValues != nil, b.enumValues == nil {
            changes.append(make("enum-removed", direction, breaksWhen: nil, "%s accepts any value now, not only its enum", a, b))
            return
        }
        if a.enumValues == nil {
            changes.append(make("enum-added", direction, breaksWhen: .request, "%s is restricted to an enum now", a, b))
            return
        }
        let oldSet = JSONValueSet(oldValues), newSet = JSONValueSet(newValues)
        for value in oldValues where !newSet.contains(value) {
            changes.append(make("enum-value-removed", direction, breaksWhen: .request, "%s no longer allows \(JSONWriter().string(value))", a, b))
        }
        for value in newValues where !oldSet.contains(value) {
            // Generated enums are open (a struct over the raw value), so an old client decodes a new value.
            changes.append(make("enum-value-added", direction, breaksWhen: nil, "%s allows \(JSONWriter().string(value)) now", a, b))
        }
    }

    private func compareConstraints(_ a: Schema, _ b: Schema, _ direction: Direction, into changes: inout [ModelChange]) {
        func check(_ name: String, _ before: Double?, _ after: Double?, tighterWhenLarger: Bool) {
            guard before != after else { return }
            let tightened: Bool
            switch (before, after) {
            case (nil, _?): tightened = true
            case (_?, nil): tightened = false
            case let (x?, y?): tightened = tighterWhenLarger ? y > x : y < x
            default: return
            }
            let text = { (value: Double?) in value.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "none" }
            let rule = "\(name)-\(tightened ? "tightened" : "relaxed")"
            changes.append(make(rule, direction, breaksWhen: tightened ? .request : nil, "%s \(name) changed from \(text(before)) to \(text(after))", a, b))
        }
        check("max-length", a.maxLength.map(Double.init), b.maxLength.map(Double.init), tighterWhenLarger: false)
        check("min-length", a.minLength.map(Double.init), b.minLength.map(Double.init), tighterWhenLarger: true)
        check("max", a.maximum, b.maximum, tighterWhenLarger: false)
        check("min", a.minimum, b.minimum, tighterWhenLarger: true)
        check("exclusive-max", a.exclusiveMaximum, b.exclusiveMaximum, tighterWhenLarger: false)
        check("exclusive-min", a.exclusiveMinimum, b.exclusiveMinimum, tighterWhenLarger: true)
        check("max-items", a.maxItems.map(Double.init), b.maxItems.map(Double.init), tighterWhenLarger: false)
        check("min-items", a.minItems.map(Double.init), b.minItems.map(Double.init), tighterWhenLarger: true)
        check("max-properties", a.maxProperties.map(Double.init), b.maxProperties.map(Double.init), tighterWhenLarger: false)
        check("min-properties", a.minProperties.map(Double.init), b.minProperties.map(Double.init), tighterWhenLarger: true)
        if a.multipleOf != b.multipleOf {
            changes.append(make("multiple-of-changed", direction, breaksWhen: b.multipleOf == nil ? nil : .request, "%s multipleOf changed from \(a.multipleOf.map { "\($0)" } ?? "none") to \(b.multipleOf.map { "\($0)" } ?? "none")", a, b))
        }
        if a.pattern != b.pattern {
            let rule = a.pattern == nil ? "pattern-added" : b.pattern == nil ? "pattern-removed" : "pattern-changed"
            changes.append(make(rule, direction, breaksWhen: b.pattern == nil ? nil : .request, "%s pattern changed from \(a.pattern ?? "none") to \(b.pattern ?? "none")", a, b))
        }
        if !a.uniqueItems, b.uniqueItems {
            changes.append(make("unique-items-added", direction, breaksWhen: .request, "%s requires unique items now", a, b))
        }
    }

    // MARK: Objects and composition

    /// Properties of an object, `allOf` parts flattened (the generated struct holds them all).
    func flattenedProperties(_ schema: Schema, in api: APIDocument, depth: Int = 0) -> (properties: [(name: String, schema: Schema)], required: Set<String>) {
        let target = api.dereference(schema)
        var properties = target.properties
        var required = Set(target.required)
        guard depth < 16 else { return (properties, required) }
        for part in target.allOf {
            let (more, moreRequired) = flattenedProperties(part, in: api, depth: depth + 1)
            for entry in more where !properties.contains(where: { $0.name == entry.name }) { properties.append(entry) }
            required.formUnion(moreRequired)
        }
        return (properties, required)
    }

    private func compareObject(_ a: Schema, _ b: Schema, _ direction: Direction, into changes: inout [ModelChange]) {
        let (oldProperties, oldRequired) = flattenedProperties(a, in: old)
        let (newProperties, newRequired) = flattenedProperties(b, in: new)
        guard !oldProperties.isEmpty || !newProperties.isEmpty else { return }
        let readOnlySkip = { (schema: Schema) in direction == .request ? schema.readOnly : schema.writeOnly }
        for (name, oldProperty) in oldProperties {
            guard let newProperty = newProperties.first(where: { $0.name == name })?.schema else {
                if readOnlySkip(oldProperty) { continue }
                let wasRequired = oldRequired.contains(name)
                let breaking = direction == .response ? wasRequired : isForbidden(b.additionalProperties)
                changes.append(ModelChange(rule: "\(direction.rawValue)-property-removed", wire: breaking ? .breaking : .compatible, message: "%s lost \(wasRequired ? "required " : "")property '\(name)'", oldPointer: oldProperty.pointer, newPointer: b.pointer, names: [name]))
                continue
            }
            if readOnlySkip(oldProperty) && readOnlySkip(newProperty) { continue }
            let wasRequired = oldRequired.contains(name), isRequired = newRequired.contains(name)
            if !wasRequired, isRequired {
                changes.append(ModelChange(rule: "\(direction.rawValue)-property-became-required", wire: direction == .request ? .breaking : .compatible, message: "%s property '\(name)' became required", oldPointer: oldProperty.pointer, newPointer: newProperty.pointer, names: [name]))
            } else if wasRequired, !isRequired {
                changes.append(ModelChange(rule: "\(direction.rawValue)-property-became-optional", wire: direction == .response ? .breaking : .compatible, message: "%s property '\(name)' became optional", oldPointer: oldProperty.pointer, newPointer: newProperty.pointer, names: [name]))
            }
            changes += compare(oldProperty, newProperty, direction, subject: "property '\(name)'").map { nested($0, under: name) }
        }
        for (name, newProperty) in newProperties where !oldProperties.contains(where: { $0.name == name }) {
            if readOnlySkip(newProperty) { continue }
            let required = newRequired.contains(name)
            let breaking = direction == .request && required
            changes.append(ModelChange(rule: "\(direction.rawValue)-property-added", wire: breaking ? .breaking : .compatible, message: "%s gained \(required ? "required " : "optional ")property '\(name)'", oldPointer: a.pointer, newPointer: newProperty.pointer, names: [name]))
        }
    }

    private func isForbidden(_ additional: AdditionalProperties) -> Bool {
        if case .forbidden = additional { return true }
        return false
    }

    /// A new `allOf` part is one more set of rules a request must satisfy. A removed one is compatible in a
    /// response too: its object members are compared one by one through the flattening (a required member
    /// that disappears is reported as such), and the client does not validate a response's other constraints.
    private func compareAllOf(_ a: Schema, _ b: Schema, _ direction: Direction, into changes: inout [ModelChange]) {
        let oldRefs = a.allOf.compactMap(\.ref), newRefs = b.allOf.compactMap(\.ref)
        for ref in newRefs where !oldRefs.contains(ref) {
            changes.append(make("all-of-added", direction, breaksWhen: .request, "%s must also match \(ref) now", a, b))
        }
        for ref in oldRefs where !newRefs.contains(ref) {
            changes.append(make("all-of-removed", direction, breaksWhen: nil, "%s no longer matches \(ref)", a, b))
        }
    }

    /// A request object wrapped in `oneOf`: the branches (numbered from 1) that every value OLD's client sends
    /// matches (their required members are among OLD's required ones, and they take OLD's members), when there
    /// are several of them; nil otherwise.
    private func overlappingBranches(_ a: Schema, _ b: Schema, _ direction: Direction) -> String? {
        guard direction == .request, a.oneOf.isEmpty, a.anyOf.isEmpty, b.oneOf.count > 1, a.nonNullTypes?.contains(.object) ?? true else { return nil }
        let (oldProperties, oldRequired) = flattenedProperties(a, in: old)
        guard !oldRequired.isEmpty else { return nil }
        let matching = b.oneOf.indices.filter { index in
            let branch = new.dereference(b.oneOf[index])
            guard branch.nonNullTypes?.contains(.object) ?? true else { return false }
            let (properties, required) = flattenedProperties(branch, in: new)
            let takesOldMembers = !isForbidden(branch.additionalProperties) || oldRequired.allSatisfy { name in properties.contains { $0.name == name } }
            // A member the branch types differently, or restricts to an enum (a discriminator), may tell the branches apart.
            let sameMembers = oldRequired.allSatisfy { name in
                guard let mine = oldProperties.first(where: { $0.name == name }), let theirs = properties.first(where: { $0.name == name }) else { return true }
                let before = old.dereference(mine.schema), after = new.dereference(theirs.schema)
                return after.enumValues == nil && (before.nonNullTypes ?? []).isSubset(of: after.nonNullTypes ?? before.nonNullTypes ?? [])
            }
            return !oldProperties.isEmpty && required.isSubset(of: oldRequired) && takesOldMembers && sameMembers
        }
        return matching.count > 1 ? matching.map { String($0 + 1) }.joined(separator: ", ") : nil
    }

    private func compareComposition(_ a: Schema, _ b: Schema, _ direction: Direction, into changes: inout [ModelChange]) {
        let oldBranches = a.oneOf.isEmpty ? a.anyOf : a.oneOf, newBranches = b.oneOf.isEmpty ? b.anyOf : b.oneOf
        guard !oldBranches.isEmpty || !newBranches.isEmpty else { return }
        let oldRefs = oldBranches.map { $0.ref ?? $0.pointer.description }, newRefs = newBranches.map { $0.ref ?? $0.pointer.description }
        for (index, ref) in oldRefs.enumerated() where !newRefs.contains(ref) && index >= newRefs.count || (oldBranches[index].ref != nil && !newRefs.contains(ref)) {
            changes.append(make("one-of-branch-removed", direction, breaksWhen: .request, "%s no longer accepts the branch \(ref)", oldBranches[index], b))
        }
        for (index, ref) in newRefs.enumerated() where !oldRefs.contains(ref) && index >= oldRefs.count || (newBranches[index].ref != nil && !oldRefs.contains(ref)) {
            changes.append(make("one-of-branch-added", direction, breaksWhen: .response, "%s may now be the branch \(ref)", a, newBranches[index]))
        }
        if let overlap = overlappingBranches(a, b, direction) {
            changes.append(make("one-of-branches-overlap", direction, breaksWhen: .request, "%s became a oneOf whose branches \(overlap) all match what OLD's client always sends (oneOf accepts exactly one)", a, b))
        }
        for (index, pair) in zip(oldBranches, newBranches).enumerated() where pair.0.ref == nil && pair.1.ref == nil {
            changes += compare(pair.0, pair.1, direction, subject: "branch \(index + 1)").map { nested($0, under: "oneOf") }
        }
    }
}
