/// Emits the operations: names each one, builds its declaration (`OperationBuilder`), renders it
/// (`OperationRenderer`), and adds the client (`ClientEmitter`).
struct OperationsEmitter {
    let api: APIDocument
    let builder: TypeBuilder
    let access: String
    let specName: String
    /// Component declarations by Swift name.
    var components: [String: Decl] = [:]
    /// `swift.pagination` of the config.
    var paginationOverrides: [String: String] = [:]

    /// The Swift type name of each operation, unique within `Operations`.
    func typeNames(_ operations: [Operation]) -> [String: String] {
        // Component type names are taken too: `Operations.X` must not shadow a schema type `X` its
        // members refer to, and `Operations/X.swift` must not share a file name with `Types/X.swift`.
        var namer = UniqueNamer(reserved: builder.reservedTopLevelNames)
        var names: [String: String] = [:]
        for operation in operations { names[operation.id] = namer.claim(SwiftNaming.upperCamel(operation.id)) }
        return names
    }

    func emit(_ operations: [Operation]) -> [GeneratedFile] {
        let client = ClientEmitter(api: api, access: access, specName: specName)
        let renderer = OperationRenderer(access: access)
        var files = [GeneratedFile(path: "Swift/Operations/APIClient.swift", contents: client.source())]
        for decl in declarations(operations) {
            files.append(GeneratedFile(path: "Swift/Operations/\(decl.typeName).swift", contents: renderer.source(decl)))
        }
        return files
    }

    /// The declaration of each operation, in order, with the generator's names: the input type (unique within
    /// `Operations`) and the client's short method. Everything that names SDK operations (the output, the
    /// `swift-sdk` snippet) goes through here, so the names cannot drift apart.
    func declarations(_ operations: [Operation]) -> [OperationDecl] {
        let names = typeNames(operations)
        // Short methods must not take a name the client already has (its members come from its declaration).
        var methodNamer = UniqueNamer(reserved: ClientEmitter(api: api, access: access, specName: specName).memberNames)
        let operationBuilder = OperationBuilder(api: api, builder: builder, specName: specName, components: components, paginationOverrides: paginationOverrides)
        return operations.map { operation in
            operationBuilder.declaration(for: operation, typeName: names[operation.id]!, methodName: methodNamer.claim(SwiftNaming.lowerCamel(operation.id)))
        }
    }

    /// A path template's literal text as valid URL path characters: what RFC 3986 allows in a path
    /// (and `%XX` already there) is kept, anything else (space, quote, non-ASCII) becomes `%XX` of its UTF-8.
    /// Unencoded, Foundation would re-encode the whole URL, `%` of encoded parameters included.
    static func encodePathLiteral(_ literal: String) -> String {
        let bytes = Array(literal.utf8)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/".utf8)
        let hex = Set("0123456789abcdefABCDEF".utf8)
        var output = ""
        for (index, byte) in bytes.enumerated() {
            let isEscape = byte == UInt8(ascii: "%") && index + 2 < bytes.count && hex.contains(bytes[index + 1]) && hex.contains(bytes[index + 2])
            if allowed.contains(byte) || isEscape {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = String(byte, radix: 16, uppercase: true)
                output += "%" + (digits.count == 1 ? "0" : "") + digits
            }
        }
        return output
    }

    enum PathSegment {
        case literal(String)
        case parameter(String)
    }

    static func pathSegments(_ template: String) -> [PathSegment] {
        var segments: [PathSegment] = []
        var literal = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += rest[..<open]
            if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
            segments.append(.parameter(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

}
