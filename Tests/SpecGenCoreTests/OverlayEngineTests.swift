import XCTest
@testable import SpecGenCore

final class OverlayEngineTests: XCTestCase {
    func apply(_ overlay: String, to document: String) throws -> (JSONDocument, [Diagnostic]) {
        try OverlayEngine().apply(JSONReader().read(text: overlay, path: "o.overlay.json"), to: JSONReader().read(text: document, path: "doc.json"))
    }

    func overlay(_ actions: String) -> String {
        "{\"overlay\": \"1.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"},\n \"actions\": \(actions)}"
    }

    func testUpdateMergesDeeply() throws {
        let document = #"{"a": {"keep": 1, "n": {"x": 1}, "list": [1], "s": "old"}, "arr": [{"k": 1}]}"#
        let (result, warnings) = try apply(overlay(#"""
        [{"target": "$.a", "update": {"n": {"y": 2}, "list": [2, 3], "s": "new", "added": {"z": true}}},
         {"target": "$.arr", "update": {"k": 2}},
         {"target": "$.arr", "update": [{"k": 3}, {"k": 4}]},
         {"target": "$.a.keep", "update": 5}]
        """#), to: document)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(JSONWriter().string(result.root.value), #"{"a":{"keep":5,"n":{"x":1,"y":2},"list":[1,2,3],"s":"new","added":{"z":true}},"arr":[{"k":1},{"k":2},{"k":3},{"k":4}]}"#)
        // Nodes that were there keep their offsets; inserted and replaced ones are synthetic.
        XCTAssertEqual(result.node(at: JSONPointer("/a")!)?.offset, 6)
        XCTAssertEqual(result.node(at: JSONPointer("/a/n/x")!)?.offset, 29)
        XCTAssertEqual(result.node(at: JSONPointer("/a/n/y")!)?.offset, -1)
        XCTAssertEqual(result.node(at: JSONPointer("/a/added")!)?.offset, -1)
        XCTAssertEqual(result.node(at: JSONPointer("/a/added/z")!)?.offset, -1)
        XCTAssertEqual(result.node(at: JSONPointer("/a/keep")!)?.offset, -1)
        XCTAssertNil(result.location(of: result.node(at: JSONPointer("/a/added")!)!))
        XCTAssertEqual(result.source.path, "doc.json")
    }

    func testRemoveAndFilters() throws {
        let document = #"{"paths": {"/a": {"get": {"operationId": "a", "x-internal": true}, "put": {"operationId": "b"}}, "/b": {"get": {"operationId": "c", "x-internal": true}}}, "list": [0, 1, 2, 3, 4]}"#
        let (result, warnings) = try apply(overlay(#"""
        [{"target": "$.paths.*[?(@['x-internal'] == true)]", "remove": true},
         {"target": "$.list[?(@ == 1 || @ == 3)]", "remove": true},
         {"target": "$.paths['/a'].put", "update": {"summary": "B"}}]
        """#), to: document)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(JSONWriter().string(result.root.value), #"{"paths":{"/a":{"put":{"operationId":"b","summary":"B"}},"/b":{}},"list":[0,2,4]}"#)
    }

    func testNoMatchIsALocatedWarning() throws {
        let (result, warnings) = try apply(overlay("""
        [
          {"target": "$.missing", "update": {"a": 1}},
          {"target": "$.a", "remove": true, "update": {}},
          {"target": "$.b"},
          {"target": "$.b", "update": [1]}
        ]
        """), to: #"{"a": 1, "b": {}}"#)
        XCTAssertEqual(warnings.map(\.description), [
            "o.overlay.json:3:14: warning: target $.missing selects nothing; the action changes nothing (at /actions/0/target)\n  hint: check the target against the document, e.g. key spelling and ['/path'] quoting",
            "o.overlay.json:4:47: warning: the action has both \"remove\" and \"update\"; remove wins and the update is ignored (at /actions/1/update)",
            "o.overlay.json:5:3: warning: the action has neither \"update\" nor \"remove: true\"; it changes nothing (at /actions/2)",
            "o.overlay.json:6:31: warning: target /b is an object, so the update must be an object; found array, nothing changed (at /actions/3/update)",
        ])
        XCTAssertEqual(JSONWriter().string(result.root.value), #"{"b":{}}"#)
    }

    func testInvalidOverlaysThrowLocatedErrors() {
        XCTAssertThrowsError(try apply(#"{"overlay": "2.0.0", "info": {"title": "t"}, "actions": []}"#, to: "{}")) { error in
            let messages = (error as? DiagnosticsError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages.count, 3, "\(messages)")
            XCTAssertTrue(messages[0].hasPrefix("o.overlay.json:1:13: error: overlay version \"2.0.0\" is not supported"), messages[0])
            XCTAssertTrue(messages[1].contains("info.version is required"), messages[1])
            XCTAssertTrue(messages[2].contains("non-empty \"actions\" array"), messages[2])
        }
        XCTAssertThrowsError(try apply(overlay(#"[{"target": "$.a[", "update": {}}, {"target": "$", "remove": true}]"#), to: #"{"a": []}"#)) { error in
            let messages = (error as? DiagnosticsError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages.count, 2, "\(messages)")
            XCTAssertTrue(messages[0].hasPrefix("o.overlay.json:2:25: error: invalid JSONPath target \"$.a[\": unexpected end of the query inside '[' at character 5 (at /actions/0/target)"), messages[0])
            XCTAssertTrue(messages[1].contains("the root of the document cannot be removed"), messages[1])
        }
    }

    func testAuth0RulesOverlay() throws {
        let overlay = try DocumentLoader.load(path: packageRoot.appendingPathComponent("Specs/auth0-rules.overlay.json").path)
        let api = try DocumentLoader.load(path: fixtureURL("overlay/users-api.json").path)
        let (result, warnings) = try OverlayEngine().apply(overlay, to: api)
        XCTAssertEqual(warnings, [])
        let schema = try XCTUnwrap(result.node(at: JSONPointer("/components/schemas/UpdateUserRequestContent")!))
        XCTAssertEqual(schema.offset, api.node(at: JSONPointer("/components/schemas/UpdateUserRequestContent")!)?.offset, "the schema itself stays located in the API file")
        XCTAssertEqual(schema["properties"]?.value.objectValue?.count, 18, "properties are untouched")
        let rules = try XCTUnwrap(schema["allOf"]?.value.arrayValue)
        XCTAssertEqual(rules.map { $0["not"]?["required"]?.value }, [["password", "email"], ["password", "email_verified"], ["username", "email"], ["username", "email_verified"], ["username", "password"]])
        XCTAssertEqual(rules.map { $0["description"]?.value.stringValue ?? "" }, [
            "Cannot update password and email simultaneously.",
            "Cannot update password and email_verified simultaneously.",
            "Cannot update username and email simultaneously.",
            "Cannot update username and email_verified simultaneously.",
            "Cannot update username and password simultaneously.",
        ])
        XCTAssertTrue(rules.allSatisfy { $0.offset == -1 })
        // Applying the overlay twice appends the rules again (Overlay update semantics), so apply it once.
        let (twice, _) = try OverlayEngine().apply(overlay, to: result)
        XCTAssertEqual(twice.node(at: JSONPointer("/components/schemas/UpdateUserRequestContent/allOf")!)?.value.arrayValue?.count, 10)
    }
}

/// The rules overlay applied to the real Auth0 description in `Specs/`.
final class OverlayAuth0SpecTests: XCTestCase {
    func testRulesOverlayOnTheAuth0Description() throws {
        let specPath = packageRoot.appendingPathComponent("Specs/auth0-management-v2.json").path
        guard FileManager.default.fileExists(atPath: specPath) else { throw XCTSkip("Specs/auth0-management-v2.json is not in this checkout") }
        let api = try DocumentLoader.load(path: specPath)
        let overlay = try DocumentLoader.load(path: packageRoot.appendingPathComponent("Specs/auth0-rules.overlay.json").path)
        let pointer = JSONPointer("/components/schemas/UpdateUserRequestContent")!
        XCTAssertNil(api.node(at: pointer)?["allOf"], "the vendor schema has no allOf of its own")
        let (result, warnings) = try OverlayEngine().apply(overlay, to: api)
        XCTAssertEqual(warnings, [])
        let schema = try XCTUnwrap(result.node(at: pointer))
        XCTAssertEqual(schema["allOf"]?.value.arrayValue?.count, 5)
        // The metadata members get the one-level merge explained; every other property is untouched.
        var properties = try XCTUnwrap(schema["properties"]?.value.objectValue)
        for name in ["user_metadata", "app_metadata"] {
            let description = try XCTUnwrap(properties[name]?["description"]?.value.stringValue)
            XCTAssertTrue(description.contains("Auth0 merges this object into the stored one at the first level only"), description)
            XCTAssertTrue(description.contains("Set a key to `null` to delete it."), description)
            properties.set(name, try XCTUnwrap(api.node(at: pointer.appending("properties").appending(name))))
        }
        XCTAssertEqual(JSONValue.object(properties), api.node(at: pointer)?["properties"]?.value)
        // Every message the rules quote is one of the 400 descriptions of PATCH /users/{id} in the vendor file.
        let responses = try XCTUnwrap(api.node(at: JSONPointer("/paths/~1users~1{id}/patch/responses/400")!)?.value.objectValue)
        let documented = Set(responses.entries.compactMap { $0.value.value.stringValue })
        for rule in schema["allOf"]?.value.arrayValue ?? [] {
            let message = try XCTUnwrap(rule["description"]?.value.stringValue)
            XCTAssertTrue(documented.contains(message), message)
        }
        // Only that schema changed.
        XCTAssertTrue(result.node(at: JSONPointer("/paths")!)!.value.isIdentical(to: api.node(at: JSONPointer("/paths")!)!.value))
        var withoutRules = schema
        if case .object(var object) = withoutRules.value {
            object.remove("allOf")
            object.set("properties", api.node(at: pointer)!["properties"]!)
            withoutRules.value = .object(object)
        }
        XCTAssertTrue(withoutRules.value.isIdentical(to: api.node(at: pointer)!.value))
    }
}

final class OverlayRobustnessTests: XCTestCase {
    /// Random actions on a small document: every run either applies or throws located errors, and an
    /// update never loses the nodes it targeted.
    func testRandomActionsNeverCrash() throws {
        let document = try JSONReader().read(text: #"{"a": [1, {"b": "x", "c": [true, null]}], "d": {"e": {"a": 2}}, "f/g": {"h": []}}"#, path: "doc.json")
        let targets = ["$", "$.a", "$.a[*]", "$..a", "$.a[1].c", "$.d.*", "$['f/g'].h", "$..[?@.b]", "$.a[-1]", "$.missing", "$.a[0:2]", "$..*"]
        let updates = [#"{"n": 1}"#, "[1, 2]", "3", "null", #""s""#, #"{"c": [false], "b": {"deep": true}}"#]
        var generator = PostmanFuzzRandom(seed: 1010)
        for _ in 0..<2_000 {
            var actions: [String] = []
            var updatedTargets: [String] = []
            var removes = false
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let target = targets.randomElement(using: &generator)!
                if Bool.random(using: &generator) {
                    removes = true
                    actions.append("{\"target\": \"\(target)\", \"remove\": true}")
                } else {
                    updatedTargets.append(target)
                    actions.append("{\"target\": \"\(target)\", \"update\": \(updates.randomElement(using: &generator)!)}")
                }
            }
            let overlay = try JSONReader().read(text: "{\"overlay\": \"1.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"actions\": [\(actions.joined(separator: ","))]}", path: "o.json")
            do {
                let (result, warnings) = try OverlayEngine().apply(overlay, to: document)
                XCTAssertTrue(warnings.allSatisfy { $0.location?.file == "o.json" })
                XCTAssertEqual(result.source.path, "doc.json")
                if !removes {
                    // Updates merge, append or replace in place: whatever the first target selected still exists.
                    for steps in try JSONPath(updatedTargets[0]).select(in: document.root) {
                        XCTAssertNotNil(result.root.resolve(JSONPath.pointer(steps)), "\(updatedTargets[0]) in \(actions)")
                    }
                }
            } catch {
                let diagnostics = try XCTUnwrap((error as? DiagnosticsError)?.diagnostics, "\(error)")
                XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .error && $0.location?.file == "o.json" }, "\(error)")
            }
        }
    }
}
