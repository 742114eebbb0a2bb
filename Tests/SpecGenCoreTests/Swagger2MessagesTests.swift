import XCTest
@testable import SpecGenCore

/// Issue 16 item 5: for Swagger 2.0 input, errors and warnings name the user's pointers (`/definitions/Pet`, the
/// parameter's own index) at the user's file:line:column, not the converted OpenAPI 3 tree's, and an empty
/// `parameters:` is a warning, not a stop.
final class Swagger2MessagesTests: XCTestCase {
    private func lines(_ fixture: String) throws -> [Substring] {
        try String(contentsOf: fixtureURL("swagger2-messages/\(fixture)"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of the `occurrence`-th line containing `text`.
    private func line(_ fixture: String, containing text: String, occurrence: Int = 1) throws -> Int {
        let all = try lines(fixture)
        let matches = all.indices.filter { all[$0].contains(text) }
        return try XCTUnwrap(matches.dropFirst(occurrence - 1).first, "no line with \(text)") + 1
    }

    private func warnings(_ fixture: String) throws -> (APIDocument, [Diagnostic]) {
        let document = try DocumentLoader.load(path: fixtureURL("swagger2-messages/\(fixture)").path)
        let (api, readerDiagnostics) = try OpenAPIReader().read(document)
        let (_, builder) = SwiftTypesEmitter.emit(api, components: api.schemas.map(\.name), operations: api.operations, options: SwiftOptions(), specName: fixture)
        return (api, readerDiagnostics + builder.diagnostics)
    }

    private func find(_ diagnostics: [Diagnostic], pointer: String, file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
        try XCTUnwrap(diagnostics.first { $0.pointer == pointer }, "no diagnostic at \(pointer) in:\n" + diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
    }

    func testWarningsNameDefinitionsAndTheUsersParameterIndex() throws {
        let (api, diagnostics) = try warnings("pets.yaml")
        XCTAssertFalse(diagnostics.contains { ($0.pointer ?? "").contains("components") }, diagnostics.map(\.description).joined(separator: "\n"))

        let definition = try find(diagnostics, pointer: "/definitions/Pet/properties/tag/enum")
        XCTAssertEqual(definition.message, "enum mixes value types; generated as JSONValue")
        XCTAssertEqual(definition.location?.line, try line("pets.yaml", containing: "enum: [1, \"x\"]", occurrence: 2))

        // `mode` is the operation's parameter 1 (after the body); the converted operation holds it at 0.
        XCTAssertEqual(api.operation(id: "updatePet")?.parameters.first?.name, "mode")
        let parameter = try find(diagnostics, pointer: "/paths/~1pets~1{petId}/put/parameters/1/enum")
        XCTAssertEqual(parameter.location?.line, try line("pets.yaml", containing: "enum: [fast, 2]"))
        XCTAssertEqual(parameter.location?.column, 17)

        let missing = try find(diagnostics, pointer: "/paths/~1pets~1{petId}/put/parameters/3/$ref")
        XCTAssertEqual(missing.location?.line, try line("pets.yaml", containing: "#/parameters/Missing"))

        // A response reached through `$ref: '#/responses/Problem'` is reported where the user wrote it.
        let response = try find(diagnostics, pointer: "/responses/Problem/schema/properties/code/enum")
        XCTAssertEqual(response.location?.line, try line("pets.yaml", containing: "enum: [1, \"E1\"]"))
    }

    func testEmptyParametersAreAWarningAndTheOperationsAreRead() throws {
        let (api, diagnostics) = try warnings("pets.yaml")
        XCTAssertEqual(Set(api.operations.map(\.id)), ["updatePet", "listPets", "listOwners"])
        XCTAssertEqual(api.operation(id: "listPets")?.parameters.count, 0)
        let operationLevel = try find(diagnostics, pointer: "/paths/~1pets/get/parameters")
        XCTAssertEqual(operationLevel.severity, .warning)
        XCTAssertEqual(operationLevel.message, "'parameters' has no value; read as no parameters")
        XCTAssertEqual(operationLevel.location?.line, try line("pets.yaml", containing: "parameters:", occurrence: 2))
        let pathLevel = try find(diagnostics, pointer: "/paths/~1owners/parameters")
        XCTAssertEqual(pathLevel.location?.line, try line("pets.yaml", containing: "parameters: null"))
    }

    func testDanglingReferencesAreErrorsInTheUsersTerms() throws {
        let document = try DocumentLoader.load(path: fixtureURL("swagger2-messages/pets-dangling.yaml").path)
        XCTAssertThrowsError(try OpenAPIReader().read(document)) { error in
            guard let errors = (error as? DiagnosticsError)?.diagnostics else { return XCTFail("\(error)") }
            XCTAssertEqual(errors.map(\.pointer), ["/definitions/Pet/properties/kind/$ref", "/paths/~1pets~1{petId}/put/parameters/0/schema/$ref"])
            XCTAssertEqual(errors.map(\.message), ["dangling $ref '#/definitions/Knid': there is no schema 'Knid'",
                                                   "dangling $ref '#/definitions/Pets': there is no schema 'Pets'"])
            XCTAssertEqual(errors.map { $0.location?.line }, [try? line("pets-dangling.yaml", containing: "#/definitions/Knid"),
                                                              try? line("pets-dangling.yaml", containing: "#/definitions/Pets")])
            XCTAssertTrue(errors.allSatisfy { $0.location?.file.hasSuffix("pets-dangling.yaml") ?? false })
        }
    }
}
