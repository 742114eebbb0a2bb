import Foundation
import XCTest

/// Disagreements `scripts/schema-differential` found between the generated `validate()` and the reference
/// validators (jsonschema, openapi-schema-validator) on real request bodies, each reduced to a schema of the
/// document it came from. The generated Swift is compiled and run: every instance's verdict (decodes and
/// `validate()` is empty) must be JSON Schema's.
final class DifferentialRegressionTests: XCTestCase {
    private static let spec = #"""
    {"openapi": "3.1.0", "info": {"title": "differential", "version": "1"}, "paths": {},
     "components": {"schemas": {
       "Models": {"type": "string", "enum": ["gpt-5", "o3"]},
       "RunModel": {"type": "object", "properties": {"model": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Models"}]}}},
       "Auto": {"type": "object", "additionalProperties": false, "required": ["type"], "properties": {"type": {"type": "string", "enum": ["auto"]}}},
       "Static": {"type": "object", "additionalProperties": false, "required": ["type", "static"],
                  "properties": {"type": {"type": "string", "enum": ["static"]}, "static": {"type": "object", "properties": {"size": {"type": "integer"}}}}},
       "Chunking": {"type": "object", "oneOf": [{"$ref": "#/components/schemas/Auto"}, {"$ref": "#/components/schemas/Static"}]},
       "Metadata": {"type": "object", "additionalProperties": {"type": ["string", "null"], "maxLength": 3}, "maxProperties": 10},
       "Tags": {"type": "array", "items": {"type": ["string", "null"], "minLength": 1}},
       "Holder": {"type": "object", "properties": {"tags": {"$ref": "#/components/schemas/Tags"}, "metadata": {"$ref": "#/components/schemas/Metadata"}}},
       "Pages": {"type": "object", "properties": {"cname": {"type": "string"}, "public": {"type": "boolean"}},
                 "anyOf": [{"required": ["cname"]}, {"required": ["public"]}]},
       "Conversation": {"type": "object", "required": ["metadata", "at"],
                 "properties": {"metadata": {"type": ["string", "null"]}, "at": {"type": ["string", "null"], "format": "date-time"}}},
       "Empty": {"type": "object", "properties": {}, "additionalProperties": false},
       "Clash": {"type": "object", "additionalProperties": false,
                 "properties": {"unnamed_members": {"type": "string"}, "rejected_nulls": {"type": "string"}}},
       "OnePage": {"type": "object", "properties": {"cname": {"type": "string"}, "public": {"type": "boolean"}},
                 "oneOf": [{"required": ["cname"]}, {"required": ["public"]}]}
     }}}
    """#

    /// (type, instance, valid by JSON Schema).
    private static let cases: [(String, String, Bool)] = [
        // anyOf [string, enum]: any string is valid; decoding must not settle on the enum variant and report it.
        ("RunModel", #"{"model": "my-fine-tune"}"#, true),
        ("RunModel", #"{"model": "o3"}"#, true),
        ("RunModel", #"{"model": 3}"#, false),
        // oneOf of objects: {"type": "static"} is the second variant, not an `auto` with an unknown tag.
        ("Chunking", #"{"type": "static", "static": {"size": 5}}"#, true),
        ("Chunking", #"{"type": "auto"}"#, true),
        ("Chunking", #"{"type": "other"}"#, false),
        // Map values and array elements that may be null.
        ("Holder", #"{"metadata": {"a": null, "b": "xyz"}}"#, true),
        ("Holder", #"{"metadata": {"a": null, "b": "wxyz"}}"#, false),
        ("Holder", #"{"tags": ["a", null, "b"]}"#, true),
        ("Holder", #"{"tags": ["a", null, ""]}"#, false),
        // anyOf / oneOf of required-only branches beside properties.
        ("Pages", #"{"cname": "x"}"#, true),
        ("Pages", #"{}"#, false),
        ("OnePage", #"{"public": true}"#, true),
        ("OnePage", #"{"cname": "x", "public": true}"#, false),
        // An object schema with no members still wants an object (Stripe's GET bodies).
        ("Empty", #"{}"#, true),
        ("Empty", #"null"#, false),
        ("Empty", #"[]"#, false),
        // additionalProperties: false — Auth0's email provider credentials: {"connectionString": ""} fits no branch.
        ("Empty", #"{"extra": 1}"#, false),
        ("Clash", #"{"unnamed_members": "a", "rejected_nulls": "b"}"#, true),
        ("Clash", #"{"unnamed_members": "a", "other": "b"}"#, false),
        ("Chunking", #"{"type": "auto", "static": {"size": 5}}"#, false),
        // A required member that may be null must still be present.
        ("Conversation", #"{"metadata": null, "at": null}"#, true),
        ("Conversation", #"{"at": null}"#, false),
        ("Conversation", #"{"metadata": "m"}"#, false),
    ]

    /// (type, example) that must decode and encode again to an equal JSON value (scripts/example-roundtrip).
    private static let roundTrips: [(String, String)] = [
        // Auth0's mfa_required error example carries `mfa_token`, a member its schema does not name.
        ("Pages", #"{"cname": "x", "mfa_token": "Fe26...Ha", "n": [1, 2.5, null, {"a": false}]}"#),
        ("Empty", #"{}"#),
        ("Holder", #"{"tags": ["a", null], "metadata": {"a": null}}"#),
        // GitHub's examples write whole-second date-times without a fraction ("2011-04-14T16:00:49Z").
        ("Conversation", #"{"metadata": null, "at": "2011-04-14T16:00:49Z"}"#),
        ("Conversation", #"{"metadata": "m", "at": "2011-04-14T16:00:49.250Z"}"#),
    ]

    func testGeneratedValidatorsAgreeWithJSONSchemaOnTheDifferentialFindings() throws {
        let folder = try temporaryFolder(self)
        let specURL = folder.appendingPathComponent("spec.json")
        try Self.spec.write(to: specURL, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let run = try runSpecgen(["generate", "--spec", specURL.path, "--output", output.path, "--swift-only", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: output.appendingPathComponent("Swift"), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url.path) }
        }
        var main = "import Foundation\n\nfunc verdict<T: Decodable>(_ type: T.Type, _ json: String, _ validate: (T) -> [ValidationIssue]) -> String {\n"
        main += "    guard let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)) else { return \"undecodable\" }\n"
        main += "    let issues = validate(value)\n    return issues.isEmpty ? \"valid\" : \"invalid \\(issues)\"\n}\n\n"
        for (type, instance, _) in Self.cases {
            main += "print(verdict(\(type).self, \(literal(instance))) { value in var issues: [ValidationIssue] = []; value.validate(at: \"\", into: &issues); return issues })\n"
        }
        main += "func reencoded<T: Codable>(_ type: T.Type, _ json: String) -> String {\n"
        main += "    guard let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)), let data = try? JSONEncoder().encode(value) else { return \"!\" }\n"
        main += "    return String(decoding: data, as: UTF8.self)\n}\n"
        for (type, example) in Self.roundTrips {
            main += "print(reencoded(\(type).self, \(literal(example))))\n"
        }
        let mainURL = folder.appendingPathComponent("main.swift")
        try main.write(to: mainURL, atomically: true, encoding: .utf8)
        let binary = folder.appendingPathComponent("differential").path
        let build = try runProgram("/usr/bin/env", ["swiftc", "-module-name", "Differential", "-o", binary] + files.sorted() + [mainURL.path])
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        guard build.status == 0 else { return }
        let result = try runProgram(binary, [])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, Self.cases.count + Self.roundTrips.count, result.stdout + result.stderr)
        for ((type, instance, valid), line) in zip(Self.cases, lines) {
            XCTAssertEqual(line == "valid", valid, "\(type) \(instance): \(line)")
        }
        for ((type, example), line) in zip(Self.roundTrips, lines.dropFirst(Self.cases.count)) {
            let original = try JSONSerialization.jsonObject(with: Data(example.utf8)) as? NSDictionary
            let again = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
            XCTAssertEqual(original, again, "\(type) \(example) came back as \(line)")
        }
    }

    private func literal(_ text: String) -> String {
        "#\"" + text + "\"#"
    }
}
