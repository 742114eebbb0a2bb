import XCTest
@testable import SpecGenCore

final class PostmanMatchingTests: XCTestCase {
    static let auth0Properties = ["blocked", "email_verified", "email", "phone_number", "phone_verified", "user_metadata", "app_metadata", "given_name", "family_name", "name", "nickname", "picture", "verify_email", "verify_phone_number", "password", "connection", "client_id", "username"]
    static let server = ["https://{tenantDomain}/api/v2"]
    static let patchUser = OperationSummary(operationId: "patch_users_by_id", method: "PATCH", pathTemplate: "/users/{id}", serverURLs: server, bodyPropertyNames: auth0Properties)
    static let operations = [
        OperationSummary(operationId: "get_users_by_id", method: "GET", pathTemplate: "/users/{id}", serverURLs: server),
        OperationSummary(operationId: "post_users", method: "POST", pathTemplate: "/users", serverURLs: server, bodyPropertyNames: ["email", "connection", "password"], requiredBodyProperties: ["connection"]),
        OperationSummary(operationId: "patch_me", method: "PATCH", pathTemplate: "/users/me", serverURLs: server, bodyPropertyNames: []),
        patchUser,
    ]

    func item(_ method: String, _ url: String, body: PostmanBody? = nil) -> PostmanRequestItem {
        PostmanRequestItem(name: "\(method) \(url)", method: method, url: PostmanURLParser.parse(url), body: body)
    }

    func matched(_ method: String, _ url: String) -> String? {
        PostmanMatcher.match(item(method, url), operations: Self.operations)?.operationId
    }

    func testSeedItemMatchesPatchUsersById() throws {
        let seed = try XCTUnwrap(PostmanReaderTests.loadAuth0().requests.first)
        let pairs = PostmanMatcher.match([seed], operations: Self.operations)
        XCTAssertEqual(pairs.count, 1)
        XCTAssertEqual(pairs[0].0.name, "Update a user")
        XCTAssertEqual(pairs[0].1, Self.patchUser)
    }

    func testNormalisation() {
        XCTAssertEqual(matched("PATCH", "https://{{auth0_domain}}/api/v2/users/:id"), "patch_users_by_id")
        XCTAssertEqual(matched("patch", "https://{{auth0_domain}}/api/v2/users/{{userId}}/"), "patch_users_by_id", "method case, {{var}} segment, trailing slash")
        XCTAssertEqual(matched("PATCH", "https://tenant.auth0.com/api/v2/users/USER_ID"), "patch_users_by_id", "a literal id fills the {id} parameter")
        XCTAssertEqual(matched("PATCH", "{{baseUrl}}/users/:user_id"), "patch_users_by_id", "a variable host may hold the server path")
        XCTAssertEqual(matched("PATCH", "https://{{auth0_domain}}/api/v2/users/me"), "patch_me", "literal segments beat parameters")
        XCTAssertEqual(matched("GET", "https://{{auth0_domain}}/api/v2//users/:id"), "get_users_by_id")
        XCTAssertEqual(matched("POST", "https://x.example.com/api/v2/users"), "post_users")
        XCTAssertNil(matched("DELETE", "https://{{auth0_domain}}/api/v2/users/:id"), "no DELETE operation")
        XCTAssertNil(matched("PATCH", "https://{{auth0_domain}}/api/v3/users/:id"))
        XCTAssertNil(matched("PATCH", "https://literal.example.com/users/:id"), "a literal host needs the server path too")
        XCTAssertNil(matched("POST", "https://{{auth0_domain}}/api/v2/:collection"), "a Postman variable never matches a literal segment")
        let literalServer = OperationSummary(operationId: "x", method: "GET", pathTemplate: "/ping", serverURLs: ["https://api.example.com"])
        XCTAssertEqual(PostmanMatcher.match(item("GET", "https://API.example.com/ping"), operations: [literalServer])?.operationId, "x")
        XCTAssertNil(PostmanMatcher.match(item("GET", "https://other.example.com/ping"), operations: [literalServer]))
        let relativeServer = OperationSummary(operationId: "y", method: "GET", pathTemplate: "/ping", serverURLs: ["/v1"])
        XCTAssertEqual(PostmanMatcher.match(item("GET", "http://localhost:8080/v1/ping"), operations: [relativeServer])?.operationId, "y")
    }

    func testSeedDriftIsLocatedInTheCollection() throws {
        let seed = try XCTUnwrap(PostmanReaderTests.loadAuth0().requests.first)
        let findings = PostmanDrift.check(item: seed, operation: Self.patchUser)
        XCTAssertEqual(findings.count, 2, findings.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(findings.allSatisfy { $0.severity == .warning && $0.pointer == "/item/0/item/0/request/body/raw" })

        // verify_password is pointed at inside the raw body string on its line of the collection file.
        let unknown = findings[0]
        XCTAssertEqual(unknown.message, "body field \"verify_password\" of \"Update a user\" is not a property of PATCH /users/{id} (patch_users_by_id)")
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Specs/auth0-update-user.postman_collection.json"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let lineIndex = try XCTUnwrap(lines.firstIndex { $0.contains("\\\"verify_password\\\"") })
        let column = try XCTUnwrap(lines[lineIndex].range(of: "\\\"verify_password\\\"")).lowerBound.utf16Offset(in: lines[lineIndex]) + 1
        XCTAssertEqual(unknown.location?.line, lineIndex + 1)
        XCTAssertEqual(unknown.location?.column, column)
        XCTAssertTrue(unknown.location?.file.hasSuffix("Specs/auth0-update-user.postman_collection.json") == true)

        let missing = findings[1]
        XCTAssertEqual(missing.message, "the body of \"Update a user\" leaves out 5 properties that PATCH /users/{id} (patch_users_by_id) accepts: given_name, family_name, name, nickname, picture")
        let rawColumn = try XCTUnwrap(lines[lineIndex].range(of: "\"{\\r\\n")).lowerBound.utf16Offset(in: lines[lineIndex]) + 1
        XCTAssertEqual(missing.location?.line, lineIndex + 1)
        XCTAssertEqual(missing.location?.column, rawColumn)
        XCTAssertTrue(missing.description.hasSuffix("(at /item/0/item/0/request/body/raw)\n  hint: the Postman example may predate these properties"), missing.description)
    }

    func testUnmatchedItemsAndOtherBodies() throws {
        let seed = try XCTUnwrap(PostmanReaderTests.loadAuth0().requests.first)
        let unmatched = PostmanDrift.report([seed], operations: [Self.operations[0]])
        XCTAssertEqual(unmatched.count, 1)
        XCTAssertEqual(unmatched[0].location?.line, 12)
        XCTAssertEqual(unmatched[0].location?.column, 9)
        XCTAssertEqual(unmatched[0].message, "Postman request \"Update a user\" (PATCH https://{{auth0_domain}}/api/v2/users/:id) matches no operation of the API description")

        let form = item("POST", "https://t/api/v2/users", body: .urlEncoded([PostmanKeyValue("email", "a@b.c"), PostmanKeyValue("nickname", "x")]))
        let formFindings = PostmanDrift.report([form], operations: Self.operations).map(\.message)
        XCTAssertEqual(formFindings, [
            "body field \"nickname\" of \"POST https://t/api/v2/users\" is not a property of POST /users (post_users)",
            "the body of \"POST https://t/api/v2/users\" lacks required property of POST /users (post_users): connection",
            "the body of \"POST https://t/api/v2/users\" leaves out 1 property that POST /users (post_users) accepts: password",
        ])

        let placeholders = item("PATCH", "https://t/api/v2/users/1", body: .raw("{ \"given_name\": GIVEN_NAME_VALUE }", language: nil))
        XCTAssertEqual(PostmanDrift.report([placeholders], operations: Self.operations).map(\.message), ["the body of \"PATCH https://t/api/v2/users/1\" is not valid JSON, so its fields cannot be compared with PATCH /users/{id} (patch_users_by_id)"])
        let xml = item("PATCH", "https://t/api/v2/users/1", body: .raw("<a/>", language: "xml"))
        XCTAssertEqual(PostmanDrift.report([xml], operations: Self.operations), [])
        let array = item("PATCH", "https://t/api/v2/users/1", body: .raw("[1]", language: "json"))
        XCTAssertEqual(PostmanDrift.report([array], operations: Self.operations).map(\.message), ["the body of \"PATCH https://t/api/v2/users/1\" is a JSON array, but PATCH /users/{id} (patch_users_by_id) expects an object"])
        let complete = item("PATCH", "https://t/api/v2/users/me", body: .raw("{}", language: "json"))
        XCTAssertEqual(PostmanDrift.report([complete], operations: Self.operations), [], "an operation without properties leaves nothing out")
    }

    func testKeyLocationThroughEscapes() throws {
        // The raw body holds \u00e9 (2 UTF-8 bytes decoded from 6 source bytes), \t and an emoji pair before the key.
        let text = #"{"info": {"schema": "v2.1.0"}, "item": [{"name": "n", "request": {"method": "PATCH", "url": "https://h/api/v2/users/1", "body": {"mode": "raw", "raw": "{\"caf\u00e9\":1,\t\"\ud83d\ude00\":2, \"zz\": 3}"}}}]}"#
        let collection = try PostmanCollectionReader().read(JSONReader().read(text: text, path: "e.json"))
        let request = try XCTUnwrap(collection.requests.first)
        let operation = OperationSummary(operationId: nil, method: "PATCH", pathTemplate: "/users/{id}", serverURLs: Self.server, bodyPropertyNames: ["café"])
        let findings = PostmanDrift.check(item: request, operation: operation)
        let unknown = findings.filter { $0.message.hasPrefix("body field") }
        XCTAssertEqual(unknown.map(\.message), ["body field \"😀\" of \"n\" is not a property of PATCH /users/{id}", "body field \"zz\" of \"n\" is not a property of PATCH /users/{id}"])
        let scalars = Array(text.unicodeScalars)
        func column(of needle: String) -> Int {
            let target = Array(needle.unicodeScalars)
            return (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }! + 1
        }
        XCTAssertEqual(unknown.map { $0.location?.column }, [column(of: #"\"\ud83d"#), column(of: #"\"zz\""#)])
    }
}
