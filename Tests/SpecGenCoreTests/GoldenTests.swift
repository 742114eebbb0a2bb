import Foundation
import XCTest
@testable import SpecGenCore

/// Regenerates from the checked-in config in memory (inputs loaded from the package root, no change of working
/// directory) and compares with `Generated/` byte for byte; a difference is shown as a unified diff.
final class GoldenTests: XCTestCase {
    func generateInMemory() throws -> Generator.Output {
        try PackageRun().generate()
    }

    func testGeneratedFolderMatchesGenerator() throws {
        let output = try generateInMemory()
        let generated = packageRoot.appendingPathComponent("Generated")
        var problems: [String] = []
        for file in output.files {
            let url = generated.appendingPathComponent(file.path)
            guard let data = try? Data(contentsOf: url) else {
                problems.append("missing Generated/\(file.path)")
                continue
            }
            let onDisk = String(decoding: data, as: UTF8.self)
            if onDisk != file.contents {
                problems.append(UnifiedDiff.render(old: onDisk, new: file.contents, oldName: "Generated/\(file.path) (checked in)", newName: "Generated/\(file.path) (generated now)"))
            }
        }
        let listed = OutputWriter.previousManifest(in: generated.path)
        for stale in Set(listed).subtracting(output.files.map(\.path)).sorted() {
            problems.append("Generated/\(stale) is no longer produced")
        }
        if !problems.isEmpty {
            XCTFail(problems.joined(separator: "\n\n") + "\n\nThe golden files are stale. Refresh them with: swift run specgen generate")
        }
    }

    func testGenerationIsDeterministic() throws {
        let first = try generateInMemory()
        let second = try generateInMemory()
        XCTAssertEqual(first.files, second.files)
        XCTAssertEqual(first.files.map(\.path), first.files.map(\.path).sorted())
    }

    func testReachableSchemasOnly() throws {
        let names = try generateInMemory().files.map(\.path)
        XCTAssertTrue(names.contains("Swift/Types/UpdateUserRequestContent.swift"))
        XCTAssertTrue(names.contains("Swift/Types/UserIdentitySchema.swift"))
        XCTAssertFalse(names.contains("Swift/Types/CreateUserRequestContent.swift"))
    }

    /// Warnings about schemas "Update a user" never reaches must not reach a one-endpoint run (the consumer build
    /// stays warning-free), while a whole-API run keeps them. Auth0's own such warnings (two patterns the
    /// translator could not read) are gone since the Annex B rules, so the filter is checked on warnings made here.
    func testWarningsFromUnreachedSchemasAreDropped() throws {
        let endpoint = try generateInMemory().diagnostics.filter { $0.pointer?.hasPrefix("/components/schemas/") == true }
        XCTAssertEqual(endpoint.map(\.description), [])
        let (api, readerWarnings) = try Generator.readAPI(PackageRun().inputs)
        XCTAssertFalse(readerWarnings.contains { $0.pointer == "/components/schemas/GetGuardianEnrollmentResponseContent/properties/name/pattern" },
                       "`^\\+[0-9]{8, 20}` is read as ECMA-262 reads it ({8, 20} is text), not reported as untranslatable")
        let operation = try XCTUnwrap(api.operation(id: "patch_users_by_id"))
        let reached = Set(SchemaReachability.components(for: [operation], in: api))
        let warnings = [
            Diagnostic(.warning, "unreached", pointer: "/components/schemas/GetGuardianEnrollmentResponseContent/properties/name/pattern"),
            Diagnostic(.warning, "reached", pointer: "/components/schemas/UpdateUserRequestContent/properties/email"),
            Diagnostic(.warning, "elsewhere", pointer: "/paths/~1users~1{id}/patch"),
            Diagnostic(.error, "an error is never dropped", pointer: "/components/schemas/GetGuardianEnrollmentResponseContent"),
        ]
        let kept = Generator.dropWarnings(warnings, outside: reached)
        XCTAssertEqual(kept.map(\.message), ["reached", "elsewhere", "an error is never dropped"])
    }

    func testMetadataDocCommentsExplainTheMerge() throws {
        let file = try XCTUnwrap(generateInMemory().files.first { $0.path == "Swift/Types/UpdateUserRequestContent.swift" })
        for sentence in ["Auth0 merges this object into the stored one at the first level only", "Set a key to `null` to delete it.", "Send an empty object `{}` to remove all of the user's user_metadata.", "remove all of the user's app_metadata."] {
            XCTAssertTrue(file.contents.contains("/// " + sentence) || file.contents.contains(sentence), sentence)
        }
    }
}
