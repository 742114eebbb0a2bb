import Foundation
import XCTest
@testable import SpecGenCore

/// The whole "Update a user" path from the checked-in Specs: overlay rules, Postman drift, curl that runs.
final class UpdateUserPathTests: XCTestCase {
    func generate() throws -> Generator.Output {
        try PackageRun().generate()
    }

    func testDriftReportForTheSeedCollection() throws {
        let warnings = try generate().diagnostics.filter { $0.severity == .warning }.map(\.description)
        let collection = "Specs/auth0-update-user.postman_collection.json"
        func expect(_ fragment: String, line: UInt = #line) {
            XCTAssertTrue(warnings.contains { $0.hasPrefix(collection + ":") && $0.contains(fragment) }, "missing warning containing: \(fragment)\n" + warnings.joined(separator: "\n"), line: line)
        }
        expect("body field \"verify_password\" of \"Update a user\" is not a property of PATCH /users/{id} (patch_users_by_id)")
        expect("leaves out 5 properties that PATCH /users/{id} (patch_users_by_id) accepts: given_name, family_name, name, nickname, picture")
        expect("the API would reject the body of Postman request \"Update a user\": /email: format: is not a valid email address")
        expect("/password: minLength: must be at least 1 character long (found 0)")
        expect("/username: minLength: must be at least 1 character long (found 0)")
        expect("/client_id: minLength: must be at least 1 character long (found 0)")
        expect("/email: not: Cannot update password and email simultaneously.")
        expect("/password: not: Cannot update username and password simultaneously.")
        // Located at the member inside the raw body string, on the collection's line 28.
        XCTAssertTrue(warnings.contains { $0.hasPrefix(collection + ":28:") && $0.contains("verify_password") })
    }

    func testValidateEnforcesTheOverlayRules() throws {
        let pairs: [(String, String)] = [
            (#"{"password": "s3cret!", "email": "jane@example.com"}"#, "/email: not: Cannot update password and email simultaneously."),
            (#"{"password": "s3cret!", "email_verified": true}"#, "/email_verified: not: Cannot update password and email_verified simultaneously."),
            (#"{"username": "jane", "email": "jane@example.com"}"#, "/email: not: Cannot update username and email simultaneously."),
            (#"{"username": "jane", "email_verified": false}"#, "/email_verified: not: Cannot update username and email_verified simultaneously."),
            (#"{"username": "jane", "password": "s3cret!"}"#, "/password: not: Cannot update username and password simultaneously."),
        ]
        for (body, line) in pairs {
            let result = try runSpecgen(["validate", "--operation", "patch_users_by_id", "-"], stdin: body)
            XCTAssertEqual(result.status, 1, body)
            XCTAssertEqual(result.stdout, line + "\n", body)
        }
        XCTAssertEqual(try runSpecgen(["validate", "--operation", "patch_users_by_id", "-"], stdin: #"{"password": "s3cret!"}"#).status, 0)
    }

    func testExampleBodyRespectsTheRules() throws {
        let output = try generate()
        let operation = try XCTUnwrap(output.api.operation(id: "patch_users_by_id"))
        let example = OperationExampleBuilder(api: output.api, placeholders: ["tenantDomain": "{yourDomain}", "id": "USER_ID"]).request(for: operation)
        XCTAssertEqual(example.url, "https://{yourDomain}/api/v2/users/USER_ID")
        guard case .json(let body, _)? = example.body else { return XCTFail("expected a JSON body") }
        let keys = body.objectValue?.keys ?? []
        XCTAssertEqual(Array(keys.prefix(4)), ["blocked", "email_verified", "email", "phone_number"], "spec property order")
        XCTAssertFalse(keys.contains("password"), "password + email is forbidden, so the example leaves password out")
        XCTAssertFalse(keys.contains("username"))
        let findings = SchemaValidator(api: output.api).validate(JSONNode(body), against: try XCTUnwrap(operation.requestBody?.json?.schema))
        XCTAssertEqual(findings, [], "the docs example must be a body the API accepts")
    }

    /// Runs a checked-in curl snippet with its host swapped for the loopback server; returns what arrived.
    func runCurl(_ relativePath: String, replacing host: String) throws -> EchoedRequest {
        let server = try EchoServer()
        var script = try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
        XCTAssertTrue(script.contains(host), "snippet should show the placeholder host \(host)")
        script = script.replacingOccurrences(of: host, with: server.baseURL)
        let file = try temporaryFolder(self).appendingPathComponent("snippet.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let result = try runProgram("/bin/sh", [file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(server.requestsBlocking().last)
    }

    func testCurlFromTheOperationRunsAndSendsTheDescribedRequest() throws {
        let received = try runCurl("Generated/Snippets/patch_users_by_id/shell-curl.sh", replacing: "https://{yourDomain}")
        XCTAssertEqual(received.method, "PATCH")
        XCTAssertEqual(received.path, "/api/v2/users/USER_ID")
        XCTAssertEqual(received.header("authorization"), "Bearer MGMT_API_ACCESS_TOKEN")
        XCTAssertEqual(received.header("content-type"), "application/json")
        let output = try generate()
        let operation = try XCTUnwrap(output.api.operation(id: "patch_users_by_id"))
        guard case .json(let expected, _)? = OperationExampleBuilder(api: output.api, placeholders: [:]).request(for: operation).body else { return XCTFail() }
        let sent = try JSONReader().read(text: String(decoding: received.body, as: UTF8.self)).root.value
        XCTAssertEqual(sent, expected)
    }

    func testCurlFromThePostmanItemSendsTheRawBodyByteForByte() throws {
        let received = try runCurl("Generated/Snippets/patch_users_by_id/postman/shell-curl.sh", replacing: "https://{{auth0_domain}}")
        XCTAssertEqual(received.method, "PATCH")
        XCTAssertEqual(received.path, "/api/v2/users/:id")
        XCTAssertEqual(received.header("authorization"), "Bearer {{auth0_token}}")
        let collection = try JSONReader().read(text: String(contentsOf: packageRoot.appendingPathComponent("Specs/auth0-update-user.postman_collection.json"), encoding: .utf8))
        let raw = try XCTUnwrap(collection.root.resolve(JSONPointer("/item/0/item/0/request/body/raw")!)?.value.stringValue)
        XCTAssertTrue(raw.contains("\r\n"))
        XCTAssertEqual(received.body, Data(raw.utf8))
    }
}
