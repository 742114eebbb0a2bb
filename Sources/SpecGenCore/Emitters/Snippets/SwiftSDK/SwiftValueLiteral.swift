import Foundation

/// Writes an example JSON value as the Swift expression a person would type to build the generated type:
/// memberwise inits with their labels in the init's order, three-state members as `Nullable` values, open
/// enum constants, one-of cases, arrays, dictionaries and `JSONValue` literals. Pure: declarations and JSON in,
/// an expression and the problems (what the expression cannot say exactly) out. Spec strings reach the text
/// only through `SwiftSource.stringLiteral`; names are the generator's own (from the declarations).
struct SwiftValueLiteral {
    /// Where nested type names resolve: the qualified name of a declaration and the types nested in it.
    struct Scope {
        var path: String
        var nested: [Decl]
    }

    /// Component declarations by Swift name.
    let components: [String: Decl]

    /// The expression for `value` held as `shape`; `pointer` (into the example) locates problems.
    func expression(_ value: JSONValue, _ shape: Shape, scopes: [Scope], pointer: String, problems: inout [String]) -> SwiftExpression {
        switch shape {
        case .orNull(let wrapped):
            return value.isNull ? .atom("nil") : expression(value, wrapped, scopes: scopes, pointer: pointer, problems: &problems)
        case .alias(let name, let underlying):
            // A component alias's helper types (`typealias Effort = Effort2`) are declared at top level beside it.
            var inner = scopes
            if case .alias(let alias)? = components[name], !alias.nested.isEmpty { inner.append(Scope(path: "", nested: alias.nested)) }
            return expression(value, underlying, scopes: inner, pointer: pointer, problems: &problems)
        case .json:
            return json(value)
        case .string:
            if let text = value.stringValue { return .atom(SwiftSource.stringLiteral(text)) }
        case .integer:
            if let number = value.numberValue, let int = number.int, number.isInteger { return .atom(String(int)) }
        case .number:
            // Beyond Double (1e400) or below its smallest value (0.1e-400, which would turn into 0) is not held.
            if let number = value.numberValue, number.double.isFinite, number.double != 0 || Self.isZero(number) {
                return .atom(SwiftSource.doubleLiteral(number.double))
            }
        case .boolean:
            if let bool = value.boolValue { return .atom(bool ? "true" : "false") }
        case .date:
            if let text = value.stringValue, let date = Self.date(text) {
                if !text.hasSuffix("Z") { problems.append("\(pointer): the SDK sends the date-time \(text) in UTC (…Z)") }
                return date
            }
        case .array(let element, _):
            if let items = value.arrayValue {
                // An element the type cannot hold is left out (noted), so the rest still compiles.
                return .array(items.enumerated().compactMap { index, item in
                    var trial: [String] = []
                    let expression = expression(item.value, element, scopes: scopes, pointer: pointer + "/\(index)", problems: &trial)
                    problems += trial
                    if !trial.isEmpty { problems.append("\(pointer)/\(index): left out of the snippet"); return nil }
                    return expression
                })
            }
        case .map(let valueShape, _):
            if let object = value.objectValue {
                return .dictionary(object.entries.map { entry in
                    SwiftExpression.Entry(key: SwiftSource.stringLiteral(entry.key), value: expression(
                        entry.value.value, valueShape, scopes: scopes, pointer: pointer + "/" + JSONPointer.escape(entry.key), problems: &problems))
                })
            }
        case .named(let name):
            guard let (qualified, decl, inner) = resolve(name, scopes: scopes) else {
                problems.append("\(pointer): no declaration named \(name)")
                return json(value)
            }
            return named(value, decl: decl, qualified: qualified, scopes: inner, pointer: pointer, problems: &problems)
        }
        problems.append("\(pointer.isEmpty ? "the value" : pointer): \(Self.shown(value)) is not a value of the \(shape.swiftType) the SDK takes")
        return json(value)
    }

    /// A JSON value in a note, cut at 80 characters.
    static func shown(_ value: JSONValue) -> String {
        let text = JSONWriter().string(value)
        return text.count > 80 ? String(text.prefix(80)) + "…" : text
    }

    /// True when the number's text is a zero (`0`, `-0`, `0.0e5`), not a value that underflows to it.
    static func isZero(_ number: JSONNumber) -> Bool {
        let mantissa = number.text.prefix { $0 != "e" && $0 != "E" }
        return mantissa.allSatisfy { "-+0.".contains($0) }
    }

    /// The declaration a type name used in `scopes` refers to, its qualified name and the scopes inside it.
    func resolve(_ name: String, scopes: [Scope]) -> (String, Decl, [Scope])? {
        for index in scopes.indices.reversed() {
            guard let decl = scopes[index].nested.first(where: { $0.name == name }) else { continue }
            let path = scopes[index].path
            let qualified = path.isEmpty ? name : path + "." + name
            return (qualified, decl, Array(scopes[...index]) + [Self.scope(of: decl, qualified: qualified)])
        }
        guard let decl = components[name] else { return nil }
        return (name, decl, [Self.scope(of: decl, qualified: name)])
    }

    static func scope(of decl: Decl, qualified: String) -> Scope {
        switch decl {
        case .structure(let structure): Scope(path: qualified, nested: structure.nested)
        case .oneOf(let oneOf): Scope(path: qualified, nested: oneOf.nested)
        // A typealias's helper types are written at top level beside it.
        case .alias(let alias): Scope(path: "", nested: alias.nested)
        case .openEnum: Scope(path: qualified, nested: [])
        }
    }

    private func named(_ value: JSONValue, decl: Decl, qualified: String, scopes: [Scope], pointer: String, problems: inout [String]) -> SwiftExpression {
        switch decl {
        case .structure(let structure):
            return self.structure(value, structure, qualified: qualified, scopes: scopes, pointer: pointer, problems: &problems)
        case .alias(let alias):
            return expression(value, alias.shape, scopes: scopes, pointer: pointer, problems: &problems)
        case .openEnum(let enumeration):
            if let known = enumeration.cases.first(where: { $0.value == value }) {
                // `.none` (and `.some`) where an optional is expected would mean `Optional.none`: those are qualified.
                let member = SwiftNaming.escaped(known.swiftName)
                return .atom((["none", "some"].contains(known.swiftName) ? qualified : "") + "." + member)
            }
            let raw: JSONValue = value
            switch (enumeration.rawType, raw) {
            case ("String", .string(let text)): return .call(qualified, [.init(label: "rawValue", value: .atom(SwiftSource.stringLiteral(text)))])
            case ("Int", .number(let number)) where number.int != nil: return .call(qualified, [.init(label: "rawValue", value: .atom(String(number.int!)))])
            default:
                problems.append("\(pointer): \(JSONWriter().string(value)) is not a \(enumeration.rawType) value of \(qualified)")
                return json(value)
            }
        case .oneOf(let oneOf):
            return self.oneOf(value, oneOf, qualified: qualified, scopes: scopes, pointer: pointer, problems: &problems)
        }
    }

    private func structure(_ value: JSONValue, _ decl: StructDecl, qualified: String, scopes: [Scope], pointer: String, problems: inout [String]) -> SwiftExpression {
        guard let object = value.objectValue else {
            problems.append("\(pointer.isEmpty ? "the value" : pointer) is \(value.typeName), not an object of \(qualified)")
            return json(value)
        }
        var arguments: [SwiftExpression.Argument] = []
        for property in decl.properties {
            let label = SwiftNaming.argumentLabel(property.swiftName)
            let memberPointer = pointer + "/" + JSONPointer.escape(property.jsonName)
            guard let member = object[property.jsonName]?.value else {
                if property.mode == .required || property.mode == .requiredNullable {
                    problems.append("\(memberPointer): the example leaves out a member \(qualified) requires")
                }
                continue
            }
            var trial: [String] = []
            let expression = self.member(member, property, scopes: scopes, pointer: memberPointer, problems: &trial)
            problems += trial
            // A member the type cannot hold is left out when it may be (the snippet still compiles; the note says why).
            if !trial.isEmpty, property.mode == .optional || property.mode == .nullable, !Self.isNullLeftOut(trial) {
                problems.append("\(memberPointer): left out of the snippet")
                continue
            }
            arguments.append(.init(label: label, value: expression))
        }
        let named = Set(decl.properties.map(\.jsonName))
        let extra = object.entries.filter { !named.contains($0.key) }
        if !extra.isEmpty {
            if let additional = decl.additional {
                let entries = extra.map { entry in
                    SwiftExpression.Entry(key: SwiftSource.stringLiteral(entry.key), value: expression(
                        entry.value.value, additional, scopes: scopes, pointer: pointer + "/" + JSONPointer.escape(entry.key), problems: &problems))
                }
                arguments.append(.init(label: "additionalProperties", value: .dictionary(entries)))
            } else {
                problems.append("\(pointer): \(qualified) has no member for \(extra.map { "'\($0.key)'" }.joined(separator: ", ")), so the SDK does not send it")
            }
        }
        return .call(qualified, arguments)
    }

    /// True when the only problem is a `null` the SDK leaves out anyway (the member is written `nil`, which compiles).
    static func isNullLeftOut(_ problems: [String]) -> Bool {
        problems.count == 1 && problems[0].hasSuffix("null, but the member is not nullable, so the SDK leaves it out")
    }

    /// A member as its mode holds it: `Nullable` (`.null`, a literal where `Nullable` takes one, `.value(…)`),
    /// an optional (`nil` for null), or the value itself.
    private func member(_ value: JSONValue, _ property: PropertyDecl, scopes: [Scope], pointer: String, problems: inout [String]) -> SwiftExpression {
        switch property.mode {
        case .nullable:
            if value.isNull { return .atom(".null") }
            let inner = expression(value, property.shape, scopes: scopes, pointer: pointer, problems: &problems)
            // `Nullable<String>`, `<Int>` and `<Bool>` take literals directly.
            switch (property.shape, inner) {
            case (.string, .atom), (.integer, .atom), (.boolean, .atom): return inner
            default: return .call(".value", [.init(label: nil, value: inner)])
            }
        case .requiredNullable, .optional:
            if value.isNull {
                if property.mode == .optional { problems.append("\(pointer): null, but the member is not nullable, so the SDK leaves it out") }
                return .atom("nil")
            }
            return expression(value, property.shape, scopes: scopes, pointer: pointer, problems: &problems)
        case .required:
            return expression(value, property.shape, scopes: scopes, pointer: pointer, problems: &problems)
        }
    }

    /// The case the discriminator names, else the first case that holds the value without a problem.
    private func oneOf(_ value: JSONValue, _ decl: OneOfDecl, qualified: String, scopes: [Scope], pointer: String, problems: inout [String]) -> SwiftExpression {
        var candidates = decl.cases
        if let discriminator = decl.discriminator, let tag = value.objectValue?[discriminator]?.value.stringValue,
           let mapped = decl.mapping.first(where: { $0.value == tag }) {
            candidates = decl.cases.filter { $0.swiftName == mapped.caseName }
        }
        for candidate in candidates {
            var trial: [String] = []
            let inner = expression(value, candidate.shape, scopes: scopes, pointer: pointer, problems: &trial)
            if trial.isEmpty {
                let prefix = (["none", "some"].contains(candidate.swiftName) ? qualified : "") + "." + SwiftNaming.escaped(candidate.swiftName)
                return .call(prefix, [.init(label: nil, value: inner)])
            }
        }
        problems.append("\(pointer.isEmpty ? "the value" : pointer): no case of \(decl.name) holds \(JSONWriter().string(value))")
        return json(value)
    }

    /// A `JSONValue` literal (the type is expressible by every JSON literal; `nil` is JSON null).
    func json(_ value: JSONValue) -> SwiftExpression {
        switch value {
        case .null: return .atom("nil")
        case .bool(let bool): return .atom(bool ? "true" : "false")
        case .string(let text): return .atom(SwiftSource.stringLiteral(text))
        case .number(let number):
            if number.isInteger, let int = number.int { return .atom(String(int)) }
            // Beyond Double (1e400) there is no Swift literal; `validate` of the type reports such examples anyway.
            return .atom(number.double.isFinite ? SwiftSource.doubleLiteral(number.double) : "nil")
        case .array(let items): return .array(items.map { json($0.value) })
        case .object(let object):
            return .dictionary(object.entries.map { SwiftExpression.Entry(key: SwiftSource.stringLiteral($0.key), value: json($0.value.value)) })
        }
    }

    /// `ISO8601DateFormatter().date(from: "…")!` for a whole-second RFC 3339 date-time; a fractional one as
    /// seconds since 1970 (the formatter's default options take no fraction).
    static func date(_ text: String) -> SwiftExpression? {
        let formatter = ISO8601DateFormatter()
        if formatter.date(from: text) != nil {
            return .atom("ISO8601DateFormatter().date(from: \(SwiftSource.stringLiteral(text)))!")
        }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) else { return nil }
        return .call("Date", [.init(label: "timeIntervalSince1970", value: .atom(SwiftSource.doubleLiteral(date.timeIntervalSince1970)))])
    }
}
