import Foundation
@testable import SpecGenCore

/// The checked-in `specgen.json` and every file it names, loaded into memory as `specgen generate` run in the
/// package root would see them (paths relative to the root), without changing the working directory.
struct PackageRun {
    var config: SpecGenConfig
    var inputs: Generator.Inputs

    init() throws {
        let root = packageRoot.path
        var config = try SpecGenConfig.load(path: packageRoot.appendingPathComponent("specgen.json").path).0
        func relative(_ path: String) -> String { path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path }
        config.configPath = "specgen.json"
        config.spec = relative(config.spec)
        config.overlays = config.overlays.map(relative)
        config.postman = config.postman.map(relative)
        config.postmanEnvironment = config.postmanEnvironment.map(relative)
        config.output = relative(config.output)
        self.config = config
        inputs = Generator.Inputs(
            spec: try Self.load(config.spec),
            overlays: try config.overlays.map(Self.load),
            postman: try config.postman.map(Self.load),
            postmanEnvironment: try config.postmanEnvironment.map(Self.load)
        )
    }

    /// Reads `path` (relative to the package root) and parses it under that name, so diagnostics read as the CLI's.
    static func load(_ path: String) throws -> JSONDocument {
        let bytes = try Data(contentsOf: packageRoot.appendingPathComponent(path))
        return try DocumentLoader.read(SourceFile(path: path, bytes: [UInt8](bytes)))
    }

    /// Every stage in memory on the loaded inputs.
    func generate() throws -> Generator.Output {
        try Generator.run(inputs, config)
    }
}
