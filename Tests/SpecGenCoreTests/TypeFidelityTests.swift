import XCTest
@testable import SpecGenCore

/// Schemas that used to fall back to `JSONValue` (issue 16): each is now a Swift type that says what the schema says.
/// `scripts/schema-suite/run` compiles such types for every schema of the JSON Schema Test Suite.
final class TypeFidelityTests: XCTestCase {
    private func emit(_ schemas: String, version: String = "3.1.0", yaml: Bool = false) throws -> (files: [String: String], messages: [String]) {
        let text = yaml ? schemas : """
        {"openapi": "\(version)", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {\(schemas)}}}
        """
        let document = yaml ? try YAMLReader().read(text: text, path: "t.yaml") : try JSONReader().read(text: text, path: "t.json")
        let (api, _) = try OpenAPIReader().read(document)
        let (files, result) = SwiftTypesEmitter.emit(api, components: api.schemas.map(\.name), options: SwiftOptions(), specName: "t.json")
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), result.diagnostics.map(\.message))
    }

    func testBooleanAndNumberEnumsAreTypedOpenEnums() throws {
        let (files, messages) = try emit("""
        "Flag": {"type": "boolean", "enum": [true]},
        "Ratio": {"type": "number", "enum": [1.1, -1.2, 3]},
        "Level": {"enum": [1, 2, null]}
        """)
        let flag = try XCTUnwrap(files["Swift/Types/Flag.swift"])
        XCTAssertTrue(flag.contains("public nonisolated struct Flag: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByBooleanLiteral"), flag)
        XCTAssertTrue(flag.contains("public static let `true` = Flag(rawValue: true)"), flag)
        let ratio = try XCTUnwrap(files["Swift/Types/Ratio.swift"])
        XCTAssertTrue(ratio.contains("public var rawValue: Double"), ratio)
        XCTAssertTrue(ratio.contains("public static let value1_1 = Ratio(rawValue: 1.1)"), ratio)
        XCTAssertTrue(ratio.contains("public static let valueMinus1_2 = Ratio(rawValue: -1.2)"), ratio)
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Level.swift"]).contains("public var rawValue: Int"))
        XCTAssertFalse(messages.contains { $0.contains("JSONValue") }, "\(messages)")
    }

    func testEmptyEnumIsTypedAndReported() throws {
        let (files, messages) = try emit(#""Nothing": {"type": "integer", "enum": []}"#)
        let nothing = try XCTUnwrap(files["Swift/Types/Nothing.swift"])
        XCTAssertTrue(nothing.contains("public static let knownValues: [Nothing] = []"), nothing)
        XCTAssertTrue(nothing.contains("public var rawValue: Int"), nothing)
        XCTAssertEqual(messages, ["'enum: []' allows no value at all; 'Nothing' is generated with no known value, so validate() reports every value"])
    }

    func testArrayOfInlineObjectsKeepsItsItemType() throws {
        let (files, messages) = try emit("""
        "Pets": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 3}}}},
        "Owner": {"type": "object", "properties": {"pets": {"$ref": "#/components/schemas/Pets"}}}
        """)
        let pets = try XCTUnwrap(files["Swift/Types/Pets.swift"])
        XCTAssertTrue(pets.contains("public typealias Pets = [PetsItem]"), pets)
        XCTAssertTrue(pets.contains("public nonisolated struct PetsItem: Codable, Hashable, Sendable"), pets)
        let owner = try XCTUnwrap(files["Swift/Types/Owner.swift"])
        XCTAssertTrue(owner.contains("public var pets: Pets?"), owner)
        XCTAssertTrue(owner.contains("item0.validate(at: specGenIndex("), owner)
        XCTAssertEqual(messages, [])
    }

    func testAllOfOfOneScalarTypeMergesEveryConstraint() throws {
        let (files, messages) = try emit("""
        "Count": {"type": "integer", "minimum": 0},
        "Small": {"allOf": [{"$ref": "#/components/schemas/Count"}, {"maximum": 10}, {"type": "number", "minimum": 1}]},
        "Tags": {"allOf": [{"type": "array", "items": {"type": "string"}}, {"maxItems": 3, "uniqueItems": true}]},
        "Holder": {"type": "object", "properties": {"small": {"$ref": "#/components/schemas/Small"}, "tags": {"$ref": "#/components/schemas/Tags"}}}
        """)
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Small.swift"]).contains("public typealias Small = Int"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Tags.swift"]).contains("public typealias Tags = [String]"))
        let holder = try XCTUnwrap(files["Swift/Types/Holder.swift"])
        XCTAssertTrue(holder.contains("minimum: 1, maximum: 10"), holder)
        XCTAssertTrue(holder.contains("max: 3, rule: \"Items\""), holder)
        XCTAssertTrue(holder.contains("ValidationIssue.checkUnique(value"), holder)
        XCTAssertEqual(messages, [])
    }

    /// OpenAI's `tool_choice: {allOf: [{$ref: AssistantsApiToolChoiceOption}, {nullable: true}]}`.
    func testAllOfOfOneSchemaAndAnnotationsIsThatSchema() throws {
        let (files, messages) = try emit("""
        "Choice": {"oneOf": [{"type": "string"}, {"type": "object", "properties": {"name": {"type": "string"}}}]},
        "Run": {"type": "object", "properties": {"choice": {"allOf": [{"$ref": "#/components/schemas/Choice"}, {"nullable": true}, {"description": "d"}]}}}
        """, version: "3.0.3")
        let run = try XCTUnwrap(files["Swift/Types/Run.swift"])
        XCTAssertTrue(run.contains("public var choice: Choice?"), run)
        XCTAssertEqual(messages, [])
    }

    /// A member without one Swift type is `JSONValue`, and `validate()` still checks its schema's rules at run time.
    func testMembersHeldAsJSONValueKeepTheirRules() throws {
        let (files, _) = try emit("""
        "Box": {"type": "object", "required": ["id"], "properties": {
          "id": {"type": ["string", "integer"], "minLength": 2, "minimum": 1},
          "tag": {"enum": ["a", 1, null]},
          "never": false}}
        """)
        let box = try XCTUnwrap(files["Swift/Types/Box.swift"])
        XCTAssertTrue(box.contains(#"ValidationIssue.checkJSON(value, at: specGenMember(pointer, "id"), types: ["integer", "string"], minLength: 2, minimum: 1, into: &issues)"#), box)
        XCTAssertTrue(box.contains(#"allowed: [JSONValue.string("a"), JSONValue.integer(1), JSONValue.null]"#), box)
        XCTAssertTrue(box.contains(#"rule: "false", message: "no value is allowed here""#), box)
    }

    func testYAMLNullInATypeArrayMakesTheMemberNullable() throws {
        let yaml = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Box:
              type: object
              properties:
                tags:
                  type: [array, null]
                  items: {type: string}
        """
        let (files, messages) = try emit(yaml, yaml: true)
        let box = try XCTUnwrap(files["Swift/Types/Box.swift"])
        XCTAssertTrue(box.contains("public var tags: Nullable<[String]>"), box)
        XCTAssertEqual(messages, [])
    }
}
