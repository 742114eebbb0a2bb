/// Helpers shared by the Python clients (http.client, requests, httpx).
enum PythonSupport {
    /// True when a Python literal of the value would change a number: a float literal is a double, so
    /// `1e400` becomes `inf` (which `json.dumps` writes as `Infinity`, not JSON) and `0.1e-400` becomes `0.0`.
    /// Integer literals are exact at any size.
    static func losesNumbers(_ value: JSONValue) -> Bool {
        value.containsNumber { number in
            number.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) && !number.isExactInDouble
        }
    }

    /// True when a `json=` argument cannot carry the body: a scalar document (`json=None` would mean "no body")
    /// or one whose numbers a Python literal would change. Such a body is sent as its JSON text.
    static func needsJSONText(_ value: JSONValue) -> Bool {
        (value.objectValue == nil && value.arrayValue == nil) || losesNumbers(value)
    }
}
