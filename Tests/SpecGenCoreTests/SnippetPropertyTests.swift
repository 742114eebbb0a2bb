import Foundation
import XCTest
@testable import SpecGenCore

/// Property tests over random JSON bodies (`RandomJSON`, fixed seeds). In process: every snippet client renders
/// every value without trapping, and the example builder carries a spec's example body through unchanged.
/// That each snippet *means* the same value is checked by running them: `SnippetSuiteFixtures` adds three of
/// these bodies (`property/…`) to the execution suite, where the echo server compares the JSON received exactly.
final class SnippetPropertyTests: XCTestCase {
    func testEveryClientRendersRandomBodiesWithoutTrapping() {
        var random = RandomJSON(seed: 18)
        for round in 0..<150 {
            let body = random.body(depth: round % 50)
            let example = RequestExample(method: "POST", url: "http://example.com/p?\u{1F600}=\u{202E}", headers: [NameValue("Content-Type", "application/json")], body: .json(body))
            for client in SnippetClients.all {
                for options in [SnippetOptions.default, SnippetOptions(indent: 4, longFlags: false, prettyJSON: true, timeoutSeconds: 30, multilineShell: false)] {
                    let text = client.render(example, options: options)
                    XCTAssertFalse(text.isEmpty, "\(client.info.id) rendered nothing for round \(round)")
                }
            }
        }
    }

    func testExampleBuilderKeepsTheSpecsExampleBody() throws {
        var random = RandomJSON(seed: 7)
        for _ in 0..<100 {
            let body = random.body(depth: 8)
            let spec: JSONValue = ["openapi": "3.1.0", "info": ["title": "p", "version": "1"], "paths": ["/p": ["post": [
                "operationId": "p", "requestBody": ["content": ["application/json": ["schema": ["type": "object"], "example": body]]],
                "responses": ["200": ["description": "ok"]]]]]]
            let text = JSONWriter().string(spec)
            let document = try JSONReader().read(text: text, path: "p.json")
            let (api, _) = try OpenAPIReader().read(document)
            let example = OperationExampleBuilder(api: api).request(for: try XCTUnwrap(api.operations.first))
            guard case .json(let sent, _)? = example.body else { return XCTFail("no JSON body") }
            // A repeated key means its last occurrence (what the reader warns about and every JSON parser does).
            let meant = JSONDocument(source: document.source, root: JSONNode(body)).withoutDuplicateKeys().root.value
            XCTAssertTrue(sent.isIdentical(to: meant), "sent:  " + JSONWriter().string(sent) + "\nmeant: " + JSONWriter().string(meant))
        }
    }
}

final class DuplicateKeyTests: XCTestCase {
    /// Found by the property test: a key starting with ZWNJ made the duplicate-key check miss (Swift's
    /// `hasPrefix` compares Characters, and the quote joined the ZWNJ into one).
    func testDuplicateKeysThatStartWithAJoinerAreResolved() throws {
        let document = try JSONReader().read(text: "{\"a\": {\"\u{200C}k\": 1, \"\u{200C}k\": 2}}", path: "p.json")
        XCTAssertTrue(document.hasDuplicateKeys)
        XCTAssertEqual(JSONWriter().string(document.withoutDuplicateKeys().root.value), "{\"a\":{\"\u{200C}k\":2}}")
    }
}
