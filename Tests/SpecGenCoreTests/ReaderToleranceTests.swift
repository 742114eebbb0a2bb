import XCTest
@testable import SpecGenCore

/// Harmless mistakes that mainstream tools accept are warnings, not errors (issue 16, item 5).
final class ReaderToleranceTests: XCTestCase {
    /// `parameters:` with no value, on a path item and on an operation: read as no parameters, with a located warning.
    func testEmptyParametersIsAWarning() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /pets:
            parameters:
            get:
              operationId: listPets
              parameters:
              responses:
                "200": {description: ok}
        """
        let document = try YAMLReader().read(text: yaml, path: "empty.yaml")
        let (api, diagnostics) = try OpenAPIReader().read(document)
        XCTAssertEqual(api.operations.map(\.id), ["listPets"])
        XCTAssertEqual(api.operations.first?.parameters.count, 0)
        let warnings = diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0):\($0.pointer ?? "") \($0.message)" }
        XCTAssertEqual(warnings, [
            "5:/paths/~1pets/parameters 'parameters' has no value; read as no parameters",
            "8:/paths/~1pets/get/parameters 'parameters' has no value; read as no parameters",
        ])
    }
}
