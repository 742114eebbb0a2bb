import Foundation
@testable import SpecGenCore

/// A spec whose generated SDK the execution suite compiles and runs the `swift-sdk` snippets against: every
/// `Tests/Fixtures/snippets/openapi/*.openapi.json` (all operations, fixtures `openapi/<operationId>`) and
/// Auth0's update-user operation from the checked-in config (`specgen.json`: the spec, overlay and placeholders
/// the golden `Generated/` comes from; fixture `auth0/update-user-spec`).
struct SwiftSDKSuiteSpec {
    var config: SpecGenConfig
    var inputs: Generator.Inputs
    var fixturePrefix: String
    /// A fixed fixture id when the spec has one operation under test.
    var singleFixtureID: String?

    /// What the generator made of the spec: the SDK's Swift files and, per operation, the docs example.
    struct Built {
        var moduleName: String
        /// Paths relative to the module's source folder (`Types/User.swift`).
        var swiftFiles: [GeneratedFile]
        var sdk: SwiftSDKSnippet
        var cases: [(fixtureID: String, operation: SpecGenCore.Operation, example: RequestExample)]
    }

    static func all() throws -> [SwiftSDKSuiteSpec] {
        let directory = fixtureURL("snippets/openapi")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".openapi.json") }.sorted()
        var specs: [SwiftSDKSuiteSpec] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            var config = SpecGenConfig(spec: path)
            config.swift.moduleName = SwiftNaming.upperCamel(name.replacingOccurrences(of: ".openapi.json", with: "")) + "SDK"
            specs.append(SwiftSDKSuiteSpec(config: config, inputs: Generator.Inputs(spec: try DocumentLoader.load(path: path)), fixturePrefix: "openapi/"))
        }
        specs.append(try auth0())
        return specs
    }

    /// Auth0's update-user, read as `specgen generate` reads the checked-in config (its paths resolved against it).
    static func auth0() throws -> SwiftSDKSuiteSpec {
        var (config, _) = try SpecGenConfig.load(path: packageRoot.appendingPathComponent("specgen.json").path)
        config.postman = nil
        config.postmanEnvironment = nil
        let spec = try DocumentLoader.load(path: config.spec)
        let overlays = try config.overlays.map { try DocumentLoader.load(path: $0) }
        return SwiftSDKSuiteSpec(config: config, inputs: Generator.Inputs(spec: spec, overlays: overlays), fixturePrefix: "auth0/", singleFixtureID: "auth0/update-user-spec")
    }

    func build() throws -> Built {
        let output = try Generator.run(inputs, config)
        let swiftFiles = output.files.filter { $0.path.hasPrefix("Swift/") }.map { GeneratedFile(path: String($0.path.dropFirst("Swift/".count)), contents: $0.contents) }
        let components = Generator.components(config, api: output.api, operations: output.operations)
        let sdk = SwiftSDKSnippet(api: output.api, components: components, operations: output.operations, moduleName: config.swift.moduleName, placeholders: config.placeholders)
        let examples = OperationExampleBuilder(api: output.api, placeholders: config.placeholders)
        let cases = output.operations.map { operation in
            (fixtureID: singleFixtureID ?? fixturePrefix + operation.id, operation: operation, example: examples.request(for: operation))
        }
        return Built(moduleName: config.swift.moduleName, swiftFiles: swiftFiles, sdk: sdk, cases: cases)
    }

    /// `url` with its scheme and authority replaced by `base` (`https://{yourDomain}/api/v2` → `http://127.0.0.1:PORT/api/v2`).
    static func retarget(_ url: String, to base: String) -> String {
        var rest = Substring(url)
        if let range = url.range(of: "://") { rest = url[range.upperBound...] }
        let end = rest.firstIndex(of: "/") ?? rest.endIndex
        return base + rest[end...]
    }
}
