// A consumer of the SDK generated from old.json: what an app would write, using what the edit touches.
// `specgen diff` must call the edit source-breaking exactly when this stops compiling against new.json's SDK.
import Foundation

func consume(_ client: APIClient) async throws {
    let pet = try await client.getPet(.init(petId: "1"))
    _ = pet.name
    // Every documented response, handled exhaustively (typed outputs).
    switch try await client.send(Operations.GetPet(petId: "1")) {
    case .ok(let found): _ = found.name
    case .undocumented(let status, _): _ = status
    }
}
