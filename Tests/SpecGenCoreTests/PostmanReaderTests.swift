import XCTest
@testable import SpecGenCore

/// The Auth0 "Update a user" item (seed 004) read from `Specs/`, field by field.
final class PostmanReaderTests: XCTestCase {
    static let seedBody = "{\r\n  \"blocked\": true,\r\n  \"email_verified\": true,\r\n  \"email\": \"\",\r\n  \"verify_email\": true,\r\n  \"phone_number\": \"\",\r\n  \"phone_verified\": true,\r\n  \"verify_phone_number\": true,\r\n  \"password\": \"\",\r\n  \"verify_password\": true,\r\n  \"user_metadata\": {},\r\n  \"app_metadata\": {},\r\n  \"connection\": \"\",\r\n  \"username\": \"\",\r\n  \"client_id\": \"\"\r\n}"

    static func loadAuth0(environment: Bool = false) throws -> PostmanCollection {
        let collection = try DocumentLoader.load(path: packageRoot.appendingPathComponent("Specs/auth0-update-user.postman_collection.json").path)
        let env = environment ? try DocumentLoader.load(path: packageRoot.appendingPathComponent("Specs/auth0.postman_environment.json").path) : nil
        return try PostmanCollectionReader().read(collection, environment: env)
    }

    func testSeedItemEveryField() throws {
        let collection = try Self.loadAuth0()
        XCTAssertEqual(collection.version, .v2_1)
        XCTAssertEqual(collection.name, "Auth0 Management API (Update a user)")
        XCTAssertEqual(collection.warnings, [])
        XCTAssertEqual(collection.requests.count, 1)
        let item = try XCTUnwrap(collection.request(named: "Update a user", in: ["Users"]))
        XCTAssertEqual(item.folderPath, ["Users"])
        XCTAssertEqual(item.pointer.description, "/item/0/item/0")
        XCTAssertEqual(item.location?.file.hasSuffix("Specs/auth0-update-user.postman_collection.json"), true)
        XCTAssertEqual(item.location?.line, 12)
        XCTAssertEqual(item.location?.column, 9)
        XCTAssertEqual(item.method, "PATCH")
        XCTAssertEqual(item.headers, [PostmanKeyValue("Authorization", "Bearer {{auth0_token}}"), PostmanKeyValue("Content-Type", "application/json")])
        XCTAssertEqual(item.url.raw, "https://{{auth0_domain}}/api/v2/users/:id")
        XCTAssertEqual(item.url.scheme, "https")
        XCTAssertEqual(item.url.host, ["{{auth0_domain}}"])
        XCTAssertEqual(item.url.path, ["api", "v2", "users", ":id"])
        XCTAssertEqual(item.url.pathVariables, [PostmanKeyValue("id", "")])
        XCTAssertEqual(item.url.query, [])
        XCTAssertNil(item.url.hash)
        XCTAssertEqual(item.url.base, "https://{{auth0_domain}}/api/v2/users/:id")
        guard case .raw(let text, let language)? = item.body else { return XCTFail("expected a raw body, got \(String(describing: item.body))") }
        XCTAssertNil(language)
        XCTAssertEqual(Array(text.utf8), Array(Self.seedBody.utf8), "CRLF must be kept byte for byte")
        XCTAssertEqual(text.utf8.filter { $0 == 0x0D }.count, 15)
        XCTAssertEqual(item.bodyPointer?.description, "/item/0/item/0/request/body/raw")
        // Collection-level bearer auth is inherited.
        XCTAssertEqual(item.auth, .bearer(token: "{{auth0_token}}"))
        XCTAssertEqual(collection.auth, .bearer(token: "{{auth0_token}}"))
        let description = try XCTUnwrap(item.description)
        XCTAssertTrue(description.hasPrefix("Updates a user with the object's properties received in the request's body (the object should be a JSON object).<br/>These are"))
        XCTAssertTrue(description.hasSuffix("\"home_address\": \"742 Evergreen Terrace\"\n    }\n  }\n}</code></pre>"))
    }

    func testSeedRequestExampleKeepsPlaceholders() throws {
        let item = try XCTUnwrap(Self.loadAuth0().requests.first)
        let example = item.requestExample(resolveVariables: false)
        XCTAssertEqual(example.method, "PATCH")
        XCTAssertEqual(example.url, "https://{{auth0_domain}}/api/v2/users/:id")
        XCTAssertEqual(example.query, [])
        // The explicit Authorization header wins over the inherited bearer auth: no duplicate.
        XCTAssertEqual(example.headers, [NameValue("Authorization", "Bearer {{auth0_token}}"), NameValue("Content-Type", "application/json")])
        XCTAssertEqual(example.summary, "Update a user")
        guard case .text(let body, let contentType)? = example.body else { return XCTFail("raw bodies stay text") }
        XCTAssertEqual(Array(body.utf8), Array(Self.seedBody.utf8))
        XCTAssertEqual(contentType, "application/json")
    }

    func testEnvironmentResolvesVariablesOnlyWhenAsked() throws {
        let collection = try Self.loadAuth0(environment: true)
        XCTAssertEqual(collection.variables.map(\.key), ["auth0_domain", "auth0_token"])
        XCTAssertEqual(collection.variables.map(\.scope), [.environment, .environment])
        let item = try XCTUnwrap(collection.requests.first)
        XCTAssertEqual(item.requestExample(resolveVariables: false).url, "https://{{auth0_domain}}/api/v2/users/:id")
        let resolved = item.requestExample(resolveVariables: true)
        XCTAssertEqual(resolved.url, "https://your-tenant.us.auth0.com/api/v2/users/:id")
        XCTAssertEqual(resolved.header("authorization"), "Bearer MGMT_API_ACCESS_TOKEN")
    }

    func testSeedDescriptionBecomesMarkdown() throws {
        let item = try XCTUnwrap(Self.loadAuth0().requests.first)
        let markdown = try XCTUnwrap(item.descriptionMarkdown)
        XCTAssertFalse(markdown.contains("<li>") || markdown.contains("<code>") || markdown.contains("<br") || markdown.contains("<h5>") || markdown.contains("<pre>"), markdown)
        XCTAssertTrue(markdown.hasPrefix("Updates a user with the object's properties received in the request's body (the object should be a JSON object).\n\nThese are the attributes that can be updated at the root level:\n\n- blocked\n- email_verified\n"), markdown)
        XCTAssertTrue(markdown.contains("- The metadata fields are an exception to this rule (`user_metadata` and `app_metadata`)."), markdown)
        XCTAssertTrue(markdown.contains("- If your are updating `email` or `phone_number` you need to specify the `connection` and the `client_id` properties.\n\n##### Updating a field (non-metadata property)\n\nTo mark the email address of a user as verified, the body to send should be:\n\n```\n{ \"email_verified\": true }\n```\n\n##### Updating a user metadata root property"), markdown)
        XCTAssertTrue(markdown.contains("add the field `\"home_address\": \"742 Evergreen Terrace\"` in `addresses`"), markdown)
        XCTAssertTrue(markdown.hasSuffix("```\n{\n  \"user_metadata\": {\n    \"profileCode\": 1479,\n    \"addresses\": {\n      \"work_address\": \"100 Industrial Way\",\n      \"home_address\": \"742 Evergreen Terrace\"\n    }\n  }\n}\n```"), markdown)
    }
}
