import Auth0Management
import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The generated `SpecGenStyle` (part of every generated client) against the OpenAPI 3.1.1 "Style Examples"
/// table, every defined cell byte for byte (Tests/Fixtures/openapi-spec), plus what the table leaves out:
/// nesting, form bodies, multipart bodies, cookies and credentials.
final class ParameterStyleTests: XCTestCase {
    static let values: [String: SpecGenWireValue] = [
        "undefined": .undefined,
        "string": .primitive("blue"),
        "array": .array([.primitive("blue"), .primitive("black"), .primitive("brown")]),
        "object": .object([SpecGenWireMember("R", .primitive("100")), SpecGenWireMember("G", .primitive("200")), SpecGenWireMember("B", .primitive("150"))]),
    ]

    func testEveryCellOfTheSpecsStyleExamplesTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/openapi-spec/style-examples-3.1.1.md")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let columns = lines[0].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
        var checked = 0
        for line in lines.dropFirst(2) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { cell in
                cell.replacingOccurrences(of: #"<span style="white-space: nowrap;">"#, with: "").replacingOccurrences(of: "</span>", with: "")
                    .trimmingCharacters(in: .whitespaces)
            }
            let style = cells[0], explode = cells[1] == "true"
            for (index, expectedCell) in cells.enumerated().dropFirst(2) where expectedCell != "_n/a_" {
                let value = try XCTUnwrap(Self.values[columns[index]], columns[index])
                let expected = expectedCell == "_empty_" ? "" : expectedCell
                let actual: String
                if ["matrix", "label", "simple"].contains(style) {
                    actual = SpecGenStyle.path("color", value, style: style, explode: explode)
                } else {
                    actual = "?" + SpecGenStyle.query("color", value, style: style, explode: explode).joined(separator: "&")
                }
                XCTAssertEqual(actual, expected, "\(style) explode=\(explode) \(columns[index])")
                checked += 1
            }
        }
        // 6 path-style rows x 4 values + form 2 x 4 + spaceDelimited, pipeDelimited 2 each + deepObject 1.
        XCTAssertEqual(checked, 37)
    }

    func testDeepObjectNestsToAnyDepthAndArraysFollowStripesConvention() {
        let value = SpecGenWireValue.of(["metadata": ["plan": "gold"], "expand": ["a"]] as [String: JSONValue])
        XCTAssertEqual(SpecGenStyle.query("p", value, style: "deepObject"), ["p%5Bexpand%5D%5B%5D=a", "p%5Bmetadata%5D%5Bplan%5D=gold"])
        let items: SpecGenWireValue = .array([.object([SpecGenWireMember("price", .primitive("p_1")), SpecGenWireMember("quantity", .primitive("2"))])])
        XCTAssertEqual(SpecGenStyle.query("items", items, style: "deepObject"), ["items%5B0%5D%5Bprice%5D=p_1", "items%5B0%5D%5Bquantity%5D=2"])
        XCTAssertEqual(SpecGenStyle.query("created", .object([SpecGenWireMember("gt", .primitive("5"))]), style: "deepObject"), ["created%5Bgt%5D=5"])
    }

    func testFormBodyWithEncodingNullsAndReservedCharacters() {
        let body: JSONValue = ["email": "jane+1@example.com", "metadata": ["plan": "gold", "old": .null], "expand": ["sources"], "description": .null, "balance": 5, "tax_exempt": true]
        let encoded = SpecGenStyle.form(SpecGenWireValue.of(body), encoding: [
            "metadata": SpecGenStyle.Encoding(style: "deepObject", explode: true),
            "expand": SpecGenStyle.Encoding(style: "deepObject", explode: true),
        ])
        XCTAssertEqual(String(decoding: encoded, as: UTF8.self),
                       "balance=5&description=&email=jane%2B1%40example.com&expand%5B%5D=sources&metadata%5Bold%5D=&metadata%5Bplan%5D=gold&tax_exempt=true")
        XCTAssertEqual(SpecGenStyle.query("q", .primitive("a/b?c&d=e#f[g]"), allowReserved: true), ["q=a/b?c%26d%3De%23f%5Bg%5D"])
        XCTAssertEqual(SpecGenStyle.query("q", .primitive("a/b?c"), allowReserved: false), ["q=a%2Fb%3Fc"])
    }

    func testHeadersAndCookies() {
        XCTAssertEqual(SpecGenStyle.header(Self.values["array"]!), "blue,black,brown")
        XCTAssertEqual(SpecGenStyle.header(Self.values["object"]!, explode: true), "R=100,G=200,B=150")
        XCTAssertEqual(SpecGenStyle.cookie("id", .primitive("a b;c")), ["id=a%20b%3Bc"])
        XCTAssertEqual(SpecGenStyle.cookie("c", Self.values["array"]!, explode: false), ["c=blue,black,brown"])
    }

    func testMultipartBodyHasItsBoundaryAndTypedParts() throws {
        var body = SpecGenMultipart()
        body.append("file", file: SpecGenFile(data: Data("hello\r\n--not-a-boundary".utf8), fileName: "a \"b\".txt", contentType: "text/plain"))
        body.append("purpose", value: .primitive("fine-tune"))
        body.append("meta", value: SpecGenWireValue.of(["k": 1] as [String: Int]))
        XCTAssertTrue(body.contentType.hasPrefix("multipart/form-data; boundary=SpecGen-"))
        XCTAssertNotEqual(SpecGenMultipart().boundary, SpecGenMultipart().boundary)
        let text = String(decoding: body.data, as: UTF8.self)
        let boundary = body.boundary
        XCTAssertEqual(text, "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a %22b%22.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--not-a-boundary\r\n"
                       + "--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
                       + "--\(boundary)\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"k\":1}\r\n--\(boundary)--\r\n")
    }

    func testCredentialsFollowTheOperationsSecurity() async throws {
        var request = URLRequest(url: URL(string: "https://example.com/x")!)
        let token = SpecGenToken(provider: { "fresh-token" })
        let client = APIClient(baseURL: URL(string: "https://example.com")!, credentials: Credentials(bearerAuth: token))
        try await client.authorize(&request, security: [["bearerAuth"], ["oAuth2ClientCredentials"]])
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Bearer fresh-token")
        var anonymous = URLRequest(url: URL(string: "https://example.com/x")!)
        try await client.authorize(&anonymous, security: [])
        XCTAssertNil(anonymous.value(forHTTPHeaderField: "Authorization"))
        // The bearerToken shortcut fills both bearer-like schemes; an alternative needing an unset scheme is skipped.
        let shortcut = APIClient(baseURL: URL(string: "https://example.com")!, bearerToken: "T")
        var second = URLRequest(url: URL(string: "https://example.com/x")!)
        try await shortcut.authorize(&second, security: [["missing"], ["oAuth2ClientCredentials"]])
        XCTAssertEqual(second.value(forHTTPHeaderField: "Authorization"), "Bearer T")
        XCTAssertEqual(SpecGenBasicCredentials(username: "sk_test", password: "").headerValue, "Basic c2tfdGVzdDo=")
    }
}
