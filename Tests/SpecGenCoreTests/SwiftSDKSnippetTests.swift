import Foundation
import XCTest
@testable import SpecGenCore

/// The `swift-sdk` snippet's text: the generator's names, typed values from the example, placeholders as the
/// curl snippet shows them, and a limitation whenever the SDK call would not send the request shown. That each
/// snippet compiles against its SDK and sends the described request is proven by `SnippetExecutionTests`.
final class SwiftSDKSnippetTests: XCTestCase {
    private func api(_ text: String) throws -> APIDocument {
        try OpenAPIReader().read(try JSONReader().read(text: text, path: "t.json")).0
    }

    private func snippet(_ api: APIDocument, _ operationID: String, placeholders: [String: String] = [:]) throws -> SwiftSDKSnippet.Rendered {
        let sdk = SwiftSDKSnippet(api: api, components: api.schemas.map(\.name), operations: api.operations, moduleName: "Pets", placeholders: placeholders)
        let operation = try XCTUnwrap(api.operation(id: operationID))
        return sdk.render(operation)
    }

    private func spec(body: String, example: String, schemas: String = "{}") -> String {
        """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "servers": [{"url": "https://api.example.com"}],
         "components": {"schemas": \(schemas)},
         "paths": {"/things": {"post": {"operationId": "makeThing",
           "requestBody": {"required": true, "content": {"application/json": {"schema": \(body), "example": \(example)}}},
           "responses": {"200": {"description": "ok"}}}}}}
        """
    }

    func testAuth0UpdateUserReadsLikeTheCurlSnippet() throws {
        let built = try SwiftSDKSuiteSpec.auth0().build()
        let item = try XCTUnwrap(built.cases.first)
        let rendered = built.sdk.render(item.operation)
        XCTAssertNil(rendered.limitation)
        let text = rendered.text
        for line in ["import Auth0Management", #"    baseURL: URL(string: "https://{yourDomain}/api/v2")!,"#, #"    bearerToken: "MGMT_API_ACCESS_TOKEN""#,
                     "let body = UpdateUserRequestContent(", #"    email: "john.doe@gmail.com","#, "    userMetadata: [:],",
                     #"let operation = Operations.PatchUsersById(id: "USER_ID", body: body)"#, "do throws(APIError) {",
                     "    let response = try await client.patchUsersById(operation)", "} catch {"] {
            XCTAssertTrue(text.contains(line + "\n"), "missing line \(line) in\n\(text)")
        }
        // The checked-in docs show the same text (the golden test compares every byte of Generated/).
        let file = packageRoot.appendingPathComponent("Generated/Snippets/patch_users_by_id/swift-sdk.swift")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), text)
        // And so does the README.
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("```swift\n" + text + "```\n"), "README.md must show Generated/Snippets/patch_users_by_id/swift-sdk.swift as it is")
    }

    func testEveryKindOfMemberIsBuiltAsItsTypeTakesIt() throws {
        let document = try DocumentLoader.load(path: fixtureURL("snippets/openapi/sdk-values.openapi.json").path)
        let api = try OpenAPIReader().read(document).0
        let rendered = try snippet(api, "updatePet")
        XCTAssertNil(rendered.limitation)
        for line in [
            #"    name: "Rex \"the\" \\(dog) $HOME ${x} é 😀 \u{202E}","#,  // the Swift escaper: no interpolation, bidi shown
            "    nickname: .null,", "    tag: nil,", #"    motto: "sit\nstay\ttab","#, "    kind: .birdOfPrey,", "    size: .large,",
            "    age: 3,", "    weight: 4.5,", "    vaccinated: true,",
            #"    birthday: ISO8601DateFormatter().date(from: "2020-05-01T10:20:30Z")!,"#,
            #"    owner: Pet.Owner(id: 7, address: Pet.Owner.Address(city: "Zürich")),"#,
            #"    toys: [Toy(name: "ball", squeaks: true), Toy(name: "rope")],"#, "    scores: [1, nil, 3],",
            #"    attributes: ["legs": 4, "tail length": 30],"#, #"    extra: ["list": [1, "two", nil, false, 2.5], "empty": [:]],"#,
            #"    contact: .phone(Phone(phone: "+15550100", sms: false)),"#, #"    additionalProperties: ["x-note": "kept"]"#,
            #"    credentials: Credentials(apiKey: "YOUR_API_KEY")"#, #"    baseURL: URL(string: "https://{region}.example.com/v1")!,"#,
            #"    petId: "{petId}","#, "    dryRun: true,", "    limit: 25,", #"    xRequestId: "req \"42\"","#,
        ] {
            XCTAssertTrue(rendered.text.contains(line + "\n"), "missing line \(line) in\n\(rendered.text)")
        }
    }

    func testNullableMembersOfOtherTypesAreWrappedInValue() throws {
        let body = #"{"type": "object", "properties": {"when": {"type": ["string", "null"], "format": "date-time"}, "box": {"type": ["object", "null"], "properties": {"n": {"type": "integer"}}}, "ratio": {"type": ["number", "null"]}}}"#
        let rendered = try snippet(try api(spec(body: body, example: #"{"when": "2024-01-01T00:00:00Z", "box": {"n": 1}, "ratio": 0.5}"#)), "makeThing")
        XCTAssertNil(rendered.limitation)
        XCTAssertTrue(rendered.text.contains(#"when: .value(ISO8601DateFormatter().date(from: "2024-01-01T00:00:00Z")!)"#), rendered.text)
        XCTAssertTrue(rendered.text.contains("box: .value(Operations.MakeThing.Body.Box(n: 1))"), rendered.text)
        XCTAssertTrue(rendered.text.contains("ratio: .value(0.5)"), rendered.text)
    }

    func testWhatTheSDKCannotSendIsALimitation() throws {
        let closed = #"{"type": "object", "additionalProperties": false, "properties": {"a": {"type": "integer"}, "b": {"type": "string"}}, "required": ["b"]}"#
        let rendered = try snippet(try api(spec(body: closed, example: #"{"a": "x", "c": 1}"#)), "makeThing")
        let limitation = try XCTUnwrap(rendered.limitation)
        XCTAssertTrue(limitation.contains(#"/a: "x" is not a value of the Int the SDK takes"#), limitation)
        XCTAssertTrue(limitation.contains("/b: the example leaves out a member"), limitation)
        XCTAssertTrue(limitation.contains("no member for 'c'"), limitation)
        let offset = try snippet(try api(spec(body: #"{"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}"#,
                                              example: #"{"at": "2024-01-01T02:00:00+02:00"}"#)), "makeThing")
        XCTAssertTrue(offset.limitation?.contains("in UTC") == true)
        let document = try DocumentLoader.load(path: fixtureURL("snippets/openapi/sdk-values.openapi.json").path)
        let form = try snippet(try OpenAPIReader().read(document).0, "createNote")
        XCTAssertTrue(form.limitation?.contains("alphabetical order (count, title)") == true, form.limitation ?? "none")
    }

    func testOneOfPicksTheCaseTheDiscriminatorNames() throws {
        let schemas = #"{"Cat": {"type": "object", "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}}, "Dog": {"type": "object", "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}}}"#
        let body = ##"{"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}], "discriminator": {"propertyName": "kind", "mapping": {"dog": "#/components/schemas/Dog", "cat": "#/components/schemas/Cat"}}}"##
        let rendered = try snippet(try api(spec(body: body, example: #"{"kind": "dog", "name": "Rex"}"#, schemas: schemas)), "makeThing")
        XCTAssertNil(rendered.limitation)
        XCTAssertTrue(rendered.text.contains(#"let body: Operations.MakeThing.Body = .dog(Dog(kind: "dog", name: "Rex"))"#), rendered.text)
    }

    func testAnEnumConstantNamedNoneIsQualified() throws {
        // `.none` for an optional member would be `Optional.none` (nil): Auth0's token_endpoint_auth_method has it.
        let body = #"{"type": "object", "properties": {"auth": {"type": "string", "enum": ["none", "basic"]}}}"#
        let rendered = try snippet(try api(spec(body: body, example: #"{"auth": "none"}"#)), "makeThing")
        XCTAssertTrue(rendered.text.contains("Operations.MakeThing.Body(auth: Operations.MakeThing.Body.Auth.none)"), rendered.text)
    }

    func testExpressionsFitOnALineOrTakeOneArgumentALine() {
        let short = SwiftExpression.call("Point", [.init(label: "x", value: .atom("1")), .init(label: "y", value: .atom("2"))])
        XCTAssertEqual(short.layout(indent: "", used: 0), "Point(x: 1, y: 2)")
        let long = SwiftExpression.call("T", [.init(label: "items", value: .array((0..<30).map { .atom(String($0)) })), .init(label: "empty", value: .dictionary([]))])
        XCTAssertEqual(long.layout(indent: "", used: 0), "T(\n    items: [\n" + (0..<30).map { "        \($0)" }.joined(separator: ",\n") + "\n    ],\n    empty: [:]\n)")
    }

    func testConfigClientListsDecideWhetherTheSDKSnippetIsWritten() throws {
        let text = spec(body: #"{"type": "object", "properties": {"a": {"type": "integer"}}}"#, example: #"{"a": 1}"#)
        let inputs = Generator.Inputs(spec: try JSONReader().read(text: text, path: "t.json"))
        var config = SpecGenConfig(spec: "t.json")
        let all = try Generator.run(inputs, config).files
        let markdown = try XCTUnwrap(all.first { $0.path == "Docs/makeThing.md" }).contents
        XCTAssertTrue(markdown.contains("## Examples\n\n### Swift SDK\n"), "swift-sdk is listed first")
        XCTAssertTrue(all.contains { $0.path == "Snippets/makeThing/swift-sdk.swift" })
        config.snippetClients = ["shell-curl"]
        XCTAssertFalse(try Generator.run(inputs, config).files.contains { $0.path.hasSuffix("swift-sdk.swift") })
        config.snippetClients = ["swift-sdk", "shell-curl"]
        XCTAssertEqual(try Generator.run(inputs, config).files.filter { $0.path.hasPrefix("Snippets/") }.map(\.path),
                       ["Snippets/makeThing/shell-curl.sh", "Snippets/makeThing/swift-sdk.swift"])
        config.snippetClients = []
        config.swiftOnly = true
        XCTAssertFalse(try Generator.run(inputs, config).files.contains { $0.path.hasSuffix("swift-sdk.swift") })
    }
}
