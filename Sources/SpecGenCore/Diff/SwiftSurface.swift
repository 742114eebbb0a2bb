/// The public Swift API of a generated SDK: every type, member, case, initializer and client method with its
/// signature, read from the generated files (the text the compiler sees), so the Swift verdict of
/// `specgen diff` knows exactly what our naming, merging of identical types, open enums and three-state
/// fields produced.
struct SwiftSurface: Sendable, Equatable {
    enum Kind: String, Sendable, Hashable {
        case type, property, staticMember, enumCase, initializer, method
    }

    /// One declaration: `User.email` (property), `User.init` (initializer), `APIClient.getUser(_:)` (method).
    struct Symbol: Sendable, Hashable {
        var path: String
        var kind: Kind
        /// Property type, case payload, method signature, `struct`/`enum`/`typealias X` for types.
        var signature: String
        /// Initializer parameters (label, type, has a default).
        var parameters: [Parameter] = []
        /// The generated file that declares it.
        var file: String
    }

    struct Parameter: Sendable, Hashable {
        var label: String
        var type: String
        var defaulted: Bool
    }

    /// Declarations other than initializers, by path.
    var symbols: [String: Symbol] = [:]
    /// Initializers by type path (a type may have several).
    var initializers: [String: [Symbol]] = [:]
    /// `typealias A = B` at top level: A → B.
    var aliases: [String: String] = [:]

    /// Reads the surface of the generated Swift files (the constant support file is skipped).
    init(files: [GeneratedFile]) {
        for file in files where file.path.hasSuffix(".swift") && !file.path.hasSuffix("SpecGenSupport.swift") {
            read(file.contents, file: file.path)
        }
    }

    /// First letters of the lines `read` looks at: `public`/`package`, `internal`, `open`, `case`, `extension`,
    /// `nonisolated`, `@SpecGenIndirect`, `/` (comments are skipped before scopes close) and `#`.
    private static let interestingFirstBytes: Set<UInt8> = Set("picoen@/#".utf8)

    static let constantMembers = ["func validate(", "func encode(to", "init(from decoder", "func makeRequest(", "static let method", "static let pathTemplate", "static let operationID", "static let security", "static func output(statusCode", "static let knownValues", "var isKnown"]

    private static let accessWords = ["public ", "package ", "internal ", "open "]

    /// Type keywords and the prefixes that start their declarations (`indirect` allowed before each).
    private static let typeKeywords = [("struct", "struct "), ("enum", "enum "), ("typealias", "typealias ")].flatMap { keyword, prefix in
        [(keyword, prefix), (keyword, "indirect " + prefix)]
    }

    mutating func read(_ text: String, file: String) {
        var scopes: [(indent: Int, path: String, isEnum: Bool)] = []
        var pendingInit: (owner: String, indent: Int, lines: [String])?
        for (line, spaces) in Self.lines(text) {
            let indent = spaces / 4
            // Only declarations, `case` lines, extensions and the end of a multi-line `init(` matter.
            guard let first = line.utf8.first, pendingInit != nil || Self.interestingFirstBytes.contains(first) else { continue }
            let trimmed = line
            if var open = pendingInit {
                if trimmed.hasPrefix(")") {
                    addInitializer(owner: open.owner, parameterText: Substring(open.lines.joined(separator: ",")), file: file)
                    pendingInit = nil
                } else {
                    open.lines.append(String(trimmed))
                    pendingInit = open
                }
                continue
            }
            if first == UInt8(ascii: "#") || (first == UInt8(ascii: "/") && trimmed.utf8.dropFirst().first == UInt8(ascii: "/")) { continue }
            while let last = scopes.last, last.indent >= indent { scopes.removeLast() }
            let owner = scopes.last.map { $0.indent == indent - 1 ? $0.path : nil } ?? (indent == 0 ? "" : nil)
            guard let owner else { continue }
            switch declare(String(trimmed), owner: owner, inEnum: scopes.last?.isEnum == true, file: file) {
            case .scope(let path, let isEnum): scopes.append((indent, path, isEnum))
            case .multiLineInit: pendingInit = (owner, indent, [])
            case .nothing: break
            }
        }
    }

    /// What a declaration line opens.
    enum Declared {
        /// Nothing: a member, a case, a typealias, or a line that is not part of the surface.
        case nothing
        /// A type or an extension whose members follow.
        case scope(path: String, isEnum: Bool)
        /// `init(` alone on its line: the parameters follow, one a line, up to the line starting with `)`.
        case multiLineInit
    }

    /// Records one declaration line (without its indentation) of `owner` (`""` at top level); `inEnum` when
    /// `owner` is an enum (its `case` lines are cases). The same reading serves the rendered text (`read`) and
    /// the lines built from the declarations (`SwiftSurface(_: DeclaredSDK)`).
    mutating func declare(_ line: String, owner: String, inEnum: Bool, file: String) -> Declared {
        var declaration = line
        if declaration.hasPrefix("@SpecGenIndirect ") { declaration.removeFirst("@SpecGenIndirect ".count) }
        // Every top-level declaration is `nonisolated` (MainActor default isolation); it says nothing about a change.
        if declaration.hasPrefix("nonisolated ") { declaration.removeFirst("nonisolated ".count) }
        if declaration.hasPrefix("extension ") {
            let name = declaration.dropFirst("extension ".count).prefix { $0 != " " && $0 != "{" }
            return .scope(path: join(owner, String(name)), isEnum: false)
        }
        if declaration.hasPrefix("case "), inEnum {
            addCase(declaration, owner: owner, file: file)
            return .nothing
        }
        guard let access = Self.accessWords.first(where: declaration.hasPrefix) else { return .nothing }
        declaration.removeFirst(access.count)
        if declaration.hasPrefix("nonisolated ") { declaration.removeFirst("nonisolated ".count) }
        // Every generated type has these; they say nothing about a change.
        if Self.constantMembers.contains(where: declaration.hasPrefix) { return .nothing }
        if let type = typeDeclaration(declaration, owner: owner, file: file) { return .scope(path: type.path, isEnum: type.isEnum) }
        if declaration == "init(" { return .multiLineInit }
        member(declaration, owner: owner, file: file)
        return .nothing
    }

    /// The non-empty lines of `text` without their leading spaces, with the number of spaces; split on the
    /// `\n` byte, so a line is never scanned character by character just to find its end.
    private static func lines(_ text: String) -> [(line: Substring, spaces: Int)] {
        var text = text
        text.makeContiguousUTF8()
        // (start, spaces, end) byte offsets of each non-empty line, found on the contiguous bytes.
        let spans = text.utf8.withContiguousStorageIfAvailable { bytes -> [(Int, Int, Int)] in
            var spans: [(Int, Int, Int)] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var spaces = 0
                while start + spaces < end, bytes[start + spaces] == UInt8(ascii: " ") { spaces += 1 }
                if start < end { spans.append((start, spaces, end)) }
                start = end + 1
            }
            return spans
        } ?? []
        let utf8 = text.utf8, origin = utf8.startIndex
        return spans.map { start, spaces, end in (text[utf8.index(origin, offsetBy: start + spaces)..<utf8.index(origin, offsetBy: end)], spaces) }
    }

    func join(_ owner: String, _ name: String) -> String { owner.isEmpty ? name : owner + "." + name }

    /// `struct X…`, `indirect enum X…`, `enum X {}`, `typealias X = Y`.
    private mutating func typeDeclaration(_ text: String, owner: String, file: String) -> (path: String, isEnum: Bool)? {
        // `String.hasPrefix` (a `Substring`'s is the generic, far slower one).
        for (keyword, keywordAndSpace) in Self.typeKeywords where text.hasPrefix(keywordAndSpace) {
            let afterKeyword = text.dropFirst(keywordAndSpace.count)
            let name = String(Self.typeName(afterKeyword))
            let path = join(owner, name)
            if keyword == "typealias" {
                let target = afterKeyword.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: " ") } ?? ""
                if owner.isEmpty { aliases[path] = target }
                symbols[path] = Symbol(path: path, kind: .type, signature: "typealias", file: file)
                return nil
            }
            symbols[path] = Symbol(path: path, kind: .type, signature: keyword, file: file)
            return (path, keyword == "enum")
        }
        return nil
    }

    /// `case name(Type)` of a one-of enum.
    private mutating func addCase(_ text: String, owner: String, file: String) {
        let body = text.dropFirst("case ".count)
        let name = String(body.prefix { $0 != "(" })
        let payload = body.dropFirst(name.count)
        let path = join(owner, name)
        symbols[path] = Symbol(path: path, kind: .enumCase, signature: String(payload), file: file)
    }

    /// `var name: Type`, `static let name = …`, `func name(…) … -> T`, one-line `init(…)`.
    private mutating func member(_ line: String, owner: String, file: String) {
        // Prefixes are tested on the `String` (a `Substring`'s `hasPrefix` is the generic, far slower one).
        let text = Substring(line)
        if line.hasPrefix("init(") {
            let inside = text.dropFirst("init(".count)
            guard let close = Self.closingParenthesis(inside) else { return }
            addInitializer(owner: owner, parameterText: inside[..<close], file: file)
        } else if line.hasPrefix("var ") {
            let body = text.dropFirst(4)
            let name = Self.prefix(body, upTo: ":")
            let afterName = name.endIndex < body.endIndex ? body[body.utf8.index(after: name.endIndex)...] : body[body.endIndex...]
            let type = String(Self.trimming(Self.prefix(afterName, upTo: "{="), " "))
            let path = join(owner, String(Self.trimming(name, "`")))
            symbols[path] = Symbol(path: path, kind: .property, signature: type, file: file)
        } else if line.hasPrefix("static let ") || line.hasPrefix("static var ") {
            let body = text.dropFirst("static let ".count)
            let name = String(Self.trimming(Self.prefix(body, upTo: ": ="), "`"))
            let path = join(owner, name)
            symbols[path] = Symbol(path: path, kind: .staticMember, signature: "static", file: file)
        } else if line.hasPrefix("func ") || line.hasPrefix("static func ") {
            let body = text.dropFirst(line.hasPrefix("func ") ? 5 : 12)
            let name = String(Self.trimming(Self.prefix(body, upTo: "(<"), "`"))
            guard let open = body.utf8.firstIndex(of: UInt8(ascii: "(")), let close = Self.closingParenthesis(body[body.utf8.index(after: open)...]) else { return }
            let parameters = Self.splitParameters(body[body.utf8.index(after: open)..<close])
            let labels = parameters.map { $0.label + ":" }.joined()
            let result = String(Self.trimming(Self.prefix(body[close...].dropFirst(), upTo: "{"), " "))
            let path = join(owner, "\(name)(\(labels))")
            let signature = "(" + parameters.map { "\($0.label): \($0.type)" }.joined(separator: ", ") + ") " + result
            symbols[path] = Symbol(path: path, kind: .method, signature: signature, file: file)
        }
    }

    mutating func addInitializer(owner: String, parameterText: Substring, file: String) {
        addInitializer(owner: owner, parameters: Self.splitParameters(parameterText), file: file)
    }

    mutating func addInitializer(owner: String, parameters: [Parameter], file: String) {
        let labels = parameters.map { $0.label + ":" }.joined()
        initializers[owner, default: []].append(Symbol(path: "\(owner).init(\(labels))", kind: .initializer, signature: "", parameters: parameters, file: file))
    }

    // The generated text is scanned byte by byte: every character the scanner looks for is ASCII.

    /// The name at the start of `text`: letters, digits, `_` and backticks (bytes while they are ASCII).
    static func typeName(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var end = utf8.startIndex
        while end < utf8.endIndex {
            let byte = utf8[end]
            guard byte < 0x80 else { return text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" } }
            guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`") else { break }
            end = utf8.index(after: end)
        }
        return text[..<end]
    }

    /// `text` up to the first of the ASCII characters `stops` (all of it when none occurs).
    static func prefix(_ text: Substring, upTo stops: StaticString) -> Substring {
        stops.withUTF8Buffer { stopBytes in text[..<(text.utf8.firstIndex { stopBytes.contains($0) } ?? text.endIndex)] }
    }

    /// `text` without the ASCII character `byte` at either end.
    static func trimming(_ text: Substring, _ character: Unicode.Scalar) -> Substring {
        let byte = UInt8(ascii: character), utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != byte }), let last = utf8.lastIndex(where: { $0 != byte }) else { return text[text.endIndex...] }
        return text[first..<utf8.index(after: last)]
    }

    /// The index of the `)` closing a list that starts right after `(`.
    static func closingParenthesis(_ text: Substring) -> String.Index? {
        var close: String.Index?
        scanTopLevel(text) { index, byte in
            guard byte == UInt8(ascii: ")") else { return true }
            close = index
            return false
        }
        return close
    }

    /// Calls `visit` with each byte of `text` outside string literals and brackets (a closing bracket at depth 0
    /// is visited too), until `visit` returns false.
    private static func scanTopLevel(_ text: Substring, _ visit: (String.Index, UInt8) -> Bool) {
        var depth = 0
        var inString = false
        let utf8 = text.utf8
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            if inString { continue }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ">"):
                if depth == 0, !visit(index, byte) { return }
                depth -= 1
            default:
                if depth == 0, !visit(index, byte) { return }
            }
        }
    }

    /// `a: Int, b: [String: X]? = nil, _ operation: Y` → parameters (top-level commas only).
    static func splitParameters(_ text: Substring) -> [Parameter] {
        var parts: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        scanTopLevel(text) { index, byte in
            if byte == UInt8(ascii: ",") {
                parts.append(text[start..<index])
                start = utf8.index(after: index)
            }
            return true
        }
        parts.append(text[start...])
        return parts.compactMap { part in
            let trimmed = trimming(part, " ")
            guard let colon = trimmed.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let names = trimmed[..<colon].utf8.split(separator: UInt8(ascii: " ")).map(Substring.init)
            let label = String(trimming(names.first ?? "_", "`"))
            let rest = trimmed[trimmed.utf8.index(after: colon)...]
            let pieces = rest.utf8.split(separator: UInt8(ascii: "="), maxSplits: 1).map(Substring.init)
            let type = String(trimming(pieces.first ?? "", " "))
            return Parameter(label: label, type: type, defaulted: pieces.count > 1)
        }
    }
}
