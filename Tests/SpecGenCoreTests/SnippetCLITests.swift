import Foundation
import XCTest
@testable import SpecGenCore

final class SnippetCLITests: XCTestCase {
    private func run(_ arguments: [String], files: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
        var out = "", err = ""
        let status = SnippetCLI.run(arguments, readFile: { path in
            guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return text
        }, write: { out += $0 }, writeError: { err += $0 })
        return (status, out, err)
    }

    private var auth0: String { (try? String(contentsOf: fixtureURL("snippets/auth0/update-user.har.json"), encoding: .utf8)) ?? "" }

    func testHelpDocumentsEveryOptionTheParserAccepts() {
        let help = run(["--help"])
        XCTAssertEqual(help.status, 0)
        // Option lines of the OPTIONS section: "  --name <value>   description" (or "  -h, --help").
        let optionLines = help.out.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("  --") || $0.hasPrefix("  -h, --")
        }
        let options = optionLines.map { line -> (name: String, takesValue: Bool) in
            let words = line.replacingOccurrences(of: "-h, ", with: "").split(separator: " ")
            return (String(words[0]), words.count > 1 && words[1].hasPrefix("<"))
        }
        XCTAssertEqual(Set(options.map(\.name)), ["--har", "--client", "--entry", "--indent", "--short-flags", "--single-line", "--pretty-json", "--timeout", "--list-clients", "--help"])
        for option in options {
            let result = run(option.takesValue ? [option.name, "1"] : [option.name])
            XCTAssertFalse(result.err.contains("unknown argument"), "\(option.name) is documented but not accepted: \(result.err)")
            if option.name != "--help" && option.name != "--list-clients" {
                XCTAssertTrue(help.out.contains("Example: " + option.name) || help.out.contains("Example: --client shell-curl " + option.name), "\(option.name) has no example")
            }
        }
        XCTAssertEqual(run(["--frobnicate"]).status, 2)
        XCTAssertTrue(run(["--frobnicate"]).err.contains("unknown argument '--frobnicate'"))
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
        let malformed = run(["--har", "bad.har", "--client", "shell-curl"], files: ["bad.har": "{\"method\": \"GET\",\n \"url\": 7}"])
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.err.contains("bad.har:2:9: error: \"url\" must be a string"), malformed.err)
        XCTAssertEqual(run(["--har", "a.har", "--client", "shell-curl", "--entry", "2"], files: ["a.har": auth0]).status, 2)
        XCTAssertEqual(run(["--har", "a.har", "--client", "shell-curl", "--indent", "x"], files: ["a.har": auth0]).status, 2)
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
