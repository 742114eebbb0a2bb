import Foundation
import XCTest
@testable import SpecGenCore

/// The wire conformance harness's inputs (scripts/wire-conformance, docs/WIRE.md): examples that break their own
/// schema are never used, synthesized values satisfy required members, enums, formats, lengths, bounds and
/// patterns, and an unsatisfiable schema is an exclusion with its reason.
final class WireHarnessTests: XCTestCase {
    func api(_ yaml: String) throws -> APIDocument {
        try OpenAPIReader().read(YAMLReader().read(text: yaml, path: "wire.yaml")).0
    }

    let spec = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    servers: [{url: "https://{tenant}.example.com/api/v2", variables: {tenant: {default: acme}}}]
    paths:
      /items/{id}:
        post:
          operationId: createItem
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: "^itm_[A-HJ-NP-Za-km-z1-9]+$"}}
            - {name: limit, in: query, schema: {type: integer, minimum: 5, maximum: 9}, example: 50}
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [kind, email, code]
                  properties:
                    kind: {type: string, enum: [big, small]}
                    email: {type: string, format: email}
                    code: {type: string, minLength: 6, maxLength: 6}
                    color: {type: string, pattern: "^#([0-9a-fA-F]{3}){1,2}$"}
          responses:
            "201":
              description: created
              content:
                application/json:
                  schema: {type: object, required: [id], properties: {id: {type: string}}, additionalProperties: false}
                  example: {id: x, extra: 1}
            "404":
              description: missing
              content: {application/json: {schema: {type: object, required: [credentials], additionalProperties: false}}}
      /broken:
        get:
          operationId: broken
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {type: object, required: [credentials], additionalProperties: false}}}
    """

    func testValuesSatisfyTheirSchemaAndBrokenExamplesAreNotUsed() throws {
        let api = try api(spec)
        let files = WireHarness.files(api: api, operations: api.operations, components: api.schemas.map(\.name), moduleName: "WireAPI")
        let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(files.casesJSON.utf8)) as? [String: Any])
        XCTAssertEqual(cases["serverPath"] as? String, "/api/v2")
        let list = try XCTUnwrap(cases["cases"] as? [[String: Any]])
        XCTAssertEqual(list.count, 2)
        // The 201 example has a member additionalProperties forbids: a synthesized body is used instead.
        let success = try XCTUnwrap(list[0]["success"] as? [String: Any])
        XCTAssertEqual(success["status"] as? Int, 201)
        XCTAssertEqual(success["body"] as? [String: String], ["id": "abc"])
        XCTAssertTrue(list[0]["error"] is NSNull, "an unsatisfiable error body is left out, not sent")
        XCTAssertTrue(list[0]["excluded"] is NSNull)
        XCTAssertEqual(list[1]["excluded"] as? String, "no valid 200 response body: /credentials: required: is required")

        // The parameter example 50 breaks `maximum: 9`: the bound is used; the pattern is walked; enum, format, length.
        let main = files.mainSwift
        XCTAssertTrue(main.contains(#"Operations.CreateItem(id: wireDecode("\"itm_A\""), limit: wireDecodeSome("5"), "#), "an optional parameter (T?) is decoded as T: " + main)
        XCTAssertTrue(main.contains(##"body: wireDecode("{\"kind\":\"big\",\"email\":\"user@example.com\",\"code\":\"abcaaa\",\"color\":\"#000\"}"))"##), main)
        XCTAssertTrue(main.contains("let output = try await client(1, \"success\").send(input)"), main)
        XCTAssertTrue(main.contains(#"report(1, "success", name == "created" ? "decoded" : "failed""#), "the documented case is checked")
        XCTAssertTrue(main.contains(#"report(1, "error", name == "notFound" ? "decoded" : "failed""#) == false, "no error request without a valid error body")
        XCTAssertFalse(main.contains("func case2()"), "excluded operations are not sent")
        XCTAssertTrue(main.contains("let base = URL(string: CommandLine.arguments[1] + \"/api/v2\")!"))
        // The run loop is a table of case functions (one suspension point), the cases in files of 40.
        XCTAssertEqual(files.swiftFiles.map(\.name), ["main.swift", "Support.swift", "Cases000.swift"])
        XCTAssertTrue(files.swiftFiles[0].text.contains("let cases: [Int: () async -> Void] = [\n    1: case1,\n]"), files.swiftFiles[0].text)
        XCTAssertFalse(files.swiftFiles[0].text.contains("switch"))
    }

    func testPatternExamplesMatchWhatTheyWalk() {
        XCTAssertEqual(WirePattern.example("^exp_[A-HJ-NP-Za-km-z1-9]+$"), "exp_A")
        XCTAssertEqual(WirePattern.example("^#(([0-9a-fA-F]{3}){1,2}|([0-9a-fA-F]{4}){1,2})$"), "#000")
        XCTAssertEqual(WirePattern.example(#"^\+[0-9]{8, 20}"#), "+0{8, 20}", "{8, 20} is text in ECMA-262, not a quantifier")
        XCTAssertEqual(WirePattern.example(#"^[^@\s]+@[a-z]+\.(com|org)$"#), "a@a.com")
        XCTAssertNil(WirePattern.example("(?<name>a)"), "named groups are not walked")
        XCTAssertEqual(WirePattern.example("^$|^(?=.)(?!https?:/$)https://a$"), "", "lookarounds consume nothing")
    }
}
