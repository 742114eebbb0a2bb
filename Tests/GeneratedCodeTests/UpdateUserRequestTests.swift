import Auth0Management
import Foundation
import XCTest

/// The checked-in generated target in use: what users of the Auth0 types rely on.
final class UpdateUserRequestTests: XCTestCase {
    /// Encodes with sorted keys so expected JSON can be written literally.
    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testAbsentFieldsAreOmitted() throws {
        XCTAssertEqual(try json(UpdateUserRequestContent()), "{}")
        XCTAssertEqual(try json(UpdateUserRequestContent(blocked: false)), #"{"blocked":false}"#)
    }

    func testExplicitNullIsEncodedAndValuesAreKept() throws {
        var body = UpdateUserRequestContent(givenName: "John", familyName: .null)
        body.picture = .null
        XCTAssertEqual(try json(body), #"{"family_name":null,"given_name":"John","picture":null}"#)
        body.picture = .absent
        XCTAssertEqual(try json(body), #"{"family_name":null,"given_name":"John"}"#)
    }

    func testThreeStatesSurviveDecoding() throws {
        let decoded = try JSONDecoder().decode(UpdateUserRequestContent.self, from: Data(#"{"nickname":null,"name":"N"}"#.utf8))
        XCTAssertEqual(decoded.nickname, .null)
        XCTAssertEqual(decoded.name, .value("N"))
        XCTAssertEqual(decoded.givenName, .absent)
        XCTAssertEqual(try json(decoded), #"{"name":"N","nickname":null}"#)
    }

    func testMetadataKeyDeletionAndClearing() throws {
        let body = UpdateUserRequestContent(userMetadata: ["hobby": .null, "addresses": ["home": "123 Main Street"]], appMetadata: [:])
        XCTAssertEqual(try json(body), #"{"app_metadata":{},"user_metadata":{"addresses":{"home":"123 Main Street"},"hobby":null}}"#)
    }

    func testUnknownMembersAreKeptAndSent() throws {
        let decoded = try JSONDecoder().decode(UpdateUserRequestContent.self, from: Data(#"{"blocked":true,"custom_attr":{"x":[1,null]}}"#.utf8))
        XCTAssertEqual(decoded.additionalProperties["custom_attr"], ["x": [1, nil]])
        XCTAssertEqual(try json(decoded), #"{"blocked":true,"custom_attr":{"x":[1,null]}}"#)
    }

    func testRealisticUserBodyDecodes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/auth0/user-response.json")
        let user = try JSONDecoder().decode(UpdateUserResponseContent.self, from: Data(contentsOf: url))
        XCTAssertEqual(user.userId, "auth0|643673cd6a5b1c6d8e7f9012")
        XCTAssertEqual(user.loginsCount, 57)
        XCTAssertEqual(user.createdAt, Date(timeIntervalSince1970: 1_681_291_293.274))
        // 17:05:09.100+01:00 is 16:05:09.100Z.
        XCTAssertEqual(user.updatedAt, Date(timeIntervalSince1970: 1_730_563_509.1))
        XCTAssertEqual(user.lastPasswordReset, Date(timeIntervalSince1970: 1_705_305_600))
        let identities = try XCTUnwrap(user.identities)
        XCTAssertEqual(identities.count, 3)
        XCTAssertEqual(identities[0].provider, .auth0)
        XCTAssertEqual(identities[0].userId, .string("643673cd6a5b1c6d8e7f9012"))
        XCTAssertEqual(identities[1].userId, .integer(1_048_582_055))
        XCTAssertEqual(identities[1].profileData?.givenName, "Jane")
        XCTAssertEqual(identities[1].profileData?.additionalProperties["locale"], "en")
        XCTAssertEqual(identities[2].provider?.rawValue, "some-future-provider")
        XCTAssertEqual(identities[2].provider?.isKnown, false)
        XCTAssertEqual(user.userMetadata?["addresses"], ["home": "123 Main Street, Anytown, ST 12345"])
        XCTAssertEqual(user.appMetadata?["roles"], ["admin", "billing"])
        XCTAssertEqual(user.additionalProperties["some_new_field_auth0_added"], ["nested": [1, 2, 3]])
        // Dates re-encode in RFC 3339 with milliseconds, in UTC.
        XCTAssertTrue(try json(user).contains(#""updated_at":"2024-11-02T16:05:09.100Z""#))
    }

    // MARK: Validators at the boundaries

    func rules(_ body: UpdateUserRequestContent) -> [String] { body.validate().map(\.description) }

    func testLengthsCountCodePoints() {
        // 150 emoji are 150 code points (300 UTF-16 units): valid; 151 are not.
        XCTAssertEqual(rules(UpdateUserRequestContent(givenName: .value(String(repeating: "😀", count: 150)))), [])
        XCTAssertEqual(rules(UpdateUserRequestContent(givenName: .value(String(repeating: "😀", count: 151)))),
                       ["/given_name: maxLength: must be at most 150 characters long (found 151)"])
        // A flag is one character but two code points: 76 flags are 152 code points.
        XCTAssertEqual(rules(UpdateUserRequestContent(familyName: .value(String(repeating: "🇺🇸", count: 75)))), [])
        XCTAssertEqual(rules(UpdateUserRequestContent(familyName: .value(String(repeating: "🇺🇸", count: 76)))),
                       ["/family_name: maxLength: must be at most 150 characters long (found 152)"])
        XCTAssertEqual(rules(UpdateUserRequestContent(givenName: "")), ["/given_name: minLength: must be at least 1 character long (found 0)"])
        XCTAssertEqual(rules(UpdateUserRequestContent(givenName: .null)), [], "null removes the attribute and is allowed")
    }

    func testPhonePattern() {
        XCTAssertEqual(rules(UpdateUserRequestContent(phoneNumber: "+123456789012345")), [])
        XCTAssertEqual(rules(UpdateUserRequestContent(phoneNumber: "+1234567890123456")), [#"/phone_number: pattern: does not match the pattern ^\+[0-9]{1,15}$"#])
        XCTAssertEqual(rules(UpdateUserRequestContent(phoneNumber: "14155550100")).count, 1)
        // ECMA-262 `$` is the end of input: a trailing newline does not match.
        XCTAssertEqual(rules(UpdateUserRequestContent(phoneNumber: "+14155550100\n")).count, 1)
        // `[0-9]` means ASCII digits only.
        XCTAssertEqual(rules(UpdateUserRequestContent(phoneNumber: "+١٢٣")).count, 1)
    }

    func testEmailAndPictureFormats() {
        for good in ["john.doe@gmail.com", "a+tag@sub.example.co.uk", "x@localhost"] {
            XCTAssertEqual(rules(UpdateUserRequestContent(email: .value(good))), [], good)
        }
        for bad in ["john", "john@", "@example.com", "a b@example.com", "john@@example.com", "john@exa mple.com"] {
            XCTAssertEqual(rules(UpdateUserRequestContent(email: .value(bad))), ["/email: format: is not a valid email address"], bad)
        }
        let gravatar = "https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png"
        XCTAssertEqual(rules(UpdateUserRequestContent(picture: .value(gravatar))), [])
        for bad in ["not a url", "ftp://example.com/a.png", "https://exa mple.com/a.png", "https://", "//example.com/a.png", "https://example.com/%zz"] {
            XCTAssertEqual(rules(UpdateUserRequestContent(picture: .value(bad))), ["/picture: format: is not a valid absolute http(s) URL"], bad)
        }
    }

    func testNullWhereNotNullableIsReported() throws {
        let decoded = try JSONDecoder().decode(UpdateUserRequestContent.self, from: Data(#"{"blocked":null,"connection":null,"email":null}"#.utf8))
        XCTAssertEqual(rules(decoded), [
            "/blocked: type: null is not allowed here; leave the member out instead",
            "/connection: type: null is not allowed here; leave the member out instead",
        ])
    }

    func testEveryViolationIsReportedAtOnce() {
        let body = UpdateUserRequestContent(email: "nope", phoneNumber: "555", givenName: "", password: "", connection: "")
        XCTAssertEqual(rules(body), [
            "/email: format: is not a valid email address",
            #"/phone_number: pattern: does not match the pattern ^\+[0-9]{1,15}$"#,
            "/given_name: minLength: must be at least 1 character long (found 0)",
            "/password: minLength: must be at least 1 character long (found 0)",
            "/connection: minLength: must be at least 1 character long (found 0)",
        ])
    }
}
