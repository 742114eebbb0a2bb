import XCTest
@testable import SpecGenCore

/// Shapes whole documents use that the Auth0 endpoint does not: string narrowing through `allOf`.
final class WholeAPIShapeTests: XCTestCase {
    private func emit(_ spec: String, options: SwiftOptions = SwiftOptions()) throws -> (files: [String: String], diagnostics: [Diagnostic]) {
        let document = try JSONReader().read(text: spec, path: "narrow.json")
        let (api, _) = try OpenAPIReader().read(document)
        let (files, result) = SwiftTypesEmitter.emit(api, components: api.schemas.map(\.name), options: options, specName: "narrow.json")
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), result.diagnostics)
    }

    /// `allOf: [{$ref: Url}, {maxLength: 255}]` (30 such schemas in the Auth0 document) is a String with every
    /// constraint, not JSONValue; two different patterns keep the first and say so.
    func testAllOfOfStringConstraintsIsAString() throws {
        let spec = """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
         "components": {"schemas": {
           "Url": {"type": "string", "format": "uri", "minLength": 8, "pattern": "^https://"},
           "Url255": {"allOf": [{"$ref": "#/components/schemas/Url"}, {"maxLength": 255, "minLength": 1}]},
           "Issuer": {"allOf": [{"description": "The issuer."}, {"$ref": "#/components/schemas/Url255"}]},
           "TwoPatterns": {"allOf": [{"$ref": "#/components/schemas/Url"}, {"pattern": "\\\\.pem$"}]},
           "Mixed": {"allOf": [{"$ref": "#/components/schemas/Url"}, {"type": "integer"}]},
           "Holder": {"type": "object", "properties": {"issuer": {"$ref": "#/components/schemas/Issuer"}}}
         }}}
        """
        let (files, diagnostics) = try emit(spec)
        // An allOf of a description and one reference is that reference's type (a String alias).
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Issuer.swift"]).contains("public typealias Issuer = Url255"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Url255.swift"]).contains("public typealias Url255 = String"))
        let holder = try XCTUnwrap(files["Swift/Types/Holder.swift"])
        XCTAssertTrue(holder.contains("at: specGenMember(pointer, \"issuer\"), minLength: 8, maxLength: 255, pattern: \"^https://\""), holder)
        XCTAssertTrue(holder.contains("format: \"uri\""), holder)
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/TwoPatterns.swift"]).contains("= String"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Mixed.swift"]).contains("JSONValue"))
        let messages = diagnostics.map(\.message)
        XCTAssertTrue(messages.contains("allOf combines 2 patterns; only the first is checked"), "\(messages)")
        XCTAssertTrue(messages.contains("allOf of non-object schemas that do not share one type is not supported; generated as JSONValue"), "\(messages)")
        XCTAssertEqual(messages.count, 2, "\(messages)")
    }

    /// Schemas that generate the same type are generated once: the first in document order stays a struct, the
    /// others become typealiases of it, and a merge that makes the types referring to them identical merges
    /// those too. A different member doc comment, rule or JSON name keeps types apart.
    func testIdenticalSchemasBecomeTypealiasesOfTheFirst() throws {
        let spec = """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
         "components": {"schemas": {
           "GetClient": {"type": "object", "properties": {"id": {"type": "string", "minLength": 1}, "tags": {"type": "array", "items": {"type": "string"}}}},
           "UpdateClient": {"type": "object", "properties": {"id": {"type": "string", "minLength": 1}, "tags": {"type": "array", "items": {"type": "string"}}}},
           "OtherRule": {"type": "object", "properties": {"id": {"type": "string", "minLength": 2}, "tags": {"type": "array", "items": {"type": "string"}}}},
           "OtherDoc": {"type": "object", "properties": {"id": {"type": "string", "minLength": 1, "description": "Differs."}, "tags": {"type": "array", "items": {"type": "string"}}}},
           "GetEnvelope": {"type": "object", "properties": {"client": {"$ref": "#/components/schemas/GetClient"}}},
           "UpdateEnvelope": {"type": "object", "description": "What an update returns.", "properties": {"client": {"$ref": "#/components/schemas/UpdateClient"}}}
         }}}
        """
        let (files, _) = try emit(spec)
        let update = try XCTUnwrap(files["Swift/Types/UpdateClient.swift"])
        XCTAssertTrue(update.contains("\n/// The same JSON shape as `GetClient`"), update)
        XCTAssertTrue(update.contains("public typealias UpdateClient = GetClient"), update)
        XCTAssertFalse(update.contains("struct"), update)
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/GetClient.swift"]).contains("public nonisolated struct GetClient: Codable, Hashable, Sendable"))
        // Second round: once UpdateClient is GetClient, the envelopes are identical too; the alias keeps its doc.
        let envelope = try XCTUnwrap(files["Swift/Types/UpdateEnvelope.swift"])
        XCTAssertTrue(envelope.contains("/// What an update returns.\n///\n/// The same JSON shape as `GetEnvelope`"), envelope)
        XCTAssertTrue(envelope.hasSuffix("public typealias UpdateEnvelope = GetEnvelope\n"), envelope)
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/OtherRule.swift"]).contains("public nonisolated struct OtherRule"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/OtherDoc.swift"]).contains("public nonisolated struct OtherDoc"))

        // Off: every schema keeps its own struct, and the kept struct's text is what merging reused.
        let (separate, _) = try emit(spec, options: SwiftOptions(mergeIdenticalTypes: false))
        XCTAssertTrue(try XCTUnwrap(separate["Swift/Types/UpdateClient.swift"]).contains("public nonisolated struct UpdateClient: Codable"))
        XCTAssertEqual(separate["Swift/Types/GetClient.swift"], files["Swift/Types/GetClient.swift"])
        XCTAssertEqual(separate["Swift/Types/OtherDoc.swift"], files["Swift/Types/OtherDoc.swift"])
    }
}
