import Foundation
import PackagePlugin

/// Generates Swift code for a target from the `specgen.json` beside its sources, at build time.
///
/// The outputs are a fixed list of files (`SpecGenSupport.swift`, `SpecGenOperations.swift`,
/// `SpecGenTypes0.swift` … `SpecGenTypes{N-1}.swift`, N from `"plugin": {"shards": N}`, default 8: see
/// `PluginLayoutContract` in Plugins/PluginsShared, which the generator compiles too), so
/// SwiftPM plans the build without running the generator and reruns it only when the config, the spec,
/// an overlay or the `specgen` tool changed.
@main
struct SpecGenBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configURL = target.directoryURL.appendingPathComponent("specgen.json")
        let config = try PluginConfig(url: configURL, target: target.name)
        let outputFolder = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let outputs = PluginLayoutContract.fileNames(shards: config.shards).map { outputFolder.appendingPathComponent($0) }
        return [
            .buildCommand(
                displayName: "SpecGen: generating \(target.name) from \(configURL.lastPathComponent)",
                executable: try context.tool(named: "specgen").url,
                arguments: ["generate", "--config", configURL.path, "--output", outputFolder.path, "--shards", String(config.shards)],
                inputFiles: [configURL] + config.inputs,
                outputFiles: outputs
            )
        ]
    }
}

/// What the plugin needs from `specgen.json`, read with Foundation (plugins cannot import SpecGenCore).
/// The generator reads the same file again and reports its problems with locations.
struct PluginConfig {
    var inputs: [URL]
    var shards: Int

    init(url: URL, target: String) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PluginError("\(url.path):1:1: error: target '\(target)' uses SpecGenBuildPlugin but has no specgen.json beside its sources\n  hint: add one, e.g. {\"spec\": \"openapi.json\", \"operations\": [], \"swift\": {\"access\": \"public\"}}")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw PluginError("\(url.path):1:1: error: specgen.json is not a JSON object")
        }
        let folder = url.deletingLastPathComponent()
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path).standardizedFileURL
        }
        guard let spec = object["spec"] as? String else {
            throw PluginError("\(url.path):1:1: error: specgen.json needs a \"spec\" path")
        }
        var paths = [spec]
        paths += (object["overlays"] as? [String]) ?? []
        for key in ["postman", "postmanEnvironment"] {
            if let path = object[key] as? String { paths.append(path) }
        }
        inputs = paths.map(resolve)
        shards = PluginLayoutContract.defaultShards
        if let plugin = object["plugin"] as? [String: Any], let value = plugin["shards"] {
            let range = PluginLayoutContract.shardRange
            guard let count = value as? Int, range.contains(count) else {
                throw PluginError("\(url.path):1:1: error: \"plugin.shards\" must be an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            shards = count
        }
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
