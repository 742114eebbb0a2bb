import XCTest
@testable import SpecGenCore

/// Which schema rules the generated code checks at run time (`RuntimeRules`), and the rule data it writes
/// (`RuntimeSchema`). What the checker then decides is proven against the JSON Schema Test Suite
/// (`scripts/schema-suite/run`, which compiles and runs the generated code for every group of the suite).
final class RuntimeRulesTests: XCTestCase {
    private func emit(_ schemas: String) throws -> (files: [String: String], messages: [String]) {
        let text = """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {\(schemas)}}}
        """
        let (api, _) = try OpenAPIReader().read(try JSONReader().read(text: text, path: "t.json"))
        let (files, result) = SwiftTypesEmitter.emit(api, components: api.schemas.map(\.name), options: SwiftOptions(), specName: "t.json")
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), result.diagnostics.map(\.message))
    }

    func testStructRulesFoldingLeavesOutAreWrittenAsData() throws {
        let (files, messages) = try emit("""
        "Shape": {"type": "object", "properties": {"kind": {"type": "string"}, "size": {"type": "integer"}},
                  "not": {"properties": {"kind": {"const": "none"}}, "required": ["kind"]},
                  "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}
        """)
        let shape = try XCTUnwrap(files["Swift/Types/Shape.swift"])
        XCTAssertTrue(shape.contains("Self.specGenRules.check(encoding: self, at: pointer, into: &issues)"), shape)
        // The members the struct types are not checked again; `additionalProperties` knows their names.
        XCTAssertTrue(shape.contains(#"private static let specGenRules = SpecGenSchema("{\"defs\":{},\"root\":{\"additionalProperties\":false,\"not\":{\""#), shape)
        XCTAssertTrue(shape.contains(#"\"patternProperties\":[[\"^x-\",{\"type\":[\"string\"]}]],\"properties\":{\"kind\":true,\"size\":true}}}"#), shape)
        // Members no pattern or name covers are kept, so the run-time rules see them.
        XCTAssertTrue(shape.contains("public var additionalProperties: [String: JSONValue]"), shape)
        XCTAssertFalse(messages.contains { $0.contains("'not' is only enforced") }, "\(messages)")
    }

    func testMembersGetOnlyWhatTheirShapeDoesNotCover() throws {
        let (files, _) = try emit("""
        "Item": {"type": "object", "properties": {
            "code": {"type": "string", "maxLength": 3, "anyOf": [{"pattern": "^a"}, {"pattern": "^b"}]},
            "count": {"type": "integer", "minimum": 1},
            "other": {"not": {"$ref": "#/components/schemas/Count"}},
            "answer": {"type": "integer", "const": 42}}},
        "Count": {"type": "integer", "nullable": true, "minimum": 0}
        """)
        let item = try XCTUnwrap(files["Swift/Types/Item.swift"])
        XCTAssertTrue(item.contains("private static let specGenMemberRules: [SpecGenSchema] = ["), item)
        // `count` has nothing left over; `other` (no type: JSONValue) takes its whole schema, the `$ref` as a
        // definition; `answer` only the `const` its Int does not hold.
        XCTAssertTrue(item.contains(#"SpecGenSchema("{\"defs\":{\"Count\":{\"minimum\":0,\"nullable\":true,\"type\":[\"integer\",\"null\"]}},\"root\":{\"not\":{\"$ref\":\"Count\"}}}"),"#), item)
        XCTAssertTrue(item.contains(#"SpecGenSchema("{\"defs\":{},\"root\":{\"const\":42}}"),"#), item)
        XCTAssertTrue(item.contains("Self.specGenMemberRules[0].check(value, at: specGenMember(pointer, \"other\"), into: &issues)"), item)
        XCTAssertTrue(item.contains("Self.specGenMemberRules[1].check(encoding: value, at: specGenMember(pointer, \"answer\"), into: &issues)"), item)
        // `code` is a one-of type of two pattern branches: it carries the whole schema (patterns in ICU form).
        XCTAssertTrue(item.contains(#"private static let specGenRules = SpecGenSchema("{\"defs\":{},\"root\":{\"anyOf\":[{\"pattern\":\"^a\",\"patternSource\":\"^a\"},{\"pattern\":\"^b\",\"patternSource\":\"^b\"}],\"maxLength\":3,\"type\":[\"string\"]}}")"#), item)
        XCTAssertEqual(item.components(separatedBy: "SpecGenSchema(\"").count - 1, 3, item)
    }

    func testOneOfNeedsExactlyOneOnlyWhereBranchesCanOverlap() throws {
        let (files, _) = try emit("""
        "Disjoint": {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]},
        "Overlapping": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 2}]},
        "Tagged": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}], "discriminator": {"propertyName": "t"}},
        "A": {"type": "object", "properties": {"t": {"type": "string"}}},
        "B": {"type": "object", "properties": {"t": {"type": "string"}}}
        """)
        XCTAssertFalse(try XCTUnwrap(files["Swift/Types/Disjoint.swift"]).contains("specGenRules"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Overlapping.swift"]).contains("Self.specGenRules.check(encoding: self, at: pointer, into: &issues)"))
        XCTAssertFalse(try XCTUnwrap(files["Swift/Types/Tagged.swift"]).contains("specGenRules"))
    }

    func testRulesPastTheDefinitionLimitAreNotWrittenAndStayReported() throws {
        let count = RuntimeSchema.maxDefinitions + 2
        let leaves = (0..<count).map { ##""L\##($0)": {"type": "object", "properties": {"k\##($0)": {"type": "string"}}, "required": ["k\##($0)"]}"## }
        let branches = (0..<count).map { ##"{"$ref": "#/components/schemas/L\##($0)"}"## }.joined(separator: ", ")
        let (files, messages) = try emit(leaves.joined(separator: ",\n") + ##", "Event": {"type": "object", "properties": {"id": {"type": "string"}}, "anyOf": [\##(branches)]}"##)
        XCTAssertFalse(try XCTUnwrap(files["Swift/Types/Event.swift"]).contains("specGenRules"))
        XCTAssertTrue(messages.contains("oneOf/anyOf inside an object type is not represented in the Swift type; `specgen validate` checks it"), "\(messages)")
    }
}
