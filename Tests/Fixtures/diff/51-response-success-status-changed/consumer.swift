// A consumer of the SDK generated from old.json: what an app would write, using what the edit touches.
// `specgen diff` must call the edit source-breaking exactly when this stops compiling against new.json's SDK.
import Foundation

func consume(_ client: APIClient) async throws {
    let pet = try await client.createPet(.init(body: NewPet(name: "Rex")))
    _ = pet.id
    // Every documented response, handled exhaustively (typed outputs).
    switch try await client.send(Operations.CreatePet(body: NewPet(name: "Rex"))) {
    case .created(let made): _ = made.id
    case .undocumented(let status, _): _ = status
    }
}
