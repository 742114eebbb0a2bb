import Foundation
import XCTest
@testable import SpecGenCore

/// `specgen diff`: the engine on fixture pairs (verdicts, locations, scope) and the command (formats, exit
/// codes, git:REV). The compiler-oracle proof of the Swift verdict is `scripts/diff-oracle` (run by .ci/run).
final class DiffTests: XCTestCase {
    private func report(_ fixture: String, operations: [String] = []) throws -> ChangeReport {
        let old = try DocumentLoader.load(path: fixtureURL("diff/\(fixture)/old.json").path)
        let new = try DocumentLoader.load(path: fixtureURL("diff/\(fixture)/new.json").path)
        return try DiffEngine.run(old: old, new: new, scope: .init(operations: operations))
    }

    func testRemovedOperationIsWireAndSourceBreakingWithItsLocationInOld() throws {
        let report = try report("01-operation-removed")
        let change = try XCTUnwrap(report.changes.first { $0.rule == "operation-removed" })
        XCTAssertEqual(change.operation, "createPet")
        XCTAssertEqual(change.wire, .breaking)
        XCTAssertEqual(change.swift, .sourceBreaking)
        XCTAssertEqual(change.pointer, "/paths/~1pets/post")
        XCTAssertNil(change.new)
        XCTAssertTrue(change.old?.file.hasSuffix("old.json") ?? false)
        XCTAssertGreaterThan(change.old?.line ?? 0, 1)
        XCTAssertEqual(report.semver, .major)
    }

    func testRenamedOperationIdBreaksSwiftButNotTheWire() throws {
        let report = try report("03-operation-id-changed")
        let change = try XCTUnwrap(report.changes.first { $0.rule == "operation-id-changed" })
        XCTAssertEqual(change.wire, .compatible)
        XCTAssertEqual(change.swift, .sourceBreaking)
        XCTAssertTrue(report.changes.allSatisfy { $0.wire == .compatible })
    }

    func testOptionalParameterIsAdditiveAndMinor() throws {
        let report = try report("09-request-parameter-added-optional")
        XCTAssertEqual(report.changes.map(\.rule), ["request-parameter-added"])
        XCTAssertEqual(report.changes.first?.swift, .additive)
        XCTAssertEqual(report.semver, .minor)
        XCTAssertFalse(report.fails(on: .any))
    }

    func testDocumentationOnlyChangeIsPatch() throws {
        let report = try report("07-operation-description-changed")
        XCTAssertEqual(report.changes.map(\.swift), [.none])
        XCTAssertEqual(report.semver, .patch)
    }

    func testIdenticalSchemasMergedIntoOneTypeKeepTheOldNames() throws {
        // Contact and Address become identical: NEW generates `typealias Address = Contact` (merging), which
        // keeps `Address(street:)` and `.street` compiling; only the new members are additive.
        let report = try report("53-schema-made-identical-merged")
        XCTAssertFalse(report.changes.contains { $0.swift == .sourceBreaking }, "\(report.changes)")
        XCTAssertTrue(report.changes.contains { $0.swift == .additive })
    }

    func testScopeLeavesOutOperationsNotSelected() throws {
        let all = try report("01-operation-removed")
        XCTAssertFalse(all.changes.isEmpty)
        let scoped = try report("01-operation-removed", operations: ["getPet"])
        XCTAssertEqual(scoped.changes, [])
        XCTAssertEqual(scoped.semver, .none)
    }

    func testUnknownOperationInScopeIsAnError() throws {
        XCTAssertThrowsError(try report("01-operation-removed", operations: ["nope"]))
    }

    func testJSONFormatHasExactlyTheDocumentedKeys() throws {
        let folder = fixtureURL("diff/26-request-property-became-required")
        let result = try runSpecgen(["diff", folder.appendingPathComponent("old.json").path, folder.appendingPathComponent("new.json").path, "--format", "json"], in: folder)
        XCTAssertEqual(result.status, 1, result.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["semver", "changes"])
        XCTAssertEqual(object["semver"] as? String, "major")
        let changes = try XCTUnwrap(object["changes"] as? [[String: Any]])
        XCTAssertFalse(changes.isEmpty)
        for change in changes {
            XCTAssertEqual(Set(change.keys), ["rule", "operation", "wire", "swift", "message", "old", "new", "pointer"])
        }
        let change = try XCTUnwrap(changes.first { $0["rule"] as? String == "request-property-became-required" })
        XCTAssertEqual(change["wire"] as? String, "breaking")
        XCTAssertEqual(change["pointer"] as? String, "/components/schemas/NewPet/properties/tag")
        XCTAssertTrue((change["new"] as? String)?.contains("new.json:") ?? false)
    }

    func testFailOnChoosesTheExitStatus() throws {
        // A renamed operationId: source-breaking, wire-compatible.
        let folder = fixtureURL("diff/03-operation-id-changed")
        let arguments = ["diff", folder.appendingPathComponent("old.json").path, folder.appendingPathComponent("new.json").path]
        XCTAssertEqual(try runSpecgen(arguments, in: folder).status, 1)
        XCTAssertEqual(try runSpecgen(arguments + ["--fail-on", "source"], in: folder).status, 1)
        XCTAssertEqual(try runSpecgen(arguments + ["--fail-on", "wire"], in: folder).status, 0)
        XCTAssertEqual(try runSpecgen(arguments + ["--fail-on", "none"], in: folder).status, 0)
        XCTAssertEqual(try runSpecgen(arguments + ["--fail-on", "sometimes"], in: folder).status, 2)
        XCTAssertEqual(try runSpecgen(arguments + ["--format", "yaml"], in: folder).status, 2)
        XCTAssertEqual(try runSpecgen(["diff", "only-one.json"], in: folder).status, 2)
        XCTAssertEqual(try runSpecgen(["diff", "missing.json", "missing2.json"], in: folder).status, 2)
    }

    func testTextMarkdownAndGitHubFormats() throws {
        let folder = fixtureURL("diff/01-operation-removed")
        let arguments = ["diff", "old.json", "new.json"]
        let text = try runSpecgen(arguments, in: folder).stdout
        XCTAssertTrue(text.contains("old.json:"), text)
        XCTAssertTrue(text.contains(": error: operation createPet (POST /pets) was removed"), text)
        XCTAssertTrue(text.contains("semver: major"), text)
        let markdown = try runSpecgen(arguments + ["--format", "markdown"], in: folder).stdout
        XCTAssertTrue(markdown.hasPrefix("## API changes (semver: major)"), markdown)
        XCTAssertTrue(markdown.contains("### `createPet`"), markdown)
        XCTAssertTrue(markdown.contains("**Breaking**"), markdown)
        let github = try runSpecgen(arguments + ["--format", "github"], in: folder).stdout
        XCTAssertTrue(github.contains("::error file=old.json,line="), github)
        XCTAssertEqual(try runSpecgen(["diff", "--help"], in: folder).status, 0)
    }

    func testGitRevisionReadsTheConfigSpecAtThatRevision() throws {
        let folder = try temporaryFolder(self)
        let fixture = fixtureURL("diff/08-request-parameter-added-required")
        func git(_ arguments: [String]) throws {
            let result = try runProgram("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments, in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        try git(["init", "-q"])
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("old.json"), to: folder.appendingPathComponent("api.json"))
        try Data(#"{"spec": "api.json", "operations": ["listPets"]}"#.utf8).write(to: folder.appendingPathComponent("specgen.json"))
        try git(["add", "."])
        try git(["commit", "-qm", "old"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("api.json"))
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("new.json"), to: folder.appendingPathComponent("api.json"))
        let result = try runSpecgen(["diff", "git:HEAD", "api.json", "--format", "json"], in: folder)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"request-parameter-added-required\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("api.json@HEAD:"), result.stdout)
        XCTAssertEqual(try runSpecgen(["diff", "git:no-such-revision", "api.json"], in: folder).status, 2)
    }

    func testBadInputOnBothSidesReportsBothLocatedErrors() throws {
        let folder = try temporaryFolder(self)
        try Data("{\"openapi\": \"3.0.3\",\n  \"paths\": {,}\n}\n".utf8).write(to: folder.appendingPathComponent("old.json"))
        try Data("openapi: 3.0.3\npaths:\n  /a: [\n".utf8).write(to: folder.appendingPathComponent("new.yaml"))
        let result = try runSpecgen(["diff", "old.json", "new.yaml"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("old.json:2:13: error:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("new.yaml:4:1: error:"), result.stderr)
    }

    // MARK: Rules found through oasdiff's pairs (docs/DIFF.md, proof 2)

    func testSchemaAddedToARequestMediaTypeIsWireBreaking() throws {
        let change = try XCTUnwrap(report("87-request-media-type-schema-added").changes.first { $0.rule == "request-body-media-type-schema-added" })
        XCTAssertEqual(change.wire, .breaking)
        XCTAssertEqual(change.swift, .none)
    }

    func testRequestBodyWrappedInOverlappingOneOfIsWireBreaking() throws {
        let change = try XCTUnwrap(report("88-request-wrapped-in-overlapping-one-of").changes.first { $0.rule == "request-body-one-of-branches-overlap" })
        XCTAssertEqual(change.wire, .breaking)
        XCTAssertTrue(change.message.contains("branches 1, 2"), change.message)
    }

    func testOneOfWhoseBranchesDoNotBothMatchIsNoOverlap() throws {
        // The second branch now requires `tag`, which OLD's client does not always send: one branch matches.
        let folder = fixtureURL("diff/88-request-wrapped-in-overlapping-one-of")
        var new = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("new.json"))) as? [String: Any])
        var components = try XCTUnwrap(new["components"] as? [String: Any]), schemas = try XCTUnwrap(components["schemas"] as? [String: Any])
        var newPet = try XCTUnwrap(schemas["NewPet"] as? [String: Any]), branches = try XCTUnwrap(newPet["oneOf"] as? [[String: Any]])
        branches[1]["required"] = ["name", "status"]
        newPet["oneOf"] = branches
        schemas["NewPet"] = newPet
        components["schemas"] = schemas
        new["components"] = components
        let newDocument = try DocumentLoader.read(SourceFile(path: "new.json", bytes: [UInt8](JSONSerialization.data(withJSONObject: new))))
        let old = try DocumentLoader.load(path: folder.appendingPathComponent("old.json").path)
        let report = try DiffEngine.run(old: old, new: newDocument, scope: .init())
        XCTAssertFalse(report.changes.contains { $0.rule == "request-body-one-of-branches-overlap" }, "\(report.changes)")
    }

    func testAllOfPartRemovedFromAResponseIsWireCompatible() throws {
        let report = try report("89-response-all-of-removed")
        XCTAssertEqual(report.changes.first { $0.rule == "response-body-all-of-removed" }?.wire, .compatible)
        XCTAssertFalse(report.changes.contains { $0.wire == .breaking }, "\(report.changes)")
    }

    // MARK: The JSON report is written directly; it must stay the shared writer's layout

    func testJSONReportIsTheSharedWritersLayoutByteForByte() throws {
        func object(_ members: [(String, JSONValue)]) -> JSONValue {
            .object(JSONObject(members.map { JSONObject.Entry(key: $0.0, value: JSONNode($0.1)) }))
        }
        func location(_ location: SourceLocation?) -> JSONValue { location.map { .string("\($0.file):\($0.line):\($0.column)") } ?? .null }
        func viaWriter(_ report: ChangeReport) -> String {
            let items = report.sortedChanges.map { change in
                object([("rule", .string(change.rule)), ("operation", .string(change.operation)), ("wire", .string(change.wire.rawValue)),
                        ("swift", .string(change.swift.rawValue)), ("message", .string(change.message)), ("old", location(change.old)),
                        ("new", location(change.new)), ("pointer", .string(change.pointer))])
            }
            return JSONWriter(style: .pretty(indent: 2)).string(object([("semver", .string(report.semver.rawValue)), ("changes", .array(items.map { JSONNode($0) }))])) + "\n"
        }
        var changed = try report("45-response-enum-value-removed")
        XCTAssertGreaterThan(changed.changes.count, 1)
        changed.changes[0].message = "quote \" backslash \\ newline \n return \r tab \t nul \u{0} escape \u{1B} del \u{7F} é 😀 \u{202E}"
        XCTAssertEqual(changed.rendered(.json), viaWriter(changed))
        let empty = try report("01-operation-removed", operations: ["getPet"])
        XCTAssertEqual(empty.changes, [])
        XCTAssertEqual(empty.rendered(.json), viaWriter(empty))
    }
}
