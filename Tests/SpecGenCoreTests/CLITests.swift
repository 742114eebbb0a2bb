import Foundation
import XCTest
@testable import SpecGenCore

final class CLITests: XCTestCase {
    func testHelpOnEveryCommand() throws {
        for command in [["--help"], ["help"], ["generate", "--help"], ["validate", "--help"], ["list-operations", "--help"], ["help", "generate"]] {
            let result = try runSpecgen(command)
            XCTAssertEqual(result.status, 0, command.joined(separator: " "))
            XCTAssertTrue(result.stdout.contains("USAGE: specgen"), command.joined(separator: " "))
        }
        let generate = try runSpecgen(["generate", "--help"]).stdout
        for option in ["--spec", "--operation", "--output", "--check", "--overlay", "--postman", "--max-depth"] {
            XCTAssertTrue(generate.contains(option), option)
        }
    }

    func testUnknownOptionSuggestsAndExits2() throws {
        let result = try runSpecgen(["generate", "--outptu", "x"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("unknown option --outptu (did you mean --output?)"), result.stderr)
    }

    /// `--group-files N` bundles the Swift output; 0 keeps one file per type; a bad value is a usage error.
    func testGroupFilesOption() throws {
        let folder = try temporaryFolder(self)
        let grouped = try runSpecgen(["generate", "--group-files", "4", "--swift-only", "--quiet", "--output", folder.path])
        XCTAssertEqual(grouped.status, 0, grouped.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Swift").path).sorted()
        XCTAssertEqual(names, ["SpecGenGroup0.swift", "SpecGenGroup1.swift", "SpecGenGroup2.swift", "SpecGenGroup3.swift", "SpecGenSupport.swift"])
        let text = try names.map { try String(contentsOf: folder.appendingPathComponent("Swift/" + $0), encoding: .utf8) }.joined()
        XCTAssertEqual(text.components(separatedBy: "public nonisolated struct UpdateUserRequestContent:").count - 1, 1)
        let perType = try runSpecgen(["generate", "--group-files", "0", "--swift-only", "--quiet", "--output", folder.path])
        XCTAssertEqual(perType.status, 0, perType.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Swift/Types/UpdateUserRequestContent.swift").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Swift/SpecGenGroup0.swift").path), "files no longer produced are removed")
        let bad = try runSpecgen(["generate", "--group-files", "many", "--output", folder.path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--group-files must be auto or an integer from 0 to 256, not 'many'"), bad.stderr)
    }

    func testCheckPassesOnTheCheckedInOutput() throws {
        let result = try runSpecgen(["generate", "--check"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Generated/ is up to date"), result.stdout)
    }

    func testGenerateWritesOnlyChangedFilesAndCheckSeesStaleness() throws {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("out").path
        let spec = fixtureURL("openapi/small.json").path
        let first = try runSpecgen(["generate", "--spec", spec, "--output", output])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("created"), first.stdout)
        let typeFile = output + "/Swift/Types/Pet.swift"
        let before = try FileManager.default.attributesOfItem(atPath: typeFile)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let second = try runSpecgen(["generate", "--spec", spec, "--output", output])
        XCTAssertTrue(second.stdout.contains("0 created, 0 updated, 0 removed"), second.stdout)
        let after = try FileManager.default.attributesOfItem(atPath: typeFile)[.modificationDate] as? Date
        XCTAssertEqual(before, after, "an unchanged file must not be rewritten")

        try "// edited by hand\n".write(toFile: typeFile, atomically: true, encoding: .utf8)
        let check = try runSpecgen(["generate", "--spec", spec, "--output", output, "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("would update \(output)/Swift/Types/Pet.swift"), check.stdout)
        XCTAssertEqual(try String(contentsOfFile: typeFile, encoding: .utf8), "// edited by hand\n", "--check writes nothing")
    }

    func testCodeSamplesCopyOfTheSpec() throws {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("out").path
        let result = try runSpecgen(["generate", "--spec", fixtureURL("openapi/small.json").path, "--output", output, "--code-samples", "openapi.code-samples.json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try JSONReader().read(text: String(contentsOfFile: output + "/openapi.code-samples.json", encoding: .utf8))
        let samples = try XCTUnwrap(document.node(at: JSONPointer("/paths/~1pets~1{petId}/patch/x-codeSamples")!)?.value.arrayValue)
        // The Swift SDK call first, then every HTTP client (curl first).
        XCTAssertEqual(samples.count, SnippetClients.all.count + 1)
        XCTAssertEqual(samples.first?["lang"]?.value, "Swift")
        XCTAssertEqual(samples.first?["label"]?.value, "Swift SDK")
        XCTAssertTrue(samples.first?["source"]?.value.stringValue?.contains("try await client.") ?? false)
        XCTAssertEqual(samples[1]["lang"]?.value, "Shell")
        XCTAssertEqual(samples[1]["label"]?.value, "curl")
        XCTAssertTrue(samples[1]["source"]?.value.stringValue?.contains("--request PATCH") ?? false)
        // The rest of the spec is unchanged.
        let original = try JSONReader().read(text: String(contentsOf: fixtureURL("openapi/small.json"), encoding: .utf8))
        XCTAssertEqual(document.node(at: JSONPointer("/components")!)?.value, original.node(at: JSONPointer("/components")!)?.value)
    }

    func testStaleFilesAreRemovedButForeignFilesKept() throws {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("out").path
        let spec = fixtureURL("openapi/small.json").path
        XCTAssertEqual(try runSpecgen(["generate", "--spec", spec, "--output", output]).status, 0)
        try "mine".write(toFile: output + "/NOTES.txt", atomically: true, encoding: .utf8)
        // Generating one operation only still reaches both schemas; drop PetPatch by pointing at a spec without it.
        let reduced = folder.appendingPathComponent("reduced.json")
        var text = try String(contentsOf: fixtureURL("openapi/small.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"requestBody\": { \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/PetPatch\" } } } },", with: "")
        text = text.replacingOccurrences(of: "\"PetPatch\"", with: "\"PetChange\"")
        try text.write(to: reduced, atomically: true, encoding: .utf8)
        let result = try runSpecgen(["generate", "--spec", reduced.path, "--output", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/Swift/Types/PetPatch.swift"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/Swift/Types/PetChange.swift"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/NOTES.txt"))
    }

    func badInput(_ fixture: String, extra: [String] = []) throws -> (CommandResult, [String: Data], [String: Data]) {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("out")
        XCTAssertEqual(try runSpecgen(["generate", "--spec", fixtureURL("openapi/small.json").path, "--output", output.path]).status, 0)
        let before = snapshot(output)
        let result = try runSpecgen(["generate", "--spec", fixtureURL(fixture).path, "--output", output.path] + extra)
        return (result, before, snapshot(output))
    }

    func testMalformedJSONIsLocatedAndWritesNothing() throws {
        let (result, before, after) = try badInput("openapi/malformed.json")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("malformed.json:5:90: error: expected a member name in double quotes, found '}' (at /paths/~1a/get/responses/200)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: remove the trailing comma"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was written"))
        XCTAssertEqual(before, after)
    }

    func testDanglingRefIsLocatedWithSuggestion() throws {
        let (result, before, after) = try badInput("openapi/dangling-ref.json")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("dangling-ref.json:8:81: error: dangling $ref '#/components/schemas/NewUsr': there is no schema 'NewUsr' (at /paths/~1users/post/requestBody/content/application~1json/schema/$ref)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: did you mean 'NewUser'?"), result.stderr)
        XCTAssertEqual(before, after)
    }

    func testRefCycleIsLocated() throws {
        let (result, before, after) = try badInput("openapi/ref-cycle.json")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("error: $ref cycle: A → B → C → A never reaches a schema"), result.stderr)
        XCTAssertTrue(result.stderr.contains("ref-cycle.json:16:"), result.stderr)
        XCTAssertEqual(before, after)
    }

    func testUnknownOperationIdSuggestsClosest() throws {
        let (result, before, after) = try badInput("openapi/small.json", extra: ["--operation", "updatePets"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("error: unknown operation id 'updatePets'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'updatePet'?"), result.stderr)
        XCTAssertEqual(before, after)
    }

    func testMissingSpecFile() throws {
        let result = try runSpecgen(["generate", "--spec", "/nonexistent/spec.json", "--output", "/tmp/never"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cannot read '/nonexistent/spec.json': no such file"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    // MARK: validate

    func validate(_ body: String, operation: String = "patch_users_by_id") throws -> CommandResult {
        try runSpecgen(["validate", "--operation", operation, "-"], stdin: body)
    }

    func testValidateReportsEveryViolation() throws {
        let result = try validate(#"{"given_name": "", "family_name": "\#(String(repeating: "a", count: 151))", "phone_number": "+1234567890123456", "email": "x", "picture": "ftp://a", "blocked": null, "logins": 1}"#)
        XCTAssertEqual(result.status, 1)
        // One line per violation, in the body's order.
        XCTAssertEqual(result.stdout.split(separator: "\n").map(String.init), [
            "/given_name: minLength: must be at least 1 character long (found 0)",
            "/family_name: maxLength: must be at most 150 characters long (found 151)",
            #"/phone_number: pattern: does not match the pattern ^\+[0-9]{1,15}$"#,
            "/email: format: is not a valid email address",
            "/picture: format: is not a valid absolute http(s) URL",
            "/blocked: type: null is not allowed here; leave the member out instead",
        ])
    }

    func testValidateAcceptsAValidBodyWithNulls() throws {
        let result = try validate(#"{"given_name": "John", "family_name": null, "user_metadata": {"hobby": null}, "app_metadata": {}}"#)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    func testValidateRejectsUnusableInput() throws {
        let result = try validate("{\"given_name\": ")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("<stdin>:1:16: error: unexpected end of input"), result.stderr)
        let unknown = try validate("{}", operation: "patch_user")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown operation id 'patch_user'"), unknown.stderr)
    }

    func testValidateChecksDependentRequiredAndAdditionalProperties() throws {
        let spec = fixtureURL("openapi/small.json").path
        let result = try runSpecgen(["validate", "--spec", spec, "--operation", "updatePet", "-"], stdin: #"{"vaccinated": true, "color": "red", "tag": null}"#)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.split(separator: "\n").map(String.init), [
            "/color: additionalProperties: is not a member this object allows",
            "/vet: dependentRequired: is required when vaccinated is present",
        ])
    }
}
