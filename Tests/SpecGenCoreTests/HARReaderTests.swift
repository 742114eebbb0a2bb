import Foundation
import XCTest
@testable import SpecGenCore

final class HARReaderTests: XCTestCase {
    private func read(_ text: String, path: String = "request.har") throws -> [RequestExample] {
        try HARReader().read(try JSONReader().read(text: text, path: path))
    }

    private func fixture(_ name: String) throws -> [RequestExample] {
        try HARReader().read(try DocumentLoader.load(path: fixtureURL("snippets/" + name).path))
    }

    func testFullRequestMergesQueryCookiesAndForm() throws {
        let example = try XCTUnwrap(try fixture("httpsnippet/requests/full.json").first)
        XCTAssertEqual(example.method, "POST")
        XCTAssertEqual(example.url, "http://mockbin.com/har")
        XCTAssertEqual(example.query, [NameValue("key", "value"), NameValue("foo", "bar"), NameValue("foo", "baz"), NameValue("baz", "abc")])
        XCTAssertEqual(example.header("cookie"), "foo=bar; bar=baz")
        XCTAssertEqual(example.body, .urlEncoded([NameValue("foo", "bar")]))
    }

    func testQueryStringRepeatingTheURLIsNotDoubled() throws {
        let example = try XCTUnwrap(try read(#"{"method":"GET","url":"http://h/p?a=1&a=2&b=x%20y+z","queryString":[{"name":"a","value":"1"},{"name":"a","value":"2"},{"name":"c","value":"3"}]}"#).first)
        XCTAssertEqual(example.query, [NameValue("a", "1"), NameValue("a", "2"), NameValue("b", "x y z"), NameValue("c", "3")])
    }

    func testBodiesByMediaType() throws {
        let json = try XCTUnwrap(try fixture("httpsnippet/requests/jsonObj-null-value.json").first)
        XCTAssertEqual(json.body, .json(["foo": nil]))
        let published = try XCTUnwrap(try fixture("auth0/update-user-as-published.har.json").first)
        guard case .text(let text, let type)? = published.body else { return XCTFail("placeholder JSON must stay text") }
        XCTAssertTrue(text.contains("GIVEN_NAME_VALUE"))
        XCTAssertEqual(type, "application/json")
        XCTAssertEqual(published.url, "https://${account.namespace}/api/v2/users/USER_ID")
        let multipart = try XCTUnwrap(try fixture("httpsnippet/requests/multipart-data.json").first)
        XCTAssertEqual(multipart.body, .multipart([MultipartPart(name: "foo", value: "Hello World", fileName: "hello.txt", contentType: "text/plain"),
                                                   MultipartPart(name: "bar", value: "Bonjour le monde")]))
        let empty = try XCTUnwrap(try fixture("hostile/empty-body.har.json").first)
        XCTAssertEqual(empty.body, .text("", contentType: "text/plain"))
    }

    func testFullLogReadsEveryEntry() throws {
        let requests = try fixture("httpsnippet/requests/multipart-form-data-no-params.json")
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(requests[0].body, .multipart([]))
        let two = try read(#"{"log":{"entries":[{"request":{"method":"get","url":"http://a/1"}},{"request":{"method":"DELETE","url":"http://a/2","headers":[{"name":":authority","value":"a"},{"name":"Content-Length","value":"0"},{"name":"X","value":"y"}]}}]}}"#)
        XCTAssertEqual(two.map(\.method), ["GET", "DELETE"])
        XCTAssertEqual(two[1].headers, [NameValue("X", "y")])
    }

    func testErrorsAreLocatedWithPointerAndLineColumn() {
        XCTAssertThrowsError(try read("{\n  \"method\": \"GET\"\n}", path: "x.har")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("x.har:1:1: error: missing \"url\""), text)
            XCTAssertTrue(text.contains("(at /url)"), text)
        }
        XCTAssertThrowsError(try read("{\"method\":\"GET\",\"url\":\"http://a\",\n \"headers\": [{\"name\": 3}]}", path: "y.har")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("y.har:2:23: error: \"name\" must be a string, found integer (at /headers/0/name)"), text)
        }
        XCTAssertThrowsError(try read(#"{"log":{"entries":[{"response":{}}]}}"#)) { error in
            XCTAssertTrue(String(describing: error).contains("(at /log/entries/0)"))
        }
    }
}
