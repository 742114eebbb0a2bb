// Compiled by HostileSpecTests against the Swift that `specgen generate` wrote for hostile.openapi.json.
// Usage: Probe INPUT.json ECHO_BASE_URL. Prints one `name: value` line per check; HostileSpecTests asserts them.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HostileAPI

/// One `name: "text"` line; the text is a JSON string literal (ASCII only), so any character survives.
func show(_ name: String, _ value: Any?) {
    let text = value.map { "\($0)" } ?? "nil"
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": literal += "\\\""
        case "\\": literal += "\\\\"
        case " "..."~": literal.unicodeScalars.append(scalar)
        default:
            for unit in String(scalar).utf16 { literal += "\\u" + String(repeating: "0", count: 4 - String(unit, radix: 16).count) + String(unit, radix: 16) }
        }
    }
    print("\(name): \(literal)\"")
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

let arguments = CommandLine.arguments
let input = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))

// Every hostile member decodes into its own property and encodes back under exactly its key.
let decoded = try JSONDecoder().decode(Hostile.self, from: input)
show("roundtrip", try jsonText(decoded))
show("class", decoded.class)
show("self", decoded.self2)
show("Type", decoded.type2)
show("init", decoded.init2)
show("default", decoded.default)
show("nil", decoded.nil)
show("true", decoded.true)
show("empty", decoded.empty)
show("123", decoded._123)
show("2fa", decoded._2fa)
show("userName", decoded.userName)
show("username", decoded.username2)
show("USERNAME", decoded.uSERNAME3)
show("user_name", decoded.userName4)
show("user-name", decoded.userName5)
show("fire", decoded.name_1f525)
show("fire2", decoded.name_1f525_1f525)
show("quote-interpolation", decoded.x_22_5c_28_29)
show("backslash", decoded.aB)
show("comment-close", decoded.name_2a_2f)
show("dollar-ref", decoded.ref_24)
show("line-break", decoded.lineBreak)
show("bidi", decoded.admin_202e)
show("additionalProperties", decoded.additionalProperties2)
show("rejectedNulls", decoded.rejectedNulls2)
show("CodingKeys", decoded.codingKeys2)
show("validate", decoded.validate2)
show("slash-tilde", decoded.aBC)
show("underscore", decoded.name_5f)
show("dollar", decoded.name_24)
show("umlaut", decoded.grE)
show("Protocol", decoded.protocol2)
show("raw-string", decoded.raw_23_22_22_23)
show("quote-enum", decoded.quote?.rawValue)
show("quote-enum-known", decoded.quote == .sayHi)
show("nested-in", decoded.nested?.in)
show("nested-quote", decoded.nested?.name_22)

// A value built in Swift sends exactly the spec's member names.
var built = Hostile(class: "c", x_22_5c_28_29: "q")
show("minimal", try jsonText(built))
built.mode = .null
built.quote = .x_5c_28_29
show("with-null-and-enum", try jsonText(built))

// Validation pointers escape the hostile name (`a/b~c` → `/a~1b~0c`).
built.aBC = "too long"
show("issues", built.validate().map { "\($0.pointer) \($0.rule)" }.joined(separator: "; "))

// Enum values with quotes, interpolation, empty text and case twins decode to the right constants.
let enums = try JSONDecoder().decode([QuoteEnum].self, from: Data(##"["say \"hi\"", "\\(x)", "", "A", "a", "line\nbreak", "*/", "#\"x\"#", "zzz"]"##.utf8))
show("enums", enums.map { "\($0 == .sayHi)\($0 == .x_5c_28_29)\($0 == .empty)\($0 == .a)\($0 == .a2)\($0 == .lineBreak)\($0 == .name_2a_2f)\($0 == .x_23_22_22_23)\($0.isKnown)" }.joined(separator: ","))
show("enum-count", QuoteEnum.knownValues.count)
var enumIssues: [ValidationIssue] = []
enums.last!.validate(at: "/quote", into: &enumIssues)
show("enum-unknown-issue", enumIssues.map { "\($0.pointer) \($0.rule): \($0.message)" }.joined(separator: "; "))
let modes = try JSONDecoder().decode([Hostile].self, from: Data(#"[{"class":"c","\"\\(x)":"q","mode":-1},{"class":"c","\"\\(x)":"q","mode":null},{"class":"c","\"\\(x)":"q"}]"#.utf8))
show("modes", modes.map { "\($0.mode)" }.joined(separator: ","))
show("mode-minus-one", modes[0].mode == .value(.valueMinus1))

// Schema names that collide with Swift/Foundation types or differ only in case stay distinct types.
show("string-schema", try jsonText(StringSchema(value: "v")))
show("pets", try jsonText(Pet(upper: "U")) + " " + (try jsonText(Pet2(lower: "l"))))
show("class-schema", try jsonText(Class(self2: "s")))
show("foo-bar-baz", try jsonText(FooBarBaz(dot: "d")) + " " + (try jsonText(FooBarBaz2(underscore: "u"))))
show("aliases", "\(DataSchema.self) \(DateSchema.self) \(JSONValueSchema.self) \(_1Thing.self) \(Swift.type(of: Date(timeIntervalSince1970: 0)))")
show("server-url", APIClient.serverURL()?.absoluteString)

// The hostile operation: odd path literals, a keyword path parameter, quoted query and header names.
let client = APIClient(baseURL: URL(string: arguments[2])!, bearerToken: "t")
let operation = Operations.PostHostileOpX(itemId: "id/with slash?&\"q\"", class: "k", qUoteX: "it's \"v\" $(echo pwned) `id` &a=b", xItSHeader: "v'\"$HOME\\", self2: 7, body: built)
let request = try operation.makeRequest(client: client)
show("url", request.url?.absoluteString)
let (data, response) = try await client.send(request)
show("status", response.statusCode)
show("echo-bytes", data.count > 0)

// Discriminator property and mapping values with quotes, `\(` and `*/` pick the right branch.
let tagged = try JSONDecoder().decode([Tagged].self, from: Data(##"[{"kind\"":"c\"at\\(x)","bark":1},{"kind\"":"dog */","bark":2}]"##.utf8))
show("tagged", tagged.map { value -> String in
    switch value {
    case .catQuote(let cat): "cat:\(cat.kind_22)"
    case .dog(let dog): "dog:\(dog.bark)"
    }
}.joined(separator: ","))

// Pattern, const, dependentRequired and not-required rules whose names and texts are hostile.
let rules = try JSONDecoder().decode(Rules.self, from: Data(##"{"a\"":"\"\\(x)*/"}"##.utf8))
show("rules", rules.validate().map { "\($0.pointer) \($0.rule)" }.joined(separator: "; "))
let broken = try JSONDecoder().decode(Rules.self, from: Data(##"{"a\"":"x","b`":"say \"hi\" \\(x) */"}"##.utf8))
show("rules-broken", broken.validate().map { "\($0.pointer) \($0.rule)" }.joined(separator: "; "))

// Structs that contain themselves (Node.parent, Node.meta.owner, Meta.next) compile, round-trip and keep
// value semantics: changing a copy leaves the original alone.
let nodeJSON = ##"{"meta":{"next":{"owner":{"name":"c"}}},"name":"a","parent":{"name":"b","parent":{"name":"r"}}}"##
let node = try JSONDecoder().decode(Node.self, from: Data(nodeJSON.utf8))
show("recursive-roundtrip", try jsonText(node) == nodeJSON)
var copy = node
copy.parent?.parent?.name = "changed"
show("recursive-value-semantics", "\(node.parent?.parent?.name ?? "-") \(copy.parent?.parent?.name ?? "-") \(node == copy) \(node == (try JSONDecoder().decode(Node.self, from: Data(nodeJSON.utf8))))")
