import XCTest
@testable import SpecGenCore

/// `SwiftNaming` (spec names → Swift identifiers) and `UniqueNamer` (unique names in one scope).
final class NamingTests: XCTestCase {
    func testWordsSplitOnSeparatorsCaseChangesAndAcronyms() {
        XCTAssertEqual(SwiftNaming.words("user_metadata"), ["user", "metadata"])
        XCTAssertEqual(SwiftNaming.words("X-RateLimit-Limit"), ["X", "Rate", "Limit", "Limit"])
        XCTAssertEqual(SwiftNaming.words("profileData"), ["profile", "Data"])
        XCTAssertEqual(SwiftNaming.words("HTTPStatus2"), ["HTTP", "Status2"])
        XCTAssertEqual(SwiftNaming.words("  a..b  "), ["a", "b"])
        XCTAssertEqual(SwiftNaming.words("café_au_lait"), ["caf", "au", "lait"], "non-ASCII letters separate words")
        XCTAssertEqual(SwiftNaming.words(""), [])
    }

    func testLowerCamel() {
        XCTAssertEqual(SwiftNaming.lowerCamel("user_metadata"), "userMetadata")
        XCTAssertEqual(SwiftNaming.lowerCamel("X-RateLimit-Limit"), "xRateLimitLimit")
        XCTAssertEqual(SwiftNaming.lowerCamel("HTTP_status"), "httpStatus", "a leading acronym is lowered whole")
        XCTAssertEqual(SwiftNaming.lowerCamel("ID"), "iD", "a single word only lowers its first letter")
        XCTAssertEqual(SwiftNaming.lowerCamel("2fa_enabled"), "_2faEnabled", "identifiers cannot start with a digit")
        XCTAssertEqual(SwiftNaming.lowerCamel(""), "empty")
        XCTAssertEqual(SwiftNaming.lowerCamel("😀"), "name_1f600", "no ASCII word: a stable spelled-out form")
        XCTAssertNotEqual(SwiftNaming.lowerCamel("😀"), SwiftNaming.lowerCamel("😁"), "distinct names stay distinct")
        XCTAssertEqual(SwiftNaming.lowerCamel("a+"), "a_2b", "one word with punctuation keeps a suffix so a and a+ differ")
    }

    func testUpperCamel() {
        XCTAssertEqual(SwiftNaming.upperCamel("user_identity"), "UserIdentity")
        XCTAssertEqual(SwiftNaming.upperCamel("UpdateUserRequestContent"), "UpdateUserRequestContent")
        XCTAssertEqual(SwiftNaming.upperCamel("get-users-by-id"), "GetUsersById")
        XCTAssertEqual(SwiftNaming.upperCamel("404_response"), "_404Response")
        XCTAssertEqual(SwiftNaming.upperCamel(""), "Empty")
        XCTAssertEqual(SwiftNaming.upperCamel("élan"), "Lan", "non-ASCII letters are dropped from words")
    }

    func testKeywordsAreEscapedInDeclarationsAndBareAsLabels() {
        XCTAssertEqual(SwiftNaming.escaped("default"), "`default`")
        XCTAssertEqual(SwiftNaming.escaped("Type"), "Type", "not a keyword")
        XCTAssertEqual(SwiftNaming.escaped("userMetadata"), "userMetadata")
        XCTAssertEqual(SwiftNaming.argumentLabel("default"), "default")
        XCTAssertEqual(SwiftNaming.argumentLabel("inout"), "`inout`")
        XCTAssertEqual(SwiftNaming.argumentLabel("var"), "`var`")
        for keyword in ["class", "func", "self", "Self", "_", "any", "some"] {
            XCTAssertEqual(SwiftNaming.escaped(keyword), "`\(keyword)`", keyword)
        }
    }

    func testUniqueNamerNumbersCollisionsCaseInsensitively() {
        var namer = UniqueNamer(reserved: ["Type", "init"])
        XCTAssertEqual(namer.claim("Pet"), "Pet")
        XCTAssertEqual(namer.claim("pet"), "pet2", "Pet.swift and pet.swift would clash on a case-insensitive file system")
        XCTAssertEqual(namer.claim("PET"), "PET3")
        XCTAssertEqual(namer.claim("Pet2"), "Pet22", "an earlier suffix is taken, so the next number is appended")
        XCTAssertEqual(namer.claim("type"), "type2", "reserved names are never handed out")
        XCTAssertEqual(namer.claim("Init"), "Init2")
        XCTAssertEqual(namer.claim("Owner"), "Owner")
    }

    func testNamersSharingAReservedSetAreIndependentScopes() {
        let reserved = ReservedNames(["Output"])
        var first = UniqueNamer(reserved: reserved)
        var second = UniqueNamer(reserved: reserved)
        XCTAssertEqual(first.claim("Body"), "Body")
        XCTAssertEqual(second.claim("Body"), "Body", "a name taken in one scope is free in another")
        XCTAssertEqual(first.claim("output"), "output2")
        XCTAssertEqual(second.claim("Output"), "Output2")
    }
}
