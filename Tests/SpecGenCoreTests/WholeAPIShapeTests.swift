import XCTest
@testable import SpecGenCore

/// Shapes whole documents use that the Auth0 endpoint does not: string narrowing through `allOf`.
final class WholeAPIShapeTests: XCTestCase {
    private func emit(_ spec: String) throws -> (files: [String: String], diagnostics: [Diagnostic]) {
        let document = try JSONReader().read(text: spec, path: "narrow.json")
        let (api, _) = try OpenAPIReader().read(document)
        let (files, result) = SwiftTypesEmitter.emit(api, components: api.schemas.map(\.name), options: SwiftOptions(), specName: "narrow.json")
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
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Issuer.swift"]).contains("public typealias Issuer = String"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Url255.swift"]).contains("public typealias Url255 = String"))
        let holder = try XCTUnwrap(files["Swift/Types/Holder.swift"])
        XCTAssertTrue(holder.contains("at: specGenMember(pointer, \"issuer\"), minLength: 8, maxLength: 255, pattern: \"^https://\""), holder)
        XCTAssertTrue(holder.contains("format: \"uri\""), holder)
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/TwoPatterns.swift"]).contains("= String"))
        XCTAssertTrue(try XCTUnwrap(files["Swift/Types/Mixed.swift"]).contains("JSONValue"))
        let messages = diagnostics.map(\.message)
        XCTAssertTrue(messages.contains("allOf combines 2 patterns; only the first is checked"), "\(messages)")
        XCTAssertTrue(messages.contains("allOf of non-object schemas is not supported; generated as JSONValue"), "\(messages)")
        XCTAssertEqual(messages.count, 2, "\(messages)")
    }
}
