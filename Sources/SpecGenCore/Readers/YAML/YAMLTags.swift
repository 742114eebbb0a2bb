/// Tags (`!!str`, `!!int`, …, local and verbatim tags) and the values of scalars under the YAML 1.2 core schema.
extension YAMLParser {
    func resolveTag(_ token: YAMLToken) throws(YAMLSyntaxError) -> YAMLTag {
        let raw = text(of: token)
        if raw == "!" { return .nonSpecific }
        var uri: String
        if raw.hasPrefix("!<") {
            uri = String(raw.dropFirst(2).dropLast())
        } else {
            let body = raw.dropFirst()
            if let bang = body.firstIndex(of: "!") {
                let handle = "!" + body[..<bang] + "!"
                let suffix = body[body.index(after: bang)...]
                if let prefix = tagHandles[handle] {
                    uri = prefix + suffix
                } else if handle == "!!" {
                    uri = "tag:yaml.org,2002:" + suffix
                } else {
                    throw fail("the tag handle '\(handle)' is not declared", at: token.start, hint: "declare it with a %TAG directive")
                }
            } else {
                uri = (tagHandles["!"] ?? "!") + body
            }
        }
        uri = uri.removingPercentEncodingIfPossible ?? uri
        switch uri {
        case "tag:yaml.org,2002:str": return .str
        case "tag:yaml.org,2002:int": return .int
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:map": return .map
        case "tag:yaml.org,2002:seq": return .seq
        default: return .other(uri)
        }
    }

    func unsupportedTag(_ uri: String, at offset: Int) -> YAMLSyntaxError {
        fail("unsupported tag '\(uri)'", at: offset, hint: "SpecGen reads the JSON-compatible YAML tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq); remove the tag")
    }

    func checkCollectionTag(_ tag: YAMLTag?, sequence: Bool, at offset: Int) throws(YAMLSyntaxError) {
        switch tag {
        case nil, .nonSpecific: return
        case .map where !sequence: return
        case .seq where sequence: return
        case .other(let uri): throw unsupportedTag(uri, at: offset)
        default:
            throw fail("the tag does not fit a \(sequence ? "sequence" : "mapping")", at: offset, hint: "remove the tag")
        }
    }

    func emptyValue(tag: YAMLTag?, tagOffset: Int) throws(YAMLSyntaxError) -> JSONValue {
        switch tag {
        case .str?, .nonSpecific?: return .string("")
        case .other(let uri)?: throw unsupportedTag(uri, at: tagOffset)
        case .map?: return .object(JSONObject())
        case .seq?: return .array([])
        case .int?, .float?, .bool?: throw fail("an empty value cannot have this tag", at: tagOffset)
        default: return .null
        }
    }

    mutating func scalarValue(_ token: YAMLToken, tag: YAMLTag?, tagOffset: Int) throws(YAMLSyntaxError) -> JSONValue {
        guard let tag else {
            if token.style == .plain, token.cooked < 0 {
                return try YAMLCoreSchema.resolvePlain(b, token.valueStart, token.valueEnd, parser: &self)
            }
            return .string(text(of: token))
        }
        switch tag {
        case .str, .nonSpecific:
            return .string(text(of: token))
        case .map, .seq:
            throw fail("a scalar cannot have the tag !!\(tag == .map ? "map" : "seq")", at: tagOffset, hint: "remove the tag")
        case .other(let uri):
            throw unsupportedTag(uri, at: tagOffset)
        case .int, .float, .bool, .null:
            var bytes = Array(text(of: token).utf8)
            let value = try bytes.withUnsafeMutableBufferPointer { buffer throws(YAMLSyntaxError) -> JSONValue in
                try YAMLCoreSchema.resolvePlain(UnsafeBufferPointer(buffer), 0, buffer.count, parser: &self, warn: false, implicit: false)
            }
            let fits: Bool
            switch (tag, value) {
            case (.int, .number(let number)): fits = number.isInteger && !number.text.contains(".") && !number.text.contains("e") && !number.text.contains("E")
            case (.float, .number): fits = true
            case (.bool, .bool): fits = true
            case (.null, .null): fits = true
            default: fits = false
            }
            guard fits else {
                throw fail("'\(text(of: token))' is not a valid \(tag.name)", at: token.start, hint: "fix the value or remove the tag")
            }
            return value
        }
    }
}

enum YAMLTag: Equatable {
    case str, int, float, bool, null, map, seq, nonSpecific
    case other(String)

    var name: String {
        switch self {
        case .str: "!!str"
        case .int: "!!int"
        case .float: "!!float"
        case .bool: "!!bool"
        case .null: "!!null"
        case .map: "!!map"
        case .seq: "!!seq"
        case .nonSpecific: "!"
        case .other(let uri): uri
        }
    }
}
