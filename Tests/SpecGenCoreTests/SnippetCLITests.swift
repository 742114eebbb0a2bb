import Foundation
import XCTest
@testable import SpecGenCore
@testable import specgen

/// `specgen snippet` (Sources/specgen/SnippetCommand.swift), run in process with files given in memory.
final class SnippetCLITests: XCTestCase {
    private func run(_ arguments: [String], files: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
        var out = "", err = ""
        let status = runSnippet(arguments, readFile: { path in
            guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return text
        }, write: { out += $0 + "\n" }, writeError: { err += $0 + "\n" })
        return (status, out, err)
    }

    private var auth0: String { (try? String(contentsOf: fixtureURL("snippets/auth0/update-user.har.json"), encoding: .utf8)) ?? "" }

    func testHelpDocumentsEveryOptionWithAnExample() {
        let help = run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(help.out, snippetCommand.help + "\n")
        for option in snippetCommand.options where option.name != "--list-clients" {
            XCTAssertTrue(help.out.contains("Example: " + option.name) || help.out.contains("Example: --client shell-curl " + option.name), "\(option.name) has no example")
        }
        XCTAssertTrue(help.out.contains("--long-flags"), "no hidden options")
        XCTAssertEqual(run(["--frobnicate"]).status, 2)
        XCTAssertTrue(run(["--frobnicate"]).err.contains("unknown option --frobnicate"))
        XCTAssertTrue(run(["--frobnicate"]).err.contains("USAGE: specgen snippet --har FILE --client ID [options]\nSee `specgen help snippet`"))
    }

    func testListClientsPrintsIdLanguageAndExtension() {
        let result = run(["--list-clients"])
        XCTAssertEqual(result.status, 0)
        let lines = result.out.split(separator: "\n")
        XCTAssertEqual(lines.count, SnippetClients.all.count)
        XCTAssertGreaterThanOrEqual(lines.count, 23)
        XCTAssertTrue(lines.contains("python-requests\tpython\tpy"))
        XCTAssertTrue(lines.contains("shell-curl\tshell\tsh"))
    }

    func testUsageAndInputErrorsExitTwoWithAHint() {
        XCTAssertEqual(run(["--client", "shell-curl"]).status, 2)
        let unknown = run(["--har", "a.har", "--client", "cobol"], files: ["a.har": auth0])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("hint: choose one of: shell-curl"), unknown.err)
        let sdk = run(["--har", "a.har", "--client", "swift-sdk"], files: ["a.har": auth0])
        XCTAssertEqual(sdk.status, 2)
        XCTAssertTrue(sdk.err.contains("hint: run `specgen generate`"), sdk.err)
        let missing = run(["--har", "nope.har", "--client", "shell-curl"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("cannot read 'nope.har'"), missing.err)
        let malformed = run(["--har", "bad.har", "--client", "shell-curl"], files: ["bad.har": "{\"method\": \"GET\",\n \"url\": 7}"])
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.err.contains("bad.har:2:9: error: \"url\" must be a string"), malformed.err)
        let past = run(["--har", "a.har", "--client", "shell-curl", "--entry", "2"], files: ["a.har": auth0])
        XCTAssertEqual(past.status, 2)
        XCTAssertTrue(past.err.contains("--entry 2 is past the end: 'a.har' holds 1 request"), past.err)
        for bad in [["--indent", "x"], ["--indent", "17"], ["--entry", "0"], ["--timeout", "-1"], ["--timeout=soon"]] {
            let result = run(["--har", "a.har", "--client", "shell-curl"] + bad, files: ["a.har": auth0])
            XCTAssertEqual(result.status, 2, bad.joined(separator: " "))
            XCTAssertTrue(result.err.contains("must be an integer from"), result.err)
            XCTAssertEqual(result.out, "", "a bad value renders nothing")
        }
    }

    func testRendersTheRequestWithOptions() {
        let long = run(["--har", "a.har", "--client", "shell-curl"], files: ["a.har": auth0])
        XCTAssertEqual(long.status, 0)
        XCTAssertTrue(long.out.contains("--request PATCH"), long.out)
        XCTAssertTrue(long.out.contains("'https://{yourDomain}/api/v2/users/USER_ID'"), long.out)
        XCTAssertTrue(long.out.contains("--globoff"), "curl must not read {yourDomain} as a glob")
        let short = run(["--har=a.har", "--client=shell-curl", "--short-flags", "--single-line", "--timeout", "30"], files: ["a.har": auth0])
        XCTAssertTrue(short.out.hasPrefix("curl -X PATCH -g 'https://{yourDomain}/api/v2/users/USER_ID' -H "), short.out)
        XCTAssertTrue(short.out.contains("-m 30"))
        XCTAssertEqual(short.out.split(separator: "\n").count, 1)
        let longAgain = run(["--har=a.har", "--client=shell-curl", "--long-flags", "--single-line"], files: ["a.har": auth0])
        XCTAssertTrue(longAgain.out.hasPrefix("curl --request PATCH"), longAgain.out)
        let pretty = run(["--har", "a.har", "--client", "python-requests", "--pretty-json", "--indent", "4"], files: ["a.har": auth0])
        XCTAssertTrue(pretty.out.contains("payload = {\n    \"given_name\": \"John\",\n    \"family_name\": None,"), pretty.out)
    }
}

/// Properties every client must keep for the Auth0 request as docs show it.
final class SnippetPlaceholderTests: XCTestCase {
    func testPlaceholdersStayReadableAndHostsNeverBreak() throws {
        for name in ["update-user", "update-user-postman", "update-user-as-published"] {
            let document = try DocumentLoader.load(path: fixtureURL("snippets/auth0/\(name).har.json").path)
            let example = try XCTUnwrap(try HARReader().read(document).first)
            for client in SnippetClients.all {
                let text = client.render(example, options: .default)
                XCTAssertFalse(text.contains("%7B") || text.contains("%7b"), "\(client.info.id) percent-encoded a placeholder")
                XCTAssertTrue(text.contains("USER_ID"), "\(client.info.id) lost USER_ID")
                if name == "update-user" {
                    XCTAssertTrue(text.contains("{yourDomain}"), "\(client.info.id) lost {yourDomain}")
                    XCTAssertTrue(text.contains("MGMT_API_ACCESS_TOKEN"), "\(client.info.id) lost the token placeholder")
                }
                if name == "update-user-postman" { XCTAssertTrue(text.contains("{{auth0_domain}}"), "\(client.info.id) lost {{auth0_domain}}") }
            }
        }
        let example = RequestExample(method: "GET", url: "https://{yourDomain}/api/v2/users/{id}")
        XCTAssertTrue(PythonHTTPClientClient().render(example, options: .default).contains("HTTPSConnection(\"{yourDomain}\")"))
        XCTAssertTrue(PythonHTTPClientClient().render(example, options: .default).contains("\"/api/v2/users/{id}\""))
        XCTAssertTrue(RawHTTPClient().render(example, options: .default).hasPrefix("GET /api/v2/users/{id} HTTP/1.1\nHost: {yourDomain}\n"))
    }

    func testEveryClientHasAUniqueIdAndIsFoundByIt() {
        let ids = SnippetClients.all.map(\.info.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids { XCTAssertEqual(SnippetClients.client(id: id.uppercased())?.info.id, id) }
        XCTAssertNil(SnippetClients.client(id: "nope"))
    }
}
