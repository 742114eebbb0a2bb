import XCTest
@testable import SpecGenCore

/// The declaration an operation is built into before rendering: its `Output` cases (names, order, payloads)
/// and the names it must not take. The generated code is compiled and run against a server in `WireTests`.
final class OperationDeclTests: XCTestCase {
    private func declaration(_ operation: String, components: String = "{}", method: String = "post", pagination: [String: String] = [:]) throws -> OperationDecl {
        let text = """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"\(method)": \(operation)}}, "components": {"schemas": \(components)}}
        """
        let (api, _) = try OpenAPIReader().read(try JSONReader().read(text: text, path: "t.json"))
        let builder = TypeBuilder(api: api, componentKeys: api.schemas.map(\.name))
        let operation = try XCTUnwrap(api.operations.first)
        var operationBuilder = OperationBuilder(api: api, builder: builder, specName: "t.json")
        operationBuilder.paginationOverrides = pagination.isEmpty ? [:] : [operation.id: pagination.values.first!]
        return operationBuilder.declaration(for: operation, typeName: "PostX", methodName: "postX")
    }

    func testCaseNamesFollowTheReasonPhrasesAndRangesComeAfterSingleStatuses() throws {
        let decl = try declaration("""
        {"responses": {"default": {"description": "d"}, "4XX": {"description": "r"}, "201": {"description": "c"},
         "418": {"description": "t"}, "2xx": {"description": "s"}, "404": {"description": "n"}, "9000": {"description": "bad"}}}
        """)
        XCTAssertEqual(decl.outputs.map(\.status), ["201", "418", "404", "4XX", "2xx", "default"])
        XCTAssertEqual(decl.outputs.map(\.caseName), ["created", "status418", "notFound", "clientError", "success", "default"])
        XCTAssertEqual(decl.outputs.map(\.carriesStatus), [false, false, false, true, true, true])
    }

    func testPayloadFollowsTheMediaType() throws {
        let decl = try declaration("""
        {"responses": {
          "200": {"description": "j", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
          "202": {"description": "t", "content": {"text/csv": {}}},
          "203": {"description": "b", "content": {"application/pdf": {}}},
          "204": {"description": "none"},
          "400": {"description": "inline", "content": {"application/problem+json": {"schema": {"type": "object", "properties": {"title": {"type": "string"}}}}}}}}
        """, components: #"{"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}"#)
        XCTAssertEqual(decl.outputs.map(\.bodyType), ["Thing", "String", "Data", nil, "BadRequestBody"])
        XCTAssertEqual(decl.success?.caseName, "ok")
        XCTAssertEqual(decl.nested.map(\.name), ["BadRequestBody"])
        // Outside the input struct a nested type needs the struct's name; a component does not.
        guard case .json(let inline) = decl.outputs[4].payload, case .json(let thing) = decl.outputs[0].payload else { return XCTFail() }
        XCTAssertEqual(decl.qualified(inline), "Operations.PostX.BadRequestBody")
        XCTAssertEqual(decl.qualified(thing), "Thing")
    }

    func testParametersNeverTakeTheInputsOwnMemberNames() throws {
        let decl = try declaration("""
        {"parameters": [{"name": "body", "in": "query", "schema": {"type": "string"}}, {"name": "output", "in": "query", "schema": {"type": "string"}},
                        {"name": "body_media_type", "in": "header", "schema": {"type": "string"}}],
         "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/T"}}, "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/T"}}}},
         "responses": {"200": {"description": "ok"}}}
        """, components: #"{"T": {"type": "object"}}"#)
        XCTAssertEqual(decl.plan.fields.map(\.swiftName), ["body2", "output2", "bodyMediaType2"])
        XCTAssertEqual(decl.plan.alternatives.map(\.mediaType), ["application/x-www-form-urlencoded"])
    }

    func testPaginationConfigIsReadAndChecked() throws {
        let folder = try temporaryFolder(self)
        let spec = packageRoot.appendingPathComponent("Specs/auth0-management-v2.json").path
        let good = folder.appendingPathComponent("good.json")
        try Data(#"{"spec": "\#(spec)", "swift": {"pagination": {"get_users": "page", "search": "none"}}}"#.utf8).write(to: good)
        XCTAssertEqual(try SpecGenConfig.load(path: good.path).0.swift.pagination, ["get_users": "page", "search": "none"])
        let bad = folder.appendingPathComponent("bad.json")
        try Data((#"{"spec": "\#(spec)","# + "\n" + #" "swift": {"pagination": {"get_users": "pages"}}}"#).utf8).write(to: bad)
        XCTAssertThrowsError(try SpecGenConfig.load(path: bad.path)) { error in
            let diagnostic = (error as! DiagnosticsError).diagnostics[0]
            XCTAssertEqual(diagnostic.message, "'swift.pagination.get_users' must be one of cursor, link, page, checkpoint, none")
            XCTAssertEqual(diagnostic.location?.line, 2)
        }
    }

    func testPaginationOverrideNoneAndUnfitSchemes() throws {
        let list = """
        {"parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}, {"name": "per_page", "in": "query", "schema": {"type": "integer"}}],
         "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}}}}
        """
        // POST is not a list read; as GET it pages by `page`, starting after the server's first page (0 here).
        XCTAssertNil(try declaration(list).pagination)
        let decl = try declaration(list, method: "get")
        XCTAssertEqual(decl.pagination?.scheme, .page)
        XCTAssertEqual(decl.pagination?.nextBody.joined(separator: "\n"), """
        let count = Self.items(in: page).count
        guard count > 0, count >= (self.perPage ?? 1) else { return nil }
        var next = self
        next.page = (self.page ?? 0) + 1
        return next
        """)
        XCTAssertNil(try declaration(list, method: "get", pagination: ["op": "none"]).pagination)
        XCTAssertNil(try declaration(list, method: "get", pagination: ["op": "cursor"]).pagination, "no starting_after: cursor does not fit")
    }

    func testFormAlternativeOnlyForFlatBodiesOrOnesTheEncodingDescribes() throws {
        func alternatives(_ encoding: String) throws -> [String] {
            try declaration("""
            {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/T"}},
               "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/T"}, "encoding": \(encoding)}}},
             "responses": {"200": {"description": "ok"}}}
            """, components: #"{"T": {"type": "object", "properties": {"a": {"type": "string"}, "meta": {"type": "object", "properties": {"k": {"type": "string"}}}}}}"#)
            .plan.alternatives.map(\.mediaType)
        }
        XCTAssertEqual(try alternatives("{}"), [], "a nested object without an encoding would be flattened into its parent's names")
        XCTAssertEqual(try alternatives(#"{"meta": {"style": "deepObject", "explode": true}}"#), ["application/x-www-form-urlencoded"])
    }
}
