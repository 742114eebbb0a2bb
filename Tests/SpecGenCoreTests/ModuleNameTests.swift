import Foundation
import XCTest
@testable import SpecGenCore

/// `swift.module` / `--module`: the module the SDK is compiled as, named by the swift-sdk snippets and docs pages.
final class ModuleNameTests: XCTestCase {
    func output(module: String?) throws -> [String: String] {
        var config = SpecGenConfig(spec: "small.json")
        if let module { config.swift.moduleName = module }
        let inputs = Generator.Inputs(spec: try DocumentLoader.load(path: fixtureURL("openapi/small.json").path))
        return Dictionary(uniqueKeysWithValues: try Generator.run(inputs, config).files.map { ($0.path, $0.contents) })
    }

    func testTheModuleNameIsTheImportOfSnippetsAndDocs() throws {
        let files = try output(module: "PetKit")
        let snippets = files.filter { $0.key.hasSuffix("/swift-sdk.swift") }
        XCTAssertFalse(snippets.isEmpty)
        for (path, text) in snippets {
            XCTAssertTrue(text.contains("\nimport PetKit\n"), path)
            XCTAssertFalse(text.contains("import API\n"), path)
        }
        let pages = files.filter { $0.key.hasPrefix("Docs/") && $0.key.hasSuffix(".md") && $0.key != "Docs/index.md" }
        XCTAssertFalse(pages.isEmpty)
        for (path, text) in pages where text.contains("swift-sdk") || text.contains("```swift") {
            XCTAssertTrue(text.contains("import PetKit\n"), path)
        }
        let defaults = try output(module: nil)
        for (path, text) in defaults where path.hasSuffix("/swift-sdk.swift") {
            XCTAssertTrue(text.contains("\nimport API\n"), "the default module is API: " + path)
        }
        // Only the import line changes.
        for (path, text) in files where path.hasPrefix("Swift/") { XCTAssertEqual(text, defaults[path], path) }
    }

    func testABadModuleNameInTheConfigIsALocatedError() throws {
        let folder = try temporaryFolder(self)
        for (value, column) in [(#""My API""#, 40), ("5", 40), (#""9Lives""#, 40)] {
            let path = folder.appendingPathComponent("specgen.json").path
            try #"{"spec": "a.json", "swift": {"module": \#(value)}}"#.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try SpecGenConfig.load(path: path), value) { error in
                let text = (error as? DiagnosticsError)?.diagnostics.map(\.description).joined() ?? ""
                XCTAssertTrue(text.hasPrefix("\(path):1:\(column): error: 'swift.module' must be a Swift module name"), text)
                XCTAssertTrue(text.contains("(at /swift/module)"), text)
            }
        }
        for good in ["Auth0Management", "_Private", "API2"] { XCTAssertTrue(SpecGenConfig.isModuleName(good), good) }
        for bad in ["", "2API", "My-API", "Café", "a b"] { XCTAssertFalse(SpecGenConfig.isModuleName(bad), bad) }
    }

    func testABadModuleFlagIsAUsageError() throws {
        let result = try runSpecgen(["generate", "--module", "my-api", "--check"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--module must be a Swift module name (letters, digits and _, not starting with a digit), not 'my-api'"), result.stderr)
    }
}
