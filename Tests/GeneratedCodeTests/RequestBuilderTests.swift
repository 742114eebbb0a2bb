import Auth0Management
import Foundation
import SpecGenTestSupport
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The generated request builder and `send` against a loopback server.
final class RequestBuilderTests: XCTestCase {
    let forbiddenPairs: [(UpdateUserRequestContent, String, String)] = [
        (UpdateUserRequestContent(email: "a@example.com", password: "secret"), "/email", "Cannot update password and email simultaneously."),
        (UpdateUserRequestContent(emailVerified: true, password: "secret"), "/email_verified", "Cannot update password and email_verified simultaneously."),
        (UpdateUserRequestContent(email: "a@example.com", username: "jane"), "/email", "Cannot update username and email simultaneously."),
        (UpdateUserRequestContent(emailVerified: false, username: "jane"), "/email_verified", "Cannot update username and email_verified simultaneously."),
        (UpdateUserRequestContent(password: "secret", username: "jane"), "/password", "Cannot update username and password simultaneously."),
    ]

    func testOverlayForbiddenCombinationsAreEnforced() {
        for (body, pointer, message) in forbiddenPairs {
            XCTAssertEqual(body.validate().map(\.description), ["\(pointer): not: \(message)"])
        }
        // Alone, each member is fine; null counts as present (Auth0 still refuses the pair).
        XCTAssertEqual(UpdateUserRequestContent(email: "a@example.com").validate(), [])
        XCTAssertEqual(UpdateUserRequestContent(password: .null, username: "jane").validate().map(\.rule), ["not"])
    }

    func testServerURLAndRequestShape() async throws {
        let base = try XCTUnwrap(APIClient.serverURL(tenantDomain: "dev-abc.us.auth0.com"))
        XCTAssertEqual(base.absoluteString, "https://dev-abc.us.auth0.com/api/v2")
        let client = APIClient(baseURL: base, bearerToken: "TOKEN")
        let operation = Operations.PatchUsersById(id: "auth0|507f 1/2?", body: UpdateUserRequestContent(givenName: "John", familyName: .null))
        var request = try operation.makeRequest(client: client)
        XCTAssertNil(request.value(forHTTPHeaderField: "Authorization"), "credentials are added by send, from the operation's security")
        try await client.authorize(&request, security: Operations.PatchUsersById.security)
        XCTAssertEqual(request.httpMethod, "PATCH")
        XCTAssertEqual(request.url?.absoluteString, "https://dev-abc.us.auth0.com/api/v2/users/auth0%7C507f%201%2F2%3F")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), "Bearer TOKEN")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Content-Type"), "application/json")
        XCTAssertEqual(request.httpBody.map { String(decoding: $0, as: UTF8.self) }, #"{"family_name":null,"given_name":"John"}"#)
        XCTAssertNil(request.value(forHTTPHeaderField: "auth0-custom-domain"))
        let custom = try Operations.PatchUsersById(id: "x", auth0CustomDomain: "login.example.com").makeRequest(client: client)
        XCTAssertEqual(custom.value(forHTTPHeaderField: "auth0-custom-domain"), "login.example.com")
        XCTAssertNil(custom.httpBody)
    }

    func testSendDecodesTheResponseAndSendsExactlyTheBuiltRequest() async throws {
        let server = try EchoServer()
        let user = #"{"user_id":"auth0|507f","email":"jane@example.com","given_name":"John","created_at":"2023-04-12T09:21:33.274Z","identities":[{"provider":"auth0","user_id":"507f","connection":"Username-Password-Authentication","isSocial":false}]}"#
        try await server.queueResponse(status: 200, headers: [["Content-Type", "application/json"]], body: user)
        let client = APIClient(baseURL: URL(string: server.baseURL + "/api/v2")!, bearerToken: "MGMT_TOKEN")
        let body = UpdateUserRequestContent(userMetadata: ["hobby": .null], givenName: "John", familyName: .null)
        let result = try await client.patchUsersById(Operations.PatchUsersById(id: "auth0|507f", body: body))
        XCTAssertEqual(result.userId, "auth0|507f")
        XCTAssertEqual(result.identities?.first?.provider, .auth0)
        XCTAssertEqual(result.createdAt, Date(timeIntervalSince1970: 1_681_291_293.274))

        let received = try await server.requests().last.unwrap()
        XCTAssertEqual(received.method, "PATCH")
        XCTAssertEqual(received.path, "/api/v2/users/auth0%7C507f")
        XCTAssertEqual(received.header("authorization"), "Bearer MGMT_TOKEN")
        XCTAssertEqual(received.header("content-type"), "application/json")
        let sent = try JSONSerialization.jsonObject(with: received.body) as? NSDictionary
        XCTAssertEqual(sent, ["family_name": NSNull(), "given_name": "John", "user_metadata": ["hobby": NSNull()]] as NSDictionary)
    }

    func testRateLimitedResponseBecomesATypedError() async throws {
        let server = try EchoServer()
        let reset = 1_767_225_600
        try await server.queueResponse(status: 429, headers: [["X-RateLimit-Limit", "50"], ["X-RateLimit-Remaining", "0"], ["X-RateLimit-Reset", "\(reset)"], ["Retry-After", "3"]],
                                 body: #"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}"#)
        let client = APIClient(baseURL: URL(string: server.baseURL + "/api/v2")!, bearerToken: "T")
        do {
            _ = try await client.patchUsersById(Operations.PatchUsersById(id: "u1", body: UpdateUserRequestContent(blocked: true)))
            XCTFail("a 429 must throw")
        } catch let error as APIError {
            XCTAssertEqual(error.statusCode, 429)
            guard case .tooManyRequests? = error.output(as: Operations.PatchUsersById.Output.self) else {
                return XCTFail("the documented 429 is the error's output: \(String(describing: error.output))")
            }
            XCTAssertEqual(error.jsonBody, ["statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached", "errorCode": "too_many_requests"])
            XCTAssertEqual(error.rateLimitLimit, 50)
            XCTAssertEqual(error.rateLimitRemaining, 0)
            XCTAssertEqual(error.rateLimitReset, Date(timeIntervalSince1970: TimeInterval(reset)))
            XCTAssertEqual(error.retryAfter, 3)
            XCTAssertTrue(error.description.hasPrefix(#"APIError 429: {"statusCode":429"#), error.description)
        }
    }

    func testErrorBodyWithoutMessageOrErrorCode() async throws {
        let server = try EchoServer()
        try await server.queueResponse(status: 400, body: #"{"statusCode":400,"error":"Bad Request"}"#)
        let client = APIClient(baseURL: URL(string: server.baseURL)!)
        do {
            _ = try await client.patchUsersById(Operations.PatchUsersById(id: "u1"))
            XCTFail("a 400 must throw")
        } catch let error as APIError {
            XCTAssertEqual(error.statusCode, 400)
            guard case .badRequest? = error.output(as: Operations.PatchUsersById.Output.self) else {
                return XCTFail("the documented 400 is the error's output")
            }
            XCTAssertEqual(error.jsonBody, ["statusCode": 400, "error": "Bad Request"])
            XCTAssertNil(error.retryAfter)
            XCTAssertNil(error.rateLimitLimit)
        }
    }
}

extension Optional {
    func unwrap(file: StaticString = #filePath, line: UInt = #line) throws -> Wrapped {
        guard let value = self else {
            XCTFail("expected a value", file: file, line: line)
            throw CancellationError()
        }
        return value
    }
}
