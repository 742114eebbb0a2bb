import Foundation
import XCTest
@testable import SpecGenCore

/// The fixed-name layout the SwiftPM build-tool plugin declares (`specgen generate --shards N`), and the
/// `"plugin"` config key. The plugin end to end (consumer build, request on the wire, incremental rebuilds)
/// is `scripts/consumer-check`, run by `testConsumerPackageEndToEnd` when SPECGEN_CONSUMER_CHECK=1.
final class PluginLayoutTests: XCTestCase {
    func testShardIndexIsFNV1aOfThePath() {
        // FNV-1a 64-bit test vectors: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c, "foobar" → 85944171f73967e8.
        XCTAssertEqual(PluginLayout.shardIndex(of: "", shards: 256), 0x25)
        XCTAssertEqual(PluginLayout.shardIndex(of: "a", shards: 256), 0x8c)
        XCTAssertEqual(PluginLayout.shardIndex(of: "foobar", shards: 256), 0xe8)
        XCTAssertEqual(PluginLayout.shardIndex(of: "foobar", shards: 1), 0)
    }

    func testEveryDeclaredNameIsProducedAndNothingElse() {
        let files = [
            GeneratedFile(path: "Swift/SpecGenSupport.swift", contents: "// support\nimport Foundation\n\npublic struct Support {}\n"),
            GeneratedFile(path: "Swift/Operations/APIClient.swift", contents: "// client\nimport Foundation\n#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif\n\npublic struct APIClient {}\n"),
            GeneratedFile(path: "Swift/Operations/GetPet.swift", contents: "// op\nimport Foundation\n#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif\n\n/// Docs stay with the type.\npublic struct GetPet {}\n"),
            GeneratedFile(path: "Swift/Types/Pet.swift", contents: "// pet\nimport Foundation\n\npublic struct Pet {}\n"),
            GeneratedFile(path: "Docs/getPet.md", contents: "# docs"),
            GeneratedFile(path: "Snippets/getPet/shell-curl.sh", contents: "curl"),
        ]
        let output = PluginLayout.shard(files, shards: 3)
        XCTAssertEqual(output.map(\.path), ["SpecGenSupport.swift", "SpecGenOperations.swift", "SpecGenTypes0.swift", "SpecGenTypes1.swift", "SpecGenTypes2.swift"])
        XCTAssertEqual(output.map(\.path), PluginLayout.fileNames(shards: 3))
        let operations = output[1].contents
        XCTAssertEqual(operations.components(separatedBy: "import FoundationNetworking").count - 1, 1, operations)
        XCTAssertEqual(operations.components(separatedBy: "import Foundation\n").count - 1, 1, operations)
        XCTAssertTrue(operations.contains("// MARK: - Operations/APIClient.swift\n// client\npublic struct APIClient {}"), operations)
        XCTAssertTrue(operations.contains("/// Docs stay with the type.\npublic struct GetPet {}"), operations)
        // The import section precedes every declaration.
        let firstImport = operations.range(of: "#endif")!.upperBound
        XCTAssertLessThan(firstImport, operations.range(of: "public struct")!.lowerBound)

        let petShard = "SpecGenTypes\(PluginLayout.shardIndex(of: "Types/Pet.swift", shards: 3)).swift"
        for file in output where file.path.hasPrefix("SpecGenTypes") {
            if file.path == petShard {
                XCTAssertTrue(file.contents.contains("public struct Pet {}"), file.contents)
            } else {
                XCTAssertTrue(file.contents.contains("is empty"), file.contents)
                XCTAssertFalse(file.contents.contains("import"), file.contents)
            }
        }
        XCTAssertFalse(output.contains { $0.contents.contains("curl") || $0.contents.contains("# docs") })
    }

    /// The grouped layout for whole documents: Swift parts bundled by path hash, support and non-Swift files kept.
    func testGroupedLayoutBundlesSwiftFilesAndKeepsTheRest() {
        var files = [
            GeneratedFile(path: "Swift/SpecGenSupport.swift", contents: "import Foundation\n\npublic struct Support {}\n"),
            GeneratedFile(path: "Snippets/getPet/shell-curl.sh", contents: "curl"),
        ]
        for index in 0..<40 {
            files.append(GeneratedFile(path: "Swift/Types/T\(index).swift", contents: "// T\(index)\nimport Foundation\n\npublic struct T\(index) {}\n"))
        }
        let output = PluginLayout.group(files.shuffled(), groups: 16)
        XCTAssertEqual(output.map(\.path), ["Snippets/getPet/shell-curl.sh"] + (0..<16).map { String(format: "Swift/SpecGenGroup%02d.swift", $0) } + ["Swift/SpecGenSupport.swift"])
        XCTAssertEqual(output, PluginLayout.group(files, groups: 16), "input order does not matter")
        let groups = output.filter { $0.path.contains("SpecGenGroup") }
        for index in 0..<40 {
            let holders = groups.filter { $0.contents.contains("public struct T\(index) {}") }
            XCTAssertEqual(holders.map(\.path), [String(format: "Swift/SpecGenGroup%02d.swift", PluginLayout.shardIndex(of: "Types/T\(index).swift", shards: 16))])
        }
        for group in groups where group.contents.contains("public struct") {
            XCTAssertEqual(group.contents.components(separatedBy: "import Foundation\n").count - 1, 1, group.contents)
        }
    }

    func testAutomaticGroupCountGroupsOnlyLargeOutputs() {
        let small = (0..<400).map { GeneratedFile(path: "Swift/Types/T\($0).swift", contents: String(repeating: "x", count: 10_000)) }
        XCTAssertEqual(PluginLayout.automaticGroupCount(small), 0, "400 files stay one per type")
        let large = small + [GeneratedFile(path: "Swift/Types/Last.swift", contents: "x")] + (0..<400).map { GeneratedFile(path: "Snippets/s\($0).sh", contents: String(repeating: "y", count: 100_000)) }
        // 4,000,001 bytes of Swift at ~80 KB per group: 50 → the next power of two.
        XCTAssertEqual(PluginLayout.automaticGroupCount(large), 64)
        let huge = (0..<5000).map { GeneratedFile(path: "Swift/Types/T\($0).swift", contents: String(repeating: "x", count: 100_000)) }
        XCTAssertEqual(PluginLayout.automaticGroupCount(huge), PluginLayout.maximumShards)
    }

    func testAnIfBlockWithCodeIsNotTakenForImports() {
        let source = "// head\nimport Foundation\n#if os(Linux)\nlet linux = true\n#endif\n"
        let (imports, body) = PluginLayout.splitImports(source)
        XCTAssertEqual(imports, ["import Foundation"])
        XCTAssertEqual(body, "// head\n#if os(Linux)\nlet linux = true\n#endif\n")
    }

    /// The real Auth0 output: every generated type lands in exactly one shard, and one shard changes when
    /// one type's text changes.
    func testAuth0OutputIsSplitAndEachTypeAppearsOnce() throws {
        var config = try SpecGenConfig.load(path: packageRoot.appendingPathComponent("specgen.json").path).0
        config.postman = nil
        let files = try Generator.run(config).files
        let output = PluginLayout.shard(files, shards: 8)
        let all = output.map(\.contents).joined()
        let types = files.filter { $0.path.hasPrefix("Swift/Types/") }
        XCTAssertGreaterThan(types.count, 5)
        for type in types {
            let name = URL(fileURLWithPath: type.path).deletingPathExtension().lastPathComponent
            XCTAssertEqual(all.components(separatedBy: "// MARK: - Types/\(name).swift\n").count - 1, 1, name)
        }
        XCTAssertGreaterThan(output.filter { $0.path.hasPrefix("SpecGenTypes") && $0.contents.contains("public ") }.count, 2, "types are spread over several shards")

        var edited = files
        let index = edited.firstIndex { $0.path == "Swift/Types/UpdateUserRequestContent.swift" }!
        edited[index].contents = edited[index].contents.replacingOccurrences(of: "Given name/first name/forename", with: "Given name")
        let changed = zip(output, PluginLayout.shard(edited, shards: 8)).filter { $0.contents != $1.contents }.map(\.0.path)
        XCTAssertEqual(changed, ["SpecGenTypes\(PluginLayout.shardIndex(of: "Types/UpdateUserRequestContent.swift", shards: 8)).swift"])
    }

    /// The build-tool plugin and SpecGenCore compile one file for the layout contract (Plugins/PluginsShared,
    /// symlinked into both), so neither can drift; the plugin keeps no copy of the names, range or default.
    func testThePluginAndTheGeneratorShareOneContractFile() throws {
        let shared = packageRoot.appendingPathComponent("Plugins/PluginsShared/PluginLayoutContract.swift").resolvingSymlinksInPath()
        for link in ["Plugins/SpecGenBuildPlugin/PluginsShared", "Sources/SpecGenCore/PluginsShared"] {
            let resolved = packageRoot.appendingPathComponent(link).appendingPathComponent("PluginLayoutContract.swift").resolvingSymlinksInPath()
            XCTAssertEqual(resolved.path, shared.path, link)
            XCTAssertNotNil(try FileManager.default.destinationOfSymbolicLink(atPath: packageRoot.appendingPathComponent(link).path), "\(link) is a symlink, not a copy")
        }
        let plugin = try String(contentsOf: packageRoot.appendingPathComponent("Plugins/SpecGenBuildPlugin/SpecGenBuildPlugin.swift"), encoding: .utf8)
        for copy in ["\"SpecGenTypes", "256", "shards = 8"] { XCTAssertFalse(plugin.contains(copy), "the plugin repeats \(copy)") }
        XCTAssertTrue(plugin.contains("PluginLayoutContract.fileNames(shards:"))
        XCTAssertEqual(PluginLayout.fileNames(shards: 2), ["SpecGenSupport.swift", "SpecGenOperations.swift", "SpecGenTypes0.swift", "SpecGenTypes1.swift"])
        XCTAssertEqual(PluginLayout.shardRange, 1...256)
        XCTAssertEqual(PluginLayout.defaultShards, 8)
        XCTAssertEqual(SpecGenConfig(spec: "a.json").pluginShards, PluginLayout.defaultShards)
    }

    func testGenerateWithShardsWritesTheFixedNames() throws {
        let folder = try temporaryFolder(self)
        let result = try runSpecgen(["generate", "--shards", "4", "--output", folder.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names, PluginLayout.fileNames(shards: 4).sorted())
        let again = try runSpecgen(["generate", "--shards", "4", "--output", folder.path])
        XCTAssertTrue(again.stdout.contains("0 created, 0 updated, 0 removed, 6 unchanged"), again.stdout)

        let zero = try runSpecgen(["generate", "--shards", "0", "--output", folder.path])
        XCTAssertEqual(zero.status, 2)
        XCTAssertTrue(zero.stderr.contains("--shards must be an integer from 1 to 256, not '0'"), zero.stderr)
        let huge = try runSpecgen(["generate", "--shards", "1000", "--output", folder.path])
        XCTAssertEqual(huge.status, 2)
        XCTAssertTrue(huge.stderr.contains("--shards must be an integer from 1 to 256, not '1000'"), huge.stderr)
    }

    func testPluginConfigKeyIsKnownAndChecked() throws {
        let folder = try temporaryFolder(self)
        let spec = packageRoot.appendingPathComponent("Specs/auth0-management-v2.json").path
        let good = folder.appendingPathComponent("good.json")
        try Data("{\"spec\": \"\(spec)\", \"plugin\": {\"shards\": 3}}".utf8).write(to: good)
        let (config, warnings) = try SpecGenConfig.load(path: good.path)
        XCTAssertEqual(config.pluginShards, 3)
        XCTAssertEqual(warnings.map(\.message), [])

        let bad = folder.appendingPathComponent("bad.json")
        try Data("{\"spec\": \"\(spec)\",\n \"plugin\": {\"shards\": 0}}".utf8).write(to: bad)
        XCTAssertThrowsError(try SpecGenConfig.load(path: bad.path)) { error in
            let diagnostic = (error as! DiagnosticsError).diagnostics[0]
            XCTAssertTrue(diagnostic.message.contains("'plugin.shards' must be an integer from 1 to 256"), diagnostic.message)
            XCTAssertEqual(diagnostic.location?.line, 2)
        }
    }

    /// Builds Examples/Consumer from clean with the build-tool plugin (about a minute): opt in with
    /// SPECGEN_CONSUMER_CHECK=1 (`.ci/run` runs scripts/consumer-check directly).
    func testConsumerPackageEndToEnd() throws {
        guard ProcessInfo.processInfo.environment["SPECGEN_CONSUMER_CHECK"] == "1" else {
            throw XCTSkip("set SPECGEN_CONSUMER_CHECK=1 to build Examples/Consumer (scripts/consumer-check)")
        }
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/consumer-check")
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("consumer-check: all checks passed"), text)
    }

    /// Work spread over the cores comes back in input order, every item exactly once, whatever the schedule.
    func testParallelMapKeepsInputOrder() {
        let counter = NSLock()
        nonisolated(unsafe) var calls = 0
        let squares = ParallelMap.map(count: 1000) { index -> Int in
            counter.lock(); calls += 1; counter.unlock()
            return index * index
        }
        XCTAssertEqual(squares, (0..<1000).map { $0 * $0 })
        XCTAssertEqual(calls, 1000)
        XCTAssertEqual(ParallelMap.map(count: 0) { $0 }, [])
        XCTAssertEqual(ParallelMap.map(count: 1) { "item \($0)" }, ["item 0"])
    }

    /// The whole-document run renders types in parallel; two runs give the same files byte for byte.
    func testParallelRenderingIsDeterministic() throws {
        let (api, _) = try OpenAPIReader().read(DocumentLoader.load(path: packageRoot.appendingPathComponent("Specs/auth0-management-v2.json").path))
        let components = api.schemas.map(\.name)
        let first = SwiftTypesEmitter.emit(api, components: components, operations: api.operations, options: SwiftOptions(), specName: "spec.json").files
        let second = SwiftTypesEmitter.emit(api, components: components, operations: api.operations, options: SwiftOptions(), specName: "spec.json").files
        XCTAssertGreaterThan(first.count, 100)
        XCTAssertEqual(first, second)
    }
}
