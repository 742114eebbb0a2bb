import XCTest
@testable import SpecGenCore

final class WholeAPISwagger2Tests: XCTestCase {
    private func read() throws -> (APIDocument, [Diagnostic]) {
        let document = try DocumentLoader.load(path: fixtureURL("wholeapi/swagger2-shop.json").path)
        return try OpenAPIReader().read(document)
    }

    func testOperationsParametersAndBodiesAreConverted() throws {
        let (api, _) = try read()
        XCTAssertEqual(api.servers.map(\.url), ["https://shop.example.com/v1"])
        XCTAssertEqual(api.operations.map(\.id), ["putItem", "upload"])
        let put = try XCTUnwrap(api.operation(id: "putItem"))
        XCTAssertEqual(put.parameters.map(\.name), ["id", "tags", "limit"])
        XCTAssertEqual(put.parameters.map(\.location), [.path, .query, .query])
        XCTAssertEqual(put.parameters[1].style, "form")
        XCTAssertEqual(put.parameters[1].explode, true)
        XCTAssertEqual(put.parameters[1].schema?.types, [.array])
        XCTAssertEqual(put.parameters[2].schema?.maximum, 100)
        XCTAssertEqual(put.requestBody?.required, true)
        XCTAssertEqual(put.requestBody?.json?.schema?.ref, "Item")
        XCTAssertEqual(put.responses.first?.json?.schema?.ref, "Item")
        XCTAssertEqual(put.responses.first?.headers.first?.schema?.types, [.integer])
        let upload = try XCTUnwrap(api.operation(id: "upload"))
        let form = try XCTUnwrap(upload.requestBody?.content.first)
        XCTAssertEqual(form.mediaType, "multipart/form-data")
        XCTAssertEqual(form.schema?.properties.map(\.name), ["file", "note"])
        XCTAssertEqual(form.schema?.properties.first?.schema.format, "binary")
        XCTAssertEqual(form.schema?.required, ["file"])
        XCTAssertEqual(api.securitySchemes.map(\.name), ["basicAuth", "key"])
        XCTAssertEqual(api.securitySchemes.first?.kind, .basic)
    }

    func testDefinitionsBecomeSchemasWithNullableAndLocationsInTheSwaggerFile() throws {
        let (api, diagnostics) = try read()
        let item = try XCTUnwrap(api.schemaIndex["Item"])
        XCTAssertEqual(item.properties.first { $0.name == "parent" }?.schema.ref, "Item")
        XCTAssertTrue(item.properties.first { $0.name == "note" }?.schema.allowsNull ?? false)
        // The unknown type is reported at its line in the Swagger file, not in the converted tree.
        let warning = try XCTUnwrap(diagnostics.first { $0.message.contains("unknown type 'strin'") })
        let text = try String(contentsOf: fixtureURL("wholeapi/swagger2-shop.json"), encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"strin\"") }! + 1
        XCTAssertEqual(warning.location?.line, line)
    }

    func testGeneratedSwiftForTheConvertedDocument() throws {
        let (api, _) = try read()
        let (files, _) = SwiftTypesEmitter.emit(api, components: ["Item"], operations: api.operations, options: SwiftOptions(), specName: "swagger2-shop.json")
        let item = try XCTUnwrap(files.first { $0.path == "Swift/Types/Item.swift" }?.contents)
        XCTAssertTrue(item.contains("public var note: Nullable<String>"), item)
        // Item.parent is an Item: held in the support file's box, so the struct has a finite size.
        XCTAssertTrue(item.contains("public var parent: Item? { get { _parent.wrappedValue } set { _parent.wrappedValue = newValue } }"), item)
        XCTAssertTrue(item.contains("var _parent: SpecGenIndirect<Item?>"), item)
        XCTAssertTrue(item.contains("try container.decodeOptional(Item.self, \"parent\", &rejectedNulls)"), item)
        let put = try XCTUnwrap(files.first { $0.path == "Swift/Operations/PutItem.swift" }?.contents)
        XCTAssertTrue(put.contains("public var body: Item"), put)
        // collectionFormat multi is form, exploded: tags=a&tags=b.
        XCTAssertTrue(put.contains("query += SpecGenStyle.query(\"tags\", SpecGenWireValue.of(value), style: \"form\", explode: true"), put)
    }
}

final class WholeAPINamingTests: XCTestCase {
    /// A nested `Body` must not rewrite the `ResponseBody` identifier in the client method's signature.
    func testResponseBodyNextToBodyIsQualifiedAsAWholeIdentifier() throws {
        let text = """
        {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/x": {"post": {"operationId": "start",
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
          "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"b": {"type": "string"}}}}}}}}}}}
        """
        let (api, _) = try OpenAPIReader().read(try JSONReader().read(text: text))
        let (files, _) = SwiftTypesEmitter.emit(api, components: [], operations: api.operations, options: SwiftOptions(), specName: "t.json")
        let source = try XCTUnwrap(files.first { $0.path == "Swift/Operations/Start.swift" }?.contents)
        XCTAssertTrue(source.contains("async throws(APIError) -> Operations.Start.ResponseBody {"), source)
        XCTAssertFalse(source.contains("ResponseOperations"), source)
    }
}
