import Foundation
import XCTest
@testable import SpecGenCore

/// Every collection copied from postman-code-generators (Tests/Fixtures/postman), read and compared
/// request by request with what Foundation's JSONSerialization (an independent parser) finds in the file.
final class PostmanFixtureTests: XCTestCase {
    static var fixtureFiles: [URL] {
        ["newman-fixtures", "unit-fixtures"].flatMap { folder -> [URL] in
            let directory = fixtureURL("postman/\(folder)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    static func read(_ relativePath: String) throws -> PostmanCollection {
        try PostmanCollectionReader().read(DocumentLoader.load(path: fixtureURL("postman/\(relativePath)").path))
    }

    /// Items with a request, depth first, as `[String: Any]` from JSONSerialization.
    static func oracleItems(_ url: URL) throws -> [[String: Any]] {
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var found: [[String: Any]] = []
        func walk(_ items: [Any]) {
            for case let item as [String: Any] in items {
                if let children = item["item"] as? [Any] { walk(children) } else if item["request"] != nil { found.append(item) }
            }
        }
        walk(root["item"] as? [Any] ?? [])
        return found
    }

    func testEveryFixtureRequestMatchesTheFile() throws {
        let files = Self.fixtureFiles
        XCTAssertEqual(files.count, 20, "9 newman + 11 unit fixtures")
        var total = 0
        var warnings: [String] = []
        for file in files {
            let name = file.lastPathComponent
            let collection = try PostmanCollectionReader().read(DocumentLoader.load(path: file.path))
            let expected = try Self.oracleItems(file)
            XCTAssertEqual(collection.requests.count, expected.count, name)
            XCTAssertFalse(expected.isEmpty, name)
            total += collection.requests.count
            warnings += collection.warnings.map { "\(name):\($0.location?.line ?? 0): \($0.pointer ?? "")" }
            for (item, oracle) in zip(collection.requests, expected) {
                let label = "\(name): \(item.name)"
                let request = try XCTUnwrap(oracle["request"] as? [String: Any], label)
                XCTAssertEqual(item.name, oracle["name"] as? String, label)
                XCTAssertEqual(item.method, (request["method"] as? String)?.uppercased(), label)
                let url = try XCTUnwrap(request["url"] as? [String: Any], label)
                XCTAssertEqual(item.url.raw, url["raw"] as? String, label)
                let hostLabels = (url["host"] as? [String]) ?? []
                XCTAssertEqual(item.url.host.joined(separator: "."), hostLabels.joined(separator: ".").replacingOccurrences(of: "https://", with: ""), label)
                XCTAssertEqual(item.url.path, (url["path"] as? [String]) ?? [], label)
                let query = ((url["query"] as? [[String: Any]]) ?? []).filter { ($0["disabled"] as? Bool) != true }
                XCTAssertEqual(item.url.query.map(\.key), query.map { $0["key"] as? String ?? "" }, label)
                XCTAssertEqual(item.url.query.map(\.value), query.map { $0["value"] as? String }, label)
                let headers = ((request["header"] as? [[String: Any]]) ?? []).filter { ($0["disabled"] as? Bool) != true }
                XCTAssertEqual(item.headers.map(\.key), headers.map { $0["key"] as? String ?? "" }, label)
                XCTAssertEqual(item.headers.map(\.value), headers.map { $0["value"] as? String ?? "" }, label)
                try checkBody(item, (request["body"] as? [String: Any]) ?? [:], label)
                // The item's location is the `{` of its object in the file.
                let offset = item.offset
                XCTAssertGreaterThanOrEqual(offset, 0, label)
                let bytes = try Data(contentsOf: file)
                XCTAssertEqual(bytes[bytes.startIndex + offset], UInt8(ascii: "{"), label)
                // The example builder accepts every request.
                let example = item.requestExample()
                XCTAssertEqual(example.method, item.method, label)
                XCTAssertFalse(example.url.contains("?"), label)
            }
        }
        XCTAssertEqual(total, 267)
        // The only oddities in these files: a file part without `src`, and `""` where a field list belongs.
        XCTAssertEqual(warnings, [
            "objective-c.collection.json:1175: /item/26/request/body/formdata/0",
            "python-http.client.sample_collection.json:363: /item/5/request/body/formdata",
            "python-http.client.sample_collection.json:604: /item/9/request/body/urlencoded",
        ])
    }

    private func checkBody(_ item: PostmanRequestItem, _ body: [String: Any], _ label: String) throws {
        let enabled = { (list: Any?) in ((list as? [[String: Any]]) ?? []).filter { ($0["disabled"] as? Bool) != true } }
        switch body["mode"] as? String {
        case "raw"?:
            guard case .raw(let text, _)? = item.body else { return XCTFail("\(label): expected raw, got \(String(describing: item.body))") }
            XCTAssertEqual(Array(text.utf8), Array((body["raw"] as? String ?? "").utf8), label)
        case "urlencoded"?:
            guard case .urlEncoded(let fields)? = item.body else { return XCTFail("\(label): expected urlencoded") }
            let expected = enabled(body["urlencoded"])
            XCTAssertEqual(fields.map(\.key), expected.map { $0["key"] as? String ?? "" }, label)
            XCTAssertEqual(fields.map(\.value), expected.map { $0["value"] as? String ?? "" }, label)
        case "formdata"?:
            guard case .formData(let parts)? = item.body else { return XCTFail("\(label): expected formdata") }
            let expected = enabled(body["formdata"])
            XCTAssertEqual(parts.map(\.key), expected.map { $0["key"] as? String ?? "" }, label)
            XCTAssertEqual(parts.map(\.isFile), expected.map { ($0["type"] as? String) == "file" }, label)
        case "graphql"?:
            guard case .graphQL(let query, _)? = item.body else { return XCTFail("\(label): expected graphql") }
            XCTAssertEqual(query, (body["graphql"] as? [String: Any])?["query"] as? String, label)
        case nil, ""?:
            XCTAssertNil(item.body, label)
        case let other?:
            XCTFail("\(label): fixture has unexpected body mode \(other)")
        }
    }

    func testBasicCollectionSpotChecks() throws {
        let collection = try Self.read("newman-fixtures/basicCollection.json")
        XCTAssertEqual(collection.name, "Basic Collection")
        XCTAssertEqual(collection.requests.count, 14)

        let disabledQuery = try XCTUnwrap(collection.request(named: "GET Request with disabled query"))
        XCTAssertEqual(disabledQuery.url.query, [PostmanQueryItem("test", "123"), PostmanQueryItem("anotherone", "232")])
        XCTAssertEqual(disabledQuery.requestExample().url, "https://postman-echo.com/get")
        XCTAssertEqual(disabledQuery.requestExample().query, [NameValue("test", "123"), NameValue("anotherone", "232")])

        let disabledHeaders = try XCTUnwrap(collection.request(named: "Request Headers with disabled headers"))
        XCTAssertEqual(disabledHeaders.headers.map(\.key), ["my-sample-header", "not-disabled-header"])

        let special = try XCTUnwrap(collection.request(named: "Request Headers (With special Characters)"))
        XCTAssertEqual(special.headers.last, PostmanKeyValue("more", ",./';[]}{\":?><|\\\\"))

        let javascript = try XCTUnwrap(collection.request(named: "POST javascript with raw"))
        guard case .raw(let script, _)? = javascript.body else { return XCTFail("raw expected") }
        XCTAssertEqual(Array(script.utf8), Array("var val = 6;\nconsole.log(val);console.log('$text\r\n');\n".utf8))

        let graphql = try XCTUnwrap(collection.request(named: "POST graphql body(json) with raw"))
        guard case .json(let value, let contentType)? = graphql.requestExample().body else { return XCTFail("graphql becomes a JSON body") }
        XCTAssertEqual(contentType, "application/json")
        XCTAssertEqual(value.objectValue?.keys, ["query", "variables"])
        XCTAssertEqual(value.objectValue?["variables"]?.value, ["variable_key": "variable_value"])
        XCTAssertTrue(value.objectValue?["query"]?.value.stringValue?.hasPrefix("{\n  findScenes(") == true)

        let urlencoded = try XCTUnwrap(collection.request(named: "POST urlencoded data"))
        guard case .urlEncoded(let fields)? = urlencoded.requestExample().body else { return XCTFail("urlencoded expected") }
        XCTAssertEqual(fields.first, NameValue("1", "'a'"))
        XCTAssertEqual(fields[1], NameValue("2", "\"b\""))
    }

    func testFileFormDataQuerySchemeInHostAndRepeatedHeaders() throws {
        let files = try Self.read("newman-fixtures/formdataFileCollection.json")
        let upload = try XCTUnwrap(files.request(named: "Single/multiple file upload via form-data"))
        XCTAssertEqual(upload.body, .formData([
            PostmanFormPart(key: "single file", value: nil, files: ["/path/to/postman-code-generators/dummyFile1.txt"]),
            PostmanFormPart(key: "multiple files", value: nil, files: ["/path/to/postman-code-generators/dummyFile2.txt", "/path/to/postman-code-generators/dummyFile3.txt"]),
        ]))
        guard case .multipart(let parts)? = upload.requestExample().body else { return XCTFail("multipart expected") }
        XCTAssertEqual(parts.map(\.name), ["single file", "multiple files", "multiple files"])
        XCTAssertEqual(parts.map(\.fileName), ["/path/to/postman-code-generators/dummyFile1.txt", "/path/to/postman-code-generators/dummyFile2.txt", "/path/to/postman-code-generators/dummyFile3.txt"])
        XCTAssertEqual(parts.map(\.value), [nil, nil, nil])

        let query = try XCTUnwrap(Self.read("newman-fixtures/queryParamsCollection.json").requests.first)
        XCTAssertEqual(query.url.scheme, "https")
        XCTAssertEqual(query.url.host, ["postman-echo.com"])
        XCTAssertEqual(query.requestExample().url, "https://postman-echo.com/get")
        XCTAssertEqual(query.requestExample().query, [NameValue("query", "urn%3Ali%3Afoo%3A62324")])

        let same = try XCTUnwrap(Self.read("newman-fixtures/sameNameHeadersCollection.json").requests.first)
        XCTAssertEqual(same.requestExample().headers, [NameValue("key", "value1"), NameValue("key", "value2")])

        let methods = try Self.read("newman-fixtures/unsupportedMethods.json")
        XCTAssertEqual(methods.requests.map(\.method), ["LINK", "UNLINK", "LOCK", "UNLOCK", "PROPFIND", "PURGE", "COPY"])
    }

    func testUnitFixtureSpotChecks() throws {
        let curl = try Self.read("unit-fixtures/curl.collection.json")
        let resolve = try XCTUnwrap(curl.request(named: "Resolve URL"))
        XCTAssertEqual(resolve.url.path, [":action"])
        XCTAssertEqual(resolve.url.pathVariables, [PostmanKeyValue("action", "post")])
        XCTAssertEqual(resolve.requestExample().url, "https://postman-echo.com/post", "a path variable with a value is substituted")
        XCTAssertEqual(resolve.requestExample().body?.contentType, "application/x-www-form-urlencoded", "the declared Content-Type wins over the raw default")

        let form = try XCTUnwrap(curl.request(named: "POST form data with file"))
        XCTAssertEqual(form.body, .formData([
            PostmanFormPart(key: "fdjks", value: "dsf"),
            PostmanFormPart(key: "&^%", value: "helo"),
            PostmanFormPart(key: "12", value: "\"23\""),
            PostmanFormPart(key: "'123'", value: "'\"23\\\"4\\\"\"'"),
        ]), "the disabled empty part is dropped")
        XCTAssertEqual(curl.warnings, [])

        let csharp = try Self.read("unit-fixtures/csharp-restsharp.collection.json")
        let csharpForm = try XCTUnwrap(csharp.request(named: "POST form data with file"))
        XCTAssertEqual(csharpForm.headers, [], "both Content-Type headers are disabled")
        XCTAssertEqual(csharpForm.body, .formData([
            PostmanFormPart(key: "sdf", value: ""),
            PostmanFormPart(key: "12", value: nil, files: ["package.json"]),
            PostmanFormPart(key: "'123'", value: "'\"23\"4\"\"'"),
        ]))

        let python = try Self.read("unit-fixtures/python-http.client.sample_collection.json")
        let options = try XCTUnwrap(python.request(named: "OPTIONS to postman echo"))
        XCTAssertNil(options.auth, "noauth")
        let quotes = try XCTUnwrap(python.request(named: "Resolve URL (Quotes + Special Characters) Copy"))
        XCTAssertEqual(quotes.url.query, [PostmanQueryItem("a", "!@$^*()_-`%26"), PostmanQueryItem("b", ",./';[]}{\":/?><||")])
        XCTAssertEqual(quotes.requestExample().url, "https://postman-echo.com/post")
    }
}
