import Foundation
import XCTest
@testable import SpecGenCore

/// `specgen diff` reads the Swift surface from the declarations (`DeclaredSDK`) instead of rendering every
/// file and reading the text: both must give the same surface, names and files, for every document here
/// (the diff fixtures, oasdiff's spec pairs, the wire, hostile, snippet and OAI documents: structs, open
/// enums, one-ofs, aliases, merged types, pagination, event streams, multipart forms, body media types).
final class DiffSurfaceTests: XCTestCase {
    private func documents() throws -> [String] {
        let root = fixtureURL("").path
        let folders = ["diff", "oasdiff/data", "wire", "hostile", "snippets/openapi", "yaml/oai", "wholeapi", "openapi"]
        var paths: [String] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let file = enumerator?.nextObject() as? String {
                if file.hasSuffix(".json") || file.hasSuffix(".yaml") || file.hasSuffix(".yml") { paths.append(folder + "/" + file) }
            }
        }
        return paths.sorted()
    }

    private func assertSameSurface(_ api: APIDocument, options: SwiftOptions, _ name: String) {
        let components = api.schemas.map(\.name)
        let (files, result) = SwiftTypesEmitter.emit(api, components: components, operations: api.operations, options: options, specName: "spec")
        let sdk = DeclaredSDK(api, components: components, operations: api.operations, options: options, specName: "spec")
        let fromText = SwiftSurface(files: files), fromDecls = SwiftSurface(sdk)
        XCTAssertEqual(fromDecls.symbols.count, fromText.symbols.count, name)
        for (path, symbol) in fromText.symbols where fromDecls.symbols[path] != symbol {
            XCTFail("\(name): \(path) is \(String(describing: fromDecls.symbols[path])) from the declarations, \(symbol) from the text")
        }
        for path in fromDecls.symbols.keys where fromText.symbols[path] == nil { XCTFail("\(name): \(path) only from the declarations") }
        XCTAssertEqual(fromDecls.initializers, fromText.initializers, name)
        XCTAssertEqual(fromDecls.aliases, fromText.aliases, name)
        XCTAssertEqual(sdk.componentNames, result.componentNames, name)
        let typeNames = OperationsEmitter(api: api, builder: TypeBuilder(api: api, componentKeys: components), access: options.access, specName: "spec").typeNames(api.operations)
        XCTAssertEqual(sdk.operationTypeNames, typeNames, name)
    }

    func testSurfaceFromDeclarationsEqualsTheSurfaceReadFromTheRenderedFiles() throws {
        var compared = 0
        for path in try documents() {
            guard let document = try? DocumentLoader.load(path: fixtureURL(path).path), let api = try? OpenAPIReader().read(document).0 else { continue }
            assertSameSurface(api, options: SwiftOptions(), path)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 200)
    }

    func testSurfaceFromDeclarationsWithoutMergingAndInternalAccess() throws {
        for path in ["wire/wire.openapi.json", "wire/responses.openapi.json", "wholeapi/swagger2-shop.json", "diff/53-schema-made-identical-merged/new.json"] {
            let api = try OpenAPIReader().read(try DocumentLoader.load(path: fixtureURL(path).path)).0
            assertSameSurface(api, options: SwiftOptions(access: "internal", mergeIdenticalTypes: false), path + " (internal, not merged)")
            assertSameSurface(api, options: SwiftOptions(access: "internal"), path + " (internal)")
        }
    }
}
