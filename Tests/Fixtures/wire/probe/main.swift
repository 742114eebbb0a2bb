// Sends one request per operation of Tests/Fixtures/wire/wire.openapi.json to the echo server given as the
// first argument, with the generated client; WireTests compares what the server received byte for byte.
import Foundation
import WireAPI

let base = URL(string: CommandLine.arguments[1] + "/v1")!
let all = Credentials(basicAuth: SpecGenBasicCredentials(username: "sk_test", password: ""), bearerAuth: SpecGenToken(provider: { "fresh" }),
                      keyInQuery: "q-key&=", keyInHeader: "h-key", keyInCookie: "c key")
let client = APIClient(baseURL: base, credentials: all)
let bearerOnly = APIClient(baseURL: base, credentials: Credentials(bearerAuth: "only-bearer"))
let anonymous = APIClient(baseURL: base)

func attempt(_ label: String, _ body: () async throws -> Void) async {
    do { try await body() } catch { print("\(label): \(error)") }
}

await attempt("createCustomer") {
    let body = Operations.CreateCustomer.Body(
        address: .init(city: "Berlin", line1: "Main 1"), balance: 5, description: .null, email: "jane+1@example.com",
        expand: ["sources", "tax"], items: [.init(price: "p_1", quantity: 2)], metadata: ["plan": "gold"], tags: ["a", "b"])
    try await bearerOnly.createCustomer(Operations.CreateCustomer(body: body))
}
await attempt("listCustomers") {
    try await client.listCustomers(Operations.ListCustomers(
        created: .init(gt: 5, lte: 9), ids: ["a", "b"], words: ["x y", "z"], color: ["blue", "black"], filter: .init(a: 1),
        next: "a/b?c&d", limit: 10))
}
await attempt("uploadFile") {
    let form = Operations.UploadFile.Form(
        file: SpecGenFile(data: Data("line1\r\nline2\u{0}".utf8), fileName: "notes.txt", contentType: "text/plain"), purpose: "fine-tune",
        attachments: [SpecGenFile(data: Data([0xFF, 0x00]), fileName: "a.bin"), SpecGenFile(data: Data("b".utf8), fileName: "b.bin")],
        meta: .init(k: 1), note: "# hi")
    try await client.uploadFile(Operations.UploadFile(body: form))
}
await attempt("getItems") {
    try await client.getItems(Operations.GetItems(ids: [3, 4], coords: .init(x: 1, y: 2), name: "a b/c", xTrace: ["t1", "t2"], session: "s;1"))
}
await attempt("keyInHeader") { try await client.keyInHeader(Operations.KeyInHeader()) }
await attempt("keyInCookie") { try await client.keyInCookie(Operations.KeyInCookie()) }
await attempt("publicThing") { try await client.publicThing(Operations.PublicThing()) }
await attempt("optionalAuth") { try await anonymous.optionalAuth(Operations.OptionalAuth()) }
await attempt("putNote") { try await client.putNote(Operations.PutNote(body: "héllo\n")) }
await attempt("putBlob") { try await client.putBlob(Operations.PutBlob(body: Data([0, 1, 2, 255]))) }
print("done")
