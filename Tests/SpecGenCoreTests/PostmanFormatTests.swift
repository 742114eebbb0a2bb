import XCTest
@testable import SpecGenCore

/// v2.0 shapes, folders, auth inheritance, variables and malformed input.
final class PostmanFormatTests: XCTestCase {
    func load() throws -> PostmanCollection {
        let collection = try DocumentLoader.load(path: fixtureURL("postman/v20-folders-auth.postman_collection.json").path)
        let environment = try DocumentLoader.load(path: fixtureURL("postman/v20.postman_environment.json").path)
        return try PostmanCollectionReader().read(collection, environment: environment)
    }

    func testVersionVariablesAndWarnings() throws {
        let collection = try load()
        XCTAssertEqual(collection.version, .v2_0)
        XCTAssertEqual(collection.description, "<p>Collection <b>description</b></p>")
        XCTAssertEqual(collection.description.map(PostmanHTML.markdown(from:)), "Collection **description**")
        XCTAssertEqual(collection.variables.map(\.key), ["baseUrl", "userId", "token", "user", "apiKey", "host", "userId"])
        XCTAssertEqual(collection.variables.map(\.scope), [.collection, .collection, .collection, .environment, .environment, .environment, .environment])
        XCTAssertEqual(collection.requests.map(\.name), ["Top level (inherits collection basic auth)", "Inherits folder api key", "Own bearer", "No auth", "Key in query", "Digest", "Just a URL string"])
        XCTAssertEqual(collection.requests.map(\.folderPath), [[], ["Admin", "Nested"], ["Admin", "Nested"], ["Admin", "Nested"], ["Admin", "Query api key and digest"], ["Admin", "Query api key and digest"], []])
        let rendered = collection.warnings.map(\.description)
        XCTAssertEqual(rendered.count, 3, rendered.joined(separator: "\n"))
        XCTAssertTrue(rendered[0].contains("v20-folders-auth.postman_collection.json:70:83:") && rendered[0].contains("\"digest\" authentication is not turned into headers") && rendered[0].hasSuffix("(at /item/1/item/1/item/1/request/auth/type)"), rendered[0])
        XCTAssertTrue(rendered[1].contains(":77:35:") && rendered[1].contains("\"request\" should be an object or a URL string, found integer; item \"Broken\" is skipped"), rendered[1])
        XCTAssertTrue(rendered[2].contains(":78:5:") && rendered[2].contains("item \"Empty\" has neither"), rendered[2])
    }

    func testStringURLStringHeadersAndCollectionBasicAuth() throws {
        let item = try XCTUnwrap(load().requests.first)
        XCTAssertEqual(item.method, "GET")
        XCTAssertNil(item.url.scheme)
        XCTAssertEqual(item.url.host, ["{{baseUrl}}"])
        XCTAssertEqual(item.url.path, ["users", "{{userId}}"])
        XCTAssertEqual(item.url.query, [PostmanQueryItem("expand", "true"), PostmanQueryItem("flag", nil)])
        XCTAssertEqual(item.url.hash, "section")
        XCTAssertEqual(item.headers, [PostmanKeyValue("Accept", "application/json"), PostmanKeyValue("X-Trace", "abc")])
        XCTAssertEqual(item.auth, .basic(username: "{{user}}", password: "p@ss:word"))

        let raw = item.requestExample()
        XCTAssertEqual(raw.url, "{{baseUrl}}/users/{{userId}}")
        XCTAssertEqual(raw.query, [NameValue("expand", "true"), NameValue("flag", "")])
        XCTAssertEqual(raw.header("Authorization"), "Basic e3t1c2VyfX06cEBzczp3b3Jk")
        XCTAssertNil(raw.body)

        let resolved = item.requestExample(resolveVariables: true)
        XCTAssertEqual(resolved.url, "https://api.example.com:8443/v1/users/7", "the environment's userId wins over the collection's")
        XCTAssertEqual(resolved.header("Authorization"), "Basic YWxpY2U6cEBzczp3b3Jk")
    }

    func testFolderAuthPathVariablesAndOverrides() throws {
        let requests = try load().requests
        let folderKey = requests[1]
        XCTAssertEqual(folderKey.method, "DELETE")
        XCTAssertEqual(folderKey.url.host, ["{{host}}"])
        XCTAssertEqual(folderKey.url.path, ["a", ":section", "b", ""])
        XCTAssertEqual(folderKey.auth, .apiKey(key: "X-Api-Key", value: "{{apiKey}}", inQuery: false))
        XCTAssertEqual(folderKey.requestExample().url, "https://{{host}}/a/{{userId}}/b/")
        let resolvedKey = folderKey.requestExample(resolveVariables: true)
        XCTAssertEqual(resolvedKey.url, "https://h.example.com/a/7/b/")
        XCTAssertEqual(resolvedKey.headers, [NameValue("X-Api-Key", "k-123")])

        let bearer = requests[2]
        XCTAssertEqual(bearer.auth, .bearer(token: "{{token}}"))
        XCTAssertEqual(bearer.requestExample().header("authorization"), "Bearer {{token}}")
        let resolvedBearer = bearer.requestExample(resolveVariables: true)
        XCTAssertEqual(resolvedBearer.header("authorization"), "Bearer folder-token", "folder variables override collection variables")
        XCTAssertEqual(resolvedBearer.body, .urlEncoded([NameValue("a", "1"), NameValue("c", "7")]))

        let noAuth = requests[3]
        XCTAssertNil(noAuth.auth)
        XCTAssertEqual(noAuth.body, .raw("{\"id\": {{userId}}}", language: "json"))
        XCTAssertEqual(noAuth.requestExample().headers, [])
        XCTAssertEqual(noAuth.requestExample().body, .text("{\"id\": {{userId}}}", contentType: "application/json"))
        XCTAssertEqual(noAuth.requestExample(resolveVariables: true).body, .text("{\"id\": 7}", contentType: "application/json"))

        let query = requests[4]
        XCTAssertEqual(query.auth, .apiKey(key: "api_key", value: "secret", inQuery: true))
        XCTAssertEqual(query.requestExample().query, [NameValue("api_key", "secret")])
        XCTAssertEqual(query.requestExample().headers, [])

        XCTAssertEqual(requests[5].auth, .unsupported(type: "digest"))
        XCTAssertEqual(requests[5].requestExample().headers, [])

        let plain = requests[6]
        XCTAssertEqual(plain.requestExample().url, "https://example.org/ping")
        XCTAssertEqual(plain.auth, .basic(username: "{{user}}", password: "p@ss:word"))
    }

    func testV21AuthArraysAndRawParts() throws {
        let text = """
        {"info": {"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         "auth": {"type": "oauth2", "oauth2": [{"key": "accessToken", "value": "tok"}, {"key": "headerPrefix", "value": "Token"}]},
         "item": [
          {"name": "a", "request": {"method": "POST", "url": {"raw": "http://u:p@example.com:8080/x?y=1#z"},
            "body": {"mode": "graphql", "graphql": {"query": "{ a }", "variables": "{\\"n\\": {{num}}}"}}}},
          {"name": "b", "request": {"method": "POST", "url": "example.com/upload", "body": {"mode": "file", "file": {"src": "/tmp/x.bin"}}}},
          {"name": "c", "request": {"method": "POST", "url": "example.com", "body": {"mode": "raw", "raw": "<a/>", "options": {"raw": {"language": "xml"}}, "disabled": true}}}
         ]}
        """
        let collection = try PostmanCollectionReader().read(JSONReader().read(text: text, path: "inline.json"))
        XCTAssertEqual(collection.version, .v2_1)
        XCTAssertEqual(collection.warnings, [])
        let graphql = collection.requests[0]
        XCTAssertEqual(graphql.url.scheme, "http")
        XCTAssertEqual(graphql.url.host, ["example", "com"])
        XCTAssertEqual(graphql.url.port, "8080")
        XCTAssertEqual(graphql.url.path, ["x"])
        XCTAssertEqual(graphql.url.query, [PostmanQueryItem("y", "1")])
        XCTAssertEqual(graphql.url.hash, "z")
        XCTAssertEqual(graphql.auth, .bearer(token: "tok", prefix: "Token"))
        let example = graphql.requestExample()
        XCTAssertEqual(example.url, "http://example.com:8080/x")
        XCTAssertEqual(example.header("Authorization"), "Token tok")
        // Variables that are not JSON until resolved are spliced in as written.
        XCTAssertEqual(example.body, .text("{\"query\":\"{ a }\",\"variables\":{\"n\": {{num}}}}", contentType: "application/json"))

        XCTAssertEqual(collection.requests[1].body, .file(src: "/tmp/x.bin"))
        XCTAssertEqual(collection.requests[1].url.host, ["example", "com"])
        XCTAssertEqual(collection.requests[1].url.path, ["upload"])
        XCTAssertNil(collection.requests[1].requestExample().body)
        XCTAssertNil(collection.requests[2].body, "a disabled body is not sent")
    }

    func testMalformedInputGivesLocatedDiagnostics() throws {
        XCTAssertThrowsError(try PostmanCollectionReader().read(JSONReader().read(text: "[1]", path: "a.json"))) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.description, "a.json:1:1: error: a Postman collection must be a JSON object, found array (at /)")
        }
        XCTAssertThrowsError(try PostmanCollectionReader().read(JSONReader().read(text: "{\"info\": {},\n \"requests\": []}", path: "v1.json"))) { error in
            let text = (error as? DiagnosticsError)?.description ?? ""
            XCTAssertTrue(text.hasPrefix("v1.json:2:14: error: this is a Postman collection v1 document"), text)
            XCTAssertTrue(text.contains("hint: in Postman, export the collection as Collection v2.1"), text)
        }
        let odd = """
        {"info": {"name": "odd"}, "item": [
          {"name": "x", "request": {"method": 5, "url": {"host": 3, "path": [1, {"value": "v"}, true], "query": [{"key": "q"}, "bad"]},
            "header": [{"value": "no key"}, {"key": "k", "value": 9}], "body": {"mode": "soap"}, "auth": {"type": "bearer", "bearer": "zzz"}}},
          {"name": "y", "item": {"not": "an array"}}
        ]}
        """
        let collection = try PostmanCollectionReader().read(JSONReader().read(text: odd, path: "odd.json"))
        XCTAssertEqual(collection.requests.count, 1)
        let item = collection.requests[0]
        XCTAssertEqual(item.method, "GET")
        XCTAssertEqual(item.url.path, ["1", "v", "true"])
        XCTAssertEqual(item.url.query, [PostmanQueryItem("q", nil)])
        XCTAssertEqual(item.headers, [PostmanKeyValue("k", "9")])
        XCTAssertNil(item.body)
        XCTAssertEqual(item.auth, .bearer(token: ""))
        let pointers = collection.warnings.compactMap(\.pointer)
        XCTAssertEqual(pointers, ["/info/schema", "/item/0/request/method", "/item/0/request/url/host", "/item/0/request/url/query/1", "/item/0/request/header/0", "/item/0/request/body/mode", "/item/1/item"])
        XCTAssertTrue(collection.warnings.allSatisfy { $0.location?.file == "odd.json" && $0.severity == .warning })
    }
}
