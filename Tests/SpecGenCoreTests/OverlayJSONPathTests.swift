import XCTest
@testable import SpecGenCore

final class OverlayJSONPathTests: XCTestCase {
    let document = """
    {"paths": {"/users/{id}": {"get": {"operationId": "get_user", "tags": ["users"]},
                               "patch": {"operationId": "patch_user", "deprecated": true}},
               "/users": {"post": {"operationId": "post_users", "tags": ["users", "internal"]}}},
     "list": [10, 20, 30, 40, 50],
     "odd key": {"it's": 1, "a.b": 2},
     "x": {"x": {"x": 3}}}
    """

    func select(_ query: String) throws -> [String] {
        let root = try JSONReader().read(text: document).root
        return try JSONPath(query).select(in: root).map { JSONPath.pointer($0).description }
    }

    func testNamesWildcardsAndIndexes() throws {
        XCTAssertEqual(try select("$"), [""])
        XCTAssertEqual(try select("$.paths['/users/{id}'].patch"), ["/paths/~1users~1{id}/patch"])
        XCTAssertEqual(try select("$[\"paths\"][\"/users\"].post.operationId"), ["/paths/~1users/post/operationId"])
        XCTAssertEqual(try select("$.paths.*"), ["/paths/~1users~1{id}", "/paths/~1users"])
        XCTAssertEqual(try select("$.paths[*][*].operationId"), ["/paths/~1users~1{id}/get/operationId", "/paths/~1users~1{id}/patch/operationId", "/paths/~1users/post/operationId"])
        XCTAssertEqual(try select("$.list[0]"), ["/list/0"])
        XCTAssertEqual(try select("$.list[-1]"), ["/list/4"])
        XCTAssertEqual(try select("$.list[9]"), [])
        XCTAssertEqual(try select("$.list[1:3]"), ["/list/1", "/list/2"])
        XCTAssertEqual(try select("$.list[::-2]"), ["/list/4", "/list/2", "/list/0"])
        XCTAssertEqual(try select("$.list[0, 2]"), ["/list/0", "/list/2"])
        XCTAssertEqual(try select("$['odd key']['it\\'s']"), ["/odd key/it's"])
        XCTAssertEqual(try select("$['odd key']['a.b']"), ["/odd key/a.b"])
        XCTAssertEqual(try select("$.nothing.here"), [])
    }

    func testDescendants() throws {
        XCTAssertEqual(try select("$..operationId"), ["/paths/~1users~1{id}/get/operationId", "/paths/~1users~1{id}/patch/operationId", "/paths/~1users/post/operationId"])
        XCTAssertEqual(try select("$..x"), ["/x", "/x/x", "/x/x/x"])
        XCTAssertEqual(try select("$.x..*"), ["/x/x", "/x/x/x"])
        XCTAssertEqual(try select("$..[0]"), ["/paths/~1users~1{id}/get/tags/0", "/paths/~1users/post/tags/0", "/list/0"])
    }

    func testFilters() throws {
        XCTAssertEqual(try select("$.paths.*[?(@.operationId == 'patch_user')]"), ["/paths/~1users~1{id}/patch"])
        XCTAssertEqual(try select("$.paths.*[?@.operationId=='post_users']"), ["/paths/~1users/post"])
        XCTAssertEqual(try select("$.paths.*[?@.deprecated]"), ["/paths/~1users~1{id}/patch"])
        XCTAssertEqual(try select("$.paths.*[?!@.deprecated]"), ["/paths/~1users~1{id}/get", "/paths/~1users/post"])
        XCTAssertEqual(try select("$.paths.*[?(@.deprecated == true && @.operationId != 'x')]"), ["/paths/~1users~1{id}/patch"])
        XCTAssertEqual(try select("$.paths.*[?(@.operationId == 'get_user' || @.operationId == 'post_users')].operationId"), ["/paths/~1users~1{id}/get/operationId", "/paths/~1users/post/operationId"])
        XCTAssertEqual(try select("$.paths..[?(@.tags[?(@ == 'internal')])]"), ["/paths/~1users/post"])
        XCTAssertEqual(try select("$.list[?(@ > 25)]"), ["/list/2", "/list/3", "/list/4"])
        XCTAssertEqual(try select("$.list[?(@ <= 20 || @ >= 50)]"), ["/list/0", "/list/1", "/list/4"])
        XCTAssertEqual(try select("$.list[?(@ == $.list[1])]"), ["/list/1"])
    }

    func testSyntaxErrorsHavePositions() {
        for (query, position) in [("paths", 0), ("$.", 2), ("$['a'", 5), ("$[?(@.a == )]", 11), ("$.a b", 4), ("$[?'x']", 6)] {
            XCTAssertThrowsError(try JSONPath(query), query) { error in
                XCTAssertEqual((error as? JSONPath.SyntaxError)?.position, position, "\(query): \(error)")
            }
        }
    }
}
