/// The kinds of token the YAML scanner produces (YAML 1.2 §6–§9, in the shape libyaml-style parsers use).
enum YAMLTokenKind: UInt8 {
    case streamEnd
    case directive
    case documentStart
    case documentEnd
    case blockSequenceStart
    case blockMappingStart
    case blockEnd
    case flowSequenceStart
    case flowSequenceEnd
    case flowMappingStart
    case flowMappingEnd
    case blockEntry
    case flowEntry
    case key
    case value
    case alias
    case anchor
    case tag
    case scalar

    /// How the token reads in an error message.
    var description: String {
        switch self {
        case .streamEnd: "the end of the file"
        case .directive: "a directive"
        case .documentStart: "'---'"
        case .documentEnd: "'...'"
        case .blockSequenceStart: "a block sequence"
        case .blockMappingStart: "a block mapping"
        case .blockEnd: "the end of a block collection"
        case .flowSequenceStart: "'['"
        case .flowSequenceEnd: "']'"
        case .flowMappingStart: "'{'"
        case .flowMappingEnd: "'}'"
        case .blockEntry: "'-'"
        case .flowEntry: "','"
        case .key: "a mapping key"
        case .value: "':'"
        case .alias: "an alias"
        case .anchor: "an anchor"
        case .tag: "a tag"
        case .scalar: "a scalar"
        }
    }
}

/// How a scalar was written; only plain scalars go through the core schema's implicit typing.
enum YAMLScalarStyle: UInt8 {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One token: its kind, where it starts, and for scalars/anchors/aliases/tags/directives its text.
///
/// The text is either the raw bytes `valueStart..<valueEnd` of the source (no escapes, no folding), or,
/// when `cooked >= 0`, the scanner's `strings[cooked]`. Keeping raw ranges avoids one allocation per
/// scalar for the common case of single-line plain scalars.
struct YAMLToken {
    var kind: YAMLTokenKind
    var style: YAMLScalarStyle = .plain
    /// Byte offset where the token starts (used for node offsets and error locations).
    var start: Int
    var valueStart: Int = 0
    var valueEnd: Int = 0
    var cooked: Int32 = -1

    init(_ kind: YAMLTokenKind, at start: Int) {
        self.kind = kind
        self.start = start
    }
}

/// A syntax error found while scanning or parsing, before it is turned into a `Diagnostic`.
struct YAMLSyntaxError: Error {
    var message: String
    var offset: Int
    var pointer: JSONPointer?
    var hint: String?

    init(_ message: String, at offset: Int, hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.hint = hint
    }
}
